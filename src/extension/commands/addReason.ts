import * as vscode from 'vscode';
import { addReasonEdit } from '../../core/fixes/suppression';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { applyEdit, askReason, currentTarget, resolveFinding } from './findingTarget';

/**
 * QA Lens: Add a Reason to a Suppression, written the way its tool reads reasons (rules.md table:
 * `-- reason` for ESLint, `# reason` after `type: ignore`, `// reason` after `nolint`...).
 * Args: FindingArgs with an optional `reason`.
 */
export function registerAddReason(context: vscode.ExtensionContext, analyzer: DocumentAnalyzer): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qaLens.addReason', async (raw: unknown): Promise<boolean> => {
      const resolved = await resolveFinding(analyzer, raw);
      if (!resolved) return false;
      const { target, args } = resolved;
      const { doc, finding } = target;
      if (addReasonEdit(finding.line - 1, doc.lineAt(finding.line - 1).text, finding.column - 1, 'probe') === null) {
        void vscode.window.showInformationMessage('QA Lens: this suppression takes no reason; see the other quick fixes.');
        return false;
      }
      const reason = await askReason(args.reason, 'Why is this check switched off here?', 'e.g. generated code, the rule misfires on this pattern');
      if (reason === undefined) return false;
      const current = await currentTarget(analyzer, target);
      if (!current) return false;
      const line = current.finding.line - 1;
      const edit = addReasonEdit(line, doc.lineAt(line).text, current.finding.column - 1, reason);
      return edit !== null && applyEdit(doc, edit);
    }),
  );
}
