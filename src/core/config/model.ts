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
  /** Rule id -> principle id (from the constitution); empty until one is loaded. */
  principles: Partial<Record<RuleId, string>>;
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
    principles: {},
  };
}
