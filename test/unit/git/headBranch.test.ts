import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import { headBranch } from '../../../src/git/headBranch';

describe('checklist state: the branch read from .git/HEAD without running git', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'qa-lens-head-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a repository with no commit yet already has its branch (git itself cannot say yet)', async () => {
    await simpleGit(dir).init(['-b', 'feature/x']);
    await mkdir(path.join(dir, 'src', 'deep'), { recursive: true });
    assert.equal(await headBranch(path.join(dir, 'src', 'deep')), 'feature/x');
  });

  it('a detached HEAD, a worktree, and no repository', async () => {
    const git = simpleGit(dir);
    await git.init(['-b', 'main']);
    await writeFile(path.join(dir, 'a.txt'), 'a\n');
    await git.add('.').raw(['-c', 'user.name=t', '-c', 'user.email=t@t.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'a']);
    const sha = (await git.revparse(['HEAD'])).trim();
    const tree = path.join(dir, 'wt');
    await git.raw(['worktree', 'add', '-q', '-b', 'topic', tree]);
    assert.equal(await headBranch(tree), 'topic');
    await git.checkout(sha);
    assert.equal(await headBranch(dir), sha.slice(0, 7));
    const outside = await mkdtemp(path.join(os.tmpdir(), 'qa-lens-nohead-'));
    try {
      // A temp folder may sit inside some repository; only "not this one" is certain.
      assert.notEqual(await headBranch(outside), 'main');
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});
