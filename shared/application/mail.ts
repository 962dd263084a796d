/**
 * Sending one plain-text e-mail, chosen by each runtime's composition root as the identity
 * provider is: the notification consumer's root wires SES, the local stack the outbox folder. A sender throws when the message was not accepted; it never retries by itself.
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

/** A sender and the address it sends from, as a composition root wires them (shared/composition/services.ts `mail`). */
export interface Mail {
  readonly sender: MailSender;
  readonly from: string;
}
