import * as vscode from 'vscode';

/**
 * The context keys QA Lens sets for `when` clauses (welcome views, view title buttons). Each is
 * set only when its value changes, and the last value is kept so tests can check a welcome view's
 * condition without reading VS Code's internal context.
 */
export const CONTEXT = {
  /** 'idle' | 'scanning' | 'done' | 'cancelled' | 'off' | 'failed' */
  scanState: 'qaLens.scan.state',
  /** True when the scan finished and there is nothing to show (with the filter applied). */
  shortcutsEmpty: 'qaLens.shortcuts.empty',
  shortcutsFiltered: 'qaLens.shortcuts.filtered',
  /** 'rule' | 'file' | 'age' */
  groupBy: 'qaLens.shortcuts.groupBy',
  /** 'repository' | 'bundled' | 'empty' (a team file with no principle) | 'none' (no folder) */
  constitutionSource: 'qaLens.constitution.source',
  /** The constitution changed since the user last acknowledged it (or was never acknowledged). */
  constitutionUnacknowledged: 'qaLens.constitution.unacknowledged',
  /** 'noFile' | 'none' (no checklist applies) | 'some' */
  checklistState: 'qaLens.checklist.state',
} as const;

export type ContextKey = (typeof CONTEXT)[keyof typeof CONTEXT];

export class ContextKeys {
  private readonly values = new Map<ContextKey, unknown>();

  set(key: ContextKey, value: unknown): void {
    if (this.values.has(key) && this.values.get(key) === value) return;
    this.values.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }

  get(key: ContextKey): unknown {
    return this.values.get(key);
  }
}
