import { describe, expect, it } from 'vitest';
import { sniffFileType } from '../../shared/domain/uploads/sniff';

/**
 * The sniffer reads each format as its specification lays it out: each signature at its exact length
 * and one byte off, the ZIP end record and central directory walked entry by entry, OLE2 sector
 * geometry, ID3 tag sizes, truncated heads. Complements uploads-sniff.test.ts (real files).
 */
type Patch = { at: number; bytes: ArrayLike<number> };
const bytes = (...parts: Array<string | ArrayLike<number>>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : [...Array.from(p)])));
const zeros = (n: number) => new Uint8Array(n);
const u16le = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u32le = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
const utf16 = (s: string) => [...Buffer.from(s, 'utf16le')];

/** A reader over `file` that records each request and refuses offsets outside the file (S3 answers 416). */
function readerOf(file: Uint8Array, size = file.length) {
  const calls: Array<[number, number]> = [];
  const read = async (offset: number, length: number) => {
    calls.push([offset, length]);
    if (offset < 0 || offset > size) throw new Error(`read outside the file at ${offset}`);
    return file.subarray(offset, offset + length);
  };
  return { read, calls };
}
const sniff = (file: Uint8Array) => sniffFileType(readerOf(file).read, file.length);

/** A large file of zeros but for `patches`, served without allocating it. */
function virtualFile(size: number, patches: Patch[]) {
  return async (offset: number, length: number) => {
    if (offset < 0 || offset > size) throw new Error(`read outside the file at ${offset}`);
    const out = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
    for (const p of patches) {
      for (let i = 0; i < p.bytes.length; i += 1) {
        const k = p.at + i - offset;
        if (k >= 0 && k < out.length) out[k] = p.bytes[i]!;
      }
    }
    return out;
  };
}

// ---- ZIP (APPNOTE 4.3.7 local header, 4.3.12 central directory header, 4.3.16 end record) ----
type Entry = { name: string; extra?: number; comment?: number; signature?: number };
const centralEntry = ({ name, extra = 0, comment = 0, signature = 0x02014b50 }: Entry) =>
  bytes(
    u32le(signature),
    zeros(24),
    u16le(name.length),
    u16le(extra),
    u16le(comment),
    zeros(12),
    name,
    zeros(extra + comment),
  );
const endRecord = (entries: number, directorySize: number, directoryOffset: number) =>
  bytes([0x50, 0x4b, 0x05, 0x06], zeros(6), u16le(entries), u32le(directorySize), u32le(directoryOffset), [0, 0]);
/** A local header for `name` stored (method 0) with `content`, as ODF requires of `mimetype`. */
const localHeader = (name: string, content: string, { method = 0, extra = 0, signature = 0x04034b50 } = {}) =>
  bytes(
    u32le(signature),
    [20, 0, 0, 0],
    u16le(method),
    zeros(8),
    u32le(content.length),
    u32le(content.length),
    u16le(name.length),
    u16le(extra),
    name,
    zeros(extra),
    content,
  );
function zip(entries: Entry[], first: Uint8Array = localHeader('a.txt', 'hello')): Uint8Array {
  const directory = bytes(...entries.map(centralEntry));
  return bytes(first, directory, endRecord(entries.length, directory.length, first.length));
}
const OOXML = '[Content_Types].xml';

describe('signatures at their exact length and one byte off', () => {
  it.each([
    ['the 8-byte PNG signature alone', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a]), 'png'],
    ['the PNG signature with its last byte off by one', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0b]), 'unknown'],
    ['the PNG signature cut one byte short', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a]), 'unknown'],
    ['GIF87a', bytes('GIF87a', [1, 0, 1, 0, 0x80, 0, 0]), 'gif'],
    ['GIF89a', bytes('GIF89a', [1, 0, 1, 0, 0x80, 0, 0]), 'gif'],
    ['GIF88a is no GIF', bytes('GIF88a', [1, 0, 1, 0, 0x80, 0, 0]), 'unknown'],
    ['a BMP header of exactly 18 bytes', bytes('BM', zeros(12), u32le(40)), 'bmp'],
    ['a BMP header of 17 bytes', bytes('BM', zeros(12), [40, 0, 0]), 'unknown'],
    ['"BM" with a DIB size no BMP has', bytes('BM', zeros(12), u32le(41)), 'unknown'],
    ['a DIB size without "BM"', bytes('BN', zeros(12), u32le(40)), 'unknown'],
    ['PSD version 3 does not exist', bytes('8BPS', [0, 3], zeros(20)), 'unknown'],
    ['PSD version bytes without "8BPS"', bytes('8BPT', [0, 1], zeros(20)), 'unknown'],
    ['big-endian TIFF', bytes('MM', [0, 0x2a], u32le(8), zeros(8)), 'tiff'],
    ['RIFF of another form', bytes('RIFF', u32le(100), 'WAVX', zeros(20)), 'riff'],
    ['WEBP', bytes('RIFF', u32le(100), 'WEBPVP8 ', zeros(20)), 'webp'],
  ])('%s', async (_, file, type) => {
    expect(await sniff(file)).toBe(type);
  });

  it('reads no more than a small file holds, and only its head', async () => {
    const { read, calls } = readerOf(bytes('plain text'));
    expect(await sniffFileType(read, 10)).toBe('txt');
    expect(calls).toEqual([[0, 10]]);
  });
});

describe('ASF streams are looked for inside the header object only', () => {
  const ASF_HEADER = [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6, 0xd9, 0x00, 0xaa, 0x00, 0x62, 0xce, 0x6c];
  const VIDEO = [0xc0, 0xef, 0x19, 0xbc, 0x4d, 0x5b, 0xcf, 0x11, 0xa8, 0xfd, 0x00, 0x80, 0x5f, 0x5c, 0x44, 0x2b];
  const AUDIO = [0x40, 0x9e, 0x69, 0xf8, 0x4d, 0x5b, 0xcf, 0x11, 0xa8, 0xfd, 0x00, 0x80, 0x5f, 0x5c, 0x44, 0x2b];
  const asf = (headerSize: number, ...body: Array<ArrayLike<number>>) =>
    bytes(ASF_HEADER, u32le(headerSize), zeros(10), ...body);
  it.each([
    ['a video stream listed before audio', asf(30 + 32, VIDEO, AUDIO), 'wmv'],
    ['no stream at all', asf(30, zeros(16)), 'asf'],
    ['a video GUID after the header object ends', asf(30, VIDEO), 'asf'],
    ['a header size of 0: the whole head is searched', asf(0, VIDEO), 'wmv'],
    ['an audio GUID after the header object ends', asf(30, AUDIO), 'asf'],
  ])('%s', async (_, file, type) => {
    expect(await sniff(file)).toBe(type);
  });
});

describe('MPEG audio frames and ID3 tags', () => {
  const frame = [0xff, 0xfb, 0x90, 0x64];
  /** An ID3v2.4 header: flags, syncsafe size. */
  const id3 = (size: number, flags = 0) =>
    bytes('ID3', [4, 0, flags], [(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
  it.each([
    ['a frame header of exactly 4 bytes', bytes(frame), 'mp3'],
    ['a frame header cut to 3 bytes', bytes(frame.slice(0, 3)), 'unknown'],
    ['sync bits without the leading 0xFF', bytes([0xfe, 0xfb, 0x90, 0x64], zeros(8)), 'unknown'],
    ['the 3 high sync bits of the second byte missing', bytes([0xff, 0x1b, 0x90, 0x64], zeros(8)), 'unknown'],
    ['the reserved MPEG version 01', bytes([0xff, 0xeb, 0x90, 0x64], zeros(8)), 'unknown'],
    ['the forbidden bitrate index 1111', bytes([0xff, 0xfb, 0xf0, 0x64], zeros(8)), 'unknown'],
    ['the reserved sample rate 11', bytes([0xff, 0xfb, 0x9c, 0x64], zeros(8)), 'unknown'],
    ['an ID3 header cut short', bytes('ID3', [4, 0, 0, 0, 0]), 'unknown'],
    ['a bare 10-byte ID3 header', id3(0), 'id3-other'],
    ['an ID3 tag then a frame', bytes(id3(20), zeros(20), frame, zeros(2000)), 'mp3'],
    ['an ID3 tag with a footer, then a frame', bytes(id3(4, 0x10), 'TAG!', '3DI', zeros(7), frame, zeros(100)), 'mp3'],
    ['zero padding between the tag and the frame', bytes(id3(4), 'TAG!', zeros(5), frame, zeros(100)), 'mp3'],
    [
      'padding then an invalid bitrate',
      bytes(id3(4), 'TAG!', zeros(5), [0xff, 0xfb, 0xf0, 0x64], zeros(100)),
      'id3-other',
    ],
    ['padding all the way', bytes(id3(4), 'TAG!', zeros(100)), 'id3-other'],
  ])('%s', async (_, file, type) => {
    expect(await sniff(file)).toBe(type);
  });

  it('reads the frame after a tag longer than the head', async () => {
    const file = bytes(id3(70_000), zeros(70_000), frame, zeros(100));
    expect(await sniff(file)).toBe('mp3');
  });

  it('reads the frame again when it starts in the last bytes of the head', async () => {
    const file = bytes(id3(64 * 1024 - 12), zeros(64 * 1024 - 12), frame, zeros(100));
    expect(await sniff(file)).toBe('mp3');
  });

  it('takes the frame from the head when it is there, with no second read', async () => {
    for (const file of [bytes(id3(20), zeros(20), frame, zeros(1020)), bytes(id3(20), zeros(20), frame, zeros(2000))]) {
      const { read, calls } = readerOf(file);
      expect(await sniffFileType(read, file.length)).toBe('mp3');
      expect(calls).toHaveLength(1);
    }
  });
});

describe('ZIP: the end record and the central directory', () => {
  it.each([
    ['an empty archive (only its end record)', endRecord(0, 0, 0), 'zip'],
    [
      'an empty archive whose end record names a directory it lacks',
      bytes('PK', [3, 4], [9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9], endRecord(0, 100, 5000)),
      'zip',
    ],
    ['docx', zip([{ name: OOXML }, { name: 'word/document.xml' }]), 'docx'],
    ['xlsx', zip([{ name: OOXML }, { name: 'xl/workbook.xml' }]), 'xlsx'],
    ['pptx', zip([{ name: OOXML }, { name: 'ppt/presentation.xml' }]), 'pptx'],
    ['another OOXML package', zip([{ name: OOXML }, { name: 'visio/document.xml' }]), 'ooxml-other'],
    ['a plain zip naming word/document.xml without content types', zip([{ name: 'word/document.xml' }]), 'zip'],
    [
      'entries after one with an extra field and a comment',
      zip([{ name: OOXML, extra: 4, comment: 3 }, { name: 'word/document.xml' }]),
      'docx',
    ],
    [
      'entries after one with an extra field only',
      zip([{ name: OOXML, extra: 5 }, { name: 'xl/workbook.xml' }]),
      'xlsx',
    ],
    [
      'the walk stops at a header that is not a central one',
      zip([{ name: OOXML }, { name: 'word/document.xml', signature: 0x02014b51 }]),
      'ooxml-other',
    ],
  ])('%s', async (_, file, type) => {
    expect(await sniff(file)).toBe(type);
  });

  // A stray end-record look-alike with 0 entries: each byte of its signature off by one is not one.
  it.each([
    [[0x51, 0x4b, 0x05, 0x06]],
    [[0x50, 0x4c, 0x05, 0x06]],
    [[0x50, 0x4b, 0x04, 0x06]],
    [[0x50, 0x4b, 0x05, 0x07]],
  ])('end record signature %j is refused', async (signature) => {
    const file = bytes('PK', [3, 4], zeros(40), signature, zeros(18));
    expect(await sniff(file)).toBe('zip-damaged');
  });

  it('a central directory that reaches past the end of the file is damage', async () => {
    const file = zip([{ name: OOXML }]);
    const directoryOffset = file.length - 22 - 46 - OOXML.length;
    file.set(u32le(file.length - directoryOffset + 1), file.length - 22 + 12);
    expect(await sniff(file)).toBe('zip-damaged');
  });

  it('a central directory that ends exactly at the end of the file is read', async () => {
    const file = bytes('PK', [3, 4], zeros(40), endRecord(1, 22, 44));
    expect(await sniff(file)).toBe('zip');
  });

  it('a central directory of exactly 4 MiB is read, one byte more is damage', async () => {
    const size = 5 * 1024 * 1024;
    const archive = (directorySize: number) =>
      virtualFile(size, [
        { at: 0, bytes: [0x50, 0x4b, 3, 4] },
        { at: size - 22, bytes: endRecord(1, directorySize, 0) },
      ]);
    expect(await sniffFileType(archive(4 * 1024 * 1024), size)).toBe('zip');
    expect(await sniffFileType(archive(4 * 1024 * 1024 + 1), size)).toBe('zip-damaged');
  });

  it('a ZIP64 directory offset is damage, however large the file', async () => {
    const size = 2 ** 33;
    const read = virtualFile(size, [
      { at: 0, bytes: [0x50, 0x4b, 3, 4] },
      { at: size - 22, bytes: endRecord(1, 0, 0xffffffff) },
    ]);
    expect(await sniffFileType(read, size)).toBe('zip-damaged');
  });
});

describe('ODF: the stored mimetype entry', () => {
  const odf = (first: Uint8Array) => zip([{ name: 'mimetype' }, { name: 'content.xml' }], first);
  const TEXT = 'application/vnd.oasis.opendocument.text';
  it.each([
    ['a text document', odf(localHeader('mimetype', TEXT)), 'odt'],
    ['a spreadsheet', odf(localHeader('mimetype', 'application/vnd.oasis.opendocument.spreadsheet')), 'ods'],
    ['a presentation', odf(localHeader('mimetype', 'application/vnd.oasis.opendocument.presentation')), 'odf-other'],
    ['a local header with an extra field', odf(localHeader('mimetype', TEXT, { extra: 6 })), 'odt'],
    ['a deflated mimetype', odf(localHeader('mimetype', TEXT, { method: 8 })), 'odf-damaged'],
    ['another first entry', odf(localHeader('mimetypf', TEXT)), 'odf-damaged'],
  ])('%s', async (_, file, type) => {
    expect(await sniff(file)).toBe(type);
  });

  it('an archive opening with an end record, with mimetype listed, is damage', async () => {
    const file = odf(localHeader('mimetype', TEXT));
    file.set([0x50, 0x4b, 0x05, 0x06], 0);
    expect(await sniff(file)).toBe('odf-damaged');
  });
});

describe('OLE2: sector geometry and stream names', () => {
  const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  /** MS-CFB header with `shift` and the directory at `sector`, then directory entries naming `streams`. */
  function compound(streams: string[], { shift = 9, sector = 0, headerOnly = false } = {}) {
    const sectorSize = 1 << shift;
    const directoryAt = (sector + 1) * sectorSize;
    const file = new Uint8Array(headerOnly ? 512 : directoryAt + streams.length * 128);
    file.set(SIGNATURE);
    file.set(u16le(shift), 0x1e);
    file.set(u32le(sector), 0x30);
    streams.forEach((name, i) => {
      file.set(utf16(name), directoryAt + i * 128);
      file.set(u16le((name.length + 1) * 2), directoryAt + i * 128 + 64);
    });
    return file;
  }
  it.each([
    ['a header cut short', bytes(SIGNATURE, zeros(100)), 'ole2-damaged'],
    ['a header of exactly 512 bytes with no directory', compound([], { headerOnly: true }), 'ole2-other'],
    ['1024-byte sectors do not exist', compound(['WordDocument'], { shift: 10 }), 'ole2-damaged'],
    ['4096-byte sectors', compound(['Root Entry', 'WordDocument'], { shift: 12 }), 'doc'],
    ['the directory in sector 1', compound(['Root Entry', 'WordDocument'], { sector: 1 }), 'doc'],
    ['the directory in sector 20', compound(['Root Entry', 'WordDocument'], { sector: 20 }), 'doc'],
    [
      'a valid sector size in a file shorter than its header',
      bytes(SIGNATURE, zeros(22), u16le(9), zeros(100)),
      'ole2-damaged',
    ],
    ['a directory ending right after its only entry', compound(['WordDocument']), 'doc'],
    ['an Excel 5 Book stream', compound(['Root Entry', 'Book']), 'xls'],
    ['a PowerPoint Document stream', compound(['Root Entry', 'PowerPoint Document']), 'ppt'],
  ])('%s', async (_, file, type) => {
    expect(await sniff(file)).toBe(type);
  });
});

describe('UTF-8 text and the cut at the end of the head', () => {
  const HEAD = 64 * 1024;
  /** A file longer than the head whose head ends with `end`. */
  const cutAt = (end: number[]) => bytes('x'.repeat(HEAD - end.length), end, 'tail text');
  it.each([
    ['a 4-byte character cut after 3 bytes', cutAt([0xf0, 0x9f, 0x98]), 'txt'],
    ['a 3-byte character cut after 2 bytes', cutAt([0xe1, 0xbb]), 'txt'],
    ['a 2-byte character cut after its lead byte', cutAt([0xc3]), 'txt'],
    ['four continuation bytes are no character', cutAt([0xe1, 0x80, 0x80, 0x80]), 'unknown'],
    ['a NUL as the last byte of the head', cutAt([0x00]), 'unknown'],
  ])('%s', async (_, file, type) => {
    expect(await sniff(file)).toBe(type);
  });

  it('a whole file ending in a lead byte is not text', async () => {
    expect(await sniff(bytes('Th', [0xc3]))).toBe('unknown');
  });
});
