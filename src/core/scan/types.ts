import type { Finding, Problem } from '../types';

/**
 * Why a file was not analysed. cli.md: skipped files are counted in the summary, never silently
 * dropped. (Files matched by .gitignore, .ignore or `exclude` are not "skipped": the team asked
 * for them to be left out.)
 */
export type SkipReason = 'binary' | 'too-large' | 'unknown-type' | 'outside-root' | 'symlink-loop' | 'unreadable' | 'analysis-failed';

/** In the order summaries list them. */
export const SKIP_REASONS: readonly SkipReason[] = ['binary', 'too-large', 'unknown-type', 'outside-root', 'symlink-loop', 'unreadable', 'analysis-failed'];

export interface SkippedFile {
  /** Relative to the scan root, '/' separators. */
  path: string;
  reason: SkipReason;
  /** A short explanation (an errno code, a size), for SARIF notifications and logs. */
  detail?: string;
}

export interface ScanProgress {
  /** Files analysed so far. */
  scanned: number;
  skipped: number;
  /** The file just finished. */
  path: string;
}

export interface ScanResult {
  /** Sorted by path, line, column (cli.md). */
  findings: Finding[];
  /** The files analysed, relative to the root, sorted. */
  files: string[];
  /** Sorted by path. */
  skipped: SkippedFile[];
  /** Problems in the analysed files' own text (an inline ignore naming no rule), sorted by path, line, column. */
  problems: Problem[];
}

/** Counts per reason, in SKIP_REASONS order, only reasons that occurred. */
export function countSkipped(skipped: readonly SkippedFile[]): Array<{ reason: SkipReason; count: number }> {
  return SKIP_REASONS.map((reason) => ({ reason, count: skipped.filter((s) => s.reason === reason).length })).filter((c) => c.count > 0);
}
