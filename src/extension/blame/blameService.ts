import * as vscode from 'vscode';
import { getOrCreate } from '../../core/getOrCreate';
import { blameFile, headSha, type BlameLine } from '../../git';
import { log } from '../log';
import { editorSettings, onDidChangeSettings } from '../settings';
import type { GitInfo } from '../workspace/gitInfo';

/** One file's blame, for one text version at one commit. */
interface Entry {
  version: number;
  head: string;
  /** null: no blame for this file (no git, untrusted, not a repository, git failed). */
  lines: BlameLine[] | null;
  /** The text of each blamed line, to match lines after edits until the next blame. */
  texts: string[];
  /** `texts` indexed (built on the first line that moved: most lookups find their line in place). */
  byText?: Map<string, number>;
}

/** What blame says about a line: the line, nothing to say, or "not known yet" (being computed). */
export type LineBlameAnswer = BlameLine | 'unavailable' | 'pending';

/** Wait after the last edit before blaming the buffer again. */
const REBLAME_DELAY_MS = 1500;

/**
 * `git blame` for the CodeLens ages: computed lazily for documents shown in an editor, cached per
 * file, text version and HEAD commit, and never awaited by a provider: `lineBlame` answers from the
 * cache at once and `onDidChange` fires when a blame arrives. Unsaved text is blamed as it is
 * (`--contents`), so line numbers match the editor and new lines are "not committed yet".
 */
export class BlameService implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** HEAD per repository root, dropped when git's files change. */
  private readonly heads = new Map<string, Promise<string>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;

  constructor(private readonly git: GitInfo) {
    // A commit, checkout or reset moves logs/HEAD; staging changes the index.
    const watcher = vscode.workspace.createFileSystemWatcher('**/.git/{index,HEAD,logs/HEAD}');
    const moved = (): void => this.headMoved();
    this.disposables.push(
      watcher,
      watcher.onDidChange(moved),
      watcher.onDidCreate(moved),
      watcher.onDidDelete(moved),
      git.onDidChange(moved),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      onDidChangeSettings((event) => {
        if (event.affectsConfiguration('qaLens.blame')) this.changed.fire(undefined);
      }),
    );
  }

  /**
   * The blame of a 0-based line of `doc`, from the cache. When the cache is stale or empty and the
   * document is visible, a blame starts in the background and `onDidChange` fires when it is in.
   */
  lineBlame(doc: vscode.TextDocument, line: number): LineBlameAnswer {
    return this.lookup(doc)(line);
  }

  /**
   * `lineBlame` for many lines of one document (a CodeLens per finding): the setting, the folder
   * and the cache entry are looked up once, not once per line.
   */
  lookup(doc: vscode.TextDocument): (line: number) => LineBlameAnswer {
    if (!editorSettings(doc.uri).blameEnabled || doc.uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(doc.uri)) return () => 'unavailable';
    const entry = this.entries.get(doc.uri.toString());
    if (entry && entry.version === doc.version) {
      const lines = entry.lines;
      return (line) => (lines === null ? 'unavailable' : (lines[line] ?? 'pending'));
    }
    this.request(doc, entry ? REBLAME_DELAY_MS : 0);
    if (!entry?.lines) return () => 'pending';
    return (line) => matchByText(entry, doc, line) ?? 'pending';
  }

  private request(doc: vscode.TextDocument, delay: number): void {
    const key = doc.uri.toString();
    if (this.running.has(key) || this.timers.has(key) || !isVisible(key)) return;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        const run = this.blame(doc).finally(() => this.running.delete(key));
        this.running.set(key, run);
      }, delay),
    );
  }

  private async blame(doc: vscode.TextDocument): Promise<void> {
    const key = doc.uri.toString();
    const version = doc.version;
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    const info = folder ? await this.git.forFolder(folder) : undefined;
    let entry: Entry;
    if (!info || info.kind !== 'ok' || doc.isClosed) {
      entry = { version, head: '', lines: null, texts: [] };
    } else {
      const head = await this.head(info.root);
      const previous = this.entries.get(key);
      if (previous && previous.head === head && previous.lines && previous.texts.join('\n') === linesOf(doc).join('\n')) {
        // Same commit, same text (an undo, a save): the earlier blame still holds.
        entry = { ...previous, version };
      } else {
        const started = performance.now();
        try {
          const lines = await blameFile(info.root, doc.uri.fsPath, doc.isDirty ? doc.getText() : undefined);
          entry = { version, head, lines, texts: linesOf(doc) };
          log().debug(`blame ${vscode.workspace.asRelativePath(doc.uri)}: ${lines.length} lines in ${Math.round(performance.now() - started)} ms`);
        } catch (error) {
          log().warn(`git blame failed for ${doc.uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
          entry = { version, head, lines: null, texts: [] };
        }
      }
    }
    if (doc.isClosed) return;
    this.entries.set(key, entry);
    this.changed.fire(doc.uri);
  }

  private head(root: string): Promise<string> {
    return getOrCreate(this.heads, root, () => headSha(root).catch(() => '(no commits)'));
  }

  /** A commit, checkout or reset: every cached blame may be out of date. */
  private headMoved(): void {
    this.heads.clear();
    for (const entry of this.entries.values()) entry.version = -1;
    this.changed.fire(undefined);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.entries.delete(key);
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function isVisible(key: string): boolean {
  return vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === key);
}

function linesOf(doc: vscode.TextDocument): string[] {
  return doc.getText().split(/\r?\n/);
}

/** Each blamed line's text → its line, or -1 when several lines have that text. */
function textIndex(entry: Entry): Map<string, number> {
  const index = new Map<string, number>();
  entry.texts.forEach((text, line) => index.set(text, index.has(text) ? -1 : line));
  return index;
}

/**
 * Until the edited buffer is blamed again, a line keeps the blame of the line with the same text
 * (where it was, or the only line with that text): lines moved by an edit keep their age.
 */
function matchByText(entry: Entry, doc: vscode.TextDocument, line: number): BlameLine | undefined {
  if (!entry.lines || line >= doc.lineCount) return undefined;
  const text = doc.lineAt(line).text;
  if (entry.texts[line] === text) return entry.lines[line];
  const only = (entry.byText ??= textIndex(entry)).get(text);
  return only !== undefined && only >= 0 ? entry.lines[only] : undefined;
}
