import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { log } from '../log';

interface SnippetDefinition {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

/**
 * VS Code has no Gherkin language of its own: without an extension a `.feature` file is plain
 * text; the Cucumber extension calls it `cucumber`, others `feature` or `gherkin`. Snippets
 * contributed in package.json for a language id that no installed extension registers make VS
 * Code report "Unknown language" at startup, and registering a `.feature` language ourselves would
 * fight the Gherkin extensions over the file association. So the Gherkin snippets are offered by a
 * completion provider for `*.feature` files, whatever language id the file has.
 */
export function registerFeatureSnippets(context: vscode.ExtensionContext): void {
  let snippets: Promise<vscode.CompletionItem[]> | undefined;
  const load = async (): Promise<vscode.CompletionItem[]> => {
    const file = vscode.Uri.joinPath(context.extensionUri, 'snippets', 'gherkin.code-snippets').fsPath;
    try {
      const definitions = JSON.parse(await readFile(file, 'utf8')) as Record<string, SnippetDefinition>;
      return Object.entries(definitions).flatMap(([name, definition]) => completionItems(name, definition));
    } catch (error) {
      log().error(`Gherkin snippets could not be read from ${file}: ${String(error)}`);
      return [];
    }
  };
  const provider: vscode.CompletionItemProvider = {
    async provideCompletionItems() {
      snippets ??= load();
      return snippets;
    },
  };
  context.subscriptions.push(vscode.languages.registerCompletionItemProvider({ pattern: '**/*.feature' }, provider));
}

function completionItems(name: string, definition: SnippetDefinition): vscode.CompletionItem[] {
  const prefixes = Array.isArray(definition.prefix) ? definition.prefix : [definition.prefix];
  const body = Array.isArray(definition.body) ? definition.body.join('\n') : definition.body;
  return prefixes.map((prefix) => {
    const item = new vscode.CompletionItem({ label: prefix, description: name }, vscode.CompletionItemKind.Snippet);
    item.insertText = new vscode.SnippetString(body);
    item.detail = name;
    if (definition.description) item.documentation = new vscode.MarkdownString(definition.description);
    return item;
  });
}
