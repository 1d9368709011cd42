// Packs the npm package (`npx qa-lens` in CI installs exactly this) and runs its CLI from a folder
// with no node_modules anywhere above it: proof that the bundle needs nothing installed at run time.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { runNode } from '../childProcess';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const run = promisify(execFile);

interface Manifest {
  bin?: Record<string, string>;
  dependencies?: Record<string, string>;
}

describe('the npm package', function () {
  this.timeout(120_000);
  let dir: string;

  before(async function () {
    assert.ok(existsSync(path.join(ROOT, 'dist', 'cli.js')), 'dist/cli.js is missing: run npm run build first');
    dir = await mkdtemp(path.join(os.tmpdir(), 'qa-lens-npm-'));
    // --ignore-scripts: pack dist/ as it is (like the VSIX test) instead of rebuilding it mid-run.
    const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    const [{ filename }] = JSON.parse(stdout) as Array<{ filename: string }>;
    await run('tar', ['xzf', path.join(dir, filename), '-C', dir]);
  });

  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('declares the bin and no run-time dependencies (the bundle holds them)', async () => {
    const manifest = JSON.parse(await readFile(path.join(dir, 'package', 'package.json'), 'utf8')) as Manifest;
    assert.deepEqual(manifest.bin, { 'qa-lens': 'dist/cli.js' });
    assert.deepEqual(manifest.dependencies ?? {}, {});
  });

  it('scans with nothing installed: the packed CLI finds the demo workspace shortcuts', async () => {
    assert.equal(existsSync(path.join(os.tmpdir(), 'node_modules')), false, 'a node_modules above the temp folder would hide a missing dependency');
    const work = path.join(dir, 'work');
    await cp(path.join(ROOT, 'demo'), work, { recursive: true });
    const cli = path.join(dir, 'package', 'dist', 'cli.js');
    const env = { ...process.env, NODE_PATH: '' };
    const scan = (extra: NodeJS.ProcessEnv = {}) => runNode(cli, ['scan', '--format', 'json', '--fail-on', 'never', '.'], work, { ...env, ...extra });
    const result = await scan();
    assert.equal(result.status, 0, `the packed CLI failed: ${result.stderr}`);
    const report = JSON.parse(result.stdout) as { summary: { findings: number; filesScanned: number } };
    assert.ok(report.summary.findings >= 10, `${report.summary.findings} findings`);
    // The constitution ships too: `principles` reads the bundled default.
    const principles = await runNode(cli, ['principles'], work, env);
    assert.equal(principles.status, 0, principles.stderr);
    assert.match(principles.stdout, /ENG-01/);
    // ...from the build's snapshot of exactly the file that ships (src/core/constitution/snapshot.ts).
    const shipped = await readFile(path.join(dir, 'package', 'resources', 'defaults', 'constitution.md'), 'utf8');
    const bundle = await readFile(path.join(dir, 'package', 'dist', 'qa-lens-cli.js'), 'utf8');
    assert.ok(bundle.includes(createHash('sha256').update(shipped).digest('hex')), 'dist/qa-lens-cli.js has no snapshot of the shipped constitution');
    // ...started from the code cache the build made (src/cli/codeCache.ts).
    const version = await runNode(cli, ['--version'], work, { ...env, QA_LENS_DEBUG_CODE_CACHE: '1' });
    assert.match(version.stderr, /code cache used/);
    // Large trees are analysed on worker threads too: the worker bundle must ship next to the CLI.
    const threaded = await scan({ QA_LENS_SCAN_THREADS: '2' });
    assert.equal(threaded.status, 0, threaded.stderr);
    assert.ok(existsSync(path.join(dir, 'package', 'dist', 'scanWorker.js')), 'dist/scanWorker.js is not in the package');
    assert.equal(threaded.stdout, result.stdout);
  });
});
