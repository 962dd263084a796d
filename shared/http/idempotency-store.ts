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

export interface IdempotencyStore {
  /** Claims the key for this request, or says what an earlier request with it left. */
  begin(scope: string, fingerprint: string, now: Date): Promise<BeginOutcome>;
  complete(scope: string, response: StoredResponse, now: Date): Promise<void>;
  /** Frees the key after a failure, so that a retry runs again. */
  release(scope: string): Promise<void>;
}
