// One-click courteous decline, with LinkedIn's own controls only (never its private APIs):
//   1. open LinkedIn's reply for this invitation and put the drafted reply into its composer
//      (Send becomes enabled; sending stays the user's press unless "send for me" is on);
//      with no reply path, copy the reply to the clipboard instead and say so;
//   2. show an undo toast and hold the ignore for the configured seconds;
//   3. click LinkedIn's own Ignore (the annotator's listener on it remembers the sender).
globalThis.VouchDecline = (() => {
  const api = globalThis.vouchBrowser;
  const { t } = globalThis.VouchI18n;
  const { CS_TO_BG } = globalThis.VouchMessages;
  const Card = globalThis.VouchInvitationCard;
  const Composer = globalThis.VouchMessagingComposer;
  const Toast = globalThis.VouchToast;
  const DONE_TOAST_MS = 6000;

  async function options() {
    try {
      const answer = await api.runtime.sendMessage({ type: CS_TO_BG.GET_OPTIONS });
      return (answer && answer.options) || globalThis.VouchSettings.DEFAULT_OPTIONS;
    } catch {
      return globalThis.VouchSettings.DEFAULT_OPTIONS;
    }
  }

  /** Step 1: where the reply went: 'sent', 'placed', 'copied' or 'copy_failed'. */
  async function place_reply(card, reply, opts, copy) {
    const reply_button = Card.reply_button(card);
    if (reply_button) {
      const before = Composer.boxes();
      reply_button.click();
      const box = await Composer.wait_for_new(before);
      if (box) {
        const enabled = Composer.insert(box, reply);
        if (enabled && opts.send_for_me) {
          Composer.send_button(box).click();
          return 'sent';
        }
        return 'placed';
      }
    }
    return (await copy(reply)) ? 'copied' : 'copy_failed';
  }

  /**
   * Runs the decline for `card`. `copy(text)` copies to the clipboard; `set_status(text)` writes
   * into the annotation's status line. Resolves once the ignore is done or undone.
   */
  async function run(card, reply, { copy, set_status }) {
    // The options come first; a copy still falls within the click's transient user activation.
    const opts = await options();
    const placed = await place_reply(card, reply, opts, copy);
    const said = t(`declinePlaced_${placed}`);
    set_status(said);
    return new Promise((resolve) => {
      let left = opts.undo_seconds;
      const tick = () => Toast.show(t('declineHolding', said, left), { label: t('undo'), run: undo });
      const interval = setInterval(() => {
        left -= 1;
        if (left > 0) tick();
      }, 1000);
      const timer = setTimeout(() => {
        clearInterval(interval);
        const ignore = Card.ignore_button(card);
        if (ignore && ignore.isConnected) {
          ignore.click();
          Toast.show(t('declineIgnored'));
        } else {
          Toast.show(t('declineNoIgnore'));
        }
        setTimeout(Toast.hide, DONE_TOAST_MS);
        resolve('ignored');
      }, opts.undo_seconds * 1000);
      function undo() {
        clearTimeout(timer);
        clearInterval(interval);
        const kept = placed === 'placed' ? t('undoneReplyKept') : t('undone');
        Toast.show(kept);
        set_status(kept);
        setTimeout(Toast.hide, DONE_TOAST_MS);
        resolve('undone');
      }
      tick();
    });
  }

  return Object.freeze({ run });
})();
