import { strict as assert } from 'node:assert';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildReviewContext, type AnalyzeFile } from '../../../src/core/review/index';
import { makeRepo, makeTempDir, PNG_BYTES, removeTempDir, type TempRepo } from '../git/fixtureRepo';
import { flagSprintsAndExports } from './fakeEngine';

const NOW = new Date('2026-03-05T09:30:00Z');
const TEMPLATE = { id: 'architecture', name: 'Architecture review' };
const GENERATED = 190;
const generated = (i: number): string => `src/gen/file-${i}.ts`;
const RENAMED = 'new/näme with “space”.ts';
const UNICODE = 'ünï cödé/ä b.ts';
const MOVED = ['export const one = 1;', 'export const two = 2;', 'export const three = 3;', 'export const four = 4;', ''].join('\n');

const analyze: AnalyzeFile = flagSprintsAndExports;

describe('review of a large change (real repository)', function () {
  this.timeout(120_000);
  let repo: TempRepo;
  let bin: string;

  before(async () => {
    repo = await makeRepo();
    bin = await makeTempDir();
    for (let i = 0; i < GENERATED; i++) await repo.write(generated(i), `export const n${i} = ${i};\n`);
    await repo.write('gone.txt', 'deleted on the branch\n');
    await repo.write('old/name.ts', MOVED);
    await repo.commit('base');
    await repo.git.raw(['checkout', '-q', '-b', 'topic']);
    for (let i = 0; i < GENERATED; i++) await repo.write(generated(i), `export const n${i} = ${i};\n// fix it next sprint ${i}\n`);
    await repo.remove('gone.txt');
    await repo.remove('old/name.ts');
    await repo.write(RENAMED, `${MOVED}// renamed, next sprint too\n`);
    await repo.write(UNICODE, '// next sprint, in another script\n');
    await repo.write('media/logo.png', PNG_BYTES);
    await repo.git.raw(['add', '-A']);
    // A submodule bump as the superproject records it: the diff shows it as an added line.
    await repo.git.raw(['update-index', '--add', '--cacheinfo', `160000,${'1234567890'.repeat(4)},vendor/lib`]);
    await repo.git.raw(['commit', '-q', '-m', 'topic']);
  });
  after(async () => {
    await repo?.dispose();
    if (bin) await removeTempDir(bin);
  });

  it('reads the changed files in a few git processes, and finds the same new findings', async () => {
    const log = join(bin, 'log');
    const git = join(bin, 'git');
    await writeFile(log, '');
    await writeFile(git, `#!/bin/sh\nprintf '%s\\n' "$1 $2" >> '${log}'\nexec git "$@"\n`, { mode: 0o755 });

    const ctx = await buildReviewContext({ repoFolder: repo.dir, base: 'main', template: TEMPLATE, now: NOW, analyze, git: { binary: git } });

    assert.deepEqual(ctx.notes, []);
    assert.equal(ctx.variables.stats?.text, '195 files changed (1 deleted, 3 added, 1 renamed, 190 modified, 1 binary), +193 −1 lines, 1 commit by 1 author');
    const listed = [...(ctx.variables.newFindings?.text ?? '').matchAll(/^- \[ \] \[([^\]]+)\]\(([^)]+)\) \*\*([a-z-]+)\*\*/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    const expected = [
      ...Array.from({ length: GENERATED }, (_, i) => generated(i)),
      RENAMED,
      UNICODE,
    ]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .map((path) => {
        const line = path === UNICODE ? 1 : path === RENAMED ? 5 : 2;
        return `${path}:${line} ../../${path.split('/').map(encodeURIComponent).join('/')}#L${line} deferred-to-sprint`;
      });
    // Only added lines (no `export` line: they are all unchanged), no deleted file, no binary, no submodule.
    assert.deepEqual(listed, expected);
    assert.match(ctx.variables.newFindings?.text ?? '', /^192 findings in 192 files \(192 warning\):$/m);

    const commands = (await readFile(log, 'utf8')).split('\n').filter((c) => /cat-file|ls-tree/.test(c));
    // One look-up, one read of all contents, one ls-tree for the submodule that has no object here.
    assert.deepEqual(commands.sort(), ['--literal-pathspecs ls-tree', 'cat-file --batch', 'cat-file --batch-check']);
  });
});
