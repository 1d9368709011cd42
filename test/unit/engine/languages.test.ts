import { strict as assert } from 'node:assert';
import { analyze, brief } from './helpers';

describe('analyzeDocument per language family (real lexer)', () => {
  it('JavaScript/TypeScript: strings, templates and regexes are not comments', () => {
    const text = [
      'const s = "TODO: in a string";',
      'const t = `TODO: ${x} in a template`;',
      'const r = /TODO: in a regex/;',
      'const todoList = [];',
      '// TODO: real one',
      '/* for now */',
      'try { run(); } catch (e) {}',
      '// eslint-disable-next-line no-console',
      'console.log(1);',
      '',
    ].join('\n');
    assert.deepEqual(brief(analyze('typescript', 'src/a.ts', text)), [
      '5:4 untracked-marker', '6:4 vague-deferral', '7:16 swallowed-error', '8:4 suppressed-check',
    ]);
  });

  it('JavaScript test file: focus and skips; `fit` outside a test file is not reported', () => {
    const text = "describe('a', () => {\n  it.only('b', () => {});\n  it.skip('c', () => {});\n  fit('d', () => {});\n});\n";
    assert.deepEqual(brief(analyze('javascript', 'test/a.test.js', text)), ['2:3 focused-test', '3:3 skipped-test', '4:3 focused-test']);
    assert.deepEqual(brief(analyze('javascript', 'src/a.js', text)), []);
  });

  it('Python: docstrings are comments, strings are not; except: pass; noqa', () => {
    const text = [
      'def f():',
      '    """Return x.',
      '',
      '    TODO: cache it',
      '    """',
      '    s = "# TODO: not a comment"',
      '    try:',
      '        g()',
      '    except OSError:',
      '        pass',
      '    requests.get(u, verify=False)  # noqa',
      '',
    ].join('\n');
    assert.deepEqual(brief(analyze('python', 'app/f.py', text)), [
      '4:5 untracked-marker', '9:5 swallowed-error', '11:21 insecure-shortcut', '11:38 suppressed-check',
    ]);
  });

  it('Python test file: pytest skip vs skipif', () => {
    const text = '@pytest.mark.skip(reason="flaky")\ndef test_a():\n    assert True\n\n@pytest.mark.skipif(sys.platform == "win32", reason="posix")\ndef test_b():\n    assert True\n';
    assert.deepEqual(brief(analyze('python', 'tests/test_a.py', text)), ['1:1 skipped-test']);
  });

  it('Ruby: %w() word arrays and heredocs are not comments; rescue nil', () => {
    const text = "WORDS = %w(TODO FIXME)\nSQL = <<~EOS\n  -- TODO: not a comment\nEOS\n# TODO: real\nx = risky rescue nil\n";
    assert.deepEqual(brief(analyze('ruby', 'lib/a.rb', text)), ['5:3 untracked-marker', '6:11 swallowed-error']);
  });

  it('Go: guarded t.Skip, nolint, InsecureSkipVerify', () => {
    const text = [
      'func TestA(t *testing.T) {',
      '\tif testing.Short() {',
      '\t\tt.Skip("short")',
      '\t}',
      '\tt.Skip("broken")',
      '\tdefer f.Close() //nolint:errcheck',
      '\tcfg := &tls.Config{InsecureSkipVerify: true}',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(brief(analyze('go', 'a_test.go', text)), ['5:2 skipped-test', '6:20 suppressed-check', '7:21 insecure-shortcut']);
  });

  it('Rust: nested block comments; #[ignore]', () => {
    const text = '/* outer /* inner */ TODO: still inside */\n#[test]\n#[ignore]\nfn slow() {}\n';
    assert.deepEqual(brief(analyze('rust', 'src/lib.rs', text)), ['1:22 untracked-marker', '3:1 skipped-test']);
  });

  it('Haskell: nested {- -} comments and -- line comments', () => {
    const text = '{- outer {- inner -} HACK: still inside -}\nmain = pure () -- FIXME: tidy\n';
    assert.deepEqual(brief(analyze('haskell', 'Main.hs', text)), ['1:22 untracked-marker', '2:19 untracked-marker']);
  });

  it('Java: @SuppressWarnings with and without a reason; @Disabled; empty catch with comment', () => {
    const text = [
      'import org.junit.jupiter.api.Disabled;',
      'class ATest {',
      '  @SuppressWarnings("unchecked")',
      '  void a() {}',
      '  @SuppressWarnings("rawtypes") // legacy collection API',
      '  void b() {}',
      '  @Disabled("flaky on CI")',
      '  void c() {',
      '    try { x(); } catch (Exception e) { /* closing quietly is fine */ }',
      '  }',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(brief(analyze('java', 'src/test/java/ATest.java', text)), ['3:3 suppressed-check', '7:3 skipped-test']);
  });

  it('C#: #pragma warning disable and xUnit Skip', () => {
    const text = '#pragma warning disable CS0618\n#pragma warning disable CS0612 // obsolete API kept for v1 clients\n[Fact(Skip = "flaky")]\npublic void T() {}\n';
    assert.deepEqual(brief(analyze('csharp', 'tests/ATests.cs', text)), ['1:1 suppressed-check', '3:7 skipped-test']);
  });

  it('YAML: `#` starts a comment only after whitespace; values are code', () => {
    const text = 'url: http://x.test/#TODO\nsteps:\n  - run: curl -k https://x.test # TODO: pin the cert\n';
    assert.deepEqual(brief(analyze('yaml', '.github/workflows/ci.yml', text)), ['3:10 insecure-shortcut', '3:35 untracked-marker']);
  });

  it('Dockerfile and shell: values are code', () => {
    assert.deepEqual(brief(analyze('dockerfile', 'Dockerfile', 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN chmod 777 /app\n')), [
      '2:5 insecure-shortcut', '3:5 insecure-shortcut',
    ]);
    assert.deepEqual(brief(analyze('shellscript', 'a.sh', 'echo "#TODO" # FIXME: quote it\nwget --no-check-certificate "$U"\n')), [
      '1:16 untracked-marker', '2:1 insecure-shortcut',
    ]);
  });

  it('HTML: body text is never a comment; <!-- --> is', () => {
    const text = '<p>TODO: this is page text</p>\n<!-- TODO: real -->\n';
    assert.deepEqual(brief(analyze('html', 'index.html', text)), ['2:6 untracked-marker']);
  });

  it('SQL and Lua: -- comments', () => {
    assert.deepEqual(brief(analyze('sql', 'q.sql', "SELECT '-- TODO: no' AS x; -- TODO: yes\n")), ['1:31 untracked-marker']);
    assert.deepEqual(brief(analyze('lua', 'a.lua', '--[[ quick hack ]]\nlocal x = 1 -- XXX\n')), ['1:6 vague-deferral', '2:16 untracked-marker']);
  });

  it('notes, placement, precedence and inline ignores with the real lexer', () => {
    assert.deepEqual(brief(analyze('python', 'a.py', '# TODO: one\n# TODO: two\n# TODO: three\n')), [
      '1:3 untracked-marker', '2:3 untracked-marker', '3:3 untracked-marker',
    ]);
    assert.deepEqual(brief(analyze('typescript', 'a.ts', '// Accepts tabs only.\n// We will fix it next sprint.\n')), ['2:19 deferred-to-sprint']);
    assert.deepEqual(brief(analyze('typescript', 'a.ts', '// TODO(PROJ-1): next sprint\n// TODO(2025-01-31): see PROJ-2\n')), [
      '1:4 tracked-marker', '2:4 expired-deadline',
    ]);
    const ignore = 'const a = { rejectUnauthorized: false }; // qa-lens-ignore insecure-shortcut -- local dev proxy\n// qa-lens-ignore insecure-shortcut\nconst b = { rejectUnauthorized: false };\n';
    assert.deepEqual(brief(analyze('typescript', 'a.ts', ignore)), ['2:4 suppressed-check']);
  });

  it('positions count UTF-16 units', () => {
    const [finding] = analyze('typescript', 'a.ts', 'const s = "😀é"; // TODO: x\n');
    assert.equal(finding.column, 21);
    assert.equal(finding.endColumn, 25);
  });

  it('bad input never crashes', () => {
    for (const text of ['', '/*', '"""', '// TODO(', '\u0000\uFFFF', 'x'.repeat(10000), '/* TODO: ' + 'a\n'.repeat(5000)]) {
      for (const id of ['typescript', 'python', 'ruby', 'yaml', 'html']) analyze(id, 'a', text);
    }
  });
});
