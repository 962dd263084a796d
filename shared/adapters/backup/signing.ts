import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign as signWith,
  verify as verifyWith,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type KMSClient, KMSInvalidSignatureException, SignCommand, VerifyCommand } from '@aws-sdk/client-kms';

/**
 * Backup manifests are signed, so a restore can tell a backup the backup writer made from one
 * anybody with write access to the bucket assembled (digests prove consistency, not origin).
 *
 * One algorithm everywhere: ECDSA on P-256 over the manifest's SHA-256 (KMS `ECC_NIST_P256`,
 * `ECDSA_SHA_256`, MessageType DIGEST: a manifest outgrows the 4,096 bytes KMS signs raw). An
 * asymmetric key rather than an HMAC key: the writer alone may Sign, and checking needs only the
 * public key, which the runbook keeps outside AWS, so a restore can verify a backup even without
 * rights in (or access to) the account whose key signed it. KMS and node:crypto both give
 * DER-encoded signatures, so either side verifies the other's.
 */
export const SIGNING_ALGORITHM = 'ECDSA_SHA_256';

export interface ManifestSigner {
  /** The key's id as recorded in the signature (the KMS key ARN, or `local:<fingerprint>`). */
  readonly keyId: string;
  /** Signs the SHA-256 of `message` (KMS is sent the digest only). */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

export interface ManifestVerifier {
  /** True only for a signature made by this deployment's key over this digest. */
  verify(message: Uint8Array, signature: Uint8Array): Promise<boolean>;
}

export class SigningUnavailable extends Error {
  override readonly name = 'SigningUnavailable';
}

/** The object written beside `backup-manifest.json`. */
export interface ManifestSignature {
  readonly version: 1;
  readonly algorithm: typeof SIGNING_ALGORITHM;
  readonly keyId: string;
  /** SHA-256 (hex) of the manifest's bytes as stored: the message that was signed. */
  readonly manifestSha256: string;
  /** DER, base64. */
  readonly signature: string;
}

export const manifestDigest = (bytes: Uint8Array): Buffer => createHash('sha256').update(bytes).digest();

export async function signManifest(signer: ManifestSigner, manifestBytes: Uint8Array): Promise<ManifestSignature> {
  const signature = await signer.sign(manifestBytes);
  return {
    version: 1,
    algorithm: SIGNING_ALGORITHM,
    keyId: signer.keyId,
    manifestSha256: manifestDigest(manifestBytes).toString('hex'),
    signature: Buffer.from(signature).toString('base64'),
  };
}

/** Undefined when the signature holds; otherwise why not. */
export async function checkManifestSignature(
  verifier: ManifestVerifier,
  manifestBytes: Uint8Array,
  signature: ManifestSignature | undefined,
): Promise<string | undefined> {
  if (!signature) return 'the manifest is not signed';
  if (signature.algorithm !== SIGNING_ALGORITHM || typeof signature.signature !== 'string')
    return `the signature is not ${SIGNING_ALGORITHM}`;
  if (manifestDigest(manifestBytes).toString('hex') !== signature.manifestSha256)
    return 'the manifest was changed after it was signed';
  const valid = await verifier.verify(manifestBytes, Buffer.from(signature.signature, 'base64'));
  return valid ? undefined : "the signature was not made with this deployment's backup signing key";
}

/** KMS: Sign for the backup writer's role only, Verify for the readers (infra grants them). */
export class KmsManifestKey implements ManifestSigner, ManifestVerifier {
  constructor(
    private readonly kms: KMSClient,
    readonly keyId: string,
  ) {}

  async sign(message: Uint8Array): Promise<Uint8Array> {
    const out = await this.kms.send(
      new SignCommand({
        KeyId: this.keyId,
        Message: manifestDigest(message),
        MessageType: 'DIGEST',
        SigningAlgorithm: SIGNING_ALGORITHM,
      }),
    );
    if (!out.Signature) throw new SigningUnavailable('KMS returned no signature');
    return out.Signature;
  }

  async verify(message: Uint8Array, signature: Uint8Array): Promise<boolean> {
    try {
      const out = await this.kms.send(
        new VerifyCommand({
          KeyId: this.keyId,
          Message: manifestDigest(message),
          MessageType: 'DIGEST',
          Signature: signature,
          SigningAlgorithm: SIGNING_ALGORITHM,
        }),
      );
      return out.SignatureValid === true;
    } catch (error) {
      // KMS answers a signature that does not verify with this exception, not with `false`.
      if (error instanceof KMSInvalidSignatureException) return false;
      throw error;
    }
  }
}

/** Verifies with a public key alone (PEM): the local stack, and an operator holding the runbook's copy of the KMS public key. */
export class PublicKeyVerifier implements ManifestVerifier {
  private readonly key: KeyObject;
  constructor(publicKeyPem: string) {
    this.key = createPublicKey(publicKeyPem);
  }
  async verify(message: Uint8Array, signature: Uint8Array): Promise<boolean> {
    return verifyWith('sha256', message, { key: this.key, dsaEncoding: 'der' }, signature);
  }
}

/**
 * The local stand-in for the KMS key: a P-256 key pair in a PEM file in the local data folder,
 * made on first use. Whoever can read the file can sign, as whoever may call kms:Sign can on AWS;
 * the local stack lets only the functions whose manifest entry says `backupSigning: 'sign'` use
 * it (infra/local/backup-signing-root.ts).
 */
export class LocalManifestKey implements ManifestSigner, ManifestVerifier {
  readonly keyId: string;
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;

  constructor(keyFile: string) {
    if (!existsSync(keyFile)) {
      const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    }
    this.privateKey = createPrivateKey(readFileSync(keyFile, 'utf8'));
    this.publicKey = createPublicKey(this.privateKey);
    const spki = this.publicKey.export({ type: 'spki', format: 'der' });
    this.keyId = `local:${createHash('sha256').update(spki).digest('hex').slice(0, 16)}`;
  }

  publicKeyPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  async sign(message: Uint8Array): Promise<Uint8Array> {
    return signWith('sha256', message, { key: this.privateKey, dsaEncoding: 'der' });
  }

  async verify(message: Uint8Array, signature: Uint8Array): Promise<boolean> {
    return verifyWith('sha256', message, { key: this.publicKey, dsaEncoding: 'der' }, signature);
  }
}
