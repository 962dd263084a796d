import * as z from 'zod/mini';
import enLocale from 'zod/v4/locales/en.js';

/**
 * How the notification consumer sends e-mail: SES on AWS (the sender address must be a verified
 * SES identity), a folder of readable files on the local stack. Parsed at the consumer's cold
 * start: a missing or malformed setting stops it before it takes a message, with the variable named.
 */
z.config(enLocale());

const mailSchema = z.union([
  z.object({ MAIL_TRANSPORT: z.literal('ses'), MAIL_FROM: z.email() }),
  z.object({
    MAIL_TRANSPORT: z.literal('outbox'),
    MAIL_FROM: z.email(),
    MAIL_OUTBOX_DIR: z.string().check(z.minLength(1)),
  }),
]);

export type MailConfig = z.infer<typeof mailSchema>;

/** Parses the mail settings from `source` (the environment); throws naming what is missing. */
export function parseMailConfig(source: Readonly<Record<string, string | undefined>>): MailConfig {
  const parsed = z.safeParse(mailSchema, {
    MAIL_TRANSPORT: source.MAIL_TRANSPORT,
    MAIL_FROM: source.MAIL_FROM,
    MAIL_OUTBOX_DIR: source.MAIL_OUTBOX_DIR,
  });
  if (!parsed.success) {
    const transport = source.MAIL_TRANSPORT;
    const needs =
      transport === 'outbox'
        ? 'MAIL_FROM (an e-mail address) and MAIL_OUTBOX_DIR'
        : transport === 'ses'
          ? 'MAIL_FROM (an e-mail address)'
          : 'MAIL_TRANSPORT (ses or outbox)';
    throw new Error(`Invalid mail environment: needs ${needs}`);
  }
  return parsed.data;
}
