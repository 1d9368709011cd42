import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { IgnorePlanner, planIgnore, type IgnorePlan } from '../../../src/core/fixes/ignore';
import { languageById, languageForPath } from '../../../src/core/languages';
import { lexesIncrementally } from '../../../src/core/lexer/incremental';
import type { LanguageSpec } from '../../../src/core/lexer/types';
import { RULE_IDS, type RuleId } from '../../../src/core/rules/ids';

/**
 * The planner re-lexes only around each place it tries (in a window of the text, else to the end);
 * the reference, the same planner told to relex 'whole', lexes the whole text again for each. Both
 * must decide the same on every line.
 */
function referencePlan(text: string, line: number, rule: RuleId, reason: string, language: LanguageSpec): IgnorePlan {
  return new IgnorePlanner(text, language, undefined, 'whole').plan(line, rule, reason);
}

const ROOT = path.resolve(__dirname, '..', '..', '..');
const RUNS = Number(process.env.QA_LENS_PROPERTY_RUNS ?? 60);

/** Pieces per language: what opens and closes its strings, comments and blocks, and findings. */
const PIECES: Record<string, string[]> = {
  typescript: [
    '\n', '\n', '\n', '\r\n', '  ', 'const a = ', '`', '`;', '${', '}', '{', '(', ')', '/*', '*/', '// x', '"', "'", '\\', 'return', '/x/g',
    'return /re/g', 'a / b', 'rejectUnauthorized: false', '// eslint-disable-next-line x\n', '// TODO: next sprint', 'x', 'é', '<div>', '</div>',
  ],
  typescriptreact: ['\n', '\n', '  ', 'return (', '<div a="', '">', '</div>', ')', '{', '}', '`', '${', '/*', '*/', '//', "'", '"', '<', 'x', 'a < b', 'return', '/x/'],
  python: [
    '\n', '\n', '\n', '    ', 'x = ', '"""', "'''", 'f"', 'r"', '"', "'", '#', '# pylint: disable-next=x\n', '\\', '\\\n', '{', '}', '(', ')',
    'pass', 'except Exception:', 'verify=False', 'x',
  ],
  shellscript: [
    '\n', '\n', '\n', 'cat <<EOF\n', 'EOF\n', '<<-EOF\n', '\tEOF\n', "<<'EOF'\n", '\\', '\\\n', '#', '# x', "'", '"', '$(', ')', '`', '  ',
    'curl -k x', 'echo ', 'case x in', 'esac', ';;', '\r\n',
  ],
  yaml: [
    '\n', '\n', '\n', '  ', '    ', '      ', '- ', 'run: |\n', 'run: >\n', 'script: |\n', 'shell: cmd\n', 'shell: pwsh\n', 'jobs:\n', 'steps:\n',
    '#', '# x', "'", '"', 'key: ', 'value', 'curl -k x', 'REM x', '<#', '#>', '|', '\r\n',
    'shell: python\n', '- uses: actions/github-script@v7\n', 'with:\n', '//', '/*', '*/', '`', '"""',
  ],
  c: ['\n', '\n', '\n', '\\\n', '\\', '//', '// x', '/*', '*/', '"', "'", '#define X ', 'x;', '  ', 'R"(', ')"', '{', '}'],
  rust: ['\n', '\n', 'r#"', '"#', '"', '/*', '*/', '//', "'a", "'", 'x', '{', '}', 'fn f() ', '  '],
  css: ['\n', '\n', '/*', '*/', ' * ', 'a { color: red; }', '"', "'", '  ', 'x', '{', '}'],
  html: ['\n', '\n', '<!--', '-->', '<div>', '</div>', '<script>', '</script>', '//', '/*', '*/', '`', '"', 'x', '  '],
};

const REASONS = ['staging only', 'legacy device \\', 'ends with */ here', 'x'];

/** The plan for every line (and one past the last), by the reference and by the planner given. */
function compareAllLines(text: string, languageId: string, planner: IgnorePlanner, tally: Map<string, number>, label: string): void {
  const language = languageById(languageId)!;
  const lineCount = text.split('\n').length;
  for (let line = 0; line <= lineCount; line++) {
    const rule = RULE_IDS[(line * 7) % RULE_IDS.length];
    const reason = REASONS[line % REASONS.length];
    const expected = referencePlan(text, line, rule, reason, language);
    assert.deepEqual(planner.plan(line, rule, reason), expected, `${label}: line ${line} of ${JSON.stringify(text)}`);
    count(tally, expected);
  }
}

function count(tally: Map<string, number>, plan: IgnorePlan): void {
  const key = plan.kind === 'refused' ? `refused: ${plan.why.slice(0, 40)}` : plan.kind;
  tally.set(key, (tally.get(key) ?? 0) + 1);
}

describe('ignore here: the planner decides as lexing the whole text for each place does', () => {
  for (const [languageId, pieces] of Object.entries(PIECES)) {
    it(`${languageId}: generated text, every line`, function () {
      this.timeout(120_000);
      const language = languageById(languageId)!;
      const tally = new Map<string, number>();
      const text = fc.array(fc.constantFrom(...pieces), { maxLength: 160, size: 'max' }).map((parts) => parts.join(''));
      fc.assert(
        fc.property(text, fc.constantFrom(1, 2, 8, 64), (t, spacing) => {
          // Checkpoints a few characters apart (at most lines): places fall between many, windows end
          // early, restart points follow a word on the line before (`return` then `/x/`).
          compareAllLines(t, languageId, new IgnorePlanner(t, language, spacing), tally, `spacing ${spacing}`);
        }),
        { numRuns: RUNS },
      );
      // The generated texts reach both answers (CSS has no string that spans lines), so the comparison is not vacuous.
      assert.ok((tally.get('edit') ?? 0) > 0, `${languageId}: no edit in ${JSON.stringify([...tally])}`);
      if (languageId !== 'css') assert.ok([...tally.keys()].some((key) => key.startsWith('refused')), `${languageId}: no refusal in ${JSON.stringify([...tally])}`);
    });
  }

  it('real files of this repository joined into long documents (default checkpoints), with lines that open strings and comments', function () {
    this.timeout(120_000);
    const byLanguage = new Map<string, string[]>();
    for (const file of sourceFiles()) {
      const language = languageForPath(file);
      if (!language || !['typescript', 'python', 'shellscript', 'yaml', 'css'].includes(language.id)) continue;
      const texts = byLanguage.get(language.id) ?? [];
      if (texts.join('\n').length < 120_000) texts.push(readFileSync(file, 'utf8'));
      byLanguage.set(language.id, texts);
    }
    assert.ok(byLanguage.has('typescript') && byLanguage.has('yaml'), `languages: ${[...byLanguage.keys()].join(', ')}`);
    const tally = new Map<string, number>();
    let tracked = 0;
    for (const [languageId, texts] of byLanguage) {
      const language = languageById(languageId)!;
      const rand = rng(languageId.length);
      const lines = texts.join('\n').split('\n');
      // Lines that open something the rest of the file is inside (until it is closed again).
      for (const opener of ['`', '"""', '/*', '<<EOF', '- run: |', '\\']) lines.splice(Math.floor(rand() * lines.length), 0, `x = ${opener}`);
      const text = lines.join('\n');
      const planner = new IgnorePlanner(text, language);
      if (lexesIncrementally(language)) tracked++;
      for (let i = 0; i < 40; i++) {
        const line = Math.floor(rand() * lines.length);
        const rule: RuleId = RULE_IDS[i % RULE_IDS.length];
        const expected = referencePlan(text, line, rule, 'staging only', language);
        assert.deepEqual(planner.plan(line, rule, 'staging only'), expected, `${languageId} line ${line}`);
        assert.deepEqual(planIgnore(text, line, rule, 'staging only', language), expected, `${languageId} line ${line}, planIgnore`);
        count(tally, expected);
      }
    }
    assert.ok(tracked >= 2, 'languages lexed incrementally');
    assert.ok((tally.get('edit') ?? 0) > 0 && [...tally.keys()].some((key) => key.startsWith('refused')), JSON.stringify([...tally]));
  });
});

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(full);
    }
  };
  for (const dir of ['src', 'demo', 'scripts', '.github', 'resources']) {
    try {
      walk(path.join(ROOT, dir));
    } catch {
      // Not in this checkout.
    }
  }
  return out.sort();
}

/** A deterministic pseudo-random sequence (the same lines on every run, so a failure reproduces). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
