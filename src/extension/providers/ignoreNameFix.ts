import * as vscode from 'vscode';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { IGNORE_PROBLEM_CODE } from './diagnostics';

/**
 * "Change to 'skipped-test'" for an inline ignore whose rule id is misspelt: the one edit the
 * problem's message suggests, applied as is (no input needed, so no command in between).
 */
export class IgnoreNameFixProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly analyzer: DocumentAnalyzer) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === 'QA Lens' && diagnostic.code === IGNORE_PROBLEM_CODE);
    if (ours.length === 0) return [];
    const analysis = await this.analyzer.analysis(doc);
    if (!analysis) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const { start, end } = diagnostic.range;
      const problem = analysis.problems.find(
        (candidate) => candidate.line - 1 === start.line && candidate.column - 1 === start.character && candidate.endColumn - 1 === end.character,
      );
      // The analysis is of the document as it is now: a problem no longer there gets no fix.
      if (problem?.suggestion === undefined) continue;
      const action = new vscode.CodeAction(`Change to '${problem.suggestion}'`, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(doc.uri, diagnostic.range, problem.suggestion);
      actions.push(action);
    }
    return actions;
  }
}

export function registerIgnoreNameFix(context: vscode.ExtensionContext, analyzer: DocumentAnalyzer): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(
      [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }],
      new IgnoreNameFixProvider(analyzer),
      IgnoreNameFixProvider.metadata,
    ),
  );
}
