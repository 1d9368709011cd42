import { strict as assert } from 'node:assert';
import {
  InMemoryChecklistStateStore,
  readChecklistStateDocument,
  readStateFile,
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
});
