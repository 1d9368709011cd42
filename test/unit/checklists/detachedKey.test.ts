import { strict as assert } from 'node:assert';
import { InMemoryChecklistStateStore, readChecklistStateDocument, type ChecklistStateKey } from '../../../src/core/checklists';
import { applyChanges, renameChanges } from '../../../src/extension/checklists/stateChanges';

const SHA = '3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345';
const key = (item: string, branch: string, file = 'db/1.sql', commit?: string): ChecklistStateKey => ({ folder: 'file:///repo', branch, file, checklist: 'migration', item, commit });
/** The key the editor asks with on the detached HEAD at SHA: 7 digits, with the full id. */
const detached = (item: string, file = 'db/1.sql'): ChecklistStateKey => key(item, SHA.slice(0, 7), file, SHA);

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
    assert.deepEqual(store.get(detached('MIG-01')), { status: 'deviates', reason: 'the table has 40 rows' });
    assert.deepEqual({ ...store.itemStates('file:///repo', branch, 'db/1.sql', 'migration', SHA) }, {
      'MIG-01': { status: 'deviates', reason: 'the table has 40 rows' },
      'MIG-02': { status: 'addressed' },
    });
  });

  it('a state set under the 7-digit key wins, and open does not bring the older one back', () => {
    const store = storedUnderGitsShortId();
    const branch = SHA.slice(0, 7);
    store.set(detached('MIG-02'), { status: 'not-applicable', reason: 'no data is changed' });
    assert.deepEqual(store.get(detached('MIG-02')), { status: 'not-applicable', reason: 'no data is changed' });
    store.set(detached('MIG-01'), { status: 'open' });
    assert.equal(store.get(detached('MIG-01')), undefined);
    assert.deepEqual(Object.keys(store.itemStates('file:///repo', branch, 'db/1.sql', 'migration', SHA)), ['MIG-02']);
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
    store.set(detached('MIG-02'), { status: 'not-applicable', reason: 'no data is changed' });
    const changes = renameChanges(store.toDocument(), { folder: 'file:///repo', branch, path: 'db/1.sql', commit: SHA }, { folder: 'file:///repo', branch, path: 'db/2.sql', commit: SHA });
    applyChanges(store, changes);
    assert.deepEqual({ ...store.itemStates('file:///repo', branch, 'db/2.sql', 'migration', SHA) }, {
      'MIG-01': { status: 'deviates', reason: 'the table has 40 rows' },
      'MIG-02': { status: 'not-applicable', reason: 'no data is changed' },
    });
    assert.deepEqual({ ...store.itemStates('file:///repo', branch, 'db/1.sql', 'migration', SHA) }, {});
  });

  it('a branch named with hex digits is not an older key of a detached HEAD it starts: not shown there, never deleted from there', () => {
    // A branch `20240115` and a detached HEAD at 2024011c...: the same 7 digits, another commit.
    const head = '2024011c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a';
    const store = new InMemoryChecklistStateStore();
    store.set(key('MIG-01', '20240115'), { status: 'deviates', reason: 'branch 20240115 reason' });
    store.set(key('MIG-02', '20240115'), { status: 'addressed' });
    assert.equal(store.get(key('MIG-01', '2024011', 'db/1.sql', head)), undefined);
    assert.deepEqual({ ...store.itemStates('file:///repo', '2024011', 'db/1.sql', 'migration', head) }, {});
    store.set(key('MIG-01', '2024011', 'db/1.sql', head), { status: 'open' });
    store.set(key('MIG-02', '2024011', 'db/1.sql', head), { status: 'not-applicable', reason: 'only on this checkout' });
    assert.deepEqual(store.get(key('MIG-01', '20240115')), { status: 'deviates', reason: 'branch 20240115 reason' });
    assert.deepEqual(store.get(key('MIG-02', '20240115')), { status: 'addressed' });
    // Renaming or copying the file on the detached HEAD leaves the branch's states where they are.
    applyChanges(store, renameChanges(store.toDocument(), { folder: 'file:///repo', branch: '2024011', path: 'db/1.sql', commit: head }, { folder: 'file:///repo', branch: '2024011', path: 'db/2.sql', commit: head }));
    assert.deepEqual(Object.keys(store.itemStates('file:///repo', '20240115', 'db/1.sql', 'migration')).sort(), ['MIG-01', 'MIG-02']);
    assert.deepEqual({ ...store.itemStates('file:///repo', '2024011', 'db/2.sql', 'migration', head) }, { 'MIG-02': { status: 'not-applicable', reason: 'only on this checkout' } });
  });

  it('without the full commit id, no other key is read as the detached HEAD\'s', () => {
    const store = storedUnderGitsShortId();
    assert.equal(store.get(key('MIG-01', SHA.slice(0, 7))), undefined);
    store.set(key('MIG-01', SHA.slice(0, 7)), { status: 'open' });
    assert.deepEqual(store.get(key('MIG-01', SHA.slice(0, 10))), { status: 'deviates', reason: 'the table has 40 rows' });
  });
});
