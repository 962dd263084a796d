import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MailMessage, MailSender } from '../../application/mail';

/**
 * The local stand-in for SES: each message becomes one readable file,
 * `<folder>/<YYYY-MM-DD>/<notification id>.eml` (headers, a blank line, the UTF-8 text), which
 * any mail client opens. A file is never overwritten: sending twice leaves two files, so the tests
 * see a duplicate as SES would deliver one.
 */
export class OutboxFolderMailSender implements MailSender {
  constructor(private readonly folder: string) {}

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const now = new Date();
    const day = join(this.folder, now.toISOString().slice(0, 10));
    await mkdir(day, { recursive: true });
    const headers = [
      `Message-ID: <${message.notificationId}@outbox.local>`,
      `Date: ${now.toUTCString()}`,
      `From: ${message.from}`,
      `To: ${message.to}`,
      `Subject: ${message.subject}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: 8bit',
    ];
    // Written aside, then renamed: a reader of the folder never sees half a message.
    const file = join(day, `${message.notificationId}.eml`);
    await writeFile(`${file}.part`, `${headers.join('\r\n')}\r\n\r\n${message.text.replace(/\r?\n/g, '\r\n')}\r\n`, {
      flag: 'wx',
    });
    await rename(`${file}.part`, file);
    return { messageId: message.notificationId };
  }
}
