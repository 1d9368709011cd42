// Runs one suite in desktop VS Code through @vscode/test-electron, for machines that can download
// VS Code (select with QA_LENS_VSCODE=electron; on Linux without a display, run under xvfb-run).
// Same suites, same test entry, same report files as the code-server runner.
import path from 'node:path';
import { REPO_ROOT } from './provision.mjs';

/** @returns {Promise<number>} VS Code's exit code */
export async function runSuiteInElectron({ suite, runDir, workspace, testIndex, env }) {
  const { runTests } = await import('@vscode/test-electron');
  try {
    return await runTests({
      version: process.env.QA_LENS_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: testIndex,
      extensionTestsEnv: env,
      launchArgs: [
        workspace,
        '--user-data-dir', path.join(runDir, 'user-data'),
        '--extensions-dir', path.join(runDir, 'extensions'),
        '--disable-extensions',
        ...(suite.trusted ? ['--disable-workspace-trust'] : []),
      ],
    });
  } catch (error) {
    // runTests rejects when VS Code exits non-zero; the result file tells the rest.
    process.stderr.write(`  ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
