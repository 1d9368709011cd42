import * as assert from 'node:assert/strict';
import { InMemoryChecklistStateStore } from '../../../src/core/checklists';
import { applyChanges, renameChanges } from '../../../src/extension/checklists/stateChanges';

const W = 'file:///w';

function storeWith(...files: [branch: string, file: string][]): InMemoryChecklistStateStore {
  const store = new InMemoryChecklistStateStore();
  for (const [branch, file] of files) store.set({ folder: W, branch, file, checklist: 'db', item: 'DB-01' }, { status: 'deviates', reason: `why ${file}` });
  return store;
}

function files(store: InMemoryChecklistStateStore): string[] {
  const document = store.toDocument();
  return Object.entries(document.entries[W] ?? {}).flatMap(([branch, byFile]) => Object.keys(byFile).map((file) => `${branch}:${file}`)).sort();
}

describe('checklist state: following renames', () => {
  it('moves a file, and every file under a folder, on the current branch only', () => {
    const store = storeWith(['main', 'm/1.sql'], ['main', 'm/sub/2.sql'], ['main', 'm2/3.sql'], ['main', 'm'], ['other', 'm/1.sql']);
    applyChanges(store, renameChanges(store.toDocument(), { folder: W, branch: 'main', path: 'm' }, { folder: W, branch: 'main', path: 'db/m' }));
    // `m2/` is not under `m/`; the file named `m` itself was renamed.
    assert.deepEqual(files(store), ['main:db/m', 'main:db/m/1.sql', 'main:db/m/sub/2.sql', 'main:m2/3.sql', 'other:m/1.sql']);
    assert.equal(store.get({ folder: W, branch: 'main', file: 'db/m/1.sql', checklist: 'db', item: 'DB-01' })?.reason, 'why m/1.sql');
  });

  it('a folder moved into itself keeps its states', () => {
    const store = storeWith(['main', 'a/x.ts']);
    applyChanges(store, renameChanges(store.toDocument(), { folder: W, branch: 'main', path: 'a' }, { folder: W, branch: 'main', path: 'a/b' }));
    assert.deepEqual(files(store), ['main:a/b/x.ts']);
  });

  it('a move into another workspace folder lands on that folder\'s branch', () => {
    const store = storeWith(['main', 'x.ts']);
    const changes = renameChanges(store.toDocument(), { folder: W, branch: 'main', path: 'x.ts' }, { folder: 'file:///v', branch: 'dev', path: 'y.ts' });
    applyChanges(store, changes);
    assert.deepEqual(Object.keys(store.toDocument().entries), ['file:///v']);
    assert.equal(store.get({ folder: 'file:///v', branch: 'dev', file: 'y.ts', checklist: 'db', item: 'DB-01' })?.status, 'deviates');
  });
});
