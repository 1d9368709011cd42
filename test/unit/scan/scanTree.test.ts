import { strict as assert } from 'node:assert';
import { compileEngineSettings } from '../../../src/core/config/compile';
import type { QaConfig } from '../../../src/core/config/model';
import { scanTree } from '../../../src/core/scan/scanTree';
import { tempTree, type TempTree } from './tempTree';

describe('scanTree (with the engine)', () => {
  let tree: TempTree;
  afterEach(async () => {
    await tree.remove();
  });

  async function scan(config: QaConfig) {
    const { settings } = compileEngineSettings(config);
    return scanTree({ root: tree.root, config, settings, now: '2025-01-01' });
  }

  it('applies the config: languages, exclude, maxFileSize, rule severities, phrases', async () => {
    tree = await tempTree({
      'page.tpl': '<!-- TODO: tidy -->\n',
      'a.ts': '// TODO: tidy\nlet x;\n// this is a bodge\n',
      'gen/x.ts': '// TODO: excluded\n',
      'big.py': `# TODO: ${'x'.repeat(200)}\n`,
    });
    const before = await scan({});
    assert.deepEqual(before.files, ['a.ts', 'big.py', 'gen/x.ts']);
    assert.deepEqual(before.skipped.map((s) => `${s.path} ${s.reason}`), ['page.tpl unknown-type']);

    const after = await scan({
      languages: { '**/*.tpl': 'html' },
      exclude: ['gen/**'],
      maxFileSize: 100,
      rules: { 'untracked-marker': 'warning' },
      phrases: { 'vague-deferral': ['\\bbodge\\b'] },
    });
    assert.deepEqual(after.files, ['a.ts', 'page.tpl']);
    assert.deepEqual(after.skipped.map((s) => `${s.path} ${s.reason}`), ['big.py too-large']);
    assert.deepEqual(after.findings.map((f) => `${f.path}:${f.line}:${f.column} ${f.ruleId} ${f.severity}`), [
      'a.ts:1:4 untracked-marker warning',
      'a.ts:3:14 vague-deferral warning',
      'page.tpl:1:6 untracked-marker warning',
    ]);
  });
});
