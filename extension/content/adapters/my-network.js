// The invitations block at the top of My Network: https://www.linkedin.com/mynetwork/ (and
// /mynetwork/grow/). The same page also lists "people you may know", whose cards also hold a
// profile link and buttons, so cards are only taken from the block that links to the invitation
// manager (its "Show all"/"Manage" link: an address, not a word).
//   generation A: section.mn-invitations-preview li.invitation-card
//   any generation: the <section> (or nearest list container) around a link to
//     /mynetwork/invitation-manager/, then the smallest elements with one profile link and an
//     action pair inside it.
globalThis.VouchMyNetwork = (() => {
  const Card = globalThis.VouchInvitationCard;
  const PATH = /^\/mynetwork(\/grow)?\/?$/;

  function find_cards(doc) {
    const preview = [...doc.querySelectorAll('.mn-invitations-preview li.invitation-card')].filter(Card.is_card);
    if (preview.length) return preview;
    const cards = [];
    for (const link of doc.querySelectorAll('a[href*="/mynetwork/invitation-manager"]')) {
      const block = link.closest('section, [data-view-name], [componentkey]');
      if (block) cards.push(...Card.cards_within(block));
    }
    return [...new Set(cards)];
  }

  /** The invitation block's list items that are not cards Vouch can read (see invitation-manager.js). */
  function find_unreadable(doc) {
    const items = new Set(doc.querySelectorAll('.mn-invitations-preview li'));
    for (const link of doc.querySelectorAll('a[href*="/mynetwork/invitation-manager"]')) {
      const block = link.closest('section, [data-view-name], [componentkey]');
      if (block) for (const item of block.querySelectorAll('li, [role="listitem"]')) items.add(item);
    }
    return [...items].filter((el) => Card.is_unreadable(el));
  }

  return Object.freeze({ name: 'my-network', matches: (loc) => PATH.test(loc.pathname), find_cards, find_unreadable });
})();
