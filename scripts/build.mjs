// Bundles the extension and the CLI with esbuild. `--production` minifies, `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * Bundles one source module on its own into a scratch folder and hands `use` the bundle's path:
 * build-time steps run the product's own code, so build and run time cannot disagree.
 */
async function withScratchBundle(entry, use) {
  const dir = await mkdtemp(join(tmpdir(), 'qa-lens-build-'));
  try {
    const outfile = join(dir, 'bundle.cjs');
    await esbuild.build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
    return await use(outfile);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The bundled constitution, parsed now rather than at every run (src/core/constitution/snapshot.ts). */
function constitutionSnapshot() {
  return withScratchBundle('src/core/constitution/snapshot.ts', async (outfile) => {
    const { makeConstitutionSnapshot } = createRequire(import.meta.url)(outfile);
    return makeConstitutionSnapshot(await readFile('resources/defaults/constitution.md', 'utf8'), 'bundled');
  });
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  define: {
    __QA_LENS_VERSION__: JSON.stringify(JSON.parse(await readFile('package.json', 'utf8')).version),
    // Not in watch mode: the snapshot would keep the parser of the moment watching started.
    ...(watch ? {} : { __QA_LENS_BUNDLED_CONSTITUTION__: JSON.stringify(await constitutionSnapshot()) }),
  },
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/extension/analysis/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
  // The CLI: the bin is a small launcher that runs the bundle from V8's code cache (src/cli/codeCache.ts).
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/qa-lens-cli.js' },
  { ...common, entryPoints: ['src/cli/launcher.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The CLI scan's worker threads (src/core/scan/workerPool.ts): found next to dist/cli.js.
  { ...common, entryPoints: ['src/core/scan/scanWorker.ts'], outfile: 'dist/scanWorker.js' },
];

/**
 * V8's code cache of the CLI bundle, made by scanning the demo workspace in a process of its own
 * (its report is thrown away). Not in watch mode: there the cache of an older bundle is left, and
 * the launcher, which checks the bundle's hash, ignores it.
 */
function codeCache() {
  return withScratchBundle('src/cli/codeCache.ts', async (outfile) => {
    const cache = resolve('dist', 'qa-lens-cli.jsc');
    await rm(cache, { force: true });
    const script = `require(${JSON.stringify(outfile)}).makeCodeCache(${JSON.stringify(resolve('dist'))}, ['scan', '--format', 'json', '--fail-on', 'never', ${JSON.stringify(resolve('demo'))}], require)`;
    // V8 ties a cache to the flags it was made with: NODE_OPTIONS here (CI often sets a heap size)
    // would make a cache that a plain `node` rejects.
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const result = spawnSync(process.execPath, ['-e', script], { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (result.status !== 0) throw new Error(`making the CLI's code cache failed (exit status ${result.status})`);
    const check = spawnSync(process.execPath, [resolve('dist', 'cli.js'), '--version'], { env: { ...env, QA_LENS_DEBUG_CODE_CACHE: '1' }, encoding: 'utf8' });
    if (!/code cache used/.test(check.stderr)) {
      // A cache the launcher does not use only costs reading it: leave none, and say so.
      await rm(cache, { force: true });
      console.warn(`warning: the CLI's code cache was not usable (${check.stderr.trim() || `exit status ${check.status}`}); the CLI will compile its bundle at each run`);
    }
  });
}

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('[watch] watching src/ for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  await chmod('dist/cli.js', 0o755);
  await codeCache();
}
