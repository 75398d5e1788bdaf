// Content-script entry: starts the annotator, the bulk triage and the note drafter unless the
// user paused Vouch, follows the pause switch, has the cards judged again when the user's
// corrections change, answers the popup's request for this tab's counts, and keeps the toolbar
// badge's count of invitations waiting for a decision (after every pass, and 0 while paused).
(() => {
  const api = globalThis.vouchBrowser;
  const { UI_TO_CS, CS_TO_BG } = globalThis.VouchMessages;
  const { PAUSED_KEY, CORRECTIONS_KEY } = globalThis.VouchSettings;
  const Annotator = globalThis.VouchAnnotator;
  const NoteDrafter = globalThis.VouchNoteDrafter;
  const Triage = globalThis.VouchTriage;

  let last_sent = '';
  const send_counts = (counts) => {
    const key = JSON.stringify(counts);
    if (key === last_sent) return;
    last_sent = key;
    api.runtime.sendMessage({ type: CS_TO_BG.SET_COUNTS, counts }).catch(() => { last_sent = ''; });
  };
  const none = () => ({ accept: 0, ask: 0, decline: 0, ignore: 0 });
  // A pass over the page is complete (the event carries nothing; the counts are asked here).
  document.addEventListener('vouch:annotated', () => send_counts(Annotator.counts()));
  // Cards leave the page (an ignored invitation, another page of LinkedIn's app) without a pass.
  setInterval(() => { if (!document.hidden && last_sent !== JSON.stringify(none())) send_counts(Annotator.counts()); }, 2000);

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
    if (changes[PAUSED_KEY].newValue) { Annotator.stop(); send_counts(none()); }
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
