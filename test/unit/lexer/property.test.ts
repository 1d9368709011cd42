import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lex } from '../../../src/core/lexer';
import { LANGUAGES, languageById } from '../../../src/core/languages';
import { assertWellFormed } from './helpers';

/** Pieces that open, close and confuse the constructs of every language in the table. */
const PIECES = [
  '/', '*', '#', '-', ';', '%', '<', '>', '!', '=', '[', ']', '{', '}', '(', ')', "'", '"', '`', '\\', '$', '@', '?', '~',
  '|', ':', ',', '.', ' ', ' ', '\n', '\n', '\r\n', '\r', '\t', 'a', 'r', 'b', 'x', 'T', 'EOF', 'EOS', '<<', '<<-', '<<~',
  '<<<', '"""', "'''", '--', '//', '/*', '*/', '{-', '-}', '(*', '*)', '<!--', '-->', '<script>', '</script>', '<style>',
  '<?php', '?>', '=begin', '=end', '=pod', '=cut', '%w(', 'q{', 's/', '~r/', '#{', '${', '$(', '\\(', 'R"x(', ')x"', 'r#"',
  '"#', '[[', ']]', '[==[', '#[', ']#', '#=', '=#', '<#', '#>', '@"', '"@', '$$', 'f"', "b'", "'a", '<div>', '</div>',
  'return', 'rem ', '::', '__END__', '|\n', '- ', '```', '\u{1F600}', 'é', '\uFEFF', '\uD800', '\u2028',
];

const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((a) => a.join(''));

describe('lexer: properties', () => {
  for (const spec of LANGUAGES) {
    it(`${spec.id}: never throws, terminates fast, keeps length and line breaks`, () => {
      fc.assert(
        fc.property(textArb, (text) => {
          const t0 = performance.now();
          const result = lex(text, spec);
          const ms = performance.now() - t0;
          assert.ok(ms < 250, `took ${ms} ms`);
          assertWellFormed(text, result);
        }),
        { numRuns: 120 },
      );
    });
  }

  it('stays linear on long pathological input', () => {
    const nasty = ['<'.repeat(20000), '/*'.repeat(20000), '"${'.repeat(5000), '`${'.repeat(5000), '<a>{'.repeat(3000), "%w(".repeat(5000), '<<EOF\n'.repeat(3000)];
    for (const spec of LANGUAGES) {
      for (const text of nasty) {
        const t0 = performance.now();
        assertWellFormed(text, lex(text, spec));
        const ms = performance.now() - t0;
        assert.ok(ms < 1000, `${spec.id} on ${JSON.stringify(text.slice(0, 6))}...: ${ms} ms`);
      }
    }
  });

  /** Where comment-looking text goes inside a string, per language: [before, open, close, after]. */
  const FORMS: Record<string, Array<[string, string, string, string]> | null> = {
    html: [['<a title="', '', '', '">x</a>']],
    xml: [['<a b="', '', '', '"/>']],
    vue: [['<template><a title="', '', '', '"/></template>']],
    svelte: [['<a title="', '', '', '"/>']],
    markdown: [['x `', '', '', '` y']],
    php: [['<?php $s = "', '', '', '"; ?>'], ["<?php $s = '", '', '', "';"]],
    bat: [['echo "', '', '', '"']],
    vb: [['Dim s = "', '', '', '"']],
    feature: [['Given x\n"""\n', '', '', '\n"""']],
    cmake: [['set(X "', '', '', '")']],
    clojure: [['(str "', '', '', '")']],
    scheme: [['(str "', '', '', '")']],
    sql: [["SELECT '", '', '', "'"], ['SELECT $$', '', '', '$$']],
    shellscript: [['echo "', '', '', '"'], ["echo '", '', '', "'"]],
    powershell: [['$s = "', '', '', '"'], ["$s = '", '', '', "'"], ["$s = @'\n", '', '', "\n'@"]],
    python: [['x = "', '', '', '"'], ["x = '", '', '', "'"], ['x = """', '', '', '"""'], ["f(r'", '', '', "')"]],
    rust: [['let s = "', '', '', '";'], ['let s = r#"', '', '', '"#;']],
    cpp: [['auto s = R"d(', '', '', ')d";']],
    csharp: [['var s = @"', '', '', '";'], ['var s = """', '', '', '""";']],
    go: [['s := `', '', '', '`']],
    javascript: [['x = "', '', '', '";'], ['x = `', '', '', '`;'], ['x = /', '', '', '/g;']],
    typescript: [['x = `', '', '', '`;']],
    ruby: [['x = "', '', '', '"'], ['x = %w(', '', '', ')'], ['x = <<~EOS\n', '', '', '\nEOS\n']],
    perl: [['my $s = q{', '', '', '};']],
    lua: [['s = [[', '', '', ']]']],
    yaml: [['k: "', '', '', '"'], ["k: '", '', '', "'"]],
    elixir: [['s = ~s(', '', '', ')']],
    dockerfile: null,
    ini: null,
    properties: null,
    latex: null,
  };

  const contentArb = fc
    .array(fc.constantFrom('//', '/*', '#', '--', ';', '%', '<!--', '(*', '{-', "'", '"', '`', '<#', '#[', 'REM ', '::', ' ', 'x', '!', '*/', '-->', '=', '<', '>', '|', '@', '?', '~', '[', ']', '(', ')'), { maxLength: 30 })
    .map((a) => a.join(''));

  for (const spec of LANGUAGES) {
    const forms = spec.id in FORMS ? FORMS[spec.id] : [['x = "', '', '', '";\n'] as [string, string, string, string]];
    if (!forms) continue;
    it(`${spec.id}: text inside a string literal never yields a comment`, () => {
      for (const [before, , , after] of forms) {
        // The closer (and the escapes and interpolations of that string) cannot appear inside it.
        const closer = after.trim().slice(0, 1);
        fc.assert(
          fc.property(contentArb, (raw) => {
            let content = raw.replace(/[\\\n\r{}$`]/g, '');
            if (closer) content = content.split(closer).join('');
            if (after.startsWith(')') || after.startsWith(']]')) content = content.replace(/[()[\]]/g, '');
            if (after.startsWith('"#') || after.startsWith(')d') || after.startsWith('"""')) content = content.replace(/"/g, '');
            if (after.includes('EOS') || after.includes("'@")) content = content.replace(/^\s*(EOS|'@)/, '');
            if (before.endsWith('/')) content = `a${content}`; // `//` is a comment, never an empty regex
            const text = before + content + after;
            const result = lex(text, languageById(spec.id)!);
            assert.deepEqual(result.comments.map((c) => text.slice(c.start, c.end)), [], JSON.stringify(text));
          }),
          { numRuns: 150 },
        );
      }
    });
  }
});
