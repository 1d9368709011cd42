import { GitError } from './errors';
import { type GitOptions, runGit, runGitQuery } from './client';
import { resolveCommit } from './refs';
import { isShallow } from './repo';

export interface CommitInfo {
  sha: string;
  shortSha: string;
  author: string;
  authorEmail: string;
  date: Date;
  subject: string;
}

/**
 * The best common ancestor of `base` and `head`. When there is none, a shallow clone is the usual
 * reason (the history that joins them was not fetched): GitError('shallow') says so; otherwise
 * GitError('unknown-ref') says the branches share no history.
 */
export async function mergeBase(repo: string, base: string, head: string, options: GitOptions = {}): Promise<string> {
  const baseSha = await resolveCommit(repo, base, options);
  const headSha = await resolveCommit(repo, head, options);
  const out = (await runGitQuery(repo, ['merge-base', baseSha, headSha], options))?.trim();
  if (out) return out;
  if (await isShallow(repo, options)) {
    throw new GitError(
      'shallow',
      `no merge base between ${base} and ${head}: this is a shallow clone, so the shared history is missing (run 'git fetch --unshallow' or fetch more history)`,
    );
  }
  throw new GitError('unknown-ref', `${base} and ${head} share no history (no merge base)`);
}

// Fields separated by a unit separator, records by NUL: subjects can hold any printable text.
const FIELD = '%x1f';
const LOG_FORMAT = ['%H', '%h', '%an', '%ae', '%aI', '%s'].join(FIELD) + '%x00';

/** Commits reachable from `head` but not from `base`, newest first. */
export async function commitsBetween(repo: string, base: string, head: string, options: GitOptions = {}): Promise<CommitInfo[]> {
  const baseSha = await resolveCommit(repo, base, options);
  const headSha = await resolveCommit(repo, head, options);
  const out = await runGit(repo, ['log', '--no-color', `--format=${LOG_FORMAT}`, `${baseSha}..${headSha}`, '--'], options);
  return parseLog(out);
}

export function parseLog(out: string): CommitInfo[] {
  const commits: CommitInfo[] = [];
  for (const record of out.split('\0')) {
    const fields = record.replace(/^\n/, '').split('\x1f');
    if (fields.length < 6) continue;
    const [sha = '', short = '', author = '', authorEmail = '', date = '', ...subject] = fields;
    commits.push({ sha, shortSha: short, author, authorEmail, date: new Date(date), subject: subject.join('\x1f') });
  }
  return commits;
}

export interface AuthorSummary {
  name: string;
  email: string;
  commits: number;
}

/** The authors of the commits between `base` and `head`, most commits first (ties by name). */
export async function authors(repo: string, base: string, head: string, options: GitOptions = {}): Promise<AuthorSummary[]> {
  return summariseAuthors(await commitsBetween(repo, base, head, options));
}

export function summariseAuthors(commits: readonly CommitInfo[]): AuthorSummary[] {
  const byKey = new Map<string, AuthorSummary>();
  for (const commit of commits) {
    const key = `${commit.author}\0${commit.authorEmail.toLowerCase()}`;
    const entry = byKey.get(key) ?? { name: commit.author, email: commit.authorEmail, commits: 0 };
    entry.commits += 1;
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name));
}
