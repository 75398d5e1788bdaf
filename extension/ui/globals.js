// The shared globals every extension page needs (classic scripts that assign to globalThis, as
// the content scripts use them), imported once, in order, before the page's own module runs.
import '../platform/browser-api.js';
import '../shared/messages.js';
import '../shared/i18n.js';
import '../shared/settings.js';
import '../shared/corrections.js';
import '../shared/history.js';
