import { strict as assert } from 'node:assert';
import { readFile } from 'node:fs/promises';
import { bundledConstitutionFile } from '../../../src/core/constitution/discover';
import { parseConstitution } from '../../../src/core/constitution/parse';
import { makeConstitutionSnapshot, restoreConstitutionSnapshot } from '../../../src/core/constitution/snapshot';

describe('the build-time snapshot of the bundled constitution', () => {
  // Different on purpose: a restore that swapped them would show.
  const paths = { path: 'C:/qa-lens/resources/defaults/constitution.md', file: 'C:\\qa-lens\\resources\\defaults\\constitution.md' };
  const parsed = (text: string) => parseConstitution(text, { ...paths, source: 'bundled' });

  it('restores exactly what parsing gives, with the paths of where it is installed', async () => {
    const text = await readFile(bundledConstitutionFile(), 'utf8');
    const restored = restoreConstitutionSnapshot(makeConstitutionSnapshot(text, 'bundled'), text, paths);
    assert.deepStrictEqual(restored, parsed(text));
  });

  it('fills in the path of problems too (a constitution with mistakes)', () => {
    const text = '# Broken\n\n## ENG-1x Not an id\n\n<!-- qa: level: sometimes -->\n\n## ENG-02 Fine\n\n<!-- qa: level: never -->\n';
    const restored = restoreConstitutionSnapshot(makeConstitutionSnapshot(text, 'bundled'), text, paths);
    const expected = parsed(text);
    assert.ok(expected.problems.length > 0, 'the sample has problems');
    assert.deepStrictEqual(restored, expected);
    assert.ok(restored.problems.every((problem) => problem.path === paths.path));
  });

  it('is not used for another text, for no snapshot or for one that is not JSON', async () => {
    const text = await readFile(bundledConstitutionFile(), 'utf8');
    const snapshot = makeConstitutionSnapshot(text, 'bundled');
    assert.equal(restoreConstitutionSnapshot(snapshot, `${text}\n## ENG-99 Added after the build\n`, paths), undefined);
    assert.equal(restoreConstitutionSnapshot(undefined, text, paths), undefined);
    assert.equal(restoreConstitutionSnapshot('{"sha256": ', text, paths), undefined);
  });

  it('gives a fresh result each time: a caller that changes one does not change the next', async () => {
    const text = await readFile(bundledConstitutionFile(), 'utf8');
    const snapshot = makeConstitutionSnapshot(text, 'bundled');
    const first = restoreConstitutionSnapshot(snapshot, text, paths)!;
    first.constitution.principles.length = 0;
    assert.ok(restoreConstitutionSnapshot(snapshot, text, paths)!.constitution.principles.length > 0);
  });
});
