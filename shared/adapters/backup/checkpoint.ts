import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Which data files of a restore are written in full. Kept outside the target table so the
 * restored items are exactly the backup's; written atomically (temp file, then rename).
 */
/** `restoreId`: the tag the restore put on the table it created (table-shape.ts); only that table is written to. */
export interface RestoreState {
  backupId: string;
  restoreId?: string;
  doneFiles: string[];
}

export interface RestoreCheckpoint {
  load(): Promise<RestoreState | undefined>;
  save(state: RestoreState): Promise<void>;
  clear(): Promise<void>;
}

export function fileCheckpoint(path: string): RestoreCheckpoint {
  return {
    async load() {
      if (!existsSync(path)) return undefined;
      return JSON.parse(await readFile(path, 'utf8')) as RestoreState;
    },
    async save(state) {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(`${path}.tmp`, JSON.stringify(state));
      await rename(`${path}.tmp`, path);
    },
    async clear() {
      await rm(path, { force: true });
    },
  };
}
