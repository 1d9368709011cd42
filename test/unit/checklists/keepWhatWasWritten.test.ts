import { strict as assert } from 'node:assert';
import {
  InMemoryChecklistStateStore,
  readChecklistStateDocument,
  readStateFile,
  validateItemState,
  validateReason,
  type ChecklistStateKey,
} from '../../../src/core/checklists';

const key = (item: string, branch = 'main'): ChecklistStateKey => ({ folder: 'file:///repo', branch, file: 'db/1.sql', checklist: 'migration', item });

describe('checklist state never loses what the user wrote', () => {
  it('a deviation set to addressed keeps its reason, through a save and a load', () => {
    const store = new InMemoryChecklistStateStore();
    store.set(key('MIG-01'), { status: 'deviates', reason: 'the table has 40 rows' });
    store.set(key('MIG-01'), { status: 'addressed', reason: 'the table has 40 rows' });
    assert.deepEqual(store.get(key('MIG-01')), { status: 'addressed', reason: 'the table has 40 rows' });
    const reloaded = new InMemoryChecklistStateStore(readChecklistStateDocument(JSON.parse(JSON.stringify(store.toDocument()))).document);
    assert.deepEqual(reloaded.get(key('MIG-01')), { status: 'addressed', reason: 'the table has 40 rows' });
    // The stored file with a reason on an addressed item is a valid file (no problem, nothing dropped).
    assert.deepEqual(readStateFile(JSON.stringify(store.toDocument(), null, 2)).problems, []);
  });

  it('open still forgets the item, reason and all', () => {
    const store = new InMemoryChecklistStateStore();
    store.set(key('MIG-01'), { status: 'deviates', reason: 'the table has 40 rows' });
    store.set(key('MIG-01'), { status: 'open', reason: 'the table has 40 rows' });
    assert.equal(store.get(key('MIG-01')), undefined);
  });

  describe('a reason must say why', () => {
    for (const placeholder of ['n/a', 'N/A', 'n.a.', 'N/A.', 'tbd', 'T.B.D.', 'none', 'TODO', '---', '...', '???', 'not applicable', '- - -', '"n/a"']) {
      it(`"${placeholder}" is refused when typed, for deviates and for not-applicable`, () => {
        assert.match(validateReason('deviates', placeholder)!, /needs a/);
        assert.match(validateReason('not-applicable', placeholder)!, /needs a/);
      });
    }

    it('short real reasons and reasons that merely contain a placeholder word are accepted', () => {
      for (const reason of ['why', 'n/a here: no schema change', 'none of the rows are read', 'tbd with ops in PROJ-12', 'pas de texte', '表示なし']) {
        assert.equal(validateReason('deviates', reason), null, reason);
      }
    });

    it('a state stored before the rule, reason "n/a", is still read (never dropped from the file)', () => {
      const document = { version: 1, entries: { 'file:///repo': { main: { 'db/1.sql': { migration: { 'MIG-01': { status: 'not-applicable', reason: 'n/a' } } } } } } };
      assert.equal(validateItemState({ status: 'not-applicable', reason: 'n/a' }), null);
      const read = readChecklistStateDocument(document);
      assert.deepEqual(read.dropped, []);
      assert.deepEqual(new InMemoryChecklistStateStore(read.document).get(key('MIG-01')), { status: 'not-applicable', reason: 'n/a' });
      assert.deepEqual(readStateFile(JSON.stringify(document, null, 2)).problems, []);
    });
  });
});
