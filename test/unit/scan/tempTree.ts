import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

/** A real folder under the system temp dir, filled from a `relative path -> content` map. */
export interface TempTree {
  root: string;
  write(relPath: string, content: string | Uint8Array): Promise<string>;
  remove(): Promise<void>;
}

export async function tempTree(files: Record<string, string | Uint8Array> = {}, prefix = 'qa-lens-test-'): Promise<TempTree> {
  const root = await mkdtemp(path.join(os.tmpdir(), prefix));
  const tree: TempTree = {
    root,
    async write(relPath, content) {
      const file = path.join(root, ...relPath.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
      return file;
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
  for (const [relPath, content] of Object.entries(files)) await tree.write(relPath, content);
  return tree;
}
