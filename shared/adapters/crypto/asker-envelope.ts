import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Envelope encryption of an asker's personal data (issue 9 §7): each question gets its own 256-bit
 * data key from the key provider (KMS on AWS, the local key locally); the data is sealed with
 * AES-256-GCM under it, bound to the question (additional data), and only the provider-wrapped data
 * key is kept beside it. Deleting the asker item deletes that wrapped key: the data is destroyed
 * even in backups' reach once they expire, and no one can read it without the provider's key.
 */
export interface DataKey {
  /** Used once to seal, then dropped. */
  readonly plaintext: Buffer;
  /** The data key encrypted by the provider (base64), stored with the sealed data. */
  readonly wrapped: string;
  /** Which key wrapped it (the KMS key ARN, or `local`). */
  readonly keyRef: string;
}

/** The provider of data keys; the encryption context (the question id) binds each to its question. */
export interface AskerKeys {
  newDataKey(questionId: string): Promise<DataKey>;
  unwrap(wrapped: string, questionId: string): Promise<Buffer>;
}

export interface SealedAsker {
  readonly alg: 'AES-256-GCM';
  readonly keyRef: string;
  readonly wrappedKey: string;
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

const additionalData = (questionId: string) => Buffer.from(`asker\n${questionId}`, 'utf8');

export async function sealAsker(keys: AskerKeys, questionId: string, value: unknown): Promise<SealedAsker> {
  const key = await keys.newDataKey(questionId);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.plaintext, iv).setAAD(additionalData(questionId));
    const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return {
      alg: 'AES-256-GCM',
      keyRef: key.keyRef,
      wrappedKey: key.wrapped,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
  } finally {
    key.plaintext.fill(0);
  }
}

export async function openAsker<T>(keys: AskerKeys, questionId: string, sealed: SealedAsker): Promise<T> {
  const plaintextKey = await keys.unwrap(sealed.wrappedKey, questionId);
  try {
    const decipher = createDecipheriv('aes-256-gcm', plaintextKey, Buffer.from(sealed.iv, 'base64')).setAAD(
      additionalData(questionId),
    );
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const json = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString(
      'utf8',
    );
    return JSON.parse(json) as T;
  } finally {
    plaintextKey.fill(0);
  }
}

/** The local stand-in for KMS: a 256-bit key from the local stack's state wraps each data key (AES-256-GCM, the question as context). */
export class LocalAskerKeys implements AskerKeys {
  private readonly master: Buffer;

  constructor(masterKeyBase64: string) {
    this.master = Buffer.from(masterKeyBase64, 'base64url');
    if (this.master.length !== 32) throw new Error('LOCAL_ASKER_KEY must be 32 bytes, base64url');
  }

  async newDataKey(questionId: string): Promise<DataKey> {
    const plaintext = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.master, iv).setAAD(additionalData(questionId));
    const wrapped = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    return { plaintext, wrapped: wrapped.toString('base64'), keyRef: 'local' };
  }

  async unwrap(wrapped: string, questionId: string): Promise<Buffer> {
    const bytes = Buffer.from(wrapped, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.master, bytes.subarray(0, 12)).setAAD(
      additionalData(questionId),
    );
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]);
  }
}
