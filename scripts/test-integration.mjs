// Integration tests in a real VS Code. Each folder test/integration/<suite>/ with a suite.json is
// one suite: its own workspace, user settings and trust mode, its own VS Code instance.
//
//   node scripts/test-integration.mjs [suite...] [--keep] [--verbose]
//
// Here VS Code is code-server's build driven through headless Chromium (see
// docs in scripts/vscode-test/); QA_LENS_VSCODE=electron uses @vscode/test-electron instead.
// Expects a fresh build in dist/ (npm run test:integration builds first).
// Environment: QA_LENS_IT_TIMEOUT (ms for the whole run; default: the suites' timeouts added up,
// plus a minute), QA_LENS_VSCODE_VERSION (electron).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildIntegrationTests } from './vscode-test/build-tests.mjs';
import { judge, streamFile } from './vscode-test/report.mjs';
import { discoverSuites, prepareSuite } from './vscode-test/suites.mjs';

const argv = process.argv.slice(2);
const keep = argv.includes('--keep');
const verbose = argv.includes('--verbose');
const only = argv.filter((arg) => !arg.startsWith('--'));
const electron = process.env.QA_LENS_VSCODE === 'electron';

const cleanups = [];
let runRoot;
let finishing = false;

/** Cleanups marked `background` (a suite's server shutting down) that still run. */
const stopping = [];

/** Runs the cleanups registered after `mark`, newest first; a `background` one is not waited for here. */
async function runCleanups(mark = 0) {
  while (cleanups.length > mark) {
    const cleanup = cleanups.pop();
    const done = Promise.resolve()
      .then(cleanup)
      .catch((error) => process.stderr.write(`cleanup: ${error instanceof Error ? error.message : String(error)}\n`));
    if (cleanup.background) stopping.push(done);
    else await done;
  }
}

async function cleanUp() {
  await runCleanups();
  await Promise.all(stopping);
  if (runRoot && !keep) await rm(runRoot, { recursive: true, force: true });
  else if (runRoot) process.stderr.write(`kept run folder ${runRoot}\n`);
}

async function finish(code, message) {
  if (finishing) return;
  finishing = true;
  if (message) process.stderr.write(`${message}\n`);
  await cleanUp();
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void finish(130, `\n${signal}: stopping`));

async function main() {
  const started = Date.now();
  const suites = await discoverSuites(only);
  if (suites.length === 0) throw new Error('no integration suites found (test/integration/<suite>/suite.json)');
  const overallTimeout = Number(process.env.QA_LENS_IT_TIMEOUT ?? suites.reduce((sum, suite) => sum + suite.timeout, 60_000));
  setTimeout(() => void finish(1, `integration tests: overall timeout of ${overallTimeout / 1000} s exceeded`), overallTimeout).unref();
  runRoot = await mkdtemp(path.join(os.tmpdir(), 'qa-lens-it-'));
  const testIndex = await buildIntegrationTests(path.basename(runRoot));
  cleanups.push(() => rm(path.dirname(testIndex), { recursive: true, force: true }));

  const runSuite = electron
    ? (await import('./vscode-test/electron-runner.mjs')).runSuiteInElectron
    : (await import('./vscode-test/web-runner.mjs')).runSuiteInCodeServer;
  let browser;
  if (!electron) {
    const { launchBrowser } = await import('./vscode-test/browser.mjs');
    const { ensureCodeServer } = await import('./vscode-test/provision.mjs');
    await ensureCodeServer();
    browser = await launchBrowser(runRoot);
    cleanups.push(() => browser.close());
  }

  const verdicts = [];
  for (const suite of suites) {
    const suiteStarted = Date.now();
    const runDir = path.join(runRoot, suite.name);
    const workspace = await prepareSuite(suite, runDir);
    const reportFile = path.join(runDir, 'report.txt');
    const resultFile = path.join(runDir, 'result.json');
    const trust = suite.trusted ? '' : ', workspace untrusted';
    process.stdout.write(`\n=== suite ${suite.name} (${path.basename(workspace)}${trust}) ${suite.description}\n`);
    const env = {
      QA_LENS_IT_SUITE: suite.name,
      QA_LENS_IT_REPORT: reportFile,
      QA_LENS_IT_RESULT: resultFile,
      QA_LENS_IT_COLOR: process.stdout.isTTY ? '1' : '0',
    };
    const stream = streamFile(reportFile);
    const mark = cleanups.length;
    let exitCode;
    try {
      exitCode = await runSuite({ suite, runDir, workspace, testIndex, env, browser, verbose, cleanups });
    } finally {
      await stream.stop();
      // Close this suite's VS Code before the next one starts (its server ends in the background).
      await runCleanups(mark);
    }
    const verdict = await judge(suite.name, exitCode, resultFile);
    verdicts.push(verdict);
    const seconds = ((Date.now() - suiteStarted) / 1000).toFixed(1);
    if (verdict.passed) process.stdout.write(`=== suite ${suite.name}: passed in ${seconds} s\n`);
    else process.stdout.write(`=== suite ${suite.name}: FAILED in ${seconds} s: ${verdict.problems.join('; ')}\n`);
  }

  const failed = verdicts.filter((verdict) => !verdict.passed);
  const total = (key) => verdicts.reduce((sum, verdict) => sum + verdict[key], 0);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `\nintegration (${electron ? 'VS Code desktop' : 'code-server'}): ${verdicts.length} suites, ` +
      `${total('passes')} passing, ${total('failures')} failing, ${total('pending')} pending, ${seconds} s` +
      (failed.length > 0 ? `; FAILED: ${failed.map((verdict) => verdict.suite).join(', ')}` : '') +
      '\n',
  );
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => finish(code),
  (error) => finish(1, `integration tests: ${error instanceof Error ? error.stack : String(error)}`),
);
