// Integration suites: every folder test/integration/<suite>/ holding a suite.json. A suite names
// the workspace VS Code opens, the user settings it starts with and whether workspace trust is on.
//
// suite.json (all keys optional):
//   {
//     "description": "what this suite proves",
//     "workspace": {
//       "copy": "demo",                      // folder (repo-relative) copied into the run folder
//       "files": { "src/a.ts": "// TODO\n" }, // files written into it (after the copy)
//       "folders": ["api", "web"],            // multi-root: opens a .code-workspace of these subfolders
//       "git": true                           // `git init` + one commit, for git-aware features
//     },
//     "settings": { "qaLens.enable": true },  // merged over the harness defaults into User/settings.json
//     "trusted": false,                       // false: workspace trust ON and the folder untrusted
//     "timeout": 120000                       // ms for the whole suite (VS Code start included)
//   }
// The workspace always lives in a fresh per-run folder, so tests may change files freely.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from './provision.mjs';

export const SUITES_DIR = path.join(REPO_ROOT, 'test', 'integration');

/** Settings every run starts from: no welcome page, tips, telemetry or trust prompt in the way. */
export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'git.openRepositoryInParentFolders': 'never',
  // Desktop VS Code's default. The web build saves edits after a second by default, which would
  // save the "unsaved" edits tests make behind their back: a test of unsaved text must see one.
  'files.autoSave': 'off',
  // code-server is a remote host, so VS Code's extension host looks for ports to forward: every 2 s
  // or more it runs `ls -l /proc/*/fd` and `ps` through a shell, and each spawn blocks the shared
  // extension host (100-700 ms each, measured on a loaded 2-core machine). A desktop window's local
  // extension host never does this, and it is not QA Lens: it only blurs what the suites measure.
  // Both keys: code-server has a tunnel provider, which keeps the scan on with the first alone.
  'remote.autoForwardPorts': false,
  'remote.autoForwardPortsSource': 'output',
};

const KNOWN_KEYS = new Set(['description', 'workspace', 'settings', 'trusted', 'timeout']);
const KNOWN_WORKSPACE_KEYS = new Set(['copy', 'files', 'folders', 'git']);

/** All suites, sorted by name, optionally only those named. */
export async function discoverSuites(only = []) {
  const entries = await readdir(SUITES_DIR, { withFileTypes: true });
  const suites = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const file = path.join(SUITES_DIR, entry.name, 'suite.json');
    if (!existsSync(file)) continue;
    suites.push(await readSuite(entry.name, file));
  }
  suites.sort((a, b) => a.name.localeCompare(b.name));
  const unknown = only.filter((name) => !suites.some((suite) => suite.name === name));
  if (unknown.length > 0) throw new Error(`no such integration suite: ${unknown.join(', ')} (have: ${suites.map((s) => s.name).join(', ')})`);
  return only.length > 0 ? suites.filter((suite) => only.includes(suite.name)) : suites;
}

async function readSuite(name, file) {
  let raw;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`${path.relative(REPO_ROOT, file)}: ${error.message}`);
  }
  const where = path.relative(REPO_ROOT, file);
  for (const key of Object.keys(raw)) if (!KNOWN_KEYS.has(key)) throw new Error(`${where}: unknown key "${key}"`);
  const workspace = raw.workspace ?? {};
  for (const key of Object.keys(workspace)) if (!KNOWN_WORKSPACE_KEYS.has(key)) throw new Error(`${where}: unknown key "workspace.${key}"`);
  if (workspace.copy !== undefined && !existsSync(path.join(REPO_ROOT, workspace.copy))) {
    throw new Error(`${where}: workspace.copy "${workspace.copy}" does not exist`);
  }
  return {
    name,
    dir: path.dirname(file),
    description: raw.description ?? '',
    workspace,
    settings: { ...BASE_SETTINGS, ...(raw.settings ?? {}) },
    trusted: raw.trusted !== false,
    timeout: raw.timeout ?? 120_000,
  };
}

/**
 * Creates the suite's workspace and user data under runDir. Returns the path VS Code should open:
 * a folder, or a .code-workspace file for multi-root suites.
 */
export async function prepareSuite(suite, runDir) {
  const workspaceDir = path.join(runDir, 'workspace');
  await mkdir(workspaceDir, { recursive: true });
  const { copy, files = {}, folders, git } = suite.workspace;
  if (copy) await cp(path.join(REPO_ROOT, copy), workspaceDir, { recursive: true });
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(workspaceDir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  if (git) initGit(workspaceDir);
  await writeUserSettings(path.join(runDir, 'user-data'), suite.settings);
  if (!folders) return workspaceDir;
  for (const folder of folders) await mkdir(path.join(workspaceDir, folder), { recursive: true });
  const workspaceFile = path.join(workspaceDir, `${suite.name}.code-workspace`);
  await writeFile(workspaceFile, JSON.stringify({ folders: folders.map((folder) => ({ path: folder })) }, null, 2));
  return workspaceFile;
}

export async function writeUserSettings(userDataDir, settings) {
  await mkdir(path.join(userDataDir, 'User'), { recursive: true });
  await writeFile(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

function initGit(dir) {
  const git = (...args) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=QA Lens Tests', '-c', 'user.email=tests@qa-lens.invalid', 'add', '-A');
  git('-c', 'user.name=QA Lens Tests', '-c', 'user.email=tests@qa-lens.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', 'fixture');
}
