import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { escapeRegExp } from '../regexSafety';

/**
 * `<branch>` as it appears in a review file name (formats.md): every `/` and every character
 * outside `[A-Za-z0-9._-]` becomes `-`. Leading dots are replaced too, so a branch can never make a
 * hidden file or a `..` path segment; an empty result becomes `detached`.
 */
export function sanitiseBranch(branch: string): string {
  const replaced = [...branch].map((ch) => (/^[A-Za-z0-9._-]$/.test(ch) ? ch : '-')).join('');
  const noLeadingDot = replaced.replace(/^\.+/, (dots) => '-'.repeat(dots.length));
  return noLeadingDot === '' ? 'detached' : noLeadingDot;
}

/** `<folder>/<date>-<branch>-<template>.md`, relative to the repository root, '/' separators. */
export function reviewFileName(date: string, branch: string, templateId: string, folder = '.quality/reviews'): string {
  const dir = folder.replace(/\\/g, '/').replace(/\/+$/, '');
  return `${dir === '' ? '' : `${dir}/`}${date}-${sanitiseBranch(branch)}-${sanitiseBranch(templateId)}.md`;
}

/** What a review file's front matter records (formats.md). */
export interface ReviewFrontMatter {
  template: string;
  base: string | null;
  baseSha: string | null;
  head: string | null;
  headSha: string | null;
  /** ISO timestamp. */
  created: string;
}

export function reviewDocument(frontMatter: ReviewFrontMatter, body: string): string {
  const yaml = stringify(frontMatter, { lineWidth: 0 }).trimEnd();
  return `---\n${yaml}\n---\n${body.endsWith('\n') ? body : `${body}\n`}`;
}

export type CreateReviewResult = { existed: false; path: string } | { existed: true; path: string };

/**
 * Writes a new review at `path` unless one exists: an existing review is never overwritten (the
 * caller offers to continue it). The text goes to a temporary file first and is then hard-linked
 * into place, which fails if the name was taken meanwhile, so two windows creating the same review
 * at once cannot clobber each other or leave half a file.
 */
export async function createOrContinueReview(path: string, text: string): Promise<CreateReviewResult> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await link(temp, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return { existed: true, path };
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
      // No hard links on this file system: exclusive create still never overwrites.
      return await createExclusive(path, text);
    }
    return { existed: false, path };
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function createExclusive(path: string, text: string): Promise<CreateReviewResult> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { existed: true, path };
    throw error;
  }
  try {
    await handle.writeFile(text, 'utf8');
  } finally {
    await handle.close();
  }
  return { existed: false, path };
}

/**
 * Reviews already started for this branch and template, on any date (`<date>-<branch>-<template>.md`
 * and the `-2`, `-3` ... variants a second review of the same day gets), newest first.
 */
export async function findExistingReviews(reviewsDir: string, branch: string, templateId: string): Promise<string[]> {
  const pattern = new RegExp(`^(\\d{4}-\\d{2}-\\d{2})-${escapeRegExp(sanitiseBranch(branch))}-${escapeRegExp(sanitiseBranch(templateId))}(?:-(\\d+))?\\.md$`);
  let names: string[];
  try {
    names = (await readdir(reviewsDir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return [];
  }
  const found = names.flatMap((name) => {
    const match = pattern.exec(name);
    return match ? [{ name, date: match[1] ?? '', n: Number(match[2] ?? 1) }] : [];
  });
  found.sort((a, b) => b.date.localeCompare(a.date) || b.n - a.n);
  // File names lose what sets `feature/x` apart from `feature-x`: the review's own `head:` says
  // whose it is. One without that line (written by hand) still counts.
  const mine: string[] = [];
  for (const { name } of found) {
    const path = join(reviewsDir, name);
    const head = await frontMatterHead(path);
    if (head === undefined || head === branch) mine.push(path);
  }
  return mine;
}

/** The `head:` of a review's front matter; undefined when it has none or cannot be read. */
async function frontMatterHead(path: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  const front = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
  if (!front) return undefined;
  try {
    const data: unknown = parse(front[1]);
    const head = data !== null && typeof data === 'object' ? (data as { head?: unknown }).head : undefined;
    return typeof head === 'string' && head !== '' ? head : undefined;
  } catch {
    return undefined; // front matter edited into something else: judge by the name alone
  }
}

/**
 * Writes a review under `path`, or, when that name is taken, under `<name>-2.md`, `-3` ...: for a
 * second review of the same branch and template on the same day. Never overwrites.
 */
export async function createNewReview(path: string, text: string): Promise<string> {
  const stem = path.replace(/\.md$/i, '');
  for (let n = 1; n <= 100; n++) {
    const candidate = n === 1 ? path : `${stem}-${n}.md`;
    const result = await createOrContinueReview(candidate, text);
    if (!result.existed) return candidate;
  }
  throw new Error(`${basename(path)}: 100 reviews of this branch and template today already; not writing another`);
}
