import * as assert from 'node:assert/strict';
import { defaultEngineSettings } from '../../../src/core/config/model';
import { analyzeDocument } from '../../../src/core/engine';
import { languageById } from '../../../src/core/languages/index';
import { lineStartsOf } from '../../../src/core/rules/lineIndex';
import { runCliInProcess } from '../cliInProcess';
import { tempTree } from './tempTree';

/**
 * VS Code ends a line at \n, \r\n or a lone \r (old Mac files): the CLI's line numbers must be the
 * editor's for the same file, whatever its line endings.
 */
const LINES = ['const a = 1;', '// TODO fix this in the next sprint', 'try { run(); } catch (e) {}', 'const b = 2;', ''];

function positions(text: string): string[] {
  const language = languageById('typescript');
  if (!language) throw new Error('no typescript');
  return analyzeDocument({ text, path: 'x.ts', language, settings: defaultEngineSettings(), now: '2025-11-27' })
    .map((f) => `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${JSON.stringify(f.excerpt)}`);
}

describe('line endings: a lone CR is a line break, as in VS Code', () => {
  it('the engine places findings on the same lines and columns for \\n, \\r\\n and lone \\r', () => {
    const lf = positions(LINES.join('\n'));
    assert.ok(lf.some((p) => p.startsWith('deferred-to-sprint 2:')), lf.join('\n'));
    assert.ok(lf.some((p) => p.startsWith('swallowed-error 3:')), lf.join('\n'));
    assert.deepEqual(positions(LINES.join('\r\n')), lf);
    assert.deepEqual(positions(LINES.join('\r')), lf);
  });

  it('a run of line comments is one comment, and a block comment is cut into lines, whatever the endings', () => {
    // A TODO line then its explanation: one comment, one excerpt of both lines; a block comment
    // whose lines are cleaned one by one (decoration stripped).
    const lines = ['// TODO(QA-1):', '// we will fix this in the next sprint', 'const x = 1;', '/* FIXME', ' * next sprint,', ' * for real */', ''];
    const lf = positions(lines.join('\n'));
    assert.ok(lf.includes('tracked-marker 1:4-1:8 "TODO(QA-1): we will fix this in the next sprint"'), lf.join('\n'));
    assert.ok(lf.includes('deferred-to-sprint 4:4-4:9 "FIXME next sprint, for real"'), lf.join('\n'));
    assert.deepEqual(positions(lines.join('\r\n')), lf);
    assert.deepEqual(positions(lines.join('\r')), lf);
  });

  it('mixed endings count each break once (\\r\\n is one break, \\r\\r two)', () => {
    assert.deepEqual(lineStartsOf('a\r\nb\rc\nd'), [0, 3, 5, 7]);
    assert.deepEqual(lineStartsOf('a\r\r\nb'), [0, 2, 4]);
    assert.deepEqual(lineStartsOf('\r'), [0, 1]);
    assert.deepEqual(lineStartsOf('a\nb'), [0, 2]);
  });

  it('qa-lens scan --format json reports the lines VS Code shows for a lone-CR file', async () => {
    const tree = await tempTree({ 'mac.ts': LINES.join('\r'), 'unix.ts': LINES.join('\n') });
    try {
      const run = await runCliInProcess(['scan', '--format', 'json', '--fail-on', 'never', '--now', '2025-11-27'], tree.root);
      assert.equal(run.status, 0, run.stderr);
      const findings = (JSON.parse(run.stdout) as { findings: Array<{ path: string; ruleId: string; line: number; column: number; endLine: number; endColumn: number; excerpt: string }> }).findings;
      const of = (path: string): string[] => findings.filter((f) => f.path === path).map((f) => `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.excerpt}`);
      assert.ok(of('unix.ts').length >= 2, run.stdout);
      assert.deepEqual(of('mac.ts'), of('unix.ts'));
    } finally {
      await tree.remove();
    }
  });
});
