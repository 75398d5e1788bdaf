// Content-script entry: starts the annotator, the bulk triage and the note drafter unless the
// user paused Vouch, follows the pause switch, has the cards judged again when the user's
// corrections change, and answers the popup's request for this tab's counts.
(() => {
  const api = globalThis.vouchBrowser;
  const { UI_TO_CS } = globalThis.VouchMessages;
  const { PAUSED_KEY, CORRECTIONS_KEY } = globalThis.VouchSettings;
  const Annotator = globalThis.VouchAnnotator;
  const NoteDrafter = globalThis.VouchNoteDrafter;
  const Triage = globalThis.VouchTriage;

  api.storage.local.get(PAUSED_KEY).then((got) => {
    if (!got[PAUSED_KEY]) Annotator.start();
    if (!got[PAUSED_KEY]) NoteDrafter.start();
    if (!got[PAUSED_KEY]) Triage.start();
  });
  api.storage.onChanged.addListener((changes, area) => {
    // The background changes its copy of the corrections before it stores them, so it already
    // judges by the new ones.
    if (area === 'local' && changes[CORRECTIONS_KEY]) Annotator.refresh();
    if (area !== 'local' || !changes[PAUSED_KEY]) return;
    if (changes[PAUSED_KEY].newValue) Annotator.stop();
    else Annotator.start();
    if (changes[PAUSED_KEY].newValue) NoteDrafter.stop();
    else NoteDrafter.start();
    if (changes[PAUSED_KEY].newValue) Triage.stop();
    else Triage.start();
  });
  api.runtime.onMessage.addListener((msg, sender, send_response) => {
    if (sender.id !== api.runtime.id || !msg || msg.type !== UI_TO_CS.GET_COUNTS) return false;
    send_response({ counts: Annotator.counts() });
    return false;
  });
})();
