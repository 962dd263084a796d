import { mailConfig, type MailConfig } from '../config/mail';

/**
 * Sending one plain-text e-mail, chosen by each runtime's composition root as the identity
 * provider is: the notification consumer's entry registers SES, the local stack registers the
 * outbox folder. A sender throws when the message was not accepted; it never retries by itself.
 */
export interface MailMessage {
  /** Unique per sending attempt (names the local file; SES keeps its own message id). */
  readonly notificationId: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface MailSender {
  send(message: MailMessage): Promise<{ readonly messageId: string }>;
}

type Transport = MailConfig['MAIL_TRANSPORT'];

const factories = new Map<Transport, (config: MailConfig) => MailSender>();
let instance: MailSender | undefined;

export function registerMailSender(transport: Transport, factory: (config: MailConfig) => MailSender): void {
  factories.set(transport, factory);
  instance = undefined;
}

export function mailSender(): MailSender {
  if (!instance) {
    const config = mailConfig();
    const factory = factories.get(config.MAIL_TRANSPORT);
    if (!factory) throw new Error(`No ${config.MAIL_TRANSPORT} mail sender registered in this function (see its entry file)`);
    instance = factory(config);
  }
  return instance;
}
