import * as vscode from 'vscode';
import { GROUP_MODES, isGroupMode, type GroupMode } from '../../core/grouping';
import { setShortcutsGroupBy } from '../settings';
import type { Sidebar } from '../views/sidebar';

const DESCRIPTIONS: Record<GroupMode, { label: string; detail: string }> = {
  rule: { label: 'By rule', detail: 'One group per rule, most severe first' },
  file: { label: 'By file', detail: 'One group per file, in path order' },
  age: { label: 'By age', detail: 'When each line was written (git blame): this sprint, last sprint, older' },
};

/**
 * QA Lens: Group Shortcuts By… The view title button cycles rule → file → age; from the palette
 * (or with an argument) a mode is picked directly. The choice is remembered in user settings.
 */
export function registerGroupBy(context: vscode.ExtensionContext, sidebar: Sidebar): void {
  const apply = async (mode: GroupMode): Promise<GroupMode> => {
    await sidebar.shortcuts.setGroupBy(mode);
    await setShortcutsGroupBy(mode);
    return mode;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('qaLens.groupBy', async (mode?: unknown) => {
      if (isGroupMode(mode)) return apply(mode);
      const current = sidebar.shortcuts.groupBy;
      const picked = await vscode.window.showQuickPick(
        GROUP_MODES.map((m) => ({ ...DESCRIPTIONS[m], description: m === current ? '(current)' : undefined, mode: m })),
        { title: 'Group Shortcuts', placeHolder: 'How should the Shortcuts view group findings?' },
      );
      return picked ? apply(picked.mode) : undefined;
    }),
    vscode.commands.registerCommand('qaLens.toggleGroupBy', () => {
      const next = GROUP_MODES[(GROUP_MODES.indexOf(sidebar.shortcuts.groupBy) + 1) % GROUP_MODES.length];
      return apply(next);
    }),
  );
}
