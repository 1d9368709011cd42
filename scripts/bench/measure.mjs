// Runs a command and measures it: wall time (in this process), peak resident memory (from
// /usr/bin/time -v when present, else by polling /proc/<pid>/status VmHWM), output size.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

export const GNU_TIME = '/usr/bin/time';
export const HAVE_GNU_TIME = existsSync(GNU_TIME);

export function run(command, args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const argv = HAVE_GNU_TIME ? [GNU_TIME, ['-v', command, ...args]] : [command, args];
    const started = process.hrtime.bigint();
    const child = spawn(argv[0], argv[1], { cwd, env: env ? { ...process.env, ...env } : process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    // stdout goes to a pipe we drain, never /dev/null: ripgrep stops at the first match when it
    // sees /dev/null, which would flatter it.
    const chunks = [];
    let stderr = '';
    let peakKb = 0;
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
    const poll = HAVE_GNU_TIME
      ? undefined
      : setInterval(async () => {
          try {
            const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
            peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
          } catch {
            // The process has ended between two polls.
          }
        }, 10);
    child.on('error', reject);
    child.on('close', (status) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (poll) clearInterval(poll);
      if (HAVE_GNU_TIME) peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0);
      resolve({ status, wallMs, peakMb: peakKb / 1024, stdout: Buffer.concat(chunks), stderr });
    });
  });
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
