import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { isoDay } from '../../../src/core/engine';
import { fileUri, hoverText, lenses, lensTitles, open, qaLens, waitForDiagnostics, waitForLens, writeAndOpen } from './helpers';

function inDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return isoDay(date);
}

describe('inline: CodeLens and hover', function () {
  this.timeout(60_000);
  const orders = fileUri('src/orders.ts');

  before(async () => {
    await qaLens();
    await open(orders);
    await waitForDiagnostics(orders, ['3:deferred-to-sprint', '4:insecure-shortcut', '6:untracked-marker', '10:swallowed-error', '15:tracked-marker']);
  });

  it('puts a lens above each warning-or-worse finding: what, and the principle (no git: no age)', async () => {
    const all = await lenses(orders);
    const byLine = all.filter((lens) => lens.range.start.line > 0).map((lens) => `${lens.range.start.line + 1}: ${lens.command?.title}`);
    assert.deepEqual(byLine, [
      '3: QA: deferred to "next sprint" · ENG-02 Value over MVP shortcuts',
      '4: QA: security switched off · ENG-04 Security and quality are not traded for speed',
      '10: QA: error swallowed · ENG-05 Errors fail loudly',
    ]);
    const deferred = all.find((lens) => lens.range.start.line === 2);
    assert.equal(deferred?.command?.command, 'qaLens.openPrinciple');
  });

  it('summarises what applies at the top of the file, clickable', async () => {
    const top = (await lenses(orders)).filter((lens) => lens.range.start.line === 0);
    assert.deepEqual(top.map((lens) => lens.command?.title), ['$(law) 11 principles']);
    assert.equal(top[0].command?.command, 'qaLens.showPrinciples');

    const migration = fileUri('migrations/001_init.sql');
    await open(migration);
    const titles = await waitForLens(migration, (title) => title.includes('Database migration'), 'the migration checklist lens');
    assert.match(titles, /^\$\(checklist\) Database migration 0\/\d+$/);
    const lens = (await lenses(migration)).find((candidate) => candidate.command?.title.includes('Database migration'));
    assert.equal(lens?.command?.command, 'qaLens.showChecklist');
    assert.deepEqual(lens?.command?.arguments, [{ checklistId: 'migration', uri: migration.toString() }]);
    // The sidebar implements the command; the click must run without an error.
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments as unknown[]));

    // Progress follows the recorded item states (the sidebar's checklist view writes them).
    const api = await qaLens();
    const folder = vscode.workspace.getWorkspaceFolder(migration)!;
    const branch = await api.git.branchKey(folder);
    const item = (await api.projects.forFolder(folder)).checklists.find((c) => c.id === 'migration')!.items[0];
    await api.checklistState.set({ folder: folder.uri.toString(), branch, file: 'migrations/001_init.sql', checklist: 'migration', item: item.id }, { status: 'addressed' });
    await waitForLens(migration, (title) => /^\$\(checklist\) Database migration 1\/\d+$/.test(title), 'the checklist progress to move to 1');
  });

  it('summarises nothing at the top of the team\'s own quality documents (a review draft)', async () => {
    const editor = await writeAndOpen('.quality/reviews/feature-x.md', '# Review of feature-x\n\n<!-- TODO: read the migration -->\n');
    const draft = editor.document.uri;
    // The draft is analysed (its TODO is a finding), yet carries no principles or checklist summary.
    await waitForDiagnostics(draft, ['3:untracked-marker']);
    assert.deepEqual((await lenses(draft)).filter((lens) => lens.range.start.line === 0).map((lens) => lens.command?.title), []);
    assert.deepEqual((await lenses(orders)).filter((lens) => lens.range.start.line === 0).map((lens) => lens.command?.title), ['$(law) 11 principles']);
  });

  it('hovers with the principle, its How to check question and the quick fixes', async () => {
    const text = await hoverText(orders, new vscode.Position(2, 4));
    assert.match(text, /deferred-to-sprint/);
    assert.match(text, /\(warning\)/);
    assert.match(text, /ENG-02 Value over MVP shortcuts/);
    assert.match(text, /\*\*How to check:\*\* For every shortcut this change takes or keeps, is there a ticket/);
    assert.match(text, /\[Add a ticket reference\]\(command:qaLens\.addTicket\?/);
    assert.match(text, /\[Add a deadline\]\(command:qaLens\.addDeadline\?/);
    assert.match(text, /\[Open the principle\]\(command:qaLens\.openPrinciple\?/);
  });

  it('hovers with the ticket of a tracked note', async () => {
    const text = await hoverText(orders, new vscode.Position(14, 4));
    assert.match(text, /ticket SHOP-231/);
  });

  it('shows "due in N days" in lens and hover before a deadline expires', async () => {
    const due = inDays(5);
    const uri = (await writeAndOpen('src/flags.ts', `// TODO(${due}): remove the beta flag\nexport const beta = true;\n`)).document.uri;
    await waitForDiagnostics(uri, ['1:tracked-marker']);
    const title = await waitForLens(uri, (t) => t.startsWith('QA:'), 'the deadline lens');
    assert.equal(title, 'QA: TODO due in 5 days · ENG-02 Value over MVP shortcuts');
    const hover = await hoverText(uri, new vscode.Position(0, 4));
    assert.match(hover, new RegExp(`deadline ${due} \\(due in 5 days\\)`));
  });

  it('opens the principle at its heading', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('qaLens.openPrinciple', { principleId: 'ENG-05', uri: orders.toString() });
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.with({ fragment: '' }).toString());
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /^## ENG-05 Errors fail loudly/);
    assert.ok((await lensTitles(orders)).length > 0);
  });
});
