// The invitation manager: https://www.linkedin.com/mynetwork/invitation-manager/ (and /received/;
// never /sent/, which lists the user's own invitations). Cards, most specific first:
//   generation A: ul.mn-invitation-list > li.invitation-card
//   generation B: main [data-testid="lazy-column"] [data-display-contents] > [role="listitem"]
//     (as a public automation project read the live site in 2026)
//   any generation: the smallest element in <main> holding one profile link and an action pair.
globalThis.VouchInvitationManager = (() => {
  const Card = globalThis.VouchInvitationCard;
  const PATH = /^\/mynetwork\/invitation-manager(\/received)?\/?$/;
  const CANDIDATES = [
    '.mn-invitation-list > li',
    'li.invitation-card',
    'main [data-testid="lazy-column"] [data-display-contents] > [role="listitem"]',
    'main [data-testid="lazy-column"] > [role="listitem"]',
  ].join(',');

  function find_cards(doc) {
    const listed = [...doc.querySelectorAll(CANDIDATES)].filter(Card.is_card);
    if (listed.length) return listed;
    const main = doc.querySelector('main');
    return main ? Card.cards_within(main) : [];
  }

  /**
   * The list's items that are not cards Vouch can read (another shape, a company's invitation):
   * each holds a control, as an invitation does, and no readable card. They get the neutral badge.
   */
  function find_unreadable(doc) {
    return [...doc.querySelectorAll(CANDIDATES)].filter((el) => Card.is_unreadable(el));
  }

  return Object.freeze({ name: 'invitation-manager', matches: (loc) => PATH.test(loc.pathname), find_cards, find_unreadable });
})();
