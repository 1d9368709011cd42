// Bundles the extension and the CLI with esbuild. `--production` minifies, `--watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { chmod, readFile } from 'node:fs/promises';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  define: { __QA_LENS_VERSION__: JSON.stringify(JSON.parse(await readFile('package.json', 'utf8')).version) },
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/extension/analysis/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The CLI scan's worker threads (src/core/scan/workerPool.ts): found next to dist/cli.js.
  { ...common, entryPoints: ['src/core/scan/scanWorker.ts'], outfile: 'dist/scanWorker.js' },
];

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('[watch] watching src/ for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  await chmod('dist/cli.js', 0o755);
}
