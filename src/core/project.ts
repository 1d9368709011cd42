import { loadChecklists, type Checklist } from './checklists';
import { compileEngineSettings, loadConfig, type EngineSettings, type QaConfig } from './config';
import { loadConstitution, principleScopes, type Constitution } from './constitution';
import type { Problem } from './types';

/**
 * Everything QA Lens knows about one root folder (a CLI scan root or a VS Code workspace folder):
 * the team's configuration, the compiled engine settings, the constitution and the checklists,
 * with every problem found in the team's files. The CLI and the editor both build it here so that
 * the same files mean the same thing in both.
 */
export interface Project {
  root: string;
  config: QaConfig;
  /** The config file's path relative to the root ('/'), when one was read. */
  configPath: string | undefined;
  settings: EngineSettings;
  constitution: Constitution;
  checklists: Checklist[];
  /** Problems in the team's files, in the order config, constitution, checklists. */
  problems: Problem[];
  /** True when a `--config` file was given but is missing or not valid JSON (CLI exit 2). */
  configFatal: boolean;
}

export interface LoadProjectOptions {
  /** `--config FILE` (absolute or relative to the root). */
  configPath?: string;
  /** Keys the user set explicitly elsewhere (VS Code settings), laid over the team's file. */
  overlay?: (team: QaConfig) => QaConfig;
  /**
   * False in an untrusted workspace: user-supplied patterns (phrases, ticket patterns) are not run,
   * only the built-in rules are.
   */
  trusted?: boolean;
  /**
   * False when only the team's own checklists matter (the CLI's scan reports their problems and
   * uses no checklist): the bundled defaults are then neither parsed nor listed.
   */
  bundledChecklists?: boolean;
  /** The language ids `languages` in the config may name (see ValidateOptions); any, when absent. */
  languageIds?: readonly string[];
}

/** Loads a project; never throws for the team's files (they become problems). */
export async function loadProject(root: string, options: LoadProjectOptions = {}): Promise<Project> {
  const loaded = await loadConfig(root, options.configPath, { languageIds: options.languageIds });
  const config = options.overlay ? options.overlay(loaded.config) : loaded.config;
  const configFatal = options.configPath !== undefined && (loaded.status === 'missing' || loaded.status === 'invalid-json' || loaded.status === 'unreadable');
  const [constitutionResult, checklistSet] = await Promise.all([
    loadConstitution(root, {
      ...(config.constitution ? { configuredPath: config.constitution } : {}),
      ...(loaded.config.constitution && loaded.displayPath ? { configuredFrom: loaded.displayPath } : {}),
    }),
    loadChecklists(root, undefined, { bundled: options.bundledChecklists }),
  ]);
  const trusted = options.trusted ?? true;
  const runnable: QaConfig = trusted ? config : { ...config, phrases: {}, ticketPatterns: [] };
  const compiled = compileEngineSettings(runnable, principleScopes(constitutionResult.constitution), {
    path: loaded.displayPath ?? '.quality/config.json',
  });
  return {
    root,
    config,
    configPath: loaded.displayPath,
    settings: compiled.settings,
    constitution: constitutionResult.constitution,
    checklists: checklistSet.checklists,
    problems: [
      ...loaded.problems,
      ...compiled.problems,
      ...constitutionResult.problems,
      ...(options.bundledChecklists === false ? [] : unknownChecklists(constitutionResult.constitution, checklistSet.checklists)),
      ...checklistSet.problems,
    ],
    configFatal,
  };
}

/**
 * Checklists a principle of the team's constitution asks for that do not exist (a typo, or one
 * renamed since): a warning at the principle's heading. Checked only with every checklist loaded,
 * bundled ones included, and not for the bundled constitution, which the team does not edit.
 */
function unknownChecklists(constitution: Constitution, checklists: readonly Checklist[]): Problem[] {
  if (constitution.source === 'bundled') return [];
  const known = new Set(checklists.map((checklist) => checklist.id));
  const problems: Problem[] = [];
  for (const principle of constitution.principles) {
    for (const id of principle.checklists) {
      if (known.has(id)) continue;
      problems.push({ path: constitution.source, line: principle.line, column: 1, message: `${principle.id}: checklist '${id}' does not exist (checklists: ${[...known].sort().join(', ') || 'none'})`, severity: 'warning' });
    }
  }
  return problems;
}
