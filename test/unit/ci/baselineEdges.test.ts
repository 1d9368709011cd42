import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { BaselineError, parseBaseline, readBaseline } from '../../../src/core/baseline';
import { exceededBudgets } from '../../../src/core/budgets';
import { fingerprintFindings, fingerprintOf } from '../../../src/core/fingerprint';
import { analyze } from '../engine/helpers';
import { tempTree } from '../scan/tempTree';

const sha = (...parts: string[]): string => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);

/** Edges of baselines and fingerprints the CI tests leave open: what an old baseline relies on. */
describe('baseline and fingerprint edges', () => {
  it('fingerprints keep their published form, so baselines written by earlier versions still match', () => {
    // cli.md: rule id, path and normalised excerpt; an occurrence index only from the second one.
    assert.equal(fingerprintOf('untracked-marker', 'src/a.ts', ' TODO:  a ', 0), sha('untracked-marker', 'src/a.ts', 'TODO: a'));
    assert.equal(fingerprintOf('untracked-marker', 'src/a.ts', 'TODO: a', 2), sha('untracked-marker', 'src/a.ts', 'TODO: a', '2'));
  });

  it("occurrences are counted per rule: another rule's finding on the same line leaves a fingerprint unchanged", () => {
    const findings = analyze('typescript', 'src/a.ts', 'try { https.get(u, { rejectUnauthorized: false }); } catch {}\n');
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['insecure-shortcut', 'swallowed-error']);
    for (const f of findings) assert.equal(f.fingerprint, fingerprintOf(f.ruleId, f.path, f.excerpt, 0), f.ruleId);
  });

  it('the editor\'s fingerprint cache keeps duplicates apart', () => {
    const cache = new Map<string, string>();
    const twice = (): string[] => {
      const findings = analyze('typescript', 'src/a.ts', '// TODO: a\nx();\n// TODO: a\n').map(({ fingerprint: _, ...rest }) => rest);
      return fingerprintFindings(findings, cache).map((f) => f.fingerprint);
    };
    const first = twice();
    assert.deepEqual(first, [fingerprintOf('untracked-marker', 'src/a.ts', 'TODO: a', 0), fingerprintOf('untracked-marker', 'src/a.ts', 'TODO: a', 1)]);
    assert.deepEqual(twice(), first);
  });

  it('only version 1 (the number) is a baseline', () => {
    for (const version of ['0', '"1"', 'null']) {
      const text = `{"version":${version},"tool":"qa-lens","fingerprints":{}}`;
      assert.throws(() => parseBaseline(text, 'b.json'), (e: unknown) => e instanceof BaselineError && /is not a qa-lens baseline of version 1/.test(e.message), text);
    }
    assert.throws(() => parseBaseline('{"fingerprints":{}}', 'b.json'), /\(found version null\)/);
  });

  it('every entry needs a path string as well as a rule id', () => {
    assert.throws(() => parseBaseline('{"version":1,"fingerprints":{"ab":{"ruleId":"swallowed-error"}}}', 'b.json'), /fingerprint ab needs "ruleId" and "path" strings/);
    assert.throws(() => parseBaseline('{"version":1,"fingerprints":{"ab":{"ruleId":"swallowed-error","path":3}}}', 'b.json'), /fingerprint ab needs/);
  });

  it('a baseline under a file, or a folder given as the baseline, is named for what it is', async () => {
    const tree = await tempTree({ 'notes.txt': 'x', 'dir/keep': '' });
    try {
      await assert.rejects(readBaseline(path.join(tree.root, 'notes.txt', 'baseline.json'), 'notes.txt/baseline.json'), (e: unknown) =>
        e instanceof BaselineError && e.message === 'baseline file not found: notes.txt/baseline.json');
      await assert.rejects(readBaseline(path.join(tree.root, 'dir'), 'dir'), (e: unknown) =>
        e instanceof BaselineError && e.message === 'baseline file cannot be read: dir: is a folder');
    } finally {
      await tree.remove();
    }
  });

  it('a config with a single budget has it checked', () => {
    const findings = analyze('typescript', 'src/a.ts', 'try { f(); } catch {}\n');
    assert.deepEqual(exceededBudgets(findings, { 'src/**': 0 }), [{ glob: 'src/**', budget: 0, count: 1 }]);
  });
});
