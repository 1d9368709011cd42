import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { resourcePath } from '../../core/resources';
import { BUNDLED_SCHEME } from '../workspace/constitutionUri';

/** `qa-lens-bundled:/<path>` -> the shipped file under resources/ that it shows, read-only. */
const LOCATIONS: Record<string, string[]> = {
  '/constitution.md': ['defaults', 'constitution.md'],
};

function resourceFor(uri: vscode.Uri): string | undefined {
  const fixed = LOCATIONS[uri.path];
  if (fixed) return resourcePath(...fixed);
  const checklist = /^\/checklists\/([A-Za-z0-9._-]+\.md)$/.exec(uri.path);
  if (checklist?.[1]) return resourcePath('defaults', 'checklists', checklist[1]);
  const template = /^\/templates\/([A-Za-z0-9._-]+\.md)$/.exec(uri.path);
  if (template?.[1]) return resourcePath('templates', template[1]);
  return undefined;
}

/**
 * Read-only views of the bundled defaults, so a diagnostic can link to a principle even when the
 * repository has no constitution of its own (and nobody edits the extension's copy by mistake).
 */
export function registerBundledContent(context: vscode.ExtensionContext): void {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const file = resourceFor(uri);
      if (!file) return `QA Lens has no bundled file at ${uri.path}.`;
      return readFile(file, 'utf8');
    },
  };
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(BUNDLED_SCHEME, provider));
}
