import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutcome, servingHeaders } from '../../shared/domain/uploads/upload';
import { allowedFileTypes, FILE_TYPE_IDS } from '../../shared/domain/uploads/file-types';
import { sniffFileType } from '../../shared/domain/uploads/sniff';

/**
 * Issue 20 §4: a stricter sniffer. A PDF starts with `%PDF-` at byte 0; an image carrying markup
 * (a PNG with an HTML page in a text chunk or after IEND, a GIF that opens a JavaScript comment:
 * the GIF/JS polyglot) is refused; and what browsers render inline is never served inline.
 */
const fixture = (name: string) =>
  new Uint8Array(readFileSync(resolve(import.meta.dirname, '../fixtures/uploads', name)));
const sniff = (bytes: Uint8Array) =>
  sniffFileType(
    async (offset, length) => bytes.subarray(Math.max(0, offset), Math.max(0, offset) + length),
    bytes.length,
  );
const join = (...parts: Array<string | Uint8Array>) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))));
const PNG = fixture('python.png');
const GIF = fixture('python.gif');
const JPG = fixture('python.jpg');
const PDF = fixture('spec-head.pdf');
const ZIP = fixture('plain.zip');
const HTML = '<html><body><script>alert(document.domain)</script></body></html>';

/** A PNG text chunk (PNG spec §11.3.4.3), CRC left zero: the sniffer reads, it does not validate CRCs. */
function pngWithText(png: Uint8Array, text: string): Uint8Array {
  const data = Buffer.from(`Comment\0${text}`, 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const chunk = Buffer.concat([length, Buffer.from('tEXt'), data, Buffer.alloc(4)]);
  // After the IHDR chunk (8-byte signature + 25 bytes).
  return join(png.subarray(0, 33), chunk, png.subarray(33));
}

describe('PDF: the header at byte 0', () => {
  it('accepts a PDF, and refuses an HTML page or a ZIP that carries `%PDF-` further in', async () => {
    expect(await sniff(PDF)).toBe('pdf');
    expect(await sniff(join(`<html><!-- `, PDF))).not.toBe('pdf');
    expect(await sniff(join('\n', PDF))).not.toBe('pdf');
    expect(await sniff(join(ZIP.subarray(0, 30), '%PDF-1.7\n', ZIP.subarray(30)))).not.toBe('pdf');
    expect(await sniff(join('%PDF-1.7\n', HTML))).toBe('pdf');
  });
});

describe('images carrying markup', () => {
  it('refuses a PNG with an HTML page in a text chunk or after IEND, and keeps the plain PNG clean', async () => {
    expect(await sniff(PNG)).toBe('png');
    expect(await sniff(pngWithText(PNG, HTML))).toBe('image-with-markup');
    expect(await sniff(join(PNG, HTML))).toBe('image-with-markup');
    expect(await sniff(join(PNG, '<!DOCTYPE html><title>x</title>'))).toBe('image-with-markup');
    expect(await sniff(join(PNG, '<svg onload=alert(1)>'))).toBe('image-with-markup');
  });

  it('refuses markup far past the head of a large image (the whole image is read)', async () => {
    const big = join(PNG, new Uint8Array(3 * 1024 * 1024), '<SCRIPT>alert(1)</SCRIPT>');
    expect(await sniff(big)).toBe('image-with-markup');
  });

  it('refuses the GIF/JS polyglot (`GIF89a/*`: the logical screen opens a comment) and a JPEG with a script after EOI', async () => {
    expect(await sniff(GIF)).toBe('gif');
    const polyglot = join('GIF89a/*', GIF.subarray(8), '*/=1;alert(document.domain);');
    expect(await sniff(polyglot)).toBe('image-with-markup');
    expect(await sniff(JPG)).toBe('jpg');
    expect(await sniff(join(JPG, '<script>alert(1)</script>'))).toBe('image-with-markup');
  });

  it('quarantines them as a forbidden type', () => {
    expect(checkOutcome({ declaredType: 'png', size: 10 }, 'image-with-markup', 10)).toEqual({
      status: 'quarantined',
      detectedType: 'image-with-markup',
      reason: 'forbidden-type',
    });
  });
});

describe('nothing is served as a type a browser renders', () => {
  it('serves every allowed type as an attachment, with nosniff, never as HTML, SVG, XML or script', () => {
    for (const id of FILE_TYPE_IDS) {
      const headers = servingHeaders({ fileName: `tep.${allowedFileTypes[id].extensions[0]}`, declaredType: id });
      expect(headers['content-disposition']).toMatch(/^attachment;/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['content-type']).not.toMatch(
        /^(text\/(html|xml|javascript|ecmascript)|application\/(xml|xhtml\+xml|javascript|ecmascript)|image\/svg\+xml)$|\+xml$/,
      );
    }
  });
});
