import { strict as assert } from 'node:assert';
import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { BaselineError, newSinceBaseline, parseBaseline, serializeBaseline } from '../../../src/core/baseline';
import { countBudgets, describeExceededBudget, exceededBudgets } from '../../../src/core/budgets';
import type { Finding, Severity } from '../../../src/core/types';
import { makeRepo, makeTempDir, removeTempDir, type TempRepo } from '../git/fixtureRepo';
import { buildCli, qaLens, removeCli, scanJson } from './cli';

function finding(path: string, fingerprint: string, severity: Severity = 'warning'): Finding {
  return {
    ruleId: 'vague-deferral', severity, path, line: 1, column: 1, endLine: 1, endColumn: 2, message: 'm', excerpt: 'x',
    tag: null, ticket: null, deadline: null, principle: null, fingerprint,
  };
}

describe('baseline files', () => {
  it('are sorted by fingerprint, end with a newline, and round-trip', () => {
    const text = serializeBaseline([finding('b.ts', 'ff01'), finding('a.ts', '0a02'), finding('a.ts', '5c03')]);
    assert.equal(text, `${JSON.stringify({ version: 1, tool: 'qa-lens', fingerprints: {
      '0a02': { ruleId: 'vague-deferral', path: 'a.ts' },
      '5c03': { ruleId: 'vague-deferral', path: 'a.ts' },
      ff01: { ruleId: 'vague-deferral', path: 'b.ts' },
    } }, null, 2)}\n`);
    const baseline = parseBaseline(text, 'b.json');
    assert.deepEqual([...baseline.fingerprints.keys()], ['0a02', '5c03', 'ff01']);
    assert.deepEqual(newSinceBaseline([finding('a.ts', '0a02'), finding('c.ts', 'new1')], baseline).map((f) => f.fingerprint), ['new1']);
  });

  it('reject malformed files with a message that says what is wrong', () => {
    const cases: Array<[string, RegExp]> = [
      ['{', /^b\.json:1:2: invalid JSON: expected a property name/],
      ['\n\n  {"version": 1, "fingerprints": {,}}', /^b\.json:3:35: invalid JSON: expected a property name in double quotes but found ","/],
      ['[]', /expected a JSON object/],
      ['{"version":2,"fingerprints":{}}', /version 1 \(found version 2\)/],
      ['{"version":1,"tool":"other","fingerprints":{}}', /written by "other"/],
      ['{"version":1}', /no "fingerprints" object/],
      ['{"version":1,"fingerprints":{"ab":{"ruleId":1}}}', /fingerprint ab needs "ruleId" and "path"/],
    ];
    for (const [text, message] of cases) assert.throws(() => parseBaseline(text, 'b.json'), (e: unknown) => e instanceof BaselineError && message.test(e.message), text);
  });
});

describe('budgets', () => {
  it('count warning-or-worse findings per glob and report the ones past their budget', () => {
    const findings = [finding('src/legacy/a.ts', '1'), finding('src/legacy/b.ts', '2', 'error'), finding('src/legacy/c.ts', '3', 'information'), finding('src/new.ts', '4')];
    const budgets = { 'src/legacy/**': 1, '**': 3 };
    assert.deepEqual(countBudgets(findings, budgets), [{ glob: 'src/legacy/**', budget: 1, count: 2 }, { glob: '**', budget: 3, count: 3 }]);
    const exceeded = exceededBudgets(findings, budgets);
    assert.deepEqual(exceeded, [{ glob: 'src/legacy/**', budget: 1, count: 2 }]);
    assert.equal(describeExceededBudget(exceeded[0]), "budget exceeded: 2 findings (warning or worse) under 'src/legacy/**', budget 1 (1 over)");
    assert.deepEqual(exceededBudgets(findings, undefined), []);
  });
});

describe('baselines, budgets and --since on a real repository (built CLI)', function () {
  this.timeout(180_000);
  let repo: TempRepo | undefined;

  before(buildCli);
  after(removeCli);
  afterEach(async () => {
    await repo?.dispose();
    repo = undefined;
  });

  const A_V1 = ['export function a(): void {', '  // TODO: tidy the names', '  run();', '  // this is a quick hack', '}', ''].join('\n');
  // Commit 2: five lines inserted above the first shortcut (it moves), the quick hack fixed.
  const A_V2 = ['import { x } from "./x";', '', '/** Docs. */', 'const y = x;', '', 'export function a(): void {', '  // TODO: tidy the names', '  run();', '}', ''].join('\n');

  it('reports only new findings against a baseline written at an earlier commit, and rewrites it', async () => {
    repo = await makeRepo();
    await repo.write('src/a.ts', A_V1);
    await repo.commit('one');
    const first = await qaLens(['scan', '--write-baseline', 'qa-baseline.json', '--fail-on', 'warning'], repo.dir);
    assert.equal(first.status, 1, 'findings still reported when writing the baseline');
    const written = JSON.parse(await readFile(path.join(repo.dir, 'qa-baseline.json'), 'utf8')) as { version: number; tool: string; fingerprints: Record<string, { ruleId: string; path: string }> };
    assert.equal(written.version, 1);
    assert.equal(written.tool, 'qa-lens');
    assert.deepEqual(Object.values(written.fingerprints).map((e) => `${e.path} ${e.ruleId}`).sort(), ['src/a.ts untracked-marker', 'src/a.ts vague-deferral']);
    assert.deepEqual(Object.keys(written.fingerprints), Object.keys(written.fingerprints).sort());
    await repo.commit('baseline');

    await repo.write('src/a.ts', A_V2);
    await repo.write('src/b.ts', 'export const b = 1; // we will fix it next sprint\n');
    await repo.commit('two');

    const all = await scanJson([], repo.dir);
    assert.deepEqual(all.report.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`), ['src/a.ts:7 untracked-marker', 'src/b.ts:1 deferred-to-sprint']);
    const fresh = await scanJson(['--baseline', 'qa-baseline.json', '--fail-on', 'warning'], repo.dir);
    assert.deepEqual(fresh.report.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`), ['src/b.ts:1 deferred-to-sprint'], 'the moved TODO is known');
    assert.equal(fresh.report.summary.findings, 1);
    assert.equal(fresh.run.status, 1, 'the new warning fails --fail-on warning');
    const text = await qaLens(['scan', '--baseline', 'qa-baseline.json', 'src/a.ts', '--fail-on', 'information'], repo.dir);
    assert.equal(text.status, 0, 'only known findings in a.ts: nothing to fail on');
    assert.match(text.stdout, /0 findings in 1 file; 1 in the baseline\n$/);

    const rewrite = await qaLens(['scan', '--write-baseline', 'qa-baseline.json'], repo.dir);
    assert.equal(rewrite.status, 0);
    const rewritten = JSON.parse(await readFile(path.join(repo.dir, 'qa-baseline.json'), 'utf8')) as typeof written;
    const fixed = Object.keys(written.fingerprints).filter((fp) => written.fingerprints[fp].ruleId === 'vague-deferral');
    assert.equal(fixed.length, 1);
    assert.ok(!(fixed[0] in rewritten.fingerprints), 'the fixed finding is gone');
    assert.deepEqual(Object.keys(rewritten.fingerprints).sort(), all.report.findings.map((f) => f.fingerprint).sort());
    assert.equal((await scanJson(['--baseline', 'qa-baseline.json'], repo.dir)).report.findings.length, 0);
  });

  it('exits 2 for a missing or malformed --baseline', async () => {
    repo = await makeRepo();
    await repo.write('a.ts', '// TODO: x\n');
    await writeFile(path.join(repo.dir, 'bad.json'), '{"version":1,');
    const missing = await qaLens(['scan', '--baseline', 'nope.json'], repo.dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--baseline: baseline file not found: nope\.json/);
    assert.equal(missing.stdout, '');
    const bad = await qaLens(['scan', '--baseline', 'bad.json'], repo.dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--baseline: bad\.json:1:14: invalid JSON/);
  });

  it('exits 2 before scanning when --write-baseline cannot be written, and names why', async () => {
    repo = await makeRepo();
    await repo.write('a.ts', '// TODO: x\n');
    await repo.write('baselines/keep.txt', 'a folder\n');
    // A problem the scan would print as it starts: stderr holds only the reason when the check comes first.
    await repo.write('.quality/config.json', '{ "unknownKey": true }\n');
    const folder = await qaLens(['scan', '--write-baseline', 'baselines'], repo.dir);
    assert.equal(folder.status, 2, folder.stderr);
    assert.equal(folder.stderr, 'qa-lens scan: --write-baseline: baseline file cannot be written: baselines: it is a folder\n');
    assert.equal(folder.stdout, '', 'stopped before the scan');
    const underFile = await qaLens(['scan', '--write-baseline', 'a.ts/qa-baseline.json'], repo.dir);
    assert.equal(underFile.status, 2);
    assert.equal(underFile.stderr, 'qa-lens scan: --write-baseline: baseline file cannot be written: a.ts/qa-baseline.json: a.ts is a file, not a folder\n');
    // Folders that do not exist yet are created.
    const nested = await qaLens(['scan', '--fail-on', 'never', '--write-baseline', 'ci/new/qa-baseline.json'], repo.dir);
    assert.equal(nested.status, 0, nested.stderr);
    assert.ok((await readFile(path.join(repo.dir, 'ci', 'new', 'qa-baseline.json'), 'utf8')).includes('"untracked-marker"'));
  });

  it('fails when a budget is exceeded, names it on stderr, and --no-budgets skips the check', async () => {
    repo = await makeRepo();
    await repo.write('.quality/config.json', JSON.stringify({ budgets: { 'src/legacy/**': 1, '**': 10 } }));
    await repo.write('src/legacy/a.ts', '// quick hack\n// TODO(PROJ-1): fine\n');
    await repo.commit('one');
    const within = await qaLens(['scan', '--format', 'json'], repo.dir);
    assert.equal(within.status, 0);
    assert.equal(within.stderr, '');

    await repo.write('src/legacy/b.ts', 'try { f(); } catch {}\n');
    const over = await qaLens(['scan', '--format', 'json'], repo.dir);
    assert.equal(over.status, 1);
    assert.equal(over.stderr, "qa-lens scan: budget exceeded: 2 findings (warning or worse) under 'src/legacy/**', budget 1 (1 over)\n");
    assert.equal((JSON.parse(over.stdout) as { findings: unknown[] }).findings.length, 3, 'JSON shape unchanged');
    const skipped = await qaLens(['scan', '--no-budgets'], repo.dir);
    assert.equal(skipped.status, 0);
    assert.equal(skipped.stderr, '');
  });

  it('--since reports only findings on added lines, following a rename, under a sub-folder root', async () => {
    repo = await makeRepo();
    await repo.write('pkg/src/old.ts', ['// TODO: old one', 'export const a = 1;', ''].join('\n'));
    await repo.write('pkg/src/keep.ts', '// quick hack from long ago\n');
    await repo.write('other/x.ts', '// TODO: elsewhere\n');
    const base = await repo.commit('base');
    await repo.git.raw(['mv', 'pkg/src/old.ts', 'pkg/src/new.ts']);
    await repo.write('pkg/src/new.ts', ['// TODO: old one', 'export const a = 1;', '// TODO: added after the rename', ''].join('\n'));
    await repo.commit('rename and edit');
    await repo.write('pkg/src/untracked.ts', '// this is temporary for now\n');
    await repo.write('other/y.ts', '// TODO: new but outside the root\n');

    const { report, run } = await scanJson(['pkg', '--since', base], repo.dir);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(report.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`), ['src/new.ts:3 untracked-marker', 'src/untracked.ts:1 vague-deferral']);
    const text = await qaLens(['scan', 'pkg', '--since', 'main~1'], repo.dir);
    assert.match(text.stdout, /2 findings \(1 warning, 1 information\) in 3 files; 2 not on lines added since the ref\n$/);

    const unknown = await qaLens(['scan', '--since', 'no-such-branch'], repo.dir);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /--since no-such-branch: 'no-such-branch' does not name a commit in this repository/);
    const option = await qaLens(['scan', '--since', '--output=x'], repo.dir);
    assert.equal(option.status, 2);
  });

  it('--since A...B compares with the merge base, as git diff does; a two-dot range is refused with a message', async () => {
    repo = await makeRepo();
    await repo.write('src/a.ts', ['// TODO: from the start', 'export const a = 1;', ''].join('\n'));
    const start = await repo.commit('start');
    await repo.git.raw(['checkout', '-q', '-b', 'feature']);
    await repo.write('src/b.ts', '// HACK: the branch adds this\n');
    await repo.commit('feature work');
    // main moves on after the branch left it: it rewrites a's first line.
    await repo.git.raw(['checkout', '-q', 'main']);
    await repo.write('src/a.ts', ['// TODO(PROJ-1): from the start, now tracked', 'export const a = 1;', ''].join('\n'));
    await repo.commit('main moves on');
    await repo.git.raw(['checkout', '-q', 'feature']);

    const brief = (report: { findings: Array<{ path: string; line: number; ruleId: string }> }): string[] => report.findings.map((f) => `${f.path}:${f.line} ${f.ruleId}`);
    // Against main itself, a's old line looks added (main has another text there).
    assert.deepEqual(brief((await scanJson(['--since', 'main'], repo.dir)).report), ['src/a.ts:1 untracked-marker', 'src/b.ts:1 untracked-marker']);
    // Against the merge base: only the branch's own line. `main...` and `main...HEAD` are the same.
    for (const since of ['main...', 'main...HEAD', 'main...feature', start]) {
      assert.deepEqual(brief((await scanJson(['--since', since], repo.dir)).report), ['src/b.ts:1 untracked-marker'], since);
    }

    const range = await qaLens(['scan', '--since', 'main..HEAD'], repo.dir);
    assert.equal(range.status, 2);
    assert.match(range.stderr, /--since main\.\.HEAD: 'main\.\.HEAD' is a range of commits, and --since takes the one to compare with: a ref, or A\.\.\.B for the merge base of A and B/);
    const unknown = await qaLens(['scan', '--since', 'nope...HEAD'], repo.dir);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /--since nope\.\.\.HEAD: 'nope' does not name a commit in this repository/);
  });

  it('--since outside a git repository is exit 2 with a message', async () => {
    const dir = await makeTempDir('qa-lens-nogit-');
    try {
      await writeFile(path.join(dir, 'a.ts'), '// TODO: x\n');
      const run = await qaLens(['scan', '--since', 'HEAD~1'], dir);
      assert.equal(run.status, 2);
      assert.match(run.stderr, /--since HEAD~1: --since needs a git repository, and .* is not inside one/);
      assert.equal(run.stdout, '');
    } finally {
      await removeTempDir(dir);
    }
  });
});
