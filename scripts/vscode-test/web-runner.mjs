// Runs one suite in code-server's real VS Code: the workbench opens in headless Chromium with the
// extension under development and the tests as a URL `payload` (code-server refuses the desktop's
// --extensionDevelopmentPath arguments), and reports the run's end through codeAutomationExit.
import { REPO_ROOT } from './provision.mjs';
import { startCodeServer } from './code-server.mjs';

// Errors every run logs on these machines (no marketplace, the web workbench shutting down).
const HARMLESS = [
  /ENOTFOUND open-vsx\.org/,
  /Long running operations during shutdown are unsupported in the web/,
  /^Canceled/,
  /\(Canceled: Canceled\)/,
  /integration test\(s\) failed in suite/, // our own rejection: the report already says which
];

/**
 * @returns {Promise<number|undefined>} the exit code VS Code reported, or undefined on timeout
 */
export async function runSuiteInCodeServer({ suite, runDir, workspace, testIndex, env, browser, verbose, cleanups }) {
  const server = await startCodeServer({ runDir, trusted: suite.trusted, env });
  // The server's own shutdown (1.5-3 s) overlaps the next suite: nothing reads its folder after the
  // run has ended, and it listens on a port of its own (test-integration.mjs waits for it at the end).
  cleanups.push(Object.assign(() => server.stop(), { background: true }));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  cleanups.push(() => context.close().catch(() => {}));
  const page = await context.newPage();

  let reportExit;
  const exited = new Promise((resolve) => { reportExit = resolve; });
  // Both must exist before the workbench loads: it looks for them when the run ends.
  await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = formatArgs(args);
    if (verbose || (type === 'error' && !HARMLESS.some((pattern) => pattern.test(text)))) {
      process.stderr.write(`  [vscode ${type}] ${text}\n`);
    }
  });
  if (verbose) page.on('console', (message) => process.stderr.write(`  [browser ${message.type()}] ${message.text()}\n`));

  let timer;
  const timedOut = new Promise((resolve) => { timer = setTimeout(() => resolve(undefined), suite.timeout); });
  try {
    // The suite's timeout covers loading the workbench too, so wait only for the navigation.
    const url = server.workbenchUrl({ workspace, extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: testIndex });
    await page.goto(url, { waitUntil: 'commit', timeout: suite.timeout });
    return await Promise.race([exited, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

function formatArgs(args) {
  const list = Array.isArray(args) ? args : [args];
  return list.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ');
}
