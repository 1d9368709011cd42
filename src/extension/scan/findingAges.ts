import * as vscode from 'vscode';
import type { Age } from '../../core/grouping';
import { blameFile, type BlameLine } from '../../git';
import { log } from '../log';
import type { GitInfo } from '../workspace/gitInfo';
import type { LocatedFinding } from './workspaceScan';
import { forEachAtMost } from '../../core/forEachAtMost';
import { getOrCreate } from '../../core/getOrCreate';

/** Files blamed at once: git processes are cheap, but not free on a large workspace. */
const CONCURRENCY = 6;

/**
 * When each finding's line was written, from `git blame`, for grouping the Shortcuts view by age.
 * Only files that have findings are blamed, only when that grouping is chosen, and each file once
 * until it changes (the scan tells us), so the other groupings never pay for it.
 */
export class FindingAges implements vscode.Disposable {
  private readonly blames = new Map<string, Promise<BlameLine[] | undefined>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly git: GitInfo,
    filesChanged: vscode.Event<vscode.Uri>,
  ) {
    this.disposables.push(
      // A file changed or deleted on disk (a created one has no cached blame to forget).
      filesChanged((uri) => this.forget(uri)),
      git.onDidChange(() => this.blames.clear()),
      vscode.workspace.onDidSaveTextDocument((doc) => this.blames.delete(doc.uri.toString())),
      // An unsaved edit moves lines (load blames the editor's text): a blame of the text before
      // it would date a line just typed, and shift the ages of every line below it.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.forget(event.document.uri);
      }),
      // Closed without saving: the findings are the file's again, so its blame must be too.
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
    );
  }

  forget(uri: vscode.Uri): void {
    this.blames.delete(uri.toString());
  }

  /** Blames every file with findings (bounded concurrency) and returns an age lookup. */
  async ages(findings: readonly LocatedFinding[]): Promise<(item: LocatedFinding) => Age> {
    const files = new Map<string, LocatedFinding>();
    for (const item of findings) files.set(item.uri.toString(), item);
    await forEachAtMost([...files.values()], CONCURRENCY, async (item) => {
      await this.blame(item);
    });
    const resolved = new Map<string, BlameLine[] | undefined>();
    for (const key of files.keys()) resolved.set(key, await this.blames.get(key));
    return (item) => {
      const lines = resolved.get(item.uri.toString());
      const line = lines?.[item.finding.line - 1];
      if (!line) return { kind: 'unknown' };
      return line.uncommitted ? { kind: 'uncommitted' } : { kind: 'dated', date: line.authorTime };
    };
  }

  private blame(item: LocatedFinding): Promise<BlameLine[] | undefined> {
    return getOrCreate(this.blames, item.uri.toString(), () => this.load(item));
  }

  private async load(item: LocatedFinding): Promise<BlameLine[] | undefined> {
    const info = await this.git.forFolder(item.folder);
    if (info.kind !== 'ok') return undefined;
    // An unsaved editor's lines differ from the file on disk: blame what the user sees.
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === item.uri.toString());
    try {
      return await blameFile(info.root, item.uri.fsPath, doc?.isDirty ? doc.getText() : undefined);
    } catch (error) {
      log().debug(`blame ${item.uri.fsPath}: ${String(error)}`);
      return undefined;
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
