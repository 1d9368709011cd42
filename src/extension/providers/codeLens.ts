import * as vscode from 'vscode';
import { agePhrase } from '../../core/age';
import { checklistProgress, checklistsFor } from '../../core/checklists';
import { principleById, principlesFor } from '../../core/constitution';
import { findingLabel, lensTitle } from '../../core/inline/findingLabel';
import { severityRank, type Finding } from '../../core/types';
import type { DocumentAnalysis, DocumentAnalyzer } from '../analysis/documentAnalyzer';
import type { BlameService, LineBlameAnswer } from '../blame/blameService';
import type { ChecklistStateService } from '../checklists/checklistState';
import { editorSettings, onDidChangeSettings } from '../settings';
import { restrictedModeLens } from '../trust/restrictedMode';
import type { GitInfo } from '../workspace/gitInfo';

/** What the finding lenses of one provideCodeLenses call share: the blame is looked up once, on first resolve. */
interface LensSource {
  doc: vscode.TextDocument;
  analysis: DocumentAnalysis;
  blame: ((line: number) => LineBlameAnswer) | undefined;
}

/** A lens above a finding, resolved (given its title) only when VS Code shows it. */
class FindingLens extends vscode.CodeLens {
  constructor(
    readonly source: LensSource,
    readonly finding: Finding,
  ) {
    super(new vscode.Range(finding.line - 1, finding.column - 1, finding.line - 1, finding.column - 1));
  }
}

/** What the CodeLens provider reads; all of it is already built by activation. */
export interface CodeLensDeps {
  analyzer: DocumentAnalyzer;
  blame: BlameService;
  git: GitInfo;
  checklistState: ChecklistStateService;
}

/**
 * CodeLens above each warning-or-worse finding (what it is, how long ago it was written, the
 * principle it breaks) and a file-top summary of the checklists and principles that apply. Never
 * waits for git: ages come from the blame cache and the lenses refresh when a blame arrives.
 */
export class QaCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly deps: CodeLensDeps) {
    const refresh = (): void => this.changed.fire();
    this.disposables.push(
      deps.analyzer.onDidChange(refresh),
      deps.blame.onDidChange(refresh),
      deps.checklistState.onDidChange(refresh),
      deps.git.onDidChange(refresh),
      vscode.workspace.onDidGrantWorkspaceTrust(refresh),
      onDidChangeSettings((event) => {
        if (event.affectsConfiguration('qaLens.codeLens') || event.affectsConfiguration('qaLens.sprintLengthDays')) refresh();
      }),
    );
  }

  async provideCodeLenses(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!editorSettings(doc.uri).codeLensEnabled) return [];
    const analysis = await this.deps.analyzer.analysis(doc);
    if (!analysis || token.isCancellationRequested) return [];
    const lenses = await this.fileTopLenses(doc, analysis);
    // Finding lenses carry only their place here: the title, tooltip and blame are filled in by
    // resolveCodeLens, which VS Code calls for the lenses on screen only. With hundreds of
    // findings, building and sending every title after each edit was work nobody saw.
    const source: LensSource = { doc, analysis, blame: undefined };
    for (const finding of analysis.findings) {
      if (severityRank(finding.severity) > severityRank('warning')) continue;
      lenses.push(new FindingLens(source, finding));
    }
    return lenses;
  }

  resolveCodeLens(lens: vscode.CodeLens): vscode.CodeLens {
    if (lens instanceof FindingLens && !lens.command) lens.command = this.findingCommand(lens.source, lens.finding);
    return lens;
  }

  private findingCommand(source: LensSource, finding: Finding): vscode.Command {
    const { doc, analysis } = source;
    const constitution = analysis.project?.constitution;
    const principle = constitution && finding.principle ? principleById(constitution, finding.principle) : undefined;
    const sprint = analysis.project?.settings.sprintLengthDays ?? 14;
    source.blame ??= this.deps.blame.lookup(doc);
    const blame = source.blame(finding.line - 1);
    let age: string | null = null;
    let tooltip = finding.message;
    if (typeof blame === 'object') {
      age = blame.uncommitted ? '(not committed yet)' : agePhrase(blame.authorTime, new Date(), sprint);
      if (!blame.uncommitted) tooltip += `\nWritten by ${blame.author} on ${blame.authorTime.toISOString().slice(0, 10)} (${blame.sha.slice(0, 8)}: ${blame.summary})`;
    }
    const title = lensTitle(findingLabel(finding), age, principle ? { id: principle.id, title: principle.title } : null);
    if (principle?.howToCheck) tooltip += `\nHow to check: ${principle.howToCheck}`;
    return {
      title,
      tooltip,
      command: principle ? 'qaLens.openPrinciple' : '',
      arguments: principle ? [{ principleId: principle.id, uri: doc.uri.toString() }] : [],
    };
  }

  /** `Database migration 2/6` per checklist that applies, then `13 principles`, at line 1. */
  private async fileTopLenses(doc: vscode.TextDocument, analysis: DocumentAnalysis): Promise<vscode.CodeLens[]> {
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses: vscode.CodeLens[] = [];
    const restricted = restrictedModeLens(top);
    if (restricted) lenses.push(restricted);
    const skipped = analysis.skipped;
    if (skipped?.reason === 'too-large') {
      // Otherwise a long file simply shows nothing, as if it had no shortcut in it.
      lenses.push(
        new vscode.CodeLens(top, {
          title: `$(info) QA Lens: not analysed, ${formatCount(skipped.length)} characters is over the ${formatCount(skipped.limit)} for open files`,
          tooltip: 'Open files are analysed up to five times the scan\'s size limit (maxFileSize in .quality/config.json, or the qaLens.maxFileSize setting). Click to open the setting.',
          command: 'workbench.action.openSettings',
          arguments: ['qaLens.maxFileSize'],
        }),
      );
    }
    const project = analysis.project;
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    if (!project || !folder) return lenses;
    // The team's own quality documents (constitution, checklists, review drafts) are what these
    // lenses lead to: "13 principles" at the top of a review draft is noise, not guidance.
    if (analysis.path.startsWith('.quality/')) return lenses;
    const uri = doc.uri.toString();
    const checklists = checklistsFor(project.checklists, analysis.path);
    if (checklists.length > 0) {
      const branch = await this.deps.git.branchKey(folder);
      for (const checklist of checklists) {
        const states = this.deps.checklistState.itemStates(folder.uri.toString(), branch, analysis.path, checklist.id);
        const { done, total } = checklistProgress(checklist.items, states);
        lenses.push(
          new vscode.CodeLens(top, {
            title: `$(checklist) ${checklist.title} ${done}/${total}`,
            tooltip: `${checklist.title} checklist: ${done} of ${total} items addressed for this file on ${branch}. Click to go through it.`,
            command: 'qaLens.showChecklist',
            arguments: [{ checklistId: checklist.id, uri }],
          }),
        );
      }
    }
    const principles = principlesFor(project.constitution, analysis.path);
    if (principles.length > 0) {
      lenses.push(
        new vscode.CodeLens(top, {
          title: `$(law) ${principles.length} principle${principles.length === 1 ? '' : 's'}`,
          tooltip: `Principles of the engineering constitution that apply to this file: ${principles.map((p) => p.id).join(', ')}`,
          command: 'qaLens.showPrinciples',
          arguments: [{ uri }],
        }),
      );
    }
    return lenses;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/**
 * Registers the provider while `qaLens.codeLens.enabled` is on for some folder (or the window), and
 * removes it when it is off everywhere: no provider, no cost. Per-folder values are honoured by
 * the provider itself.
 */
export function registerCodeLens(context: vscode.ExtensionContext, deps: CodeLensDeps): void {
  let registration: vscode.Disposable | undefined;
  let provider: QaCodeLensProvider | undefined;
  const anyEnabled = (): boolean => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return editorSettings().codeLensEnabled || folders.some((folder) => editorSettings(folder.uri).codeLensEnabled);
  };
  const update = (): void => {
    const wanted = anyEnabled();
    if (wanted && !registration) {
      provider = new QaCodeLensProvider(deps);
      registration = vscode.languages.registerCodeLensProvider([{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }], provider);
    } else if (!wanted && registration) {
      registration.dispose();
      provider?.dispose();
      registration = provider = undefined;
    }
  };
  update();
  context.subscriptions.push(
    onDidChangeSettings((event) => {
      if (event.affectsConfiguration('qaLens.codeLens')) update();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(update),
    { dispose: () => (registration?.dispose(), provider?.dispose()) },
  );
}

/** 6291456 -> '6,291,456': long counts read at a glance. */
function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
