import * as vscode from 'vscode';
import { log } from '../log';
import type { SettingProblem } from '../settings';

/** The detection settings, longest first so that `qaLens.reviews.folder` wins over a shorter prefix. */
const DETECTION_SETTINGS = [
  'qaLens.constitution.path',
  'qaLens.deadlineWarningDays',
  'qaLens.sprintLengthDays',
  'qaLens.ticketPatterns',
  'qaLens.reviews.folder',
  'qaLens.reviews.base',
  'qaLens.maxFileSize',
  'qaLens.ticketUrl',
  'qaLens.phrases',
  'qaLens.exclude',
  'qaLens.rules',
];

/**
 * Tells the user about settings QA Lens cannot use. They belong to no file, so they cannot be
 * diagnostics: each is logged, and a notification names the ones not shown before (projects are
 * reloaded per folder and on every settings change, and the same user setting applies to every
 * folder: one notification per new problem, not one per reload or folder).
 */
export class SettingsProblemReporter {
  private readonly byFolder = new Map<string, readonly string[]>();
  private shown = new Set<string>();

  report(folder: vscode.WorkspaceFolder, problems: readonly SettingProblem[]): void {
    for (const problem of problems) {
      if (problem.severity === 'error') log().error(`${folder.name}: ${problem.message}`);
      else log().warn(`${folder.name}: ${problem.message}`);
    }
    this.byFolder.set(folder.uri.toString(), problems.map((problem) => problem.message));
    this.notifyNew();
  }

  /** A folder left the workspace: its problems no longer count. */
  forget(folder: vscode.WorkspaceFolder): void {
    this.byFolder.delete(folder.uri.toString());
    this.shown = new Set([...this.shown].filter((message) => this.current().has(message)));
  }

  /** The problems of the settings as last loaded, for every folder. */
  messages(): string[] {
    return [...this.current()];
  }

  private current(): Set<string> {
    return new Set([...this.byFolder.values()].flat());
  }

  private notifyNew(): void {
    const current = this.current();
    const fresh = [...current].filter((message) => !this.shown.has(message));
    // A problem that was fixed and comes back is news again.
    this.shown = current;
    if (fresh.length === 0) return;
    const setting = DETECTION_SETTINGS.find((id) => fresh[0].startsWith(id));
    const more = fresh.length > 1 ? ` (and ${fresh.length - 1} more: see QA Lens: Show Log)` : '';
    const open = 'Open Settings';
    void vscode.window.showWarningMessage(`QA Lens: ${fresh[0]}${more}`, open).then((choice) => {
      if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', setting ?? 'qaLens');
    });
  }
}
