import { simpleGit, type SimpleGit } from 'simple-git';
import { GitError } from './errors';

/** Options every git function accepts; `binary` exists so tests can simulate a missing git. */
export interface GitOptions {
  /** The git executable (default `git`, found on PATH). */
  binary?: string;
  /** Text written to git's stdin (for `blame --contents -`, the object names `cat-file --batch` reads). */
  input?: string;
}

/** The marker our error hook puts in front of git's stderr so the exit status survives simple-git's wrapping. */
const EXIT_MARKER = /^\[qa-lens git exit (\d+)\] ?/;

function client(folder: string, options: GitOptions): SimpleGit {
  const input = options.input;
  return simpleGit({
    baseDir: folder,
    binary: options.binary ?? 'git',
    // simple-git only fails a command that exits non-zero AND wrote to stderr; `rev-parse --quiet`
    // and `symbolic-ref --quiet` fail silently, so every non-zero exit must be an error here.
    errors: (error, result) => {
      if (result.exitCode === 0) return error;
      const stderr = Buffer.concat(result.stdErr).toString('utf8');
      return Buffer.from(`[qa-lens git exit ${result.exitCode}] ${stderr}`, 'utf8');
    },
    ...(input !== undefined ? { input: () => input } : {}),
  });
}

/** A failed git command: its exit status and stderr, already classified where that is possible. */
export function classifyFailure(error: unknown, folder: string): GitError {
  if (error instanceof GitError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  if (/\bENOENT\b/.test(raw) && /spawn/i.test(raw)) {
    return new GitError('not-installed', 'git is not installed (or not on PATH): QA Lens needs git for this', raw);
  }
  if (/Cannot use simple-git on a directory that does not exist/.test(raw)) {
    return new GitError('not-a-repo', `${folder} does not exist`, raw);
  }
  const stderr = raw.replace(EXIT_MARKER, '').trim();
  if (/not a git repository/i.test(stderr)) {
    return new GitError('not-a-repo', `${folder} is not inside a git repository`, stderr);
  }
  return new GitError('other', `git failed: ${firstLine(stderr) || 'no message'}`, stderr);
}

/** The exit status recorded by our error hook, or undefined when git did not run. */
export function exitStatusOf(error: unknown): number | undefined {
  const detail = error instanceof GitError ? error.detail : error instanceof Error ? error.message : undefined;
  const match = detail === undefined ? null : EXIT_MARKER.exec(detail);
  return match?.[1] !== undefined ? Number(match[1]) : undefined;
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}

/**
 * Runs `git <args>` in `folder` and returns stdout. Arguments are passed as an argv array (no
 * shell), and callers pass user-provided refs only after `validateRef` and, where git supports it,
 * after `--end-of-options` or `--`.
 */
export async function runGit(folder: string, args: readonly string[], options: GitOptions = {}): Promise<string> {
  return run(folder, args, () => client(folder, options));
}

/**
 * Like runGit, but stdout as git wrote it, byte for byte: `cat-file --batch` frames each object
 * with its size in bytes, which a decoded string (invalid UTF-8 replaced) can no longer follow.
 */
export async function runGitBytes(folder: string, args: readonly string[], options: GitOptions = {}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  // simple-git hands over the child's stdout right after spawning it, before any data arrives.
  await run(folder, args, () => client(folder, options).outputHandler((_command, stdout) => {
    stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  }));
  return Buffer.concat(chunks);
}

/** `makeClient` runs inside the try: simple-git throws right away for a folder that does not exist. */
async function run(folder: string, args: readonly string[], makeClient: () => SimpleGit): Promise<string> {
  try {
    return await makeClient().raw([...args]);
  } catch (error) {
    const classified = classifyFailure(error, folder);
    // Keep the exit status reachable for callers that treat "exit 1, no output" as an answer.
    if (classified.kind === 'other' && error instanceof Error) {
      throw new GitError('other', classified.message, error.message);
    }
    throw classified;
  }
}

/** Like runGit, but an exit status of 1 (git's "no" for --quiet queries) yields undefined. */
export async function runGitQuery(folder: string, args: readonly string[], options: GitOptions = {}): Promise<string | undefined> {
  try {
    return await runGit(folder, args, options);
  } catch (error) {
    if (error instanceof GitError && error.kind === 'other' && exitStatusOf(error) === 1) return undefined;
    throw error;
  }
}
