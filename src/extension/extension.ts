import * as vscode from 'vscode';
import { setResourcesRoot } from '../core/resources';
import { DocumentAnalyzer } from './analysis/documentAnalyzer';
import { ChecklistStateService } from './checklists/checklistState';
import { registerAbout } from './commands/about';
import { registerShowOutput } from './commands/showOutput';
import { createLog } from './log';
import { registerBundledContent } from './providers/bundledContent';
import { registerDiagnostics } from './providers/diagnostics';
import { registerInlineFeatures, type InlineApi } from './providers/registerInline';
import { registerStartReview } from './review/startReview';
import { registerSidebar, type Sidebar } from './views/sidebar';
import { registerFeatureSnippets } from './snippets/featureSnippets';
import { GitInfo } from './workspace/gitInfo';
import { ProjectRegistry } from './workspace/projects';

/** What activation built, returned to tests (`extension.exports`) so they can wait on the real thing. */
export interface QaLensApi {
  readonly projects: ProjectRegistry;
  readonly analyzer: DocumentAnalyzer;
  readonly git: GitInfo;
  readonly checklistState: ChecklistStateService;
  /** CodeLens ages (git blame cache) and languages read from other extensions. */
  readonly inline: InlineApi;
  /** The QA Lens sidebar (Shortcuts, Constitution, Checklist), the workspace scan, status bar and badges. */
  readonly sidebar: Sidebar;
  /** How long activate() took, in milliseconds. */
  readonly activationMs: number;
}

/**
 * Activation stays synchronous and small: it wires up services, providers and commands, each in
 * its own module, and leaves loading and scanning to background work started afterwards.
 */
export function activate(context: vscode.ExtensionContext): QaLensApi {
  const started = Date.now();
  const log = createLog(context);
  setResourcesRoot(vscode.Uri.joinPath(context.extensionUri, 'resources').fsPath);
  const projects = new ProjectRegistry();
  const analyzer = new DocumentAnalyzer(projects);
  const git = new GitInfo();
  const checklistState = new ChecklistStateService(context.storageUri);
  context.subscriptions.push(projects, analyzer, git, checklistState);

  registerBundledContent(context);
  registerDiagnostics(context, analyzer);
  const inline = registerInlineFeatures(context, { projects, analyzer, git, checklistState });
  const sidebar = registerSidebar(context, { projects, analyzer, git, checklistState });
  registerFeatureSnippets(context);
  registerShowOutput(context);
  registerAbout(context);
  registerStartReview(context, { projects, git, checklistState });
  const activationMs = Date.now() - started;
  log.info(`QA Lens activated in ${activationMs} ms`);
  return { projects, analyzer, git, checklistState, inline, sidebar, activationMs };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
