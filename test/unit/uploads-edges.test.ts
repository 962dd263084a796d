import { describe, expect, it } from 'vitest';
import { refusal } from '../support/refusal';
import { MAX_UPLOAD_BYTES } from '../../shared/domain/uploads/file-types';
import { cleanKey, contentDisposition, declaredFileType, incomingKey, quarantineKey, uploadIdOfIncomingKey } from '../../shared/domain/uploads/upload';

/** Each refusal of a declared upload, in full (field, code, both languages), and the bucket keys. */

describe('declaredFileType refusals', () => {
  it('names a content type outside CB 13.2', () => {
    const error = refusal(() => declaredFileType('trang.html', 'text/html', 10));
    const messages = { vi: 'Loại tệp text/html không được phép (CB 13.2)', en: 'Content type text/html is not allowed (CB 13.2)' };
    expect({ code: error.code, messages: error.messages, fields: error.fields }).toEqual({
      code: 'validation',
      messages,
      fields: [{ field: 'body.contentType', code: 'file_type_not_allowed', message: messages }],
    });
  });

  it('lists every extension the declared type allows', () => {
    const error = refusal(() => declaredFileType('anh.png', 'image/jpeg', 10));
    const messages = { vi: 'Tên tệp phải có đuôi .jpg hoặc .jpeg cho loại image/jpeg', en: 'The file name must end with .jpg or .jpeg for image/jpeg' };
    expect(error.fields).toEqual([{ field: 'body.fileName', code: 'extension_mismatch', message: messages }]);
  });

  it('states the size limit, which is inclusive', () => {
    expect(declaredFileType('a.pdf', 'application/pdf', MAX_UPLOAD_BYTES)).toBe('pdf');
    const error = refusal(() => declaredFileType('a.pdf', 'application/pdf', MAX_UPLOAD_BYTES + 1));
    const messages = { vi: `Tệp không được lớn hơn ${MAX_UPLOAD_BYTES} byte`, en: `A file must not exceed ${MAX_UPLOAD_BYTES} bytes` };
    expect(error.fields).toEqual([{ field: 'body.size', code: 'too_large', message: messages }]);
  });
});

describe('bucket keys', () => {
  it('places each stage under its prefix and reads the id back from incoming keys only', () => {
    expect([incomingKey('u-1'), cleanKey('u-1'), quarantineKey('u-1')]).toEqual(['incoming/u-1', 'clean/u-1', 'quarantine/u-1']);
    expect(uploadIdOfIncomingKey(incomingKey('u-1'))).toBe('u-1');
    expect(uploadIdOfIncomingKey('media/incoming/u-1')).toBeUndefined();
    expect(uploadIdOfIncomingKey('incoming/u-1/x')).toBeUndefined();
  });
});

describe('content disposition', () => {
  it('percent-encodes the RFC 5987 specials in upper-case hex', () => {
    expect(contentDisposition("a*(b)'.pdf")).toBe(`attachment; filename="a*(b)'.pdf"; filename*=UTF-8''a%2A%28b%29%27.pdf`);
  });
});
