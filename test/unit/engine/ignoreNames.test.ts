import { strict as assert } from 'node:assert';
import { defaultEngineSettings } from '../../../src/core/config/model';
import { analyzeDocumentWithProblems } from '../../../src/core/engine';
import { languageById } from '../../../src/core/languages/index';
import { closestRuleId } from '../../../src/core/rules/code/ignoreNames';
import { brief, TODAY } from './helpers';

function run(languageId: string, text: string, path = 'test/a.test.ts'): ReturnType<typeof analyzeDocumentWithProblems> {
  const language = languageById(languageId);
  if (language === undefined) throw new Error(`no language ${languageId}`);
  return analyzeDocumentWithProblems({ text, path, language, settings: defaultEngineSettings(), now: TODAY });
}

/** `line:column-endColumn message` of each problem. */
function problems(languageId: string, text: string, path?: string): string[] {
  return run(languageId, text, path).problems.map((p) => `${p.line}:${p.column}-${p.endColumn} ${p.message}`);
}

describe('inline ignores that name no rule (problems, real lexer)', () => {
  it('a misspelt rule id silences nothing, and says so where it is written with the id it meant', () => {
    const text = "// qa-lens-ignore skiped-test -- flaky on CI, PROJ-12\nit.skip('a', () => {});\n";
    const result = run('typescript', text);
    assert.deepEqual(brief(result.findings), ['2:1 skipped-test']);
    assert.deepEqual(result.problems, [
      {
        line: 1,
        column: 19,
        endLine: 1,
        endColumn: 30,
        message: "qa-lens-ignore names no rule 'skiped-test', so it silences nothing: did you mean 'skipped-test'?",
        suggestion: 'skipped-test',
      },
    ]);
  });

  it('the correct id silences the finding and is no problem', () => {
    const result = run('typescript', "// qa-lens-ignore skipped-test -- flaky on CI, PROJ-12\nit.skip('a', () => {});\n");
    assert.deepEqual(brief(result.findings), []);
    assert.deepEqual(result.problems, []);
  });

  it('in a list, only the names that are no rule are problems; the valid ones still silence', () => {
    const text = "it.skip('a', () => {}); // qa-lens-ignore skipped-test, Focused_test -- both on purpose\n";
    const result = run('typescript', text);
    assert.deepEqual(brief(result.findings), []);
    assert.deepEqual(
      result.problems.map((p) => [p.column, p.suggestion]),
      [[57, 'focused-test']],
    );
  });

  it('a name far from every id lists the ids; a directive with no name at all is a problem too', () => {
    assert.deepEqual(problems('python', '# qa-lens-ignore flaky -- quarantined\n'), [
      "1:18-23 qa-lens-ignore names no rule 'flaky', so it silences nothing: the rule ids are expired-deadline, deferred-to-sprint, vague-deferral, untracked-marker, tracked-marker, suppressed-check, skipped-test, focused-test, swallowed-error, insecure-shortcut.",
    ]);
    assert.deepEqual(problems('python', '# qa-lens-ignore -- quarantined\n').length, 1);
    assert.match(problems('python', 'x = 1  # qa-lens-ignore\n')[0], /^1:10-24 qa-lens-ignore names no rule, so it silences nothing/);
  });

  it('prose that mentions the directive is not a problem', () => {
    const text = [
      '/**',
      ' * Findings can be silenced: use qa-lens-ignore to mark one on purpose.',
      ' * See the qa-lens-ignore section of the README.',
      ' */',
      '// The qa-lens-ignore-aware parser lives elsewhere.',
      '',
    ].join('\n');
    assert.deepEqual(problems('typescript', text), []);
  });

  it('the directive in a string or in code is not read', () => {
    assert.deepEqual(problems('typescript', "const s = 'qa-lens-ignore skiped-test -- x';\nconst qa = 1;\n"), []);
  });

  it('finds it in each comment of a file and in block comments, with positions on the right line', () => {
    const text = ['/*', ' * qa-lens-ignore swallowed-eror -- logged upstream', ' */', 'x();', '# not a comment in TS', '// qa-lens-ignore insecure-shortcut -- test server'].join('\n');
    assert.deepEqual(
      run('typescript', text).problems.map((p) => `${p.line}:${p.column} ${p.suggestion}`),
      ['2:19 swallowed-error'],
    );
  });

  it('closestRuleId: case, underscores and a few slips; nothing for unrelated words', () => {
    assert.equal(closestRuleId('SKIPPED_TEST'), 'skipped-test');
    assert.equal(closestRuleId('supressed-check'), 'suppressed-check');
    assert.equal(closestRuleId('focused-tests'), 'focused-test');
    assert.equal(closestRuleId('flaky'), undefined);
    assert.equal(closestRuleId('to'), undefined);
  });
});
