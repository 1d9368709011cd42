// `npm start`: builds, then opens a real VS Code on demo/ with QA Lens loaded from this folder.
// The desktop `code` when it is on PATH; otherwise the provisioned code-server on 127.0.0.1,
// printing the URL to open. Ctrl+C stops it.
//
//   node scripts/start.mjs [--port N] [--code-server] [folder]   (folder default: demo)
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './vscode-test/provision.mjs';

const argv = process.argv.slice(2);
const forceWeb = argv.includes('--code-server') || process.env.QA_LENS_VSCODE === 'code-server';
const portIndex = argv.indexOf('--port');
const port = portIndex >= 0 ? Number(argv[portIndex + 1]) : undefined;
const folderArg = argv.find((arg, index) => !arg.startsWith('--') && argv[index - 1] !== '--port');
const workspace = path.resolve(REPO_ROOT, folderArg ?? 'demo');

function build() {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function hasDesktopCode() {
  return spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
}

/** Desktop VS Code takes the development path as an argument and manages its own window. */
function startDesktop() {
  const child = spawn('code', [`--extensionDevelopmentPath=${REPO_ROOT}`, workspace], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function startWeb() {
  const { serveWorkbench } = await import('./vscode-test/workbench.mjs');
  const workbench = await serveWorkbench({ workspace, port });
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping code-server\n`);
    await workbench.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, (name) => void stop(name));
  process.stdout.write(
    [
      '',
      `QA Lens is loaded in VS Code (code-server) on ${path.relative(REPO_ROOT, workspace) || '.'}. Open:`,
      '',
      `  ${workbench.url}`,
      '',
      'After a change: `npm run build` (or keep `npm run watch` running) and reload the page.',
      'From another machine, forward the port first (ssh -L PORT:127.0.0.1:PORT host).',
      'Ctrl+C stops it.',
      '',
    ].join('\n'),
  );
  // Stay alive until a signal arrives.
  setInterval(() => {}, 1 << 30);
}

build();
if (!forceWeb && hasDesktopCode()) startDesktop();
else await startWeb();
