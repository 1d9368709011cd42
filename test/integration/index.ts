// The mocha entry VS Code's extension host calls (`extensionTestsPath`). It runs the compiled
// tests of ONE suite, named by QA_LENS_IT_SUITE, and reports through files because the host
// makes console.log read-only: each report line is appended to QA_LENS_IT_REPORT (the driver
// streams it to the terminal) and the final counts go to QA_LENS_IT_RESULT (the driver
// cross-checks them against the exit code VS Code reports).
import { appendFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

interface SuiteResult {
  suite: string;
  passes: number;
  failures: number;
  pending: number;
  tests: number;
}

export function run(): Promise<void> {
  const suite = requiredEnv('QA_LENS_IT_SUITE');
  const reportFile = process.env.QA_LENS_IT_REPORT;
  const resultFile = process.env.QA_LENS_IT_RESULT;
  if (reportFile) {
    Mocha.reporters.Base.consoleLog = (...args: unknown[]) => appendFileSync(reportFile, `${format(...args)}\n`);
  }
  Mocha.reporters.Base.useColors = process.env.QA_LENS_IT_COLOR === '1';

  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 20_000 });
  const dir = path.join(__dirname, suite);
  for (const name of testFiles(dir)) mocha.addFile(path.join(dir, name));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const stats = runner.stats;
        const result: SuiteResult = {
          suite,
          passes: stats?.passes ?? 0,
          failures,
          pending: stats?.pending ?? 0,
          tests: stats?.tests ?? 0,
        };
        if (resultFile) writeFileSync(resultFile, JSON.stringify(result));
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed in suite ${suite}`));
        else resolve();
      });
    } catch (error) {
      // A test file that throws while loading ends up here: report it like a failure.
      if (reportFile) appendFileSync(reportFile, `Failed to load suite ${suite}: ${String(error instanceof Error ? error.stack : error)}\n`);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** The suite's compiled test files; none (the driver then reports "no tests ran") if it has none. */
function testFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((file) => file.endsWith('.test.js')).sort();
  } catch {
    return [];
  }
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the integration tests with npm run test:integration`);
  return value;
}
