import { strict as assert } from 'node:assert';
import { loadChecklists } from '../../../src/core/checklists/discover';
import {
  InMemoryChecklistStateStore,
  MAX_REASON_LENGTH,
  readChecklistStateDocument,
  validateItemState,
  validateReason,
} from '../../../src/core/checklists/status';
import type { ChecklistSet } from '../../../src/core/checklists/types';
import { formatProblem } from '../../../src/core/types';
import { lines, tempDir, type TempDir } from '../constitution/tempDir';

/**
 * Edges of the checklist format (formats.md) and of item status the other checklist tests leave
 * open; each was found by changing the code by one token and seeing no test fail.
 */
describe('checklist edges (real files)', () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = await tempDir('qa-lens-checklists-');
  });
  afterEach(async () => {
    await dir.remove();
  });

  async function load(text: string): Promise<ChecklistSet> {
    await dir.write('.quality/checklists/mig.md', text);
    return loadChecklists(dir.root);
  }
  const FRONT = ['---', 'appliesTo: ["**/*.sql"]', '---'];

  it('reads [X] items, ids written with a colon, How: in any case and how text over several lines', async () => {
    const set = await load(lines(
      ...FRONT,
      '- [X] MIG-01: Rolled back', // 4
      '  How: run the down', //        5
      '  migration on a copy', //      6
    ));
    assert.deepEqual(set.problems.map(formatProblem), []);
    assert.deepEqual(set.checklists[0].items, [{ id: 'MIG-01', text: 'Rolled back', how: 'run the down migration on a copy', line: 4 }]);
  });

  it('an empty how: line is reported on its own line', async () => {
    const set = await load(lines(...FRONT, '- [ ] MIG-01 Rolled back', '  how:'));
    assert.deepEqual(set.problems.map(formatProblem), ['.quality/checklists/mig.md:5:1: the how: line of MIG-01 is empty']);
    assert.equal(set.checklists[0].items[0].how, null);
  });

  it('an id written without its hyphen gets the hyphenated suggestion', async () => {
    const set = await load(lines(...FRONT, '- [ ] MIG01 Rolled back'));
    assert.deepEqual(set.problems.map(formatProblem), [
      ".quality/checklists/mig.md:1:1: the checklist has no items: write each as a task item with an id, like '- [ ] MIG-01 The migration can be rolled back'",
      ".quality/checklists/mig.md:4:7: 'MIG01' is not a valid item id: ids are capital letters or digits, a hyphen and a number, like 'MIG-01'; this item is ignored",
    ]);
  });

  it('a malformed id gets a suggestion in the two-digit form of formats.md (mig3 → MIG-03); longer numbers are kept', async () => {
    const set = await load(lines(...FRONT, '- [ ] MIG-01 Fine', '- [ ] mig3 Rolled back', '- [ ] mig_123 Locks'));
    assert.deepEqual(set.problems.map(formatProblem), [
      ".quality/checklists/mig.md:5:7: 'mig3' is not a valid item id: ids are capital letters or digits, a hyphen and a number, like 'MIG-03'; this item is ignored",
      ".quality/checklists/mig.md:6:7: 'mig_123' is not a valid item id: ids are capital letters or digits, a hyphen and a number, like 'MIG-123'; this item is ignored",
    ]);
  });

  it("an item without an id gets a suggestion that is a valid id, whatever the checklist's file name", async () => {
    const expected = { 'ui-text': 'UI-02', '2fa': 'FA-02', '42': 'CHK-02', 'migration': 'MIG-02' };
    for (const name of Object.keys(expected)) await dir.write(`.quality/checklists/${name}.md`, lines(...FRONT, '- [ ] X-01 Fine', '- [ ] Rolled back'));
    const set = await loadChecklists(dir.root);
    for (const [name, suggestion] of Object.entries(expected)) {
      assert.deepEqual(set.problems.filter((p) => p.path === `.quality/checklists/${name}.md`).map((p) => p.message), [
        `this item has no id, so its status cannot be tracked: start it with one, like '- [ ] ${suggestion} Rolled back'; it is ignored`,
      ]);
    }
  });

  it('front matter without appliesTo is reported; repeated globs are kept once', async () => {
    const none = await load(lines('---', 'title: T', '---', '- [ ] MIG-01 x'));
    assert.deepEqual(none.problems.map(formatProblem), [".quality/checklists/mig.md:1:1: checklist 'mig' has no appliesTo globs in its front matter, so it is never suggested for a file on its own"]);
    const twice = await load(lines('---', 'appliesTo: ["**/*.sql", "**/*.sql"]', '---', '- [ ] MIG-01 x'));
    assert.deepEqual(twice.checklists[0].appliesTo, ['**/*.sql']);
  });

  it('a task written inside a heading of a list item is no item', async () => {
    const set = await load(lines(...FRONT, '- [ ] MIG-01 x', '- ## [ ] MIG-02 heading'));
    assert.deepEqual(set.checklists[0].items.map((i) => i.id), ['MIG-01']);
  });
});

describe('checklist item status edges', () => {
  it('a reason of exactly 3 and exactly MAX_REASON_LENGTH characters is accepted; white space does not count', () => {
    assert.equal(validateReason('deviates', 'why'), null);
    assert.match(validateReason('deviates', '  ab  ')!, /needs a one-line reason/);
    assert.equal(validateReason('deviates', 'x'.repeat(MAX_REASON_LENGTH)), null);
  });

  it('a carriage return makes a reason more than one line', () => {
    assert.match(validateReason('deviates', 'line one\rline two')!, /single line/);
  });

  it('a reason that is not text is refused', () => {
    assert.equal(validateItemState({ status: 'addressed', reason: 3 }), 'reason must be text');
  });

  it('the stored document lists its keys sorted, whatever order they were set in', () => {
    const store = new InMemoryChecklistStateStore();
    for (const item of ['MIG-02', 'MIG-01']) {
      for (const file of ['b.sql', 'a.sql']) store.set({ folder: 'f', branch: 'main', file, checklist: 'mig', item }, { status: 'addressed' });
    }
    assert.equal(
      JSON.stringify(store.toDocument()),
      JSON.stringify({ version: 1, entries: { f: { main: {
        'a.sql': { mig: { 'MIG-01': { status: 'addressed' }, 'MIG-02': { status: 'addressed' } } },
        'b.sql': { mig: { 'MIG-01': { status: 'addressed' }, 'MIG-02': { status: 'addressed' } } },
      } } } }),
    );
  });

  it('a stored document of another version is dropped with a word why; no document at all silently', () => {
    assert.deepEqual(readChecklistStateDocument({ version: 2, entries: {} }).dropped, ['the stored checklist state is not a version 1 document; starting afresh']);
    assert.deepEqual(readChecklistStateDocument(undefined).dropped, []);
  });
});
