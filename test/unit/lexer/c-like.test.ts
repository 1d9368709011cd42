import * as assert from 'node:assert/strict';
import { code, contents, tokens } from './helpers';

describe('lexer: C-like languages', () => {
  it('C: line and block comments, a backslash continues a line comment, strings and chars hide comment syntax', () => {
    const text = 'int a; // one \\\n still one\nchar c = \'"\'; char *s = "/* no */"; /* two\n lines */ int b;';
    assert.deepEqual(contents('c', text), [' one \\\n still one', ' two\n lines ']);
    assert.ok(code('c', text).includes('int b;'));
    assert.ok(!code('c', text).includes('no'));
  });

  it('C: an unterminated string ends at the end of its line, so the next line still lexes', () => {
    assert.deepEqual(contents('c', 'char *s = "oops;\n// real'), [' real']);
  });

  it('C: an unterminated block comment runs to the end of the file', () => {
    const text = 'x; /* open\nforever';
    const [c] = tokens('c', text);
    assert.equal(c, 'block:/* open\nforever');
  });

  it('C++: raw strings with delimiters, digit separators, prefixed strings', () => {
    const text = 'auto r = R"sql(a )" // no\n)sql"; int n = 1\'000\'000; auto w = u8"// no"; // yes';
    assert.deepEqual(contents('cpp', text), [' yes']);
  });

  it('C#: verbatim, interpolated and raw strings', () => {
    const text = [
      'var a = @"C:\\dir\\"; // after verbatim',
      'var b = @"say ""// no""";',
      'var c = $"{x /* in hole */} // no {{ // no }}";',
      'var d = """',
      '  // no "" still',
      '  """; // after raw',
      'var e = $@"{y}\\// no";',
    ].join('\n');
    assert.deepEqual(contents('csharp', text), [' after verbatim', ' in hole ', ' after raw']);
  });

  it('C#: a format spec in an interpolation is text', () => {
    assert.deepEqual(contents('csharp', 'var s = $"{d:#,##0} {(a ? b : c)} {x:N2}"; // yes'), [' yes']);
  });

  it('Java: text blocks', () => {
    assert.deepEqual(contents('java', 'String s = """\n  /* no */ // no\n  """; // yes'), [' yes']);
  });

  it('Go: backtick raw strings span lines', () => {
    assert.deepEqual(contents('go', 'var s = `a\n// no \\`; // yes'), [' yes']);
  });

  for (const id of ['kotlin', 'scala', 'dart', 'swift', 'rust']) {
    it(`${id}: block comments nest`, () => {
      assert.deepEqual(tokens(id, 'a /* x /* y */ z */ b'), ['block:/* x /* y */ z */']);
      assert.ok(code(id, 'a /* x /* y */ z */ b').endsWith(' b'));
    });
  }

  for (const id of ['java', 'c', 'csharp', 'go', 'javascript', 'groovy']) {
    it(`${id}: block comments do not nest`, () => {
      assert.deepEqual(tokens(id, 'a /* x /* y */ b'), ['block:/* x /* y */']);
    });
  }

  it('Kotlin: templates with nested strings, raw strings', () => {
    const text = 'val s = "${map["// no"]} // no" // yes\nval r = """\\"// no"""';
    assert.deepEqual(contents('kotlin', text), [' yes']);
  });

  it('Rust: lifetimes are not char literals; chars, byte chars and raw strings are literals', () => {
    const text = [
      "fn f<'a, 'b>(x: &'a str, y: &'b str) -> &'static str { // one",
      "  let c = '\"'; let q = '\\''; let b = b'/'; let u = '\\u{1F600}';",
      '  let r = r##"a "# // no"##; let s = "multi',
      '  line // no"; \'outer: loop { break \'outer; } // two',
      '}',
    ].join('\n');
    assert.deepEqual(contents('rust', text), [' one', ' two']);
  });

  it('Swift: interpolation holds code, raw strings use #', () => {
    const text = 'let s = "\\(a /* c */ + "\\(b)") // no" // yes\nlet r = #"a \\(x) "// no"#\nlet m = """\n// no\n"""';
    assert.deepEqual(contents('swift', text), [' c ', ' yes']);
  });

  it('Dart: raw strings do not interpolate; templates do', () => {
    assert.deepEqual(contents('dart', "var a = r'${'; var b = '${c /* hole */}'; // yes"), [' hole ', ' yes']);
  });

  it('Zig: multiline string lines', () => {
    assert.deepEqual(contents('zig', 'const s =\n    \\\\ // no\n    \\\\ /* no\n; // yes'), [' yes']);
  });
});
