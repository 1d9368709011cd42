import * as assert from 'node:assert/strict';
import { addedLines } from '../../../src/git/addedLines';
import { diffFiles } from '../../../src/git/diffFiles';
import { makeRepo, type TempRepo } from './fixtureRepo';

/**
 * git's default rename threshold (50% of the larger file) misses a one-line file that is renamed
 * and grows by a longer line: the review would list a deletion and an addition, and call the old
 * line "added". Such renames are paired; unrelated files are not.
 */
describe('renames of small files that grew (real repositories)', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  beforeEach(async () => {
    repo = await makeRepo();
  });
  afterEach(async () => {
    await repo.dispose();
  });

  const brief = (files: Awaited<ReturnType<typeof diffFiles>>): string[] =>
    files.map((f) => `${f.status} ${f.oldPath ? `${f.oldPath} -> ` : ''}${f.path} +${f.added} -${f.removed}`);

  it('a one-line file renamed and grown to two lines is one rename, with only its new line added', async () => {
    await repo.write('src/a.py', '# TODO tidy\n');
    await repo.write('keep.txt', 'unchanged\n');
    const base = await repo.commit('one');
    await repo.remove('src/a.py');
    await repo.write('lib/b.py', '# TODO tidy\nvalue = compute_the_answer(41) + 1\n');
    const head = await repo.commit('two');
    // What git alone says (the premise of this test): no rename at its default threshold.
    assert.match(await repo.git.raw(['diff', '--name-status', '-M', base, head]), /^D\tsrc\/a\.py$/m);
    assert.deepEqual(brief(await diffFiles(repo.dir, base, head)), ['renamed src/a.py -> lib/b.py +1 -0']);
    assert.deepEqual([...(await addedLines(repo.dir, base)).get('lib/b.py') ?? []], [2]);
    // The working tree is compared the same way.
    await repo.write('lib/b.py', '# TODO tidy\nvalue = compute_the_answer(41) + 1\nother = 2\n');
    assert.deepEqual(brief(await diffFiles(repo.dir, base)), ['renamed src/a.py -> lib/b.py +2 -0']);
    assert.deepEqual([...(await addedLines(repo.dir, base, { includeWorkingTree: true })).get('lib/b.py') ?? []], [2, 3]);
  });

  it('does not pair unrelated files, an edited old line, or a file grown beyond ten times', async () => {
    await repo.write('gone.ts', 'export const answer = 42;\n');
    await repo.write('edited.ts', 'export const limit = 10;\n');
    await repo.write('tiny.ts', '}\n');
    const base = await repo.commit('one');
    await repo.remove('gone.ts');
    await repo.remove('edited.ts');
    await repo.remove('tiny.ts');
    await repo.write('fresh.ts', 'import { x } from "./x";\nconsole.log(x);\n');
    await repo.write('moved.ts', 'export const limit = 11; // raised for the new importer job\n');
    await repo.write('big.ts', `function f() {\n${'  work();\n'.repeat(20)}}\n`);
    const head = await repo.commit('two');
    assert.deepEqual(brief(await diffFiles(repo.dir, base, head)), [
      'added big.ts +22 -0', 'deleted edited.ts +0 -1', 'added fresh.ts +2 -0', 'deleted gone.ts +0 -1', 'added moved.ts +1 -0', 'deleted tiny.ts +0 -1',
    ]);
    assert.deepEqual([...(await addedLines(repo.dir, base)).get('fresh.ts') ?? []], [1, 2]);
  });

  it('leaves the renames git finds itself as they were', async () => {
    await repo.write('old.ts', 'one\ntwo\nthree\nfour\n');
    const base = await repo.commit('one');
    await repo.remove('old.ts');
    await repo.write('new.ts', 'one\ntwo\nthree\nfour\nfive\n');
    const head = await repo.commit('two');
    assert.deepEqual(brief(await diffFiles(repo.dir, base, head)), ['renamed old.ts -> new.ts +1 -0']);
  });
});
