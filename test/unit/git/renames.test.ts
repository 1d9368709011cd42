import * as assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addedLines } from '../../../src/git/addedLines';
import { diffFiles } from '../../../src/git/diffFiles';
import { makeRepo, makeTempDir, removeTempDir, type TempRepo } from './fixtureRepo';

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

  it('a one-line file renamed in its folder and grown to two lines is one rename, with only its new line added', async () => {
    await repo.write('src/a.py', '# TODO tidy\n');
    await repo.write('keep.txt', 'unchanged\n');
    const base = await repo.commit('one');
    await repo.remove('src/a.py');
    await repo.write('src/b.py', '# TODO tidy\nvalue = compute_the_answer(41) + 1\n');
    const head = await repo.commit('two');
    // What git alone says (the premise of this test): no rename at its default threshold.
    assert.match(await repo.git.raw(['diff', '--name-status', '-M', base, head]), /^D\tsrc\/a\.py$/m);
    assert.deepEqual(brief(await diffFiles(repo.dir, base, head)), ['renamed src/a.py -> src/b.py +1 -0']);
    assert.deepEqual([...(await addedLines(repo.dir, base)).get('src/b.py') ?? []], [2]);
    // The working tree is compared the same way.
    await repo.write('src/b.py', '# TODO tidy\nvalue = compute_the_answer(41) + 1\nother = 2\n');
    assert.deepEqual(brief(await diffFiles(repo.dir, base)), ['renamed src/a.py -> src/b.py +2 -0']);
    assert.deepEqual([...(await addedLines(repo.dir, base, { includeWorkingTree: true })).get('src/b.py') ?? []], [2, 3]);
  });

  it('a one-line file moved to another folder under the same name and grown is one rename', async () => {
    await repo.write('src/util.py', 'x = 1\n');
    const base = await repo.commit('one');
    await repo.remove('src/util.py');
    await repo.write('lib/util.py', 'x = 1\n# a long comment line added here, TODO tidy up\n');
    const head = await repo.commit('two');
    assert.deepEqual(brief(await diffFiles(repo.dir, base, head)), ['renamed src/util.py -> lib/util.py +1 -0']);
    assert.deepEqual([...(await addedLines(repo.dir, base)).get('lib/util.py') ?? []], [2]);
  });

  it('the same answers when asked from a subfolder of the repository', async () => {
    await repo.write('sub/a.py', 'x = 1\n');
    await repo.write('sub/deeper/keep.txt', 'unchanged\n');
    const base = await repo.commit('one');
    await repo.remove('sub/a.py');
    await repo.write('sub/b.py', 'x = 1\n# a long comment line added here TODO\n');
    const head = await repo.commit('two');
    for (const folder of [repo.dir, join(repo.dir, 'sub'), join(repo.dir, 'sub', 'deeper')]) {
      assert.deepEqual(brief(await diffFiles(folder, base, head)), ['renamed sub/a.py -> sub/b.py +1 -0'], folder);
      assert.deepEqual([...(await addedLines(folder, base)).get('sub/b.py') ?? []], [2], folder);
      assert.deepEqual([...(await addedLines(folder, base, { includeWorkingTree: true })).get('sub/b.py') ?? []], [2], folder);
    }
  });

  it('does not pair a new file with a deleted one whose only lines are boilerplate, or across folders and names', async () => {
    await repo.write('legacy/shim.ts', "'use strict';\n");
    await repo.write('src/old-header.ts', '// Copyright (c) 2024 Acme Corp. All rights reserved.\n');
    await repo.write('src/imports.py', 'import os\n');
    await repo.write('api/handler.py', 'x = 1\n');
    const base = await repo.commit('one');
    await repo.remove('legacy/shim.ts');
    await repo.remove('src/old-header.ts');
    await repo.remove('src/imports.py');
    await repo.remove('api/handler.py');
    await repo.write('billing/invoice.ts', "'use strict';\nexport const rate = 0.2; // TODO fix in the next sprint\n");
    await repo.write('src/pricing.ts', '// Copyright (c) 2024 Acme Corp. All rights reserved.\nexport const price = computePrice(catalogue, region, currency); // TODO next sprint\n');
    await repo.write('src/loader.py', 'import os\nROOT = os.environ.get("APP_ROOT", "/srv/app")\n');
    await repo.write('jobs/nightly.py', 'x = 1\n# a long comment line added here TODO\n');
    const head = await repo.commit('two');
    assert.deepEqual(brief(await diffFiles(repo.dir, base, head)), [
      'deleted api/handler.py +0 -1', 'added billing/invoice.ts +2 -0', 'added jobs/nightly.py +2 -0', 'deleted legacy/shim.ts +0 -1',
      'deleted src/imports.py +0 -1', 'added src/loader.py +2 -0', 'deleted src/old-header.ts +0 -1', 'added src/pricing.ts +2 -0',
    ]);
    const added = await addedLines(repo.dir, base);
    for (const path of ['billing/invoice.ts', 'src/pricing.ts', 'src/loader.py', 'jobs/nightly.py']) assert.deepEqual([...added.get(path) ?? []], [1, 2], path);
  });

  it('asks git for the lines of all missed renames at once', async () => {
    for (const n of [1, 2, 3]) await repo.write(`src/m${n}.py`, `value_${n} = ${n}\n`);
    const base = await repo.commit('one');
    for (const n of [1, 2, 3]) {
      await repo.remove(`src/m${n}.py`);
      await repo.write(`src/n${n}.py`, `value_${n} = ${n}\n# ${n}: a much longer comment line added to the renamed file\n`);
    }
    await repo.commit('two');
    const bin = await makeTempDir();
    try {
      const log = join(bin, 'log');
      const binary = join(bin, 'git');
      await writeFile(log, '');
      await writeFile(binary, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec git "$@"\n`, { mode: 0o755 });
      const added = await addedLines(repo.dir, base, { binary });
      for (const n of [1, 2, 3]) assert.deepEqual([...added.get(`src/n${n}.py`) ?? []], [2], `src/n${n}.py`);
      const diffs = (await readFile(log, 'utf8')).split('\n').filter((line) => / diff /.test(` ${line} `));
      // The diff of the change, the second look for renames, the lines of the pairs: three, whatever the number of pairs.
      assert.equal(diffs.length, 3, diffs.join('\n'));
    } finally {
      await removeTempDir(bin);
    }
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
