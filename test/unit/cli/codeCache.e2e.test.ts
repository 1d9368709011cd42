import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { plainEnv, runNode } from '../childProcess';
import { tempTree, type TempTree } from '../scan/tempTree';

const REPO = path.resolve(__dirname, '..', '..', '..');

/**
 * The built launcher (dist/cli.js) and the code cache the build makes for the CLI bundle
 * (src/cli/codeCache.ts), on copies of dist/ so that each case can break one thing.
 */
describe('the CLI launcher and its code cache', function () {
  this.timeout(60_000);
  let tree: TempTree;
  let root: string;
  let dist: string;

  before(() => {
    for (const name of ['cli.js', 'qa-lens-cli.js', 'qa-lens-cli.jsc']) assert.ok(existsSync(path.join(REPO, 'dist', name)), `dist/${name} is missing: run npm run build first`);
  });
  beforeEach(async () => {
    tree = await tempTree({}, 'qa-lens-cache-');
    root = tree.root;
    dist = path.join(root, 'dist');
    await cp(path.join(REPO, 'dist'), dist, { recursive: true, filter: (file) => !file.endsWith('.map') });
    // The bundle finds resources/ above its own folder.
    await cp(path.join(REPO, 'resources'), path.join(root, 'resources'), { recursive: true });
    await cp(path.join(REPO, 'demo'), path.join(root, 'demo'), { recursive: true });
  });
  afterEach(async () => {
    await tree.remove();
  });

  const run = (args: string[]) => runNode(path.join(dist, 'cli.js'), args, root, plainEnv({ QA_LENS_DEBUG_CODE_CACHE: '1' }));
  const demoScan = ['scan', '--format', 'json', '--fail-on', 'never', '--now', '2026-06-01', 'demo'];

  it('runs the bundle from the cache the build made, with the same report as the bundle run directly', async () => {
    const launched = await run(demoScan);
    assert.equal(launched.status, 0, launched.stderr);
    assert.match(launched.stderr, /code cache used/);
    const direct = await runNode(path.join(dist, 'qa-lens-cli.js'), demoScan, root, plainEnv());
    assert.equal(launched.stdout, direct.stdout);
  });

  it('ignores the cache of another bundle, even one of the same length, and still runs', async () => {
    const bundle = path.join(dist, 'qa-lens-cli.js');
    const source = await readFile(bundle, 'utf8');
    // Same length, other text: V8 alone would take the cache (it checks only the length).
    const edited = source.replace('no such file or folder', 'no such file or FOLDER');
    assert.notEqual(edited, source);
    assert.equal(edited.length, source.length);
    await writeFile(bundle, edited);
    const result = await run(['scan', 'nowhere']);
    assert.match(result.stderr, /code cache not used/);
    assert.match(result.stderr, /no such file or FOLDER: nowhere/, 'the edited bundle is what ran');
    assert.equal(result.status, 2);
  });

  it('runs without a cache, and with a cache that is damaged or for another Node', async () => {
    const cache = path.join(dist, 'qa-lens-cli.jsc');
    const good = await readFile(cache);
    const cases: Array<[string, () => Promise<void>]> = [
      ['none', () => rm(cache)],
      ['truncated', () => writeFile(cache, good.subarray(0, 40))],
      // The bundle's hash is right, what follows is not V8's: V8 rejects it.
      ['damaged', () => writeFile(cache, Buffer.concat([good.subarray(0, 32), Buffer.alloc(good.length - 32, 7)]))],
    ];
    for (const [name, breakIt] of cases) {
      await breakIt();
      const result = await run(['scan', '--format', 'json', '--fail-on', 'never', 'demo']);
      assert.equal(result.status, 0, `${name}: ${result.stderr}`);
      assert.match(result.stderr, /code cache not used/, name);
      assert.ok((JSON.parse(result.stdout) as { summary: { findings: number } }).summary.findings > 0, name);
    }
  });
});
