import { compileUserPattern } from '../regexSafety';
import type { RuleId } from '../rules/ids';
import type { Problem } from '../types';
import { defaultEngineSettings, type EngineSettings, type PrincipleScope, type QaConfig } from './model';
import { PHRASE_FLAGS, TICKET_PATTERN_FLAGS } from './validate';

/**
 * Where problems found while compiling point. A config that came through loadConfig has had its
 * bad patterns reported and removed already, so this matters for configs assembled elsewhere (the
 * editor's settings), which have no line numbers.
 */
export interface ConfigOrigin {
  path: string;
  line?: number;
  column?: number;
}

/**
 * Compiles a validated configuration into what the rules need, once per configuration. Invalid or
 * unsafe patterns become problems and are left out; everything else applies. Never throws.
 */
export function compileEngineSettings(
  config: QaConfig,
  principles: readonly PrincipleScope[] = [],
  origin: ConfigOrigin = { path: '.quality/config.json' },
): { settings: EngineSettings; problems: Problem[] } {
  const problems: Problem[] = [];
  const settings = defaultEngineSettings();
  const compile = (sources: readonly string[], flags: string, key: string): RegExp[] => {
    const compiled: RegExp[] = [];
    for (const source of sources) {
      const result = compileUserPattern(source, flags);
      if (result.ok) compiled.push(result.regex);
      else problems.push({ path: origin.path, line: origin.line ?? 1, column: origin.column ?? 1, message: `${key}: ${result.reason}`, severity: 'error' });
    }
    return compiled;
  };

  settings.severities = { ...config.rules };
  for (const [id, sources] of Object.entries(config.phrases ?? {}) as Array<[RuleId, string[]]>) {
    settings.phrases[id] = compile(sources, PHRASE_FLAGS, `phrases.${id}`);
  }
  settings.ticketPatterns = compile(config.ticketPatterns ?? [], TICKET_PATTERN_FLAGS, 'ticketPatterns');
  settings.testFiles = [...(config.testFiles ?? [])];
  if (config.deadlineWarningDays !== undefined) settings.deadlineWarningDays = config.deadlineWarningDays;
  if (config.sprintLengthDays !== undefined) settings.sprintLengthDays = config.sprintLengthDays;
  settings.principles = principles.map((scope) => ({ ...scope, rules: [...scope.rules], appliesTo: [...scope.appliesTo] }));
  return { settings, problems };
}
