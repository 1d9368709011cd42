import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { defaultEngineSettings } from '../../../src/core/config/model';
import { analyzeDocument } from '../../../src/core/engine';
import { LANGUAGES, languageForPath } from '../../../src/core/languages';
import { lex } from '../../../src/core/lexer';
import { lexTracked, relex, type TextChange } from '../../../src/core/lexer/incremental';
import { buildCode } from '../../../src/core/lexer/mask';
import { DocumentSession } from '../../../src/core/session';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const settings = defaultEngineSettings();
const NOW = '2026-06-01';

/** Snippets an edit inserts: rule triggers, and everything that opens or closes a construct. */
const SNIPPETS = [
  '\n', '\n\n', ';', '}', '{', '(', ')', '[', ']', '"', "'", '`', '/', '*', '/*', '*/', '//', '#', '${', '<div>', '</div>', '<',
  '// TODO: fix it next sprint\n', '// FIXME(ABC-12): ok\n', '/* HACK */', '# TODO later\n', '  } catch (e) {}\n',
  'catch (error) {\n}\n', 'it.only("x", () => {});\n', 'describe.skip("y", () => {\n', '// eslint-disable-next-line\n',
  '// @ts-ignore\n', '// qa-lens-ignore todo-untracked -- generated\n', 'rejectUnauthorized: false,\n', 'return /re/g;\n',
  'x = a / b / c;\n', '"""doc TODO"""\n', '<<EOF\nTODO\nEOF\n', 'except Exception:\n    pass\n', 'rescue\nend\n',
  'const s = `a ${b} TODO`;\n', 'x', ' ', '\r\n', 'é', '\u{1F600}',
];

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** Real files of this repository in every language it holds (sources, tests, demo, resources). */
function realFiles(): Array<{ rel: string; text: string }> {
  const files = [...walk(path.join(ROOT, 'src'), []), ...walk(path.join(ROOT, 'demo'), []), ...walk(path.join(ROOT, 'test', 'unit', 'engine'), [])];
  return files
    .map((full) => ({ rel: path.relative(ROOT, full).split(path.sep).join('/'), text: readFileSync(full, 'utf8') }))
    .filter((f) => languageForPath(f.rel) !== undefined && f.text.length < 200_000);
}

/** A deterministic pseudo-random sequence (the same edits on every run, so a failure reproduces). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function applyEdit(text: string, rand: () => number): { text: string; change: TextChange } {
  const start = Math.floor(rand() * (text.length + 1));
  const deleted = rand() < 0.4 ? Math.min(text.length - start, Math.floor(rand() * 40)) : 0;
  const inserted = rand() < 0.85 ? SNIPPETS[Math.floor(rand() * SNIPPETS.length)] : '';
  return {
    text: text.slice(0, start) + inserted + text.slice(start + deleted),
    change: { start, oldEnd: start + deleted, newEnd: start + inserted.length },
  };
}

const TRIGGER_LINES = [
  '// TODO: fix it next sprint', '# FIXME later', '/* HACK: temporary */', '} catch (e) {}', 'it.only("x", () => {});',
  '// eslint-disable-next-line', 'rejectUnauthorized: false,', '-- TODO: index', '<!-- TODO: alt text -->', '; XXX',
];

/** The file with trigger lines spread over it, so there are findings before, inside and after edits. */
function seeded(text: string, rand: () => number): string {
  const lines = text.split('\n');
  for (let i = 0; i < 12; i++) lines.splice(Math.floor(rand() * lines.length), 0, TRIGGER_LINES[Math.floor(rand() * TRIGGER_LINES.length)]);
  return lines.join('\n');
}

describe('incremental analysis (DocumentSession)', () => {
  it('gives exactly the whole-document findings after random edits of real files, in every language here', function () {
    this.timeout(120_000);
    const files = realFiles();
    assert.ok(files.length > 100, `found ${files.length} files`);
    const languages = new Set<string>();
    let edits = 0;
    let withFindings = 0;
    files.forEach((file, n) => {
      const language = languageForPath(file.rel);
      assert.ok(language);
      languages.add(language.id);
      const rand = rng(n + 1);
      // Small checkpoint spacing: many restart points and rule windows, so edits land near them.
      const session = new DocumentSession({ path: file.rel, language, settings }, 64);
      let text = seeded(file.text, rand);
      assert.deepEqual(session.analyze(text, NOW), analyzeDocument({ text, path: file.rel, language, settings, now: NOW }));
      for (let i = 0; i < 12; i++) {
        const edit = applyEdit(text, rand);
        text = edit.text;
        const expected = analyzeDocument({ text, path: file.rel, language, settings, now: NOW });
        const actual = session.update(text, edit.change, NOW);
        if (expected.length > 0) withFindings++;
        edits++;
        assert.deepEqual(actual, expected, `${file.rel} after edit ${i} (${JSON.stringify(edit.change)})`);
      }
    });
    assert.ok(languages.size >= 8, `languages: ${[...languages].join(', ')}`);
    assert.ok(withFindings > edits / 4, `${withFindings} of ${edits} edited versions had findings`);
  });

  it('gives exactly the whole-document findings after random edits of long files (rule windows smaller than the file)', function () {
    this.timeout(120_000);
    // Real files of one language joined until they are far longer than the rules' context (a few
    // thousand characters each side of an edit), so edits land before, inside and past windows.
    const byLanguage = new Map<string, { rel: string; texts: string[]; length: number }>();
    for (const file of realFiles()) {
      const language = languageForPath(file.rel);
      if (!language) continue;
      const entry = byLanguage.get(language.id) ?? { rel: file.rel, texts: [], length: 0 };
      if (entry.length > 60_000 || file.text.length === 0) continue;
      entry.texts.push(file.text);
      entry.length += file.text.length;
      byLanguage.set(language.id, entry);
    }
    let windows = 0;
    [...byLanguage.values()].forEach((entry, n) => {
      const language = languageForPath(entry.rel)!;
      const rand = rng(1000 + n);
      const session = new DocumentSession({ path: entry.rel, language, settings }, 64);
      // A language with few files here gets them repeated, each copy seeded differently.
      const copies: string[] = [];
      for (let length = 0; length < 20_000; length += entry.length) copies.push(seeded(entry.texts.join('\n'), rand));
      let text = copies.join('\n');
      session.analyze(text, NOW);
      for (let i = 0; i < 25; i++) {
        const edit = applyEdit(text, rand);
        text = edit.text;
        windows++;
        assert.deepEqual(session.update(text, edit.change, NOW), analyzeDocument({ text, path: entry.rel, language, settings, now: NOW }), `${entry.rel} (${language.id}) after edit ${i}`);
      }
    });
    assert.ok(windows >= 200, `${windows} edits of long files in ${byLanguage.size} languages`);
  });

  it('gives exactly the whole-document findings on random text in every language of the table', function () {
    this.timeout(120_000);
    const pieces = fc.array(fc.constantFrom(...SNIPPETS, 'a', 'b', '  ', 'return', '=', 'EOF'), { maxLength: 80 }).map((a) => a.join(''));
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 30 }), insert: pieces });
    for (const language of LANGUAGES) {
      fc.assert(
        fc.property(pieces, fc.array(edit, { minLength: 1, maxLength: 4 }), (initial, edits) => {
          const session = new DocumentSession({ path: `x/file.${language.id}`, language, settings }, 16);
          let text = initial;
          session.analyze(text, NOW);
          for (const e of edits) {
            const start = e.at % (text.length + 1);
            const oldEnd = Math.min(text.length, start + e.del);
            text = text.slice(0, start) + e.insert + text.slice(oldEnd);
            const actual = session.update(text, { start, oldEnd, newEnd: start + e.insert.length }, NOW);
            assert.deepEqual(actual, analyzeDocument({ text, path: `x/file.${language.id}`, language, settings, now: NOW }), language.id);
          }
        }),
        { numRuns: Number(process.env.QA_LENS_PROPERTY_RUNS ?? 40) },
      );
    }
  });

  it('re-lexes a few lines, not the file, and reproduces the whole lex', () => {
    const language = languageForPath('big.ts');
    assert.ok(language);
    const block = 'export function f(a: number): number {\n  // compute it\n  const x = a * 2; /* inline */\n  return x;\n}\n';
    const text = block.repeat(2000);
    const tracked = lexTracked(text, language);
    assert.ok(tracked);
    assert.ok(tracked.checkpoints.length > 50, `${tracked.checkpoints.length} checkpoints`);
    const at = text.length / 2 + 3;
    const next = `${text.slice(0, at)}// TODO new\n${text.slice(at)}`;
    const { lex: relexed, from, to } = relex(tracked, next, { start: at, oldEnd: at, newEnd: at + 12 }, language);
    assert.ok(to - from < 5000, `re-lexed ${to - from} characters of ${next.length}`);
    const whole = lex(next, language);
    assert.deepEqual(relexed.comments, whole.comments);
    assert.equal(buildCode(next, relexed.masks), whole.code);
  });

  it('analyses the whole text again when the change does not describe it', () => {
    const language = languageForPath('a.ts');
    assert.ok(language);
    const session = new DocumentSession({ path: 'a.ts', language, settings });
    session.analyze('const a = 1;\n', NOW);
    const text = '// TODO: later\nconst a = 1;\n';
    const expected = analyzeDocument({ text, path: 'a.ts', language, settings, now: NOW });
    assert.equal(expected.length, 1);
    assert.deepEqual(session.update(text, { start: 0, oldEnd: 0, newEnd: 3 }, NOW), expected);
    assert.deepEqual(session.update(text, { start: -1, oldEnd: 0, newEnd: 0 }, NOW), expected);
  });

  it('recomputes deadlines when the day changes', () => {
    const language = languageForPath('a.ts');
    assert.ok(language);
    const session = new DocumentSession({ path: 'a.ts', language, settings });
    const text = '// TODO(2026-06-10): ship the fix\nconst a = 1;\n';
    session.analyze(text, '2026-06-01');
    const later = session.update(`${text}\n`, { start: text.length, oldEnd: text.length, newEnd: text.length + 1 }, '2026-07-01');
    assert.deepEqual(later, analyzeDocument({ text: `${text}\n`, path: 'a.ts', language, settings, now: '2026-07-01' }));
  });
});
