import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import fc from 'fast-check';
import { compileEngineSettings } from '../../../src/core/config/compile';
import { defaultEngineSettings } from '../../../src/core/config/model';
import { analyzeDocument } from '../../../src/core/engine';
import { LANGUAGES, languageForPath, languageFromCommentConfig } from '../../../src/core/languages/index';
import type { LanguageSpec } from '../../../src/core/lexer/types';
import { prefilterFor, type FilePrefilter } from '../../../src/core/scan/prefilter';
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

/** Words of the deferral phrases and tags, split where a line break may split them. */
const PHRASE_WORDS = [
  'for', 'now', 'next', 'future', 'release', 'version', 'versions', 'sprint', 'iteration', 'good', 'enough', 'remove', 'it', 'before', 'merge',
  'do', 'not', "don't", 'never', 'ship', 'in', 'until', 'the', 'v2', 'v3.1', 'phase', '2', 'two', 'after', 'launch', 'post-launch', 'MVP',
  'next', 'quarter', 'PI', 'temporary', 'temporarily', 'disabled', 'workaround', 'fix', 'hack', 'quick', 'later', 'clean', 'up', 'eventually',
  'we', 'should', 'someday', 'tech', 'debt', 'hacky', 'band-aid', 'stopgap', 'kludge', 'TODO', 'todo:', 'FIXME', 'fixme(', 'XXX', 'BUG',
  'HACK', 'REVIEW', '@todo', 'OPTIMIZE', '2020-01-01', 'PROJ-12', '#12',
];
const SEPARATORS = [' ', ' ', '  ', '\t', '\n', '\n', '\r\n', '\r', '\u00a0', '\u2028', '\f', '*', ' * ', '-', ',', '.', ':', '(', ')', 'x', 'é', '$', '/'];
const CODE_BITS = [
  'catch', ' {', '}', '{}', '(e)', 'except', ':', 'pass', '...', 'rescue', 'nil', 'end', '@Disabled', '@Ignore', 'it.skip(', 'xit(', 'fit(',
  'describe.only(', "'", '"', '`', '@ts-ignore', 'eslint-disable', 'noqa', 'type: ignore', 'nolint', 'NOSONAR', 'verify=False', 'chmod 777',
];

/**
 * Languages as other extensions' language configurations declare them, delimiters taken as
 * written: some touch the comment's text with a word character (`REM`, `#cs`, `end`).
 */
const CONFIGURED: LanguageSpec[] = [
  languageFromCommentConfig('configured-rem', { lineComment: 'REM' }),
  languageFromCommentConfig('configured-autoit', { lineComment: ';', blockComment: ['#cs', '#ce'] }),
  languageFromCommentConfig('configured-end', { blockComment: ['(*', 'end'] }),
  languageFromCommentConfig('configured-plain', { lineComment: '--', blockComment: ['{-', '-}'] }),
];

/** Every way this language opens or closes a comment, with the decoration rules strip. */
function openersOf(language: LanguageSpec): string[] {
  const list = [
    ...(language.lineComments ?? []),
    ...(language.lineStartComments ?? []).map((o) => `\n${o}`),
    ...(language.lineCommentWords ?? []).map((w) => `\n${w} `),
    ...(language.blockComments ?? []).flat(),
    ...(language.lineStartBlockComments ?? []).flatMap(([open, close]) => [`\n${open}\n`, `\n${close}\n`]),
    ...(language.longBracketCommentPrefix ? [`${language.longBracketCommentPrefix}[[`, ']]'] : []),
    '\n', '\n * ', '\n// ', '\n# ',
  ];
  return list.length > 0 ? list : ['\n'];
}

describe('the scan prefilter', () => {
  let tree: TempTree | undefined;
  afterEach(async () => {
    await tree?.remove();
    tree = undefined;
  });

  it('never says "nothing here" about a text the engine reports something in (property)', () => {
    const settings = defaultEngineSettings();
    const prefilter = prefilterFor(settings) as FilePrefilter;
    let skipped = 0;
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }), (file, parts) => {
        const language = languageForPath(file);
        if (language === undefined) return;
        const text = parts.join('');
        if (prefilter(text, file, language)) return;
        skipped++;
        assert.deepEqual(analyzeDocument({ text, path: file, language, settings, now: '2025-06-01' }), [], `${file}: ${JSON.stringify(text)}`);
      }),
      { numRuns: Number(process.env.QA_LENS_PROPERTY_RUNS ?? 4000), seed: 20261127 },
    );
    assert.ok(skipped > 200, `the property was exercised (${skipped} texts passed over)`);
  });

  it('never passes over a comment whose phrase or tag a line break or an opener splits, in any language (property)', () => {
    const settings = defaultEngineSettings();
    const prefilter = prefilterFor(settings) as FilePrefilter;
    let skipped = 0;
    let reported = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...LANGUAGES, ...CONFIGURED),
        fc.boolean(),
        fc.array(fc.oneof(fc.constantFrom(...PHRASE_WORDS), fc.constantFrom(...SEPARATORS), fc.constantFrom(...CODE_BITS)), { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (language, testFile, parts, openerPicks) => {
          const openers = openersOf(language);
          const pieces = [...parts];
          // Comment openers and closers of this language, at random places.
          openerPicks.forEach((pick, i) => pieces.splice((pick * 7 + i) % (pieces.length + 1), 0, openers[pick % openers.length]));
          const text = pieces.join('');
          const file = testFile ? 'test/a.x' : 'src/a.x';
          const findings = analyzeDocument({ text, path: file, language, settings, now: '2025-06-01' });
          if (findings.length > 0) reported++;
          if (prefilter(text, file, language)) return;
          skipped++;
          assert.deepEqual(findings, [], `${language.id} ${file}: ${JSON.stringify(text)}`);
        },
      ),
      { numRuns: Number(process.env.QA_LENS_PROPERTY_RUNS ?? 6000), seed: 20261127 },
    );
    assert.ok(skipped > 500 && reported > 300, `the property was exercised (${skipped} texts passed over, ${reported} with findings)`);
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

  it('does not prefilter a language whose comment delimiters touch the text with a word character', () => {
    const settings = defaultEngineSettings();
    const prefilter = prefilterFor(settings) as FilePrefilter;
    const [rem, autoit, end, plain] = CONFIGURED;
    const cases: Array<[LanguageSpec, string]> = [[rem, 'REMTODO: call the vendor\n'], [rem, 'REMfor now\n'], [autoit, '#csTODO: x\n#ce\n'], [end, '(* TODOend\n']];
    for (const [language, text] of cases) {
      assert.ok(analyzeDocument({ text, path: 'src/a.x', language, settings, now: '2025-06-01' }).length > 0, `${language.id}: ${JSON.stringify(text)} is reported`);
      assert.equal(prefilter(text, 'src/a.x', language), true, `${language.id}: ${JSON.stringify(text)}`);
    }
    assert.equal(prefilter('x = compute(1) -- returns the total\n', 'src/a.x', plain), false, 'delimiters of the usual shape keep the prefilter');
  });

  it('runs the insecure patterns line by line, as their rule does', () => {
    const prefilter = prefilterFor(defaultEngineSettings()) as FilePrefilter;
    const shell = languageForPath('a.sh')!;
    assert.equal(prefilter(`export NODE_TLS_REJECT_UNAUTHORIZED${'\n'.repeat(50)}0\n`, 'a.sh', shell), false, 'a pattern never spans lines');
    assert.equal(prefilter('export NODE_TLS_REJECT_UNAUTHORIZED=0\r\n', 'a.sh', shell), true);
    assert.equal(prefilter('x=1\r\nRUN curl -k https://example.com\r\n', 'a.sh', shell), true);
  });

  it('passes over trigger words that are not the shapes the rules report, never the shapes themselves', () => {
    const prefilter = prefilterFor(defaultEngineSettings()) as FilePrefilter;
    const may = (file: string, text: string): boolean => prefilter(text, file, languageForPath(file)!);
    // Words every file holds: none of them is a finding by itself.
    assert.equal(may('a.ts', '"use strict";\nconst version = read(); // know the network\ntry { f(); } catch (e) { log(e); }\n'), false);
    assert.equal(may('a.ts', 'const DEBUG = 1; // fixes a bug in the parser\n'), false);
    assert.equal(may('a.ts', 'describe.only("x", () => {});\n'), false, 'focus counts only in test files');
    assert.equal(may('a.test.ts', 'describe.only("x", () => {});\n'), true);
    assert.equal(may('a.py', 'try:\n    f()\nexcept ValueError:\n    raise\n'), false);
    assert.equal(may('a.py', 'try:\n    f()\nexcept ValueError:\n    pass\n'), true);
    assert.equal(may('a.ts', '// \u212aludge \u017Fprint\n'), false, 'Kelvin sign and long s are not K and s');
    // Phrases split over lines of a comment run, tags right after an opener, directives.
    assert.equal(may('a.ts', '// good for\n// now\n'), true);
    assert.equal(may('a.rb', '# ship it in the next\n# release\n'), true);
    assert.equal(may('a.sh', '#TODO tidy\n'), true);
    assert.equal(may('a.bat', 'rem fixme: x\n'), true);
    assert.equal(may('a.py', 'x = 1 # NOQA\n'), true);
    assert.equal(may('a.ts', 'try { f(); } catch {}\n'), true);
  });
});
