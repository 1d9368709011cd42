// Starts the provisioned code-server on a free loopback port with everything it writes (user
// data, extensions, XDG dirs, TMPDIR) inside one run folder, and stops its whole process tree.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { ensureCodeServer } from './provision.mjs';

// Process groups of running servers: whatever way this process ends, none outlives it (a timeout
// can strike while a server is still starting, before anyone holds its stop()).
const live = new Set();
process.on('exit', () => {
  for (const pid of live) killGroup(pid, 'SIGKILL');
});

/**
 * @param {object} options
 * @param {string} options.runDir  folder that receives everything code-server writes
 * @param {boolean} [options.trusted=true]  false: workspace trust stays on (folders start untrusted)
 * @param {Record<string,string>} [options.env]  extra environment, passed through to the extension host
 * @param {number} [options.port]  fixed port (default: a free one)
 * @returns {Promise<{ port: number, origin: string, logFile: string, workbenchUrl: Function, stop: Function }>}
 */
export async function startCodeServer({ runDir, trusted = true, env = {}, port }) {
  const entry = await ensureCodeServer();
  const dirs = Object.fromEntries(['user-data', 'extensions', 'config', 'data', 'cache', 'tmp'].map((name) => [name, path.join(runDir, name)]));
  await Promise.all(Object.values(dirs).map((dir) => mkdir(dir, { recursive: true })));
  port ??= await freePort();
  const args = [
    entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', dirs['user-data'],
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(trusted ? ['--disable-workspace-trust'] : []),
  ];
  const logFile = path.join(runDir, 'code-server.log');
  const log = createWriteStream(logFile);
  // detached: its own process group, so stop() also ends the extension host, pty host and watchers.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...env,
      XDG_CONFIG_HOME: dirs.config,
      XDG_DATA_HOME: dirs.data,
      XDG_CACHE_HOME: dirs.cache,
      TMPDIR: dirs.tmp,
      // Keep VS Code from treating the run as launched from a desktop VS Code terminal.
      VSCODE_IPC_HOOK_CLI: '',
    },
  });
  live.add(child.pid);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const origin = `http://127.0.0.1:${port}`;

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        killGroup(child.pid, 'SIGTERM');
        const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      killGroup(child.pid, 'SIGKILL'); // stragglers that outlived their parent
      live.delete(child.pid);
      log.end();
    })();
    return stopping;
  };

  try {
    await waitHealthy(origin, exited, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, origin, logFile, stop, workbenchUrl: (options) => workbenchUrl(origin, port, options) };
}

/**
 * The workbench URL for a folder or .code-workspace. `payload` is VS Code's web mechanism for
 * what the desktop takes as --extensionDevelopmentPath / --extensionTestsPath arguments.
 */
export function workbenchUrl(origin, port, { workspace, extensionDevelopmentPath, extensionTestsPath }) {
  const url = new URL(origin + '/');
  if (workspace) url.searchParams.set(workspace.endsWith('.code-workspace') ? 'workspace' : 'folder', workspace);
  const payload = [];
  const remote = (file) => `vscode-remote://127.0.0.1:${port}${file}`;
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitHealthy(origin, exited, logFile, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let done = false;
  const early = exited.then(({ code, signal }) => {
    if (!done) throw new Error(`code-server exited (${signal ?? code}) before it was ready; see ${logFile}`);
  });
  const poll = (async () => {
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`${origin}/healthz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`code-server did not answer ${origin}/healthz within ${timeoutMs / 1000} s; see ${logFile}`);
  })();
  try {
    await Promise.race([poll, early]);
  } finally {
    done = true;
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
