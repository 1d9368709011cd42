import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { log } from '../log';

/** Characters a file watcher's glob would read as pattern syntax rather than as a name. */
const GLOB_SYNTAX = /[*?[\]{}]/;

/**
 * Calls `onChange` when the file at `file` (absolute) is created, changed or deleted, also when
 * its folder (or folders above it) do not exist yet. VS Code's watcher on a folder that does not
 * exist reports nothing once it appears (observed outside the workspace), so this watches the
 * nearest folder that exists for the next name down, one level at a time, without a recursive
 * watch of that folder (it may be the home folder). Reaching the file's folder after it appeared
 * counts as a change: a checkout writes the folder and the file in one go, before any watcher on
 * the new folder could see the file.
 */
export function watchPath(file: string, onChange: () => void): vscode.Disposable {
  return new PathWatcher(file, onChange);
}

class PathWatcher implements vscode.Disposable {
  /** The folder watched now, for the next name on the way to the file (the file's own name there). */
  private level: { dir: string; disposable: vscode.Disposable } | undefined;
  private disposed = false;
  /** Moves between levels one after another, so two events never race to install watchers. */
  private moving: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly onChange: () => void,
  ) {
    this.move(false);
  }

  /**
   * Watches the nearest existing folder on the way to the file; `appeared`: say so on reaching the
   * file's folder; `renew`: watch again even at the same folder (it may be a new folder by that
   * name, deleted and created again, which the old watcher no longer sees).
   */
  private move(appeared: boolean, renew = false): void {
    this.moving = this.moving
      .then(async () => {
        const folder = path.dirname(this.file);
        const dir = await nearestFolder(folder);
        if (this.disposed || (!renew && dir === this.level?.dir)) return;
        this.level?.disposable.dispose();
        const reached = dir === folder;
        const next = reached ? this.file : path.join(dir, path.relative(dir, this.file).split(path.sep)[0] ?? '');
        this.level = { dir, disposable: watchName(next, (kind) => this.onEvent(reached, kind)) };
        if (reached && appeared) this.onChange();
      })
      .catch((error: unknown) => log().warn(`Watching ${this.file}: ${String(error)}`));
  }

  private onEvent(reached: boolean, kind: 'create' | 'change' | 'delete'): void {
    if (this.disposed) return;
    if (!reached) {
      this.move(true); // a folder on the way appeared: go down
      return;
    }
    this.onChange();
    // The file went, maybe with its folder (go up), which may also be back already.
    if (kind === 'delete') this.move(true, true);
  }

  dispose(): void {
    this.disposed = true;
    this.level?.disposable.dispose();
    this.level = undefined;
  }
}

/** A watcher on one name in its folder (not recursive), calling `onEvent` for that path alone. */
function watchName(target: string, onEvent: (kind: 'create' | 'change' | 'delete') => void): vscode.Disposable {
  const name = path.basename(target);
  // A name with glob syntax in it would match other names (or none): watch the folder, compare.
  const pattern = new vscode.RelativePattern(vscode.Uri.file(path.dirname(target)), GLOB_SYNTAX.test(name) ? '*' : name);
  const watcher = vscode.workspace.createFileSystemWatcher(pattern);
  const targetPath = vscode.Uri.file(target).fsPath;
  const on = (kind: 'create' | 'change' | 'delete') => (uri: vscode.Uri) => {
    if (uri.fsPath === targetPath) onEvent(kind);
  };
  return vscode.Disposable.from(watcher, watcher.onDidCreate(on('create')), watcher.onDidChange(on('change')), watcher.onDidDelete(on('delete')));
}

/** `dir` if it is a folder, else the nearest folder above it that is (the root at worst). */
async function nearestFolder(dir: string): Promise<string> {
  for (let current = dir; ; ) {
    try {
      if ((await stat(current)).isDirectory()) return current;
    } catch {
      // Missing or unreadable: look further up.
    }
    const parent = path.dirname(current);
    if (parent === current) return current;
    current = parent;
  }
}
