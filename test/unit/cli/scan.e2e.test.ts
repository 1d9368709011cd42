import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { symlink } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { plainEnv, runNode, type Run } from '../childProcess';
import { tempTree, type TempTree } from '../scan/tempTree';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');


/** Runs the built CLI as a child process, as a user or CI would. */
function qaLens(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return runNode(CLI, args, cwd, plainEnv(env));
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  path: string;
  line: number;
  column: number;
  deadline: string | null;
}
interface JsonReport {
  version: number;
  tool: { name: string; version: string };
  root: string;
  summary: { files: number; skipped: number; findings: number; bySeverity: Record<string, number> };
  findings: JsonFinding[];
  problems: Array<{ path: string; line: number; column: number; message: string }>;
}

async function scanJson(args: string[], cwd: string): Promise<{ run: Run; report: JsonReport }> {
  const run = await qaLens(['scan', '--format', 'json', ...args], cwd);
  assert.ok(run.status === 0 || run.status === 1, `status ${run.status}: ${run.stderr}`);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}

const at = (f: JsonFinding): string => `${f.path}:${f.line}:${f.column} ${f.ruleId}`;

describe('qa-lens scan (built CLI)', function () {
  this.timeout(120_000);
  let tree: TempTree;

  before(async () => {
    // Built once for the whole run by test/unit/globalSetup.cjs; alone (--no-config), build here.
    if (process.env.QA_LENS_DIST_BUILT !== '1') await promisify(execFile)(process.execPath, ['scripts/build.mjs'], { cwd: REPO });
  });
  afterEach(async () => {
    await tree.remove();
  });

  it('reports paths relative to the one folder given, with cli.md\'s JSON shape', async () => {
    tree = await tempTree({ 'some/dir/src/a.ts': 'const a = 1;\n// TODO: fix this in the next sprint\n' });
    const { run, report } = await scanJson(['some/dir', '--now', '2025-01-01'], tree.root);
    assert.equal(run.status, 0);
    assert.equal(report.version, 1);
    assert.equal(report.tool.name, 'qa-lens');
    assert.match(report.tool.version, /^\d+\.\d+\.\d+/);
    assert.equal(report.root, path.join(tree.root, 'some', 'dir'));
    assert.deepEqual(report.findings.map(at), ['src/a.ts:2:4 deferred-to-sprint']);
    assert.deepEqual(report.summary, { files: 1, skipped: 0, findings: 1, bySeverity: { error: 0, warning: 1, information: 0, hint: 0 } });
    assert.deepEqual(report.problems, []);
  });

  it('uses the current folder as root for several paths or a file', async () => {
    tree = await tempTree({ 'a/x.ts': '// TODO: one\n', 'b/y.py': '# TODO: two\n', 'c/z.ts': '// TODO: not asked for\n' });
    const several = await scanJson(['a', 'b/y.py'], tree.root);
    assert.equal(several.report.root, tree.root);
    assert.deepEqual(several.report.findings.map((f) => f.path), ['a/x.ts', 'b/y.py']);
    const one = await scanJson(['b/y.py'], tree.root);
    assert.deepEqual(one.report.findings.map((f) => f.path), ['b/y.py']);
    const none = await scanJson([], path.join(tree.root, 'c'));
    assert.deepEqual(none.report.findings.map((f) => f.path), ['z.ts']);
  });

  it('sorts findings by path, line and column and honours .gitignore and exclude', async () => {
    tree = await tempTree({
      '.gitignore': 'build/\n',
      '.quality/config.json': '{ "exclude": ["vendor/**"] }',
      'b.ts': '// TODO: b2\n\n// TODO: b3\n',
      'a.ts': 'x; // TODO: a1\n',
      'build/out.ts': '// TODO: ignored\n',
      'vendor/v.ts': '// TODO: excluded\n',
    });
    const { report } = await scanJson([], tree.root);
    assert.deepEqual(report.findings.map(at), ['a.ts:1:7 untracked-marker', 'b.ts:1:4 untracked-marker', 'b.ts:3:4 untracked-marker']);
  });

  it('reports a file reached through symlinks once, under its own path; cycles end, dangling links are no error', async () => {
    tree = await tempTree({ 'src/a.ts': '// TODO: fix this in the next sprint\n', 'lib/b.ts': '// fix next sprint\n' });
    const outside = await tempTree({ 'secret.ts': '// TODO: not ours\n' });
    try {
      await symlink(path.join('src', 'a.ts'), path.join(tree.root, 'link-a.ts')); // a symlinked file
      await symlink(path.join('..', 'lib'), path.join(tree.root, 'src', 'lib')); // a symlinked folder
      await symlink('..', path.join(tree.root, 'src', 'up')); // a cycle
      await symlink('missing.ts', path.join(tree.root, 'dangling.ts'));
      await symlink(path.join(outside.root, 'secret.ts'), path.join(tree.root, 'out.ts'));
      const { run, report } = await scanJson([], tree.root);
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(report.findings.map(at), ['lib/b.ts:1:8 deferred-to-sprint', 'src/a.ts:1:4 deferred-to-sprint']);
      assert.deepEqual(report.summary, { files: 2, skipped: 1, findings: 2, bySeverity: { error: 0, warning: 2, information: 0, hint: 0 } });
      const text = await qaLens(['scan'], tree.root);
      assert.equal(text.status, 0);
      assert.match(text.stdout, /\n2 findings \(2 warnings\) in 2 files; 1 skipped \(1 outside the root\)\n$/);
    } finally {
      await outside.remove();
    }
  });

  it('places findings right in CRLF and BOM files, and survives invalid UTF-8', async () => {
    tree = await tempTree({
      'crlf.ts': 'const a = 1;\r\nconst b = 2; // TODO: tidy\r\n\r\n  /* FIXME: x */\r\n',
      'bom.ts': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('// TODO: bom first line\r\n')]),
      'bad.ts': Buffer.concat([Buffer.from('const s = "\xff\xfe";\n', 'latin1'), Buffer.from([0xc3, 0x28, 0x0a]), Buffer.from('// TODO: after bad bytes\n')]),
    });
    const { report } = await scanJson([], tree.root);
    assert.deepEqual(report.findings.map(at), ['bad.ts:3:4 untracked-marker', 'bom.ts:1:4 untracked-marker', 'crlf.ts:2:17 untracked-marker', 'crlf.ts:4:6 untracked-marker']);
  });

  it('skips a 5 MB one-line file as too large, and scans it without hanging when allowed', async () => {
    const line = `const blob = "${'ab '.repeat(5 * 1024 * 1024 / 3)}"; // TODO: shrink\n`;
    tree = await tempTree({ 'big.ts': line, 'small.ts': '' });
    const skipped = await scanJson([], tree.root);
    assert.equal(skipped.report.summary.skipped, 1);
    assert.deepEqual(skipped.report.findings, []);
    const text = await qaLens(['scan'], tree.root);
    assert.match(text.stdout, /1 skipped \(1 too large\)\n$/);

    await tree.write('.quality/config.json', '{ "maxFileSize": 10485760 }');
    const started = Date.now();
    const scanned = await scanJson([], tree.root);
    assert.ok(Date.now() - started < 30_000, 'finishes');
    assert.equal(scanned.report.summary.skipped, 0);
    assert.deepEqual(scanned.report.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`), ['big.ts:1 untracked-marker']);
  });

  it('exits 1 for a finding at or above --fail-on, 0 otherwise', async () => {
    tree = await tempTree({ 'w.ts': '// TODO: fix this in the next sprint\n', 'h.ts': '// TODO(PROJ-12): tracked\n' });
    const status = async (args: string[]): Promise<number | null> => (await qaLens(['scan', ...args], tree.root)).status;
    assert.equal(await status([]), 0, 'default fail-on error; only a warning and a hint');
    assert.equal(await status(['--fail-on', 'warning']), 1);
    assert.equal(await status(['--fail-on', 'information']), 1);
    assert.equal(await status(['h.ts', '--fail-on', 'information']), 0);
    assert.equal(await status(['h.ts', '--fail-on', 'hint']), 1);
    await tree.write('e.ts', '// TODO(2020-01-31): remove the shim\n');
    assert.equal(await status(['--now', '2025-01-01']), 1);
    assert.equal(await status(['--now', '2025-01-01', '--fail-on', 'never']), 0);
  });

  it('judges deadlines against --now', async () => {
    tree = await tempTree({ 'd.ts': '// TODO(2020-01-31): remove the shim\n' });
    const past = await scanJson(['--now', '2020-02-01'], tree.root);
    assert.deepEqual(past.report.findings.map((f) => `${f.ruleId} ${f.severity} ${f.deadline}`), ['expired-deadline error 2020-01-31']);
    const before = await scanJson(['--now', '2019-06-01'], tree.root);
    assert.deepEqual(before.report.findings.map((f) => `${f.ruleId} ${f.severity} ${f.deadline}`), ['tracked-marker hint 2020-01-31']);
    assert.equal(past.run.status, 1);
    assert.equal(before.run.status, 0);
  });

  it('exits 2 on usage errors, missing paths and unusable --config files', async () => {
    tree = await tempTree({ 'a.ts': '', 'bad.json': '{\n  "rules": {},\n}\n' });
    const cases: Array<[string[], RegExp]> = [
      [['--format', 'xml'], /unknown --format 'xml'/],
      [['--now', '2025-13-01'], /--now expects a date as YYYY-MM-DD/],
      [['--now', 'yesterday'], /--now expects a date/],
      [['--fail-on', 'fatal'], /unknown --fail-on 'fatal'/],
      [['--bogus'], /unknown option '--bogus'/],
      [['no/such/dir'], /no such file or folder: no\/such\/dir/],
      [['--config', 'missing.json'], /configuration file not found: missing\.json/],
      [['--config', 'bad.json'], /bad\.json:3:1: invalid JSON: trailing comma before "}"/],
    ];
    for (const [args, message] of cases) {
      const run = await qaLens(['scan', ...args], tree.root);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, message, args.join(' '));
      assert.equal(run.stdout, '', 'no report');
    }
  });

  it('reports problems in the config on stderr and in JSON, without changing the status', async () => {
    tree = await tempTree({
      '.quality/config.json': '{\n  "rules": { "nope": "off" },\n  "phrases": {\n    "vague-deferral": ["(", "\\\\bbodge\\\\b"]\n  }\n}\n',
      'a.ts': '// this is a bodge\n',
    });
    const { run, report } = await scanJson([], tree.root);
    assert.equal(run.status, 0);
    const expected = [
      '.quality/config.json:2:14: rules: unknown rule id "nope"',
      '.quality/config.json:4:24: phrases.vague-deferral: invalid regular expression "(": Unterminated group',
    ];
    assert.deepEqual(run.stderr.trimEnd().split('\n'), expected);
    assert.deepEqual(report.problems.map((p) => `${p.path}:${p.line}:${p.column}: ${p.message}`), expected);
    assert.deepEqual(report.findings.map(at), ['a.ts:1:14 vague-deferral'], 'the valid phrase still applies');
    const text = await qaLens(['scan'], tree.root);
    assert.deepEqual(text.stderr.trimEnd().split('\n'), expected);
  });

  it('reports an inline ignore that names no rule as a problem where it is written, in every format, status unchanged', async () => {
    tree = await tempTree({
      'test/b.test.ts': "// qa-lens-ignore skiped-test -- flaky on CI\nit.skip('a', () => {});\n",
      'a.py': 'import os\nos.chmod(p, 0o777)  # qa-lens-ignore insecure -- sandbox only\n',
      'c.ts': '// Mark one with qa-lens-ignore to keep it quiet.\n',
    });
    const { run, report } = await scanJson(['--fail-on', 'error'], tree.root);
    assert.equal(run.status, 0);
    const expected = [
      "a.py:2:38: qa-lens-ignore names no rule 'insecure', so it silences nothing: the rule ids are expired-deadline, deferred-to-sprint, vague-deferral, untracked-marker, tracked-marker, suppressed-check, skipped-test, focused-test, swallowed-error, insecure-shortcut.",
      "test/b.test.ts:1:19: qa-lens-ignore names no rule 'skiped-test', so it silences nothing: did you mean 'skipped-test'?",
    ];
    assert.deepEqual(run.stderr.trimEnd().split('\n'), expected);
    assert.deepEqual(report.problems.map((p) => `${p.path}:${p.line}:${p.column}: ${p.message}`), expected);
    assert.deepEqual(report.findings.map(at), ['a.py:2:13 insecure-shortcut', 'test/b.test.ts:2:1 skipped-test'], 'neither finding is silenced');
    const sarif = await qaLens(['scan', '--format', 'sarif'], tree.root);
    const notifications = (JSON.parse(sarif.stdout) as { runs: Array<{ invocations: Array<{ toolConfigurationNotifications: Array<{ message: { text: string } }> }> }> }).runs[0].invocations[0].toolConfigurationNotifications;
    assert.deepEqual(notifications.map((n) => n.message.text), [expected[0], expected[1]].map((line) => line.replace(/^[^ ]+ /, '')));
  });

  it('writes a plain text report on a pipe: grouped, summary last, nothing on stderr', async () => {
    tree = await tempTree({ 'src/a.ts': '// TODO: fix this in the next sprint\n', 'img.png': Buffer.from([0x89, 0, 0, 0]) });
    const run = await qaLens(['scan'], tree.root);
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'src/a.ts');
    assert.match(lines[1], /^ {2}1:4 {2}warning {2}.+ {2}deferred-to-sprint$/);
    assert.equal(lines[lines.length - 1], '1 finding (1 warning) in 1 file; 1 skipped (1 binary)');
    assert.ok(!run.stdout.includes('\u001b['), 'no colour on a pipe');
    const forced = await qaLens(['scan'], tree.root, { FORCE_COLOR: '1' });
    assert.ok(forced.stdout.includes('\u001b['), 'FORCE_COLOR colours');
  });
});
