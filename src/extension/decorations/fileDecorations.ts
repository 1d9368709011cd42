import * as vscode from 'vscode';
import { severityRank, type Severity } from '../../core/types';
import type { WorkspaceScan } from '../scan/workspaceScan';
import { editorSettings, onDidChangeSettings } from '../settings';

const UPDATE_DELAY_MS = 300;

interface FileSummary {
  count: number;
  worst: Severity;
}

/**
 * A badge in the Explorer on every file with warnings or worse (the count, coloured by the worst
 * severity). Only files whose badge changed are re-announced, so a large scan does not make the
 * Explorer repaint everything.
 */
export class QaFileDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private summaries = new Map<string, FileSummary>();
  private timer: NodeJS.Timeout | undefined;
  private enabled = editorSettings().decorationsEnabled;

  readonly onDidChangeFileDecorations = this.changed.event;

  constructor(private readonly scan: WorkspaceScan) {
    this.disposables.push(
      vscode.window.registerFileDecorationProvider(this),
      scan.onDidChange(() => this.schedule()),
      onDidChangeSettings((event) => {
        if (!event.affectsConfiguration('qaLens.decorations')) return;
        this.enabled = editorSettings().decorationsEnabled;
        this.update();
      }),
    );
    this.update();
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const summary = this.summaries.get(uri.toString());
    if (!summary) return undefined;
    const badge = summary.count > 99 ? '99' : String(summary.count);
    const color = new vscode.ThemeColor(summary.worst === 'error' ? 'list.errorForeground' : 'list.warningForeground');
    return new vscode.FileDecoration(badge, `QA Lens: ${summary.count} quality shortcut${summary.count === 1 ? '' : 's'} (warning or worse)`, color);
  }

  /** The summary behind a file's badge (tests). */
  summaryOf(uri: vscode.Uri): FileSummary | undefined {
    return this.summaries.get(uri.toString());
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.update(), UPDATE_DELAY_MS);
  }

  update(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const next = new Map<string, FileSummary>();
    if (this.enabled) {
      for (const { uri, finding } of this.scan.all()) {
        if (severityRank(finding.severity) > severityRank('warning')) continue;
        const key = uri.toString();
        const summary = next.get(key);
        if (!summary) next.set(key, { count: 1, worst: finding.severity });
        else {
          summary.count++;
          if (severityRank(finding.severity) < severityRank(summary.worst)) summary.worst = finding.severity;
        }
      }
    }
    const changed: vscode.Uri[] = [];
    for (const [key, summary] of next) {
      const before = this.summaries.get(key);
      if (!before || before.count !== summary.count || before.worst !== summary.worst) changed.push(vscode.Uri.parse(key));
    }
    for (const key of this.summaries.keys()) if (!next.has(key)) changed.push(vscode.Uri.parse(key));
    this.summaries = next;
    if (changed.length > 0) this.changed.fire(changed);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
