import * as vscode from 'vscode';
import { principleById, type Constitution } from '../../core/constitution';
import type { Finding, Severity, TextProblem } from '../../core/types';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { constitutionUri } from '../workspace/constitutionUri';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  // Hints (tracked TODOs) show in the editor only, never in the Problems panel: VS Code's own rule.
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * Where a finding's rule id links to: the principle's heading in the team's constitution, or in a
 * read-only view of the bundled default. `#L<line>` is the fragment VS Code's opener selects.
 */
export function principleTarget(finding: Finding, constitution: Constitution | undefined): vscode.Uri | undefined {
  if (!constitution || !finding.principle) return undefined;
  const principle = principleById(constitution, finding.principle);
  if (!principle) return undefined;
  return constitutionUri(constitution).with({ fragment: `L${principle.line}` });
}

/** A finding as a diagnostic: source "QA Lens", code = rule id, linked to its principle. */
export function toDiagnostic(finding: Finding, constitution: Constitution | undefined): vscode.Diagnostic {
  const range = new vscode.Range(finding.line - 1, finding.column - 1, finding.endLine - 1, finding.endColumn - 1);
  const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITY[finding.severity]);
  diagnostic.source = 'QA Lens';
  const target = principleTarget(finding, constitution);
  diagnostic.code = target ? { value: finding.ruleId, target } : finding.ruleId;
  return diagnostic;
}

/** The diagnostic code of a problem in the document's text: the directive it is about. */
export const IGNORE_PROBLEM_CODE = 'qa-lens-ignore';

/** A problem in the document's own text (an inline ignore naming no rule), as a warning where it is written. */
export function problemDiagnostic(problem: TextProblem): vscode.Diagnostic {
  const range = new vscode.Range(problem.line - 1, problem.column - 1, problem.endLine - 1, problem.endColumn - 1);
  const diagnostic = new vscode.Diagnostic(range, problem.message, vscode.DiagnosticSeverity.Warning);
  diagnostic.source = 'QA Lens';
  diagnostic.code = IGNORE_PROBLEM_CODE;
  return diagnostic;
}

/** Keeps the Problems panel in step with the analyzer's findings for open documents. */
export function registerDiagnostics(context: vscode.ExtensionContext, analyzer: DocumentAnalyzer): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('qa-lens');
  context.subscriptions.push(
    collection,
    analyzer.onDidChange((uri) => {
      const analysis = analyzer.peek(uri);
      if (!analysis) {
        collection.delete(uri);
        return;
      }
      const constitution = analysis.project?.constitution;
      collection.set(uri, [...analysis.findings.map((finding) => toDiagnostic(finding, constitution)), ...analysis.problems.map(problemDiagnostic)]);
    }),
  );
  return collection;
}
