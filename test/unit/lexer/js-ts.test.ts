import * as assert from 'node:assert/strict';
import { code, contents, tokens } from './helpers';

describe('lexer: JavaScript and TypeScript', () => {
  it('template literals: text is masked, ${} is code, comments inside ${} are comments', () => {
    const text = 'const t = `// no ${a /* hole */ + `inner ${b} // no`} /* no */`; // yes';
    assert.deepEqual(contents('typescript', text), [' hole ', ' yes']);
    const c = code('typescript', text);
    assert.ok(c.includes('${a') && c.includes('+ `') && !c.includes('inner') && !c.includes('no'));
  });

  it('template literals: braces inside ${} (objects, strings) do not close it early', () => {
    const text = 'x = `${ {a: "}"}.a } // no ${ f({}) }`; // yes';
    assert.deepEqual(contents('javascript', text), [' yes']);
  });

  it('regex literals versus division', () => {
    const cases: Array<[string, string[]]> = [
      ['x = a / b; // c', [' c']],
      ['x = a / b / c; // d', [' d']],
      ['x = (a) / 2 / 1; // d', [' d']],
      ['x = /\\/\\/ no/.test(s); // yes', [' yes']],
      ['x = s.replace(/[/]/g, ""); // yes', [' yes']],
      ['if (x) return /=> no \\/\\//.exec(y); // yes', [' yes']],
      ['x = [/a/, /b/]; y = f(/c/); // yes', [' yes']],
      ['x = arr[i] / n; // yes', [' yes']],
      ['x = 4 / 2 /* real */', [' real ']],
      ['x = y\n/re/.test(z) // yes', [' yes']],
      // A backslash at the end of the line ends no regex there: the next line is code with its comments.
      ['x = /\\\n// TODO: yes\ny = /a/; // too', [' TODO: yes', ' too']],
      ['x = /\\\r\n// yes\r\n', [' yes']],
    ];
    for (const [text, expected] of cases) assert.deepEqual(contents('typescript', text), expected, text);
  });

  it('masks regex bodies and string contents, keeps delimiters and offsets', () => {
    const text = "const a = 'it.only'; const r = /it\\.only/; it.only('x');";
    const c = code('javascript', text);
    assert.equal(c.length, text.length);
    assert.equal(c.indexOf('it.only'), text.lastIndexOf('it.only'));
  });

  it('JSX: text and attribute strings are not comments; {/* */} is', () => {
    const text = [
      'const el = (',
      '  <div className="a // b" data-x=\'/* no */\'>',
      "    Don't // not a comment",
      '    {/* TODO real */}',
      '    {cond && <span>{`t ${x}`} // no</span>}',
      '    <Foo.Bar {...props} render={() => <i/>} /> /* no */',
      '  </div>',
      '); // after',
    ].join('\n');
    assert.deepEqual(contents('javascriptreact', text), [' TODO real ', ' after']);
    assert.ok(!code('javascriptreact', text).includes("Don't"));
  });

  it('TSX: generic arrows and comparisons are not JSX', () => {
    const text = 'const f = <T,>(x: T) => x; // one\nconst g = <T extends object>(x: T) => x; // two\nif (a < b && c > d) {} // three';
    assert.deepEqual(contents('typescriptreact', text), [' one', ' two', ' three']);
  });

  it('TypeScript: type assertions and generics are not JSX', () => {
    const text = 'const a = <any>b; // one\nconst m = new Map<string, number>(); // two';
    assert.deepEqual(contents('typescript', text), [' one', ' two']);
  });

  it('JSX that never closes is not JSX: the rest of the file still lexes', () => {
    assert.deepEqual(contents('javascriptreact', 'x = <div>\n// real\nlet a = 1;'), [' real']);
  });

  it('block comments, JSDoc and unterminated strings', () => {
    assert.deepEqual(tokens('javascript', '/** doc */ let s = "open\n// next'), ['block:/** doc */', 'line:// next']);
  });

  it('a string inside a comment does not matter; a comment inside a string is not one', () => {
    assert.deepEqual(contents('typescript', '// "quote\nconst s = "// no"; // "yes"'), [' "quote', ' "yes"']);
  });
});
