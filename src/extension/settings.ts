import * as vscode from 'vscode';
import type { QaConfig } from '../core/config/model';
import { validateConfigValues } from '../core/config/validate';
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

/** A detection setting the user set to something QA Lens cannot use: it is left out, and said so. */
export interface SettingProblem {
  /** Names the setting, e.g. `qaLens.ticketPatterns: invalid regular expression ...`. */
  message: string;
  severity: 'error' | 'warning';
}

/**
 * The detection keys the user set explicitly for `scope`, shaped like `.quality/config.json` so the
 * caller can lay them over the team's file. They are checked as the team's file is (types, rule
 * ids, severities, safe patterns): a setting of the wrong type once crashed the project's loading,
 * and a string where a list belongs was read one character at a time. What is wrong is left out
 * and comes back as a problem naming the setting.
 */
export function explicitConfigOverlay(scope: vscode.ConfigurationScope | undefined): { overlay: QaConfig; problems: SettingProblem[] } {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const raw: Record<string, unknown> = {};
  // Empty values are what "not set" looks like in the Settings editor: they do not override the team.
  for (const key of ['rules', 'phrases', 'ticketPatterns', 'exclude'] as const) {
    const value = explicit<unknown>(config, key);
    if (isSet(value)) raw[key] = value;
  }
  const ticketUrl = nonEmpty(explicit<unknown>(config, 'ticketUrl'));
  if (ticketUrl !== undefined) raw.ticketUrl = ticketUrl;
  for (const key of ['sprintLengthDays', 'deadlineWarningDays', 'maxFileSize'] as const) {
    const value = explicit<unknown>(config, key);
    if (value !== undefined && value !== null) raw[key] = value;
  }
  const constitution = nonEmpty(explicit<unknown>(config, 'constitution.path'));
  if (constitution !== undefined) raw.constitution = constitution;
  const base = nonEmpty(explicit<unknown>(config, 'reviews.base'));
  const folder = nonEmpty(explicit<unknown>(config, 'reviews.folder'));
  if (base !== undefined || folder !== undefined) raw.reviews = { ...(base !== undefined ? { base } : {}), ...(folder !== undefined ? { folder } : {}) };

  const { config: overlay, problems } = validateConfigValues(raw);
  // The file's key names become the settings' names: `constitution` is `qaLens.constitution.path`.
  // Errors are left out; warnings (a ticketUrl without {id}) are about a value that is still used.
  const named = problems.map(({ message, severity = 'error' }) => ({
    message: `${SECTION}.${message.replace(/^constitution(?=:)/, 'constitution.path')}; ${severity === 'error' ? 'QA Lens leaves that value out' : 'it is used as it is'}`,
    severity,
  }));
  return { overlay, problems: named };
}

/** Anything but an empty object, list or nothing (a value of the wrong type is set: it gets checked). */
function isSet(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
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
  // No scope means "any resource" (null): read without one, resource-scoped keys (codeLens, blame)
  // made VS Code log four warnings per call, twenty at activation.
  const config = vscode.workspace.getConfiguration(SECTION, scope ?? null);
  // Window-scoped keys are read without the resource: asked with one, VS Code logs a warning per
  // read, and with a CodeLens per finding those warnings (logged and sent to the window) were most
  // of what a 10,000-line file's edits cost the extension host.
  const window = scope === undefined ? config : vscode.workspace.getConfiguration(SECTION);
  const groupBy = window.get<unknown>('shortcuts.groupBy');
  return {
    codeLensEnabled: config.get<boolean>('codeLens.enabled', true),
    blameEnabled: config.get<boolean>('blame.enabled', true),
    debounceMs: Math.max(0, window.get<number>('analysis.debounceMs', 250)),
    scanOnStartup: window.get<boolean>('scan.onStartup', true),
    shortcutsGroupBy: isGroupMode(groupBy) ? groupBy : 'rule',
    decorationsEnabled: window.get<boolean>('decorations.enabled', true),
  };
}

/**
 * Remembers the Shortcuts grouping the user picked in their user settings: a view toggle is
 * personal, not a team decision for the repository's .vscode/settings.json. Where the workspace
 * already sets it, though, a user setting would change nothing (the workspace's wins and the
 * button seemed broken): the toggle then updates the workspace's value, which is where it was set.
 */
export async function setShortcutsGroupBy(mode: GroupMode): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const inWorkspace = config.inspect('shortcuts.groupBy')?.workspaceValue !== undefined;
  await config.update('shortcuts.groupBy', mode, inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
}

/** Settings that change only how the editor shows things, never what the engine finds. */
const PRESENTATION_SECTIONS = ['codeLens', 'blame', 'analysis', 'scan', 'shortcuts', 'decorations'];

/**
 * Whether a change can alter findings or the team's files (detection keys, constitution path,
 * reviews): a view toggle or a CodeLens switch must not reload projects and rescan the workspace.
 * With a scope (a workspace folder), whether it does so for that folder.
 */
export function affectsDetection(event: vscode.ConfigurationChangeEvent, scope?: vscode.ConfigurationScope): boolean {
  if (!event.affectsConfiguration(SECTION, scope)) return false;
  const config = vscode.workspace.getConfiguration(SECTION);
  const keys = Object.keys(config).filter((key) => typeof (config as unknown as Record<string, unknown>)[key] !== 'function');
  // When the keys cannot be listed, assume the worst: reloading is slower, never wrong.
  if (keys.length === 0) return true;
  return keys.some((key) => !PRESENTATION_SECTIONS.includes(key) && event.affectsConfiguration(`${SECTION}.${key}`, scope));
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
