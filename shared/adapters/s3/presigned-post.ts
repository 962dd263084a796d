import { createHmac } from 'node:crypto';

/**
 * An S3 presigned POST (browser-based upload, Signature Version 4): a policy that S3 enforces
 * on the form (this bucket, this exact key, this exact Content-Type, exactly the declared size,
 * before the expiry), signed with the function's own credentials. S3 refuses any form that
 * breaks a condition (403 AccessDenied, or 400 EntityTooLarge/EntityTooSmall for the size).
 *
 * Written out rather than taken from @aws-sdk/s3-presigned-post: that package pulls
 * @aws-sdk/client-s3 into the HTTP function's bundle only to resolve the endpoint, while the
 * signature is one HMAC chain over the base64 policy (checked against AWS's published example
 * in test/unit/presigned-post.test.ts).
 */
export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface PresignedPostInput {
  readonly bucket: string;
  readonly key: string;
  readonly contentType: string;
  /** The only accepted length, in bytes (content-length-range [size, size]). */
  readonly size: number;
  readonly region: string;
  readonly credentials: Credentials;
  readonly now: Date;
  readonly expiresAt: Date;
  /** A custom S3 endpoint (the local emulator): path-style URL on it. */
  readonly endpoint?: string;
}

export interface PresignedPost {
  readonly url: string;
  /** Form fields to send before the `file` field, in any order. */
  readonly fields: Readonly<Record<string, string>>;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';

const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** The SigV4 signature of a base64 POST policy (string to sign = the policy itself). */
export function signPolicy(
  base64Policy: string,
  secretAccessKey: string,
  date: string,
  region: string,
  service = 's3',
): string {
  const dateKey = hmac(`AWS4${secretAccessKey}`, date);
  const signingKey = hmac(hmac(hmac(dateKey, region), service), 'aws4_request');
  return createHmac('sha256', signingKey).update(base64Policy, 'utf8').digest('hex');
}

/** `20151229T000000Z` */
const amzDate = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export function presignedPost(input: PresignedPostInput): PresignedPost {
  const dateTime = amzDate(input.now);
  const date = dateTime.slice(0, 8);
  const credential = `${input.credentials.accessKeyId}/${date}/${input.region}/s3/aws4_request`;
  const signed: Record<string, string> = {
    key: input.key,
    'Content-Type': input.contentType,
    'x-amz-algorithm': ALGORITHM,
    'x-amz-credential': credential,
    'x-amz-date': dateTime,
    ...(input.credentials.sessionToken ? { 'x-amz-security-token': input.credentials.sessionToken } : {}),
  };
  const policy = {
    expiration: input.expiresAt.toISOString(),
    conditions: [
      { bucket: input.bucket },
      ...Object.entries(signed).map(([field, value]) => ['eq', `$${field}`, value]),
      ['content-length-range', input.size, input.size],
    ],
  };
  const base64Policy = Buffer.from(JSON.stringify(policy), 'utf8').toString('base64');
  const url = input.endpoint
    ? `${input.endpoint.replace(/\/+$/, '')}/${input.bucket}`
    : `https://${input.bucket}.s3.${input.region}.amazonaws.com/`;
  return {
    url,
    fields: {
      ...signed,
      policy: base64Policy,
      'x-amz-signature': signPolicy(base64Policy, input.credentials.secretAccessKey, date, input.region),
    },
  };
}

/** The function's own credentials, as Lambda (and the local stack) put them in the environment. */
export function environmentCredentials(): Credentials {
  const accessKeyId = process.env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = process.env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey)
    throw new Error('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set to sign upload forms');
  const sessionToken = process.env.AWS_SESSION_TOKEN;
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
