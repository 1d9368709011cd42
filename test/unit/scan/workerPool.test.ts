import { strict as assert } from 'node:assert';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { compileEngineSettings } from '../../../src/core/config/compile';
import type { QaConfig } from '../../../src/core/config/model';
import { engineAnalysis, type EngineScanSpec } from '../../../src/core/scan/engineAnalysis';
import { scanFiles, type ScanHelpers } from '../../../src/core/scan/scanFiles';
import { scanTree } from '../../../src/core/scan/scanTree';
import type { ScanResult } from '../../../src/core/scan/types';
import { workerHelpers } from '../../../src/core/scan/workerPool';
import { tempTree, type TempTree } from './tempTree';

const REPO = path.resolve(__dirname, '..', '..', '..');
const NOW = '2025-06-01';

/**
 * Helpers that count what the workers analysed, to prove they really analysed files. The main
 * thread takes at most `mainTakes` files from the shared list (it stops taking, and waits for the
 * workers, once it has): otherwise, in a small tree, it could take every file before a worker is
 * up, and whether the workers analysed anything would depend on timing.
 */
function counted(helpers: ScanHelpers, mainTakes = Infinity): { helpers: ScanHelpers; stats: { starts: number; files: number; main: number } } {
  const stats = { starts: 0, files: 0, main: 0 };
  return {
    stats,
    helpers: {
      ...helpers,
      start(report) {
        stats.starts++;
        const session = helpers.start((file, outcome) => {
          stats.files++;
          report(file, outcome);
        });
        return {
          add: (files) => session.add(files),
          end: () => session.end(),
          take: (count) => {
            const taken = session.take(Math.min(count, mainTakes - stats.main));
            stats.main += taken.length;
            return taken;
          },
          settled: () => session.settled(),
          close: () => session.close(),
        };
      },
    },
  };
}

describe('the scan on worker threads', function () {
  this.timeout(120_000);
  let bundleDir: string;
  let script: string;
  let tree: TempTree | undefined;

  // The worker entry is bundled as the build does (dist/scanWorker.js), from the current sources.
  before(async () => {
    bundleDir = await mkdtemp(path.join(os.tmpdir(), 'qa-lens-worker-'));
    script = path.join(bundleDir, 'scanWorker.js');
    await esbuild.build({
      entryPoints: [path.join(REPO, 'src', 'core', 'scan', 'scanWorker.ts')], outfile: script,
      bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error',
    });
  });
  after(async () => {
    await rm(bundleDir, { recursive: true, force: true });
  });
  afterEach(async () => {
    await tree?.remove();
    tree = undefined;
  });

  function specFor(config: QaConfig): EngineScanSpec {
    return { settings: compileEngineSettings(config).settings, now: NOW, maxFileSize: config.maxFileSize ?? 1024 * 1024, ...(config.languages ? { languages: config.languages } : {}) };
  }

  async function threeWays(root: string, config: QaConfig, mainTakes: number, paths?: string[]): Promise<{ async: ScanResult; sync: ScanResult; threads: ScanResult; stats: { starts: number; files: number; main: number } }> {
    const { settings } = compileEngineSettings(config);
    const base = { root, paths, config, settings, now: NOW };
    const spec = specFor(config);
    const { helpers, stats } = counted(workerHelpers(spec, { script, workers: 2, minFiles: 0, batchSize: 5 }), mainTakes);
    return {
      async: await scanTree(base),
      sync: await scanTree({ ...base, syncReads: true }),
      threads: await scanFiles({ root, paths, exclude: config.exclude, ...engineAnalysis(spec), helpers }),
      stats,
    };
  }

  it('reports exactly what one thread reports, over the sources, tests, demo and resources', async () => {
    const { async, sync, threads, stats } = await threeWays(REPO, {}, 40, ['demo', 'src', 'test', 'resources', 'scripts']);
    assert.ok(async.findings.length > 40 && async.files.length > 200, `a real tree with findings (${async.files.length} files, ${async.findings.length} findings)`);
    assert.equal(stats.starts, 1);
    // Every file the main thread did not take (it took at most 40), each reported once.
    assert.ok(stats.main <= 40);
    assert.equal(stats.files + stats.main, async.files.length + async.skipped.filter((s) => s.reason !== 'outside-root').length);
    // Byte for byte: the report is rendered from these lists.
    assert.equal(JSON.stringify(sync), JSON.stringify(async));
    assert.equal(JSON.stringify(threads), JSON.stringify(async));
  });

  it('skips the same files for the same reasons, with the config applied in the workers', async () => {
    const files: Record<string, string | Uint8Array> = {
      'page.tpl': '<!-- TODO: tidy -->\n',
      'image.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]),
      'bin.ts': Buffer.from([0x2f, 0x2f, 0x00, 0x01]),
      'big.py': `# TODO: ${'x'.repeat(300)}\n`,
      'notes.txt': 'plain\n',
      'gen/x.ts': '// TODO: excluded\n',
      'crlf.ts': '\uFEFF// TODO: one\r\ntry { f(); } catch {}\r\n// fix next sprint\r\n',
    };
    for (let i = 0; i < 30; i++) files[`many/f${String(i).padStart(2, '0')}.ts`] = `// TODO: ${i}\nit.skip('x', () => {});\n`;
    tree = await tempTree(files);
    await symlink(os.tmpdir(), path.join(tree.root, 'outside'));
    await writeFile(path.join(tree.root, 'broken.ts'), '// TODO\n');
    await rm(path.join(tree.root, 'broken.ts'));
    await symlink(path.join(tree.root, 'broken.ts'), path.join(tree.root, 'dangling.ts'));
    const config: QaConfig = { languages: { '**/*.tpl': 'html' }, exclude: ['gen/**'], maxFileSize: 200, rules: { 'untracked-marker': 'warning' } };
    const { async, threads, stats } = await threeWays(tree.root, config, 10);
    assert.ok(stats.files > 0 && stats.main <= 10);
    assert.deepEqual(
      async.skipped.map((s) => `${s.path} ${s.reason}`),
      ['big.py too-large', 'bin.ts binary', 'image.png binary', 'notes.txt unknown-type', 'outside outside-root'],
    );
    assert.ok(async.findings.some((f) => f.path === 'page.tpl' && f.severity === 'warning'));
    assert.equal(JSON.stringify(threads), JSON.stringify(async));
  });

  it('keeps a tree smaller than minFiles on the main thread, and starts the workers at minFiles', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 100; i++) files[`f${i}.ts`] = `// TODO: ${i}\n`;
    tree = await tempTree(files);
    const spec = specFor({});
    const small = counted(workerHelpers(spec, { script, workers: 1, minFiles: 101 }));
    const result = await scanFiles({ root: tree.root, ...engineAnalysis(spec), helpers: small.helpers });
    assert.equal(small.stats.starts, 0);
    assert.equal(result.files.length, 100);
    assert.equal(result.findings.length, 100);
    const large = counted(workerHelpers(spec, { script, workers: 1, minFiles: 100, batchSize: 4 }), 30);
    const again = await scanFiles({ root: tree.root, ...engineAnalysis(spec), helpers: large.helpers });
    assert.equal(large.stats.starts, 1);
    assert.equal(large.stats.files, 100 - large.stats.main, 'the worker analysed what the main thread did not');
    assert.equal(JSON.stringify(again), JSON.stringify(result));
    // Unlimited, the main thread takes what it can: the same result, however the files were shared.
    const shared = counted(workerHelpers(spec, { script, workers: 2, minFiles: 100, batchSize: 3 }));
    assert.equal(JSON.stringify(await scanFiles({ root: tree.root, ...engineAnalysis(spec), helpers: shared.helpers })), JSON.stringify(result));
    assert.equal(shared.stats.files + shared.stats.main, 100);
  });

  it('fails the scan, not hangs, when a worker cannot start', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`f${i}.ts`] = `// TODO: ${i}\n`;
    tree = await tempTree(files);
    const broken = path.join(bundleDir, 'broken.js');
    await writeFile(broken, 'throw new Error("no engine here");\n');
    const spec = specFor({});
    // The main thread leaves files to the worker, so the scan needs it.
    const { helpers } = counted(workerHelpers(spec, { script: broken, workers: 1, minFiles: 0, batchSize: 1 }), 10);
    await assert.rejects(scanFiles({ root: tree.root, ...engineAnalysis(spec), helpers }), /no engine here/);
  });
});
