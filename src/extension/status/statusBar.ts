import * as vscode from 'vscode';
import type { ActiveFile } from '../views/activeFile';
import type { WorkspaceScan } from '../scan/workspaceScan';
import type { Finding } from '../../core/types';

const UPDATE_DELAY_MS = 150;

/** Findings that ask for attention: hints (planned work, tracked TODOs) are not counted. */
export function attention(findings: readonly Finding[]): number {
  return findings.reduce((sum, finding) => sum + (finding.severity === 'hint' ? 0 : 1), 0);
}

export interface StatusText {
  text: string;
  tooltip: string;
}

/** The status bar's words: `$(checklist) 3 · 17` = 3 in the active file, 17 in the workspace. */
export function statusText(file: { name: string; count: number } | undefined, workspace: number, scan: { scanning: boolean; scanned: number }): StatusText {
  if (scan.scanning) {
    return {
      text: `$(sync~spin) QA Lens ${scan.scanned.toLocaleString('en-US')} files`,
      tooltip: `QA Lens is scanning the workspace (${scan.scanned} files so far). Click to cancel.`,
    };
  }
  const plural = (n: number): string => `${n} quality shortcut${n === 1 ? '' : 's'}`;
  const text = file ? `$(checklist) ${file.count} · ${workspace}` : `$(checklist) ${workspace}`;
  const lines = [file ? `${plural(file.count)} in ${file.name}` : undefined, `${plural(workspace)} in the workspace`, 'Hints (tracked TODOs) are not counted. Click to show Shortcuts.'];
  return { text, tooltip: lines.filter(Boolean).join('\n') };
}

/** The status bar item: counts for the active file and the workspace, or the scan's progress. */
export class QaStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('qaLens.status', vscode.StatusBarAlignment.Left, 20);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly scan: WorkspaceScan,
    private readonly activeFile: ActiveFile,
  ) {
    this.item.name = 'QA Lens';
    this.disposables.push(
      scan.onDidChange(() => this.schedule()),
      scan.onDidChangeState(() => this.schedule(0)),
      activeFile.onDidChange(() => this.schedule(0)),
    );
    this.update();
    this.item.show();
  }

  /** What the item shows now (tests). */
  get text(): string {
    return this.item.text;
  }

  get tooltip(): string {
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : (this.item.tooltip?.value ?? '');
  }

  /** Updates now rather than after the short delay that batches scan progress. */
  update(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const scanning = this.scan.state === 'scanning';
    const uri = this.activeFile.uri;
    const file = uri ? { name: uri.path.split('/').pop() ?? uri.path, count: attention(this.scan.findingsFor(uri)) } : undefined;
    const workspace = attention(this.scan.all().map((item) => item.finding));
    const { text, tooltip } = statusText(file, workspace, { scanning, scanned: this.scan.progress });
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.command = scanning ? 'qaLens.cancelScan' : 'qaLens.showShortcuts';
  }

  private schedule(delay = UPDATE_DELAY_MS): void {
    if (this.timer && delay > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), delay);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
