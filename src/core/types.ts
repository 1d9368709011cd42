import type { RuleId } from './rules/ids';

/** The VS Code severity names; SARIF maps them to error, warning, note, none. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** Lower is more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** A finding exactly as rules.md "Each finding carries" and cli.md's JSON describe it. */
export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  /** Relative to the scan root (or workspace folder), '/' separators. */
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units (what VS Code and SARIF count). */
  column: number;
  endLine: number;
  /** 1-based, exclusive end column. */
  endColumn: number;
  message: string;
  /** The note or code text, trimmed. */
  excerpt: string;
  tag: string | null;
  ticket: string | null;
  /** ISO date (YYYY-MM-DD). */
  deadline: string | null;
  /** The constitution principle that speaks for the rule, e.g. ENG-02. */
  principle: string | null;
  fingerprint: string;
}

/** A problem in a file the team wrote (config, constitution, checklist): reported, never fatal. */
export interface Problem {
  /** Relative to the root when inside it, else absolute; '/' separators. */
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
  severity?: 'error' | 'warning';
}

/**
 * A problem in one document's own text (an inline ignore that names no rule), positions 1-based
 * like a finding's. The scan adds the path to make it a Problem; the editor shows it in place.
 */
export interface TextProblem {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** The replacement the message suggests, for a quick fix. */
  suggestion?: string;
}

/** `path:line:column: message`, the form terminals and VS Code problem matchers turn into links. */
export function formatProblem(problem: Problem): string {
  return `${problem.path}:${problem.line}:${problem.column}: ${problem.message}`;
}
