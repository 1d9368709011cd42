import * as vscode from 'vscode';
import { NO_FILTER, readFilter, type FindingFilter } from '../../core/grouping';
import { RULES } from '../../core/rules/catalog';
import { SEVERITIES, type Severity } from '../../core/types';
import type { RuleId } from '../../core/rules/ids';
import type { Sidebar } from '../views/sidebar';

type Pick = vscode.QuickPickItem & ({ severity: Severity } | { rule: RuleId } | { onlyChanged: true });

/**
 * QA Lens: Filter Shortcuts… one multi-select pick of severities, rules and "only my changes since
 * the base branch"; nothing picked in a section means "all" for it. Tests pass the filter directly.
 */
export function registerFilter(context: vscode.ExtensionContext, sidebar: Sidebar): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qaLens.filter', async (given?: unknown) => {
      if (given !== undefined) {
        const filter = readFilter(given);
        await sidebar.shortcuts.setFilter(filter);
        return filter;
      }
      const current = sidebar.shortcuts.filter;
      const items: (Pick | vscode.QuickPickItem)[] = [
        { label: 'Changes', kind: vscode.QuickPickItemKind.Separator },
        { label: '$(git-compare) Only my changes since the base branch', onlyChanged: true, picked: current.onlyChanged, description: 'committed, staged and unsaved-to-git lines this branch added' },
        { label: 'Severity', kind: vscode.QuickPickItemKind.Separator },
        ...SEVERITIES.map((severity) => ({ label: severity, severity, picked: current.severities.includes(severity) })),
        { label: 'Rule', kind: vscode.QuickPickItemKind.Separator },
        ...RULES.map((rule) => ({ label: rule.name, description: rule.id, rule: rule.id, picked: current.rules.includes(rule.id) })),
      ];
      const picked = await vscode.window.showQuickPick(items, {
        canPickMany: true,
        title: 'Filter Shortcuts',
        placeHolder: 'Pick what to show (nothing picked in a section shows all of it)',
      });
      if (!picked) return undefined;
      const filter: FindingFilter = { ...NO_FILTER, severities: [], rules: [] };
      for (const item of picked as Pick[]) {
        if ('severity' in item) filter.severities.push(item.severity);
        else if ('rule' in item) filter.rules.push(item.rule);
        else if ('onlyChanged' in item) filter.onlyChanged = true;
      }
      await sidebar.shortcuts.setFilter(filter);
      return filter;
    }),
    vscode.commands.registerCommand('qaLens.clearFilter', async () => {
      await sidebar.shortcuts.setFilter({ ...NO_FILTER });
    }),
  );
}
