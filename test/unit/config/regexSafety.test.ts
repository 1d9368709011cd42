import { strict as assert } from 'node:assert';
import { compileUserPattern, execUserPattern, MAX_USER_PATTERN_LENGTH, USER_PATTERN_INPUT_LIMIT } from '../../../src/core/regexSafety';

function reason(source: string, flags = 'i'): string | undefined {
  const result = compileUserPattern(source, flags);
  return result.ok ? undefined : result.reason;
}

describe('user pattern safety', () => {
  const safe = [
    '\\bbodge\\b',
    'next PI',
    '\\bPROJ-\\d+\\b',
    '(?:fix|clean)\\s+(?:it|this)\\s+later',
    '[a-z]+-[0-9]+',
    '(ab|cd)+',
    'a{1,20}',
    '(a{2}){3}',
    'foo.*bar',
    'fix (?:me )?later',
    '\\bQ[1-4]\\s*\\d{4}',
    '\\b(?:JIRA|PROJ)-\\d+',
    '(?<key>[A-Z]+)-\\d+',
    '\\[x\\]\\s+done',
    '(?:\\d{1,3}\\.){3}\\d{1,3}',
    '\\s+foo\\s+',
    '(?:ab|cde)+',
  ];
  for (const source of safe) {
    it(`accepts ${source}`, () => assert.equal(reason(source), undefined));
  }

  const unsafe: Array<[string, RegExp]> = [
    ['(a+)+', /nested quantifiers/],
    ['(a*)*b', /nested quantifiers/],
    ['x(\\w{1,5})+y', /nested quantifiers/],
    ['(a{1,20}){1,20}', /nested quantifiers/],
    ['(?:\\s*,)+$', /nested quantifiers/],
    ['(a|a)*b', /alternatives can start with the same character/],
    ['(a|ab)+c', /alternatives can start with the same character/],
    ['(\\w|\\d)+!', /alternatives can start with the same character/],
    ['(x|[a-z])+!', /alternatives can start with the same character/],
    ['(A|a)+!', /alternatives can start with the same character/],
    ['(a?)+b', /nested quantifiers/],
    ['(?:a|)+b', /can match empty text/],
    ['(.)\\1', /backreferences/],
    ['(?<x>a)\\k<x>', /backreferences/],
    ['x\\s*\\s*y', /two quantifiers over the same characters/],
    ['\\d+\\w+!', /two quantifiers over the same characters/],
    ['\\d+\\d{1,30}', /two quantifiers over the same characters/],
    ['.{2,}a+', /two quantifiers over the same characters/],
    ['x(?:.{2,})a+', /two quantifiers over the same characters/],
    ['\\w+x\\w+', /two quantifiers over the same characters/],
    ['a.*b.*c', /two quantifiers over the same characters/],
    ['a.*\\n.*c', /two quantifiers over the same characters|more than one unbounded wildcard/],
    ['[^x]+x[^z]+', /two quantifiers over the same characters|more than one unbounded wildcard/],
    ['(?:a+){1,3}', /nested quantifiers/],
    ['(?:\\w\\d|.{1,30}){1,3}', /nested quantifiers/],
    ['a(?:a?.a?){2,}', /nested quantifiers/],
    ['a'.repeat(MAX_USER_PATTERN_LENGTH + 1), /longer than/],
  ];
  for (const [source, why] of unsafe) {
    it(`rejects ${source.length > 40 ? `${source.slice(0, 20)}…` : source} and says why`, () => {
      const text = reason(source);
      assert.ok(text, 'rejected');
      assert.match(text, why);
      assert.ok(text.includes(JSON.stringify(source)), 'quotes the expression');
    });
  }

  it('reports invalid expressions with the engine message', () => {
    assert.equal(reason('('), 'invalid regular expression "(": Unterminated group');
    assert.equal(reason('[a-'), 'invalid regular expression "[a-": Unterminated character class');
    assert.equal(reason('*x'), 'invalid regular expression "*x": Nothing to repeat');
  });

  it('rejects patterns that match empty text', () => {
    assert.match(reason('x?')!, /matches empty text/);
    assert.match(reason('')!, /empty regular expression/);
  });

  it('compiles with the flags given', () => {
    const result = compileUserPattern('bodge', 'i');
    assert.ok(result.ok);
    assert.equal(result.regex.test('BODGE'), true);
  });

  it('every accepted pattern finishes quickly on hostile text', () => {
    const hostile = ['a'.repeat(USER_PATTERN_INPUT_LIMIT), ' '.repeat(USER_PATTERN_INPUT_LIMIT), 'ab'.repeat(USER_PATTERN_INPUT_LIMIT / 2)];
    for (const source of [...safe, 'a+b', '(a|b)+c', '\\s+x', '.*x']) {
      const result = compileUserPattern(source, 'i');
      assert.ok(result.ok, source);
      for (const text of hostile) {
        const started = performance.now();
        execUserPattern(result.regex, `${text}${text}!`);
        assert.ok(performance.now() - started < 500, `${source} took too long`);
      }
    }
  });

  it('execUserPattern looks only at the first USER_PATTERN_INPUT_LIMIT characters', () => {
    const result = compileUserPattern('needle', 'i');
    assert.ok(result.ok);
    assert.ok(execUserPattern(result.regex, `needle${'x'.repeat(USER_PATTERN_INPUT_LIMIT)}`));
    assert.equal(execUserPattern(result.regex, `${'x'.repeat(USER_PATTERN_INPUT_LIMIT)}needle`), null);
  });
});
