// Corrections: the user re-labelling an invitation ("Not right?" in a card's panel). They are
// kept in storage.local (never sync: a thousand of them are far beyond its quota) under
// VouchSettings.CORRECTIONS_KEY, as one list, newest last, at most MAX:
//
//   [{invitation: <contract Invitation, as the content script read it off the card>,
//     category: <contract category>, at: <ISO date of the correction>}, ...]
//
// The background passes them to the core as the contract's `policy.corrections` (without `at`).
// One invitation has one correction: a new one for the same sender and note replaces the old, and
// that (sender, note) pair is the correction's key, as the core recognises "the same invitation"
// (the profile address's /in/<slug>, else the name; and the note exactly).
// Classic script (see messages.js): the background and the options page use it.
globalThis.VouchCorrections = (() => {
  const MAX = 1000;
  const CATEGORIES = new Set(globalThis.VouchMessages.CATEGORIES);

  function sender_of(invitation) {
    const sender = invitation && typeof invitation.sender === 'object' && invitation.sender ? invitation.sender : {};
    const slug = /\/in\/([^/?#]+)/.exec(String(sender.profile_url || ''));
    if (slug) {
      try {
        return `in:${decodeURIComponent(slug[1]).toLowerCase()}`;
      } catch {
        return `in:${slug[1].toLowerCase()}`;
      }
    }
    return `name:${String(sender.name || '').trim().toLowerCase()}`;
  }

  /** The correction's identity: its sender and its note. */
  function key_of(correction) {
    const invitation = correction.invitation;
    const message = invitation && typeof invitation.message === 'string' ? invitation.message : '';
    return `${sender_of(invitation)}\n${message}`;
  }

  /**
   * A list as stored: each entry checked for its shape (the core checks the invitations
   * themselves), one entry per key (the newest), the newest MAX. Throws an Error naming the first
   * bad entry ("corrections[3].category: ..."); a list that is not a list is an error too.
   */
  function normalize(list) {
    if (!Array.isArray(list)) throw new Error('corrections: expected a list');
    const checked = list.map((entry, i) => {
      const where = `corrections[${i}]`;
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new Error(`${where}: expected an object`);
      if (!entry.invitation || typeof entry.invitation !== 'object' || Array.isArray(entry.invitation)) {
        throw new Error(`${where}.invitation: expected an invitation object`);
      }
      if (!CATEGORIES.has(entry.category)) throw new Error(`${where}.category: expected one of ${[...CATEGORIES].join(', ')}`);
      const at = typeof entry.at === 'string' && !Number.isNaN(Date.parse(entry.at)) ? entry.at : null;
      return { invitation: entry.invitation, category: entry.category, at };
    });
    const seen = new Set();
    const newest_first = [];
    for (let i = checked.length - 1; i >= 0 && newest_first.length < MAX; i--) {
      const key = key_of(checked[i]);
      if (seen.has(key)) continue;
      seen.add(key);
      newest_first.push(checked[i]);
    }
    return newest_first.reverse();
  }

  /** `list` with `correction` as its newest entry (replacing one with the same key), at most MAX. */
  function added(list, correction) {
    const key = key_of(correction);
    const kept = list.filter((c) => key_of(c) !== key);
    kept.push(correction);
    return kept.length > MAX ? kept.slice(kept.length - MAX) : kept;
  }

  /** The contract's `policy.corrections` for a stored list. */
  const for_policy = (list) => list.map(({ invitation, category }) => ({ invitation, category }));

  return Object.freeze({ MAX, key_of, normalize, added, for_policy });
})();
