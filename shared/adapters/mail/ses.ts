import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mail, MailMessage, MailSender } from '../../application/mail';
import { parseMailConfig } from '../../config/mail';

/**
 * Amazon SES (API v2): one SendEmail per message, plain text in UTF-8. SES has no idempotency
 * key: sending once is the caller's business (the notification claims). The function's role may
 * send only from the configured identity (infra/constructs/portal-function.ts).
 */
export class SesMailSender implements MailSender {
  constructor(private readonly client = new SESv2Client({})) {}

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const out = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: message.from,
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
          },
        },
        EmailTags: [{ Name: 'notification', Value: message.notificationId.replace(/[^A-Za-z0-9_-]/g, '-') }],
      }),
    );
    return { messageId: out.MessageId ?? message.notificationId };
  }
}

/** The AWS composition root for mail: the notification consumer's entry calls this once. */
/** SES, for the notification consumer's root on AWS; its settings are checked when the root is built (cold start). */
export const sesMail = (): Mail => {
  const config = parseMailConfig(process.env);
  if (config.MAIL_TRANSPORT !== 'ses') throw new Error('MAIL_TRANSPORT is not ses');
  return { sender: new SesMailSender(), from: config.MAIL_FROM };
};
