import { strict as assert } from 'node:assert';
import { InMemoryChecklistStateStore, type ChecklistStateKey } from '../../../src/core/checklists';
import { applyChanges, copyChanges, filesWithStates } from '../../../src/extension/checklists/stateChanges';

const key = (file: string, item: string, branch = 'main'): ChecklistStateKey => ({ folder: 'file:///repo', branch, file, checklist: 'migration', item });
const at = (path: string, branch = 'main') => ({ folder: 'file:///repo', branch, path });

describe('copying checklist states to where a file went (a rename seen outside VS Code)', () => {
  it('copies the current branch\'s states and keeps them at the old path', () => {
    const store = new InMemoryChecklistStateStore();
    store.set(key('a.sql', 'MIG-01'), { status: 'deviates', reason: 'the table is tiny' });
    store.set(key('a.sql', 'MIG-02', 'feature/x'), { status: 'addressed' });
    applyChanges(store, copyChanges(store.toDocument(), at('a.sql'), at('b.sql')));
    assert.deepEqual({ ...store.itemStates('file:///repo', 'main', 'b.sql', 'migration') }, { 'MIG-01': { status: 'deviates', reason: 'the table is tiny' } });
    assert.deepEqual({ ...store.itemStates('file:///repo', 'main', 'a.sql', 'migration') }, { 'MIG-01': { status: 'deviates', reason: 'the table is tiny' } });
    assert.deepEqual({ ...store.itemStates('file:///repo', 'feature/x', 'b.sql', 'migration') }, {});
    assert.deepEqual(filesWithStates(store.toDocument(), 'file:///repo').sort(), ['a.sql', 'b.sql']);
  });

  it('never overwrites what is already recorded at the new path', () => {
    const store = new InMemoryChecklistStateStore();
    store.set(key('a.sql', 'MIG-01'), { status: 'deviates', reason: 'the table is tiny' });
    store.set(key('a.sql', 'MIG-02'), { status: 'addressed' });
    store.set(key('b.sql', 'MIG-01'), { status: 'not-applicable', reason: 'no table here' });
    const changes = copyChanges(store.toDocument(), at('a.sql'), at('b.sql'));
    assert.equal(changes.length, 1);
    applyChanges(store, changes);
    assert.deepEqual({ ...store.itemStates('file:///repo', 'main', 'b.sql', 'migration') }, { 'MIG-01': { status: 'not-applicable', reason: 'no table here' }, 'MIG-02': { status: 'addressed' } });
  });
});
