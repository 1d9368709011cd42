import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { delay } from '../shared/extension';
import { env, file, open, set, shown, waitForStatuses, type Env } from './helpers';

/** The shown item of a checklist, as the context menu passes it. */
async function node(e: Env, checklistId: string, itemId: string) {
  const found = (await shown(e)).find((c) => c.checklist.id === checklistId)?.children.find((c) => c.item.id === itemId);
  assert.ok(found, `${checklistId}/${itemId} is not shown`);
  return found;
}

/**
 * Runs a command that may open an input box and answers it with `answer` (Enter on what is
 * filled in, or Escape) until the command ends. A box that will not take Enter (its text is
 * refused) is closed after a while, so the command always ends and the test can say what it saw.
 */
async function runAnswering<T>(run: () => Thenable<T>, answer: 'workbench.action.acceptSelectedQuickOpenItem' | 'workbench.action.closeQuickOpen'): Promise<{ result: T; gaveUp: boolean }> {
  let settled = false;
  const running = Promise.resolve(run()).finally(() => (settled = true));
  let gaveUp = false;
  for (let tries = 0; !settled; tries++) {
    await delay(300);
    if (settled) break;
    gaveUp = tries >= 30;
    await vscode.commands.executeCommand(gaveUp ? 'workbench.action.closeQuickOpen' : answer);
  }
  return { result: await running, gaveUp };
}

describe('checklists: what the user wrote as a reason is kept', function () {
  this.timeout(60_000);
  let e: Env;

  before(async () => {
    e = await env();
  });

  it('a deviation set to addressed keeps its reason; set to deviates again, the prompt offers it back', async () => {
    await open(e, 'views/010_views.sql');
    await set(e, 'views/010_views.sql', 'db', 'DB-02', 'deviates', 'the view is created once, at deploy');
    await vscode.commands.executeCommand('qaLens.checklistItem.addressed', await node(e, 'db', 'DB-02'));
    await waitForStatuses(e, 'db', ['DB-01=open', 'DB-02=addressed:the view is created once, at deploy', 'DB-03=open']);
    // The row does not show the kept reason as the reason it is addressed; its tooltip names it the earlier one.
    const addressed = await node(e, 'db', 'DB-02');
    const row = e.api.sidebar.checklist.getTreeItem(addressed);
    assert.equal(row.description, 'addressed');
    const tooltip = e.api.sidebar.checklist.resolveTreeItem(row, addressed).tooltip;
    assert.match(tooltip instanceof vscode.MarkdownString ? tooltip.value : String(tooltip), /Status: \*\*addressed\*\* \(earlier reason: the view is created once, at deploy\)/);
    // Deviates from the context menu asks for the reason, filled in with the one written before:
    // Enter keeps it.
    const target = await node(e, 'db', 'DB-02');
    const { result, gaveUp } = await runAnswering(() => vscode.commands.executeCommand<{ status: string; reason?: string } | undefined>('qaLens.checklistItem.deviates', target), 'workbench.action.acceptSelectedQuickOpenItem');
    assert.ok(!gaveUp, 'the reason prompt did not accept Enter: it was not filled in with the earlier reason');
    assert.deepEqual(result, { status: 'deviates', reason: 'the view is created once, at deploy' });
    await waitForStatuses(e, 'db', ['DB-01=open', 'DB-02=deviates:the view is created once, at deploy', 'DB-03=open']);
  });

  it('"n/a" is not taken as the reason for not applicable: the user is asked for one, and nothing is recorded when they cancel', async () => {
    await open(e, 'views/010_views.sql');
    const { result } = await runAnswering(
      () => vscode.commands.executeCommand('qaLens.setChecklistItem', { uri: file(e.root, 'views/010_views.sql').toString(), checklistId: 'db', itemId: 'DB-03', status: 'not-applicable', reason: 'n/a' }),
      'workbench.action.closeQuickOpen',
    );
    assert.equal(result, undefined);
    await waitForStatuses(e, 'db', ['DB-01=open', 'DB-02=deviates:the view is created once, at deploy', 'DB-03=open']);
  });
});
