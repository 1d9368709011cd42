import * as assert from 'node:assert/strict';
import { code, contents, tokens } from './helpers';

describe('lexer: Python', () => {
  it('docstrings of module, class and def are docstring comments', () => {
    const text = [
      '"""Module doc."""',
      'class A:',
      "    '''Class doc.'''",
      '    def f(self):',
      '        r"""Raw doc \\d."""',
      '        return 1',
    ].join('\n');
    assert.deepEqual(tokens('python', text), ['docstring:"""Module doc."""', "docstring:'''Class doc.'''", 'docstring:r"""Raw doc \\d."""']);
    assert.deepEqual(contents('python', text), ['Module doc.', 'Class doc.', 'Raw doc \\d.']);
  });

  it('a triple-quoted string statement anywhere is a docstring comment', () => {
    const text = 'x = 1\n"""\nTODO: stmt\n"""  # and a comment\ny = 2';
    assert.deepEqual(tokens('python', text), ['docstring:"""\nTODO: stmt\n"""', 'line:# and a comment']);
  });

  it('triple-quoted strings used as values are strings', () => {
    const cases = [
      'x = """TODO value"""',
      'call("""TODO arg""")',
      'call(\n    """TODO arg on its own line"""\n)',
      'return """TODO"""',
      's = """a""".format(x)',
      '"""TODO""".join(parts)',
      'x = \\\n    """TODO continued"""',
      'sql = f"""TODO {x}"""',
      'data = b"""TODO"""',
    ];
    for (const text of cases) {
      assert.deepEqual(contents('python', text), [], text);
      assert.ok(!code('python', text).includes('TODO'), text);
    }
  });

  it('f-strings: replacement fields are code; {{ is literal', () => {
    const text = 'x = f"{d[\'#k\']} {{# no}} {y!r:>{w}}"  # yes';
    assert.deepEqual(contents('python', text), [' yes']);
    const c = code('python', text);
    assert.ok(c.includes('d[') && c.includes('y!r'));
  });

  it('f-strings: a format spec is text, so # there is not a comment', () => {
    const text = "r = f'<{type(self).__name__} at {id(self):#x} {d[1:2]} {x!r:>{w}}>'  # yes\nt = f'{(a := 1)}' # two";
    assert.deepEqual(contents('python', text), [' yes', ' two']);
  });

  it('# inside strings is not a comment; # noqa is', () => {
    assert.deepEqual(contents('python', "s = '# no'  # noqa: E501\nt = r'\\'# no'"), [' noqa: E501']);
  });

  it('single-quoted strings end at the end of the line (recovery)', () => {
    assert.deepEqual(contents('python', 'x = "open\n# real'), [' real']);
  });

  it('an unterminated docstring runs to the end of the file', () => {
    assert.deepEqual(tokens('python', 'def f():\n    """never closed\n# inside'), ['docstring:"""never closed\n# inside']);
  });
});
