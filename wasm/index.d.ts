// Types of the Vouch JavaScript API (dist/vouch/index.mjs). Shapes follow ../shared/contract.md.

export type Category =
  | 'known' | 'personal' | 'generic' | 'networker' | 'sales'
  | 'recruiter' | 'job_seeker' | 'romance' | 'scam';

export type Verdict = 'accept' | 'ask' | 'decline' | 'ignore';

export type Mode = 'quality' | 'balanced' | 'open';

export interface Sender {
  name: string;
  headline?: string;
  profile_url?: string;
  mutual_connections?: number;
}

export interface Invitation {
  id: string;
  sender: Sender;
  /** The note; null, absent or "" means no note. Plain text, never HTML. */
  message?: string | null;
  /** Earlier invitations from this sender that were not accepted (default 0). */
  prior_invitations?: number;
  [extra: string]: unknown;
}

export interface Me {
  name?: string;
  first_name?: string;
  headline?: string;
  companies?: string[];
  schools?: string[];
  groups?: string[];
  work_email?: string;
  follow_url?: string;
  [extra: string]: unknown;
}

export interface Policy {
  me?: Me;
  mode?: Mode;
  [extra: string]: unknown;
}

export interface Reason {
  /** A stable rule name such as "sales.discount". */
  rule: string;
  /** The reason in words a user understands. */
  text: string;
  /** [start, end) into the invitation's message, in UTF-16 code units (JavaScript indexes). */
  span?: [number, number];
}

export interface Result {
  id: string;
  category: Category;
  verdict: Verdict;
  confidence: number;
  /** Strongest first. */
  reasons: Reason[];
  /** The drafted reply for ask and decline; absent or null for accept and ignore. */
  reply?: string | null;
  /** Alternative wordings of the reply, when the core offers them. */
  reply_variants?: string[];
  [extra: string]: unknown;
}

export type Relation =
  | 'worked_together' | 'studied_together' | 'met_at'
  | 'their_content' | 'mutual_contact' | 'cold';

export interface NoteTarget {
  id: string;
  target: {
    name: string;
    headline?: string;
    companies?: string[];
    schools?: string[];
  };
  context: {
    relation: Relation;
    where?: string;
    when?: string;
    reason?: string;
    topic?: string;
  };
  /** Maximum note length in UTF-16 code units (default: the policy's, else 200). */
  limit?: number;
}

export interface NoteResult {
  id: string;
  /** At least three distinct notes, each within the limit. */
  notes: string[];
}

/** Any argument may also be given as its JSON text. */
type Json<T> = T | string;

export interface Vouch {
  /** Classifies one invitation; throws an Error whose message names the bad field. */
  classify(invitation: Json<Invitation>, policy?: Json<Policy>): Result;
  /** Drafts connection notes; throws an Error (also "not yet implemented" while unfinished). */
  draftNote(target: Json<NoteTarget>, policy?: Json<Policy>): NoteResult;
  /** Returns the policy with every default filled in, or throws an Error naming the field. */
  validatePolicy(policy: Json<Policy>): Policy;
  /** The policy used when the user has set nothing. */
  defaultPolicy(): Policy;
  /** Versions of the core and of its default rule pack. */
  version(): Record<string, unknown>;
}

export interface LoadOptions {
  /** The module's .wasm bytes, if the caller already has them. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where to fetch the .wasm from (default: index.wasm beside index.mjs). */
  wasmUrl?: string | URL;
}

/** Creates the module once; later calls return the same promise. */
export function loadVouch(options?: LoadOptions): Promise<Vouch>;
