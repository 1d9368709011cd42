// The two files the test entry (test/integration/index.ts) writes: a report streamed to the
// terminal while mocha runs, and a result with the counts to cross-check the exit code against.
import { existsSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';

/** Copies what is appended to `file` onto `out` until stop() (which drains the rest). */
export function streamFile(file, out = process.stdout, intervalMs = 100) {
  let offset = 0;
  let reading = Promise.resolve();
  const drain = async () => {
    if (!existsSync(file)) return;
    const handle = await open(file, 'r');
    try {
      for (;;) {
        const buffer = Buffer.alloc(64 * 1024);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
        if (bytesRead === 0) break;
        offset += bytesRead;
        out.write(buffer.subarray(0, bytesRead));
      }
    } finally {
      await handle.close();
    }
  };
  const timer = setInterval(() => { reading = reading.then(drain, drain); }, intervalMs);
  return {
    async stop() {
      clearInterval(timer);
      reading = reading.then(drain, drain);
      await reading;
    },
  };
}

/**
 * A suite passed only if VS Code reported exit code 0 AND the result file says tests ran and none
 * failed: an exit code alone cannot tell "all passed" from "no tests were found".
 */
export async function judge(suiteName, exitCode, resultFile) {
  let result;
  try {
    result = JSON.parse(await readFile(resultFile, 'utf8'));
  } catch {
    result = undefined;
  }
  const problems = [];
  if (exitCode === undefined) problems.push('VS Code never reported the end of the test run (timeout)');
  else if (exitCode !== 0) problems.push(`VS Code reported exit code ${exitCode}`);
  if (!result) problems.push('no result file: the test entry did not run or crashed before mocha finished');
  else {
    if (result.tests === 0) problems.push('no tests ran');
    if (result.failures > 0) problems.push(`${result.failures} test(s) failed`);
    if (exitCode === 0 && result.failures > 0) problems.push('exit code 0 contradicts the failures in the result file');
  }
  return {
    suite: suiteName,
    passed: problems.length === 0,
    problems,
    passes: result?.passes ?? 0,
    failures: result?.failures ?? 0,
    pending: result?.pending ?? 0,
  };
}
