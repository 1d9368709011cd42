import { countSkipped, type SkipReason } from '../../core/scan/types';
import { SEVERITIES, type Finding, type Severity } from '../../core/types';
import { PLAIN, type Palette } from './color';
import { countBySeverity, type ScanReport } from './report';

/**
 * Findings grouped by file, `  line:col  severity  message  rule-id`, then one summary line:
 * `14 findings (1 error, 9 warnings, 3 information, 1 hint) in 120 files; 3 skipped (2 binary, 1 too large)`.
 */
export function formatText(report: ScanReport, colours: Palette = PLAIN): string {
  const out: string[] = [];
  for (const group of groupByPath(report.result.findings)) {
    out.push(colours.path(group.path));
    const positions = group.findings.map((f) => `${f.line}:${f.column}`);
    const positionWidth = Math.max(...positions.map((p) => p.length));
    const severityWidth = Math.max(...group.findings.map((f) => f.severity.length));
    group.findings.forEach((finding, i) => {
      const position = colours.dim(positions[i].padEnd(positionWidth));
      const severity = colours[finding.severity](finding.severity.padEnd(severityWidth));
      out.push(`  ${position}  ${severity}  ${oneLine(finding.message)}  ${colours.dim(finding.ruleId)}`);
    });
    out.push('');
  }
  out.push(summaryLine(report));
  return `${out.join('\n')}\n`;
}

export function summaryLine(report: ScanReport): string {
  const { findings, files, skipped } = report.result;
  const counts = countBySeverity(findings);
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${severityNoun(s, counts[s])}`);
  let line = `${plural(findings.length, 'finding')}${parts.length > 0 ? ` (${parts.join(', ')})` : ''} in ${plural(files.length, 'file')}`;
  if (skipped.length > 0) {
    const reasons = countSkipped(skipped).map((c) => `${c.count} ${SKIP_LABELS[c.reason]}`);
    line += `; ${skipped.length} skipped (${reasons.join(', ')})`;
  }
  const hidden = report.hidden;
  if (hidden && hidden.since > 0) line += `; ${hidden.since} not on lines added since the ref`;
  if (hidden && hidden.baseline > 0) line += `; ${hidden.baseline} in the baseline`;
  return line;
}

export const SKIP_LABELS: Record<SkipReason, string> = {
  binary: 'binary',
  'too-large': 'too large',
  'unknown-type': 'unknown type',
  'outside-root': 'outside the root',
  'symlink-loop': 'symlink loop',
  unreadable: 'unreadable',
  'analysis-failed': 'analysis failed',
};

function severityNoun(severity: Severity, count: number): string {
  // "information" is uncountable; the others take an s.
  return severity === 'information' || count === 1 ? severity : `${severity}s`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

function groupByPath(findings: readonly Finding[]): Array<{ path: string; findings: Finding[] }> {
  const groups: Array<{ path: string; findings: Finding[] }> = [];
  for (const finding of findings) {
    const last = groups[groups.length - 1];
    if (last && last.path === finding.path) last.findings.push(finding);
    else groups.push({ path: finding.path, findings: [finding] });
  }
  return groups;
}
