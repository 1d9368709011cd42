import * as vscode from 'vscode';
import { BUNDLED, type Constitution } from '../../core/constitution';

/** The scheme of read-only views of bundled files (the default constitution, checklists, templates). */
export const BUNDLED_SCHEME = 'qa-lens-bundled';

/** The document to open for a constitution: the team's file, or the read-only bundled default. */
export function constitutionUri(constitution: Constitution): vscode.Uri {
  if (constitution.source === BUNDLED) return vscode.Uri.from({ scheme: BUNDLED_SCHEME, path: '/constitution.md' });
  return vscode.Uri.file(constitution.file);
}
