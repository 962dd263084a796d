/** What the idempotency middleware needs from storage; the DynamoDB adapter implements it. */
export interface StoredResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** Secret fields left out of the stored body (a replay comes without them). */
  readonly redacted?: readonly string[];
}

export type BeginOutcome =
  | { readonly kind: 'started' }
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  | { readonly kind: 'in_progress' }
  | { readonly kind: 'mismatch' };

/** What an earlier request with the key left, or nothing (none, expired, or a claim whose lock ran out). */
export type EarlierOutcome = Exclude<BeginOutcome, { kind: 'started' }>;
export type PeekOutcome = EarlierOutcome | { readonly kind: 'absent' };

export interface IdempotencyStore {
  /** Claims the key for this request, or says what an earlier request with it left. */
  begin(scope: string, fingerprint: string, now: Date): Promise<BeginOutcome>;
  complete(scope: string, response: StoredResponse, now: Date): Promise<void>;
  /** Frees the key after a failure, so that a retry runs again. */
  release(scope: string): Promise<void>;
  /**
   * For routes whose record joins their step's commit (`idempotencyJoinsCommit`): what an earlier
   * request left, by one read that runs alongside the caller's.
   */
  peek?(scope: string, fingerprint: string, now: Date): Promise<PeekOutcome>;
  /**
   * Runs the step holding its one commit, alongside `earlier` (the peek): when that finds a record,
   * the held commit is dropped and the record answers. Otherwise the commit is sent with the record
   * of `stored(value)` (none when undefined); when another request with the key committed first,
   * says what that one left.
   */
  joinCommit?<R>(
    scope: string,
    fingerprint: string,
    now: Date,
    earlier: Promise<PeekOutcome>,
    step: () => Promise<R>,
    stored: (value: R) => StoredResponse | undefined,
  ): Promise<{ readonly kind: 'done'; readonly value: R } | EarlierOutcome>;
}
