// Message types, named by direction (sender_TO_receiver), as Dark Reader does. Each message is a
// plain object `{type, ...payload}`; every receiver checks the sender before acting.
//
//   CS_TO_BG.WARM              {}                           -> {ok}  (wakes the background, loads the core)
//   CS_TO_BG.CLASSIFY          {invitations: Invitation[]}  -> {results: (Summary | {id, error})[]}
//   CS_TO_BG.EXPLAIN           {invitation: Invitation}     -> {result: Result} | {error}
//   CS_TO_BG.REMEMBER_IGNORED  {profile_url}                -> {ok}  (an older build's; RECORD_ACTION with what: ignored)
//   CS_TO_BG.GET_OPTIONS       {}                           -> {options}
//   CS_TO_BG.NOTE_CONTEXT      {target}                     -> {limit, shared: {companies, schools}}
//   CS_TO_BG.DRAFT_NOTE        {request: NoteTarget}        -> {notes} | {error}
//   CS_TO_BG.CORRECT           {invitation, category}       -> {result: Result, summary: Summary} | {error}
//   CS_TO_BG.RECORD_ACTION     {profile_url, what: asked|replied|ignored|accepted|corrected} -> {ok} | {error}
//                              (the history's "what the user did"; ignored and accepted also drop the asked date)
//   CS_TO_BG.MARK_ASKED        {profile_url}                -> {asked_at}  (the Ask action placed its question)
//   CS_TO_BG.SET_COUNTS        {counts: {accept, ask, decline, ignore}} -> {ok}  (the tab's toolbar badge)
//   UI_TO_BG.VALIDATE_POLICY   {policy}                     -> {policy} | {error}
//   UI_TO_BG.DEFAULT_POLICY    {}                           -> {policy}
//   UI_TO_BG.SET_CORRECTIONS   {corrections: Correction[]}  -> {count} | {error}  (an import: all or nothing)
//   UI_TO_BG.REMOVE_CORRECTIONS {keys: string[]} | {all: true} -> {count}
//   UI_TO_BG.GET_HISTORY       {}                           -> {history}  (shared/history.js has its shape)
//   UI_TO_BG.SET_HISTORY       {history}                    -> {count} | {error}  (an import, either shape, or {} to clear)
//   UI_TO_CS.GET_COUNTS        {}                           -> {counts: {accept, ask, decline, ignore}}
//
// A Summary is what a badge and its highlights need: {id, category, verdict, confidence,
// spans: [start, end][] (the reasons' evidence), has_reply, asked_at (epoch ms when Vouch's Ask
// placed its question for this sender, or null), reply_wait_days}; EXPLAIN gives the whole Result
// (reasons, reply and its variants) when the panel opens or the one-click decline runs.
// CORRECT stores the user's category for the invitation as read from its card (a correction,
// shared/corrections.js) and answers with the card's new judgement. A Correction's key is
// VouchCorrections.key_of(correction). Every CLASSIFY and CORRECT also records the senders' latest
// judgements in the history (background/history.js), which ui/history.html shows.
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
    CORRECT: 'cs-to-bg:correct',
    SET_COUNTS: 'cs-to-bg:set-counts',
    RECORD_ACTION: 'cs-to-bg:record-action',
    MARK_ASKED: 'cs-to-bg:mark-asked',
  }),
  UI_TO_BG: Object.freeze({
    VALIDATE_POLICY: 'ui-to-bg:validate-policy',
    DEFAULT_POLICY: 'ui-to-bg:default-policy',
    SET_CORRECTIONS: 'ui-to-bg:set-corrections',
    REMOVE_CORRECTIONS: 'ui-to-bg:remove-corrections',
    GET_HISTORY: 'ui-to-bg:get-history',
    SET_HISTORY: 'ui-to-bg:set-history',
  }),
  UI_TO_CS: Object.freeze({
    GET_COUNTS: 'ui-to-cs:get-counts',
  }),
  /** Where LinkedIn pages live; the only origin a content-script message may come from. */
  LINKEDIN_ORIGIN: 'https://www.linkedin.com',
  VERDICTS: Object.freeze(['accept', 'ask', 'decline', 'ignore']),
  /** The contract's categories, in the order the correction picker offers them. */
  CATEGORIES: Object.freeze(['known', 'personal', 'generic', 'networker', 'sales', 'recruiter', 'job_seeker', 'romance', 'scam']),
});
