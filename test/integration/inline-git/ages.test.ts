import * as assert from 'node:assert/strict';
import { simpleGit } from 'simple-git';
import * as vscode from 'vscode';
import { agePhrase } from '../../../src/core/age';
import { fileUri, folder, gitEnv, hoverText, lensTitles, open, qaLens, setSetting, waitFor, waitForLens } from '../inline/helpers';

/** Seven calendar months ago, at noon (day clamped so every month has it). */
function sevenMonthsAgo(): Date {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth() - 7, Math.min(now.getDate(), 28), 12, 0, 0);
}

const LEGACY = "// TODO: we'll fix it next sprint, once ops rotates the certificates.\nexport const rejectAll = false;\n";

describe('inline: ages from git blame', function () {
  this.timeout(60_000);
  const legacy = fileUri('src/legacy.ts');
  const written = sevenMonthsAgo();

  before(async () => {
    await qaLens();
    await vscode.workspace.fs.writeFile(legacy, new TextEncoder().encode(LEGACY));
    const date = written.toISOString();
    await simpleGit({ baseDir: folder().uri.fsPath, config: ['user.name=Ada Lovelace', 'user.email=ada@example.invalid', 'commit.gpgsign=false'], allowEnvironment: ['GIT_AUTHOR_DATE', 'GIT_COMMITTER_DATE'] })
      .env(gitEnv(date))
      .add('src/legacy.ts')
      .commit('Add the legacy pricing agent');
    await open(legacy);
  });

  afterEach(async () => {
    await setSetting('qaLens.sprintLengthDays', undefined);
    await setSetting('qaLens.blame.enabled', undefined);
  });

  it('says how long ago the shortcut was written, in months and sprints', async () => {
    const expected = `QA: deferred to "next sprint" ${agePhrase(written, new Date(), 14)} · ENG-02 Value over MVP shortcuts`;
    assert.match(expected, /7 months ago \(≈1[56] sprints\)/);
    const title = await waitForLens(legacy, (t) => t.includes('months ago'), 'a lens with the age');
    assert.equal(title, expected);
    const hover = await hoverText(legacy, new vscode.Position(0, 4));
    assert.match(hover, /written 7 months ago \(≈1[56] sprints\) by Ada Lovelace/);
  });

  it('says when a line is not committed yet, and keeps the age of the lines an edit moved', async () => {
    const editor = await open(legacy);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// HACK: quick fix for the demo\n'));
    await waitForLens(legacy, (t) => t.startsWith('QA: "quick fix" with no plan (not committed yet)'), 'the uncommitted lens');
    const titles = await lensTitles(legacy);
    assert.ok(titles.some((t) => t.startsWith('QA: deferred to "next sprint" 7 months ago')), titles.join(' | '));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('follows the sprint length setting', async () => {
    await setSetting('qaLens.sprintLengthDays', 7);
    await waitForLens(legacy, (t) => /7 months ago \(≈3[01] sprints\)/.test(t), 'ages in 7-day sprints');
  });

  it('omits the age when blame is switched off', async () => {
    await setSetting('qaLens.blame.enabled', false);
    await waitFor(async () => {
      const titles = await lensTitles(legacy);
      return titles.includes('QA: deferred to "next sprint" · ENG-02 Value over MVP shortcuts') ? true : undefined;
    }, 'a lens without age');
  });
});
