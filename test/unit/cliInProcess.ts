import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/run';

/** Runs `qa-lens <argv>` in this process (no build needed), collecting what it writes and its status. */
export async function runCliInProcess(argv: string[], cwd: string = process.cwd()): Promise<{ status: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const status = await runCli(argv, { stdout, stderr, cwd, env: process.env });
  return { status, stdout: out, stderr: err };
}
