import * as vscode from 'vscode';
import type { Problem } from '../../core/types';
import { OwnedEntries } from './ownedEntries';

/**
 * Problems in a workspace folder's team files (config, constitution, checklists, review
 * templates) as diagnostics at their line. Each folder's set replaces its previous one, files
 * outside the folder included (a configured `../CONSTITUTION.md`); `(bundled) ...` paths have no
 * file in the workspace and are left out. A file several folders report on (two folders sharing
 * one constitution) shows what each of them reports, the same problem once.
 */
export class FolderProblems implements vscode.Disposable {
  private readonly collection: vscode.DiagnosticCollection;
  private readonly byFolder = new OwnedEntries<vscode.Diagnostic>(
    (d) => `${d.range.start.line}:${d.range.start.character}:${d.severity}:${d.message}`,
  );

  /** Problems of an edited, unsaved file's text, shown instead of those of the file on disk. */
  private readonly unsaved = new Map<string, vscode.Diagnostic[]>();

  constructor(name: string) {
    this.collection = vscode.languages.createDiagnosticCollection(name);
  }

  publish(folder: vscode.WorkspaceFolder, problems: readonly Problem[]): void {
    this.republish(this.byFolder.replace(folder.uri.toString(), diagnosticsByFile(folder, problems)));
  }

  /**
   * Shows the problems of `uri`'s unsaved text (absolute paths) in place of those of the saved
   * file, or, with undefined, the saved file's again (the edit was saved, reverted or closed).
   */
  showUnsaved(folder: vscode.WorkspaceFolder, uri: vscode.Uri, problems: readonly Problem[] | undefined): void {
    const key = uri.toString();
    if (problems === undefined) this.unsaved.delete(key);
    else this.unsaved.set(key, diagnosticsByFile(folder, problems).get(key) ?? []);
    this.republish([key]);
  }

  /** A folder left the workspace: its part goes, other folders' problems on shared files stay. */
  forget(folder: vscode.WorkspaceFolder): void {
    this.republish(this.byFolder.remove(folder.uri.toString()));
  }

  private republish(keys: readonly string[]): void {
    for (const key of keys) {
      const uri = vscode.Uri.parse(key);
      const merged = this.unsaved.get(key) ?? this.byFolder.merged(key);
      if (merged.length > 0) this.collection.set(uri, merged);
      else this.collection.delete(uri);
    }
  }

  dispose(): void {
    this.collection.dispose();
  }
}

function diagnosticsByFile(folder: vscode.WorkspaceFolder, problems: readonly Problem[]): Map<string, vscode.Diagnostic[]> {
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
  return byFile;
}
