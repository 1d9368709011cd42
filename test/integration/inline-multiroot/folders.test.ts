import * as assert from 'node:assert/strict';
import { simpleGit } from 'simple-git';
import * as vscode from 'vscode';
import { brief, fileUri, folder, gitEnv, open, qaLens, waitFor, waitForDiagnostics, waitForLens } from '../inline/helpers';
import { removeWorkspaceFolder } from '../shared/extension';

const TEXT = "// FIXME: graceful shutdown\nexport const a = 1;\n// TODO: we'll fix it next sprint\nexport const b = 2;\n";

/** A repository of its own in the folder, with one commit `monthsAgo` months back. */
async function commitIn(name: string, monthsAgo: number): Promise<void> {
  const now = new Date();
  const date = new Date(now.getFullYear(), now.getMonth() - monthsAgo, Math.min(now.getDate(), 28), 12).toISOString();
  const git = simpleGit({ baseDir: folder(name).uri.fsPath, config: [`user.name=${name} team`, 'user.email=team@example.invalid', 'commit.gpgsign=false'], allowEnvironment: ['GIT_AUTHOR_DATE', 'GIT_COMMITTER_DATE'] });
  await git.init();
  await git.env(gitEnv(date)).add('.').commit(`${name}: first commit`);
}

describe('inline: multi-root workspace', function () {
  this.timeout(90_000);

  before(async () => {
    await qaLens();
    for (const name of ['api', 'web']) {
      await vscode.workspace.fs.writeFile(fileUri('src/main.ts', name), new TextEncoder().encode(TEXT));
    }
    await commitIn('api', 7);
    await commitIn('web', 3);
  });

  it("reads each folder's own .quality/config.json", async () => {
    const api = fileUri('src/main.ts', 'api');
    const web = fileUri('src/main.ts', 'web');
    await open(api);
    await open(web);
    await waitForDiagnostics(api, ['1:untracked-marker', '3:deferred-to-sprint']);
    await waitForDiagnostics(web, ['3:deferred-to-sprint']);
    const fixme = vscode.languages.getDiagnostics(api).find((d) => d.range.start.line === 0);
    assert.equal(fixme?.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(brief(web), ['3:deferred-to-sprint']);
  });

  it("gathers both folders in the Shortcuts view, each judged by its own config", async () => {
    const extension = await qaLens();
    const byFolder = async (): Promise<string[]> => {
      await extension.sidebar.scan.whenIdle();
      await extension.sidebar.shortcuts.settled();
      return extension.sidebar.shortcuts.groups
        .flatMap((group) => group.items.map((item) => `${item.folder.name}:${item.finding.path}:${item.finding.line}:${item.finding.ruleId}:${item.finding.severity}`))
        .sort();
    };
    // The files were written after the first scan: the watcher brings them in.
    const found = await waitFor(async () => {
      const now = await byFolder();
      return now.length >= 3 ? now : undefined;
    }, 'findings from both folders', 20_000).catch(() => byFolder());
    // api: FIXME is an error there; web switched untracked markers off. Each leaf opens its own file.
    assert.deepEqual(found, [
      'api:src/main.ts:1:untracked-marker:error',
      'api:src/main.ts:3:deferred-to-sprint:warning',
      'web:src/main.ts:3:deferred-to-sprint:warning',
    ]);
    const uris = extension.sidebar.shortcuts.groups.flatMap((group) => group.items.map((item) => item.uri.toString()));
    assert.ok(uris.includes(fileUri('src/main.ts', 'api').toString()) && uris.includes(fileUri('src/main.ts', 'web').toString()), uris.join(', '));
  });

  it("blames each file in its folder's repository, with that folder's sprint length", async () => {
    const api = fileUri('src/main.ts', 'api');
    const web = fileUri('src/main.ts', 'web');
    await open(api);
    await waitForLens(api, (t) => /^QA: deferred to "next sprint" 7 months ago \(≈3[01] sprints\)/.test(t), 'the api age (7-day sprints)');
    await open(web);
    await waitForLens(web, (t) => /^QA: deferred to "next sprint" 3 months ago \(≈[67] sprints\)/.test(t), 'the web age (14-day sprints)', 30_000);
  });

  // Last: it takes the web folder out of the window.
  it("clears a folder's .quality problems from the Problems panel when the folder leaves the workspace", async () => {
    const config = fileUri('.quality/config.json', 'web');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "rules": { "untracked-marker": "fatal" } }\n'));
    const problemsOf = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(config).filter((d) => d.source === 'QA Lens');
    await waitFor(() => (problemsOf().length > 0 ? true : undefined), "the web config's problem");
    await removeWorkspaceFolder('web');
    await waitFor(() => (problemsOf().length === 0 ? true : undefined), "the removed folder's problems to go");
  });
});
