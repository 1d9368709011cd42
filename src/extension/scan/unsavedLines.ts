import * as vscode from 'vscode';
import { addedLineNumbers, splitLines } from '../../core/lineDiff';
import { getOrCreate } from '../../core/getOrCreate';
import { diffFiles, fileAtCommit, type ChangedFile } from '../../git';
import { log } from '../log';

/** Where the lines of an unsaved document are compared: one repository at one base commit. */
export interface BaseCommit {
  /** The repository's top-level folder. */
  root: string;
  /** The base branch's commit (full SHA): what a file holds there never changes. */
  sha: string;
}

/**
 * What a file was at the base: its text (at its path, or where it was renamed from), new since
 * (every line is added), or ignored by git (which counts none of its lines, so neither do we).
 */
type BaseVersion = { kind: 'text'; text: string } | { kind: 'new' } | { kind: 'ignored' };

/**
 * The lines added since the base in documents edited and not saved yet: git only sees the file on
 * disk, so the editor's text is compared with the file at the base commit here, with a line diff.
 * A file's text at the base is asked of git once per file and base; each document's answer is
 * kept for its version, so rebuilding the view without typing costs nothing.
 */
export class UnsavedLines implements vscode.Disposable {
  /** `${sha}\0${path}` -> the file's text at that commit (undefined: no file there). */
  private readonly texts = new Map<string, Promise<string | undefined>>();
  /**
   * `${root}\0${sha}` -> the files changed since the base (renames, new and untracked files), asked
   * only for a document the base has nothing at. It describes the working tree: forgotten with it.
   */
  private readonly workingTrees = new Map<string, Promise<Map<string, ChangedFile>>>();
  /** Document URI -> its added lines at one version, against one file at one base. */
  private readonly documents = new Map<string, { version: number; textKey: string; lines: Promise<Set<number>> }>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.disposables.push(
      // Closed (saved or not): the file on disk speaks for it again.
      vscode.workspace.onDidCloseTextDocument((doc) => {
        const entry = this.documents.get(doc.uri.toString());
        this.documents.delete(doc.uri.toString());
        if (entry) this.texts.delete(entry.textKey);
      }),
    );
  }

  /**
   * The 1-based lines of `doc` (unsaved, at `path` relative to the repository root) added since
   * `base`. When git fails, `saved` (the lines git found in the file on disk) stands in.
   */
  linesOf(doc: vscode.TextDocument, base: BaseCommit, path: string, saved: ReadonlySet<number> | undefined): Promise<Set<number>> {
    const key = doc.uri.toString();
    const textKey = `${base.sha}\0${path}`;
    const cached = this.documents.get(key);
    if (cached && cached.version === doc.version && cached.textKey === textKey) return cached.lines;
    // Taken now: git answers later, when the user may have typed on, and this entry is for this version.
    const text = doc.getText();
    const lines = this.baseVersion(base, path).then(
      (version) => (version.kind === 'ignored' ? new Set<number>() : addedLineNumbers(version.kind === 'text' ? splitLines(version.text) : [], splitLines(text))),
      (error: unknown) => {
        log().warn(`Unsaved lines of ${path} against ${base.sha.slice(0, 8)}: ${String(error)}`);
        // Asked again next time rather than failing for as long as the document stays open.
        if (this.documents.get(key)?.lines === lines) this.documents.delete(key);
        this.texts.delete(textKey);
        this.workingTrees.clear();
        return new Set(saved);
      },
    );
    this.documents.set(key, { version: doc.version, textKey, lines });
    return lines;
  }

  /**
   * Files changed on disk: whether a file the base does not have is new, renamed or ignored may
   * have changed. A file's text at a commit never does, so those stay.
   */
  forgetWorkingTree(): void {
    this.workingTrees.clear();
    this.documents.clear();
  }

  /** HEAD, the base or the project changed: nothing asked before may hold. */
  clear(): void {
    this.texts.clear();
    this.workingTrees.clear();
    this.documents.clear();
  }

  private async baseVersion(base: BaseCommit, path: string): Promise<BaseVersion> {
    const text = await this.textAt(base, path);
    if (text !== undefined) return { kind: 'text', text };
    // Nothing at this path in the base: renamed since, new, or ignored (as git's diff has it).
    const changed = await getOrCreate(this.workingTrees, `${base.root}\0${base.sha}`, async () => {
      const files = await diffFiles(base.root, base.sha);
      return new Map(files.map((file) => [file.path, file]));
    });
    const file = changed.get(path);
    if (!file) return { kind: 'ignored' };
    if ((file.status === 'renamed' || file.status === 'copied') && file.oldPath !== undefined) {
      const old = await this.textAt(base, file.oldPath);
      if (old !== undefined) return { kind: 'text', text: old };
    }
    return { kind: 'new' };
  }

  private textAt(base: BaseCommit, path: string): Promise<string | undefined> {
    return getOrCreate(this.texts, `${base.sha}\0${path}`, () => fileAtCommit(base.root, base.sha, path));
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.clear();
  }
}
