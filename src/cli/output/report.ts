import type { EngineSettings } from '../../core/config/model';
import type { Constitution } from '../../core/constitution/types';
import type { ScanResult } from '../../core/scan/types';
import { SEVERITIES, type Finding, type Problem, type Severity } from '../../core/types';

/**
 * Everything a scan produced, as the formatters see it. Later steps (baselines, budgets, --since)
 * filter `result.findings` or add to `problems` before formatting; formatters only render.
 */
export interface ScanReport {
  /** Absolute path of the scan root. */
  root: string;
  result: ScanResult;
  /** Problems in the team's files (config, constitution): also printed on stderr. */
  problems: Problem[];
  /** The constitution in effect: SARIF's rule help quotes the principle that speaks for each rule. */
  constitution?: Constitution;
  /** The severities the run used (SARIF's `defaultConfiguration` of each rule). */
  severities?: EngineSettings['severities'];
  /** Findings the scan made but the report leaves out, by why (`--since`, `--baseline`). */
  hidden?: { since: number; baseline: number };
}

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as SeverityCounts;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
