import { spawn } from 'node:child_process';

/** What a finished child process said, and how it ended. */
export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a Node script as a child process (the built CLI, as a user or CI would), collecting its
 * output; `env` is the child's whole environment.
 */
export function runNode(script: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** This process's environment without colour switches, so reports are plain whatever the terminal. */
export function plainEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return { ...env, ...extra };
}
