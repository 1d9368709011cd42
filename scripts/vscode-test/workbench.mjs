// Opening the workbench with the extension under development loaded, for people (npm start) and
// for screenshots: code-server in a throw-away run folder, serving `workspace`.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startCodeServer } from './code-server.mjs';
import { REPO_ROOT } from './provision.mjs';
import { BASE_SETTINGS, writeUserSettings } from './suites.mjs';

/**
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>} stop() ends code-server and
 *   deletes the run folder
 */
export async function serveWorkbench({ workspace, settings = {}, port, trusted = true }) {
  const runDir = await mkdtemp(path.join(os.tmpdir(), 'qa-lens-workbench-'));
  try {
    await writeUserSettings(path.join(runDir, 'user-data'), { ...BASE_SETTINGS, ...settings });
    const server = await startCodeServer({ runDir, port, trusted });
    const url = server.workbenchUrl({ workspace, extensionDevelopmentPath: REPO_ROOT });
    return {
      url,
      stop: async () => {
        await server.stop();
        await rm(runDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(runDir, { recursive: true, force: true });
    throw error;
  }
}
