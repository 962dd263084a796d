import type { FileTypeId } from './file-types';

/**
 * What a file really is, read from its bytes (magic numbers and container structure), never from
 * its name or declared type. Returns an allowed type's id, or a name for something we refuse
 * (`exe`, `webp`, `xls`, `pptx`, `mov`, …) or `unknown`.
 *
 * Hand-written rather than the `file-type` package: we need only the 20 types of CB 13.2 and the
 * containers that hide others (ZIP → DOCX/XLSX/ODT/ODS, OLE2 → DOC, ASF → WMV/WMA, RIFF →
 * AVI/WAV), it must tell DOCX from XLSX from a plain ZIP by the central directory (not by the first
 * entry), and it stays pure (the caller passes a byte reader: ranged GETs on S3, a buffer in tests).
 */
export type DetectedType = FileTypeId | (string & {});

/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export type ByteReader = (offset: number, length: number) => Promise<Uint8Array>;

/** How many leading bytes are read at first: every signature below fits, and text is judged on it. */
export const SNIFF_HEAD_BYTES = 64 * 1024;

const ascii = (bytes: Uint8Array, at: number, length: number) =>
  String.fromCharCode(...bytes.subarray(at, at + length));
const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const RAR4 = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00];
const RAR5 = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00];
/** ASF header object, 75B22630-668E-11CF-A6D9-00AA0062CE6C (ASF specification 3.1), as stored. */
const ASF_HEADER = [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11, 0xa6, 0xd9, 0x00, 0xaa, 0x00, 0x62, 0xce, 0x6c];
/** ASF_Video_Media BC19EFC0-5B4D-11CF-A8FD-00805F5C442B and ASF_Audio_Media F8699E40-… (ASF spec 10.4). */
const ASF_VIDEO = [0xc0, 0xef, 0x19, 0xbc, 0x4d, 0x5b, 0xcf, 0x11, 0xa8, 0xfd, 0x00, 0x80, 0x5f, 0x5c, 0x44, 0x2b];
const ASF_AUDIO = [0x40, 0x9e, 0x69, 0xf8, 0x4d, 0x5b, 0xcf, 0x11, 0xa8, 0xfd, 0x00, 0x80, 0x5f, 0x5c, 0x44, 0x2b];
/** BITMAPCOREHEADER, BITMAPINFOHEADER and its successors: the DIB header sizes a BMP may have. */
const BMP_DIB_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);
/** ISO base media brands of MP4 video (ISO/IEC 14496-12/14, mp4ra.org); QuickTime and audio-only brands are not MP4 video. */
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'M4VH',
  'M4VP',
  'dash',
  'mmp4',
  'MSNV',
  'NDAS',
  'f4v ',
]);

export async function sniffFileType(read: ByteReader, size: number): Promise<DetectedType> {
  if (size === 0) return 'empty';
  const head = await read(0, Math.min(size, SNIFF_HEAD_BYTES));
  const image = imageType(head);
  if (image !== undefined) return (await carriesMarkup(read, size, head, image)) ? 'image-with-markup' : image;
  if (startsWith(head, RAR4) || startsWith(head, RAR5)) return 'rar';
  // "The first line of a PDF file shall be a header consisting of the 5 characters %PDF–" (ISO
  // 32000-1:2008 §7.5.2; the same in ISO 32000-2). Readers that look further (Annex H.3, note 13)
  // are lenient, not the format: no preamble is allowed, so an HTML page or a ZIP that carries
  // `%PDF-` somewhere is not a PDF.
  if (ascii(head, 0, 5) === '%PDF-') return 'pdf';
  if (ascii(head, 0, 4) === 'RIFF') return riffType(ascii(head, 8, 4));
  if (startsWith(head, ASF_HEADER)) return asfType(head);
  if (ascii(head, 4, 4) === 'ftyp')
    return MP4_BRANDS.has(ascii(head, 8, 4)) ? 'mp4' : ascii(head, 8, 4) === 'qt  ' ? 'mov' : 'iso-media';
  if (startsWith(head, ZIP_LOCAL) || startsWith(head, ZIP_EMPTY)) return zipType(read, size, head);
  if (startsWith(head, OLE2)) return ole2Type(read, head);
  if (ascii(head, 0, 3) === 'ID3' || isMpegAudioFrame(head, 0)) return mp3Type(read, head);
  if (ascii(head, 0, 2) === 'MZ') return 'exe';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'elf';
  if (ascii(head, 0, 4) === 'II*\0' || ascii(head, 0, 4) === 'MM\0*') return 'tiff';
  return isUtf8Text(head, head.length < size) ? 'txt' : 'unknown';
}

const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;

type ImageType = 'png' | 'jpg' | 'gif' | 'bmp' | 'psd';

function imageType(head: Uint8Array): ImageType | undefined {
  if (startsWith(head, PNG)) return 'png';
  if (startsWith(head, JPEG)) return 'jpg';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(head, 0, 2) === 'BM' && head.length >= 18 && BMP_DIB_SIZES.has(u32(head, 14))) return 'bmp';
  if (ascii(head, 0, 4) === '8BPS' && (u16be(head, 4) === 1 || u16be(head, 4) === 2)) return 'psd';
  return undefined;
}

/**
 * Markup a browser would render if it ever sniffed the bytes as HTML: the tag patterns of the
 * WHATWG MIME Sniffing Standard's "rules for identifying an unknown MIME type" (§7.1: `<!DOCTYPE
 * HTML`, `<HTML`, `<HEAD`, `<SCRIPT`, `<IFRAME`, `<BODY`, `<STYLE`, `<TITLE`, `<TABLE`, `<FONT`,
 * `<DIV`, `<!--`, `<?xml`), plus `<svg`, `<object`, `<embed` and `javascript:`, case-insensitive,
 * each tag followed by a space or `>` as the standard asks. Five or more bytes each: in compressed
 * pixel data such a sequence turns up by chance about once in 2^40 positions.
 */
const MARKUP =
  /<(?:!doctype\s+html|html|head|script|iframe|body|style|title|table|font|div|svg|object|embed)[\s>/]|<!--|<\?xml|javascript:/i;
/** Read in slices, each overlapping the last by a pattern's length, so none is cut in two. */
const MARKUP_SLICE = 1024 * 1024;
const MARKUP_OVERLAP = 32;

/**
 * An image is refused when it carries markup anywhere (a PNG text chunk or bytes after IEND
 * holding an HTML page: the PNG+HTML polyglot), or when a GIF's logical screen opens a JavaScript
 * comment (`GIF89a/*`, the known GIF/JS polyglot: the file is then valid script). The whole image
 * is read; CB 13.2's images are far below the upload limit.
 */
async function carriesMarkup(read: ByteReader, size: number, head: Uint8Array, type: ImageType): Promise<boolean> {
  if (type === 'gif' && ascii(head, 6, 2) === '/*') return true;
  for (let at = 0; at < size; at += MARKUP_SLICE - MARKUP_OVERLAP) {
    const slice =
      at === 0 && head.length >= Math.min(size, MARKUP_SLICE)
        ? head.subarray(0, MARKUP_SLICE)
        : await read(at, MARKUP_SLICE);
    if (MARKUP.test(Buffer.from(slice.buffer, slice.byteOffset, slice.byteLength).toString('latin1'))) return true;
    if (at + MARKUP_SLICE >= size) break;
  }
  return false;
}

function riffType(form: string): DetectedType {
  if (form === 'AVI ') return 'avi';
  if (form === 'WAVE') return 'wav';
  if (form === 'WEBP') return 'webp';
  return 'riff';
}

/** WMV when the header declares a video stream, WMA when it declares audio only (ASF spec 3.3). */
function asfType(head: Uint8Array): DetectedType {
  const headerEnd = Math.min(head.length, Number(u32(head, 16)) || head.length);
  const header = head.subarray(0, headerEnd);
  if (indexOf(header, ASF_VIDEO) >= 0) return 'wmv';
  if (indexOf(header, ASF_AUDIO) >= 0) return 'wma';
  return 'asf';
}

/** MPEG-1/2/2.5 Layer III frame header: 11 sync bits, a valid version, layer bits `01`, a valid bitrate and rate. */
function isMpegAudioFrame(bytes: Uint8Array, at: number): boolean {
  if (bytes.length < at + 4 || bytes[at] !== 0xff) return false;
  const b1 = bytes[at + 1]!;
  const b2 = bytes[at + 2]!;
  return (
    (b1 & 0xe0) === 0xe0 &&
    ((b1 >> 3) & 0b11) !== 0b01 &&
    ((b1 >> 1) & 0b11) === 0b01 &&
    b2 >> 4 !== 0xf &&
    ((b2 >> 2) & 0b11) !== 0b11
  );
}

/** After an ID3v2 tag (syncsafe size, ID3v2.4 §3.1) the first MPEG audio frame must follow. */
async function mp3Type(read: ByteReader, head: Uint8Array): Promise<DetectedType> {
  if (ascii(head, 0, 3) !== 'ID3') return 'mp3';
  if (head.length < 10) return 'unknown';
  const tagSize = ((head[6]! & 0x7f) << 21) | ((head[7]! & 0x7f) << 14) | ((head[8]! & 0x7f) << 7) | (head[9]! & 0x7f);
  const at = 10 + tagSize + (head[5]! & 0x10 ? 10 : 0);
  const after = at + 1024 <= head.length ? head.subarray(at, at + 1024) : await read(at, 1024);
  // Some encoders pad between the tag and the first frame.
  let i = 0;
  while (i < after.length - 4 && after[i] === 0) i += 1;
  return isMpegAudioFrame(after, i) ? 'mp3' : 'id3-other';
}

/**
 * ZIP and the formats packaged in it, by the central directory (APPNOTE 4.3.12, 4.3.16): ODF
 * names its type in the stored first entry `mimetype` (ODF 1.2 part 3, 3.3); OOXML has
 * `[Content_Types].xml` and its main part under `word/`, `xl/` or `ppt/` (ECMA-376 part 2).
 */
async function zipType(read: ByteReader, size: number, head: Uint8Array): Promise<DetectedType> {
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = await read(size - tailLength, tailLength);
  let eocd = -1;
  // Stryker disable next-line ArithmeticOperator: starting past the end only reads undefined bytes, which never match
  for (let i = tail.length - 22; i >= 0; i -= 1) {
    if (tail[i] === 0x50 && tail[i + 1] === 0x4b && tail[i + 2] === 0x05 && tail[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'zip-damaged';
  const entries = u16(tail, eocd + 10);
  const directorySize = u32(tail, eocd + 12);
  const directoryOffset = u32(tail, eocd + 16);
  if (entries === 0) return 'zip';
  // ZIP64 archives (over 4 GiB or 65,535 entries) are far above the upload limit: never an office file.
  if (directoryOffset === 0xffffffff || directorySize > 4 * 1024 * 1024 || directoryOffset + directorySize > size)
    return 'zip-damaged';
  const directory = await read(directoryOffset, directorySize);
  const names = new Set<string>();
  for (let at = 0; at + 46 <= directory.length && u32(directory, at) === 0x02014b50; ) {
    const nameLength = u16(directory, at + 28);
    names.add(new TextDecoder().decode(directory.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + u16(directory, at + 30) + u16(directory, at + 32);
  }
  if (names.has('mimetype')) return odfType(head);
  if (names.has('[Content_Types].xml')) {
    if (names.has('word/document.xml')) return 'docx';
    if (names.has('xl/workbook.xml')) return 'xlsx';
    if (names.has('ppt/presentation.xml')) return 'pptx';
    return 'ooxml-other';
  }
  return 'zip';
}

function odfType(head: Uint8Array): DetectedType {
  // The first local header must be `mimetype`, stored (method 0): its content is the type.
  if (u32(head, 0) !== 0x04034b50 || u16(head, 8) !== 0 || ascii(head, 30, 8) !== 'mimetype') return 'odf-damaged';
  const start = 30 + u16(head, 26) + u16(head, 28);
  const mimetype = ascii(head, start, u32(head, 18));
  if (mimetype === 'application/vnd.oasis.opendocument.text') return 'odt';
  if (mimetype === 'application/vnd.oasis.opendocument.spreadsheet') return 'ods';
  return 'odf-other';
}

/**
 * OLE2 compound files hold DOC, XLS, PPT, MSI…: the directory names the streams (MS-CFB 2.2,
 * 2.6). A Word 97–2003 document has a `WordDocument` stream. The directory's first sectors are
 * read from the header's pointer; a stream listed beyond them is not seen (the file is refused).
 */
async function ole2Type(read: ByteReader, head: Uint8Array): Promise<DetectedType> {
  if (head.length < 512) return 'ole2-damaged';
  const sectorSize = 1 << u16(head, 0x1e);
  if (sectorSize !== 512 && sectorSize !== 4096) return 'ole2-damaged';
  const firstDirectorySector = u32(head, 0x30);
  const directory = await read((firstDirectorySector + 1) * sectorSize, 8 * 1024);
  // Stryker disable next-line ArrayDeclaration: a name no stream has is never looked up
  const names: string[] = [];
  // Stryker disable next-line ArithmeticOperator: entries past the end read as zero-length names, which are skipped
  for (let at = 0; at + 128 <= directory.length; at += 128) {
    const nameBytes = Math.min(u16(directory, at + 64), 64);
    if (nameBytes < 2) continue;
    let name = '';
    for (let i = 0; i < nameBytes - 2; i += 2) name += String.fromCharCode(u16(directory, at + i));
    names.push(name);
  }
  if (names.includes('WordDocument')) return 'doc';
  if (names.includes('Workbook') || names.includes('Book')) return 'xls';
  if (names.includes('PowerPoint Document')) return 'ppt';
  return 'ole2-other';
}

/**
 * Text is UTF-8 (Unicode is required: TCVN 6909:2001), with an optional BOM, without NUL or
 * control characters other than tab, line feed, form feed and carriage return. When only the head
 * of a longer file is read, a multi-byte character cut at its end does not count against it.
 */
function isUtf8Text(head: Uint8Array, truncated: boolean): boolean {
  let bytes = head;
  if (truncated) {
    let cut = bytes.length;
    // Drop at most one incomplete trailing sequence: continuation bytes and their lead byte.
    for (let back = 1; back <= 3 && cut - back >= 0; back += 1) {
      const b = bytes[cut - back]!;
      if ((b & 0xc0) === 0x80) continue;
      if (b >= 0xc0) cut -= back;
      break;
    }
    bytes = bytes.subarray(0, cut);
  }
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(decoded);
}

function indexOf(haystack: Uint8Array, needle: readonly number[]): number {
  // Stryker disable next-line ArithmeticOperator: positions past the end compare undefined bytes, which never match
  outer: for (let i = 0; i + needle.length <= haystack.length; i += 1) {
    for (let j = 0; j < needle.length; j += 1) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
