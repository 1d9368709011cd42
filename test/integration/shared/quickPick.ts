import * as vscode from 'vscode';
import { delay } from './extension';

/**
 * Runs a command that asks through quick picks and answers each with Enter, as a user would:
 * `workbench.action.acceptSelectedQuickOpenItem` on the real quick pick, again until the command
 * ends. An Enter that lands before the list has an active item cancels the pick, so a cancelled
 * run (undefined, false) is started again with longer pauses, up to three times.
 */
export async function answerWithEnter<T>(run: () => Thenable<T>, cancelled: (result: T) => boolean): Promise<T> {
  let result: T | undefined;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const pause = 400 * attempt;
    let settled = false;
    const running = Promise.resolve(run()).finally(() => (settled = true));
    await delay(pause);
    const deadline = Date.now() + 30_000;
    while (!settled && Date.now() < deadline) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await delay(pause);
    }
    result = await running;
    if (!cancelled(result)) return result;
  }
  return result as T;
}
