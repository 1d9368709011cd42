import * as vscode from 'vscode';
import { languageById, languageFromCommentConfig, registerLanguage } from '../../core/languages';
import { parseCommentConfig } from '../../core/languageConfiguration';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { log } from '../log';

interface ContributedLanguage {
  id?: unknown;
  configuration?: unknown;
}

/**
 * Languages the built-in table lacks, described from installed extensions' language-configuration
 * files (their comment syntax is all the lexer needs). Looked up lazily, when a document of an
 * unknown language opens, read asynchronously, once per language id per session.
 */
export class RuntimeLanguages implements vscode.Disposable {
  private readonly tried = new Map<string, Promise<boolean>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly analyzer: DocumentAnalyzer) {
    this.disposables.push(vscode.workspace.onDidOpenTextDocument((doc) => this.consider(doc)));
    for (const doc of vscode.workspace.textDocuments) this.consider(doc);
  }

  /** Resolves to true when `languageId` is known now (built in, or registered from an extension). */
  ensure(languageId: string): Promise<boolean> {
    if (languageById(languageId)) return Promise.resolve(true);
    let attempt = this.tried.get(languageId);
    if (!attempt) {
      attempt = this.load(languageId).catch((error: unknown) => {
        log().warn(`Could not read the language configuration of ${languageId}: ${String(error)}`);
        return false;
      });
      this.tried.set(languageId, attempt);
    }
    return attempt;
  }

  private consider(doc: vscode.TextDocument): void {
    if (doc.uri.scheme === 'output' || doc.uri.scheme === 'git' || languageById(doc.languageId) || this.tried.has(doc.languageId)) return;
    void this.ensure(doc.languageId).then((known) => {
      if (known) this.analyzer.reanalyse(doc.uri);
    });
  }

  private async load(languageId: string): Promise<boolean> {
    for (const extension of vscode.extensions.all) {
      const contributes = (extension.packageJSON as { contributes?: { languages?: unknown } }).contributes;
      const languages = Array.isArray(contributes?.languages) ? (contributes.languages as ContributedLanguage[]) : [];
      const entry = languages.find((language) => language.id === languageId && typeof language.configuration === 'string');
      if (!entry) continue;
      const file = vscode.Uri.joinPath(extension.extensionUri, entry.configuration as string);
      const config = parseCommentConfig(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
      if (!config) continue;
      registerLanguage(languageFromCommentConfig(languageId, config));
      log().info(`Language ${languageId}: comment syntax read from ${extension.id}`);
      return true;
    }
    return false;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
