import { stat } from 'node:fs/promises';
import picomatch from 'picomatch';
import * as vscode from 'vscode';

/**
 * Why VS Code treats `uri` as read-only, or undefined when it may be edited. VS Code's own quick
 * fixes are not offered in a read-only editor, but a workspace edit (what our hover links and
 * commands apply) is written anyway, so the commands ask here first.
 *
 * The same order as VS Code's `FilesConfigurationService.isReadonly`: a read-only file system;
 * then `files.readonlyInclude` minus `files.readonlyExclude` (the settings win over what the file
 * system says); then a file without write permission when `files.readonlyFromPermissions` is on;
 * then a file its file system provider marks read-only. (A file made read-only for the session
 * with "Set Active Editor Readonly in Session" is not visible to extensions.)
 */
export async function readonlyReason(uri: vscode.Uri): Promise<string | undefined> {
  if (vscode.workspace.fs.isWritableFileSystem(uri.scheme) === false) return 'its file system is read-only';
  const files = vscode.workspace.getConfiguration('files', uri);
  const target = globTarget(uri);
  if (matches(files.get<Record<string, unknown>>('readonlyInclude'), target)) {
    return matches(files.get<Record<string, unknown>>('readonlyExclude'), target) ? undefined : 'the files.readonlyInclude setting makes it read-only';
  }
  if (files.get<boolean>('readonlyFromPermissions') === true && uri.scheme === 'file' && (await lacksWritePermission(uri.fsPath))) {
    return 'it has no write permission (files.readonlyFromPermissions)';
  }
  const permissions = await vscode.workspace.fs.stat(uri).then(
    (fileStat) => fileStat.permissions,
    () => undefined,
  );
  return permissions !== undefined && (permissions & vscode.FilePermission.Readonly) !== 0 ? 'its file system marks it read-only' : undefined;
}

/** What the settings' globs are matched against: the workspace-relative path, and the absolute one. */
interface GlobTarget {
  relative: string | undefined;
  absolute: string;
}

function globTarget(uri: vscode.Uri): GlobTarget {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const base = folder && (folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`);
  const relative = base && uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
  return { relative, absolute: uri.path };
}

/**
 * Whether a glob set of the `files.exclude` kind (`{ "glob": true | false }`) selects the target.
 * As VS Code does: a glob is matched against the path relative to the file's workspace folder, and
 * a glob that starts with `/` against the absolute path too; a file outside any folder is matched
 * by its absolute path. Case is ignored where the file system ignores it.
 */
function matches(globs: Record<string, unknown> | undefined, target: GlobTarget): boolean {
  if (!globs) return false;
  const options: picomatch.PicomatchOptions = { dot: true, nocase: process.platform !== 'linux' };
  for (const [glob, enabled] of Object.entries(globs)) {
    // `false` switches off a glob inherited from another scope; `{ when }` needs sibling files,
    // which VS Code does not look at for this setting either.
    if (enabled !== true) continue;
    let match: picomatch.Matcher;
    try {
      match = picomatch(glob, options);
    } catch {
      continue;
    }
    if (target.relative !== undefined && match(target.relative)) return true;
    if ((target.relative === undefined || glob.startsWith('/')) && match(target.absolute)) return true;
  }
  return false;
}

/** The owner may not write the file: what VS Code reads as "locked" on disk. */
async function lacksWritePermission(file: string): Promise<boolean> {
  try {
    return ((await stat(file)).mode & 0o200) === 0;
  } catch {
    return false;
  }
}
