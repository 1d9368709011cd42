import * as vscode from 'vscode';
import type { Problem } from '../../core/types';

/**
 * Mistakes in the repository's review templates (bad front matter, unknown or malformed
 * placeholders, sections never closed) as Problems diagnostics on the template files, at their
 * line, like the constitution's and the checklists'. Templates are read when a review starts, so
 * that is when each folder's are published again; bundled templates have no file to show them on.
 */
export class TemplateProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('qa-lens-templates');
  private readonly published = new Map<string, string[]>();

  publish(folder: vscode.WorkspaceFolder, problems: readonly Problem[]): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const problem of problems) {
      // Paths are relative to the folder ('/'), absolute, or `(bundled) ...` for the shipped templates.
      if (problem.path.startsWith('(')) continue;
      const uri = problem.path.startsWith('/') ? vscode.Uri.file(problem.path) : vscode.Uri.joinPath(folder.uri, ...problem.path.split('/'));
      const line = Math.max(0, problem.line - 1);
      const column = Math.max(0, problem.column - 1);
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(line, column, line, Number.MAX_SAFE_INTEGER),
        problem.message,
        problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
      );
      diagnostic.source = 'QA Lens';
      const key = uri.toString();
      byFile.set(key, [...(byFile.get(key) ?? []), diagnostic]);
    }
    const folderKey = folder.uri.toString();
    for (const key of this.published.get(folderKey) ?? []) if (!byFile.has(key)) this.collection.delete(vscode.Uri.parse(key));
    for (const [key, diagnostics] of byFile) this.collection.set(vscode.Uri.parse(key), diagnostics);
    this.published.set(folderKey, [...byFile.keys()]);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
