// One-click courteous decline, with LinkedIn's own controls only (never its private APIs):
//   1. open LinkedIn's reply for this invitation and put the drafted reply into its composer
//      (Send becomes enabled; sending stays the user's press unless "send for me" is on);
//      with no reply path, copy the reply to the clipboard instead and say so;
//   2. wait until LinkedIn's composer has sent it (the user's press), then show an undo toast and
//      hold the ignore for the configured seconds; a composer closed unsent ignores nothing;
//   3. click LinkedIn's own Ignore (the annotator's listener on it tells the history).
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

  /** Tells the history what the user did ('asked', 'replied'); a history that cannot hear it stops nothing. */
  function record(profile_url, what) {
    api.runtime.sendMessage({ type: CS_TO_BG.RECORD_ACTION, profile_url, what }).catch(() => {});
  }

  /** Step 1: where the reply went, {how: 'sent' | 'placed' | 'copied' | 'copy_failed', box}. */
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
          return { how: 'sent', box };
        }
        return { how: 'placed', box };
      }
    }
    return { how: (await copy(reply)) ? 'copied' : 'copy_failed', box: null };
  }

  /** Step 2: holds the ignore for the undo delay (announced once), then presses LinkedIn's Ignore. */
  function hold_then_ignore(card, opts, said, kept_text, set_status) {
    return new Promise((resolve) => {
      let left = opts.undo_seconds;
      const set = Toast.countdown(t('declineHoldingOnce', said), left, { label: t('undo'), run: undo });
      const interval = setInterval(() => {
        left -= 1;
        if (left > 0) set(left);
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
        Toast.show(kept_text);
        set_status(kept_text);
        setTimeout(Toast.hide, DONE_TOAST_MS);
        resolve('undone');
      }
    });
  }

  /**
   * Runs the decline for `card`. `copy(text)` copies to the clipboard; `set_status(text)` writes
   * into the annotation's status line. With the reply in LinkedIn's composer, nothing is ignored
   * until the composer sends it (LinkedIn clears the box and shows it in the thread); a composer
   * closed unsent ignores nothing and the card says so. Resolves 'ignored', 'undone' or 'unsent'.
   */
  async function run(card, reply, { copy, set_status, profile_url = null }) {
    // The options come first; a copy still falls within the click's transient user activation.
    const opts = await options();
    const { how, box } = await place_reply(card, reply, opts, copy);
    set_status(t(`declinePlaced_${how}`));
    if (how === 'placed') {
      const outcome = await Composer.watch(box, reply);
      if (outcome !== 'sent') {
        set_status(t('declineNotSent'));
        Toast.show(t('declineNotSent'));
        setTimeout(Toast.hide, DONE_TOAST_MS);
        return 'unsent';
      }
    }
    if (how === 'placed' || how === 'sent') record(profile_url, 'replied');
    const said = how === 'placed' ? t('declinePlaced_sent') : t(`declinePlaced_${how}`);
    set_status(said);
    return hold_then_ignore(card, opts, said, t('undone'), set_status);
  }

  /**
   * The Ask action: puts the question in LinkedIn's composer (as the decline does) and leaves the
   * invitation pending; Vouch remembers when it asked (background/asked.js). Resolves with the
   * date it asked (epoch ms) or null.
   */
  async function ask(card, reply, { copy, set_status, profile_url = null }) {
    const opts = await options();
    const { how } = await place_reply(card, reply, opts, copy);
    const said = t(`askPlaced_${how}`);
    set_status(said);
    Toast.show(said);
    setTimeout(Toast.hide, DONE_TOAST_MS);
    if (how === 'copy_failed') return null;
    record(profile_url, 'asked');
    try {
      const answer = await api.runtime.sendMessage({ type: CS_TO_BG.MARK_ASKED, profile_url });
      return (answer && answer.asked_at) || null;
    } catch {
      return null;
    }
  }

  /** Presses LinkedIn's own Ignore on `card` (the user pressed "Ignore now"); whether it was there. */
  function ignore_now(card) {
    const ignore = Card.ignore_button(card);
    if (!ignore || !ignore.isConnected) return false;
    ignore.click();
    return true;
  }

  return Object.freeze({ run, ask, ignore_now, place_reply, record });
})();
