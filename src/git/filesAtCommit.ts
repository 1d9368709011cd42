import { GitError } from './errors';
import { type GitOptions, runGit, runGitBytes } from './client';
import { fileAtCommit } from './fileAtRef';
import { byLength, PATHSPEC_ARGV_CHARS } from './pathspec';

/** One file as committed, as `readFilesAtCommit` found it. */
export type CommittedFile =
  /** The file's text (UTF-8 decoded, as `fileAtCommit` gives it). */
  | { kind: 'text'; text: string }
  /** No file there: nothing at that path, a folder, or a submodule (fileAtCommit's undefined). */
  | { kind: 'absent' }
  /** A file larger than `maxBytes`: not read. */
  | { kind: 'too-large'; bytes: number }
  /** Git could not give it (a missing or corrupt object, git failed): never taken for absence. */
  | { kind: 'failed'; error: Error };

export interface ReadFilesOptions extends GitOptions {
  /** Files larger than this many bytes are reported as 'too-large' instead of being read. */
  maxBytes?: number;
}

/**
 * File content one `cat-file --batch` returns at most (a larger file goes alone): simple-git keeps
 * a process's whole output, and a decoded copy of it, in memory until the process ends.
 */
const BATCH_BYTES = 16 * 1024 * 1024;
/** Files read one by one at a time (the fallback when a batch cannot be used). */
const SINGLE_READS_AT_ONCE = 8;

/** What `cat-file --batch-check` said about `<sha>:<path>`. */
type Entry = { kind: 'object'; oid: string; type: string; size: number } | { kind: 'missing' } | { kind: 'unknown' };

/**
 * Reads many files (paths relative to the repository root, '/') as committed at `sha` (a full SHA,
 * see resolveCommit) and calls `visit` once per path, with its index in `paths`, in no particular
 * order. The same answers as `fileAtCommit` gives path by path, from a small number of git
 * processes whatever the number of files: one `cat-file --batch-check` for all the paths (on
 * stdin, so no command-line limit), one `cat-file --batch` per 16 MB of content, and, only when
 * some path has no object, `ls-tree` to tell "no file there" from "git lost the file". Per-file
 * reads remain for what a batch cannot carry (a path with a line break) and for when git refuses
 * a batch, so a failure stays attached to the files it concerns. `visit` is awaited before the
 * next file of a batch is given to it (files read one by one may be visited concurrently), and the
 * content of a batch is let go before the next batch is read.
 */
export async function readFilesAtCommit(
  repo: string,
  sha: string,
  paths: readonly string[],
  visit: (index: number, file: CommittedFile) => void | Promise<void>,
  options: ReadFilesOptions = {},
): Promise<void> {
  const rel = paths.map((p) => p.replace(/^\/+/, ''));
  const single: number[] = [];
  let batch: number[] = [];
  for (let i = 0; i < rel.length; i++) (fitsOnALine(rel[i] ?? '') ? batch : single).push(i);

  let entries: Entry[] = [];
  if (batch.length > 0) {
    try {
      entries = await lookUp(repo, sha, batch.map((i) => rel[i] ?? ''), options);
    } catch (error) {
      if (!isPerFileFailure(error)) {
        for (const i of [...batch, ...single]) await visit(i, { kind: 'failed', error: asError(error) });
        return;
      }
      single.push(...batch);
      batch = [];
    }
  }

  const toRead: Array<{ index: number; oid: string; size: number }> = [];
  const missing: number[] = [];
  for (let n = 0; n < batch.length; n++) {
    const i = batch[n] ?? 0;
    const entry = entries[n] ?? { kind: 'unknown' };
    if (entry.kind === 'unknown') single.push(i);
    else if (entry.kind === 'missing') missing.push(i);
    else if (entry.type !== 'blob') await visit(i, { kind: 'absent' });
    else if (options.maxBytes !== undefined && entry.size > options.maxBytes) await visit(i, { kind: 'too-large', bytes: entry.size });
    else toRead.push({ index: i, oid: entry.oid, size: entry.size });
  }

  for (const i of await sortOutMissing(repo, sha, missing, rel, visit, options)) single.push(i);
  for (const chunk of bySize(toRead, BATCH_BYTES)) {
    let contents: Buffer[];
    try {
      contents = await readBlobs(repo, chunk.map((c) => c.oid), options);
    } catch (error) {
      if (!isPerFileFailure(error)) {
        for (const c of chunk) await visit(c.index, { kind: 'failed', error: asError(error) });
      } else {
        single.push(...chunk.map((c) => c.index));
      }
      continue;
    }
    for (let n = 0; n < chunk.length; n++) await visit(chunk[n]?.index ?? 0, { kind: 'text', text: contents[n]?.toString('utf8') ?? '' });
  }

  await readOneByOne(repo, sha, single, rel, visit, options);
}

/** readFilesAtCommit's answers as an array, in the order of `paths`. */
export async function filesAtCommit(repo: string, sha: string, paths: readonly string[], options: ReadFilesOptions = {}): Promise<CommittedFile[]> {
  const files: CommittedFile[] = new Array<CommittedFile>(paths.length);
  await readFilesAtCommit(repo, sha, paths, (i, file) => {
    files[i] = file;
  }, options);
  return files;
}

/**
 * `cat-file --batch` reads one object name per line, and git drops a carriage return before the
 * line feed: such paths are read one by one. So are `./` and `../` paths, which `<sha>:<path>`
 * takes relative to the current folder.
 */
function fitsOnALine(path: string): boolean {
  return !/[\r\n]/.test(path) && !/^\.\.?\//.test(path);
}

/** A git failure that may concern only some of the files (so each is worth trying alone). */
function isPerFileFailure(error: unknown): boolean {
  return error instanceof GitError && error.kind === 'other';
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

const OBJECT_LINE = /^([0-9a-f]{40,64}) (\S+) (\d+)$/;

/** The object at each `<sha>:<path>`, from one `cat-file --batch-check`. */
async function lookUp(repo: string, sha: string, paths: readonly string[], options: GitOptions): Promise<Entry[]> {
  const input = paths.map((p) => `${sha}:${p}\n`).join('');
  const out = await runGit(repo, ['cat-file', '--batch-check'], { ...options, input });
  const lines = out.split('\n');
  return paths.map((path, n) => {
    const line = lines[n] ?? '';
    const object = OBJECT_LINE.exec(line);
    if (object) return { kind: 'object', oid: object[1] ?? '', type: object[2] ?? '', size: Number(object[3]) };
    // No object: nothing at that path, a submodule whose commit is not here, or a lost object.
    if (line === `${sha}:${path} missing`) return { kind: 'missing' };
    return { kind: 'unknown' };
  });
}

/**
 * Paths with no object: `ls-tree` says whether the commit has an entry there. None, or a folder or
 * submodule, is "absent"; a file entry whose object git cannot find is a failure, which the
 * one-by-one read reports as before (so these indexes are returned for it).
 */
async function sortOutMissing(
  repo: string,
  sha: string,
  missing: readonly number[],
  rel: readonly string[],
  visit: (index: number, file: CommittedFile) => void | Promise<void>,
  options: GitOptions,
): Promise<number[]> {
  const unresolved: number[] = [];
  for (const chunk of byLength(missing, (i) => (rel[i] ?? '').length + 3, PATHSPEC_ARGV_CHARS)) {
    let types: Map<string, string>;
    try {
      types = await entryTypes(repo, sha, chunk.map((i) => rel[i] ?? ''), options);
    } catch {
      // Whatever went wrong, the one-by-one read meets it again and reports it for each file.
      unresolved.push(...chunk);
      continue;
    }
    for (const i of chunk) {
      const type = types.get(rel[i] ?? '');
      if (type === 'blob') unresolved.push(i);
      else await visit(i, { kind: 'absent' });
    }
  }
  return unresolved;
}

/** path -> entry type ('blob', 'tree', 'commit') of the paths that have an entry in commit `sha`. */
async function entryTypes(repo: string, sha: string, paths: readonly string[], options: GitOptions): Promise<Map<string, string>> {
  // Paths from the root whatever the current folder, matched as written (no `:(magic)`, no globs).
  const out = await runGit(repo, ['--literal-pathspecs', 'ls-tree', '-z', '--full-tree', sha, '--', ...paths], options);
  const types = new Map<string, string>();
  for (const record of out.split('\0')) {
    // "<mode> SP <type> SP <object> TAB <path>"
    const match = /^\S+ (\S+) \S+\t([\s\S]*)$/.exec(record);
    if (match) types.set(match[2] ?? '', match[1] ?? '');
  }
  return types;
}

/**
 * The content of each blob, from one `cat-file --batch`: "<oid> blob <size>\n", size bytes, "\n"
 * per object. Anything else (an object gone since it was looked up) fails the batch, and its files
 * are read one by one.
 */
export async function readBlobs(repo: string, oids: readonly string[], options: GitOptions): Promise<Buffer[]> {
  const out = await runGitBytes(repo, ['cat-file', '--batch'], { ...options, input: oids.map((oid) => `${oid}\n`).join('') });
  const contents: Buffer[] = [];
  let at = 0;
  for (const oid of oids) {
    const end = out.indexOf(0x0a, at);
    const header = end < 0 ? '' : out.toString('utf8', at, end);
    const match = OBJECT_LINE.exec(header);
    const size = Number(match?.[3]);
    // The object's bytes must end with the "\n" that closes its record.
    if (!match || match[1] !== oid || match[2] !== 'blob' || out[end + 1 + size] !== 0x0a) {
      throw new GitError('other', `git cat-file --batch gave an unexpected answer for ${oid}: ${header || '(nothing)'}`);
    }
    contents.push(out.subarray(end + 1, end + 1 + size));
    at = end + 1 + size + 1;
  }
  return contents;
}

/** fileAtCommit for each index, a few at a time: its answer, or its failure, per file. */
async function readOneByOne(
  repo: string,
  sha: string,
  indexes: readonly number[],
  rel: readonly string[],
  visit: (index: number, file: CommittedFile) => void | Promise<void>,
  options: GitOptions,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let n = next++; n < indexes.length; n = next++) {
      const i = indexes[n] ?? 0;
      let file: CommittedFile;
      try {
        const text = await fileAtCommit(repo, sha, rel[i] ?? '', options);
        file = text === undefined ? { kind: 'absent' } : { kind: 'text', text };
      } catch (error) {
        file = { kind: 'failed', error: asError(error) };
      }
      await visit(i, file);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SINGLE_READS_AT_ONCE, indexes.length) }, worker));
}

/** Consecutive groups whose sizes add up to at most `max` (an item larger than `max` goes alone). */
function bySize<T extends { size: number }>(items: readonly T[], max: number): T[][] {
  return byLength(items, (item) => item.size, max);
}
