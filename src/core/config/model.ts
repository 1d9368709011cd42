import type { RuleId } from '../rules/ids';
import type { Severity } from '../types';

/** `.quality/config.json` after validation (formats.md); every key optional. */
export interface QaConfig {
  rules?: Partial<Record<RuleId, Severity | 'off'>>;
  /** Extra case-insensitive patterns per comment rule, as written by the user. */
  phrases?: Partial<Record<RuleId, string[]>>;
  ticketPatterns?: string[];
  exclude?: string[];
  maxFileSize?: number;
  sprintLengthDays?: number;
  deadlineWarningDays?: number;
  budgets?: Record<string, number>;
  languages?: Record<string, string>;
  testFiles?: string[];
  constitution?: string;
  ticketUrl?: string;
  reviews?: { folder?: string; base?: string };
}

/**
 * What the rules need, compiled once per configuration and reused for every file: user patterns are
 * already checked and compiled, so the hot path never parses a regular expression.
 */
export interface EngineSettings {
  severities: Partial<Record<RuleId, Severity | 'off'>>;
  /** Extra phrases per comment rule, compiled (case-insensitive) and known to be safe. */
  phrases: Partial<Record<RuleId, RegExp[]>>;
  ticketPatterns: RegExp[];
  /** Extra test-file globs. */
  testFiles: string[];
  deadlineWarningDays: number;
  sprintLengthDays: number;
  /**
   * The active principles that speak for rules, strongest level first, then in document order:
   * for a finding in a path, the first one listing its rule whose `appliesTo` matches the path
   * speaks for it. Empty until a constitution is loaded.
   */
  principles: PrincipleScope[];
}

/** What the engine needs of a principle to cite it on a finding (plain data: it crosses to worker threads). */
export interface PrincipleScope {
  id: string;
  rules: RuleId[];
  appliesTo: string[];
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
export const DEFAULT_SPRINT_LENGTH_DAYS = 14;
export const DEFAULT_DEADLINE_WARNING_DAYS = 14;

export function defaultEngineSettings(): EngineSettings {
  return {
    severities: {},
    phrases: {},
    ticketPatterns: [],
    testFiles: [],
    deadlineWarningDays: DEFAULT_DEADLINE_WARNING_DAYS,
    sprintLengthDays: DEFAULT_SPRINT_LENGTH_DAYS,
    principles: [],
  };
}
