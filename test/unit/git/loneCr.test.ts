import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { addedLines, toEditorLines } from '../../../src/git/addedLines';
import { makeRepo, type TempRepo } from './fixtureRepo';

/**
 * Findings count lines as VS Code does (a lone \r ends a line); git counts line feeds only. The
 * lines `--since`, the editor's "changed lines" filter and the review call added must be the
 * engine's, or a finding on an added line of an old Mac file is taken for an old one (or dropped).
 */
describe('addedLines: files with lone CR line endings', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  beforeEach(async () => {
    repo = await makeRepo();
  });
  afterEach(async () => {
    await repo.dispose();
  });

  it('maps git lines to the lines a lone \\r ends (toEditorLines)', () => {
    assert.deepEqual([...toEditorLines('a\rb\rc\nd\n', new Set([1]))], [1, 2, 3]);
    assert.deepEqual([...toEditorLines('a\rb\rc\nd\n', new Set([2]))], [4]);
    assert.deepEqual([...toEditorLines('a\r\nb\n', new Set([2]))], [2]);
  });

  it('between commits: the engine lines of the edited part of an old Mac file', async () => {
    await repo.write('mac.ts', 'const a = 1;\rconst b = 2;\r');
    const base = await repo.commit('one');
    await repo.write('mac.ts', 'const a = 1;\rconst b = 2;\r// TODO later\r');
    await repo.commit('two');
    // git sees one line (no line feed), changed: every engine line of it counts as added.
    assert.deepEqual([...(await addedLines(repo.dir, base)).get('mac.ts') ?? []].sort(), [1, 2, 3]);
  });

  it('a file whose lone \\r lie only in lines the change did not touch', async () => {
    // git's patch shows no \r at all here: the file's own text has to tell.
    await repo.write('old/a.js', 'a()\rb()\rc()\nd()\n');
    await repo.write('plain.js', 'a()\nb()\n');
    await repo.write('crlf.js', 'a()\r\nb()\r\n');
    const base = await repo.commit('one');
    await repo.write('old/a.js', 'a()\rb()\rc()\nd()\n// TODO fix\n');
    await repo.write('plain.js', 'a()\nb()\n// TODO fix\n');
    await repo.write('crlf.js', 'a()\r\nb()\r\n// TODO fix\r\n');
    await repo.commit('two');
    for (const folder of [repo.dir, join(repo.dir, 'old')]) {
      const committed = await addedLines(folder, base);
      assert.deepEqual([...committed.get('old/a.js') ?? []], [5], folder);
      assert.deepEqual([...committed.get('plain.js') ?? []], [3], folder);
      assert.deepEqual([...committed.get('crlf.js') ?? []], [3], folder);
    }
    await repo.write('old/a.js', 'a()\rb()\rc()\nd()\n// TODO fix\n// TODO two\n');
    assert.deepEqual([...(await addedLines(repo.dir, base, { includeWorkingTree: true })).get('old/a.js') ?? []], [5, 6]);
    assert.deepEqual([...(await addedLines(join(repo.dir, 'old'), 'HEAD', { includeWorkingTree: true })).get('old/a.js') ?? []], [6]);
  });

  it('with the working tree: only the edited git line, in engine lines', async () => {
    await repo.write('mixed.ts', 'one\rtwo\nthree\rfour\nfive\n');
    const base = await repo.commit('one');
    await repo.write('mixed.ts', 'one\rtwo\nthree\rFOUR\nfive\n');
    assert.deepEqual([...(await addedLines(repo.dir, base, { includeWorkingTree: true })).get('mixed.ts') ?? []].sort(), [3, 4]);
    await repo.write('new.ts', 'a\rb\rc');
    assert.deepEqual([...(await addedLines(repo.dir, base, { includeWorkingTree: true })).get('new.ts') ?? []].sort(), [1, 2, 3]);
  });
});
