import { strict as assert } from 'node:assert';
import { defaultEngineSettings } from '../../../src/core/config/model';
import { analyzeLexed } from '../../../src/core/engine';
import { lex } from '../../../src/core/lexer/index';
import { languageById } from '../../../src/core/languages/index';

// Speed is measured by `npm run bench`, never asserted here; this only proves termination.
describe('engine on adversarial input', () => {
  it('adversarial text never backtracks catastrophically', function () {
    this.timeout(60_000);
    const nasty = [
      `// ${'- '.repeat(20_000)}`,
      `/* ${'*'.repeat(50_000)} */`,
      `// TODO(${'('.repeat(10_000)}`,
      `// ${'remove '.repeat(5_000)}before`,
      `// ${'2025-'.repeat(10_000)}`,
      `// by ${'June '.repeat(10_000)}`,
      `try { x } catch (${'a'.repeat(50_000)}`,
      `// eslint-disable ${'-- '.repeat(10_000)}`,
      `# noqa: ${'E501,'.repeat(10_000)}`,
      `x = 1  # type: ignore[${'a'.repeat(50_000)}`,
      `curl ${'-x '.repeat(20_000)}`,
      `// https://github.com/${'a/'.repeat(20_000)}`,
      `// https://gitlab.com/${'a/'.repeat(20_000)}issues`,
    ];
    for (const [id, path] of [['typescript', 'a.test.ts'], ['python', 'test_a.py'], ['ruby', 'a_spec.rb'], ['yaml', 'ci.yml']] as const) {
      const language = languageById(id);
      assert.ok(language);
      for (const text of nasty) {
        const lexed = lex(text, language);
        // Catastrophic backtracking would take minutes: mocha's timeout is the guard, not a clock here.
        const findings = analyzeLexed({ text, path, language, settings: defaultEngineSettings(), now: '2025-11-27' }, lexed);
        assert.ok(Array.isArray(findings), `${id}: ${text.slice(0, 30)}…`);
      }
    }
  });
});
