import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { ASYNC_ACCESS, type FileAccess } from './fileAccess';

/**
 * The `.gitignore` and `.ignore` files that apply to a folder, with git's semantics: each file's
 * patterns are relative to its folder, deeper files override shallower ones (a `!pattern` can
 * re-include), and within a folder `.ignore` overrides `.gitignore` (as ripgrep does).
 */
export const IGNORE_FILE_NAMES = ['.gitignore', '.ignore'] as const;

interface Layer {
  /** The folder of the ignore file, relative to the root ('' for the root), '/' separators. */
  dir: string;
  /** For a file above the root: the root's path relative to that file's folder, with a '/'. */
  above?: string;
  rules: Ignore;
}

export class IgnoreRules {
  private constructor(private readonly layers: readonly Layer[]) {}

  static empty(): IgnoreRules {
    return new IgnoreRules([]);
  }

  /**
   * These rules plus those of the ignore files in `absDir` (relative path `relDir`). `listed`, the
   * folder's entry names when the caller has read them, saves trying to open ignore files that
   * are not there (two failed opens per folder showed in the profile of a 20,000-file scan).
   */
  async withFolder(absDir: string, relDir: string, listed?: readonly string[], access: FileAccess = ASYNC_ACCESS): Promise<IgnoreRules> {
    const added: Layer[] = [];
    for (const name of IGNORE_FILE_NAMES) {
      if (listed !== undefined && !listed.includes(name)) continue;
      const content = await readIgnoreFile(path.join(absDir, name), access);
      if (content !== undefined && content.trim() !== '') added.push({ dir: relDir, rules: ignore().add(content) });
    }
    return added.length === 0 ? this : new IgnoreRules([...this.layers, ...added]);
  }

  /**
   * These rules plus those of the ignore files above the root, up to the enclosing git work tree
   * (the nearest folder holding `.git`): `qa-lens scan packages/app` must not walk the
   * `node_modules/` that the repository's top-level .gitignore leaves out. Outside a git work
   * tree nothing above the root applies.
   */
  async withAncestors(root: string, access: FileAccess = ASYNC_ACCESS): Promise<IgnoreRules> {
    const folders: string[] = [];
    let dir = path.resolve(root);
    for (;;) {
      const parent = path.dirname(dir);
      if (await exists(path.join(dir, '.git'), access)) break;
      if (parent === dir) return this;
      folders.unshift(parent);
      dir = parent;
    }
    const added: Layer[] = [];
    for (const folder of folders) {
      const above = `${path.relative(folder, root).split(path.sep).join('/')}/`;
      for (const name of IGNORE_FILE_NAMES) {
        const content = await readIgnoreFile(path.join(folder, name), access);
        if (content !== undefined && content.trim() !== '') added.push({ dir: '', above, rules: ignore().add(content) });
      }
    }
    return added.length === 0 ? this : new IgnoreRules([...added, ...this.layers]);
  }

  /** Whether `relPath` (relative to the root, '/' separators) is ignored; folders end with '/'. */
  ignores(relPath: string): boolean {
    let ignored = false;
    for (const layer of this.layers) {
      const prefix = layer.dir === '' ? '' : `${layer.dir}/`;
      if (!relPath.startsWith(prefix)) continue;
      const local = (layer.above ?? '') + relPath.slice(prefix.length);
      if (local === '' || local === '/') continue;
      const result = layer.rules.test(local);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}

async function exists(file: string, access: FileAccess): Promise<boolean> {
  try {
    await access.stat(file);
    return true;
  } catch {
    return false;
  }
}

async function readIgnoreFile(file: string, access: FileAccess): Promise<string | undefined> {
  try {
    return await access.readText(file);
  } catch {
    // No such file (the usual case) or one that cannot be read: either way, no rules from it.
    return undefined;
  }
}
