import { registerMailSender } from '../../shared/application/mail';
import { OutboxFolderMailSender } from '../../shared/adapters/mail/outbox-folder';

/**
 * The local composition root for mail: e-mails become files in the outbox folder the local stack
 * names (MAIL_OUTBOX_DIR). Importing this module registers it; AWS bundles never do.
 */
registerMailSender('outbox', (config) => {
  if (config.MAIL_TRANSPORT !== 'outbox') throw new Error('MAIL_TRANSPORT is not outbox');
  return new OutboxFolderMailSender(config.MAIL_OUTBOX_DIR);
});
