import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { plainEnv, runNode, type Run } from '../childProcess';

export const REPO = path.resolve(__dirname, '..', '..', '..');
/** Private builds live under out/ (inside the repository, so the bundle finds resources/ above it). */
const BUILDS = path.join(REPO, 'out');
let cli: string | undefined;

export type { Run };

/**
 * Bundles the CLI from the sources under test into a private folder, as scripts/build.mjs does:
 * other test files rebuild dist/cli.js, and a half-written bundle must never be what runs here.
 */
export async function buildCli(): Promise<void> {
  await mkdir(BUILDS, { recursive: true });
  const dir = await mkdtemp(path.join(BUILDS, 'ci-cli-'));
  const version = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
  await esbuild.build({
    entryPoints: [path.join(REPO, 'src', 'cli', 'main.ts')],
    outfile: path.join(dir, 'cli.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    define: { __QA_LENS_VERSION__: JSON.stringify(version) },
  });
  cli = path.join(dir, 'cli.js');
}

/** Removes the private build. */
export async function removeCli(): Promise<void> {
  if (cli !== undefined) await rm(path.dirname(cli), { recursive: true, force: true });
  cli = undefined;
}

/** Runs the built CLI as a child process, as CI would. */
export function qaLens(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  if (cli === undefined) throw new Error('buildCli() first');
  return runNode(cli, args, cwd, plainEnv(env));
}

export interface JsonFinding {
  ruleId: string;
  severity: string;
  path: string;
  line: number;
  column: number;
  excerpt: string;
  fingerprint: string;
}

export interface JsonReport {
  summary: { files: number; skipped: number; findings: number };
  findings: JsonFinding[];
}

export async function scanJson(args: readonly string[], cwd: string): Promise<{ run: Run; report: JsonReport }> {
  const run = await qaLens(['scan', '--format', 'json', '--now', '2026-01-01', ...args], cwd);
  if (run.status !== 0 && run.status !== 1) throw new Error(`status ${run.status}: ${run.stderr}`);
  return { run, report: JSON.parse(run.stdout) as JsonReport };
}
