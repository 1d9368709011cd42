import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A real folder under the system temp dir; `remove()` deletes it. */
export interface TempDir {
  root: string;
  write(relPath: string, text: string): Promise<string>;
  remove(): Promise<void>;
}

export async function tempDir(prefix = 'qa-lens-constitution-'): Promise<TempDir> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  return {
    root,
    async write(relPath, text) {
      const file = join(root, ...relPath.split('/'));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text, 'utf8');
      return file;
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** Joins lines with '\n' so fixtures can be written one line per element and lines counted. */
export function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}
