import { strict as assert } from 'node:assert';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BUNDLED, bundledConstitutionFile, CONSTITUTION_CANDIDATES, loadConstitution } from '../../../src/core/constitution/discover';
import { formatProblem } from '../../../src/core/types';
import { lines, tempDir, type TempDir } from './tempDir';

describe('constitution discovery', () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await dir.remove();
  });

  const principleFrom = (name: string): string => lines(`## ENG-01 From ${name}`);

  it('looks in .quality/constitution.md, CONSTITUTION.md, docs/, .github/, then the bundled default, in that order', async () => {
    assert.deepEqual(CONSTITUTION_CANDIDATES, ['.quality/constitution.md', 'CONSTITUTION.md', 'docs/CONSTITUTION.md', '.github/CONSTITUTION.md']);
    for (const candidate of CONSTITUTION_CANDIDATES) await dir.write(candidate, principleFrom(candidate));
    for (const candidate of CONSTITUTION_CANDIDATES) {
      const { constitution, problems } = await loadConstitution(dir.root);
      assert.deepEqual(problems, []);
      assert.equal(constitution.source, candidate);
      assert.equal(constitution.file, join(dir.root, ...candidate.split('/')));
      assert.equal(constitution.principles[0].title, `From ${candidate}`);
      await rm(join(dir.root, ...candidate.split('/')));
    }
    const bundled = await loadConstitution(dir.root);
    assert.equal(bundled.constitution.source, 'bundled');
    assert.equal(bundled.constitution.file, bundledConstitutionFile());
    assert.deepEqual(bundled.problems, []);
  });

  it('a configured path (setting or config) wins over every candidate', async () => {
    await dir.write('.quality/constitution.md', principleFrom('quality'));
    await dir.write('docs/engineering/CONSTITUTION.md', principleFrom('configured'));
    const { constitution, problems } = await loadConstitution(dir.root, { configuredPath: 'docs/engineering/CONSTITUTION.md', configuredFrom: '.quality/config.json' });
    assert.deepEqual(problems, []);
    assert.equal(constitution.source, 'docs/engineering/CONSTITUTION.md');
    assert.equal(constitution.principles[0].title, 'From configured');
  });

  it('an absolute configured path outside the root is named absolutely', async () => {
    const other = await tempDir('qa-lens-constitution-other-');
    try {
      const file = await other.write('team.md', principleFrom('absolute'));
      const { constitution } = await loadConstitution(dir.root, { configuredPath: file });
      assert.equal(constitution.source, file.split('\\').join('/'));
    } finally {
      await other.remove();
    }
  });

  it('a configured path that does not exist is a problem where it was configured, and discovery carries on', async () => {
    await dir.write('CONSTITUTION.md', principleFrom('root'));
    const { constitution, problems } = await loadConstitution(dir.root, { configuredPath: 'nope.md', configuredFrom: '.quality/config.json' });
    assert.deepEqual(problems.map(formatProblem), [".quality/config.json:1:1: the constitution 'nope.md' does not exist; looking for it in the usual places instead"]);
    assert.equal(constitution.source, 'CONSTITUTION.md');
  });

  it('a candidate that is a folder is reported and skipped', async () => {
    await dir.write('.quality/constitution.md/readme.txt', 'not a file');
    await dir.write('docs/CONSTITUTION.md', principleFrom('docs'));
    const { constitution, problems } = await loadConstitution(dir.root);
    assert.deepEqual(problems.map(formatProblem), ['.quality/constitution.md:1:1: cannot read the constitution: it is a folder']);
    assert.equal(constitution.source, 'docs/CONSTITUTION.md');
  });

  it('candidates that fail alike (an unreadable folder makes them all fail) are one problem naming each', async () => {
    await dir.write('.quality/constitution.md/readme.txt', 'not a file');
    await dir.write('CONSTITUTION.md/readme.txt', 'not a file');
    await dir.write('.github/CONSTITUTION.md/readme.txt', 'not a file');
    const { constitution, problems } = await loadConstitution(dir.root);
    assert.deepEqual(problems.map(formatProblem), ['.quality/constitution.md:1:1: cannot read the constitution: it is a folder (nor CONSTITUTION.md, .github/CONSTITUTION.md, for the same reason)']);
    assert.equal(constitution.source, BUNDLED);
  });
});
