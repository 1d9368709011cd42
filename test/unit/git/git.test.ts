import { strict as assert } from 'node:assert';
import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import {
  addedLines, authors, blameFile, commitsBetween, currentBranch, defaultBaseBranch, diffFiles, fileAtRef,
  GitError, headSha, isGitInstalled, isShallow, listBranches, mergeBase, openRepo, resolveCommit, validateRef,
} from '../../../src/git/index';
import { damageObjects, LEGACY_RENAMED, makeFeatureRepo, makeRepo, makeTempDir, removeTempDir } from './fixtureRepo';

describe('git layer (real repositories)', function () {
  this.timeout(60_000);
  let repo: Awaited<ReturnType<typeof makeFeatureRepo>>;
  before(async () => {
    repo = await makeFeatureRepo();
  });
  after(async () => {
    await repo?.dispose();
  });

  describe('openRepo', () => {
    it('finds the top-level folder from a subfolder', async () => {
      const result = await openRepo(join(repo.dir, 'src'));
      assert.deepEqual(result, { kind: 'ok', root: realpathSync(repo.dir) });
    });
    it('says "not a repository" for a plain folder, without throwing', async () => {
      const dir = await makeTempDir();
      try {
        const result = await openRepo(dir);
        assert.equal(result.kind, 'not-a-repo');
        assert.match((result as { message: string }).message, /not inside a git repository/);
      } finally {
        await removeTempDir(dir);
      }
    });
    it('says "not installed" when the git executable cannot be spawned', async () => {
      const result = await openRepo(repo.dir, { binary: 'qa-lens-no-such-git' });
      assert.equal(result.kind, 'not-installed');
      assert.equal(await isGitInstalled({ binary: 'qa-lens-no-such-git' }), false);
      assert.equal(await isGitInstalled(), true);
    });
    it('says "not a repository" for a folder that does not exist', async () => {
      const result = await openRepo(join(repo.dir, 'no', 'such', 'folder'));
      assert.equal(result.kind, 'not-a-repo');
    });
  });

  describe('refs', () => {
    it('rejects refs that git would read as options, before running git', async () => {
      for (const bad of ['-x', '--output=/tmp/qa-lens-pwned', '']) {
        assert.throws(() => validateRef(bad), (e: unknown) => e instanceof GitError && e.kind === 'unknown-ref');
      }
      const marker = join(repo.dir, 'pwned.txt');
      await assert.rejects(diffFiles(repo.dir, `--output=${marker}`), (e: unknown) => e instanceof GitError && e.kind === 'unknown-ref');
      await assert.rejects(addedLines(repo.dir, `--output=${marker}`), /cannot start with '-'/);
      await assert.rejects(mergeBase(repo.dir, 'main', '-x'), /cannot start with '-'/);
      assert.equal(existsSync(marker), false);
    });
    it('git itself refuses a branch named -x', async () => {
      await assert.rejects(repo.git.raw(['branch', '-x']));
      await assert.rejects(repo.git.raw(['check-ref-format', '--branch', '-x']));
    });
    it('reports an unknown ref by name', async () => {
      await assert.rejects(resolveCommit(repo.dir, 'no-such-branch'), (e: unknown) => e instanceof GitError && e.kind === 'unknown-ref' && /no-such-branch/.test(e.message));
    });
  });

  describe('branches', () => {
    it('names the current branch and HEAD', async () => {
      assert.deepEqual(await currentBranch(repo.dir), { detached: false, name: 'feature/checkout' });
      assert.equal(await headSha(repo.dir), repo.headSha);
    });
    it('reports a detached HEAD with its SHA', async () => {
      const other = await makeRepo();
      try {
        await other.write('a.txt', 'a\n');
        const sha = await other.commit('one');
        await other.git.raw(['checkout', '-q', '--detach']);
        const branch = await currentBranch(other.dir);
        assert.equal(branch.detached, true);
        assert.ok(branch.detached && branch.sha === sha && sha.startsWith(branch.shortSha) && branch.shortSha.length >= 7);
      } finally {
        await other.dispose();
      }
    });
    it('picks the base branch: configured, remote default, main/master, or none', async () => {
      assert.deepEqual(await defaultBaseBranch(repo.dir, 'main'), { ref: 'main', source: 'configured' });
      assert.deepEqual(await defaultBaseBranch(repo.dir, 'develop'), { ref: 'develop', source: 'configured' });
      assert.deepEqual(await defaultBaseBranch(repo.dir), { ref: 'main', source: 'conventional' });
      await assert.rejects(defaultBaseBranch(repo.dir, '-x'), /cannot start with '-'/);

      const clone = await makeTempDir();
      try {
        await simpleGit().raw(['clone', '-q', `file://${repo.dir}`, clone]);
        await simpleGit({ baseDir: clone }).raw(['checkout', '-q', '-b', 'topic']);
        assert.deepEqual(await defaultBaseBranch(clone), { ref: 'origin/feature/checkout', source: 'remote-default' });
        // Listing for the "which base?" question: local and remote-tracking, without origin/HEAD.
        const names = (await listBranches(clone)).map((b) => `${b.remote ? 'remote' : 'local'}:${b.name}`).sort();
        assert.deepEqual(names, ['local:feature/checkout', 'local:topic', 'remote:origin/feature/checkout', 'remote:origin/main']);
      } finally {
        await removeTempDir(clone);
      }

      const trunk = await makeRepo();
      try {
        await trunk.git.raw(['checkout', '-q', '-b', 'trunk']);
        await trunk.write('a.txt', 'a\n');
        await trunk.commit('one');
        assert.equal(await defaultBaseBranch(trunk.dir), undefined);
        await trunk.git.raw(['branch', 'master']);
        assert.deepEqual(await defaultBaseBranch(trunk.dir), { ref: 'master', source: 'conventional' });
      } finally {
        await trunk.dispose();
      }
    });
  });

  describe('history', () => {
    it('finds the merge base, the commits and their authors', async () => {
      assert.equal(await mergeBase(repo.dir, 'main', 'HEAD'), repo.mergeBaseSha);
      const commits = await commitsBetween(repo.dir, repo.mergeBaseSha, 'HEAD');
      assert.deepEqual(commits.map((c) => c.subject), ['Add orders table and ADR', 'Round order items and move legacy helper']);
      assert.equal(commits[0]?.sha, repo.headSha);
      assert.equal(commits[0]?.author, 'Grace Hopper');
      assert.equal(commits[0]?.date.toISOString(), '2026-03-03T10:00:00.000Z');
      assert.ok(commits[0]?.sha.startsWith(commits[0].shortSha));
      assert.deepEqual((await authors(repo.dir, repo.mergeBaseSha, 'HEAD')).map((a) => `${a.name} <${a.email}> ${a.commits}`), [
        'Ada Lovelace <ada@example.com> 1',
        'Grace Hopper <grace@example.com> 1',
      ]);
    });
  });

  describe('diffFiles', () => {
    it('lists exactly the changed files with status, counts, renames and binaries', async () => {
      const files = await diffFiles(repo.dir, repo.mergeBaseSha, 'HEAD');
      assert.deepEqual(files, [
        { path: 'db/migrations/001_add_orders.sql', status: 'added', added: 3, removed: 0, binary: false },
        { path: 'docs/adr/0002-orders-storage.md', status: 'added', added: 3, removed: 0, binary: false },
        { path: 'docs/obsolete.md', status: 'deleted', added: 0, removed: 3, binary: false },
        { path: 'media/logo.png', status: 'added', added: 0, removed: 0, binary: true },
        { path: 'packages/billing/src/invoice.ts', status: 'modified', added: 1, removed: 1, binary: false },
        { path: 'src/core/new-name.ts', oldPath: 'src/legacy/old-name.ts', status: 'renamed', added: 1, removed: 0, binary: false },
        { path: 'src/orders.ts', status: 'modified', added: 3, removed: 1, binary: false },
      ]);
    });
    it('records a change of file mode, and whether the content stayed the same', async () => {
      const other = await makeRepo();
      try {
        await other.write('run.sh', 'echo one\n');
        await other.write('build.sh', 'echo two\n');
        await other.write('tool.bin', Uint8Array.from([0, 1, 2]));
        const base = await other.commit('one');
        // update-index --chmod: the same on file systems without an executable bit.
        await other.git.raw(['update-index', '--chmod=+x', 'run.sh', 'build.sh', 'tool.bin']);
        await other.write('build.sh', 'echo two\necho three\n');
        await other.git.raw(['add', 'build.sh']);
        await other.git.raw(['update-index', '--chmod=+x', 'build.sh']);
        await other.git.raw(['commit', '-q', '-m', 'two']);
        assert.deepEqual(await diffFiles(other.dir, base, 'HEAD'), [
          { path: 'build.sh', status: 'modified', added: 1, removed: 0, binary: false, modeChange: { from: '100644', to: '100755', contentUnchanged: false } },
          { path: 'run.sh', status: 'modified', added: 0, removed: 0, binary: false, modeChange: { from: '100644', to: '100755', contentUnchanged: true } },
          { path: 'tool.bin', status: 'modified', added: 0, removed: 0, binary: true, modeChange: { from: '100644', to: '100755', contentUnchanged: true } },
        ]);
      } finally {
        await other.dispose();
      }
    });
    it('compares the working tree (with untracked files) when no head is given', async () => {
      const other = await makeRepo();
      try {
        await other.write('a.txt', 'one\n');
        const base = await other.commit('one');
        await other.write('a.txt', 'one\ntwo\n');
        await other.write('new file.txt', 'x\ny\n');
        await other.write('.gitignore', 'ignored.log\n');
        await other.write('ignored.log', 'noise\n');
        assert.deepEqual(await diffFiles(other.dir, base), [
          { path: '.gitignore', status: 'added', added: 1, removed: 0, binary: false, untracked: true },
          { path: 'a.txt', status: 'modified', added: 1, removed: 0, binary: false },
          { path: 'new file.txt', status: 'added', added: 2, removed: 0, binary: false, untracked: true },
        ]);
        assert.deepEqual((await diffFiles(other.dir, base, undefined, { includeUntracked: false })).map((f) => f.path), ['a.txt']);
      } finally {
        await other.dispose();
      }
    });
    it('keeps odd file names intact (spaces, tabs, quotes, newlines, non-ASCII, leading dash)', async () => {
      const other = await makeRepo();
      try {
        const names = ['with space.ts', 'tab\there.ts', 'quote"d.ts', 'new\nline.ts', 'ödd näme.ts', '-dash.ts'];
        await other.write('keep.txt', 'k\n');
        const base = await other.commit('one');
        for (const name of names) await other.write(`dir/${name}`, 'a\n// TODO later\n');
        await other.commit('odd names');
        const files = await diffFiles(other.dir, base, 'HEAD');
        assert.deepEqual(files.map((f) => f.path).sort(), names.map((n) => `dir/${n}`).sort());
        assert.ok(files.every((f) => f.added === 2 && f.status === 'added'));
        const added = await addedLines(other.dir, base);
        assert.deepEqual([...added.keys()].sort(), names.map((n) => `dir/${n}`).sort());
        for (const lines of added.values()) assert.deepEqual([...lines], [1, 2]);
      } finally {
        await other.dispose();
      }
    });
  });

  describe('addedLines', () => {
    it('gives only the edited lines of a renamed file, and new lines of modified files', async () => {
      const added = await addedLines(repo.dir, repo.mergeBaseSha);
      assert.deepEqual([...(added.get('src/core/new-name.ts') ?? [])], [LEGACY_RENAMED.split('\n').indexOf('export const MOVED = true;') + 1]);
      assert.deepEqual([...(added.get('src/orders.ts') ?? [])], [3, 4, 7]);
      assert.deepEqual([...(added.get('db/migrations/001_add_orders.sql') ?? [])], [1, 2, 3]);
      assert.equal(added.has('docs/obsolete.md'), false);
      assert.equal(added.has('media/logo.png'), false);
      assert.equal(added.has('src/legacy/old-name.ts'), false);
    });
    it('includes working-tree edits and untracked files on request', async () => {
      const other = await makeRepo();
      try {
        await other.write('a.txt', 'one\n');
        await other.commit('one');
        await other.write('a.txt', 'zero\none\n');
        await other.write('b.txt', 'x\ny\n');
        assert.equal((await addedLines(other.dir, 'HEAD')).size, 0);
        const added = await addedLines(other.dir, 'HEAD', { includeWorkingTree: true });
        assert.deepEqual([...(added.get('a.txt') ?? [])], [1]);
        assert.deepEqual([...(added.get('b.txt') ?? [])], [1, 2]);
      } finally {
        await other.dispose();
      }
    });
  });

  describe('blameFile', () => {
    it('attributes committed lines and marks uncommitted ones, on disk and from unsaved text', async () => {
      const onDisk = await blameFile(repo.dir, 'src/orders.ts');
      assert.equal(onDisk.length, 7);
      assert.equal(onDisk[0]?.sha, repo.mergeBaseSha);
      assert.equal(onDisk[2]?.summary, 'Round order items and move legacy helper');
      assert.equal(onDisk[2]?.author, 'Ada Lovelace');
      assert.equal(onDisk[2]?.authorTime.toISOString(), '2026-03-02T10:00:00.000Z');
      assert.ok(onDisk.every((l) => !l.uncommitted));

      const unsaved = ['// a new first line', ...(await fileAtRef(repo.dir, 'HEAD', 'src/orders.ts') ?? '').split('\n')].join('\n');
      const buffer = await blameFile(repo.dir, 'src/orders.ts', unsaved);
      assert.equal(buffer.length, 8);
      assert.equal(buffer[0]?.uncommitted, true);
      assert.match(buffer[0]?.sha ?? '', /^0{40}$/);
      assert.equal(buffer[1]?.sha, repo.mergeBaseSha);
      assert.equal(buffer[3]?.summary, 'Round order items and move legacy helper');
    });
    it('treats a file git does not track as all uncommitted', async () => {
      await repo.write('scratch.ts', 'a\nb\n');
      try {
        const lines = await blameFile(repo.dir, 'scratch.ts');
        assert.equal(lines.length, 2);
        assert.ok(lines.every((l) => l.uncommitted));
      } finally {
        await repo.remove('scratch.ts');
      }
    });
  });

  describe('fileAtRef', () => {
    it('reads a file as committed, undefined when absent', async () => {
      assert.equal(await fileAtRef(repo.dir, repo.mergeBaseSha, 'docs/obsolete.md'), '# Obsolete\n\nGone soon.\n');
      assert.equal(await fileAtRef(repo.dir, 'HEAD', 'docs/obsolete.md'), undefined);
      await assert.rejects(fileAtRef(repo.dir, 'nope', 'README.md'), /does not name a commit/);
    });
    it('undefined for a folder; a failure to read a committed file is thrown, not taken for absence', async () => {
      assert.equal(await fileAtRef(repo.dir, 'HEAD', 'src'), undefined);
      const other = await makeRepo();
      try {
        await other.write('a.txt', 'hello\n');
        await other.write('b.txt', 'world\n');
        await other.commit('one');
        await damageObjects(other, 'a.txt', 'b.txt');
        await assert.rejects(fileAtRef(other.dir, 'HEAD', 'a.txt'), (error: unknown) => error instanceof GitError && error.kind === 'other' && /bad file/.test(error.message));
        await assert.rejects(fileAtRef(other.dir, 'HEAD', 'b.txt'), (error: unknown) => error instanceof GitError && /corrupt/.test(error.detail ?? ''));
        assert.equal(await fileAtRef(other.dir, 'HEAD', 'c.txt'), undefined);
      } finally {
        await other.dispose();
      }
    });
  });

  describe('shallow clones', () => {
    it('are detected, and a missing merge base says why', async () => {
      const clone = await makeTempDir();
      try {
        await simpleGit().raw(['clone', '-q', '--depth', '1', '--no-single-branch', `file://${repo.dir}`, clone]);
        assert.equal(await isShallow(clone), true);
        assert.equal(await isShallow(repo.dir), false);
        await assert.rejects(
          mergeBase(clone, 'origin/main', 'origin/feature/checkout'),
          (e: unknown) => e instanceof GitError && e.kind === 'shallow' && /shallow clone/.test(e.message),
        );
      } finally {
        await removeTempDir(clone);
      }
    });
  });
});
