/**
 * The file types an attachment may have: CB 13.2's list (text: TXT, DOC, ODT, PDF; archives: ZIP,
 * RAR; images: BMP, JPG, GIF, PNG, PSD; video: MP4, AVI, WMV; audio: WMA, MP3, WAV), plus the
 * modern office formats DOCX, XLSX and ODS (issue 8). The issue cites the list as "CB 12.2";
 * docs/regulation-map.md counts Cao Bằng's articles and finds it in Điều 13 khoản 2.
 *
 * Each type: the extensions a file name may end with, the content types a browser may declare
 * for it (the first is the one we serve), and its basis. Rules as data: the upload route, the
 * POST policy and the byte checker all read this table.
 */
export const FILE_TYPE_IDS = [
  'txt',
  'doc',
  'odt',
  'pdf',
  'docx',
  'xlsx',
  'ods',
  'zip',
  'rar',
  'bmp',
  'jpg',
  'gif',
  'png',
  'psd',
  'mp4',
  'avi',
  'wmv',
  'wma',
  'mp3',
  'wav',
] as const;
export type FileTypeId = (typeof FILE_TYPE_IDS)[number];

export interface AllowedFileType {
  readonly id: FileTypeId;
  readonly group: 'text' | 'archive' | 'image' | 'video' | 'audio';
  readonly extensions: readonly string[];
  /** Content types a client may declare; the first is served. */
  readonly contentTypes: readonly [string, ...string[]];
  readonly basis: string;
}

const CB = 'CB 13.2 (issue 8 cites it as CB 12.2)';
const MODERN = 'Issue 8: modern equivalents of CB 13.2 DOC/ODT (docs/regulation-map.md)';

export const allowedFileTypes: Readonly<Record<FileTypeId, AllowedFileType>> = {
  // Unicode text only (TCVN 6909:2001; QN 5.1, CB 8.1): a .txt must be UTF-8.
  txt: { id: 'txt', group: 'text', extensions: ['txt'], contentTypes: ['text/plain'], basis: CB },
  doc: { id: 'doc', group: 'text', extensions: ['doc'], contentTypes: ['application/msword'], basis: CB },
  odt: {
    id: 'odt',
    group: 'text',
    extensions: ['odt'],
    contentTypes: ['application/vnd.oasis.opendocument.text'],
    basis: CB,
  },
  pdf: { id: 'pdf', group: 'text', extensions: ['pdf'], contentTypes: ['application/pdf'], basis: CB },
  docx: {
    id: 'docx',
    group: 'text',
    extensions: ['docx'],
    contentTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    basis: MODERN,
  },
  xlsx: {
    id: 'xlsx',
    group: 'text',
    extensions: ['xlsx'],
    contentTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    basis: MODERN,
  },
  ods: {
    id: 'ods',
    group: 'text',
    extensions: ['ods'],
    contentTypes: ['application/vnd.oasis.opendocument.spreadsheet'],
    basis: MODERN,
  },
  zip: {
    id: 'zip',
    group: 'archive',
    extensions: ['zip'],
    contentTypes: ['application/zip', 'application/x-zip-compressed'],
    basis: CB,
  },
  rar: {
    id: 'rar',
    group: 'archive',
    extensions: ['rar'],
    contentTypes: ['application/vnd.rar', 'application/x-rar-compressed'],
    basis: CB,
  },
  bmp: { id: 'bmp', group: 'image', extensions: ['bmp'], contentTypes: ['image/bmp'], basis: CB },
  jpg: { id: 'jpg', group: 'image', extensions: ['jpg', 'jpeg'], contentTypes: ['image/jpeg'], basis: CB },
  gif: { id: 'gif', group: 'image', extensions: ['gif'], contentTypes: ['image/gif'], basis: CB },
  png: { id: 'png', group: 'image', extensions: ['png'], contentTypes: ['image/png'], basis: CB },
  psd: { id: 'psd', group: 'image', extensions: ['psd'], contentTypes: ['image/vnd.adobe.photoshop'], basis: CB },
  mp4: { id: 'mp4', group: 'video', extensions: ['mp4'], contentTypes: ['video/mp4'], basis: CB },
  avi: { id: 'avi', group: 'video', extensions: ['avi'], contentTypes: ['video/x-msvideo', 'video/avi'], basis: CB },
  wmv: { id: 'wmv', group: 'video', extensions: ['wmv'], contentTypes: ['video/x-ms-wmv'], basis: CB },
  wma: { id: 'wma', group: 'audio', extensions: ['wma'], contentTypes: ['audio/x-ms-wma'], basis: CB },
  mp3: { id: 'mp3', group: 'audio', extensions: ['mp3'], contentTypes: ['audio/mpeg'], basis: CB },
  wav: {
    id: 'wav',
    group: 'audio',
    extensions: ['wav'],
    contentTypes: ['audio/wav', 'audio/x-wav', 'audio/wave'],
    basis: CB,
  },
};

/**
 * The largest attachment anyone may upload, province-wide (the POST policy's upper bound). No
 * regulation sets one: a product default that fits a few minutes of video.
 */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export const isAllowedFileType = (id: string): id is FileTypeId => (FILE_TYPE_IDS as readonly string[]).includes(id);

/** The allowed type a declared content type names, if any (exact, lower-case, no parameters). */
export const fileTypeOfContentType = (contentType: string): AllowedFileType | undefined =>
  Object.values(allowedFileTypes).find((t) => t.contentTypes.includes(contentType));

/** The lower-case extension of a file name (`Báo cáo.PDF` → `pdf`), or undefined. */
export function extensionOf(fileName: string): string | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0 || dot === fileName.length - 1) return undefined;
  return fileName.slice(dot + 1).toLowerCase();
}

/** Every content type a client may declare (for the API's enum). */
export const acceptedContentTypes = Object.values(allowedFileTypes).flatMap((t) => t.contentTypes);
