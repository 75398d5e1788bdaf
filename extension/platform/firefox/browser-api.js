// Firefox's extension namespace (promise-based `browser`). The build copies this file to
// platform/browser-api.js, so the rest of the extension names one global.
globalThis.vouchBrowser = browser;
