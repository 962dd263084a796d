import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LocalAskerKeys, openAsker, sealAsker } from '../../shared/adapters/crypto/asker-envelope';

/** Envelope encryption of the asker's data: sealed per question, opened only for that question with the key that wrapped it. */
const key = () => new LocalAskerKeys(randomBytes(32).toString('base64url'));
const asker = { kind: 'individual', fullName: 'Nguyễn Văn Kín', phone: '0905 111 222' };

describe('asker envelope', () => {
  it('seals with a fresh data key and IV each time, and opens for its own question', async () => {
    const keys = key();
    const a = await sealAsker(keys, 'HD.20260316.0001', asker);
    const b = await sealAsker(keys, 'HD.20260316.0001', asker);
    expect(a).toMatchObject({ alg: 'AES-256-GCM', keyRef: 'local' });
    expect(a.wrappedKey).not.toBe(b.wrappedKey);
    expect(a.data).not.toBe(b.data);
    expect(JSON.stringify(a)).not.toContain('Kín');
    expect(Buffer.from(a.data, 'base64').toString('utf8')).not.toContain('0905');
    expect(await openAsker(keys, 'HD.20260316.0001', a)).toEqual(asker);
  });

  it('refuses to open it for another question, under another key, or altered', async () => {
    const keys = key();
    const sealed = await sealAsker(keys, 'HD.20260316.0001', asker);
    await expect(openAsker(keys, 'HD.20260316.0002', sealed)).rejects.toThrow();
    await expect(openAsker(key(), 'HD.20260316.0001', sealed)).rejects.toThrow();
    const data = Buffer.from(sealed.data, 'base64');
    data[0] = data[0]! ^ 1;
    await expect(openAsker(keys, 'HD.20260316.0001', { ...sealed, data: data.toString('base64') })).rejects.toThrow();
    expect(() => new LocalAskerKeys('too-short')).toThrow(/32 bytes/);
  });
});
