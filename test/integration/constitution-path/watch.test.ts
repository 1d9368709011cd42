import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { QaLensApi } from '../../../src/extension/extension';
import { activeExtension, waitFor } from '../shared/extension';

// suite.json sets qaLens.constitution.path to team/principles.md: neither CONSTITUTION.md nor
// under .quality/, so only a watcher on the configured path sees it change on disk.

const principlesText = (...titles: string[]): string =>
  `# Team rules\n\n${titles.map((title, index) => `## ENG-0${index + 1} ${title}\n\nWhy ${title.toLowerCase()}.\n`).join('\n')}`;

let api: QaLensApi;
let folder: vscode.WorkspaceFolder;

function file(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, ...rel.split('/'));
}

/** "source: ENG-01 Title | ..." for the folder's project as loaded now. */
async function constitution(): Promise<string> {
  const project = await api.projects.forFolder(folder);
  return `${project.constitution.source}: ${project.constitution.principles.map((p) => `${p.id} ${p.title}`).join(' | ')}`;
}

/**
 * Writes `text` to `target` outside VS Code until the project shows `expected`. Written again while
 * waiting: a watcher starts a moment after it is created (and the project that creates it loads),
 * and a write before that is seen by nobody, in the product as here.
 */
async function writeUntil(target: string, text: string, what: string, expected: string): Promise<void> {
  let writes = 0;
  await waitFor(what, async () => {
    if ((await constitution()) === expected) return true;
    if (writes++ % 10 === 0) await writeFile(target, text);
    return undefined;
  }, 20_000).catch(async (error: Error) => {
    throw new Error(`${error.message}; the project has ${JSON.stringify(await constitution())}`);
  });
}

async function becomes(what: string, expected: string): Promise<void> {
  await waitFor(what, async () => (await constitution()) === expected || undefined, 20_000).catch(async (error: Error) => {
    throw new Error(`${error.message}; the project has ${JSON.stringify(await constitution())}`);
  });
}

function missingProblems(target: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(target).filter((d) => d.source === 'QA Lens' && /does not exist/.test(d.message)).map((d) => d.message);
}

describe('a constitution at a configured path follows the file', function () {
  this.timeout(90_000);

  before(async () => {
    api = (await activeExtension()).exports as QaLensApi;
    folder = vscode.workspace.workspaceFolders![0];
    assert.equal(await constitution(), 'team/principles.md: ENG-01 Fail loudly');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reloads when it is saved in VS Code', async () => {
    const editor = await vscode.window.showTextDocument(file('team/principles.md'), { preview: false });
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, '\n## ENG-02 Saved in the editor\n\nWhy.\n'));
    assert.ok(await editor.document.save(), 'save failed');
    await becomes('the project to read the saved file', 'team/principles.md: ENG-01 Fail loudly | ENG-02 Saved in the editor');
  });

  it('reloads when it is rewritten on disk (a checkout, another editor)', async () => {
    await writeUntil(
      file('team/principles.md').fsPath,
      principlesText('Fail loudly', 'Small changes'),
      'the project to read the file rewritten on disk',
      'team/principles.md: ENG-01 Fail loudly | ENG-02 Small changes',
    );
  });

  it('says it is missing once deleted, and reads it again once re-created', async () => {
    const target = file('team/principles.md');
    await rm(target.fsPath);
    // As when the path never existed: the bundled default, and an error on the configured path.
    await waitFor('the project to notice the deletion', async () => (await api.projects.forFolder(folder)).constitution.source === 'bundled' || undefined, 20_000);
    await waitFor('the missing-file error on the configured path', () => missingProblems(target).length === 1);
    assert.match(missingProblems(target)[0] ?? '', /'team\/principles\.md' does not exist \(qaLens\.constitution\.path\)/);
    await writeUntil(target.fsPath, principlesText('Fail loudly', 'Back again'), 'the project to read the re-created file', 'team/principles.md: ENG-01 Fail loudly | ENG-02 Back again');
    await waitFor('the missing-file error to go', () => missingProblems(target).length === 0);
  });

  it('watches the new path once the setting changes, outside the workspace too', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'qa-lens-constitution-'));
    const target = path.join(outside, 'engineering rules.md');
    const config = vscode.workspace.getConfiguration('qaLens');
    try {
      await writeFile(target, principlesText('Elsewhere'));
      await config.update('constitution.path', target, vscode.ConfigurationTarget.Workspace);
      const source = target.split(path.sep).join('/');
      await becomes('the project to read the newly configured file', `${source}: ENG-01 Elsewhere`);
      await writeUntil(target, principlesText('Elsewhere', 'Changed on disk'), 'the project to read it rewritten on disk', `${source}: ENG-01 Elsewhere | ENG-02 Changed on disk`);
    } finally {
      await config.update('constitution.path', undefined, vscode.ConfigurationTarget.Workspace);
      await rm(outside, { recursive: true, force: true });
    }
    await becomes('the project to read the first path again', 'team/principles.md: ENG-01 Fail loudly | ENG-02 Back again');
  });

  /**
   * Resolves once a watcher created now on `dir` has seen a file written there: VS Code takes
   * watchers up in the order they are asked for, so the extension's, asked for earlier, runs too.
   */
  async function watchersStarted(dir: string): Promise<void> {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), '.probe-*'));
    let seen = false;
    const listener = watcher.onDidCreate(() => (seen = true));
    const probes: string[] = [];
    try {
      await waitFor('a watcher on the folder to start', async () => {
        if (seen) return true;
        if (probes.length < 100) probes.push(path.join(dir, `.probe-${probes.length}`));
        await writeFile(probes[probes.length - 1] ?? '', '');
        return undefined;
      });
    } finally {
      listener.dispose();
      watcher.dispose();
      await Promise.all(probes.map((probe) => rm(probe, { force: true })));
    }
  }

  /**
   * Sets the constitution path to `target`, under folders that do not exist yet (`top` the first
   * of them), checks the project goes without it, then creates the folders and the file from
   * outside VS Code (as a checkout would: the folders, then the file written once) and waits
   * for the project to read it.
   */
  async function appearsWithFolders(setting: string, top: string, target: string, expected: string): Promise<void> {
    const config = vscode.workspace.getConfiguration('qaLens');
    try {
      await config.update('constitution.path', setting, vscode.ConfigurationTarget.Workspace);
      await waitFor('the project to fall back to the bundled constitution', async () => (await api.projects.forFolder(folder)).constitution.source === 'bundled' || undefined, 20_000);
      await waitFor('the missing-file error on the configured path', () => missingProblems(vscode.Uri.file(target)).length === 1);
      await watchersStarted(path.dirname(top));
      // Written once, not again while waiting (unlike writeUntil): a watcher that only starts
      // once the folder exists sees a second write, but a checkout makes just one.
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, principlesText('Checked out later'));
      await becomes('the project to read the file in the new folders', expected);
      await waitFor('the missing-file error to go', () => missingProblems(vscode.Uri.file(target)).length === 0);
    } finally {
      await config.update('constitution.path', undefined, vscode.ConfigurationTarget.Workspace);
      await rm(top, { recursive: true, force: true });
    }
    await becomes('the project to read the first path again', 'team/principles.md: ENG-01 Fail loudly | ENG-02 Back again');
  }

  it('reads a configured path in the workspace once its folders and the file are created', async () => {
    const target = file('docs/eng/constitution.md').fsPath;
    await appearsWithFolders('docs/eng/constitution.md', file('docs').fsPath, target, 'docs/eng/constitution.md: ENG-01 Checked out later');
  });

  it('reads a configured path outside the workspace once its folders and the file are created', async () => {
    const outside = await mkdtemp(path.join(os.tmpdir(), 'qa-lens-constitution-'));
    try {
      const target = path.join(outside, 'handbook', 'eng', 'constitution.md');
      await appearsWithFolders(target, path.join(outside, 'handbook'), target, `${target.split(path.sep).join('/')}: ENG-01 Checked out later`);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});
