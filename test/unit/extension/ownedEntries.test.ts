import * as assert from 'node:assert/strict';
import { OwnedEntries } from '../../../src/extension/workspace/ownedEntries';

interface Entry {
  line: number;
  message: string;
}

const entry = (line: number, message: string): Entry => ({ line, message });
const shared = 'file:///work/CONSTITUTION.md';

function entries(): OwnedEntries<Entry> {
  return new OwnedEntries<Entry>((e) => `${e.line}:${e.message}`);
}

describe('OwnedEntries: several folders reporting on one file', () => {
  it("shows both folders' entries for a shared key, the same entry once", () => {
    const owned = entries();
    owned.replace('api', new Map([[shared, [entry(3, 'duplicate id'), entry(9, 'api only')]]]));
    owned.replace('web', new Map([[shared, [entry(3, 'duplicate id'), entry(12, 'web only')]]]));
    assert.deepEqual(owned.merged(shared), [entry(3, 'duplicate id'), entry(9, 'api only'), entry(12, 'web only')]);
  });

  it("a folder that reloads replaces only its own part, and says which keys to republish", () => {
    const owned = entries();
    owned.replace('api', new Map([[shared, [entry(9, 'api only')]], ['file:///work/api/.quality/config.json', [entry(1, 'bad')]]]));
    owned.replace('web', new Map([[shared, [entry(12, 'web only')]]]));
    const touched = owned.replace('api', new Map([[shared, [entry(10, 'api moved')]]]));
    assert.deepEqual(touched.sort(), [shared, 'file:///work/api/.quality/config.json'].sort());
    assert.deepEqual(owned.merged(shared), [entry(10, 'api moved'), entry(12, 'web only')]);
    assert.deepEqual(owned.merged('file:///work/api/.quality/config.json'), []);
  });

  it('a folder with nothing left to report leaves the other folder\'s entries in place', () => {
    const owned = entries();
    owned.replace('api', new Map([[shared, [entry(3, 'duplicate id')]]]));
    owned.replace('web', new Map([[shared, [entry(3, 'duplicate id')]]]));
    assert.deepEqual(owned.replace('api', new Map()), [shared]);
    assert.deepEqual(owned.merged(shared), [entry(3, 'duplicate id')]);
  });

  it('a removed folder takes only its own entries away', () => {
    const owned = entries();
    owned.replace('api', new Map([[shared, [entry(9, 'api only')]]]));
    owned.replace('web', new Map([[shared, [entry(12, 'web only')]]]));
    assert.deepEqual(owned.remove('web'), [shared]);
    assert.deepEqual(owned.merged(shared), [entry(9, 'api only')]);
    assert.deepEqual(owned.remove('api'), [shared]);
    assert.deepEqual(owned.merged(shared), []);
    assert.deepEqual(owned.remove('api'), []);
  });

  it('an empty list for a key counts as nothing reported', () => {
    const owned = entries();
    assert.deepEqual(owned.replace('api', new Map([[shared, []]])), [shared]);
    assert.deepEqual(owned.merged(shared), []);
    assert.deepEqual(owned.replace('api', new Map()), []);
  });
});
