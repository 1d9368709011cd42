import { strict as assert } from 'node:assert';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  checklistProgress,
  InMemoryChecklistStateStore,
  readChecklistStateDocument,
  validateItemState,
  validateReason,
  type ChecklistStateKey,
} from '../../../src/core/checklists/status';
import { writeJsonAtomic } from '../../../src/core/fsAtomic';
import { tempDir, type TempDir } from '../constitution/tempDir';

const key = (item: string, file = 'db/migrations/1.sql', branch = 'main'): ChecklistStateKey => ({ folder: 'file:///repo', branch, file, checklist: 'migration', item });

describe('checklist item status', () => {
  it('deviates and not-applicable need a one-line reason; open and addressed do not', () => {
    assert.equal(validateReason('open', undefined), null);
    assert.equal(validateReason('addressed', undefined), null);
    assert.match(validateReason('deviates', undefined)!, /needs a one-line reason/);
    assert.match(validateReason('not-applicable', '  ')!, /needs a one-line reason/);
    assert.match(validateReason('deviates', 'line one\nline two')!, /single line/);
    assert.match(validateReason('deviates', 'x'.repeat(301))!, /too long/);
    assert.equal(validateReason('deviates', 'the table has 40 rows'), null);
    assert.match(validateItemState({ status: 'done' })!, /status must be one of open, addressed, deviates, not-applicable/);
    assert.match(validateItemState(null)!, /object/);
    assert.equal(validateItemState({ status: 'not-applicable', reason: 'no schema change' }), null);
  });

  it('stores states per folder, branch, file, checklist and item; open forgets; invalid states are refused', () => {
    let changes = 0;
    const store = new InMemoryChecklistStateStore(undefined, () => changes++);
    store.set(key('MIG-01'), { status: 'addressed' });
    store.set(key('MIG-02'), { status: 'deviates', reason: '  locks are fine: the table is tiny  ' });
    store.set(key('MIG-01', 'db/migrations/1.sql', 'feature/x'), { status: 'not-applicable', reason: 'no down migration on this branch' });
    assert.deepEqual(store.get(key('MIG-02')), { status: 'deviates', reason: 'locks are fine: the table is tiny' });
    assert.equal(store.get(key('MIG-03')), undefined);
    assert.deepEqual(Object.keys(store.itemStates('file:///repo', 'main', 'db/migrations/1.sql', 'migration')).sort(), ['MIG-01', 'MIG-02']);
    assert.deepEqual(Object.keys(store.itemStates('file:///repo', 'feature/x', 'db/migrations/1.sql', 'migration')), ['MIG-01']);
    store.set(key('MIG-01'), { status: 'open' });
    assert.equal(store.get(key('MIG-01')), undefined);
    assert.throws(() => store.set(key('MIG-04'), { status: 'deviates' }), /needs a one-line reason/);
    assert.equal(changes, 4);
  });

  it('counts progress: addressed, deviates and not-applicable are done; unknown item ids do not count', () => {
    const items = [{ id: 'A-1' }, { id: 'A-2' }, { id: 'A-3' }, { id: 'A-4' }];
    assert.deepEqual(checklistProgress(items, {}), { done: 0, total: 4 });
    assert.deepEqual(
      checklistProgress(items, { 'A-1': { status: 'addressed' }, 'A-2': { status: 'deviates', reason: 'why not' }, 'A-3': { status: 'not-applicable', reason: 'n/a here' }, 'Z-9': { status: 'addressed' } }),
      { done: 3, total: 4 },
    );
  });

  it('round-trips through the JSON document, and a damaged document keeps what is valid', () => {
    const store = new InMemoryChecklistStateStore();
    store.set(key('MIG-02'), { status: 'deviates', reason: 'tiny table', updated: '2026-11-27T10:00:00Z' });
    store.set(key('MIG-01'), { status: 'addressed' });
    const document = store.toDocument();
    assert.deepEqual(document, {
      version: 1,
      entries: { 'file:///repo': { main: { 'db/migrations/1.sql': { migration: { 'MIG-01': { status: 'addressed' }, 'MIG-02': { status: 'deviates', reason: 'tiny table', updated: '2026-11-27T10:00:00Z' } } } } } },
    });
    const parsed = JSON.parse(JSON.stringify(document)) as unknown;
    const again = readChecklistStateDocument(parsed);
    assert.deepEqual(again.dropped, []);
    assert.deepEqual(new InMemoryChecklistStateStore(again.document).toDocument(), document);

    const damaged = readChecklistStateDocument({ version: 1, entries: { f: { b: { p: { c: { OK: { status: 'addressed' }, BAD: { status: 'deviates' }, ODD: 7 } } }, x: 'nope' } } });
    assert.deepEqual(Object.keys(damaged.document.entries.f.b.p.c), ['OK']);
    assert.equal(damaged.dropped.length, 3);
    assert.deepEqual(readChecklistStateDocument({ version: 2 }).document, { version: 1, entries: {} });
    assert.deepEqual(readChecklistStateDocument(undefined).dropped, []);
  });

  describe('writeJsonAtomic', () => {
    let dir: TempDir;
    beforeEach(async () => {
      dir = await tempDir('qa-lens-atomic-');
    });
    afterEach(async () => {
      await dir.remove();
    });

    it('writes the document into a new folder and leaves no temporary file', async () => {
      const file = join(dir.root, 'storage', 'checklists.json');
      const store = new InMemoryChecklistStateStore();
      store.set(key('MIG-01'), { status: 'addressed' });
      await writeJsonAtomic(file, store.toDocument());
      assert.deepEqual(JSON.parse(await readFile(file, 'utf8')), store.toDocument());
      assert.deepEqual(await readdir(join(dir.root, 'storage')), ['checklists.json']);
    });

    it('concurrent writers never leave a torn file: the result is one of the documents, whole', async () => {
      const file = join(dir.root, 'state.json');
      const documents = Array.from({ length: 20 }, (_, index) => ({ version: 1, entries: { writer: index, padding: 'x'.repeat(20000 + index) } }));
      await Promise.all(documents.map((document) => writeJsonAtomic(file, document)));
      const result = JSON.parse(await readFile(file, 'utf8')) as { entries: { writer: number } };
      assert.deepEqual(result, documents[result.entries.writer]);
      assert.deepEqual(await readdir(dir.root), ['state.json']);
    });

    it('fails without leaving a temporary file when the target is a folder', async () => {
      await dir.write('target/inside.txt', 'x');
      await assert.rejects(writeJsonAtomic(join(dir.root, 'target'), { a: 1 }));
      assert.deepEqual((await readdir(dir.root)).sort(), ['target']);
    });
  });
});

describe('checklist state under names that are also JavaScript object keys', () => {
  it('keeps a checklist named constructor and a branch named __proto__ through a save and a load', () => {
    const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const store = new InMemoryChecklistStateStore();
    const base = { folder: 'file:///w', file: 'a.ts', item: 'toString' };
    store.set({ ...base, branch: 'main', checklist: 'constructor' }, { status: 'addressed' });
    store.set({ ...base, branch: '__proto__', checklist: 'tests' }, { status: 'not-applicable', reason: 'no tests for this one' });
    const saved = JSON.stringify(store.toDocument());
    assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeBefore, 'nothing written into Object.prototype');
    const { document, dropped } = readChecklistStateDocument(JSON.parse(saved));
    assert.deepEqual(dropped, []);
    const loaded = new InMemoryChecklistStateStore(document);
    assert.equal(loaded.get({ ...base, branch: 'main', checklist: 'constructor' })?.status, 'addressed');
    assert.equal(loaded.get({ ...base, branch: '__proto__', checklist: 'tests' })?.reason, 'no tests for this one');
    const itemId: string = 'toString';
    assert.equal(loaded.itemStates('file:///w', 'main', 'a.ts', 'constructor')[itemId]?.status, 'addressed');
  });
});
