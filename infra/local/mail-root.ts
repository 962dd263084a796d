import type { Mail } from '../../shared/application/mail';
import { OutboxFolderMailSender } from '../../shared/adapters/mail/outbox-folder';
import { parseMailConfig } from '../../shared/config/mail';

/**
 * The local composition root for mail: e-mails become files in the outbox folder the local stack
 * names (MAIL_OUTBOX_DIR). The stack wires it into its services; AWS bundles never import it.
 */
export function localMail(): Mail {
  const config = parseMailConfig(process.env);
  if (config.MAIL_TRANSPORT !== 'outbox') throw new Error('MAIL_TRANSPORT is not outbox');
  return { sender: new OutboxFolderMailSender(config.MAIL_OUTBOX_DIR), from: config.MAIL_FROM };
}
