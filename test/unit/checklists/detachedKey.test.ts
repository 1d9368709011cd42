import { strict as assert } from 'node:assert';
import { InMemoryChecklistStateStore, readChecklistStateDocument, type ChecklistStateKey } from '../../../src/core/checklists';
import { applyChanges, renameChanges } from '../../../src/extension/checklists/stateChanges';

const SHA = '3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345';
const key = (item: string, branch: string, file = 'db/1.sql'): ChecklistStateKey => ({ folder: 'file:///repo', branch, file, checklist: 'migration', item });

/** A store as a trusted window left it: a detached HEAD keyed by git's 10-digit short id. */
function storedUnderGitsShortId(): InMemoryChecklistStateStore {
  const older = new InMemoryChecklistStateStore();
  older.set(key('MIG-01', SHA.slice(0, 10)), { status: 'deviates', reason: 'the table has 40 rows' });
  older.set(key('MIG-02', SHA.slice(0, 10)), { status: 'addressed' });
  return new InMemoryChecklistStateStore(readChecklistStateDocument(JSON.parse(JSON.stringify(older.toDocument()))).document);
}

describe('checklist state of a detached HEAD: one key, trusted or not', () => {
  it('states stored under git\'s longer short id are read under the 7-digit key', () => {
    const store = storedUnderGitsShortId();
    const branch = SHA.slice(0, 7);
    assert.deepEqual(store.get(key('MIG-01', branch)), { status: 'deviates', reason: 'the table has 40 rows' });
    assert.deepEqual({ ...store.itemStates('file:///repo', branch, 'db/1.sql', 'migration') }, {
      'MIG-01': { status: 'deviates', reason: 'the table has 40 rows' },
      'MIG-02': { status: 'addressed' },
    });
  });

  it('a state set under the 7-digit key wins, and open does not bring the older one back', () => {
    const store = storedUnderGitsShortId();
    const branch = SHA.slice(0, 7);
    store.set(key('MIG-02', branch), { status: 'not-applicable', reason: 'no data is changed' });
    assert.deepEqual(store.get(key('MIG-02', branch)), { status: 'not-applicable', reason: 'no data is changed' });
    store.set(key('MIG-01', branch), { status: 'open' });
    assert.equal(store.get(key('MIG-01', branch)), undefined);
    assert.deepEqual(Object.keys(store.itemStates('file:///repo', branch, 'db/1.sql', 'migration')), ['MIG-02']);
    // Both older states were replaced by what the user set; nothing else was in the document.
    assert.deepEqual(Object.keys(store.toDocument().entries['file:///repo']).sort(), [branch]);
  });

  it('named branches and other checkouts are not mixed up', () => {
    const store = storedUnderGitsShortId();
    assert.equal(store.get(key('MIG-01', 'main')), undefined);
    assert.equal(store.get(key('MIG-01', '3f9c2a2')), undefined);
    // A longer key is only read for its own 7-digit prefix, never the other way round.
    store.set(key('MIG-03', SHA.slice(0, 7)), { status: 'addressed' });
    assert.equal(store.get(key('MIG-03', SHA.slice(0, 10))), undefined);
    assert.equal(store.get(key('MIG-03', 'feature/x')), undefined);
  });

  it('a rename on the detached HEAD carries the states stored under the older key too', () => {
    const store = storedUnderGitsShortId();
    const branch = SHA.slice(0, 7);
    store.set(key('MIG-02', branch), { status: 'not-applicable', reason: 'no data is changed' });
    const changes = renameChanges(store.toDocument(), { folder: 'file:///repo', branch, path: 'db/1.sql' }, { folder: 'file:///repo', branch, path: 'db/2.sql' });
    applyChanges(store, changes);
    assert.deepEqual({ ...store.itemStates('file:///repo', branch, 'db/2.sql', 'migration') }, {
      'MIG-01': { status: 'deviates', reason: 'the table has 40 rows' },
      'MIG-02': { status: 'not-applicable', reason: 'no data is changed' },
    });
    assert.deepEqual({ ...store.itemStates('file:///repo', branch, 'db/1.sql', 'migration') }, {});
  });
});
