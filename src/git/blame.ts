import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { GitError } from './errors';
import { type GitOptions, runGit } from './client';

export interface BlameLine {
  /** The commit that last changed the line; all zeros for a line not committed yet. */
  sha: string;
  author: string;
  authorEmail: string;
  authorTime: Date;
  uncommitted: boolean;
  /** The commit's subject line. */
  summary: string;
}

const ZERO_SHA = /^0+$/;

/**
 * Blames `path` (relative to `repo`, or absolute) line by line, index 0 = line 1. With `contents`
 * (the editor's unsaved text) git blames that text instead of the file on disk, so the line
 * numbers match the buffer; lines it cannot attribute are `uncommitted`. A file git does not track
 * yet, or a repository with no commit, gives every line as uncommitted rather than an error.
 */
export async function blameFile(repo: string, path: string, contents?: string, options: GitOptions = {}): Promise<BlameLine[]> {
  const args = ['blame', '--porcelain', '--no-progress'];
  if (contents !== undefined) args.push('--contents', '-');
  args.push('--', path);
  try {
    const out = await runGit(repo, args, contents !== undefined ? { ...options, input: contents } : options);
    return parseBlamePorcelain(out);
  } catch (error) {
    if (error instanceof GitError && error.kind === 'other' && /no such path|bad revision 'HEAD'|does not have any commits|no such ref: HEAD/i.test(error.detail ?? error.message)) {
      const text = contents ?? (await readFile(isAbsolute(path) ? path : join(repo, path), 'utf8'));
      return allUncommitted(text);
    }
    throw error;
  }
}

function allUncommitted(text: string): BlameLine[] {
  const count = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  const now = new Date();
  return Array.from({ length: count }, () => ({
    sha: '0'.repeat(40),
    author: 'Not Committed Yet',
    authorEmail: '',
    authorTime: now,
    uncommitted: true,
    summary: 'Not committed yet',
  }));
}

interface CommitFields {
  author: string;
  authorEmail: string;
  authorTime: Date;
  summary: string;
}

/** Parses `git blame --porcelain`: commit fields appear only the first time a commit is seen. */
export function parseBlamePorcelain(out: string): BlameLine[] {
  const commits = new Map<string, CommitFields>();
  const result: BlameLine[] = [];
  const lines = out.split('\n');
  let sha = '';
  let finalLine = 0;
  let fields: CommitFields | undefined;
  for (const line of lines) {
    if (line.startsWith('\t')) {
      const info = fields ?? commits.get(sha) ?? { author: '', authorEmail: '', authorTime: new Date(0), summary: '' };
      commits.set(sha, info);
      result[finalLine - 1] = { sha, ...info, uncommitted: ZERO_SHA.test(sha) };
      fields = undefined;
      continue;
    }
    const header = /^([0-9a-f]{40,64}) \d+ (\d+)(?: \d+)?$/.exec(line);
    if (header) {
      sha = header[1] ?? '';
      finalLine = Number(header[2]);
      fields = commits.has(sha) ? undefined : { author: '', authorEmail: '', authorTime: new Date(0), summary: '' };
      continue;
    }
    if (!fields) continue;
    const space = line.indexOf(' ');
    const key = space < 0 ? line : line.slice(0, space);
    const value = space < 0 ? '' : line.slice(space + 1);
    if (key === 'author') fields.author = value;
    else if (key === 'author-mail') fields.authorEmail = value.replace(/^<|>$/g, '');
    else if (key === 'author-time') fields.authorTime = new Date(Number(value) * 1000);
    else if (key === 'summary') fields.summary = value;
  }
  // A sparse array would hide lines git did not report; fill them so callers can index safely.
  for (let i = 0; i < result.length; i++) {
    result[i] ??= { sha: '0'.repeat(40), author: '', authorEmail: '', authorTime: new Date(0), uncommitted: true, summary: '' };
  }
  return result;
}
