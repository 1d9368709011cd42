import { strict as assert } from 'node:assert';
import { rules, run, settings } from './helpers';

const py = (text: string, path = 'app/a.py') => run(text, { line: ['#'], languageId: 'python', path });
const rb = (text: string, path = 'lib/a.rb') => run(text, { line: ['#'], languageId: 'ruby', path });
const ids = (findings: ReturnType<typeof run>) => findings.map((f) => f.ruleId);

describe('code rules', () => {
  it('a finding on a minified line carries the code around its trigger, bounded, not the whole line', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `a${i}=f(${i});`).join('');
    const line = `${filler(3000)}try{g()}catch(e){}${filler(2000)}var o={rejectUnauthorized:false};${filler(3000)}`;
    const findings = run(`${line}\n`);
    assert.deepEqual(ids(findings).sort(), ['insecure-shortcut', 'swallowed-error']);
    for (const finding of findings) {
      assert.ok(finding.excerpt.length <= 400, `${finding.ruleId}: ${finding.excerpt.length} characters`);
      assert.match(finding.excerpt, /^….*…$/);
    }
    assert.match(findings.find((f) => f.ruleId === 'swallowed-error')!.excerpt, /try\{g\(\)\}catch\(e\)\{\}/);
    assert.match(findings.find((f) => f.ruleId === 'insecure-shortcut')!.excerpt, /rejectUnauthorized:false/);
    // Code elsewhere on the line does not move the excerpt (or the fingerprint hashed from it).
    const edited = run(`x=1;${line.replace('a1000=', 'b1000=')}\n`);
    assert.deepEqual(edited.map((f) => f.fingerprint).sort(), findings.map((f) => f.fingerprint).sort());
  });


  describe('suppressed-check: what counts as a reason, per tool', () => {
    const cases: Array<{ tool: string; reported: string; quiet: string; lang?: 'py' | 'rb' | 'go' | 'java' | 'cs' }> = [
      { tool: 'ESLint', reported: '// eslint-disable-next-line no-console\n', quiet: '// eslint-disable-next-line no-console -- logging CLI output\n' },
      { tool: 'ESLint block', reported: '/* eslint-disable no-alert */\n', quiet: '/* eslint-disable no-alert -- kiosk UI needs alerts */\n' },
      { tool: 'TypeScript', reported: '// @ts-expect-error\n', quiet: '// @ts-expect-error upstream types lack the overload\n' },
      { tool: 'flake8', reported: 'x = 1  # noqa\n', quiet: 'x = 1  # noqa: E501 -- generated URL table\n', lang: 'py' },
      { tool: 'flake8 codes', reported: 'x = 1  # noqa: E501\n', quiet: 'x = 1  # noqa: E501  # generated URL table\n', lang: 'py' },
      { tool: 'mypy', reported: 'x = f()  # type: ignore\n', quiet: 'x = f()  # type: ignore  # stub is wrong upstream\n', lang: 'py' },
      { tool: 'mypy code', reported: 'x = f()  # type: ignore[attr-defined]\n', quiet: 'x = f()  # type: ignore[attr-defined]  # set by plugin\n', lang: 'py' },
      { tool: 'pylint', reported: '# pylint: disable=invalid-name\n', quiet: '# pylint: disable=invalid-name -- matches the API spelling\n', lang: 'py' },
      { tool: 'RuboCop', reported: 'x = 1 # rubocop:disable Style/Foo\n', quiet: 'x = 1 # rubocop:disable Style/Foo -- DSL needs it\n', lang: 'rb' },
      { tool: 'golangci-lint', reported: 'f() //nolint:errcheck\n', quiet: 'f() //nolint:errcheck // close error is irrelevant\n', lang: 'go' },
      { tool: 'golangci-lint bare', reported: 'f() //nolint\n', quiet: 'f() //nolint // generated code\n', lang: 'go' },
      { tool: 'Java', reported: '@SuppressWarnings("unchecked")\nList<X> l;\n', quiet: '@SuppressWarnings("unchecked") // the cast is checked above\nList<X> l;\n', lang: 'java' },
      { tool: 'Java line above', reported: '@SuppressWarnings("deprecation")\nvoid f() {}\n', quiet: '// legacy API until the port\n@SuppressWarnings("deprecation")\nvoid f() {}\n', lang: 'java' },
      { tool: 'C#', reported: '#pragma warning disable CS0618\n', quiet: '#pragma warning disable CS0618 // Obsolete API kept for v1 clients\n', lang: 'cs' },
      { tool: 'Sonar', reported: 'f(); // NOSONAR\n', quiet: 'f(); // NOSONAR false positive on generated code\n' },
    ];
    const runIn = (text: string, lang?: string) => {
      if (lang === 'py') return py(text);
      if (lang === 'rb') return rb(text);
      if (lang === 'go') return run(text, { languageId: 'go', path: 'a.go' });
      if (lang === 'java') return run(text, { languageId: 'java', path: 'A.java' });
      if (lang === 'cs') return run(text, { languageId: 'csharp', path: 'A.cs' });
      return run(text);
    };
    it('a directive quoted further inside a doc comment is an example, not a suppression', () => {
      assert.deepEqual(ids(run('/**\n * Example:\n *     var arr = [ // eslint-disable-line foo\n */\nconst a = 1;\n')), []);
      assert.deepEqual(ids(run('/** @ts-ignore */\nconst a: number = "x";\n')), ['suppressed-check']);
    });
    for (const { tool, reported, quiet, lang } of cases) {
      it(`${tool}: reported without a reason, quiet with one`, () => {
        assert.deepEqual(ids(runIn(reported, lang)), ['suppressed-check'], reported);
        assert.deepEqual(ids(runIn(quiet, lang)), [], quiet);
      });
    }

    it('@ts-ignore and @ts-nocheck are reported even with text', () => {
      const [ignore] = run('// @ts-ignore the types are wrong\nf();\n');
      assert.equal(ignore.ruleId, 'suppressed-check');
      assert.match(ignore.message, /@ts-expect-error/);
      assert.equal(ignore.column, 4);
      assert.equal(ignore.endColumn, 14);
      assert.deepEqual(ids(run('// @ts-nocheck legacy file\n')), ['suppressed-check']);
    });

    it('a rule code is not a reason', () => {
      assert.deepEqual(ids(py('x = 1  # noqa E501\n')), ['suppressed-check']);
      assert.deepEqual(ids(run('// eslint-disable-line no-console --\n')), ['suppressed-check']);
      assert.deepEqual(ids(run('// eslint-disable-line no-console -- ok\n')), ['suppressed-check']);
    });

    it('directive words inside strings or prose are not directives', () => {
      assert.deepEqual(ids(run('const s = "// eslint-disable-line";\n')), []);
      assert.deepEqual(ids(run('// we never use eslint-disable here\n')), []);
    });
  });

  describe('inline ignore', () => {
    it('with a reason silences that rule on the same line or the line below', () => {
      const text = '// qa-lens-ignore insecure-shortcut -- local test server only\nconst o = { rejectUnauthorized: false };\n';
      assert.deepEqual(rules(run(text)), []);
      const same = 'const o = { rejectUnauthorized: false }; // qa-lens-ignore insecure-shortcut -- test server\n';
      assert.deepEqual(rules(run(same)), []);
      const other = '// qa-lens-ignore swallowed-error -- wrong rule\nconst o = { rejectUnauthorized: false };\n';
      assert.deepEqual(rules(run(other)), ['2:13 insecure-shortcut']);
      const twoBelow = '// qa-lens-ignore insecure-shortcut -- too far\n\nconst o = { rejectUnauthorized: false };\n';
      assert.deepEqual(rules(run(twoBelow)), ['3:13 insecure-shortcut']);
    });

    it('without a reason is itself a suppressed-check', () => {
      const text = '// qa-lens-ignore insecure-shortcut\nconst o = { rejectUnauthorized: false };\n';
      const found = run(text);
      assert.deepEqual(rules(found), ['1:4 suppressed-check']);
      assert.match(found[0].message, /qa-lens-ignore/);
    });

    it('silences comment rules too', () => {
      assert.deepEqual(rules(run('// TODO: x  qa-lens-ignore untracked-marker -- tracked on the board\n')), []);
    });
  });

  describe('skipped-test and focused-test', () => {
    it('JS skips and focus count only in test files', () => {
      const text = "describe.skip('a', () => {});\nit.only('b', () => {});\nxit('c', () => {});\nfit('d', () => {});\n";
      assert.deepEqual(rules(run(text, { path: 'src/a.test.ts' })), ['1:1 skipped-test', '2:1 focused-test', '3:1 skipped-test', '4:1 focused-test']);
      assert.deepEqual(rules(run(text, { path: 'src/a.ts' })), []);
      assert.deepEqual(rules(run("fit('x', f);\n", { path: 'lib/fit.js', languageId: 'javascript' })), []);
    });

    it('test files per the globs', () => {
      const text = "it.skip('x', () => {});\n";
      for (const path of ['a.spec.js', 'test/a.js', 'pkg/tests/a.js', 'src/__tests__/a.tsx', 'spec/x.js', 'a_test.js']) {
        assert.deepEqual(ids(run(text, { path })), ['skipped-test'], path);
      }
      assert.deepEqual(ids(run(text, { path: 'e2e/login.ts', settings: settings({ testFiles: ['e2e/**'] }) })), ['skipped-test']);
      assert.deepEqual(ids(run(text, { path: 'e2e/login.ts' })), []);
    });

    it("Playwright's conditional test.skip(cond, 'why') is guarded; test.skip() is not", () => {
      const path = 'e2e/a.spec.ts';
      assert.deepEqual(ids(run("test.skip(browserName === 'webkit', 'no webkit');\n", { path })), []);
      assert.deepEqual(ids(run('test.skip(({ browserName }) => browserName === "webkit");\n', { path })), []);
      assert.deepEqual(ids(run('test.skip();\n', { path })), ['skipped-test']);
      assert.deepEqual(ids(run('it.skip(title, () => {});\n', { path })), ['skipped-test']);
      assert.deepEqual(ids(run('const maybe = ci ? it.skip : it;\n', { path })), []);
    });

    it('annotations anywhere: JUnit, xUnit, NUnit, pytest, unittest, Go, Rust', () => {
      const junit = 'import org.junit.jupiter.api.Disabled;\nclass A {\n  @Disabled("flaky")\n  void t() {}\n  @DisabledOnOs(WINDOWS)\n  void u() {}\n}\n';
      assert.deepEqual(rules(run(junit, { languageId: 'java', path: 'src/A.java' })), ['3:3 skipped-test']);
      assert.deepEqual(rules(run('class E {\n  @Ignore\n  String cache;\n}\n', { languageId: 'java', path: 'src/E.java' })), []);
      const xunit = '[Fact(Skip = "flaky")]\npublic void T() {}\n[Test, Ignore("later")]\npublic void U() {}\n';
      assert.deepEqual(rules(run(xunit, { languageId: 'csharp', path: 'src/A.cs' })), ['1:7 skipped-test', '3:8 skipped-test']);
      assert.deepEqual(rules(py('@pytest.mark.skip(reason="x")\ndef test_a(): pass\n@pytest.mark.skipif(sys.platform == "win32", reason="x")\ndef test_b(): pass\n@unittest.skip("x")\ndef test_c(): pass\n')), ['1:1 skipped-test', '5:1 skipped-test']);
      assert.deepEqual(rules(run('func TestA(t *testing.T) {\n\tt.Skip("flaky")\n}\n', { languageId: 'go', path: 'a.go' })), ['2:2 skipped-test']);
      assert.deepEqual(rules(run('#[test]\n#[ignore]\nfn slow() {}\n', { languageId: 'rust', path: 'src/lib.rs' })), ['2:1 skipped-test']);
    });

    it('guarded skips are not reported', () => {
      const go = 'func TestA(t *testing.T) {\n\tif testing.Short() {\n\t\tt.Skip("short mode")\n\t}\n\tif testing.Short() { t.Skip("x") }\n}\n';
      assert.deepEqual(rules(run(go, { languageId: 'go', path: 'a_test.go' })), []);
      const goUnguarded = 'func TestA(t *testing.T) {\n\tif testing.Short() {\n\t\tt.Skip("short mode")\n\t\tlog()\n\t}\n}\n';
      assert.deepEqual(rules(run(goUnguarded, { languageId: 'go', path: 'a_test.go' })), ['3:3 skipped-test']);
      const ruby = "it 'works' do\n  skip 'no network' unless online?\n  skip if windows?\nend\nit 'b' do\n  begin\n    require 'x'\n  rescue LoadError\n    skip 'x missing'\n  end\nend\n";
      assert.deepEqual(rules(rb(ruby, 'test/a_test.rb')), []);
      const rubyBare = "it 'works' do\n  skip 'later'\nend\nxit 'other' do\nend\npending 'not done'\n";
      assert.deepEqual(rules(rb(rubyBare, 'spec/a_spec.rb')), ['2:3 skipped-test', '4:1 skipped-test', '6:1 skipped-test']);
      assert.deepEqual(rules(rb(rubyBare, 'lib/a.rb')), []);
      const pyGuard = 'if sys.platform == "win32":\n    pytestmark = pytest.mark.skip\n';
      assert.deepEqual(rules(py(pyGuard, 'tests/test_a.py')), []);
      const jsGuard = "if (process.env.CI) {\n  it.skip('x', () => {});\n}\nif (a) it.skip('y', f);\n";
      assert.deepEqual(rules(run(jsGuard, { path: 'a.test.js' })), []);
    });

    it('RSpec focus', () => {
      assert.deepEqual(rules(rb("fit 'x' do\nend\nfdescribe Foo do\nend\n", 'spec/a_spec.rb')), ['1:1 focused-test', '3:1 focused-test']);
    });
  });

  describe('swallowed-error', () => {
    it('empty catch with and without a binding', () => {
      assert.deepEqual(rules(run('try { a(); } catch (e) {}\ntry { b(); } catch {\n}\n')), ['1:14 swallowed-error', '2:14 swallowed-error']);
    });

    it('a catch with an explaining comment is intentional', () => {
      assert.deepEqual(rules(run('try { a(); } catch (e) {\n  // best effort: the cache is optional\n}\n')), []);
      assert.deepEqual(rules(run('try { a(); } catch { /* optional */ }\n')), []);
      assert.deepEqual(rules(run('p.catch(() => {});\n')), []);
      assert.deepEqual(rules(run('try { a(); } catch (e) { log(e); }\n')), []);
    });

    it('except ...: pass', () => {
      const text = 'try:\n    a()\nexcept ValueError:\n    pass\ntry:\n    b()\nexcept: pass\n';
      assert.deepEqual(rules(py(text)), ['3:1 swallowed-error', '7:1 swallowed-error']);
      assert.deepEqual(rules(py('try:\n    a()\nexcept ImportError:\n    # optional dependency\n    pass\n')), []);
      assert.deepEqual(rules(py('try:\n    a()\nexcept ImportError:  # optional\n    pass\n')), []);
      assert.deepEqual(rules(py('try:\n    a()\nexcept ImportError:\n    pass\n    log()\n')), []);
    });

    it('Ruby rescue with an empty or nil body, and rescue nil', () => {
      const text = 'begin\n  a\nrescue StandardError\nend\nbegin\n  b\nrescue => e\n  nil\nend\nx = c rescue nil\n';
      assert.deepEqual(rules(rb(text)), ['3:1 swallowed-error', '7:1 swallowed-error', '10:7 swallowed-error']);
      assert.deepEqual(rules(rb('begin\n  a\nrescue LoadError\n  # optional gem\nend\n')), []);
      assert.deepEqual(rules(rb('begin\n  a\nrescue LoadError\n  warn "x"\nend\nrescue_from Foo\n')), []);
    });
  });

  describe('insecure-shortcut', () => {
    it('TLS verification switched off', () => {
      assert.deepEqual(ids(run('https.get(u, { rejectUnauthorized: false });\n')), ['insecure-shortcut']);
      assert.deepEqual(ids(run("const o = { 'rejectUnauthorized': false };\n")), ['insecure-shortcut']);
      assert.deepEqual(ids(run("process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n")), ['insecure-shortcut']);
      assert.deepEqual(ids(py('requests.get(url, verify=False)\nctx = ssl._create_unverified_context()\n')), ['insecure-shortcut', 'insecure-shortcut']);
      assert.deepEqual(ids(run('tls.Config{InsecureSkipVerify: true}\n', { languageId: 'go', path: 'a.go' })), ['insecure-shortcut']);
    });

    it('YAML, shell and Dockerfile values are code', () => {
      const yaml = 'steps:\n  - run: curl -fsSLk https://x.test/install.sh | sh\n  - run: curl --insecure https://x.test\n  - run: npm config set strict-ssl false\n  - run: chmod 777 /tmp/x\n';
      assert.deepEqual(rules(run(yaml, { line: ['#'], languageId: 'yaml', path: '.github/workflows/ci.yml', keepStrings: true })), [
        '2:10 insecure-shortcut', '3:10 insecure-shortcut', '4:25 insecure-shortcut', '5:10 insecure-shortcut',
      ]);
      const docker = 'ENV NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN curl -o x https://kube.test/x\n';
      assert.deepEqual(rules(run(docker, { line: ['#'], languageId: 'dockerfile', path: 'Dockerfile', keepStrings: true })), ['1:5 insecure-shortcut']);
    });

    it('world-writable modes', () => {
      assert.deepEqual(ids(run('fs.chmodSync(p, 0o777);\n')), ['insecure-shortcut']);
      assert.deepEqual(ids(run('os.Chmod(p, 0777)\n', { languageId: 'go', path: 'a.go' })), ['insecure-shortcut']);
      assert.deepEqual(ids(run('fs.chmodSync(p, 0o755); const n = 10777;\n')), []);
      // A mask reads or clears bits: it sets no permission.
      assert.deepEqual(ids(run('const octal = (mode & 0o777).toString(8);\nconst kept = 0o777 & ~umask;\nmode &= ~0o777;\n')), []);
      assert.deepEqual(ids(run('perms = stat.S_IMODE(st.st_mode) & 0o777\n', { languageId: 'python', path: 'a.py' })), []);
      // ...but a mode that is only next to one still counts.
      assert.deepEqual(ids(run('if (ok && 0o777) x();\nfs.chmodSync(p, mode | 0o777);\n')), ['insecure-shortcut', 'insecure-shortcut']);
      // The umask taken away, or a function's default mode (as os.mkdir's): found scanning setuptools and CPython.
      assert.deepEqual(ids(py('chmod(target, 0o777 - mask)\nbits = 0o777 ^ other\n')), []);
      assert.deepEqual(ids(py('def makedirs(name, mode=0o777, exist_ok=False):\n    pass\ndef mkpath(self, name: str, mode: int = 0o777) -> None:\n    pass\n')), []);
      assert.deepEqual(ids(run('def mkdir(path, mode = 0777)\nend\n', { languageId: 'ruby', path: 'a.rb' })), []);
      // ...but passing it, or another parameter's default, still counts.
      assert.deepEqual(ids(py('os.makedirs(p, mode=0o777)\ndef f(path, perms=0o777):\n    os.chmod(p, 0o777)\n')), [
        'insecure-shortcut', 'insecure-shortcut', 'insecure-shortcut',
      ]);
    });

    it('a JWT decoded without verification is named as such, not as TLS', () => {
      const [jwt, tls] = py('payload = jwt.decode(token, verify=False)\nrequests.get(url, verify=False)\n');
      assert.match(jwt.message, /^Token signature verification switched off/);
      assert.match(tls.message, /^TLS certificate verification switched off/);
    });

    it('never in comments or string literals of ordinary code', () => {
      assert.deepEqual(ids(run('// never set rejectUnauthorized: false\n')), []);
      assert.deepEqual(ids(run('const help = "use curl -k to test";\n')), []);
      assert.deepEqual(ids(py('# requests.get(url, verify=False)\n')), []);
    });
  });

  it('several code rules on one line', () => {
    const text = 'try { https.get(u, { rejectUnauthorized: false }); } catch (e) {} // eslint-disable-line\n';
    assert.deepEqual(ids(run(text)).sort(), ['insecure-shortcut', 'suppressed-check', 'swallowed-error']);
  });
});
