import * as assert from 'node:assert/strict';
import { addDeadlineEdit, isoDaysFrom, validateDeadline } from '../../../src/core/fixes/deadline';
import { ignoreEdit, ignoreEditForText, ignoreRefusal } from '../../../src/core/fixes/ignore';
import { applyLineEdit, type LineEdit } from '../../../src/core/fixes/lineEdit';
import { addReasonEdit, convertTsIgnoreEdit, suppressionToolAt } from '../../../src/core/fixes/suppression';
import { addTicketEdit } from '../../../src/core/fixes/ticket';
import { languageById } from '../../../src/core/languages/index';
import type { RuleId } from '../../../src/core/rules/ids';
import type { Finding } from '../../../src/core/types';
import { analyze, TODAY } from '../engine/helpers';

/** The single finding of `rule` in a snippet (the engine decides where it is). */
function only(languageId: string, path: string, text: string, rule: RuleId): Finding {
  const found = analyze(languageId, path, text).filter((f) => f.ruleId === rule);
  assert.equal(found.length, 1, `expected one ${rule} in ${JSON.stringify(text)}, got ${JSON.stringify(found)}`);
  return found[0];
}

function lineOf(text: string, finding: Finding): string {
  return text.split('\n')[finding.line - 1];
}

type EditFor = (finding: Finding, lineText: string) => LineEdit | null;

/** Applies the fix for the finding and returns the fixed text and its findings by the real engine. */
function fix(languageId: string, path: string, text: string, rule: RuleId, edit: EditFor): { text: string; rules: string[] } {
  const finding = only(languageId, path, text, rule);
  const change = edit(finding, lineOf(text, finding));
  assert.ok(change, 'the fix made no edit');
  const fixed = applyLineEdit(text, change);
  return { text: fixed, rules: analyze(languageId, path, fixed).map((f) => f.ruleId) };
}

const ticket = (t: string): EditFor => (f, line) => addTicketEdit(f.line - 1, line, f.column - 1, f.tag, t);
const deadline = (d: string): EditFor => (f, line) => addDeadlineEdit(f.line - 1, line, f.column - 1, f.tag, d);
const reason = (r: string): EditFor => (f, line) => addReasonEdit(f.line - 1, line, f.column - 1, r);

describe('quick fix edits (applied, then checked by the real engine)', () => {
  describe('add a ticket reference', () => {
    it('writes the ticket as the marker argument', () => {
      const result = fix('typescript', 'a.ts', '// TODO: we will fix it next sprint\nconst a = 1;\n', 'deferred-to-sprint', ticket('SHOP-12'));
      assert.equal(result.text, '// TODO(SHOP-12): we will fix it next sprint\nconst a = 1;\n');
      assert.deepEqual(result.rules, ['tracked-marker']);
    });

    it('adds to an owner argument', () => {
      const result = fix('python', 'a.py', 'x = 1  # FIXME(alice) handle retries\n', 'untracked-marker', ticket('#42'));
      assert.equal(result.text, 'x = 1  # FIXME(alice, #42) handle retries\n');
      assert.deepEqual(result.rules, ['tracked-marker']);
    });

    it('appends to a tagless deferral, before a block comment closer', () => {
      const result = fix('typescript', 'a.ts', 'const a = 1; /* quick hack */\n', 'vague-deferral', ticket('OPS-7'));
      assert.equal(result.text, 'const a = 1; /* quick hack (OPS-7) */\n');
      assert.deepEqual(result.rules, ['tracked-marker']);
    });

    it('works with an @-prefixed tag and SQL comments', () => {
      const result = fix('sql', 'm.sql', '-- @TODO drop is_paid after launch\nSELECT 1;\n', 'deferred-to-sprint', ticket('DB-3'));
      assert.equal(result.text, '-- @TODO(DB-3) drop is_paid after launch\nSELECT 1;\n');
      assert.deepEqual(result.rules, ['tracked-marker']);
    });
  });

  describe('add a deadline', () => {
    it('writes TODO(YYYY-MM-DD)', () => {
      const result = fix('typescript', 'a.ts', '// TODO: validate input\n', 'untracked-marker', deadline('2026-12-31'));
      assert.equal(result.text, '// TODO(2026-12-31): validate input\n');
      assert.deepEqual(result.rules, ['tracked-marker']);
    });

    it('replaces an expired date in the argument, keeping the owner', () => {
      const result = fix('typescript', 'a.ts', '// TODO(alice, 2025-06-30): remove the flag\n', 'expired-deadline', deadline('2026-12-31'));
      assert.equal(result.text, '// TODO(alice, 2026-12-31): remove the flag\n');
      assert.deepEqual(result.rules, ['tracked-marker']);
    });

    it('replaces a keyword date', () => {
      const result = fix('python', 'a.py', '# HACK: remove after June 2025\n', 'expired-deadline', deadline('2026-12-31'));
      assert.equal(result.text, '# HACK: remove after 2026-12-31\n');
      assert.deepEqual(result.rules, ['tracked-marker']);
    });

    it('adds "by <date>" to a tagless deferral', () => {
      const result = fix('typescript', 'a.ts', '// hardcoded for now\n', 'vague-deferral', deadline('2026-12-31'));
      assert.equal(result.text, '// hardcoded for now by 2026-12-31\n');
      assert.deepEqual(result.rules, ['tracked-marker']);
    });

    it('validates the date', () => {
      assert.equal(validateDeadline('2026-01-31', TODAY), null);
      assert.match(validateDeadline('31/01/2026', TODAY) ?? '', /YYYY-MM-DD/);
      assert.match(validateDeadline('2026-02-30', TODAY) ?? '', /not a date/);
      assert.match(validateDeadline('2025-01-01', TODAY) ?? '', /past/);
      assert.equal(isoDaysFrom('2025-12-20', 28), '2026-01-17');
    });
  });

  describe('add a reason to a suppression, in its tool syntax', () => {
    const cases: Array<[string, string, string, string]> = [
      ['typescript', 'a.ts', '// eslint-disable-next-line no-console\nconsole.log(1);\n', '// eslint-disable-next-line no-console -- CLI output\nconsole.log(1);\n'],
      ['typescript', 'a.ts', '/* eslint-disable no-console */\n', '/* eslint-disable no-console -- CLI output */\n'],
      ['typescript', 'a.ts', '// @ts-expect-error\nconst x: number = "a";\n', '// @ts-expect-error CLI output\nconst x: number = "a";\n'],
      ['python', 'a.py', 'URL = "x"  # noqa: E501\n', 'URL = "x"  # noqa: E501 -- CLI output\n'],
      ['python', 'a.py', 'x = y.z  # type: ignore[attr-defined]\n', 'x = y.z  # type: ignore[attr-defined]  # CLI output\n'],
      ['python', 'a.py', 'import os  # pylint: disable=unused-import\n', 'import os  # pylint: disable=unused-import -- CLI output\n'],
      ['ruby', 'a.rb', 'x = 1 # rubocop:disable Style/Foo\n', 'x = 1 # rubocop:disable Style/Foo -- CLI output\n'],
      ['go', 'a.go', 'package a\n\nfunc f() {\n\tg() //nolint:errcheck\n}\n', 'package a\n\nfunc f() {\n\tg() //nolint:errcheck // CLI output\n}\n'],
      ['java', 'A.java', 'class A {\n  @SuppressWarnings("unchecked")\n  void f() {}\n}\n', 'class A {\n  @SuppressWarnings("unchecked")  // CLI output\n  void f() {}\n}\n'],
      ['typescript', 'a.ts', 'const a = 1; // NOSONAR\n', 'const a = 1; // NOSONAR CLI output\n'],
      ['typescript', 'a.ts', '// qa-lens-ignore swallowed-error\ntry { f(); } catch {}\n', '// qa-lens-ignore swallowed-error -- CLI output\ntry { f(); } catch {}\n'],
    ];
    for (const [language, path, text, expected] of cases) {
      it(`${language}: ${text.split('\n').find((l) => /eslint|ts-|noqa|type:|pylint|rubocop|nolint|Suppress|NOSONAR|qa-lens/.test(l))?.trim()}`, () => {
        const result = fix(language, path, text, 'suppressed-check', reason('CLI output'));
        assert.equal(result.text, expected);
        assert.ok(!result.rules.includes('suppressed-check'), `still reported: ${result.rules.join(', ')}`);
      });
    }

    it('offers no reason for @ts-ignore: it is converted instead', () => {
      const text = '// @ts-ignore\nconst x: number = "a";\n';
      const finding = only('typescript', 'a.ts', text, 'suppressed-check');
      assert.equal(suppressionToolAt(lineOf(text, finding), finding.column - 1), 'ts-ignore');
      assert.equal(addReasonEdit(0, lineOf(text, finding), finding.column - 1, 'x'), null);
    });
  });

  describe('convert @ts-ignore', () => {
    it('to @ts-expect-error with the reason', () => {
      const result = fix('typescript', 'a.ts', '  // @ts-ignore\n  const x: number = "a";\n', 'suppressed-check', (f, line) =>
        convertTsIgnoreEdit(f.line - 1, line, f.column - 1, 'upstream types lack the overload'),
      );
      assert.equal(result.text, '  // @ts-expect-error upstream types lack the overload\n  const x: number = "a";\n');
      assert.deepEqual(result.rules, []);
    });

    it('keeps a reason that is already written', () => {
      const result = fix('typescript', 'a.ts', '/* @ts-ignore the SDK is wrong */ f();\n', 'suppressed-check', (f, line) =>
        convertTsIgnoreEdit(f.line - 1, line, f.column - 1, 'unused'),
      );
      assert.equal(result.text, '/* @ts-expect-error the SDK is wrong */ f();\n');
      assert.deepEqual(result.rules, []);
    });
  });

  describe('ignore with qa-lens-ignore', () => {
    function ignore(languageId: string, path: string, text: string, rule: RuleId): { text: string; rules: string[] } {
      const finding = only(languageId, path, text, rule);
      const lines = text.split('\n');
      const edit = ignoreEditForText(text, finding.line - 1, rule, 'staging only', languageById(languageId)!);
      assert.ok(edit);
      const line = lines[edit.line];
      lines[edit.line] = line.slice(0, edit.column) + edit.text + line.slice(edit.column);
      const fixed = lines.join('\n');
      return { text: fixed, rules: analyze(languageId, path, fixed).map((f) => f.ruleId) };
    }

    it('puts the ignore on the line above, indented', () => {
      const result = ignore('typescript', 'a.ts', 'function f() {\n  const agent = { rejectUnauthorized: false };\n}\n', 'insecure-shortcut');
      assert.equal(result.text, 'function f() {\n  // qa-lens-ignore insecure-shortcut -- staging only\n  const agent = { rejectUnauthorized: false };\n}\n');
      assert.deepEqual(result.rules, []);
    });

    it('uses the language comment syntax (block comments only in CSS)', () => {
      const result = ignore('python', 'a.py', 'try:\n    f()\nexcept Exception:\n    pass\n', 'swallowed-error');
      assert.equal(result.text, 'try:\n    f()\n# qa-lens-ignore swallowed-error -- staging only\nexcept Exception:\n    pass\n');
      assert.deepEqual(result.rules, []);
      const lines = ['a { color: red; }'];
      assert.deepEqual(ignoreEdit(lines, 0, 'vague-deferral', 'x', languageById('css')!), { line: 0, column: 0, text: '/* qa-lens-ignore vague-deferral -- x */\n' });
    });

    it('inside a comment that runs over several lines, writes the ignore as a line of that comment', () => {
      // A comment of its own there nested a comment in the comment: in HTML and CSS its closer
      // ended the outer one, and the rest of the note became page text or a CSS syntax error.
      const html = ignore('html', 'a.html', '<div>\n<!--\n  TODO: for now\n-->\n</div>\n', 'vague-deferral');
      assert.equal(html.text, '<div>\n<!--\n  qa-lens-ignore vague-deferral -- staging only\n  TODO: for now\n-->\n</div>\n');
      assert.deepEqual(html.rules, []);
      const css = ignore('css', 'a.css', '/*\n * HACK: for now\n */\na { color: red; }\n', 'vague-deferral');
      assert.equal(css.text, '/*\n * qa-lens-ignore vague-deferral -- staging only\n * HACK: for now\n */\na { color: red; }\n');
      assert.deepEqual(css.rules, []);
      const jsdoc = ignore('typescript', 'a.ts', '/**\n * Totals.\n * TODO: we will fix it next sprint\n */\nexport const a = 1;\n', 'deferred-to-sprint');
      assert.equal(jsdoc.text, '/**\n * Totals.\n * qa-lens-ignore deferred-to-sprint -- staging only\n * TODO: we will fix it next sprint\n */\nexport const a = 1;\n');
      assert.deepEqual(jsdoc.rules, []);
    });

    it('inside a CI script block (`run: |`), the ignore is a comment of the script, and it silences the finding', () => {
      const text = 'jobs:\n  a:\n    steps:\n      - run: |\n          make\n          curl -k https://mirror.local/x\n';
      const result = ignore('yaml', '.github/workflows/ci.yml', text, 'insecure-shortcut');
      assert.equal(result.text, 'jobs:\n  a:\n    steps:\n      - run: |\n          make\n          # qa-lens-ignore insecure-shortcut -- staging only\n          curl -k https://mirror.local/x\n');
      assert.deepEqual(result.rules, []);
    });

    it('refuses inside a YAML block that is a value (an action input, text), and says why; a script block or plain YAML is fine', () => {
      const yaml = languageById('yaml')!;
      const workflow = [
        'jobs:',
        '  a:',
        '    steps:',
        '      - uses: some/node-runner@v1',
        '        with:',
        '          script: |',
        '            const https = require("https");',
        '            if (ok) {',
        '              const agent = new https.Agent({ rejectUnauthorized: false });',
        '            }',
        '      - run: |',
        '          if true; then',
        '            curl -k https://x',
        '          fi',
        '      - run: curl -k https://y',
        '        env:',
        '          NOTES: >',
        '            text',
        '',
      ].join('\r\n');
      const finding = analyze('yaml', '.github/workflows/ci.yml', workflow).find((f) => f.line === 9);
      assert.equal(finding?.ruleId, 'insecure-shortcut', 'the finding inside the input block');
      assert.match(ignoreRefusal(workflow, 8, yaml) ?? '', /inside a YAML block value .* would become part of the value/);
      assert.equal(ignoreRefusal(workflow, 12, yaml), undefined, 'a shell script block takes a comment');
      assert.equal(ignoreRefusal(workflow, 14, yaml), undefined, 'plain YAML takes a comment');
      assert.match(ignoreRefusal(workflow, 17, yaml) ?? '', /YAML block value/, 'a folded block is a value');
      assert.equal(ignoreRefusal('a: 1\n', 0, languageById('typescript')!), undefined);
    });

    it('a block whose indicator is on a line of its own (`run:` then `|`) is read as the key\'s: a script takes the ignore, a value refuses', () => {
      const text = ['jobs:', '  a:', '    steps:', '      - run:', '          |', '            make', '            curl -k https://x', '        env:', '          NOTE:', '            |', '              curl -k https://y', ''].join('\n');
      const result = ignore('yaml', '.github/workflows/ci.yml', text.replace(/\n.*https:\/\/y/, ''), 'insecure-shortcut');
      assert.ok(result.text.includes('            # qa-lens-ignore insecure-shortcut -- staging only\n            curl -k https://x'), result.text);
      assert.deepEqual(result.rules, []);
      assert.match(ignoreRefusal(text, 10, languageById('yaml')!) ?? '', /inside a YAML block value/);
    });

    it('refuses inside a folded script (`run: >`), where a comment would comment out the lines folded after it, and says why', () => {
      const text = ['jobs:', '  a:', '    steps:', '      - run: >', '          make', '          curl -k https://x', '          --retry 3', ''].join('\n');
      assert.match(ignoreRefusal(text, 5, languageById('yaml')!) ?? '', /folded YAML script .* would comment out the lines joined after it/);
    });

    it('in the JavaScript of actions/github-script writes a // line, which the workflow and the engine read as a comment', () => {
      const workflow = [
        'jobs:',
        '  a:',
        '    steps:',
        '      - uses: actions/github-script@v7',
        '        with:',
        '          script: |',
        '            const https = require("https");',
        '            const agent = new https.Agent({ rejectUnauthorized: false });',
        '            // TODO: for now',
        '',
      ];
      const insecure = ignore('yaml', '.github/workflows/ci.yml', workflow.join('\n'), 'insecure-shortcut');
      const expected = [...workflow];
      expected.splice(7, 0, '            // qa-lens-ignore insecure-shortcut -- staging only');
      assert.equal(insecure.text, expected.join('\n'));
      assert.deepEqual(insecure.rules, ['vague-deferral']);
      const deferral = ignore('yaml', '.github/workflows/ci.yml', workflow.join('\n'), 'vague-deferral');
      assert.deepEqual(deferral.rules, ['insecure-shortcut']);
      assert.ok(deferral.text.includes('            // qa-lens-ignore vague-deferral -- staging only\n            // TODO: for now'), deferral.text);
    });

    it('in a cmd script block (shell: cmd) writes a REM line, which cmd and the engine read as a comment; in PowerShell a # line', () => {
      const cmd = ['jobs:', '  a:', '    steps:', '      - shell: cmd', '        run: |', '          echo start', '          REM TODO: for now', ''].join('\n');
      const result = ignore('yaml', '.github/workflows/ci.yml', cmd, 'vague-deferral');
      assert.equal(result.text, cmd.replace('          REM TODO', '          REM qa-lens-ignore vague-deferral -- staging only\n          REM TODO'));
      assert.deepEqual(result.rules, []);
      const pwsh = ['jobs:', '  a:', '    steps:', '      - shell: pwsh', '        run: |', '          <# TODO: for now #>', ''].join('\n');
      const fixed = ignore('yaml', '.github/workflows/ci.yml', pwsh, 'vague-deferral');
      assert.equal(fixed.text, pwsh.replace('          <#', '          # qa-lens-ignore vague-deferral -- staging only\n          <#'));
      assert.deepEqual(fixed.rules, []);
    });

    it('a comment that only starts on the line keeps the comment of its own above it (CRLF lines too)', () => {
      const text = 'a { color: red; }\r\n/* HACK: for now\r\n */\r\n';
      const finding = only('css', 'a.css', text, 'vague-deferral');
      assert.deepEqual(ignoreEditForText(text, finding.line - 1, 'vague-deferral', 'x', languageById('css')!), { line: 1, column: 0, text: '/* qa-lens-ignore vague-deferral -- x */\n' });
    });

    describe('a line that starts inside a string spanning lines', () => {
      // A comment line above it was text of the string: it changed the program and silenced nothing.
      it('refuses in a JS template literal, and says why before a reason is asked', () => {
        const text = 'const page = `\n<p>${get(url, { rejectUnauthorized: false })}</p>\n`;\n';
        const finding = only('typescript', 'a.ts', text, 'insecure-shortcut');
        assert.match(ignoreRefusal(text, finding.line - 1, languageById('typescript')!) ?? '', /inside a string that spans lines .* would become text of the string/);
        assert.equal(ignoreEditForText(text, finding.line - 1, 'insecure-shortcut', 'x', languageById('typescript')!), null);
      });

      it('refuses in a Python triple-quoted string', () => {
        const text = 'msg = f"""\n{requests.get(url, verify=False).text}\n"""\n';
        const finding = only('python', 'a.py', text, 'insecure-shortcut');
        assert.match(ignoreRefusal(text, finding.line - 1, languageById('python')!) ?? '', /inside a string that spans lines/);
        assert.equal(ignoreEditForText(text, finding.line - 1, 'insecure-shortcut', 'x', languageById('python')!), null);
      });

      it('refuses in a shell heredoc (CRLF lines too)', () => {
        const shell = languageById('shellscript')!;
        for (const eol of ['\n', '\r\n']) {
          const text = ['cat <<EOF > run.sh', 'curl -k https://mirror.local/x', 'EOF', ''].join(eol);
          const finding = only('shellscript', 'a.sh', text, 'insecure-shortcut');
          assert.match(ignoreRefusal(text, finding.line - 1, shell) ?? '', /inside a string that spans lines .* heredoc/);
          assert.equal(ignoreEditForText(text, finding.line - 1, 'insecure-shortcut', 'x', shell), null);
        }
      });

      it('writes the ignore at the end of the line when the string closes on it (template, triple-quoted, Go, Rust and C++ raw strings)', () => {
        const cases: Array<[string, string, string, RuleId, string]> = [
          ['typescript', 'a.ts', 'const sql = `\n  select 1\n`; const agent = new https.Agent({ rejectUnauthorized: false });\n', 'insecure-shortcut', '//'],
          ['python', 'a.py', 'q = """\nselect 1\n"""; r = requests.get(url, verify=False)\n', 'insecure-shortcut', '#'],
          ['go', 'a.go', 'var q = `\nselect 1\n`; var c = &tls.Config{InsecureSkipVerify: true}\n', 'insecure-shortcut', '//'],
          ['rust', 'a.rs', 'let q = r#"\nselect 1\n"#; // TODO: we will fix it next sprint\n', 'deferred-to-sprint', '//'],
          ['cpp', 'a.cpp', 'auto q = R"(\nselect 1\n)"; // TODO: we will fix it next sprint\n', 'deferred-to-sprint', '//'],
        ];
        for (const [languageId, path, text, rule, opener] of cases) {
          const result = ignore(languageId, path, text, rule);
          const lines = text.split('\n');
          assert.equal(result.text, [...lines.slice(0, 2), `${lines[2]}  ${opener} qa-lens-ignore ${rule} -- staging only`, ...lines.slice(3)].join('\n'), languageId);
          assert.deepEqual(result.rules, [], languageId);
        }
      });

      it('still writes the ignore above a line when the string ended before it', () => {
        const result = ignore('typescript', 'a.ts', 'const s = `a\nb`;\nconst agent = { rejectUnauthorized: false };\n', 'insecure-shortcut');
        assert.equal(result.text, 'const s = `a\nb`;\n// qa-lens-ignore insecure-shortcut -- staging only\nconst agent = { rejectUnauthorized: false };\n');
        assert.deepEqual(result.rules, []);
        const python = ignore('python', 'a.py', 'q = """\nselect 1\n"""\nr = requests.get(url, verify=False)\n', 'insecure-shortcut');
        assert.equal(python.text, 'q = """\nselect 1\n"""\n# qa-lens-ignore insecure-shortcut -- staging only\nr = requests.get(url, verify=False)\n');
        assert.deepEqual(python.rules, []);
      });

      it('refuses after a next-line directive when the line ends inside a string', () => {
        const text = '// eslint-disable-next-line no-undef -- global from the page\nconst page = get(url, { rejectUnauthorized: false }) + `\n`;\n';
        const finding = only('typescript', 'a.ts', text, 'insecure-shortcut');
        assert.match(ignoreRefusal(text, finding.line - 1, languageById('typescript')!) ?? '', /directive for the next line.* ends inside a string/);
      });
    });

    describe('a line continued from the line above with a backslash', () => {
      // A line of its own after `\` is part of the statement: in shell the comment ends the command
      // and the finding's line runs as a command of its own.
      it('writes the ignore at the end of the line instead (shell, Python)', () => {
        const shell = ignore('shellscript', 'a.sh', 'env HTTPS_PROXY=http://proxy:3128 \\\n  curl -k https://mirror.local/x\n', 'insecure-shortcut');
        assert.equal(shell.text, 'env HTTPS_PROXY=http://proxy:3128 \\\n  curl -k https://mirror.local/x  # qa-lens-ignore insecure-shortcut -- staging only\n');
        assert.deepEqual(shell.rules, []);
        const python = ignore('python', 'a.py', 'r = requests.get(url, \\\n    verify=False)\n', 'insecure-shortcut');
        assert.equal(python.text, 'r = requests.get(url, \\\n    verify=False)  # qa-lens-ignore insecure-shortcut -- staging only\n');
        assert.deepEqual(python.rules, []);
      });

      it('refuses when the line goes on after it too, and says why', () => {
        const shell = languageById('shellscript')!;
        const text = 'env HTTPS_PROXY=http://proxy:3128 \\\n  curl -k \\\n  https://mirror.local/x\n';
        const finding = only('shellscript', 'a.sh', text, 'insecure-shortcut');
        assert.match(ignoreRefusal(text, finding.line - 1, shell) ?? '', /continued over several lines with a backslash/);
        assert.equal(ignoreEditForText(text, finding.line - 1, 'insecure-shortcut', 'x', shell), null);
      });

      it('an escaped backslash at the end of the line above does not continue it', () => {
        const result = ignore('shellscript', 'a.sh', 'echo \\\\\ncurl -k https://mirror.local/x\n', 'insecure-shortcut');
        assert.equal(result.text, 'echo \\\\\n# qa-lens-ignore insecure-shortcut -- staging only\ncurl -k https://mirror.local/x\n');
        assert.deepEqual(result.rules, []);
      });
    });

    it('a reason ending in a backslash does not continue the comment onto the finding line (C)', () => {
      const text = 'int f(void) {\n  return 0; // TODO: we will fix it next sprint\n}\n';
      const finding = only('c', 'a.c', text, 'deferred-to-sprint');
      const edit = ignoreEditForText(text, finding.line - 1, 'deferred-to-sprint', 'legacy device \\', languageById('c')!);
      assert.deepEqual(edit, { line: 1, column: 0, text: '  // qa-lens-ignore deferred-to-sprint -- legacy device\n' });
    });

    it('goes to the end of the line when the line above is a next-line directive', () => {
      const result = ignore('typescript', 'a.ts', '// eslint-disable-next-line no-empty -- legacy API\ntry { f(); } catch {}\n', 'swallowed-error');
      assert.equal(result.text, '// eslint-disable-next-line no-empty -- legacy API\ntry { f(); } catch {}  // qa-lens-ignore swallowed-error -- staging only\n');
      assert.deepEqual(result.rules, []);
    });
  });
});
