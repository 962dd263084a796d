import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sniffFileType } from '../../shared/domain/uploads/sniff';

/**
 * The byte sniffer on real files (test/fixtures/uploads): images, WAV and ZIP from CPython's test
 * data, an MP3 from gsutil's, an ODT from docutils, the head of a PDF manual; DOCX, XLSX and ODS
 * packed by Info-ZIP in their standard layouts. Formats with no sample on this machine (DOC, RAR,
 * PSD, MP4, AVI, WMV, WMA) are built from their specifications' header layouts below.
 */
const fixture = (name: string) =>
  new Uint8Array(readFileSync(resolve(import.meta.dirname, '../fixtures/uploads', name)));
const sniff = (bytes: Uint8Array) =>
  sniffFileType(
    async (offset, length) => bytes.subarray(Math.max(0, offset), Math.max(0, offset) + length),
    bytes.length,
  );

const bytes = (...parts: Array<string | number[] | Uint8Array>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : [...p])));
const u32le = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
const utf16 = (s: string) => [...Buffer.from(s, 'utf16le')];

/** An OLE2 compound file (MS-CFB 2.2): 512-byte header, directory in sector 0 naming `stream`. */
function compoundFile(stream: string): Uint8Array {
  const file = new Uint8Array(512 * 3);
  file.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  file.set([0x09, 0x00], 0x1e); // sector shift 9: 512-byte sectors
  file.set(u32le(0), 0x30); // first directory sector
  const entry = (name: string, at: number) => {
    file.set(utf16(name), at);
    file.set([(name.length + 1) * 2, 0], at + 64);
  };
  entry('Root Entry', 512);
  entry('1Table', 512 + 128);
  entry(stream, 512 + 256);
  return file;
}
const ASF_HEADER = [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6, 0xd9, 0x00, 0xaa, 0x00, 0x62, 0xce, 0x6c];
const ASF_VIDEO = [0xc0, 0xef, 0x19, 0xbc, 0x4d, 0x5b, 0xcf, 0x11, 0xa8, 0xfd, 0x00, 0x80, 0x5f, 0x5c, 0x44, 0x2b];
const ASF_AUDIO = [0x40, 0x9e, 0x69, 0xf8, 0x4d, 0x5b, 0xcf, 0x11, 0xa8, 0xfd, 0x00, 0x80, 0x5f, 0x5c, 0x44, 0x2b];
/** ASF header object (size 30 + one stream properties object naming `streamType`). */
const asf = (...streamTypes: number[][]) =>
  bytes(
    ASF_HEADER,
    u32le(30 + streamTypes.length * 40),
    [0, 0, 0, 0],
    [1, 0, 0, 0],
    [1, 2],
    ...streamTypes.flatMap((t) => [new Uint8Array(24), t]),
  );

describe('sniffFileType on real files', () => {
  it.each([
    ['python.png', 'png'],
    ['python.jpg', 'jpg'],
    ['python.gif', 'gif'],
    ['python.bmp', 'bmp'],
    ['pluck.wav', 'wav'],
    ['sample.mp3', 'mp3'],
    ['spec-head.pdf', 'pdf'],
    ['plain.zip', 'zip'],
    ['styles.odt', 'odt'],
    ['minimal.ods', 'ods'],
    ['minimal.docx', 'docx'],
    ['minimal.xlsx', 'xlsx'],
    ['thong-bao.txt', 'txt'],
    // Real files of types CB 13.2 does not allow.
    ['python.webp', 'webp'],
    ['python.tiff', 'tiff'],
  ])('%s is %s', async (name, type) => {
    expect(await sniff(fixture(name))).toBe(type);
  });

  it('ignores the name: a PNG renamed .pdf is still a PNG', async () => {
    expect(await sniff(fixture('python.png'))).toBe('png');
  });
});

describe('sniffFileType on headers built from the specifications', () => {
  it.each([
    ['DOC (OLE2 with a WordDocument stream)', compoundFile('WordDocument'), 'doc'],
    ['XLS (OLE2 with a Workbook stream)', compoundFile('Workbook'), 'xls'],
    ['another OLE2 file', compoundFile('Contents'), 'ole2-other'],
    ['RAR 4', bytes('Rar!', [0x1a, 0x07, 0x00], new Uint8Array(20)), 'rar'],
    ['RAR 5', bytes('Rar!', [0x1a, 0x07, 0x01, 0x00], new Uint8Array(20)), 'rar'],
    ['PSD', bytes('8BPS', [0, 1], new Uint8Array(20)), 'psd'],
    ['PSB', bytes('8BPS', [0, 2], new Uint8Array(20)), 'psd'],
    ['MP4 (ftyp isom)', bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0], 'isomiso2avc1mp41'), 'mp4'],
    ['MP4 (ftyp mp42)', bytes([0, 0, 0, 0x18], 'ftypmp42', [0, 0, 0, 0], 'mp42isom'), 'mp4'],
    ['QuickTime (ftyp qt)', bytes([0, 0, 0, 0x14], 'ftypqt  ', [0, 0, 0, 0], 'qt  '), 'mov'],
    ['M4A audio (ftyp M4A)', bytes([0, 0, 0, 0x14], 'ftypM4A ', [0, 0, 0, 0], 'M4A '), 'iso-media'],
    ['AVI', bytes('RIFF', u32le(100), 'AVI LIST', new Uint8Array(20)), 'avi'],
    ['WMV (ASF with a video stream)', asf(ASF_AUDIO, ASF_VIDEO), 'wmv'],
    ['WMA (ASF with an audio stream only)', asf(ASF_AUDIO), 'wma'],
    ['MP3 without a tag (MPEG-1 Layer III frame)', bytes([0xff, 0xfb, 0x90, 0x64], new Uint8Array(100)), 'mp3'],
    [
      'an ID3 tag before something that is not MPEG audio',
      bytes('ID3', [4, 0, 0, 0, 0, 0, 2], [0, 0], 'PK', [3, 4], new Uint8Array(40)),
      'id3-other',
    ],
    ['AAC (ADTS, layer 00) is not MP3', bytes([0xff, 0xf1, 0x50, 0x80], new Uint8Array(100)), 'unknown'],
    ['a Windows executable', bytes('MZ', [0x90, 0], new Uint8Array(60)), 'exe'],
    ['an ELF binary', bytes([0x7f], 'ELF', [2, 1, 1], new Uint8Array(40)), 'elf'],
    ['"BM" text is not a bitmap', bytes('BM is a text file that starts like a bitmap header'), 'txt'],
    ['Latin-1 text (not Unicode)', bytes('Th', [0xf4], 'ng b', [0xe1], 'o'), 'unknown'],
    ['text with NUL bytes', bytes('abc', [0], 'def'), 'unknown'],
    ['a ZIP without its end record', bytes('PK', [3, 4], new Uint8Array(40)), 'zip-damaged'],
  ])('%s', async (_, file, type) => {
    expect(await sniff(file)).toBe(type);
  });

  it('an empty file is nothing', async () => {
    expect(await sniff(new Uint8Array(0))).toBe('empty');
  });

  it('judges long UTF-8 text on its head, even when the head cuts a character in two', async () => {
    const line = 'Ủy ban nhân dân tỉnh — thông báo. ';
    // Shifted by 0–3 bytes, the 64 KiB head ends inside a multi-byte character at least once.
    for (const shift of [0, 1, 2, 3]) {
      const file = new TextEncoder().encode('x'.repeat(shift) + line.repeat(4000));
      expect(file.length).toBeGreaterThan(64 * 1024);
      expect(await sniff(file)).toBe('txt');
    }
  });
});
