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
  /** Audits LinkedIn's data export (contract: "Auditing the network"); loads audit.wasm on first use. */
  audit(files: AuditFiles, policy?: Json<Policy>, options?: Json<AuditOptions>): Promise<AuditReport>;
  /** A streaming audit: feed each file's chunks in order, end it, then finish. */
  beginAudit(policy?: Json<Policy>, options?: Json<AuditOptions>): Promise<AuditStream>;
}

/** A file's text or bytes (UTF-8). */
export type AuditData = string | Uint8Array | ArrayBuffer;

/** Name (e.g. "Connections.csv", a path inside the zip is fine) to contents, or chunks in order. */
export type AuditFiles =
  | Record<string, AuditData>
  | Map<string, AuditData>
  | Array<{ name: string; data: AuditData }>
  | Iterable<{ name: string; data: AuditData }>
  | AsyncIterable<{ name: string; data: AuditData }>;

export interface AuditOptions {
  /** "YYYY-MM-DD"; default: the date in zip_name, else the latest date in the files. */
  as_of?: string;
  /** An interaction within this many days of as_of is recent (default 365). */
  stale_days?: number;
  /** A connection made within this many days without an interaction is new (default 90). */
  grace_days?: number;
  /** The export's file name, e.g. "Basic_LinkedInDataExport_11-20-2026.zip". */
  zip_name?: string;
}

export type AuditStatus = 'active' | 'faded' | 'never' | 'new';

/** One connection (one line of `vouch audit`). */
export interface AuditConnection {
  name: string;
  profile_url: string | null;
  company: string;
  position: string;
  connected_on: string | null;
  messages: { sent: number; received: number; last: string | null };
  endorsements: number;
  recommendations: number;
  last_interaction: string | null;
  status: AuditStatus;
  role: Category | null;
  reasons: string[];
}

/** `vouch audit --summary`. */
export interface AuditSummary {
  as_of: string;
  connections: number;
  status: Record<AuditStatus, number>;
  per_year: Record<string, number>;
  invitations: { count: number; categories: Partial<Record<Category, number>> };
  pending_sent_over_21_days: number;
  warnings: Array<{ file: string; line: number; message: string }>;
}

export interface AuditReport {
  connections: AuditConnection[];
  summary: AuditSummary;
}

export interface AuditStream {
  feed(name: string, chunk: AuditData): void;
  end(name: string): void;
  finish(): AuditReport;
  /** The same report as JSON text, unparsed (for posting from a worker as one string). */
  finishText(): string;
  cancel(): void;
}

export interface LoadOptions {
  /** The module's .wasm bytes, if the caller already has them. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where to fetch the .wasm from (default: index.wasm beside index.mjs). */
  wasmUrl?: string | URL;
}

/** Creates the module once; later calls return the same promise. */
export function loadVouch(options?: LoadOptions): Promise<Vouch>;

export interface AuditLoadOptions {
  auditWasmBinary?: ArrayBuffer | Uint8Array;
  auditWasmUrl?: string | URL;
}

/** The audit alone, without the classifier's module (for the audit page's worker). */
export function loadVouchAudit(options?: AuditLoadOptions): Promise<Pick<Vouch, 'audit' | 'beginAudit'>>;
