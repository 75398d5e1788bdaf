// Chromium's extension namespace. The build copies this file to platform/browser-api.js, so the
// rest of the extension names one global and never asks which browser it runs in.
globalThis.vouchBrowser = chrome;
