import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import fc from 'fast-check';
import { compileEngineSettings } from '../../../src/core/config/compile';
import { defaultEngineSettings } from '../../../src/core/config/model';
import { analyzeDocument } from '../../../src/core/engine';
import { languageForPath } from '../../../src/core/languages/index';
import { mayHaveFindings, prefilterFor, textMayHaveFindings } from '../../../src/core/scan/prefilter';
import { scanTree } from '../../../src/core/scan/scanTree';
import { tempTree, type TempTree } from './tempTree';

const REPO = path.resolve(__dirname, '..', '..', '..');

/** Rule-shaped fragments and near misses: concatenated at random they form triggers, or almost. */
const FRAGMENTS = [
  '//', '#', '/*', '*/', '--', '<!--', '-->', '"""', "'", '"', '`', ';', '(', ')', '{', '}', '[', ']', ':', '=', '@', '.', ',', '!', '%',
  '\n', '\r\n', ' ', '\t', '  ', 'REM ', 'C ', 'x', 'a1', 'é', 'ſ', '\u212a', '\u00a0', '0', '7', '77', '0o', 'false', 'true', 'nil', 'pass', 'end',
  'TOD', 'O', 'do', 'FIX', 'ME', 'HA', 'CK', 'X', 'XX', 'BU', 'G', 'cat', 'ch', 'sk', 'ip', 'on', 'ly', 'it', 'f', 'des', 'cribe', 'ex', 'cept',
  'res', 'cue', 'lint', 'es', '-disable', 'no', 'qa', 'ts-', 'ig', 'nore', 'type', 'py', 'ver', 'ify', 'chm', 'od', 'cu', 'rl', 'sprint', 'next',
  'for', ' now', 'later', 'quick', 'hack', 'TODO', 'todo:', 'FIXME(', 'catch {}', 'except: pass', 'it.only(', 'fit(', '@ts-ignore', '# noqa',
  'eslint-disable-line', 'rejectUnauthorized: false', 'chmod 777', '0o777', 'qa-lens-ignore', 'rescue nil', '@Disabled', 't.Skip(', '#[ignore]',
  'verify=False', 'curl -k', 'PROJ-12', '2020-01-01', 'v2', 'next release',
];
const PATHS = ['a.ts', 'a.test.ts', 'spec/a_spec.rb', 'a.py', 'test_a.py', 'a.go', 'a_test.go', 'a.rs', 'A.java', 'ATest.java', 'A.cs', 'a.sh',
  'a.yaml', 'a.sql', 'a.html', 'a.md', 'a.rb', 'a.bat', 'a.vb', 'a.f90', 'a.lua', 'a.hs', 'Dockerfile', 'a.toml', 'a.php', 'a.c', 'a.css'];

describe('the scan prefilter', () => {
  let tree: TempTree | undefined;
  afterEach(async () => {
    await tree?.remove();
    tree = undefined;
  });

  it('never says "nothing here" about a text the engine reports something in (property)', () => {
    const settings = defaultEngineSettings();
    let skipped = 0;
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }), (file, parts) => {
        const language = languageForPath(file);
        if (language === undefined) return;
        const text = parts.join('');
        const bytes = Buffer.from(text, 'utf8');
        // The scan tests the decoded text; the bytes must say the same.
        assert.equal(textMayHaveFindings(new TextDecoder().decode(bytes)), mayHaveFindings(bytes), JSON.stringify(text));
        if (mayHaveFindings(bytes)) return;
        skipped++;
        assert.deepEqual(analyzeDocument({ text, path: file, language, settings, now: '2025-06-01' }), [], `${file}: ${JSON.stringify(text)}`);
      }),
      { numRuns: 4000, seed: 20261127 },
    );
    assert.ok(skipped > 200, `the property was exercised (${skipped} texts passed over)`);
  });

  it('changes no finding over the demo, the sources, the resources and the unit tests', async function () {
    this.timeout(120_000);
    const config = {};
    const { settings } = compileEngineSettings(config);
    const scan = (prefilter: boolean) =>
      scanTree({ root: REPO, paths: ['demo', 'src', 'resources', 'test', 'scripts', 'docs'], config, settings, now: '2025-06-01', prefilter });
    const [withIt, without] = [await scan(true), await scan(false)];
    assert.ok(without.findings.length > 40, `a corpus with findings (${without.findings.length})`);
    assert.deepEqual(withIt.findings, without.findings);
    assert.deepEqual(withIt.files, without.files);
    assert.deepEqual(withIt.skipped, without.skipped);
  });

  it('changes no finding in a generated tree with and without trigger words, and is off with user phrases', async () => {
    const files: Record<string, string> = {};
    PATHS.forEach((file, i) => {
      files[`plain/${file}`] = `const value${i} = compute(${i});\n// returns the total\n`;
      files[`hit/${file}`] = `// TODO: tidy\ntry { f(); } catch {}\n# noqa\nx = 1  # for now\n`;
    });
    tree = await tempTree(files);
    const config = {};
    const { settings } = compileEngineSettings(config);
    const withIt = await scanTree({ root: tree.root, config, settings, now: '2025-06-01' });
    const without = await scanTree({ root: tree.root, config, settings, now: '2025-06-01', prefilter: false });
    assert.deepEqual(withIt, without);
    assert.ok(withIt.findings.some((f) => f.path.startsWith('hit/')));

    const phrases = compileEngineSettings({ phrases: { 'vague-deferral': ['\\btotal\\b'] } }).settings;
    assert.equal(prefilterFor(phrases), undefined);
    const custom = await scanTree({ root: tree.root, config, settings: phrases, now: '2025-06-01' });
    assert.ok(custom.findings.some((f) => f.path.startsWith('plain/') && f.ruleId === 'vague-deferral'), 'a user phrase is found in a file with no built-in trigger');
  });

  it('treats bytes as the decoded text would: ASCII triggers only, never folded from other scripts', () => {
    assert.equal(mayHaveFindings(Buffer.from('const value = 1; // computes the total\n')), false);
    assert.equal(mayHaveFindings(Buffer.from('// tOdO later\n')), true);
    assert.equal(mayHaveFindings(Buffer.from('// \u212aludge \u017Fprint\n')), false, 'Kelvin sign and long s are not K and s');
    assert.equal(mayHaveFindings(Uint8Array.from(Buffer.from('x = 1 # NOQA'))), true);
  });
});
