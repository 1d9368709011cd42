import * as vscode from 'vscode';
import type { QaConfig } from '../core/config/model';
import { isGroupMode, type GroupMode } from '../core/grouping';

/**
 * The one place QA Lens reads VS Code settings.
 *
 * The team's `.quality/config.json` is the source of truth for detection; a VS Code setting
 * overrides a key of it only when the user set that setting explicitly (user, workspace or folder
 * settings). Contributed defaults never override the team's file, which is why every detection
 * setting is read through `inspect()` rather than `get()`.
 */
export interface EditorSettings {
  codeLensEnabled: boolean;
  blameEnabled: boolean;
  debounceMs: number;
  scanOnStartup: boolean;
  /** How the Shortcuts view groups findings. */
  shortcutsGroupBy: GroupMode;
  /** Whether the Explorer shows a badge on files with warnings or worse. */
  decorationsEnabled: boolean;
}

const SECTION = 'qaLens';

/** The value the user wrote, at the most specific level, or undefined when only the default applies. */
function explicit<T>(config: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const inspected = config.inspect<T>(key);
  if (!inspected) return undefined;
  return inspected.workspaceFolderValue ?? inspected.workspaceValue ?? inspected.globalValue;
}

function nonEmpty<T>(value: T | undefined): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

/**
 * The detection keys the user set explicitly for `scope`, shaped like `.quality/config.json` so the
 * caller can lay them over the team's file.
 */
export function explicitConfigOverlay(scope: vscode.ConfigurationScope | undefined): QaConfig {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const overlay: QaConfig = {};
  const rules = explicit<QaConfig['rules']>(config, 'rules');
  if (rules && Object.keys(rules).length > 0) overlay.rules = rules;
  const phrases = explicit<QaConfig['phrases']>(config, 'phrases');
  if (phrases && Object.keys(phrases).length > 0) overlay.phrases = phrases;
  const ticketPatterns = explicit<string[]>(config, 'ticketPatterns');
  if (ticketPatterns && ticketPatterns.length > 0) overlay.ticketPatterns = ticketPatterns;
  const exclude = explicit<string[]>(config, 'exclude');
  if (exclude && exclude.length > 0) overlay.exclude = exclude;
  const ticketUrl = nonEmpty(explicit<string>(config, 'ticketUrl'));
  if (ticketUrl) overlay.ticketUrl = ticketUrl;
  const sprint = explicit<number>(config, 'sprintLengthDays');
  if (sprint !== undefined) overlay.sprintLengthDays = sprint;
  const window = explicit<number>(config, 'deadlineWarningDays');
  if (window !== undefined) overlay.deadlineWarningDays = window;
  const maxFileSize = explicit<number>(config, 'maxFileSize');
  if (maxFileSize !== undefined) overlay.maxFileSize = maxFileSize;
  const constitution = nonEmpty(explicit<string>(config, 'constitution.path'));
  if (constitution) overlay.constitution = constitution;
  const base = nonEmpty(explicit<string>(config, 'reviews.base'));
  const folder = nonEmpty(explicit<string>(config, 'reviews.folder'));
  if (base || folder) overlay.reviews = { ...(base ? { base } : {}), ...(folder ? { folder } : {}) };
  return overlay;
}

/**
 * Lays `overlay` over `team`: objects keyed by rule merge key by key (the user's severity for one
 * rule does not erase the team's for another); everything else is replaced.
 */
export function mergeConfig(team: QaConfig, overlay: QaConfig): QaConfig {
  const merged: QaConfig = { ...team, ...overlay };
  if (team.rules || overlay.rules) merged.rules = { ...team.rules, ...overlay.rules };
  if (team.phrases || overlay.phrases) merged.phrases = { ...team.phrases, ...overlay.phrases };
  if (team.reviews || overlay.reviews) merged.reviews = { ...team.reviews, ...overlay.reviews };
  if (overlay.exclude && team.exclude) merged.exclude = [...team.exclude, ...overlay.exclude];
  return merged;
}

/** Editor-only switches: these have no counterpart in the team's file, so defaults apply. */
export function editorSettings(scope?: vscode.ConfigurationScope): EditorSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  // Window-scoped keys are read without the resource: asked with one, VS Code logs a warning per
  // read, and with a CodeLens per finding those warnings (logged and sent to the window) were most
  // of what a 10,000-line file's edits cost the extension host.
  const window = scope === undefined ? config : vscode.workspace.getConfiguration(SECTION);
  const groupBy = window.get<unknown>('shortcuts.groupBy');
  return {
    codeLensEnabled: config.get<boolean>('codeLens.enabled', true),
    blameEnabled: config.get<boolean>('blame.enabled', true),
    debounceMs: Math.max(0, config.get<number>('analysis.debounceMs', 250)),
    scanOnStartup: config.get<boolean>('scan.onStartup', true),
    shortcutsGroupBy: isGroupMode(groupBy) ? groupBy : 'rule',
    decorationsEnabled: window.get<boolean>('decorations.enabled', true),
  };
}

/**
 * Remembers the Shortcuts grouping the user picked in their user settings (never in the
 * repository's .vscode/settings.json: a view toggle is personal, not a team decision).
 */
export async function setShortcutsGroupBy(mode: GroupMode): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update('shortcuts.groupBy', mode, vscode.ConfigurationTarget.Global);
}

/** Settings that change only how the editor shows things, never what the engine finds. */
const PRESENTATION_SECTIONS = ['codeLens', 'blame', 'analysis', 'scan', 'shortcuts', 'decorations'];

/**
 * Whether a change can alter findings or the team's files (detection keys, constitution path,
 * reviews): a view toggle or a CodeLens switch must not reload projects and rescan the workspace.
 */
export function affectsDetection(event: vscode.ConfigurationChangeEvent): boolean {
  if (!event.affectsConfiguration(SECTION)) return false;
  const config = vscode.workspace.getConfiguration(SECTION);
  const keys = Object.keys(config).filter((key) => typeof (config as unknown as Record<string, unknown>)[key] !== 'function');
  // When the keys cannot be listed, assume the worst: reloading is slower, never wrong.
  if (keys.length === 0) return true;
  return keys.some((key) => !PRESENTATION_SECTIONS.includes(key) && event.affectsConfiguration(`${SECTION}.${key}`));
}

/**
 * Fires `listener` when a QA Lens setting changes, with the event so listeners can check the
 * narrower key they care about (`event.affectsConfiguration('qaLens.codeLens')`).
 */
export function onDidChangeSettings(listener: (event: vscode.ConfigurationChangeEvent) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(SECTION)) listener(event);
  });
}
