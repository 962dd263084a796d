import { describe, expect, it } from 'vitest';
import {
  checkOutcome,
  cleanKey,
  contentDisposition,
  declaredFileType,
  incomingKey,
  notClean,
  quarantineKey,
  servingHeaders,
  uploadIdOfIncomingKey,
} from '../../shared/domain/uploads/upload';
import { refusal } from '../support/refusal';
import { allowedFileTypes, extensionOf, FILE_TYPE_IDS, MAX_UPLOAD_BYTES } from '../../shared/domain/uploads/file-types';
import { presignedPost, signPolicy } from '../../shared/adapters/s3/presigned-post';
import { DomainError } from '../../shared/domain/errors';

const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error instanceof DomainError ? error.fields[0]?.field : `not a DomainError: ${String(error)}`;
  }
  return undefined;
};

describe('the allowed file types (CB 13.2, plus DOCX/XLSX/ODS)', () => {
  it('are the twenty of the list, each with its basis', () => {
    expect([...FILE_TYPE_IDS].sort()).toEqual([
      'avi',
      'bmp',
      'doc',
      'docx',
      'gif',
      'jpg',
      'mp3',
      'mp4',
      'ods',
      'odt',
      'pdf',
      'png',
      'psd',
      'rar',
      'txt',
      'wav',
      'wma',
      'wmv',
      'xlsx',
      'zip',
    ]);
    for (const type of Object.values(allowedFileTypes)) expect(type.basis).toMatch(/CB 13\.2|Issue 8/);
  });
});

describe('extensionOf: the extension of a file name', () => {
  it('has none for a name ending in a dot or starting with its only dot', () => {
    expect(extensionOf('bao-cao.')).toBeUndefined();
    expect(extensionOf('.pdf')).toBeUndefined();
    expect(extensionOf('Báo cáo.PDF')).toBe('pdf');
  });
});

describe('declaredFileType', () => {
  it('accepts a content type of the list with a matching extension, in any case', () => {
    expect(declaredFileType('Quyết định 12.PDF', 'application/pdf', 1000)).toBe('pdf');
    expect(declaredFileType('anh.jpeg', 'image/jpeg', 10)).toBe('jpg');
    expect(
      declaredFileType('so-lieu.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 10),
    ).toBe('xlsx');
  });

  it('refuses a content type outside the list, naming body.contentType', () => {
    expect(fieldOf(() => declaredFileType('trang.html', 'text/html', 10))).toBe('contentType');
    expect(fieldOf(() => declaredFileType('a.exe', 'application/octet-stream', 10))).toBe('contentType');
  });

  it("refuses a name whose extension is not the declared type's, naming body.fileName", () => {
    expect(fieldOf(() => declaredFileType('anh.png', 'application/pdf', 10))).toBe('fileName');
    expect(fieldOf(() => declaredFileType('khong-duoi', 'application/pdf', 10))).toBe('fileName');
    expect(fieldOf(() => declaredFileType('.pdf', 'application/pdf', 10))).toBe('fileName');
  });

  it('refuses a size above the province-wide maximum, naming body.size', () => {
    expect(fieldOf(() => declaredFileType('a.pdf', 'application/pdf', MAX_UPLOAD_BYTES))).toBeUndefined();
    expect(fieldOf(() => declaredFileType('a.pdf', 'application/pdf', MAX_UPLOAD_BYTES + 1))).toBe('size');
  });
});

describe('declaredFileType: each refusal in full (field, code, both languages)', () => {
  it('names a content type outside CB 13.2', () => {
    const error = refusal(() => declaredFileType('trang.html', 'text/html', 10));
    const messages = {
      vi: 'Loại tệp text/html không được phép (CB 13.2)',
      en: 'Content type text/html is not allowed (CB 13.2)',
    };
    expect({ code: error.code, messages: error.messages, fields: error.fields }).toEqual({
      code: 'validation',
      messages,
      fields: [{ field: 'contentType', code: 'file_type_not_allowed', message: messages }],
    });
  });

  it('lists every extension the declared type allows', () => {
    const error = refusal(() => declaredFileType('anh.png', 'image/jpeg', 10));
    const messages = {
      vi: 'Tên tệp phải có đuôi .jpg hoặc .jpeg cho loại image/jpeg',
      en: 'The file name must end with .jpg or .jpeg for image/jpeg',
    };
    expect(error.fields).toEqual([{ field: 'fileName', code: 'extension_mismatch', message: messages }]);
  });

  it('states the size limit, which is inclusive', () => {
    expect(declaredFileType('a.pdf', 'application/pdf', MAX_UPLOAD_BYTES)).toBe('pdf');
    const error = refusal(() => declaredFileType('a.pdf', 'application/pdf', MAX_UPLOAD_BYTES + 1));
    const messages = {
      vi: `Tệp không được lớn hơn ${MAX_UPLOAD_BYTES} byte`,
      en: `A file must not exceed ${MAX_UPLOAD_BYTES} bytes`,
    };
    expect(error.fields).toEqual([{ field: 'size', code: 'too_large', message: messages }]);
  });
});

describe('checkOutcome', () => {
  const pdf = { declaredType: 'pdf' as const, size: 100 };
  it('is clean only for the declared type at the declared size', () => {
    expect(checkOutcome(pdf, 'pdf', 100)).toEqual({ status: 'clean', detectedType: 'pdf' });
    expect(checkOutcome(pdf, 'png', 100)).toEqual({
      status: 'quarantined',
      detectedType: 'png',
      reason: 'type-mismatch',
    });
    expect(checkOutcome(pdf, 'exe', 100)).toEqual({
      status: 'quarantined',
      detectedType: 'exe',
      reason: 'forbidden-type',
    });
    expect(checkOutcome(pdf, 'pdf', 101)).toEqual({
      status: 'quarantined',
      detectedType: 'pdf',
      reason: 'size-mismatch',
    });
    expect(checkOutcome(pdf, 'pdf', 99)).toMatchObject({ status: 'quarantined', reason: 'size-mismatch' });
  });
});

describe('serving headers', () => {
  it('give the true type, nosniff and the original name per RFC 6266 with an RFC 5987 UTF-8 form', () => {
    expect(servingHeaders({ fileName: 'Quyết định số 12 (bản ký).pdf', declaredType: 'pdf' })).toEqual({
      'content-type': 'application/pdf',
      'x-content-type-options': 'nosniff',
      'content-disposition':
        'attachment; filename="Quyet dinh so 12 (ban ky).pdf"; filename*=UTF-8\'\'Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh%20s%E1%BB%91%2012%20%28b%E1%BA%A3n%20k%C3%BD%29.pdf',
    });
  });

  it('never lets a quote, backslash or control character out of the fallback name', () => {
    const value = contentDisposition('a"b\\c\u0007d%e.txt');
    expect(value).toBe('attachment; filename="a_b_c_d_e.txt"; filename*=UTF-8\'\'a%22b%5Cc%07d%25e.txt');
    expect(value).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('serving headers: content disposition encodes the RFC 5987 specials', () => {
  it('percent-encodes the RFC 5987 specials in upper-case hex', () => {
    expect(contentDisposition("a*(b)'.pdf")).toBe(
      `attachment; filename="a*(b)'.pdf"; filename*=UTF-8''a%2A%28b%29%27.pdf`,
    );
  });
});

describe('bucket keys: one prefix per stage', () => {
  it('places each stage under its prefix and reads the id back from incoming keys only', () => {
    expect([incomingKey('u-1'), cleanKey('u-1'), quarantineKey('u-1')]).toEqual([
      'incoming/u-1',
      'clean/u-1',
      'quarantine/u-1',
    ]);
    expect(uploadIdOfIncomingKey(incomingKey('u-1'))).toBe('u-1');
    expect(uploadIdOfIncomingKey('media/incoming/u-1')).toBeUndefined();
    expect(uploadIdOfIncomingKey('incoming/u-1/x')).toBeUndefined();
  });
});

describe('incoming keys and readiness', () => {
  it('reads the upload id only from an incoming key', () => {
    expect(uploadIdOfIncomingKey('incoming/0b5c-11')).toBe('0b5c-11');
    expect(uploadIdOfIncomingKey('clean/0b5c-11')).toBeUndefined();
    expect(uploadIdOfIncomingKey('incoming/a/b')).toBeUndefined();
  });

  it('lists what is not clean, unknown ids included', () => {
    const uploads = new Map([
      ['a', { status: 'clean' as const }],
      ['b', { status: 'pending' as const }],
      ['c', { status: 'quarantined' as const }],
    ]);
    expect(notClean(['a', 'b', 'c', 'd'], uploads)).toEqual(['b', 'c', 'd']);
    expect(notClean(['a'], uploads)).toEqual([]);
  });
});

describe('presigned POST (SigV4)', () => {
  it("signs AWS's published example policy to AWS's published signature", () => {
    // docs.aws.amazon.com/AmazonS3/latest/API/sigv4-post-example.html: the policy's base64 and its signature.
    const policy =
      'eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0KICAiY29uZGl0aW9ucyI6IFsNCiAgICB7ImJ1Y2tldCI6ICJzaWd2NGV4YW1wbGVidWNrZXQifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRrZXkiLCAidXNlci91c2VyMS8iXSwNCiAgICB7ImFjbCI6ICJwdWJsaWMtcmVhZCJ9LA0KICAgIHsic3VjY2Vzc19hY3Rpb25fcmVkaXJlY3QiOiAiaHR0cDovL3NpZ3Y0ZXhhbXBsZWJ1Y2tldC5zMy5hbWF6b25hd3MuY29tL3N1Y2Nlc3NmdWxfdXBsb2FkLmh0bWwifSwNCiAgICBbInN0YXJ0cy13aXRoIiwgIiRDb250ZW50LVR5cGUiLCAiaW1hZ2UvIl0sDQogICAgeyJ4LWFtei1tZXRhLXV1aWQiOiAiMTQzNjUxMjM2NTEyNzQifSwNCiAgICB7IngtYW16LXNlcnZlci1zaWRlLWVuY3J5cHRpb24iOiAiQUVTMjU2In0sDQogICAgWyJzdGFydHMtd2l0aCIsICIkeC1hbXotbWV0YS10YWciLCAiIl0sDQoNCiAgICB7IngtYW16LWNyZWRlbnRpYWwiOiAiQUtJQUlPU0ZPRE5ON0VYQU1QTEUvMjAxNTEyMjkvdXMtZWFzdC0xL3MzL2F3czRfcmVxdWVzdCJ9LA0KICAgIHsieC1hbXotYWxnb3JpdGhtIjogIkFXUzQtSE1BQy1TSEEyNTYifSwNCiAgICB7IngtYW16LWRhdGUiOiAiMjAxNTEyMjlUMDAwMDAwWiIgfQ0KICBdDQp9';
    expect(signPolicy(policy, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '20151229', 'us-east-1')).toBe(
      '8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e',
    );
  });

  it('binds the bucket, the exact key and content type, the exact size and the expiry, and signs every field', () => {
    const now = new Date('2026-11-23T01:02:03.456Z');
    const post = presignedPost({
      bucket: 'portal-media',
      key: 'incoming/u-1',
      contentType: 'application/pdf',
      size: 1234,
      region: 'ap-southeast-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' },
      now,
      expiresAt: new Date(now.getTime() + 900_000),
    });
    expect(post.url).toBe('https://portal-media.s3.ap-southeast-1.amazonaws.com/');
    const policy = JSON.parse(Buffer.from(post.fields.policy!, 'base64').toString('utf8'));
    expect(policy).toEqual({
      expiration: '2026-11-23T01:17:03.456Z',
      conditions: [
        { bucket: 'portal-media' },
        ['eq', '$key', 'incoming/u-1'],
        ['eq', '$Content-Type', 'application/pdf'],
        ['eq', '$x-amz-algorithm', 'AWS4-HMAC-SHA256'],
        ['eq', '$x-amz-credential', 'AKIDEXAMPLE/20261123/ap-southeast-1/s3/aws4_request'],
        ['eq', '$x-amz-date', '20261123T010203Z'],
        ['eq', '$x-amz-security-token', 'token'],
        ['content-length-range', 1234, 1234],
      ],
    });
    // S3 requires every form field but the signature, the policy and the file to be in the policy.
    const named = new Set(
      policy.conditions.filter((c: unknown) => Array.isArray(c) && c[0] === 'eq').map((c: string[]) => c[1]!.slice(1)),
    );
    for (const field of Object.keys(post.fields).filter((f) => f !== 'policy' && f !== 'x-amz-signature'))
      expect(named.has(field), field).toBe(true);
    expect(post.fields['x-amz-signature']).toBe(
      signPolicy(post.fields.policy!, 'secret', '20261123', 'ap-southeast-1'),
    );
  });

  it('uses a path-style URL on a custom endpoint (the local emulator)', () => {
    const now = new Date();
    const post = presignedPost({
      bucket: 'b',
      key: 'incoming/x',
      contentType: 'image/png',
      size: 1,
      region: 'local',
      credentials: { accessKeyId: 'a', secretAccessKey: 's' },
      now,
      expiresAt: now,
      endpoint: 'http://127.0.0.1:4566/',
    });
    expect(post.url).toBe('http://127.0.0.1:4566/b');
    expect(post.fields['x-amz-security-token']).toBeUndefined();
  });
});
