import * as vscode from 'vscode';
import { FIX_TITLES, fixesFor } from '../../core/inline/quickFixes';
import { isRuleId } from '../../core/rules/ids';
import type { Finding } from '../../core/types';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { findingArgs } from '../commands/findingTarget';

function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'string') return code;
  if (code && typeof code === 'object') return String(code.value);
  return undefined;
}

/**
 * Quick fixes for QA Lens diagnostics, chosen by `diagnostic.code` (the rule id). Each runs a
 * command, because most need an input (a ticket, a date, a reason) that an edit cannot carry.
 */
export class QaCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly analyzer: DocumentAnalyzer) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === 'QA Lens' && isRuleId(ruleOf(diagnostic) ?? ''));
    if (ours.length === 0) return [];
    const analysis = await this.analyzer.analysis(doc);
    if (!analysis) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const finding = analysis.findings.find((candidate) => matches(candidate, diagnostic));
      if (!finding) continue;
      const fixes = fixesFor(finding, doc.lineAt(finding.line - 1).text);
      fixes.forEach((kind, index) => {
        const action = new vscode.CodeAction(FIX_TITLES[kind], vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = index === 0 && kind !== 'openPrinciple' && kind !== 'ignoreFinding';
        action.command =
          kind === 'openPrinciple'
            ? { title: FIX_TITLES[kind], command: 'qaLens.openPrinciple', arguments: [{ principleId: finding.principle, uri: doc.uri.toString() }] }
            : { title: FIX_TITLES[kind], command: `qaLens.${kind}`, arguments: [findingArgs(doc.uri, finding)] };
        actions.push(action);
      });
    }
    return actions;
  }
}

function matches(finding: Finding, diagnostic: vscode.Diagnostic): boolean {
  return finding.ruleId === ruleOf(diagnostic) && finding.line - 1 === diagnostic.range.start.line && finding.column - 1 === diagnostic.range.start.character;
}

export function registerCodeActions(context: vscode.ExtensionContext, analyzer: DocumentAnalyzer): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(
      [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }],
      new QaCodeActionProvider(analyzer),
      QaCodeActionProvider.metadata,
    ),
  );
}
