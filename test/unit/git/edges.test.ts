import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { addedLinesUnderRoot } from '../../../src/core/scan/since';
import { addedLines, authors, blameFile, commitsBetween, currentBranch, defaultBaseBranch, diffFiles, GitError, isValidBranchName, validateRef } from '../../../src/git/index';
import { makeRepo, makeTempDir, PNG_BYTES, removeTempDir, type TempRepo } from './fixtureRepo';

/**
 * Parsing edges of the git layer that the main git tests leave open (each found by changing the
 * parser by one token and seeing no test fail), on real repositories.
 */
describe('git layer edges (real repositories)', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  beforeEach(async () => {
    repo = await makeRepo();
  });
  afterEach(async () => {
    await repo.dispose();
  });

  describe('addedLines', () => {
    it('a one-line hunk (no counts in its header) is skipped whole, even when the new line reads like a file header', async () => {
      const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
      await repo.write('a.txt', `${lines.join('\n')}\n`);
      await repo.commit('one');
      lines[1] = '++ b/evil.txt';
      lines[24] = 'changed';
      await repo.write('a.txt', `${lines.join('\n')}\n`);
      await repo.commit('two');
      const added = await addedLines(repo.dir, 'HEAD~1');
      assert.deepEqual([...added.keys()], ['a.txt']);
      assert.deepEqual([...(added.get('a.txt') ?? [])], [2, 25]);
    });

    it('follows a rename even where the user switched rename detection off (diff.renames false)', async () => {
      const body = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
      await repo.write('old.ts', `${body}\n`);
      const base = await repo.commit('one');
      await repo.git.raw(['config', 'diff.renames', 'false']);
      await repo.git.raw(['mv', 'old.ts', 'new.ts']);
      await repo.write('new.ts', `${body}\nline 21\n`);
      await repo.commit('move');
      const added = await addedLines(repo.dir, base);
      assert.deepEqual([...(added.get('new.ts') ?? [])], [21]);
    });

    it('an untracked binary file adds no lines', async () => {
      await repo.write('a.txt', 'a\n');
      await repo.commit('one');
      await repo.write('logo.png', PNG_BYTES);
      await repo.write('notes.txt', 'x\ny');
      const added = await addedLines(repo.dir, 'HEAD', { includeWorkingTree: true });
      assert.deepEqual([...added.keys()], ['notes.txt']);
      assert.deepEqual([...(added.get('notes.txt') ?? [])], [1, 2]);
    });
  });

  describe('diffFiles', () => {
    it('reports a copy as copied, naming its source', async () => {
      const body = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
      await repo.write('a.ts', `${body}\n`);
      const base = await repo.commit('one');
      await repo.write('b.ts', `${body}\n`);
      await repo.write('a.ts', `${body}\nextra\n`);
      await repo.commit('two');
      assert.deepEqual(await diffFiles(repo.dir, base, 'HEAD'), [
        { path: 'a.ts', status: 'modified', added: 1, removed: 0, binary: false },
        { path: 'b.ts', oldPath: 'a.ts', status: 'copied', added: 0, removed: 0, binary: false },
      ]);
    });

    it('an untracked file: binary when a NUL is in its first 8000 bytes (as git decides), else its lines counted', async () => {
      await repo.write('a.txt', 'a\n');
      await repo.commit('one');
      const late = new Uint8Array(7000).fill(0x61);
      late[6000] = 0;
      await repo.write('late-nul.dat', late);
      await repo.write('no-final-newline.txt', 'x\ny');
      const files = await diffFiles(repo.dir, 'HEAD');
      assert.deepEqual(files.map((f) => [f.path, f.binary, f.added]), [['late-nul.dat', true, 0], ['no-final-newline.txt', false, 2]]);
    });
  });

  describe('blameFile', () => {
    it("gives every line of a commit its author, e-mail and summary, also where git's porcelain names the commit a second time", async () => {
      await repo.write('a.txt', 'one\ntwo\nthree\n');
      await repo.commit('first', '2026-03-01T10:00:00Z', 'Ada Lovelace <ada@example.com>');
      await repo.write('a.txt', 'one\nTWO\nthree\n');
      await repo.commit('second', '2026-03-02T10:00:00Z', 'Grace Hopper <grace@example.com>');
      const lines = await blameFile(repo.dir, 'a.txt');
      assert.deepEqual(lines.map((l) => [l.author, l.authorEmail, l.summary, l.uncommitted]), [
        ['Ada Lovelace', 'ada@example.com', 'first', false],
        ['Grace Hopper', 'grace@example.com', 'second', false],
        ['Ada Lovelace', 'ada@example.com', 'first', false],
      ]);
    });
  });

  describe('history', () => {
    it('gives each commit its full SHA, and counts an author once whatever the case of the e-mail', async () => {
      const base = await repo.commit('base');
      const one = await repo.commit('one', '2026-03-02T10:00:00Z', 'Ada Lovelace <Ada@Example.com>');
      const two = await repo.commit('two', '2026-03-03T10:00:00Z', 'Ada Lovelace <ada@example.com>');
      const three = await repo.commit('three', '2026-03-04T10:00:00Z', 'Grace Hopper <grace@example.com>');
      const commits = await commitsBetween(repo.dir, base, 'HEAD');
      assert.deepEqual(commits.map((c) => [c.sha, c.subject]), [[three, 'three'], [two, 'two'], [one, 'one']]);
      const summary = await authors(repo.dir, base, 'HEAD');
      assert.deepEqual(summary.map((a) => [a.name, a.commits]), [['Ada Lovelace', 2], ['Grace Hopper', 1]]);
    });
  });

  describe('refs', () => {
    it('DEL is a control character: never a ref', () => {
      assert.throws(() => validateRef('main\u007f'), (e: unknown) => e instanceof GitError && /contains control characters/.test(e.message));
    });

    it('a branch name that starts with - is invalid (answered, not thrown)', async () => {
      assert.equal(await isValidBranchName(repo.dir, '-x'), false);
      assert.equal(await isValidBranchName(repo.dir, 'feature/x'), true);
    });

    it("a detached HEAD's short SHA is as long as git prints it (core.abbrev)", async () => {
      const sha = await repo.commit('one');
      await repo.git.raw(['config', 'core.abbrev', '12']);
      await repo.git.raw(['checkout', '-q', '--detach']);
      assert.deepEqual(await currentBranch(repo.dir), { detached: true, sha, shortSha: sha.slice(0, 12) });
    });
  });

  describe('base branch', () => {
    it('with nothing configured and no origin, main is preferred to master', async () => {
      await repo.commit('one');
      await repo.git.raw(['branch', 'master']);
      assert.deepEqual(await defaultBaseBranch(repo.dir), { ref: 'main', source: 'conventional' });
    });

    it("a configured base (trimmed) that exists only as origin's branch (a CI checkout) is taken from origin", async () => {
      await repo.commit('one');
      await repo.git.raw(['branch', 'develop']);
      const clone = await makeTempDir('qa-lens-clone-');
      try {
        await simpleGit().raw(['clone', '-q', `file://${repo.dir}`, clone]);
        assert.deepEqual(await defaultBaseBranch(clone, ' develop '), { ref: 'origin/develop', source: 'configured' });
        assert.deepEqual(await defaultBaseBranch(clone, 'no-such'), { ref: 'no-such', source: 'configured' });
        // origin/HEAD left pointing at a pruned branch: the conventional names are tried instead.
        await simpleGit({ baseDir: clone }).raw(['symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/gone']);
        assert.deepEqual(await defaultBaseBranch(clone), { ref: 'main', source: 'conventional' });
      } finally {
        await removeTempDir(clone);
      }
    });
  });

  describe('--since lines under the scan root', () => {
    it('keys paths from the top level when the root is the top level, and below the root otherwise', async () => {
      await repo.write('a.ts', 'one\n');
      await repo.write('pkg/b.ts', 'one\n');
      const base = await repo.commit('one');
      await repo.write('a.ts', 'one\ntwo\n');
      await repo.write('pkg/b.ts', 'zero\none\n');
      await repo.commit('two');
      const top = await addedLinesUnderRoot(repo.dir, base);
      assert.deepEqual([...top].map(([p, lines]) => [p, [...lines]]), [['a.ts', [2]], ['pkg/b.ts', [1]]]);
      const sub = await addedLinesUnderRoot(join(repo.dir, 'pkg'), base);
      assert.deepEqual([...sub].map(([p, lines]) => [p, [...lines]]), [['b.ts', [1]]]);
    });
  });
});
