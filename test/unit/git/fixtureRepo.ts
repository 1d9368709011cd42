import { chmod, mkdtemp, mkdir, rm, writeFile, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';

/** A real git repository in a temporary folder, for tests; `dispose` removes it. */
export interface TempRepo {
  dir: string;
  git: SimpleGit;
  write(path: string, content: string | Uint8Array): Promise<void>;
  remove(path: string): Promise<void>;
  commit(message: string, date?: string, author?: string): Promise<string>;
  dispose(): Promise<void>;
}

const tempDirs = new Set<string>();

export async function makeTempDir(prefix = 'qa-lens-git-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export async function removeTempDir(dir: string): Promise<void> {
  tempDirs.delete(dir);
  await rm(dir, { recursive: true, force: true });
}

/** `git init -b main` with a local identity, so tests never depend on the machine's git config. */
export async function makeRepo(dir?: string): Promise<TempRepo> {
  const root = dir ?? (await makeTempDir());
  const git = simpleGit({ baseDir: root });
  await git.raw(['init', '-b', 'main']);
  await git.addConfig('user.name', 'Ada Lovelace');
  await git.addConfig('user.email', 'ada@example.com');
  await git.addConfig('commit.gpgsign', 'false');
  return {
    dir: root,
    git,
    async write(path, content) {
      await mkdir(dirname(join(root, path)), { recursive: true });
      await writeFile(join(root, path), content);
    },
    async remove(path) {
      await unlink(join(root, path));
    },
    async commit(message, date = '2026-03-01T10:00:00Z', author?: string) {
      await git.raw(['add', '-A']);
      await git.raw(['commit', '-q', '--allow-empty', `--date=${date}`, ...(author ? [`--author=${author}`] : []), '-m', message]);
      return (await git.revparse(['HEAD'])).trim();
    },
    async dispose() {
      await removeTempDir(root);
    },
  };
}

/** A binary file: a PNG header with NUL bytes. */
export const PNG_BYTES = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]);

export const ORDERS_BASE = ['export function total(items: number[]): number {', '  let sum = 0;', '  for (const item of items) sum += item;', '  return sum;', '}', ''].join('\n');
export const ORDERS_FEATURE = [
  'export function total(items: number[]): number {',
  '  let sum = 0;',
  '  // TODO: we\'ll fix it next sprint',
  '  for (const item of items) sum += Math.round(item);',
  '  return sum;',
  '}',
  'export const VERSION = 2;',
  '',
].join('\n');
export const LEGACY = ['export function legacy(): string {', "  return 'old';", '}', ''].join('\n');
export const LEGACY_RENAMED = ['export function legacy(): string {', "  return 'old';", '}', 'export const MOVED = true;', ''].join('\n');
export const MIGRATION = ['CREATE TABLE orders (', '  id bigint PRIMARY KEY', ');', ''].join('\n');

/**
 * The scenario every review test uses. `main` has a base commit; `feature/checkout` branches from
 * it and, over two commits by two authors, modifies src/orders.ts (+3 -1, one new "we'll fix it
 * next sprint" TODO on line 3), renames src/legacy/old-name.ts to src/core/new-name.ts (+1),
 * deletes docs/obsolete.md (-2), adds a binary media/logo.png, a SQL migration
 * db/migrations/001_add_orders.sql (+3), an ADR docs/adr/0002-orders-storage.md (+3) and changes
 * the workspace package packages/billing (+1 -1). After the branch point `main` gains CHANGELOG.md,
 * which must never show in the review (the diff starts at the merge base).
 */
export async function makeFeatureRepo(): Promise<TempRepo & { baseSha: string; mergeBaseSha: string; headSha: string }> {
  const repo = await makeRepo();
  try {
    return await buildFeatureRepo(repo);
  } catch (error) {
    await repo.dispose();
    throw error;
  }
}

async function buildFeatureRepo(repo: TempRepo): Promise<TempRepo & { baseSha: string; mergeBaseSha: string; headSha: string }> {
  await repo.write('src/orders.ts', ORDERS_BASE);
  await repo.write('src/legacy/old-name.ts', LEGACY);
  await repo.write('docs/obsolete.md', '# Obsolete\n\nGone soon.\n');
  await repo.write('docs/adr/0001-record-architecture-decisions.md', '# 1. Record architecture decisions\n');
  await repo.write('packages/billing/package.json', '{ "name": "billing" }\n');
  await repo.write('packages/billing/src/invoice.ts', 'export const RATE = 1;\n');
  await repo.write('README.md', '# Demo\n');
  const mergeBaseSha = await repo.commit('Initial commit', '2026-03-01T10:00:00Z');
  await repo.git.raw(['checkout', '-q', '-b', 'feature/checkout']);
  await repo.write('src/orders.ts', ORDERS_FEATURE);
  await repo.remove('src/legacy/old-name.ts');
  await repo.write('src/core/new-name.ts', LEGACY_RENAMED);
  await repo.remove('docs/obsolete.md');
  await repo.write('media/logo.png', PNG_BYTES);
  await repo.commit('Round order items and move legacy helper', '2026-03-02T10:00:00Z');
  await repo.write('db/migrations/001_add_orders.sql', MIGRATION);
  await repo.write('docs/adr/0002-orders-storage.md', '# 2. Orders storage\n\nWe keep orders in Postgres.\n');
  await repo.write('packages/billing/src/invoice.ts', 'export const RATE = 2;\n');
  const headSha = await repo.commit('Add orders table and ADR', '2026-03-03T10:00:00Z', 'Grace Hopper <grace@example.com>');
  await repo.git.raw(['checkout', '-q', 'main']);
  await repo.write('CHANGELOG.md', '# Changes\n');
  const baseSha = await repo.commit('Changelog on main', '2026-03-04T10:00:00Z');
  await repo.git.raw(['checkout', '-q', 'feature/checkout']);
  return Object.assign(repo, { baseSha, mergeBaseSha, headSha });
}

/**
 * Builds the feature-branch repository once for the enclosing `describe` and removes it after;
 * the returned function gives it to the tests.
 */
export function useFeatureRepo(): () => Awaited<ReturnType<typeof makeFeatureRepo>> {
  let repo: Awaited<ReturnType<typeof makeFeatureRepo>> | undefined;
  before(async () => {
    repo = await makeFeatureRepo();
  });
  after(async () => {
    await repo?.dispose();
  });
  return () => {
    if (!repo) throw new Error('the feature repository is built in a before() hook: use it inside a test');
    return repo;
  };
}

/**
 * Damages the committed objects of two files of HEAD, as a failing disk or an interrupted copy
 * would: `lost`'s object is deleted, `corrupt`'s is overwritten with bytes that are no zlib stream.
 */
export async function damageObjects(repo: TempRepo, lost: string, corrupt: string): Promise<void> {
  const objectOf = async (path: string): Promise<string> => {
    const blob = (await repo.git.revparse([`HEAD:${path}`])).trim();
    return join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2));
  };
  await unlink(await objectOf(lost));
  const damaged = await objectOf(corrupt);
  await chmod(damaged, 0o644);
  await writeFile(damaged, 'not a zlib stream');
}
