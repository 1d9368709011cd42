import * as vscode from 'vscode';
import { ignoreEditForText, ignoreRefusal } from '../../core/fixes/ignore';
import type { LanguageSpec } from '../../core/lexer/types';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { askReason, currentTarget, resolveFinding } from './findingTarget';

/**
 * QA Lens: Ignore Here: writes `qa-lens-ignore <rule> -- <reason>` in the language's comment
 * syntax on the line above the finding (inside a comment that runs over several lines, as a line of
 * that comment). An ignore is a suppression too, so it always has a reason.
 * Args: FindingArgs with an optional `reason`.
 */
export function registerIgnoreFinding(context: vscode.ExtensionContext, analyzer: DocumentAnalyzer): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qaLens.ignoreFinding', async (raw: unknown): Promise<boolean> => {
      const resolved = await resolveFinding(analyzer, raw);
      if (!resolved) return false;
      const { target, args } = resolved;
      if (!target.analysis.language) return false;
      // Said before asking for a reason, so nobody writes one for an ignore that cannot be written.
      if (refused(target.doc.getText(), target.finding.line - 1, target.analysis.language)) return false;
      const reason = await askReason(args.reason, `Why is ${target.finding.ruleId} acceptable here?`, 'e.g. only used by the staging smoke test');
      if (reason === undefined) return false;
      const current = await currentTarget(analyzer, target);
      const language = current?.analysis.language;
      if (!current || !language) return false;
      const { doc, finding } = current;
      if (refused(doc.getText(), finding.line - 1, language)) return false;
      const edit = ignoreEditForText(doc.getText(), finding.line - 1, finding.ruleId, reason, language);
      if (edit === null) {
        void vscode.window.showInformationMessage(`QA Lens: ${doc.languageId} has no comments to write an ignore in.`);
        return false;
      }
      const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      const workspaceEdit = new vscode.WorkspaceEdit();
      workspaceEdit.insert(doc.uri, new vscode.Position(edit.line, edit.column), edit.text.replace(/\n/g, eol));
      return vscode.workspace.applyEdit(workspaceEdit);
    }),
  );
}

/** Says why no ignore can be written for the finding on `line`, when none can. */
function refused(text: string, line: number, language: LanguageSpec): boolean {
  const refusal = ignoreRefusal(text, line, language);
  if (refusal === undefined) return false;
  void vscode.window.showWarningMessage(`QA Lens: no ignore written: ${refusal}`);
  return true;
}
