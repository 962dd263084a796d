import { DomainError } from '../domain/errors';

/**
 * The optional challenge hook of asking (issue 9 #1). Asking needs no account, so a province may
 * want a human check on top of the rate limit and the duplicate guard: Cloudflare Turnstile,
 * hCaptcha, or its front end's own proof of work. Its verifier is wired by the asking function's
 * root (`askChallenge` in the options of functions/questions/public.ts, `services.askChallenge`);
 * with none wired, as by default, asking is held back by the rate limit and the duplicate guard only. The verifier gets what the client sent
 * in X-Challenge-Token and the client address, and says whether it passes. A refused request is a
 * 403 naming the header, before anything is written.
 */
export interface AskChallenge {
  verify(token: string | undefined, clientAddress: string): Promise<boolean>;
}

export async function requireAskChallenge(
  challenge: AskChallenge | undefined,
  token: string | undefined,
  clientAddress: string,
): Promise<void> {
  if (challenge === undefined || (await challenge.verify(token, clientAddress))) return;
  const message = {
    vi: 'Chưa qua bước kiểm tra chống gửi tự động (tiêu đề X-Challenge-Token)',
    en: 'The anti-automation check did not pass (X-Challenge-Token header)',
  };
  throw new DomainError('forbidden', message, [
    { field: 'challengeToken', code: token === undefined ? 'required' : 'challenge_failed', message },
  ]);
}
