import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { compileEngineSettings } from '../../../src/core/config/compile';
import { loadConfig } from '../../../src/core/config/load';
import { formatProblem } from '../../../src/core/types';
import { tempTree, type TempTree } from '../scan/tempTree';

describe('loadConfig', () => {
  let tree: TempTree;
  beforeEach(async () => {
    tree = await tempTree();
  });
  afterEach(async () => {
    await tree.remove();
  });

  it('is absent without problems when there is no .quality/config.json', async () => {
    const loaded = await loadConfig(tree.root);
    assert.equal(loaded.status, 'absent');
    assert.deepEqual(loaded.config, {});
    assert.deepEqual(loaded.problems, []);
  });

  it('reads .quality/config.json under the root and names problems relative to it', async () => {
    await tree.write('.quality/config.json', '{\n  "exclude": ["vendor/**"],\n  "rules": { "nope": "off" }\n}\n');
    const loaded = await loadConfig(tree.root);
    assert.equal(loaded.status, 'loaded');
    assert.equal(loaded.path, path.join(tree.root, '.quality', 'config.json'));
    assert.deepEqual(loaded.config, { exclude: ['vendor/**'], rules: {} });
    assert.deepEqual(loaded.problems.map(formatProblem), ['.quality/config.json:3:14: rules: unknown rule id "nope"']);
  });

  it('reports invalid JSON with its position', async () => {
    await tree.write('.quality/config.json', '{\n  "exclude": ["a",]\n}');
    const loaded = await loadConfig(tree.root);
    assert.equal(loaded.status, 'invalid-json');
    assert.deepEqual(loaded.problems.map(formatProblem), ['.quality/config.json:2:19: invalid JSON: trailing comma before "]"']);
  });

  it('reads an explicit file relative to the root, or absolute outside it', async () => {
    await tree.write('ci/qa.json', '{"maxFileSize": 10}');
    assert.deepEqual((await loadConfig(tree.root, 'ci/qa.json')).config, { maxFileSize: 10 });
    const other = await tempTree({ 'qa.json': '{"maxFileSize": "x"}' });
    try {
      const loaded = await loadConfig(tree.root, path.join(other.root, 'qa.json'));
      assert.equal(loaded.problems[0].path, path.join(other.root, 'qa.json').split(path.sep).join('/'));
    } finally {
      await other.remove();
    }
  });

  it('says missing for an explicit file that does not exist, unreadable for a folder', async () => {
    assert.equal((await loadConfig(tree.root, 'nope.json')).status, 'missing');
    await tree.write('dir/x', '');
    assert.equal((await loadConfig(tree.root, 'dir')).status, 'unreadable');
  });
});

describe('compileEngineSettings', () => {
  it('compiles phrases case-insensitively, ticket patterns as written, and copies the rest', () => {
    const { settings, problems } = compileEngineSettings(
      { rules: { 'focused-test': 'off' }, phrases: { 'vague-deferral': ['\\bbodge\\b'] }, ticketPatterns: ['\\bPROJ-\\d+\\b'], testFiles: ['e2e/**'], deadlineWarningDays: 3, sprintLengthDays: 10 },
      [{ id: 'ENG-02', rules: ['vague-deferral'], appliesTo: ['**'] }],
    );
    assert.deepEqual(problems, []);
    assert.equal(settings.phrases['vague-deferral']![0].test('a BODGE here'), true);
    assert.equal(settings.ticketPatterns[0].test('PROJ-12'), true);
    assert.equal(settings.ticketPatterns[0].test('proj-12'), false);
    assert.deepEqual(settings.severities, { 'focused-test': 'off' });
    assert.deepEqual(settings.testFiles, ['e2e/**']);
    assert.equal(settings.deadlineWarningDays, 3);
    assert.equal(settings.sprintLengthDays, 10);
    assert.deepEqual(settings.principles, [{ id: 'ENG-02', rules: ['vague-deferral'], appliesTo: ['**'] }]);
  });

  it('uses the defaults for an empty config', () => {
    const { settings } = compileEngineSettings({});
    assert.equal(settings.deadlineWarningDays, 14);
    assert.equal(settings.sprintLengthDays, 14);
    assert.deepEqual(settings.phrases, {});
  });

  it('leaves out bad patterns of configs that were not validated, with a problem at the origin', () => {
    const { settings, problems } = compileEngineSettings({ ticketPatterns: ['(', '(a+)+', 'OK-\\d+'] }, [], { path: 'settings.json' });
    assert.equal(settings.ticketPatterns.length, 1);
    assert.equal(problems.length, 2);
    assert.match(formatProblem(problems[0]), /^settings\.json:1:1: ticketPatterns: invalid regular expression "\(":/);
  });
});
