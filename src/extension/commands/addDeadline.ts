import * as vscode from 'vscode';
import { isoDay } from '../../core/engine';
import { addDeadlineEdit, isoDaysFrom, validateDeadline } from '../../core/fixes/deadline';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { applyEdit, currentTarget, resolveFinding } from './findingTarget';

/**
 * QA Lens: Add a Deadline (`TODO(YYYY-MM-DD)`, or replaces a date that passed or is nearly due).
 * Args: FindingArgs with an optional `date`; without one it asks, suggesting two sprints from today.
 */
export function registerAddDeadline(context: vscode.ExtensionContext, analyzer: DocumentAnalyzer): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qaLens.addDeadline', async (raw: unknown): Promise<boolean> => {
      const resolved = await resolveFinding(analyzer, raw);
      if (!resolved) return false;
      const { target, args } = resolved;
      const today = isoDay(new Date());
      const sprint = target.analysis.project?.settings.sprintLengthDays ?? 14;
      let date = args.date?.trim();
      if (date === undefined) {
        date = (
          await vscode.window.showInputBox({
            title: 'Add a deadline',
            prompt: 'The date by which this is done (YYYY-MM-DD)',
            value: isoDaysFrom(today, 2 * sprint),
            validateInput: (value) => validateDeadline(value, today),
            ignoreFocusOut: true,
          })
        )?.trim();
        if (date === undefined) return false;
      }
      const problem = validateDeadline(date, today);
      if (problem) {
        void vscode.window.showErrorMessage(`QA Lens: ${problem}`);
        return false;
      }
      const current = await currentTarget(analyzer, target);
      if (!current) return false;
      const { doc, finding } = current;
      return applyEdit(doc, addDeadlineEdit(finding.line - 1, doc.lineAt(finding.line - 1).text, finding.column - 1, finding.tag, date));
    }),
  );
}
