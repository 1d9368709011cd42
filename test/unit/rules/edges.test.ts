import { strict as assert } from 'node:assert';
import { defaultEngineSettings } from '../../../src/core/config/model';
import { codeExcerpt, EXCERPT_LIMIT, excerptOf } from '../../../src/core/rules/hit';
import { LineIndex } from '../../../src/core/rules/lineIndex';
import { findDeadline, parseDeadlineDate } from '../../../src/core/rules/comments/deadlines';
import { findMarkerTags } from '../../../src/core/rules/comments/markers';
import { findTicket } from '../../../src/core/rules/comments/tickets';
import { languageById } from '../../../src/core/languages/index';
import { DocumentSession } from '../../../src/core/session';
import { analyze, brief } from '../engine/helpers';

/**
 * Boundaries the other rule tests leave open (each case was found by changing the code by one
 * character and seeing no test fail): excerpt limits, line ends, date validity, ticket shapes,
 * CRLF comment runs, the deadline warning window.
 */
describe('rule edges', () => {
  describe('excerpts are bounded at exactly EXCERPT_LIMIT characters', () => {
    it('a note of exactly the limit is kept whole; one character more is cut to the limit, ellipsis included', () => {
      const exact = 'a'.repeat(EXCERPT_LIMIT);
      assert.equal(excerptOf(exact), exact);
      const over = excerptOf('b'.repeat(EXCERPT_LIMIT + 1));
      assert.equal(over.length, EXCERPT_LIMIT);
      assert.ok(over.endsWith('…'));
    });

    it('a code line of exactly the limit is its own excerpt', () => {
      const line = `x = ${'y'.repeat(EXCERPT_LIMIT - 4)}`;
      assert.equal(line.length, EXCERPT_LIMIT);
      assert.equal(codeExcerpt(line, 0), line);
    });

    it('a long line is windowed around the trigger: an ellipsis only on a side that was cut', () => {
      const line = 'z'.repeat(1000);
      // Trigger near the end: the window ends at the line's end, so no trailing ellipsis.
      const atEnd = codeExcerpt(line, 990);
      assert.ok(atEnd.startsWith('…') && !atEnd.endsWith('…'), atEnd.slice(-5));
      // The window starts one character in: that character was cut, so a leading ellipsis.
      const oneIn = codeExcerpt(line, 1 + ((EXCERPT_LIMIT - 2) >> 1));
      assert.ok(oneIn.startsWith('…') && oneIn.endsWith('…'));
      assert.equal(oneIn.length, EXCERPT_LIMIT);
    });
  });

  describe('LineIndex line ends', () => {
    it('lineText excludes the line break and a CR before it', () => {
      const lines = new LineIndex('one\r\ntwo\nthree');
      assert.deepEqual([0, 1, 2].map((l) => lines.lineText(l)), ['one', 'two', 'three']);
      assert.equal(lines.lineEnd(0), 3);
      assert.equal(lines.lineEnd(1), 8);
    });

    it('an empty CRLF line has an empty text', () => {
      const lines = new LineIndex('\r\nx');
      assert.equal(lines.lineText(0), '');
      assert.equal(lines.lineEnd(0), 0);
    });
  });

  describe('deadlines', () => {
    it('a day past the end of its month is no date', () => {
      assert.equal(parseDeadlineDate('2025-02-29'), null);
      assert.equal(parseDeadlineDate('2025-04-31'), null);
      assert.equal(parseDeadlineDate('2024-02-29'), '2024-02-29');
      assert.equal(findDeadline('remove by 2025-04-31', null), null);
    });

    it('a day written before the month is that day, not the end of the month', () => {
      assert.equal(findDeadline('remove by 15 June 2026', null)?.iso, '2026-06-15');
      assert.equal(findDeadline('remove by June 15, 2026', null)?.iso, '2026-06-15');
    });

    it("a tag argument's parts may be separated by '|'", () => {
      assert.equal(findDeadline('TODO(alice|2026-01-15) x', 'alice|2026-01-15')?.iso, '2026-01-15');
    });

    it('dates in the 2100s are dates', () => {
      assert.equal(parseDeadlineDate('2101-06-30'), '2101-06-30');
    });
  });

  describe('ticket references', () => {
    it('a key needs at least two characters before the hyphen (rules.md: [A-Z][A-Z0-9]{1,9})', () => {
      assert.equal(findTicket('fix X-1 first', []), null);
      assert.equal(findTicket('fix XY-1 first', [])?.text, 'XY-1');
    });

    it('#number has at most seven digits', () => {
      assert.equal(findTicket('see #1234567', [])?.text, '#1234567');
      assert.equal(findTicket('see #12345678', []), null);
    });

    it('a user pattern that matches empty text somewhere is no ticket', () => {
      // /\b.../ passes the "does it match ''" safety check yet matches empty at any word start.
      assert.equal(findTicket('TODO: later', [/\b(?:T-\d+)?/g]), null);
    });

    it('GitHub pulls and discussions, GitLab work items are ticket URLs', () => {
      for (const url of [
        'https://github.com/o/r/pulls/12',
        'https://github.com/o/r/discussions/12',
        'https://gitlab.com/g/p/-/work_items/7',
      ]) {
        assert.equal(findTicket(`see ${url} for it`, [])?.text, url);
      }
    });
  });

  describe('marker tags', () => {
    it("a tag's argument stops at the end of its line", () => {
      const [tag] = findMarkerTags('TODO(alice\n2020-01-01) x');
      assert.equal(tag.argument, null);
    });

    it('a tag glued to a hyphenated word or inside a URL is no tag', () => {
      assert.deepEqual(findMarkerTags('the pre-TODO step'), []);
      assert.deepEqual(findMarkerTags('see https://x.io/?q=TODO'), []);
    });
  });

  describe('comments and notes (real lexer)', () => {
    it('line comments on consecutive CRLF lines are one comment', () => {
      const lf = analyze('typescript', 'src/a.ts', '// TODO: refactor\n// in the next sprint\nx();\n');
      const crlf = analyze('typescript', 'src/a.ts', '// TODO: refactor\r\n// in the next sprint\r\nx();\r\n');
      assert.deepEqual(brief(lf), ['1:4 deferred-to-sprint']);
      assert.deepEqual(brief(crlf), brief(lf));
    });

    it('only the last line of a block comment loses trailing stars', () => {
      const [finding] = analyze('typescript', 'src/a.ts', '/* TODO: keep **this**\n   note **/\n');
      assert.equal(finding.excerpt, 'TODO: keep **this** note');
    });
  });

  describe('judging a note', () => {
    it('a deadline exactly deadlineWarningDays away is raised to a warning', () => {
      const settings = { ...defaultEngineSettings(), deadlineWarningDays: 14 };
      const [edge] = analyze('typescript', 'src/a.ts', '// TODO(2025-12-11): x\n', settings, '2025-11-27');
      assert.equal(edge.ruleId, 'tracked-marker');
      assert.equal(edge.severity, 'warning');
      assert.match(edge.message, /due in 14 days/);
      const [later] = analyze('typescript', 'src/a.ts', '// TODO(2025-12-12): x\n', settings, '2025-11-27');
      assert.equal(later.severity, 'hint');
    });

    it('the suggested date is at least two sprints away', () => {
      const settings = { ...defaultEngineSettings(), sprintLengthDays: 14 };
      // 21 days to the end of the year: less than two sprints, so the end of next year.
      const [near] = analyze('typescript', 'src/a.ts', '// TODO: x\n', settings, '2025-12-10');
      assert.match(near.message, /TODO\(2026-12-31\)/);
      const [far] = analyze('typescript', 'src/a.ts', '// TODO: x\n', settings, '2025-12-03');
      assert.match(far.message, /TODO\(2025-12-31\)/);
    });

    it('a tracked deferral with no tag is placed at its first phrase, whichever rule it belongs to', () => {
      const [vagueFirst] = analyze('typescript', 'src/a.ts', '// hack for now, next sprint PROJ-12\n');
      assert.deepEqual(brief([vagueFirst]), ['1:9 tracked-marker']);
      const [sprintFirst] = analyze('typescript', 'src/a.ts', '// next sprint, for now PROJ-12\n');
      assert.deepEqual(brief([sprintFirst]), ['1:4 tracked-marker']);
    });

    it("a user marker phrase is judged as a tag, named in capitals", () => {
      const settings = { ...defaultEngineSettings(), phrases: { 'untracked-marker': [/@later\b/gi] } };
      const [finding] = analyze('typescript', 'src/a.ts', '// @later: tidy this\n', settings);
      assert.equal(finding.ruleId, 'untracked-marker');
      assert.equal(finding.tag, '@LATER');
    });
  });

  describe('code rules (real lexer)', () => {
    it("Go's t.SkipNow() switches a test off like t.Skip()", () => {
      const text = 'package a\n\nfunc TestX(t *testing.T) {\n\tt.SkipNow()\n\tb.Skipf("slow")\n}\n';
      assert.deepEqual(brief(analyze('go', 'a_test.go', text)), ['4:2 skipped-test', '5:2 skipped-test']);
    });

    it("xUnit's Skip = is reported at Skip, not at another property named Skip...", () => {
      const text = 'public class ATests {\n  [Fact(SkipUnless = nameof(IsWindows), Skip = "Windows only")]\n  public void X() {}\n}\n';
      const [finding] = analyze('csharp', 'ATests.cs', text);
      assert.deepEqual([finding.ruleId, finding.line, finding.column, finding.endColumn], ['skipped-test', 2, 41, 45]);
    });

    it('a skip that is the only statement of an else body is guarded', () => {
      const text = 'package a\n\nfunc TestX(t *testing.T) {\n\tif fast {\n\t\treturn\n\t} else {\n\t\tt.Skip("slow")\n\t}\n}\n';
      assert.deepEqual(brief(analyze('go', 'a_test.go', text)), []);
    });

    it("a method named catch is no catch block (Kotlin's flow.catch { })", () => {
      assert.deepEqual(brief(analyze('kotlin', 'A.kt', 'fun f() { flow.catch { } }\n')), []);
      assert.deepEqual(brief(analyze('kotlin', 'A.kt', 'fun f() { try { g() } catch (e: Exception) { } }\n')), ['1:23 swallowed-error']);
    });

    it('an except whose body is only ... is swallowed like pass', () => {
      assert.deepEqual(brief(analyze('python', 'a.py', 'try:\n    f()\nexcept ValueError:\n    ...\n')), ['3:1 swallowed-error']);
    });
  });

  describe('incremental analysis', () => {
    it("an edit far below a file's JUnit import still reads @Ignore as JUnit's", () => {
      const language = languageById('java');
      assert.ok(language);
      const filler = Array.from({ length: 1000 }, (_, i) => `  int field${i} = ${i};`).join('\n');
      const before = `import org.junit.Test;\n\nclass Slow {\n${filler}\n  void x() {}\n}\n`;
      const at = before.indexOf('  void x()');
      const after = `${before.slice(0, at)}  @Ignore\n${before.slice(at)}`;
      const session = new DocumentSession({ path: 'src/Slow.java', language, settings: defaultEngineSettings() });
      assert.deepEqual(brief(session.analyze(before, '2025-11-27')), []);
      const updated = session.update(after, { start: at, oldEnd: at, newEnd: at + '  @Ignore\n'.length }, '2025-11-27');
      assert.deepEqual(brief(updated), ['1004:3 skipped-test']);
    });
  });

  describe('what counts as a reason (rules.md)', () => {
    const found = (text: string, languageId = 'typescript', path = 'src/a.ts'): string[] => brief(analyze(languageId, path, text));

    it('three characters of text are a reason, two are not', () => {
      assert.deepEqual(found('f(); // NOSONAR why\n'), []);
      assert.deepEqual(found('f(); // NOSONAR ok\n'), ['1:9 suppressed-check']);
    });

    it('a reason needs a letter, and rule codes in a list are no reason', () => {
      assert.deepEqual(found('f(); // NOSONAR 1234\n'), ['1:9 suppressed-check']);
      assert.deepEqual(found('x = f()  # type: ignore  # E501, W291\n', 'python', 'a.py'), ['1:12 suppressed-check']);
    });

    it("ESLint's reason comes only after a free-standing --", () => {
      assert.deepEqual(found('f(); // eslint-disable-line no-console --reason here\n'), ['1:9 suppressed-check']);
      assert.deepEqual(found('f(); // eslint-disable-line no-console -- reason here\n'), []);
    });

    it('a directive that follows another is not the first one\'s reason', () => {
      assert.deepEqual(found('x = f()  # type: ignore  # noqa: E501 -- generated\n', 'python', 'a.py'), ['1:12 suppressed-check']);
    });

    it('an inline ignore may follow other text in a block comment', () => {
      assert.deepEqual(found('const o = { rejectUnauthorized: false }; /* note qa-lens-ignore insecure-shortcut -- local test server */\n'), []);
    });

    it('an inline ignore naming no known rule silences nothing and is not itself reported', () => {
      assert.deepEqual(found('try { f(); } catch {} // qa-lens-ignore swallowd-error\n'), ['1:14 swallowed-error']);
    });
  });
});
