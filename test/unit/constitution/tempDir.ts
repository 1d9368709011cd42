import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConstitution } from '../../../src/core/constitution/discover';
import type { ConstitutionResult } from '../../../src/core/constitution/types';
import { formatProblem } from '../../../src/core/types';

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

/** Writes `text` as the folder's `.quality/constitution.md` and loads the constitution from it. */
export async function loadFrom(dir: TempDir, text: string): Promise<ConstitutionResult> {
  await dir.write('.quality/constitution.md', text);
  return loadConstitution(dir.root);
}

/**
 * A fresh temporary folder for each test of the calling `describe` (mocha hooks, removed after
 * each); the function returned writes `text` as that folder's constitution and loads it.
 */
export function useConstitutionLoader(): (text: string) => Promise<ConstitutionResult> {
  let dir: TempDir | undefined;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await dir?.remove();
  });
  return (text) => {
    if (dir === undefined) throw new Error('useConstitutionLoader: load() is for use inside a test');
    return loadFrom(dir, text);
  };
}

/** A result's problems as `path:line:column: message` lines. */
export const problemsOf = (result: ConstitutionResult): string[] => result.problems.map(formatProblem);
