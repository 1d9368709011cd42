import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDefaults } from '../../../src/core/init';
import { resourcePath } from '../../../src/core/resources';

// Create Constitution (editor) and `qa-lens init` (CLI) share this: write the defaults, never overwrite.
describe('init: writing the bundled defaults into .quality/', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'qa-lens-init-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('writes the constitution, every checklist and the config, in order', async () => {
    const heard: string[] = [];
    const entries = await writeDefaults(root, (entry) => heard.push(entry.target));
    assert.equal(entries[0]?.target, '.quality/constitution.md');
    assert.equal(entries.at(-1)?.target, '.quality/config.json');
    assert.ok(entries.some((e) => e.target === '.quality/checklists/tests.md'));
    assert.ok(entries.every((e) => e.outcome === 'wrote'));
    assert.deepEqual(heard, entries.map((e) => e.target));
    assert.equal(await readFile(join(root, '.quality', 'constitution.md'), 'utf8'), await readFile(resourcePath('defaults', 'constitution.md'), 'utf8'));
  });

  it('keeps files that exist and a constitution kept elsewhere', async () => {
    await writeFile(join(root, 'CONSTITUTION.md'), '# Ours\n\n## OUR-1 Be kind\nBody\n');
    await mkdir(join(root, '.quality'), { recursive: true });
    await writeFile(join(root, '.quality', 'config.json'), '{"rules":{}}\n');
    const entries = await writeDefaults(root);
    const byTarget = new Map(entries.map((e) => [e.target, e]));
    assert.equal(byTarget.get('.quality/constitution.md')?.outcome, 'skipped');
    assert.match(byTarget.get('.quality/constitution.md')?.reason ?? '', /CONSTITUTION\.md/);
    assert.deepEqual(byTarget.get('.quality/config.json'), { target: '.quality/config.json', outcome: 'skipped', reason: 'it already exists' });
    assert.equal(await readFile(join(root, '.quality', 'config.json'), 'utf8'), '{"rules":{}}\n');
  });
});
