import type { Finding, Problem } from '../../core/types';
import { TOOL_NAME, TOOL_VERSION } from '../version';
import { countBySeverity, type ScanReport } from './report';

/** cli.md "JSON (`--format json`)": version 1. Keys in the documented order, nothing more. */
export function formatJson(report: ScanReport): string {
  const { findings, files, skipped } = report.result;
  const document = {
    version: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root: report.root,
    summary: { files: files.length, skipped: skipped.length, findings: findings.length, bySeverity: countBySeverity(findings) },
    findings: findings.map(findingJson),
    problems: report.problems.map(problemJson),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function findingJson(f: Finding): Record<string, unknown> {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    path: f.path,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
    excerpt: f.excerpt,
    tag: f.tag ?? null,
    ticket: f.ticket ?? null,
    deadline: f.deadline ?? null,
    principle: f.principle ?? null,
    fingerprint: f.fingerprint,
  };
}

function problemJson(p: Problem): Record<string, unknown> {
  return { path: p.path, line: p.line, column: p.column, message: p.message };
}
