import { strict as assert } from 'node:assert';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createOrContinueReview, reviewDocument, reviewFileName, sanitiseBranch } from '../../../src/core/review/index';
import { makeTempDir, removeTempDir } from '../git/fixtureRepo';

describe('review files', () => {
  it('sanitises branch names for file names', () => {
    assert.equal(sanitiseBranch('feature/ödd-näme#1'), 'feature--dd-n-me-1');
    assert.equal(sanitiseBranch('fix/a b<c>:d'), 'fix-a-b-c--d');
    assert.equal(sanitiseBranch('release-1.2_x'), 'release-1.2_x');
    assert.equal(sanitiseBranch('../../etc'), '---..-etc');
    assert.equal(sanitiseBranch(''), 'detached');
    assert.doesNotMatch(sanitiseBranch('../../etc'), /\//);
  });

  it('names a review <folder>/<date>-<branch>-<template>.md', () => {
    assert.equal(reviewFileName('2026-03-05', 'feature/checkout', 'architecture'), '.quality/reviews/2026-03-05-feature-checkout-architecture.md');
    assert.equal(reviewFileName('2026-03-05', 'abc1234', 'consistency', 'docs/reviews/'), 'docs/reviews/2026-03-05-abc1234-consistency.md');
  });

  it('writes front matter with every recorded field', () => {
    const text = reviewDocument({ template: 'architecture', base: 'main', baseSha: 'a'.repeat(40), head: 'feature/x', headSha: 'b'.repeat(40), created: '2026-03-05T10:00:00.000Z' }, '# Body');
    assert.equal(text, `---\ntemplate: architecture\nbase: main\nbaseSha: ${'a'.repeat(40)}\nhead: feature/x\nheadSha: ${'b'.repeat(40)}\ncreated: 2026-03-05T10:00:00.000Z\n---\n# Body\n`);
  });

  it('never overwrites an existing review and leaves no temporary file behind', async () => {
    const dir = await makeTempDir();
    try {
      const path = join(dir, '.quality', 'reviews', '2026-03-05-main-architecture.md');
      assert.deepEqual(await createOrContinueReview(path, 'first'), { existed: false, path });
      assert.deepEqual(await createOrContinueReview(path, 'second'), { existed: true, path });
      assert.equal(await readFile(path, 'utf8'), 'first');
      assert.deepEqual(await readdir(join(dir, '.quality', 'reviews')), ['2026-03-05-main-architecture.md']);
    } finally {
      await removeTempDir(dir);
    }
  });

  it('lets exactly one of two concurrent creations win', async () => {
    const dir = await makeTempDir();
    try {
      const path = join(dir, 'r.md');
      const results = await Promise.all([createOrContinueReview(path, 'one'), createOrContinueReview(path, 'two')]);
      assert.equal(results.filter((r) => !r.existed).length, 1);
      assert.ok(['one', 'two'].includes(await readFile(path, 'utf8')));
    } finally {
      await removeTempDir(dir);
    }
  });
});
