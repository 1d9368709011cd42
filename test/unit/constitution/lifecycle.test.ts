import { strict as assert } from 'node:assert';
import { diffConstitution, hasChanges, snapshotConstitution } from '../../../src/core/constitution/lifecycle';
import { parseConstitution } from '../../../src/core/constitution/parse';
import type { Constitution } from '../../../src/core/constitution/types';
import { lines } from './tempDir';

const parse = (text: string): Constitution => parseConstitution(text, { path: 'c.md' }).constitution;

const V1 = lines(
  '---', 'version: 1.0.0', '---',
  '## ENG-01 Stays',
  '<!-- qa: { level: must, rules: [skipped-test, focused-test] } -->',
  'Body one.',
  '## ENG-02 Reworded',
  'Old words.',
  '## ENG-03 Will retire',
  'Three.',
  '## ENG-04 Will go',
  'Four.',
);

describe('constitution lifecycle', () => {
  it('hashes each principle, and a snapshot survives JSON', () => {
    const snapshot = snapshotConstitution(parse(V1));
    assert.equal(snapshot.version, '1.0.0');
    assert.deepEqual(Object.keys(snapshot.principles), ['ENG-01', 'ENG-02', 'ENG-03', 'ENG-04']);
    assert.match(snapshot.principles['ENG-01'].hash, /^[0-9a-f]{64}$/);
    assert.equal(new Set(Object.values(snapshot.principles).map((p) => p.hash)).size, 4);
    assert.deepEqual(JSON.parse(JSON.stringify(snapshot)), snapshot);
  });

  it('reports added, changed, retired and removed principles since a snapshot', () => {
    const old = JSON.parse(JSON.stringify(snapshotConstitution(parse(V1)))) as ReturnType<typeof snapshotConstitution>;
    const v2 = parse(lines(
      '---', 'version: 1.1.0', '---',
      '## ENG-01 Stays',
      '<!--   qa: {rules: [focused-test, skipped-test],   level: must}   -->',
      '',
      'Body one.   ',
      '',
      '',
      '## ENG-02 Reworded',
      'New words.',
      '## ENG-03 Will retire',
      '<!-- qa: { status: retired } -->',
      'Three.',
      '## ENG-05 New',
      'Five.',
    ));
    const diff = diffConstitution(old, v2);
    assert.deepEqual(diff, {
      fromVersion: '1.0.0',
      toVersion: '1.1.0',
      added: [{ id: 'ENG-05', title: 'New' }],
      changed: [{ id: 'ENG-02', title: 'Reworded' }],
      retired: [{ id: 'ENG-03', title: 'Will retire' }],
      removed: [{ id: 'ENG-04', title: 'Will go' }],
    });
    assert.equal(hasChanges(diff), true);
    assert.equal(hasChanges(diffConstitution(snapshotConstitution(v2), v2)), false);
  });

  it('a changed level, glob or title is a change; a stored value that is not a snapshot reads as empty', () => {
    const base = snapshotConstitution(parse(lines('## ENG-01 T', 'Body')));
    assert.deepEqual(diffConstitution(base, parse(lines('## ENG-01 T', '<!-- qa: { level: must } -->', 'Body'))).changed.map((p) => p.id), ['ENG-01']);
    assert.deepEqual(diffConstitution(base, parse(lines('## ENG-01 T', '<!-- qa: { appliesTo: ["src/**"] } -->', 'Body'))).changed.map((p) => p.id), ['ENG-01']);
    assert.deepEqual(diffConstitution(base, parse(lines('## ENG-01 New title', 'Body'))).changed.map((p) => p.id), ['ENG-01']);
    const garbage = diffConstitution({ nonsense: true } as never, parse(lines('## ENG-01 T')));
    assert.deepEqual(garbage.added.map((p) => p.id), ['ENG-01']);
    assert.equal(garbage.fromVersion, null);
  });
});
