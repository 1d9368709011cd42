import { strict as assert } from 'node:assert';
import { fingerprintOf, normaliseExcerpt } from '../../../src/core/fingerprint';
import { analyze } from './helpers';

describe('fingerprints', () => {
  const body = '// TODO: a\nfunction f() {\n  try { g(); } catch (e) {}\n}\n';

  it('do not change when lines are inserted above', () => {
    const before = analyze('typescript', 'src/a.ts', body);
    const after = analyze('typescript', 'src/a.ts', `import x from 'x';\n\n// header\n${body}`);
    assert.equal(before.length, 2);
    assert.deepEqual(after.map((f) => f.fingerprint), before.map((f) => f.fingerprint));
    assert.notDeepEqual(after.map((f) => f.line), before.map((f) => f.line));
  });

  it('are 32 hex characters and depend on rule, path and excerpt', () => {
    const [a] = analyze('typescript', 'src/a.ts', '// TODO: a\n');
    assert.match(a.fingerprint, /^[0-9a-f]{32}$/);
    assert.notEqual(analyze('typescript', 'src/b.ts', '// TODO: a\n')[0].fingerprint, a.fingerprint);
    assert.notEqual(analyze('typescript', 'src/a.ts', '// TODO: b\n')[0].fingerprint, a.fingerprint);
    assert.equal(analyze('typescript', 'src/a.ts', '//   TODO:   a\n')[0].fingerprint, a.fingerprint);
  });

  it('carry an occurrence index for duplicates, the first one unchanged', () => {
    const one = analyze('typescript', 'src/a.ts', '// TODO: a\n');
    const three = analyze('typescript', 'src/a.ts', '// TODO: a\nx();\n// TODO: a\ny();\n// TODO: a\n');
    assert.equal(new Set(three.map((f) => f.fingerprint)).size, 3);
    assert.equal(three[0].fingerprint, one[0].fingerprint);
    assert.equal(three[1].fingerprint, fingerprintOf('untracked-marker', 'src/a.ts', 'TODO: a', 1));
  });

  it('fold white space in excerpts', () => {
    assert.equal(normaliseExcerpt('  a \n\t b  '), 'a b');
  });
});
