import { DomainError } from '../domain/errors';

/**
 * The optional challenge hook of asking (issue 9 #1). Asking needs no account, so a province may
 * want a human check on top of the rate limit and the duplicate guard: Cloudflare Turnstile,
 * hCaptcha, or its front end's own proof of work. It registers a verifier in the asking
 * function's entry (functions/questions/public.ts); with none registered, as by default, asking is
 * held back by the rate limit and the duplicate guard only. The verifier gets what the client sent
 * in X-Challenge-Token and the client address, and says whether it passes. A refused request is a
 * 403 naming the header, before anything is written.
 */
export interface AskChallenge {
  verify(token: string | undefined, clientAddress: string): Promise<boolean>;
}

let registered: AskChallenge | undefined;

export function registerAskChallenge(challenge: AskChallenge | undefined): void {
  registered = challenge;
}

export async function requireAskChallenge(token: string | undefined, clientAddress: string): Promise<void> {
  if (registered === undefined || (await registered.verify(token, clientAddress))) return;
  const message = {
    vi: 'Chưa qua bước kiểm tra chống gửi tự động (tiêu đề X-Challenge-Token)',
    en: 'The anti-automation check did not pass (X-Challenge-Token header)',
  };
  throw new DomainError('forbidden', message, [
    { field: 'challengeToken', code: token === undefined ? 'required' : 'challenge_failed', message },
  ]);
}
