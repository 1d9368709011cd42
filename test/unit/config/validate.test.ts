import { strict as assert } from 'node:assert';
import { validateConfigText, validateConfigValues } from '../../../src/core/config/validate';
import { builtInLanguageIds } from '../../../src/core/languages';
import { formatProblem } from '../../../src/core/types';

const PATH = '.quality/config.json';

/** The problems of `text` as `line:column: message`. */
function problemsOf(text: string): string[] {
  return validateConfigText(text, PATH).problems.map((p) => formatProblem(p).slice(PATH.length + 1));
}

describe('config validation', () => {
  it('accepts the formats.md example with no problem', () => {
    const text = JSON.stringify({
      rules: { 'untracked-marker': 'hint', 'insecure-shortcut': 'off' },
      phrases: { 'vague-deferral': ['\\bbodge\\b'], 'deferred-to-sprint': ['next PI'] },
      ticketPatterns: ['\\bPROJ-\\d+\\b'],
      exclude: ['vendor/**', '**/*.generated.ts'],
      maxFileSize: 1048576,
      sprintLengthDays: 14,
      deadlineWarningDays: 14,
      budgets: { 'src/legacy/**': 40, '**': 400 },
      languages: { '**/*.tpl': 'html', Jenkinsfile: 'groovy' },
      testFiles: ['e2e/**'],
      constitution: 'docs/engineering/CONSTITUTION.md',
      ticketUrl: 'https://acme.atlassian.net/browse/{id}',
      reviews: { folder: '.quality/reviews', base: 'main' },
    }, null, 2);
    const { config, problems } = validateConfigText(text, PATH);
    assert.deepEqual(problems, []);
    assert.deepEqual(validateConfigText(text, PATH, { languageIds: builtInLanguageIds() }).problems, [], 'html and groovy are built in');
    assert.deepEqual(config.rules, { 'untracked-marker': 'hint', 'insecure-shortcut': 'off' });
    assert.deepEqual(config.phrases, { 'vague-deferral': ['\\bbodge\\b'], 'deferred-to-sprint': ['next PI'] });
    assert.equal(config.maxFileSize, 1048576);
    assert.deepEqual(config.reviews, { folder: '.quality/reviews', base: 'main' });
  });

  it('reports an invalid regular expression at the expression, naming the key, and keeps the rest', () => {
    const text = '{\n  "rules": { "untracked-marker": "hint" },\n  "phrases": {\n    "vague-deferral": [\n      "(", "\\\\bbodge\\\\b"\n    ]\n  }\n}\n';
    const { config, problems } = validateConfigText(text, PATH);
    assert.deepEqual(problems.map(formatProblem), ['.quality/config.json:5:7: phrases.vague-deferral: invalid regular expression "(": Unterminated group']);
    assert.deepEqual(config.phrases, { 'vague-deferral': ['\\bbodge\\b'] });
    assert.deepEqual(config.rules, { 'untracked-marker': 'hint' });
  });

  it('reports a catastrophic pattern and says why', () => {
    const lines = problemsOf('{"ticketPatterns": ["(a+)+b", "\\\\bPROJ-\\\\d+\\\\b"]}');
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^1:21: ticketPatterns: regular expression "\(a\+\)\+b" rejected: nested quantifiers/);
  });

  const cases: Array<[name: string, text: string, expected: string]> = [
    ['unknown key with a suggestion', '{\n  "rule": {}\n}', '2:3: unknown key "rule" (did you mean "rules"?); it is ignored'],
    ['unknown rule id', '{ "rules": {\n    "todo-marker": "off" } }', '2:5: rules: unknown rule id "todo-marker"'],
    ['rule id with a typo', '{"rules": {"focused-tests": "off"}}', '1:12: rules: unknown rule id "focused-tests" (did you mean "focused-test"?)'],
    ['invalid severity', '{"rules": {"focused-test": "fatal"}}', '1:28: rules.focused-test: expected one of "error", "warning", "information", "hint", "off", not "fatal"'],
    ['phrases for a code rule', '{"phrases": {"skipped-test": ["x"]}}', '1:14: phrases: "skipped-test" is a code rule; phrases apply only to the comment rules (expired-deadline, deferred-to-sprint, vague-deferral, untracked-marker, tracked-marker)'],
    ['phrases not an array', '{"phrases": {"vague-deferral": "bodge"}}', '1:32: phrases.vague-deferral: expected an array, not a string'],
    ['wrong type', '{\n\t"maxFileSize": "1MB"\n}', '2:17: maxFileSize: expected a whole number, 1 or more, not "1MB"'],
    ['negative number', '{"deadlineWarningDays": -1}', '1:25: deadlineWarningDays: expected a whole number, 0 or more, not -1'],
    ['fraction', '{"sprintLengthDays": 1.5}', '1:22: sprintLengthDays: expected a whole number, 1 or more, not 1.5'],
    ['root not an object', '[1, 2]', '1:1: the configuration must be a JSON object, not an array'],
    ['budget not a number', '{"budgets": {"src/**": "ten"}}', '1:24: budgets["src/**"]: expected a whole number, 0 or more, not "ten"'],
    ['reviews unknown key', '{"reviews": {"dir": "x"}}', '1:14: reviews: unknown key "dir"; it is ignored'],
    ['ticketUrl without {id}', '{"ticketUrl": "https://x.test/browse"}', '1:15: ticketUrl: the URL has no "{id}" placeholder, so every ticket would link to the same page'],
    ['duplicate key', '{"maxFileSize": 1,\n "maxFileSize": 2}', '2:2: maxFileSize: duplicate key; the last one applies'],
    ['empty exclude glob', '{"exclude": ["ok/**", ""]}', '1:23: exclude: must not be empty'],
    ['empty pattern', '{"ticketPatterns": [""]}', '1:21: ticketPatterns: empty regular expression (it would match everywhere)'],
    ['pattern matching empty text', '{"ticketPatterns": ["x?"]}', '1:21: ticketPatterns: regular expression "x?" matches empty text, so it would match everywhere'],
    ['CRLF line endings', '{\r\n  "rules": {\r\n    "nope": "off"\r\n  }\r\n}\r\n', '3:5: rules: unknown rule id "nope"'],
    ['BOM does not shift columns', '\uFEFF{"nope": 1}', '1:2: unknown key "nope"; it is ignored'],
  ];
  for (const [name, text, expected] of cases) {
    it(`reports ${name} with its line and column`, () => {
      assert.deepEqual(problemsOf(text), [expected]);
    });
  }

  it('keeps every valid key when others are wrong', () => {
    const { config, problems } = validateConfigText('{"maxFileSize": "big", "exclude": ["dist/**"], "rules": {"x": "off", "skipped-test": "hint"}}', PATH);
    assert.equal(problems.length, 2);
    assert.deepEqual(config, { exclude: ['dist/**'], rules: { 'skipped-test': 'hint' } });
  });

  const syntax: Array<[name: string, text: string, expected: string]> = [
    ['a trailing comma', '{\n  "rules": {},\n}', '3:1: invalid JSON: trailing comma before "}"'],
    ['a missing comma', '{\n  "maxFileSize": 1\n  "exclude": []\n}', '3:3: invalid JSON: expected "," or "}" but found "\\""'],
    ['a comment', '{\n  // team settings\n  "rules": {}\n}', '2:3: invalid JSON: comments are not allowed in JSON'],
    ['an unterminated string', '{"exclude": ["vendor/**]}', '1:14: invalid JSON: unterminated string'],
    ['a single-backslash regex', '{"ticketPatterns": ["\\d+"]}', '1:22: invalid JSON: invalid escape "\\d" in a string (a regular expression\'s backslash is written "\\\\" in JSON)'],
    ['single quotes', "{'rules': {}}", '1:2: invalid JSON: expected a property name in double quotes but found "\'"'],
    ['an empty file', '  \n', '2:1: invalid JSON: the file is empty: expected a JSON object'],
    ['text after the value', '{} {}', '1:4: invalid JSON: unexpected "{" after the end of the JSON value'],
    ['a bare word', '{"maxFileSize": big}', '1:17: invalid JSON: expected a value but found "big"'],
  ];
  for (const [name, text, expected] of syntax) {
    it(`reports ${name} as invalid JSON at its line and column`, () => {
      const result = validateConfigText(text, PATH);
      assert.ok(result.syntaxError, 'a syntax error');
      assert.deepEqual(result.config, {});
      assert.deepEqual(problemsOf(text), [expected]);
    });
  }

  it('agrees with JSON.parse on the values of valid JSON', () => {
    const text = '{"languages": {"a\\u00e9\\n\\"": "x"}, "budgets": {"**": 1e2}}';
    const { config, problems } = validateConfigText(text, PATH);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, JSON.parse(text));
  });

  it('warns, with its line, about a language id the run does not know, only when told which ids it knows', () => {
    const text = '{\n  "languages": {\n    "**/*.tpl": "klingon",\n    "**/*.tmpl": "htlm",\n    "Jenkinsfile": "groovy"\n  }\n}\n';
    const { config, problems } = validateConfigText(text, PATH, { languageIds: builtInLanguageIds() });
    assert.deepEqual(problems.map((p) => `${formatProblem(p).slice(PATH.length + 1)} [${p.severity}]`), [
      '3:17: languages["**/*.tpl"]: "klingon" is not a language qa-lens knows; the entry is ignored: matching files are typed by their name or extension, or skipped when neither is known [warning]',
      '4:18: languages["**/*.tmpl"]: "htlm" is not a language qa-lens knows (did you mean "html"?); the entry is ignored: matching files are typed by their name or extension, or skipped when neither is known [warning]',
    ]);
    assert.deepEqual(config.languages, { '**/*.tpl': 'klingon', '**/*.tmpl': 'htlm', Jenkinsfile: 'groovy' }, 'kept: a warning, not an error');
    // The editor knows more languages (from installed extensions) only at run time: no warning there.
    assert.deepEqual(validateConfigText(text, PATH).problems, []);
  });

  it('checks values that come from no file (the editor settings) as it checks the file: what is wrong is left out and said', () => {
    const { config, problems } = validateConfigValues({
      exclude: 'src/**',
      ticketPatterns: ['(x', '\\bPROJ-\\d+\\b'],
      phrases: { 'vague-deferral': 'rounding', 'deferred-to-sprint': ['next PI'] },
      maxFileSize: 'big',
      rules: { 'untracked-marker': 'fatal', 'skipped-test': 'hint' },
      sprintLengthDays: 10,
    });
    assert.deepEqual(problems.map((p) => p.message.replace(/:.*/, '')), ['exclude', 'ticketPatterns', 'phrases.vague-deferral', 'maxFileSize', 'rules.untracked-marker']);
    assert.deepEqual(config, { ticketPatterns: ['\\bPROJ-\\d+\\b'], phrases: { 'deferred-to-sprint': ['next PI'] }, rules: { 'skipped-test': 'hint' }, sprintLengthDays: 10 });
  });

  it('leaves out a list of values whose every entry is wrong, rather than an empty list that would erase the team\'s', () => {
    const { config, problems } = validateConfigValues({ ticketPatterns: ['(PROJ'], phrases: { 'vague-deferral': ['(x'], 'deferred-to-sprint': ['next PI'] }, exclude: [''] });
    assert.equal(problems.length, 3);
    assert.deepEqual(config, { phrases: { 'deferred-to-sprint': ['next PI'] } });
  });
});
