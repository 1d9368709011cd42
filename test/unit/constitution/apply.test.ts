import { strict as assert } from 'node:assert';
import { principleForRule, principleScopes, principlesFor } from '../../../src/core/constitution/apply';
import { parseConstitution } from '../../../src/core/constitution/parse';
import type { Constitution } from '../../../src/core/constitution/types';
import { matchesAny, globProblem } from '../../../src/core/glob';
import { lines } from './tempDir';

function constitution(...text: string[]): Constitution {
  const result = parseConstitution(lines(...text), { path: 'c.md' });
  assert.deepEqual(result.problems, []);
  return result.constitution;
}

describe('which principles apply', () => {
  const c = constitution(
    '## ENG-01 Everywhere',
    '## ENG-02 Sources',
    '<!-- qa: { appliesTo: ["src/**", "!src/generated/**"] } -->',
    '## ENG-03 Workflows',
    '<!-- qa: { appliesTo: [".github/workflows/*.yml", "**/*.{tf,hcl}"] } -->',
    '## ENG-04 Retired',
    '<!-- qa: { status: retired } -->',
  );

  it('matches appliesTo globs against workspace-relative paths, dot folders included; retired ones never apply', () => {
    const ids = (path: string): string[] => principlesFor(c, path).map((p) => p.id);
    assert.deepEqual(ids('src/a/b.ts'), ['ENG-01', 'ENG-02']);
    assert.deepEqual(ids('./src/a.ts'), ['ENG-01', 'ENG-02']);
    assert.deepEqual(ids('src\\a.ts'), ['ENG-01', 'ENG-02']);
    assert.deepEqual(ids('lib/a.ts'), ['ENG-01']);
    assert.deepEqual(ids('.github/workflows/ci.yml'), ['ENG-01', 'ENG-03']);
    assert.deepEqual(ids('.github/workflows/nested/ci.yml'), ['ENG-01']);
    assert.deepEqual(ids('infra/main.tf'), ['ENG-01', 'ENG-03']);
    assert.deepEqual(ids('.env'), ['ENG-01']);
  });

  it('matchesAny and globProblem', () => {
    assert.equal(matchesAny([], 'a.ts'), false);
    assert.equal(matchesAny(['**/Jenkinsfile'], 'Jenkinsfile'), true);
    assert.equal(matchesAny(['!vendor/**'], 'src/a.ts'), true);
    assert.equal(matchesAny(['!vendor/**'], 'vendor/a.ts'), false);
    assert.equal(matchesAny(['**/*.ts', '!**/*.d.ts'], 'src/a.d.ts'), false);
    assert.equal(globProblem('src/**'), null);
    assert.match(globProblem('src/{a,b')!, /invalid/);
    assert.match(globProblem('')!, /empty/);
    assert.match(globProblem('C:\\src\\**')!, /absolute/);
    assert.match(globProblem('src\\a.ts')!, /'\/'/);
    assert.equal(globProblem('src/\\[literal\\].ts'), null);
  });
});

describe('which principle speaks for a rule', () => {
  it('prefers the strongest level, then document order; ignores retired ones; honours a path', () => {
    const c = constitution(
      '## ENG-01 Should, first',
      '<!-- qa: { rules: [swallowed-error, skipped-test] } -->',
      '## ENG-02 Must, later',
      '<!-- qa: { level: must, rules: [swallowed-error], appliesTo: ["src/**"] } -->',
      '## ENG-03 Retired must',
      '<!-- qa: { level: must, status: retired, rules: [skipped-test, focused-test] } -->',
      '## ENG-04 Consider',
      '<!-- qa: { level: consider, rules: [skipped-test] } -->',
    );
    assert.equal(principleForRule(c, 'swallowed-error')?.id, 'ENG-02');
    assert.equal(principleForRule(c, 'swallowed-error', 'lib/a.ts')?.id, 'ENG-01');
    assert.equal(principleForRule(c, 'skipped-test')?.id, 'ENG-01');
    assert.equal(principleForRule(c, 'focused-test'), undefined);
    // What the engine matches per path: strongest first, retired left out, scopes kept.
    assert.deepEqual(principleScopes(c), [
      { id: 'ENG-02', rules: ['swallowed-error'], appliesTo: ['src/**'] },
      { id: 'ENG-01', rules: ['swallowed-error', 'skipped-test'], appliesTo: ['**'] },
      { id: 'ENG-04', rules: ['skipped-test'], appliesTo: ['**'] },
    ]);
  });
});
