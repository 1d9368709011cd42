import { strict as assert } from 'node:assert';
import { readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileAtCommit, filesAtCommit, GitError, type CommittedFile } from '../../../src/git/index';
import { damageObjects, makeRepo, makeTempDir, PNG_BYTES, removeTempDir, type TempRepo } from './fixtureRepo';

/** Names that have broken git plumbing before: spaces, quotes, non-ASCII, pathspec magic, line breaks. */
const ODD_NAMES = [
  'with space/a file.ts',
  'ünïcödé/naïve – “curly” \'single\' "double".ts',
  ' leading space.txt',
  'trailing space .txt',
  ':(top)colon*star?[x].ts',
  'back\\slash.txt',
  'tab\there.txt',
  'new\nline.txt',
  'carriage\r.txt',
];
const GENERATED = 300;
const generated = (i: number): string => `src/gen/file-${i}.ts`;

/** The error of a failed read (the test fails when the read did not fail). */
function failure(file: CommittedFile | undefined): Error {
  assert.equal(file?.kind, 'failed');
  return (file as { error: Error }).error;
}

/** What fileAtCommit says, in readFilesAtCommit's words. */
async function oneByOne(dir: string, sha: string, path: string): Promise<CommittedFile> {
  try {
    const text = await fileAtCommit(dir, sha, path);
    return text === undefined ? { kind: 'absent' } : { kind: 'text', text };
  } catch (error) {
    return { kind: 'failed', error: error as Error };
  }
}

/**
 * A real git that logs the first two words of each command line it runs to `<bin>/log`, and fails
 * the commands `failing` names (a `case` pattern) the way a process out of file handles does.
 */
async function loggingGit(bin: string, failing?: string): Promise<{ binary: string; commands(): Promise<string[]> }> {
  const binary = join(bin, 'git');
  const log = join(bin, 'log');
  await writeFile(log, '');
  const fail = failing ? `case "$*" in ${failing}) echo "fatal: simulated: Too many open files" >&2; exit 128;; esac\n` : '';
  await writeFile(binary, `#!/bin/sh\nprintf '%s\\n' "$1 $2" >> '${log}'\n${fail}exec git "$@"\n`, { mode: 0o755 });
  return { binary, commands: async () => (await readFile(log, 'utf8')).split('\n').filter((l) => l !== '') };
}

describe('filesAtCommit (real repositories)', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  let sha: string;
  let bin: string;
  /** Every kind of path a review may ask for. */
  let paths: string[];

  before(async () => {
    repo = await makeRepo();
    bin = await makeTempDir();
    for (let i = 0; i < GENERATED; i++) await repo.write(generated(i), `export const n${i} = ${i};\n`);
    await repo.write('gone.txt', 'deleted on the branch\n');
    const first = await repo.commit('one');
    for (let i = 0; i < GENERATED; i++) await repo.write(generated(i), `export const n${i} = ${i};\n// TODO next sprint ${i}\n`);
    for (const name of ODD_NAMES) await repo.write(name, `the file named ${JSON.stringify(name)}\n`);
    await repo.write('media/logo.png', PNG_BYTES);
    await repo.write('latin1.txt', Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x0a])); // "café" in Latin-1: not UTF-8
    await repo.write('empty.txt', '');
    await repo.remove('gone.txt');
    await symlink(generated(0), join(repo.dir, 'link'));
    await repo.git.raw(['add', '-A']);
    // Submodules as the index records them: one whose commit this repository lacks, one it has.
    await repo.git.raw(['update-index', '--add', '--cacheinfo', `160000,${'1234567890'.repeat(4)},vendor/lib`]);
    await repo.git.raw(['update-index', '--add', '--cacheinfo', `160000,${first},vendor/self`]);
    await repo.git.raw(['commit', '-q', '-m', 'two']);
    sha = (await repo.git.revparse(['HEAD'])).trim();
    paths = [
      ...Array.from({ length: GENERATED }, (_, i) => generated(i)),
      ...ODD_NAMES, 'media/logo.png', 'latin1.txt', 'empty.txt', 'link',
      'gone.txt', 'nope.txt', 'src/gen', 'src', 'vendor/lib', 'vendor/self', `${generated(1)}/under-a-file`, `/${generated(2)}`,
    ];
  });
  after(async () => {
    await repo?.dispose();
    if (bin) await removeTempDir(bin);
  });

  it('gives, for every kind of path, what fileAtCommit gives file by file', async () => {
    const files = await filesAtCommit(repo.dir, sha, paths);
    assert.equal(files.length, paths.length);
    // Every tenth generated file (a process each takes a while) and all the others.
    for (const [i, path] of paths.entries()) {
      if (i < GENERATED && i % 10 !== 0) continue;
      assert.deepEqual(files[i], await oneByOne(repo.dir, sha, path), JSON.stringify(path));
    }
    // And what those answers are, so the comparison cannot pass on two equal mistakes.
    const answer = (path: string): CommittedFile | undefined => files[paths.indexOf(path)];
    assert.deepEqual(answer(generated(7)), { kind: 'text', text: 'export const n7 = 7;\n// TODO next sprint 7\n' });
    for (const name of ODD_NAMES) assert.deepEqual(answer(name), { kind: 'text', text: `the file named ${JSON.stringify(name)}\n` });
    assert.deepEqual(answer('empty.txt'), { kind: 'text', text: '' });
    assert.deepEqual(answer('latin1.txt'), { kind: 'text', text: 'caf\uFFFD\n' });
    assert.deepEqual(answer('link'), { kind: 'text', text: generated(0) });
    assert.equal(answer('media/logo.png')?.kind, 'text');
    for (const absent of ['gone.txt', 'nope.txt', 'src/gen', 'src', 'vendor/lib', 'vendor/self', `${generated(1)}/under-a-file`]) {
      assert.deepEqual(answer(absent), { kind: 'absent' }, absent);
    }
    assert.deepEqual(answer(`/${generated(2)}`), { kind: 'text', text: 'export const n2 = 2;\n// TODO next sprint 2\n' });
  });

  it('reads hundreds of files, deleted ones, folders and submodules with three git processes', async () => {
    const git = await loggingGit(bin);
    const plain = paths.filter((p) => !/[\r\n]/.test(p));
    const files = await filesAtCommit(repo.dir, sha, plain, { binary: git.binary });
    assert.equal(files.filter((f) => f.kind === 'text').length, plain.length - 7);
    // One look-up of all paths, one read of all contents, one ls-tree for the paths with no object.
    assert.deepEqual((await git.commands()).sort(), ['--literal-pathspecs ls-tree', 'cat-file --batch', 'cat-file --batch-check']);
  });

  it('paths from the repository root, whatever the folder it is asked from', async () => {
    const files = await filesAtCommit(join(repo.dir, 'src'), sha, [generated(3), 'with space/a file.ts', 'gen']);
    assert.deepEqual(files, [
      { kind: 'text', text: 'export const n3 = 3;\n// TODO next sprint 3\n' },
      { kind: 'text', text: 'the file named "with space/a file.ts"\n' },
      { kind: 'absent' },
    ]);
  });

  it('a file larger than maxBytes is not read, and says how large it is', async () => {
    const files = await filesAtCommit(repo.dir, sha, [generated(10), generated(9)], { maxBytes: 'export const n9 = 9;\n// TODO next sprint 9\n'.length });
    assert.deepEqual(files, [{ kind: 'too-large', bytes: 46 }, { kind: 'text', text: 'export const n9 = 9;\n// TODO next sprint 9\n' }]);
  });

  it('when git refuses the batch, reads file by file: the same answers, each failure on its own file', async () => {
    const git = await loggingGit(bin, `"cat-file --batch"*|*cat-file*:${generated(5)}`);
    const wanted = [generated(4), generated(5), 'gone.txt', 'vendor/lib', 'with space/a file.ts'];
    const files = await filesAtCommit(repo.dir, sha, wanted, { binary: git.binary });
    assert.deepEqual(files[0], { kind: 'text', text: 'export const n4 = 4;\n// TODO next sprint 4\n' });
    assert.match(failure(files[1]).message, /simulated: Too many open files/);
    assert.deepEqual(files.slice(2), [{ kind: 'absent' }, { kind: 'absent' }, { kind: 'text', text: 'the file named "with space/a file.ts"\n' }]);
  });

  it('every file fails, none is absent, when git cannot run at all', async () => {
    const files = await filesAtCommit(repo.dir, sha, [generated(1), 'nope.txt'], { binary: 'qa-lens-no-such-git' });
    for (const file of files) {
      const error = failure(file);
      assert.ok(error instanceof GitError && error.kind === 'not-installed');
    }
  });

  it('a lost or corrupt object is a failure, as fileAtCommit reports it, never a missing file', async () => {
    const other = await makeRepo();
    try {
      await other.write('a.txt', 'hello\n');
      await other.write('b.txt', 'world\n');
      await other.write('d.txt', 'fine\n');
      await other.commit('one');
      const head = (await other.git.revparse(['HEAD'])).trim();
      await damageObjects(other, 'a.txt', 'b.txt');
      const files = await filesAtCommit(other.dir, head, ['a.txt', 'b.txt', 'c.txt', 'd.txt']);
      assert.match(failure(files[0]).message, /bad file/);
      const corrupted = failure(files[1]);
      assert.ok(corrupted instanceof GitError && /corrupt/.test(corrupted.detail ?? ''));
      assert.deepEqual(files.slice(2), [{ kind: 'absent' }, { kind: 'text', text: 'fine\n' }]);
    } finally {
      await other.dispose();
    }
  });

  it('splits contents into batches of at most 16 MB, and long path lists into several ls-tree', async () => {
    const other = await makeRepo();
    try {
      const big = (c: string): string => `${c.repeat(9 * 1024 * 1024 - 1)}\n`;
      await other.write('big-a.txt', big('a'));
      await other.write('big-b.txt', big('b'));
      await other.write('small.txt', 'small\n');
      await other.commit('big files');
      const head = (await other.git.revparse(['HEAD'])).trim();
      // 250 paths of ~100 characters that have no file: more than one Windows-safe command line.
      const absent = Array.from({ length: 250 }, (_, i) => `missing/${'x'.repeat(90)}-${i}.txt`);
      const git = await loggingGit(bin);
      const files = await filesAtCommit(other.dir, head, ['big-a.txt', 'small.txt', 'big-b.txt', ...absent], { binary: git.binary });
      assert.deepEqual(files[0], { kind: 'text', text: big('a') });
      assert.deepEqual(files[1], { kind: 'text', text: 'small\n' });
      assert.deepEqual(files[2], { kind: 'text', text: big('b') });
      assert.ok(files.slice(3).every((f) => f.kind === 'absent'));
      const commands = await git.commands();
      assert.equal(commands.filter((c) => c === 'cat-file --batch').length, 2);
      assert.equal(commands.filter((c) => c === '--literal-pathspecs ls-tree').length, 2);
    } finally {
      await other.dispose();
    }
  });
});
