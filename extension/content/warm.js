// Runs at document_start, long before the annotator (document_idle): one cheap message that wakes
// the background (a stopped service worker starts again) and has it load and warm the core, so
// the page's first batch of invitations does not pay for the module load.
globalThis.vouchBrowser.runtime.sendMessage({ type: globalThis.VouchMessages.CS_TO_BG.WARM }).catch(() => {});
