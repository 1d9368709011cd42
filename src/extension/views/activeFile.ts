import * as vscode from 'vscode';

/**
 * The file the Constitution and Checklist views follow: the active editor's document when it is a
 * file in a workspace folder. Focusing a view, the Output panel or a settings page keeps the last
 * one, so the views do not go blank the moment the user clicks into them.
 */
export class ActiveFile implements vscode.Disposable {
  private current: vscode.Uri | undefined;
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  constructor() {
    this.update(vscode.window.activeTextEditor);
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => this.update(editor)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        // The file closed and no other editor took its place: there is no active file any more.
        if (this.current?.toString() === doc.uri.toString() && !vscode.window.activeTextEditor) this.set(undefined);
      }),
    );
  }

  get uri(): vscode.Uri | undefined {
    return this.current;
  }

  /** Points the views at a file explicitly (the CodeLens commands pass the file they are in). */
  set(uri: vscode.Uri | undefined): void {
    if (uri?.toString() === this.current?.toString()) return;
    this.current = uri;
    this.changed.fire(uri);
  }

  private update(editor: vscode.TextEditor | undefined): void {
    if (!editor) return;
    const uri = editor.document.uri;
    if (vscode.workspace.getWorkspaceFolder(uri)) this.set(uri);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
