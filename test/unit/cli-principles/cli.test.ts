import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { RULE_IDS } from '../../../src/core/rules/ids';
import { lines, tempDir, type TempDir } from '../constitution/tempDir';

const REPO = resolve(__dirname, '..', '..', '..');
const CLI = join(REPO, 'dist', 'cli.js');

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

function run(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : 99) : 0;
      done({ status, stdout, stderr });
    });
  });
}

describe('qa-lens principles, checklists and init (the built CLI)', function () {
  this.timeout(60000);
  let dir: TempDir;

  before(async () => {
    // Built once for the whole run by test/unit/globalSetup.cjs; alone (--no-config), build here.
    if (process.env.QA_LENS_DIST_BUILT === '1') return;
    await new Promise<void>((done, fail) => {
      execFile(process.execPath, ['scripts/build.mjs'], { cwd: REPO }, (error, _stdout, stderr) => (error ? fail(new Error(`build failed: ${stderr}`)) : done()));
    });
  });
  beforeEach(async () => {
    dir = await tempDir('qa-lens-cli-');
  });
  afterEach(async () => {
    await dir.remove();
  });

  describe('principles', () => {
    it('prints the bundled constitution as JSON in the shape of cli.md', async () => {
      const result = await run(dir.root, 'principles', '--format', 'json');
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stderr, '');
      const json = JSON.parse(result.stdout) as { source: string; version: string; principles: Record<string, unknown>[]; problems: unknown[] };
      assert.deepEqual(Object.keys(json), ['source', 'version', 'principles', 'problems']);
      assert.equal(json.source, 'bundled');
      assert.match(json.version, /^\d+\.\d+\.\d+$/);
      assert.deepEqual(json.problems, []);
      assert.deepEqual(Object.keys(json.principles[0]), ['id', 'title', 'level', 'appliesTo', 'rules', 'checklists', 'status', 'howToCheck', 'line']);
      const rules = new Set(json.principles.flatMap((p) => p.rules as string[]));
      for (const ruleId of RULE_IDS) assert.ok(rules.has(ruleId), ruleId);
    });

    it('--for lists only the principles that apply to the path; the text names the source', async () => {
      await dir.write('.quality/constitution.md', lines(
        '---', 'version: 2.0.0', '---',
        '## ENG-01 Everywhere', '**How to check:** Really?',
        '## ENG-02 Only tests', '<!-- qa: { appliesTo: ["**/*.test.ts"] } -->',
        '## ENG-03 Gone', '<!-- qa: { status: retired } -->',
      ));
      const json = JSON.parse((await run(dir.root, 'principles', '--for', 'src/a.test.ts', '--format', 'json')).stdout) as { source: string; principles: { id: string }[] };
      assert.equal(json.source, '.quality/constitution.md');
      assert.deepEqual(json.principles.map((p) => p.id), ['ENG-01', 'ENG-02']);
      const text = await run(dir.root, 'principles', '--for', 'src/a.ts');
      assert.equal(text.status, 0);
      assert.match(text.stdout, /^Engineering constitution 2\.0\.0 \(\.quality\/constitution\.md\)\n1 principle applies to src\/a\.ts:\n\nENG-01 \[should\] Everywhere\n {4}How to check: Really\?\n$/);
      const all = await run(dir.root, 'principles');
      assert.match(all.stdout, /ENG-03 \[should\] Gone \(retired\)/);
    });

    it('reports problems on stderr as path:line:column: message in every format, and in JSON; exit status stays 0', async () => {
      await dir.write('CONSTITUTION.md', lines('## ENG-01 Fine', '## ENG-01 Twice', '<!-- qa: { rules: [nope] } -->'));
      for (const format of ['text', 'json']) {
        const result = await run(dir.root, 'principles', '--format', format);
        assert.equal(result.status, 0);
        assert.equal(result.stderr, 'CONSTITUTION.md:2:1: duplicate principle id ENG-01 (first used on line 1); this one is ignored\n');
        if (format === 'json') {
          assert.deepEqual((JSON.parse(result.stdout) as { problems: unknown }).problems, [
            { path: 'CONSTITUTION.md', line: 2, column: 1, message: 'duplicate principle id ENG-01 (first used on line 1); this one is ignored' },
          ]);
        }
      }
    });

    it('says plainly that a constitution without principles has none yet, and how to add one; exit status stays 0', async () => {
      for (const text of ['', lines('---', 'title: Acme', '---', 'We will write this together.', '', '## Glossary', 'Words.')]) {
        await dir.write('.quality/constitution.md', text);
        for (const forPath of [[], ['--for', 'src/a.ts']]) {
          const result = await run(dir.root, 'principles', ...forPath);
          assert.equal(result.status, 0, 'a malformed constitution does not change the status (cli.md)');
          assert.match(result.stderr, /^\.quality\/constitution\.md:1:1: the constitution has no principles/m);
          assert.doesNotMatch(result.stdout, /\b0 principles/);
          assert.match(result.stdout, /^The constitution at \.quality\/constitution\.md has no principles yet\. Add one as a level-2 heading\b/m);
          assert.match(result.stdout, /^ {4}## ENG-01 Fail loudly, recover deliberately$/m);
        }
        const json = JSON.parse((await run(dir.root, 'principles', '--format', 'json')).stdout) as { principles: unknown[]; problems: { message: string }[] };
        assert.deepEqual(json.principles, []);
        assert.ok(json.problems.some((p) => p.message.startsWith('the constitution has no principles')));
      }
    });

    it("reads the config's constitution key", async () => {
      await dir.write('.quality/config.json', JSON.stringify({ constitution: 'handbook/rules.md' }));
      await dir.write('handbook/rules.md', lines('## TEAM-7 Our own'));
      await dir.write('.quality/constitution.md', lines('## ENG-01 Not this one'));
      const json = JSON.parse((await run(dir.root, 'principles', '--format', 'json')).stdout) as { source: string; principles: { id: string }[] };
      assert.equal(json.source, 'handbook/rules.md');
      assert.deepEqual(json.principles.map((p) => p.id), ['TEAM-7']);
    });

    it('refuses an unknown format and a path outside the folder with exit status 2', async () => {
      assert.equal((await run(dir.root, 'principles', '--format', 'xml')).status, 2);
      assert.equal((await run(dir.root, 'principles', '--for', '../elsewhere.ts')).status, 2);
      // A name that merely starts with two dots is inside the folder.
      assert.equal((await run(dir.root, 'checklists', '--for', 'db/../..migrations.sql')).status, 0);
      assert.equal((await run(dir.root, 'principles', '--for', '..hidden.ts')).status, 0);
      assert.equal((await run(dir.root, 'checklists', '--format', 'sarif')).status, 2);
    });
  });

  describe('checklists', () => {
    it('prints the bundled checklists as JSON, and --for narrows them', async () => {
      const all = JSON.parse((await run(dir.root, 'checklists', '--format', 'json')).stdout) as { source: string; checklists: { id: string; source: string; items: Record<string, unknown>[] }[]; problems: unknown[] };
      assert.deepEqual(Object.keys(all), ['source', 'checklists', 'problems']);
      assert.equal(all.source, 'bundled');
      assert.equal(all.checklists.length, 9);
      assert.deepEqual(Object.keys(all.checklists[0]), ['id', 'title', 'appliesTo', 'source', 'items']);
      assert.deepEqual(Object.keys(all.checklists[0].items[0]), ['id', 'text', 'how', 'line']);
      const forMigration = JSON.parse((await run(dir.root, 'checklists', '--for', 'db/migrations/002.sql', '--format', 'json')).stdout) as { checklists: { id: string }[] };
      assert.deepEqual(forMigration.checklists.map((c) => c.id), ['migration']);
      const text = await run(dir.root, 'checklists', '--for', 'Dockerfile');
      assert.match(text.stdout, /^1 checklist applies to Dockerfile \(the bundled defaults; /);
      assert.match(text.stdout, /\n {2}- \[ \] INFRA-01 /);
    });

    it("reports a repository checklist's problems on stderr", async () => {
      await dir.write('.quality/checklists/release.md', lines('---', 'title: Release', 'appliesTo: ["**"]', '---', '- [ ] Notes written'));
      const result = await run(dir.root, 'checklists');
      assert.equal(result.status, 0);
      assert.match(result.stderr, /^\.quality\/checklists\/release\.md:5:7: this item has no id/m);
      assert.match(result.stderr, /\.quality\/checklists\/release\.md:1:1: the checklist has no items/);
    });
  });

  describe('init', () => {
    it('writes the defaults, then never overwrites: a second run skips everything and edits survive', async () => {
      const first = await run(dir.root, 'init');
      assert.equal(first.status, 0, first.stderr);
      assert.match(first.stdout, /^wrote {3}\.quality\/constitution\.md$/m);
      assert.match(first.stdout, /^wrote {3}\.quality\/config\.json$/m);
      const written = (await readdir(join(dir.root, '.quality', 'checklists'))).sort();
      assert.deepEqual(written, ['api.md', 'dependencies.md', 'gherkin.md', 'infrastructure.md', 'migration.md', 'observability.md', 'pipeline.md', 'tests.md', 'ui-text.md']);
      assert.equal(await readFile(join(dir.root, '.quality', 'constitution.md'), 'utf8'), await readFile(join(REPO, 'resources', 'defaults', 'constitution.md'), 'utf8'));

      const config = JSON.parse(await readFile(join(dir.root, '.quality', 'config.json'), 'utf8')) as Record<string, unknown>;
      assert.ok(config.rules);
      const principles = await run(dir.root, 'principles', '--format', 'json');
      assert.equal(principles.stderr, '', 'the written files are valid for the CLI itself');
      assert.equal((JSON.parse(principles.stdout) as { source: string }).source, '.quality/constitution.md');
      assert.equal((await run(dir.root, 'checklists')).stderr, '');

      await writeFile(join(dir.root, '.quality', 'constitution.md'), lines('## OUR-1 Edited by the team'));
      await writeFile(join(dir.root, '.quality', 'checklists', 'api.md'), 'edited');
      const second = await run(dir.root, 'init');
      assert.equal(second.status, 0);
      assert.doesNotMatch(second.stdout, /^wrote/m);
      assert.match(second.stdout, /^skipped \.quality\/constitution\.md \(it already exists\)$/m);
      assert.match(second.stdout, /Nothing to write/);
      assert.equal(await readFile(join(dir.root, '.quality', 'constitution.md'), 'utf8'), lines('## OUR-1 Edited by the team'));
      assert.equal(await readFile(join(dir.root, '.quality', 'checklists', 'api.md'), 'utf8'), 'edited');
    });

    it('writes only what is missing, and leaves a constitution kept elsewhere unshadowed', async () => {
      await dir.write('docs/CONSTITUTION.md', lines('## DOC-1 Ours'));
      await dir.write('.quality/checklists/tests.md', 'our own');
      const result = await run(dir.root, 'init');
      assert.equal(result.status, 0);
      assert.match(result.stdout, /^skipped \.quality\/constitution\.md \(the team's constitution is docs\/CONSTITUTION\.md\)$/m);
      assert.match(result.stdout, /^skipped \.quality\/checklists\/tests\.md \(it already exists\)$/m);
      assert.match(result.stdout, /^wrote {3}\.quality\/checklists\/api\.md$/m);
      assert.equal(await readFile(join(dir.root, '.quality', 'checklists', 'tests.md'), 'utf8'), 'our own');
      await assert.rejects(readFile(join(dir.root, '.quality', 'constitution.md'), 'utf8'));
    });
  });
});
