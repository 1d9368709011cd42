// Installs the pinned code-server (a complete VS Code server build) into the git-ignored
// .vscode-test/ cache on first use and reuses it afterwards. Run directly to provision ahead of
// time: `node scripts/vscode-test/provision.mjs`.
//
// It lives outside package.json on purpose: ~280 MB that only the integration tests and
// `npm start` need, on machines that cannot download VS Code itself.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile, copyFile, chmod } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE_DIR = path.join(REPO_ROOT, '.vscode-test');

const installDir = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
const stampFile = path.join(installDir, '.installed');
const entryPoint = path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
/** Held (with the installer's pid) while one process installs: another one waits instead of installing too. */
const lockFile = `${installDir}.lock`;

// Where @vscode/ripgrep's postinstall looks before it tries GitHub (unreachable here).
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/** Path of code-server's Node entry point, installing it first when absent. */
export async function ensureCodeServer({ quiet = false } = {}) {
  const say = (line) => { if (!quiet) process.stderr.write(`[vscode-test] ${line}\n`); };
  for (;;) {
    if (existsSync(stampFile) && existsSync(entryPoint)) return entryPoint;
    // .ci/run installs in the background while the unit tests run: the integration tests wait for it.
    if (await waitForOtherInstaller(say)) continue;
    try {
      await mkdir(CACHE_DIR, { recursive: true });
      await writeFile(lockFile, `${process.pid}\n`, { flag: 'wx' });
    } catch (error) {
      if (error?.code === 'EEXIST') continue; // another process took it first: wait for that one
      throw error;
    }
    try {
      return await install(say, quiet);
    } finally {
      await rm(lockFile, { force: true });
    }
  }
}

/** Waits while another live process holds the lock; false when nobody does (a dead holder's lock is removed). */
async function waitForOtherInstaller(say) {
  let holder;
  try {
    holder = Number((await readFile(lockFile, 'utf8')).trim());
  } catch {
    return false;
  }
  if (!isAlive(holder)) {
    await rm(lockFile, { force: true });
    return false;
  }
  say(`waiting for code-server@${CODE_SERVER_VERSION} being installed by process ${holder}`);
  while (existsSync(lockFile) && isAlive(holder)) await new Promise((resolve) => setTimeout(resolve, 500));
  return true;
}

function isAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error?.code === 'EPERM';
  }
}

async function install(say, quiet) {
  say(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(REPO_ROOT, installDir)} (about a minute, once)`);
  const started = Date.now();
  await rm(installDir, { recursive: true, force: true });
  const tmp = path.join(installDir, 'tmp');
  await mkdir(tmp, { recursive: true });
  await writeFile(path.join(installDir, 'package.json'), JSON.stringify({ private: true, name: 'qa-lens-vscode-test' }, null, 2));
  await seedRipgrep(tmp);
  await run('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--no-audit', '--no-fund', '--no-save', '--loglevel=error'], {
    cwd: installDir,
    env: {
      ...process.env,
      TMPDIR: tmp,
      npm_config_unsafe_perm: 'true', // code-server's postinstall.sh refuses to run as root otherwise
      npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp@...`, which would wait for a yes
    },
    quiet,
  });
  if (!existsSync(entryPoint)) throw new Error(`code-server installed but ${entryPoint} is missing`);
  await rm(tmp, { recursive: true, force: true });
  await writeFile(stampFile, `${CODE_SERVER_VERSION}\n`);
  say(`code-server ready in ${Math.round((Date.now() - started) / 1000)} s`);
  return entryPoint;
}

/** Puts Debian's rg into the tarball @vscode/ripgrep would otherwise download from GitHub. */
async function seedRipgrep(tmp) {
  const rg = '/usr/bin/rg';
  if (!existsSync(rg)) throw new Error('ripgrep is missing: apt-get install -y ripgrep');
  const cache = path.join(tmp, RIPGREP_CACHE);
  const staging = path.join(tmp, 'rg-staging');
  await mkdir(cache, { recursive: true });
  await mkdir(staging, { recursive: true });
  await copyFile(rg, path.join(staging, 'rg'));
  await chmod(path.join(staging, 'rg'), 0o755);
  await run('tar', ['-czf', path.join(cache, RIPGREP_ASSET), '-C', staging, 'rg'], { quiet: true });
  await rm(staging, { recursive: true, force: true });
}

function run(command, args, { cwd, env, quiet }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: quiet ? ['ignore', 'ignore', 'pipe'] : ['ignore', 'inherit', 'inherit'] });
    let stderr = '';
    child.stderr?.on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${stderr}`))));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureCodeServer().then(
    (entry) => console.log(entry),
    (error) => { console.error(error instanceof Error ? error.message : error); process.exit(1); },
  );
}
