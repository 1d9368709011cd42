import * as assert from 'node:assert/strict';
import { LANGUAGES } from '../../../src/core/languages';
import { contents, lexAs } from './helpers';

/**
 * One row per language: a comment holding `TODO real`, and string (or other literal) syntax that
 * holds comment-looking text marked `FAKE`, which must never end up in a comment.
 * A null comment sample means the language has no comments (JSON).
 */
const FIXTURES: Record<string, [comment: string | null, fake: string]> = {
  javascript: ['let a = 1; // TODO real', "let s = '// FAKE'; let t = `/* FAKE */ ${x}`; let r = /\\/\\/ FAKE/;"],
  javascriptreact: ['const x = <a>{/* TODO real */}</a>;', 'const x = <p>// FAKE /* FAKE */</p>;'],
  typescript: ['/* TODO real */ let a: number;', 'const r = /\\/\\* FAKE/; const s = "# FAKE"; const d = a / b; // ok'],
  typescriptreact: ['const c = <T,>(x: T) => x; // TODO real', 'const e = <div title="// FAKE">/* FAKE */</div>;'],
  css: ['a { color: red; /* TODO real */ }', 'a::before { content: "/* FAKE */"; }'],
  scss: ['$x: 1; // TODO real', 'a { content: "// FAKE"; }'],
  sass: ['// TODO real', 'a\n  content: "// FAKE"'],
  less: ['@x: 1; // TODO real', '.a { content: "// FAKE"; }'],
  json: [null, '{"a": "// FAKE /* FAKE */"}'],
  jsonc: ['{ // TODO real\n "a": 1 }', '{"url": "http://x/* FAKE */"}'],
  html: ['<p>x</p><!-- TODO real -->', '<p>// FAKE # FAKE</p><a title="<!-- FAKE -->">x</a>'],
  xml: ['<a><!-- TODO real --></a>', '<a b="<!-- FAKE -->"><![CDATA[<!-- FAKE -->]]></a>'],
  vue: ['<template><div/></template>\n<script>\n// TODO real\n</script>', '<template><p>// FAKE</p></template><script>const s = "// FAKE";</script>'],
  svelte: ['<script lang="ts">/* TODO real */</script>', '<p>// FAKE {"/* FAKE */"}</p>'],
  php: ['<?php $a = 1; # TODO real', "<?php $s = \"# FAKE {$a['// FAKE']}\"; $t = <<<'EOT'\n# FAKE\nEOT;\n"],
  markdown: ['Text\n<!-- TODO real -->', '`<!-- FAKE -->`\n```\n<!-- FAKE -->\n```\n'],
  c: ['int a; // TODO real', "char *s = \"/* FAKE */\"; char c = '\"'; char *t = \"// FAKE\";"],
  cpp: ['/* TODO real */', "auto s = R\"x(// FAKE)x\"; int n = 1'000; auto t = \"// FAKE\";"],
  'cuda-cpp': ['// TODO real', 'auto s = R"(/* FAKE */)";'],
  'objective-c': ['// TODO real', 'NSString *s = @"// FAKE";'],
  'objective-cpp': ['// TODO real', 'NSString *s = @"// FAKE";'],
  csharp: ['// TODO real', 'var a = @"C:\\"; var b = "// FAKE"; var c = $"{x} // FAKE"; var d = """ // FAKE """;'],
  java: ['// TODO real', 'String s = """\n  // FAKE\n"""; char c = \'/\';'],
  kotlin: ['/* a /* b */ TODO real */', 'val s = "${"// FAKE"}"; val c = \'"\''],
  scala: ['/* x /* y */ TODO real */', 'val s = s"${"// FAKE"}"; val c = \'"\'; val sym = \'sym'],
  groovy: ['// TODO real', 'def s = "// FAKE ${x}"; def r = /\\/\\/ FAKE/'],
  dart: ['/* /* */ TODO real */', "var s = r'// FAKE'; var t = '${\"// FAKE\"}';"],
  go: ['// TODO real', "s := `// FAKE\n/* FAKE */`; r := '\"'"],
  rust: ['/* /* */ TODO real */', 'fn f<\'a>(s: &\'a str) { let r = r#"// FAKE"#; let c = \'"\'; let t = "// FAKE"; }'],
  swift: ['/* /* */ TODO real */', 'let s = "\\(x) // FAKE"; let r = #"// "FAKE"#'],
  zig: ['// TODO real', 'const s = "// FAKE";\nconst m =\n    \\\\// FAKE\n;'],
  proto3: ['// TODO real', 'option (a) = "// FAKE";'],
  python: ['x = 1  # TODO real', 's = "# FAKE"; t = f"{d[\'# FAKE\']}"\nu = """\n# FAKE\n"""'],
  starlark: ['# TODO real', 'name = "# FAKE"'],
  ruby: ['# TODO real', 'a = %w(# FAKE); b = "#{x} # FAKE"; c = /# FAKE/\nd = <<~EOS\n  # FAKE\nEOS\n'],
  perl: ['# TODO real', 'my $n = $#arr; my $s = q{# FAKE}; $x =~ s/# FAKE/y/;'],
  shellscript: ['echo hi # TODO real', "echo a#FAKE \"# FAKE\" '# FAKE' $#\ncat <<'EOF'\n# FAKE\nEOF\n"],
  powershell: ['<# TODO real #>', "$s = \"# FAKE\"; $h = @'\n# FAKE\n'@"],
  bat: ['REM TODO real', 'echo "REM FAKE" ::FAKE'],
  lua: ['--[[ TODO real ]]', 's = "-- FAKE"; t = [[-- FAKE]]'],
  r: ['# TODO real', 's <- "# FAKE"'],
  julia: ['#= #= =# TODO real =#', "s = \"# FAKE $(x) #= FAKE\"; t = x'; c = '#'"],
  nim: ['#[ TODO real ]#', 'let s = "# FAKE"'],
  elixir: ['# TODO real', 'c = ?#; s = "#{x} # FAKE"; r = ~r/# FAKE/'],
  erlang: ['% TODO real', 'C = $%, S = "% FAKE".'],
  vb: ["' TODO real", 'Dim s = "\' FAKE"'],
  makefile: ['all: # TODO real', 'X = a\\#FAKE\n\techo "# FAKE"'],
  cmake: ['#[[ TODO real ]]', 'set(X "# FAKE") set(Y [[# FAKE]])'],
  sql: ['SELECT 1 -- TODO real', "SELECT '-- FAKE', $$ /* FAKE */ $$"],
  dockerfile: ['# TODO real', 'RUN echo a # FAKE'],
  coffeescript: ['### TODO real ###', 's = "#{x} # FAKE"'],
  latex: ['% TODO real', '50\\% FAKE'],
  graphql: ['# TODO real', 'query { a(s: "# FAKE") }'],
  solidity: ['// TODO real', 'string s = "// FAKE";'],
  haskell: ['{- {- -} TODO real -}', 'x = a --> b; s = "-- FAKE"; f\' = \'a\''],
  elm: ['-- TODO real', 's = """\n-- FAKE\n"""'],
  purescript: ['-- TODO real', 's = "-- FAKE"'],
  ocaml: ['(* (* *) TODO real *)', 'let s = "(* FAKE" and r = {|(* FAKE|}'],
  fsharp: ['// TODO real', 'let s = @"// FAKE" in let t = """(* FAKE"""'],
  clojure: ['; TODO real', '(str \\; "; FAKE")'],
  scheme: ['#| TODO real |#', '(display "; FAKE")'],
  nix: ['# TODO real', "s = ''# FAKE ${x}'';"],
  yaml: ['key: value # TODO real', "url: http://x#FAKE\ndescription: |\n  # FAKE\nrun: |\n  echo '# FAKE' \"# FAKE\" x#FAKE\ns: '# FAKE'"],
  toml: ['a = 1 # TODO real', "s = \"# FAKE\"\nt = '''\n# FAKE\n'''"],
  ini: ['; TODO real', 'url = http://x#FAKE ;FAKE'],
  properties: ['# TODO real', 'url=http://x#FAKE'],
  terraform: ['# TODO real', 'a = "# FAKE ${b} // FAKE"\nc = <<EOF\n# FAKE\nEOF\n'],
  hcl: ['// TODO real', 'a = "/* FAKE */"'],
  feature: ['# TODO real', 'Given a step "# FAKE"\n"""\n# FAKE\n"""'],
};

/** Fixtures whose fake is plain text rather than a literal (LaTeX `\%`, a Gherkin step's quotes). */
const PLAIN_TEXT_FAKES = new Set(['latex', 'feature']);

describe('lexer: every language in the table', () => {
  it('has a fixture for every language', () => {
    const missing = LANGUAGES.map((l) => l.id).filter((id) => !(id in FIXTURES));
    assert.deepEqual(missing, []);
    assert.ok(LANGUAGES.length >= 40, `${LANGUAGES.length} languages`);
  });

  for (const spec of LANGUAGES) {
    const fixture = FIXTURES[spec.id];
    if (!fixture) continue;
    const [comment, fake] = fixture;
    describe(spec.id, () => {
      if (comment !== null) {
        it('finds the comment', () => {
          const found = contents(spec.id, comment);
          assert.ok(found.some((c) => c.includes('TODO real')), `${JSON.stringify(found)}`);
          assert.ok(!lexAs(spec.id, comment).code.includes('TODO'), 'comment text is masked');
        });
      } else {
        it('has no comments', () => {
          assert.deepEqual(contents(spec.id, '// TODO not\n/* TODO */'), []);
        });
      }
      it('reads CRLF files and old Mac (lone CR) files the same way', () => {
        for (const sample of [comment, fake]) {
          if (sample === null || !sample.includes('\n')) continue;
          const crlf = sample.replace(/\n/g, '\r\n');
          const cr = sample.replace(/\n/g, '\r');
          const strip = (list: string[]): string[] => list.map((c) => c.replace(/\r\n?/g, '\n'));
          assert.deepEqual(strip(contents(spec.id, crlf)), contents(spec.id, sample), 'CRLF');
          assert.deepEqual(strip(contents(spec.id, cr)), contents(spec.id, sample), 'lone CR');
        }
      });
      it('finds no comment in literals', () => {
        const found = contents(spec.id, fake);
        assert.ok(!found.some((c) => c.includes('FAKE')), `${JSON.stringify(found)}`);
        const masked = !lexAs(spec.id, fake).code.includes('FAKE');
        if (!spec.valuesAreCode && !PLAIN_TEXT_FAKES.has(spec.id)) assert.ok(masked, 'literal contents are masked');
      });
    });
  }
});
