import * as vscode from 'vscode';
import { IgnorePlanner } from '../../core/fixes/ignore';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { askReason, currentTarget, resolveFinding } from './findingTarget';

/**
 * QA Lens: Ignore Here: writes `qa-lens-ignore <rule> -- <reason>` in the language's comment
 * syntax on the line above the finding (inside a comment that runs over several lines, as a line of
 * that comment; at the end of the line when the line starts inside a string that spans lines), or
 * says why it cannot. An ignore is a suppression too, so it always has a reason.
 * Args: FindingArgs with an optional `reason`.
 */
export function registerIgnoreFinding(context: vscode.ExtensionContext, analyzer: DocumentAnalyzer): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qaLens.ignoreFinding', async (raw: unknown): Promise<boolean> => {
      const resolved = await resolveFinding(analyzer, raw);
      if (!resolved) return false;
      const { target, args } = resolved;
      if (!target.analysis.language) return false;
      // The text is lexed once for both questions unless it changes while the reason is asked (a
      // lex of a long document is what the decision costs).
      const asked = { version: target.doc.version, planner: new IgnorePlanner(target.doc.getText(), target.analysis.language) };
      // Said before asking for a reason, so nobody writes one for an ignore that cannot be written.
      const refusal = asked.planner.refusal(target.finding.line - 1, target.finding.ruleId);
      if (refusal !== undefined) return refuse(refusal);
      const reason = await askReason(args.reason, `Why is ${target.finding.ruleId} acceptable here?`, 'e.g. only used by the staging smoke test');
      if (reason === undefined) return false;
      const current = await currentTarget(analyzer, target);
      const language = current?.analysis.language;
      if (!current || !language) return false;
      const { doc, finding } = current;
      const unchanged = doc.version === asked.version && language === asked.planner.language;
      const planner = unchanged ? asked.planner : new IgnorePlanner(doc.getText(), language);
      const plan = planner.plan(finding.line - 1, finding.ruleId, reason);
      if (plan.kind === 'refused') return refuse(plan.why);
      if (plan.kind === 'noComments') {
        void vscode.window.showInformationMessage(`QA Lens: ${doc.languageId} has no comments to write an ignore in.`);
        return false;
      }
      const { edit } = plan;
      const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      const workspaceEdit = new vscode.WorkspaceEdit();
      workspaceEdit.insert(doc.uri, new vscode.Position(edit.line, edit.column), edit.text.replace(/\n/g, eol));
      return vscode.workspace.applyEdit(workspaceEdit);
    }),
  );
}

/** Says why no ignore can be written (in a YAML block value, a multi-line string...). */
function refuse(why: string): false {
  void vscode.window.showWarningMessage(`QA Lens: no ignore written: ${why}`);
  return false;
}
