// Message types, named by direction (sender_TO_receiver), as Dark Reader does. Each message is a
// plain object `{type, ...payload}`; every receiver checks the sender before acting.
//
//   CS_TO_BG.WARM              {}                           -> {ok}  (wakes the background, loads the core)
//   CS_TO_BG.CLASSIFY          {invitations: Invitation[]}  -> {results: (Summary | {id, error})[]}
//   CS_TO_BG.EXPLAIN           {invitation: Invitation}     -> {result: Result} | {error}
//   CS_TO_BG.REMEMBER_IGNORED  {profile_url}                -> {ok}
//   CS_TO_BG.GET_OPTIONS       {}                           -> {options}
//   CS_TO_BG.NOTE_CONTEXT      {target}                     -> {limit, shared: {companies, schools}}
//   CS_TO_BG.DRAFT_NOTE        {request: NoteTarget}        -> {notes} | {error}
//   UI_TO_BG.VALIDATE_POLICY   {policy}                     -> {policy} | {error}
//   UI_TO_BG.DEFAULT_POLICY    {}                           -> {policy}
//   UI_TO_CS.GET_COUNTS        {}                           -> {counts: {accept, ask, decline, ignore}}
//
// A Summary is what a badge and its highlights need: {id, category, verdict, confidence,
// spans: [start, end][] (the reasons' evidence), has_reply}; EXPLAIN gives the whole Result
// (reasons, reply and its variants) when the panel opens or the one-click decline runs.
//
// This file is a classic script (content scripts cannot be modules) that the background and the
// extension pages also import, so it only assigns to globalThis.
globalThis.VouchMessages = Object.freeze({
  CS_TO_BG: Object.freeze({
    WARM: 'cs-to-bg:warm',
    CLASSIFY: 'cs-to-bg:classify',
    EXPLAIN: 'cs-to-bg:explain',
    REMEMBER_IGNORED: 'cs-to-bg:remember-ignored',
    GET_OPTIONS: 'cs-to-bg:get-options',
    NOTE_CONTEXT: 'cs-to-bg:note-context',
    DRAFT_NOTE: 'cs-to-bg:draft-note',
  }),
  UI_TO_BG: Object.freeze({
    VALIDATE_POLICY: 'ui-to-bg:validate-policy',
    DEFAULT_POLICY: 'ui-to-bg:default-policy',
  }),
  UI_TO_CS: Object.freeze({
    GET_COUNTS: 'ui-to-cs:get-counts',
  }),
  /** Where LinkedIn pages live; the only origin a content-script message may come from. */
  LINKEDIN_ORIGIN: 'https://www.linkedin.com',
  VERDICTS: Object.freeze(['accept', 'ask', 'decline', 'ignore']),
});
