import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import type { AskerKeys, DataKey } from '../crypto/asker-envelope';
import type { CoreServices } from '../../composition/services';

/**
 * The asker data keys on AWS: GenerateDataKey (askQuestion's function only) and Decrypt (the staff
 * function only) on the customer managed key of the data stack, with the question id as the
 * encryption context, so a wrapped key opens only for its own question (and CloudTrail names it).
 */
export class KmsAskerKeys implements AskerKeys {
  constructor(
    private readonly client: KMSClient,
    private readonly keyId: string,
  ) {}

  async newDataKey(questionId: string): Promise<DataKey> {
    const out = await this.client.send(
      new GenerateDataKeyCommand({ KeyId: this.keyId, KeySpec: 'AES_256', EncryptionContext: { questionId } }),
    );
    if (!out.Plaintext || !out.CiphertextBlob) throw new Error('KMS returned no data key');
    return {
      plaintext: Buffer.from(out.Plaintext),
      wrapped: Buffer.from(out.CiphertextBlob).toString('base64'),
      keyRef: out.KeyId ?? this.keyId,
    };
  }

  async unwrap(wrapped: string, questionId: string): Promise<Buffer> {
    const out = await this.client.send(
      new DecryptCommand({
        KeyId: this.keyId,
        CiphertextBlob: Buffer.from(wrapped, 'base64'),
        EncryptionContext: { questionId },
      }),
    );
    if (!out.Plaintext) throw new Error('KMS returned no plaintext');
    return Buffer.from(out.Plaintext);
  }
}

/** KMS, for the roots of the entry points that seal or open asker data (shared/composition/lambda.ts options). */
export const kmsAskerKeys = (core: CoreServices) => new KmsAskerKeys(new KMSClient({}), core.config.ASKER_KEY_ID);
