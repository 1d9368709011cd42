import * as vscode from 'vscode';
import type { Problem } from '../../core/types';

/**
 * Problems in a workspace folder's team files (config, constitution, checklists, review
 * templates) as diagnostics at their line. Each folder's set replaces its previous one, files
 * outside the folder included (a configured `../CONSTITUTION.md`); `(bundled) ...` paths have no
 * file in the workspace and are left out.
 */
export class FolderProblems implements vscode.Disposable {
  private readonly collection: vscode.DiagnosticCollection;
  /** The files each folder's problems were published on. */
  private readonly published = new Map<string, Set<string>>();

  constructor(name: string) {
    this.collection = vscode.languages.createDiagnosticCollection(name);
  }

  publish(folder: vscode.WorkspaceFolder, problems: readonly Problem[]): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const problem of problems) {
      if (problem.path.startsWith('(')) continue;
      // Absolute (outside the folder) on any platform: `/x`, `C:/x`, `C:\\x`.
      const absolute = /^(\/|[A-Za-z]:[\\/])/.test(problem.path);
      const uri = absolute ? vscode.Uri.file(problem.path) : vscode.Uri.joinPath(folder.uri, ...problem.path.split('/'));
      const line = Math.max(0, problem.line - 1);
      const column = Math.max(0, problem.column - 1);
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(line, column, line, Number.MAX_SAFE_INTEGER),
        problem.message,
        problem.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error,
      );
      diagnostic.source = 'QA Lens';
      const key = uri.toString();
      byFile.set(key, [...(byFile.get(key) ?? []), diagnostic]);
    }
    const folderKey = folder.uri.toString();
    for (const key of this.published.get(folderKey) ?? []) if (!byFile.has(key)) this.collection.delete(vscode.Uri.parse(key));
    for (const [key, diagnostics] of byFile) this.collection.set(vscode.Uri.parse(key), diagnostics);
    if (byFile.size > 0) this.published.set(folderKey, new Set(byFile.keys()));
    else this.published.delete(folderKey);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
