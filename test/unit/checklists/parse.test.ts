import { strict as assert } from 'node:assert';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { checklistsFor } from '../../../src/core/checklists/apply';
import { loadBundledChecklists, loadChecklists } from '../../../src/core/checklists/discover';
import { formatProblem } from '../../../src/core/types';
import { lines, tempDir, type TempDir } from '../constitution/tempDir';

describe('checklists', () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = await tempDir('qa-lens-checklists-');
  });
  afterEach(async () => {
    await dir.remove();
  });

  const problemsOf = (problems: { path: string; line: number; column: number; message: string }[]): string[] => problems.map(formatProblem);

  it('reads front matter, task items with ids, how lines and line numbers from .quality/checklists', async () => {
    await dir.write('.quality/checklists/migration.md', lines(
      '---', //                                                             1
      'title: Database migration', //                                       2
      'appliesTo: ["**/migrations/**", "**/*.sql"]', //                     3
      '---', //                                                             4
      'Use this for schema changes.', //                                    5
      '', //                                                                6
      '- [ ] MIG-01 The migration can be rolled back', //                  7
      '  how: run the down migration on a copy of production data', //      8
      '- [ ] MIG-02 Long-running locks are avoided', //                     9
      '  on large tables', //                                               10
      '- [x] MIG-03 Checked boxes are items too', //                        11
      '- a plain bullet is not an item', //                                 12
    ));
    const set = await loadChecklists(dir.root);
    assert.deepEqual(set.problems, []);
    assert.equal(set.source, '.quality/checklists');
    assert.equal(set.checklists.length, 1);
    const [checklist] = set.checklists;
    assert.deepEqual(
      { id: checklist.id, title: checklist.title, appliesTo: checklist.appliesTo, source: checklist.source, intro: checklist.intro },
      { id: 'migration', title: 'Database migration', appliesTo: ['**/migrations/**', '**/*.sql'], source: '.quality/checklists/migration.md', intro: 'Use this for schema changes.' },
    );
    assert.deepEqual(checklist.items, [
      { id: 'MIG-01', text: 'The migration can be rolled back', how: 'run the down migration on a copy of production data', line: 7 },
      { id: 'MIG-02', text: 'Long-running locks are avoided on large tables', how: null, line: 9 },
      { id: 'MIG-03', text: 'Checked boxes are items too', how: null, line: 11 },
    ]);
    assert.deepEqual(checklistsFor(set.checklists, 'db/migrations/001.rb').map((c) => c.id), ['migration']);
    assert.deepEqual(checklistsFor(set.checklists, 'src/app.ts'), []);
  });

  it('reports missing, malformed and duplicate item ids, bad globs, bad YAML and unknown keys at their lines', async () => {
    await dir.write('.quality/checklists/api.md', lines(
      '---', //                                          1
      'title: API', //                                   2
      'appliesTo: ["src/api/**", "src/{a", ""]', //      3
      'owner: team-a', //                                4
      '---', //                                          5
      '- [ ] API-01 Good', //                            6
      '- [ ] No id here', //                             7
      '- [ ] api-2 Lower case', //                       8
      '- [ ] API-01 Again', //                           9
      '- [ ] API-03', //                                 10
    ));
    await dir.write('.quality/checklists/broken.md', lines('---', 'title: [oops', '---', '- [ ] BRK-01 Still read'));
    await dir.write('.quality/checklists/empty.md', lines('---', 'title: Nothing', 'appliesTo: ["**"]', '---', 'Only prose.'));
    const set = await loadChecklists(dir.root);
    const problems = problemsOf(set.problems);
    assert.deepEqual(problems.filter((p) => p.startsWith('.quality/checklists/api.md')), [
      ".quality/checklists/api.md:3:27: glob 'src/{a' is invalid: Missing closing: \"}\" - use \"\\\\}\" to match literal characters (in appliesTo)",
      '.quality/checklists/api.md:3:37: a glob must not be empty (in appliesTo)',
      ".quality/checklists/api.md:4:1: unknown front matter key 'owner'; known keys: title, appliesTo",
      ".quality/checklists/api.md:7:7: this item has no id, so its status cannot be tracked: start it with one, like '- [ ] API-02 No id here'; it is ignored",
      ".quality/checklists/api.md:8:7: 'api-2' is not a valid item id: ids are capital letters or digits, a hyphen and a number, like 'API-02'; this item is ignored",
      '.quality/checklists/api.md:9:7: duplicate item id API-01 (first used on line 6); this one is ignored',
      '.quality/checklists/api.md:10:7: item API-03 has no text: say what to check after the id',
    ]);
    const broken = problems.filter((p) => p.startsWith('.quality/checklists/broken.md'));
    assert.match(broken[0], /^\.quality\/checklists\/broken\.md:[23]:\d+: invalid YAML in the front matter: /);
    assert.deepEqual(problems.filter((p) => p.startsWith('.quality/checklists/empty.md')), [
      ".quality/checklists/empty.md:1:1: the checklist has no items: write each as a task item with an id, like '- [ ] MIG-01 The migration can be rolled back'",
    ]);
    const byId = Object.fromEntries(set.checklists.map((c) => [c.id, c]));
    assert.deepEqual(byId.api.items.map((i) => i.id), ['API-01', 'API-03']);
    assert.deepEqual(byId.api.appliesTo, ['src/api/**']);
    assert.deepEqual(byId.broken.items.map((i) => i.id), ['BRK-01']);
    assert.equal(byId.broken.title, 'broken', 'falls back to the id as title');
  });

  it('discovery: bundled defaults without a folder (or with an empty one); the repository folder is the whole set when it has files', async () => {
    const bundled = await loadChecklists(dir.root);
    assert.equal(bundled.source, 'bundled');
    assert.ok(bundled.checklists.length >= 9);
    await mkdir(join(dir.root, '.quality', 'checklists'), { recursive: true });
    await dir.write('.quality/checklists/README.txt', 'not a checklist');
    assert.equal((await loadChecklists(dir.root)).source, 'bundled');
    await dir.write('.quality/checklists/migration.md', lines('---', 'title: Our migration list', 'appliesTo: ["db/**"]', '---', '- [ ] OURS-01 Ours'));
    await dir.write('.quality/checklists/release.md', lines('---', 'title: Release', 'appliesTo: ["CHANGELOG.md"]', '---', '- [ ] REL-01 Notes written'));
    const own = await loadChecklists(dir.root);
    assert.equal(own.source, '.quality/checklists');
    assert.deepEqual(own.checklists.map((c) => [c.id, c.title, c.source]), [
      ['migration', 'Our migration list', '.quality/checklists/migration.md'],
      ['release', 'Release', '.quality/checklists/release.md'],
    ]);
    // Without the defaults (the CLI's scan): the team's files load as before, problems included.
    await dir.write('.quality/checklists/bad name.md', lines('- [ ] BAD-01 x'));
    const teamOnly = await loadChecklists(dir.root, undefined, { bundled: false });
    assert.deepEqual(teamOnly.checklists.map((c) => c.id), ['migration', 'release']);
    assert.match(teamOnly.problems.map((p) => p.message).join('\n'), /not a usable checklist file name/);
  });

  it('discovery without the bundled defaults: no folder gives no checklist and no problem', async () => {
    assert.deepEqual(await loadChecklists(dir.root, undefined, { bundled: false }), { source: 'bundled', checklists: [], problems: [] });
  });

  describe('the bundled defaults', () => {
    it('are the nine expected checklists, 4 to 8 items each, every item with a how line, no problems', async () => {
      const { checklists, problems } = await loadBundledChecklists();
      assert.deepEqual(problems, []);
      assert.deepEqual(checklists.map((c) => c.id), ['api', 'dependencies', 'gherkin', 'infrastructure', 'migration', 'observability', 'pipeline', 'tests', 'ui-text']);
      for (const checklist of checklists) {
        assert.equal(checklist.source, 'bundled');
        assert.ok(checklist.items.length >= 4 && checklist.items.length <= 8, `${checklist.id}: ${checklist.items.length} items`);
        assert.ok(checklist.appliesTo.length > 0);
        for (const item of checklist.items) assert.ok(item.how, `${checklist.id} ${item.id} has a how line`);
      }
    });

    it('apply to the files they are about, and not to ordinary source files', async () => {
      const { checklists } = await loadBundledChecklists();
      const ids = (path: string): string[] => checklistsFor(checklists, path).map((c) => c.id);
      const expectations: [string, string][] = [
        ['db/migrations/001_init.sql', 'migration'],
        ['app/db/migrate/20240101_add_users.rb', 'migration'],
        ['src/orders.test.ts', 'tests'],
        ['tests/test_orders.py', 'tests'],
        ['src/test/java/OrdersTest.java', 'tests'],
        ['src/api/orders.ts', 'api'],
        ['app/controllers/orders_controller.rb', 'api'],
        ['api/openapi.yaml', 'api'],
        ['.github/workflows/ci.yml', 'pipeline'],
        ['Jenkinsfile', 'pipeline'],
        ['.gitlab-ci.yml', 'pipeline'],
        ['Dockerfile', 'infrastructure'],
        ['deploy/docker-compose.yml', 'infrastructure'],
        ['infra/main.tf', 'infrastructure'],
        ['src/locales/en.json', 'ui-text'],
        ['web/src/components/Checkout.tsx', 'ui-text'],
        ['package.json', 'dependencies'],
        ['services/a/package-lock.json', 'dependencies'],
        ['go.sum', 'dependencies'],
        ['src/health/readiness.ts', 'observability'],
        ['src/metrics.ts', 'observability'],
        ['features/checkout.feature', 'gherkin'],
      ];
      for (const [path, id] of expectations) assert.ok(ids(path).includes(id), `${path} should get ${id}, got ${ids(path).join(', ')}`);
      for (const path of ['src/orders.ts', 'src/catalog.ts', 'lib/blog.py', 'README.md', 'CHANGELOG.md']) assert.deepEqual(ids(path), [], path);
    });
  });
});
