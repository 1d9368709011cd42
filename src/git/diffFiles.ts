import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type GitOptions, runGit } from './client';
import { resolveCommit } from './refs';
import { missedRenames } from './renames';

export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed' | 'copied';

/** One changed file. Paths are relative to the repository's top-level folder, with '/'. */
export interface ChangedFile {
  path: string;
  /** The path before a rename or the source of a copy. */
  oldPath?: string;
  status: ChangeStatus;
  /** Lines added and removed; 0 for binary files. */
  added: number;
  removed: number;
  binary: boolean;
  /** A file in the working tree that git does not track yet (only when comparing with the work tree). */
  untracked?: boolean;
  /**
   * The file mode before and after, when it changed (`chmod +x`: 100644 → 100755), and whether
   * the content stayed the same (a change of the mode alone).
   */
  modeChange?: { from: string; to: string; contentUnchanged: boolean };
}

export interface DiffFilesOptions extends GitOptions {
  /** With no `head`, also list untracked (not ignored) files as added. Default true. */
  includeUntracked?: boolean;
}

/**
 * The files changed between `base` and `head` (both refs), or between `base` and the working tree
 * when `head` is omitted. Renames and copies are detected (`-M -C`), and so are the renames of small
 * files that grew, which git's default threshold misses (see missedRenames). Output is parsed from `-z`
 * records, so names with spaces, tabs, quotes, newlines or non-ASCII characters come back as-is.
 */
export async function diffFiles(repo: string, base: string, head?: string, options: DiffFilesOptions = {}): Promise<ChangedFile[]> {
  const revs = [await resolveCommit(repo, base, options)];
  if (head !== undefined) revs.push(await resolveCommit(repo, head, options));
  const out = await runGit(
    repo,
    ['diff', '--no-color', '--no-ext-diff', '--no-textconv', '--no-relative', '--raw', '--numstat', '-z', '-M', '-C', ...revs, '--'],
    options,
  );
  const files = await pairMissedRenames(repo, revs, parseRawNumstat(out), options);
  if (head === undefined && options.includeUntracked !== false) {
    const root = await topLevel(repo, options);
    const known = new Set(files.map((f) => f.path));
    for (const path of await untrackedFiles(root, options)) {
      if (!known.has(path)) files.push(await describeUntracked(root, path));
    }
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `files` with the renames git's default threshold missed (see missedRenames) as renames. */
async function pairMissedRenames(repo: string, revs: readonly string[], files: ChangedFile[], options: GitOptions): Promise<ChangedFile[]> {
  const deleted = files.filter((f) => f.status === 'deleted' && !f.binary).map((f) => f.path);
  const added = files.filter((f) => f.status === 'added' && !f.binary).map((f) => f.path);
  const pairs = await missedRenames(repo, revs, deleted, added, options);
  if (pairs.length === 0) return files;
  const gone = new Set(pairs.flatMap((p) => [p.from, p.to]));
  const kept = files.filter((f) => !(gone.has(f.path) && (f.status === 'deleted' || f.status === 'added')));
  for (const pair of pairs) kept.push({ path: pair.to, oldPath: pair.from, status: 'renamed', added: pair.added, removed: 0, binary: false });
  return kept;
}

export async function topLevel(repo: string, options: GitOptions = {}): Promise<string> {
  return (await runGit(repo, ['rev-parse', '--show-toplevel'], options)).trim();
}

/** Untracked, not ignored files, relative to the repository root. */
export async function untrackedFiles(repo: string, options: GitOptions = {}): Promise<string[]> {
  const root = await topLevel(repo, options);
  const out = await runGit(root, ['ls-files', '--others', '--exclude-standard', '-z', '--full-name'], options);
  return out.split('\0').filter((p) => p !== '');
}

async function describeUntracked(root: string, path: string): Promise<ChangedFile> {
  let added = 0;
  let binary = false;
  try {
    const bytes = await readFile(join(root, path));
    binary = looksBinary(bytes);
    if (!binary) added = countLines(bytes.toString('utf8'));
  } catch {
    // Gone between listing and reading, or unreadable: still listed, with no counts.
  }
  return { path, status: 'added', added, removed: 0, binary, untracked: true };
}

/** git's own heuristic: a NUL byte in the first 8000 bytes means binary. */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8000);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

export function countLines(text: string): number {
  if (text === '') return 0;
  const newlines = text.split('\n').length - 1;
  return text.endsWith('\n') ? newlines : newlines + 1;
}

const STATUS_BY_LETTER: Record<string, ChangeStatus> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'modified',
  U: 'modified',
};

/**
 * Parses `git diff --raw --numstat -z`: first the raw records (`:modes shas STATUS\0path\0` plus a
 * second path for renames and copies), then the numstat records (`added\tremoved\tpath\0`, or
 * `added\tremoved\t\0old\0new\0` for renames; `-` counts mean binary).
 */
export function parseRawNumstat(out: string): ChangedFile[] {
  const tokens = out.split('\0');
  const files: ChangedFile[] = [];
  const byPath = new Map<string, ChangedFile>();
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i++] ?? '';
    if (token === '' || token === '\n') continue;
    if (token.startsWith(':')) {
      // ":<old mode> <new mode> <old object> <new object> <status>"
      const [oldMode = '', newMode = '', oldObject, newObject, statusField] = token.trim().slice(1).split(' ');
      const letter = statusField?.charAt(0) ?? 'M';
      const status = STATUS_BY_LETTER[letter] ?? 'modified';
      const first = tokens[i++] ?? '';
      const file: ChangedFile = { path: first, status, added: 0, removed: 0, binary: false };
      // An added or deleted file has mode 000000 on one side: that is no change of mode.
      if (oldMode !== newMode && !/^0+$/.test(oldMode) && !/^0+$/.test(newMode)) {
        file.modeChange = { from: oldMode, to: newMode, contentUnchanged: oldObject !== undefined && oldObject === newObject && !/^0+$/.test(oldObject) };
      }
      if (letter === 'R' || letter === 'C') {
        file.oldPath = first;
        file.path = tokens[i++] ?? '';
      }
      files.push(file);
      byPath.set(file.path, file);
      continue;
    }
    const match = /^(-|\d+)\t(-|\d+)\t([\s\S]*)$/.exec(token.replace(/^\n/, ''));
    if (!match) continue;
    let path = match[3] ?? '';
    if (path === '') {
      i++; // the old path; the raw record already has it
      path = tokens[i++] ?? '';
    }
    const file = byPath.get(path);
    if (!file) continue;
    file.binary = match[1] === '-' && match[2] === '-';
    file.added = file.binary ? 0 : Number(match[1]);
    file.removed = file.binary ? 0 : Number(match[2]);
  }
  return files;
}
