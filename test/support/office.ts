import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A Word document read back the way a person would see it: LibreOffice converts it to PDF, poppler
 * reads the text, the page size and the fonts. Tests that need it fail (never skip) when the tools
 * are missing, saying what to install: .ci/run installs them.
 */
const INSTALL = 'apt-get install -y libreoffice-writer-nogui fonts-liberation poppler-utils';

export function requireOfficeTools(): void {
  for (const tool of ['soffice', 'pdftotext', 'pdfinfo', 'pdffonts']) {
    if (spawnSync('which', [tool]).status !== 0)
      throw new Error(`${tool} is not installed: the .docx read-back test needs LibreOffice and poppler (${INSTALL})`);
  }
}

export interface ReadBack {
  /** The text, whitespace collapsed to single spaces. */
  readonly text: string;
  readonly pageSize: string;
  readonly pages: number;
  readonly fonts: string;
  readonly convertMs: number;
}

export function docxToPdfText(docx: Uint8Array): ReadBack {
  requireOfficeTools();
  const dir = mkdtempSync(join(tmpdir(), 'report-docx-'));
  try {
    const file = join(dir, 'report.docx');
    writeFileSync(file, docx);
    const started = performance.now();
    // Its own profile directory: parallel conversions do not share (and lock) one.
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const convertMs = performance.now() - started;
    const pdf = join(dir, 'report.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    return {
      text: execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
      pageSize: /Page size:\s+(.*)/.exec(info)?.[1] ?? '',
      pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0),
      fonts: execFileSync('pdffonts', [pdf], { encoding: 'utf8' }),
      convertMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Where each of `needles` is found in `text`, in order; -1 for one missing or out of order. */
export function positionsInOrder(text: string, needles: readonly string[]): number[] {
  let from = 0;
  return needles.map((n) => {
    const at = text.indexOf(n, from);
    if (at >= 0) from = at + n.length;
    return at;
  });
}

export const readBytes = (path: string) => new Uint8Array(readFileSync(path));
