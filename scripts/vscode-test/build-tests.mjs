// Bundles the integration tests with esbuild: test/integration/index.ts (the mocha entry VS Code
// calls) and each test/integration/<suite>/*.test.ts, into a folder under out/integration/ with
// the same layout. Each run builds into its own folder, so runs side by side do not clobber each
// other. `vscode` is provided by the extension host and `mocha` is required from node_modules.
import * as esbuild from 'esbuild';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from './provision.mjs';
import { SUITES_DIR } from './suites.mjs';

export const OUT_ROOT = path.join(REPO_ROOT, 'out', 'integration');

/** Builds into out/integration/<runName>/ and returns the path of the compiled index.js. */
export async function buildIntegrationTests(runName) {
  const outDir = path.join(OUT_ROOT, runName);
  const entryPoints = [path.join(SUITES_DIR, 'index.ts')];
  for (const entry of await readdir(SUITES_DIR, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.test.ts')) entryPoints.push(path.join(entry.parentPath, entry.name));
  }
  await rm(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: outDir,
    outbase: SUITES_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return path.join(outDir, 'index.js');
}
