import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type GitOptions, runGit, runGitQuery } from './client';
import { looksBinary, topLevel, untrackedFiles } from './diffFiles';
import { filesAtCommit } from './filesAtCommit';
import { MAGIC_PATHSPECS, pathspecChunks, topLiteral } from './pathspec';
import { resolveCommit } from './refs';
import { missedRenames, type RenamePair, SMALL_RENAME_THRESHOLD } from './renames';

export interface AddedLinesOptions extends GitOptions {
  /**
   * Compare with the working tree (committed, staged and unsaved-to-git edits, plus untracked
   * files, every line of which counts as added) instead of HEAD.
   */
  includeWorkingTree?: boolean;
}

/** Path (relative to the repository root, '/') -> 1-based line numbers added since the ref. */
export type AddedLines = Map<string, Set<number>>;

/**
 * The lines added since `baseRef`: a renamed file keeps only its edited lines (`-M`), so moving a
 * file does not make all its old findings "new". Parsed from `--unified=0` hunk headers.
 */
export async function addedLines(repo: string, baseRef: string, options: AddedLinesOptions = {}): Promise<AddedLines> {
  const base = await resolveCommit(repo, baseRef, options);
  const revs = options.includeWorkingTree ? [base] : [base, await resolveCommit(repo, 'HEAD', options)];
  const out = await runGit(repo, ['--literal-pathspecs', ...DIFF_ARGS, '-M', ...revs, '--'], options);
  const result = parseAddedLines(out);
  // A small file renamed and grown is a deletion and an addition for git's default threshold: as
  // in diffFiles, it is a rename, and only its new lines are added.
  const { added, deleted } = fileHeaders(out);
  for (const [path, lines] of await linesOfRenames(repo, revs, await missedRenames(repo, revs, deleted, added, options), options)) {
    result.set(path, lines);
  }
  const withLoneCr = await pathsWithLoneCr(repo, revs[1], [...result.keys()], options);
  if (options.includeWorkingTree || withLoneCr.length > 0) {
    const root = await topLevel(repo, options);
    const texts = options.includeWorkingTree
      ? await Promise.all(withLoneCr.map((path) => readText(join(root, path))))
      : (await filesAtCommit(root, revs[1] ?? 'HEAD', withLoneCr, options)).map((file) => (file.kind === 'text' ? file.text : undefined));
    withLoneCr.forEach((path, i) => {
      const lines = result.get(path);
      const text = texts[i];
      if (lines !== undefined && text !== undefined) result.set(path, toEditorLines(text, lines));
    });
    if (options.includeWorkingTree) {
      for (const path of await untrackedFiles(root, options)) {
        const lines = await allLinesOf(join(root, path));
        if (lines.size > 0) result.set(path, lines);
      }
    }
  }
  return result;
}

/**
 * The added lines of each missed rename, from one `git diff` of all their paths. Git pairs them
 * again there; a file it pairs otherwise than missedRenames did keeps all its lines added.
 */
async function linesOfRenames(repo: string, revs: readonly string[], pairs: readonly RenamePair[], options: GitOptions): Promise<AddedLines> {
  const result: AddedLines = new Map();
  if (pairs.length === 0) return result;
  const specs = pairs.flatMap((pair) => [topLiteral(pair.from), topLiteral(pair.to)]);
  const patch = await runGit(repo, [MAGIC_PATHSPECS, ...DIFF_ARGS, `--find-renames=${SMALL_RENAME_THRESHOLD}`, ...revs, '--', ...specs], options);
  const sources = fileHeaders(patch).renamedFrom;
  const lines = parseAddedLines(patch);
  for (const pair of pairs) {
    const found = lines.get(pair.to);
    if (found && sources.get(pair.to) === pair.from) result.set(pair.to, found);
  }
  return result;
}

/**
 * Git counts lines by line feeds; the editor and the engine also end a line at a lone \r (old Mac
 * files, see LineIndex), anywhere in the file, so the file's text decides, not its patch: the
 * `paths` (relative to the top) whose text at `head` (the working tree when undefined) has a \r
 * followed by anything but a line feed. One `git grep` per command line of paths; git takes the
 * lines of binary files for none (-I). (In a UTF-8 locale, a \r followed by a byte that is not
 * UTF-8 is missed: the engine reads such a file as UTF-8 and sees a replacement character there.)
 */
async function pathsWithLoneCr(repo: string, head: string | undefined, paths: readonly string[], options: GitOptions): Promise<string[]> {
  const found: string[] = [];
  for (const chunk of pathspecChunks(paths)) {
    const out = await runGitQuery(
      repo,
      // -E: the pattern means the same whatever grep.patternType the user configured.
      [MAGIC_PATHSPECS, 'grep', '--no-color', '-l', '-z', '-I', '--full-name', '-E', '-e', '\r.', ...(head !== undefined ? [head] : []), '--', ...chunk],
      options,
    );
    // A commit's files come back as "<commit>:<path>".
    for (const name of (out ?? '').split('\0')) if (name !== '') found.push(head !== undefined ? stripPrefix(name, `${head}:`) : name);
  }
  return found;
}

const DIFF_ARGS = ['diff', '--no-color', '--no-ext-diff', '--no-textconv', '--no-relative', '--unified=0', '--src-prefix=a/', '--dst-prefix=b/'];

/**
 * What a patch's file headers say: the files it adds and deletes (`--- /dev/null`, `+++ /dev/null`)
 * and, per renamed file, its old path (`rename from` / `rename to`).
 */
function fileHeaders(patch: string): { added: string[]; deleted: string[]; renamedFrom: Map<string, string> } {
  const added: string[] = [];
  const deleted: string[] = [];
  const renamedFrom = new Map<string, string>();
  let inHeader = false;
  let from: string | undefined;
  let renameFrom: string | undefined;
  for (const line of patch.split('\n')) {
    // Hunk bodies start with '+', '-' or '\\': a line that starts a header is never one of them.
    if (line.startsWith('diff --git ')) {
      inHeader = true;
      from = undefined;
      renameFrom = undefined;
    } else if (line.startsWith('@@')) {
      inHeader = false;
    } else if (!inHeader) {
      continue;
    } else if (line.startsWith('rename from ')) {
      renameFrom = unquoteGitPath(line.slice('rename from '.length));
    } else if (line.startsWith('rename to ') && renameFrom !== undefined) {
      renamedFrom.set(unquoteGitPath(line.slice('rename to '.length)), renameFrom);
    } else if (line.startsWith('--- ')) {
      from = line.slice(4).replace(/\t$/, '');
    } else if (line.startsWith('+++ ')) {
      const to = line.slice(4).replace(/\t$/, '');
      if (from === '/dev/null' && to !== '/dev/null') added.push(stripPrefix(unquoteGitPath(to), 'b/'));
      if (to === '/dev/null' && from !== undefined && from !== '/dev/null') deleted.push(stripPrefix(unquoteGitPath(from), 'a/'));
    }
  }
  return { added, deleted, renamedFrom };
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file)).toString('utf8');
  } catch {
    return undefined;
  }
}

/** The engine's 1-based lines (\n, \r\n or a lone \r end one) covered by git's added lines of `text`. */
export function toEditorLines(text: string, gitLines: ReadonlySet<number>): Set<number> {
  const result = new Set<number>();
  let gitLine = 1;
  let editorLine = 1;
  // Each character marks its line; the empty "line" after a final break has none, as in git.
  for (let i = 0; i < text.length; i++) {
    if (gitLines.has(gitLine)) result.add(editorLine);
    const c = text.charCodeAt(i);
    if (c === 10) {
      gitLine++;
      editorLine++;
    } else if (c === 13 && text.charCodeAt(i + 1) !== 10) {
      editorLine++;
    }
  }
  return result;
}

async function allLinesOf(file: string): Promise<Set<number>> {
  const lines = new Set<number>();
  try {
    const bytes = await readFile(file);
    if (looksBinary(bytes)) return lines;
    const text = bytes.toString('utf8');
    // Lines as the engine counts them: \n, \r\n or a lone \r end one.
    const breaks = text.match(/\r\n?|\n/g)?.length ?? 0;
    const count = text === '' ? 0 : breaks + (/[\r\n]$/.test(text) ? 0 : 1);
    for (let n = 1; n <= count; n++) lines.add(n);
  } catch {
    // Removed or unreadable since it was listed: nothing added that we can see.
  }
  return lines;
}

const HUNK = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Parses a `--unified=0` patch. The body of each hunk is skipped by count (not by its first
 * character), so an added line whose text is `++ b/x` is never mistaken for a file header.
 */
export function parseAddedLines(patch: string): AddedLines {
  const result: AddedLines = new Map();
  const lines = patch.split('\n');
  let current: string | undefined;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i++] ?? '';
    if (line.startsWith('diff --git ')) {
      current = undefined;
      continue;
    }
    if (line.startsWith('+++ ')) {
      // git appends a tab to a name that contains a space (for GNU patch): not part of the name.
      const target = line.slice(4).replace(/\t$/, '');
      current = target === '/dev/null' ? undefined : stripPrefix(unquoteGitPath(target), 'b/');
      continue;
    }
    const hunk = HUNK.exec(line);
    if (!hunk) continue;
    const removed = hunk[1] === undefined ? 1 : Number(hunk[1]);
    const start = Number(hunk[2]);
    const added = hunk[3] === undefined ? 1 : Number(hunk[3]);
    if (current !== undefined && added > 0) {
      const set = result.get(current) ?? new Set<number>();
      for (let n = start; n < start + added; n++) set.add(n);
      result.set(current, set);
    }
    // Skip the hunk body: removed and added lines, plus any "\ No newline at end of file".
    let body = removed + added;
    while (body > 0 && i < lines.length) {
      const next = lines[i++] ?? '';
      if (!next.startsWith('\\')) body--;
    }
    while (i < lines.length && (lines[i] ?? '').startsWith('\\')) i++;
  }
  return result;
}

function stripPrefix(path: string, prefix: string): string {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/**
 * Undoes git's C-style quoting of unusual path names (`"b/tab\there"`, octal escapes for bytes
 * outside ASCII, which are UTF-8 and decoded as such).
 */
export function unquoteGitPath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"') || text.length < 2) return text;
  const body = text.slice(1, -1);
  const bytes: number[] = [];
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let i = 0; i < body.length; i++) {
    const ch = String.fromCodePoint(body.codePointAt(i) ?? 0);
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      i += ch.length - 1;
      continue;
    }
    const next = body[i + 1] ?? '';
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
