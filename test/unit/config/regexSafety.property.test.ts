import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { compileUserPattern, execUserPattern, USER_PATTERN_INPUT_LIMIT } from '../../../src/core/regexSafety';

/** Small regular expressions over a few overlapping atoms: fertile ground for backtracking. */
const atom = fc.constantFrom('a', 'b', '\\w', '\\d', '\\s', '.', '[ab]', '[^b]', ' ');
const quantifier = fc.constantFrom('', '', '*', '+', '?', '{2,}', '{1,3}', '{1,30}');
const regexArb: fc.Arbitrary<string> = fc.letrec((tie) => ({
  term: fc.oneof(
    { weight: 3, arbitrary: fc.tuple(atom, quantifier).map(([a, q]) => a + q) },
    { weight: 1, arbitrary: fc.tuple(tie('alternation'), quantifier).map(([inner, q]) => `(?:${inner as string})${q}`) },
  ),
  sequence: fc.array(tie('term'), { minLength: 1, maxLength: 4 }).map((terms) => (terms as string[]).join('')),
  alternation: fc.array(tie('sequence'), { minLength: 1, maxLength: 3 }).map((alts) => (alts as string[]).join('|')),
})).alternation;

// Texts that make backtracking regexes work hardest: long runs of what they match, then a misfit.
const HOSTILE = ['a', 'ab', ' ', 'a1 ', '1'].map((unit) => `${unit.repeat(Math.ceil(USER_PATTERN_INPUT_LIMIT / unit.length))}!`);

describe('user pattern safety (property)', function () {
  this.timeout(120_000);

  it('every accepted pattern matches hostile text quickly', () => {
    fc.assert(
      fc.property(regexArb, (source) => {
        const compiled = compileUserPattern(`${source}!?x`, 'i');
        if (!compiled.ok) return;
        for (const text of HOSTILE) {
          const started = performance.now();
          execUserPattern(compiled.regex, text);
          const took = performance.now() - started;
          assert.ok(took < 1000, `${compiled.regex.source} took ${Math.round(took)} ms`);
        }
      }),
      { numRuns: 300, seed: 20251127 },
    );
  });
});
