import { pathToFileURL } from 'node:url';
import { principleForRule } from '../../core/constitution/apply';
import type { Constitution, Principle } from '../../core/constitution/types';
import { RULES, type RuleInfo } from '../../core/rules/catalog';
import type { SkippedFile } from '../../core/scan/types';
import type { Finding, Problem, Severity } from '../../core/types';
import { TOOL_NAME, TOOL_URI, TOOL_VERSION } from '../version';
import type { ScanReport } from './report';
import { SKIP_LABELS } from './text';

/**
 * cli.md "SARIF (`--format sarif`)": SARIF 2.1.0, one run. Paths are relative to %SRCROOT% (the
 * scan root), so the file uploads the same from any checkout location, and each result carries
 * the line-independent fingerprint so code scanning tracks it across commits.
 */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
/** The partialFingerprints key: versioned, so a change of the hash can never match old alerts. */
export const FINGERPRINT_KEY = 'qaLensFingerprint/v1';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** rules.md "Severities": error, warning, note, none. */
export const SARIF_LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'none' };

export function formatSarif(report: ScanReport): string {
  return `${JSON.stringify(buildSarif(report), null, 2)}\n`;
}

export function buildSarif(report: ScanReport): Record<string, unknown> {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  return {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: TOOL_URI,
            rules: RULES.map((rule) => ruleDescriptor(rule, report)),
          },
        },
        invocations: [invocation(report)],
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri(report.root) } },
        columnKind: 'utf16CodeUnits',
        results: report.result.findings.map((finding) => result(finding, ruleIndex.get(finding.ruleId) ?? -1)),
      },
    ],
  };
}

function ruleDescriptor(rule: RuleInfo, report: ScanReport): Record<string, unknown> {
  const principle = report.constitution ? principleForRule(report.constitution, rule.id) : undefined;
  const configured = report.severities?.[rule.id];
  const level = SARIF_LEVEL[configured === undefined || configured === 'off' ? rule.defaultSeverity : configured];
  const helpUri = principle ? principleUrl(principle) : undefined;
  return {
    id: rule.id,
    name: pascalCase(rule.name),
    shortDescription: { text: rule.shortDescription },
    fullDescription: { text: rule.fullDescription },
    defaultConfiguration: { level, ...(configured === 'off' ? { enabled: false } : {}) },
    help: help(rule, principle, report.constitution),
    ...(helpUri ? { helpUri } : {}),
    properties: { tags: ['quality', rule.kind === 'code' ? 'code' : 'comment', ...(principle ? [principle.id] : [])] },
  };
}

/** The rule's description, then the principle that speaks for it: its title and "How to check". */
function help(rule: RuleInfo, principle: Principle | undefined, constitution: Constitution | undefined): { text: string; markdown: string } {
  if (!principle) {
    const none = 'No principle of the constitution in effect speaks for this rule.';
    return { text: `${rule.fullDescription}\n\n${none}`, markdown: `${rule.fullDescription}\n\n${none}` };
  }
  const source = constitution?.source === 'bundled' ? 'the bundled constitution' : (constitution?.source ?? 'the constitution');
  const heading = `${principle.id} ${principle.title} (${principle.level})`;
  const check = principle.howToCheck;
  const text = [rule.fullDescription, '', `Principle ${heading}, from ${source}.`, ...(check ? [`How to check: ${check}`] : [])].join('\n');
  const markdown = [
    rule.fullDescription,
    '',
    `**Principle ${principle.id}: ${principle.title}** (${principle.level}), from ${source === 'the bundled constitution' ? source : `\`${source}\``}.`,
    ...(check ? ['', `> **How to check:** ${check.replace(/\n/g, '\n> ')}`] : []),
  ].join('\n');
  return { text, markdown };
}

/**
 * The principle's absolute URL, when it has one: the first absolute http(s) link written in its
 * section. A constitution kept in the repository has no address of its own, so without such a
 * link there is no helpUri (a relative one would not resolve in a code-scanning UI).
 */
export function principleUrl(principle: Principle): string | undefined {
  const match = /\bhttps?:\/\/[^\s)<>"'\]]+/.exec(principle.body);
  if (!match) return undefined;
  const url = match[0].replace(/[.,;:!?]+$/, '');
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}

function result(finding: Finding, ruleIndex: number): Record<string, unknown> {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: SARIF_LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(finding.path), uriBaseId: SRCROOT },
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    properties: {
      ...(finding.tag ? { tag: finding.tag } : {}),
      ...(finding.ticket ? { ticket: finding.ticket } : {}),
      ...(finding.deadline ? { deadline: finding.deadline } : {}),
      ...(finding.principle ? { principle: finding.principle } : {}),
    },
  };
}

/** Skipped files as notifications (cli.md: counted, never silent); the team's file problems likewise. */
function invocation(report: ScanReport): Record<string, unknown> {
  return {
    executionSuccessful: true,
    toolExecutionNotifications: report.result.skipped.map(skippedNotification),
    toolConfigurationNotifications: report.problems.map(problemNotification),
  };
}

function skippedNotification(skipped: SkippedFile): Record<string, unknown> {
  const serious = skipped.reason === 'unreadable' || skipped.reason === 'analysis-failed';
  return {
    descriptor: { id: `skipped/${skipped.reason}` },
    level: serious ? 'warning' : 'note',
    message: { text: `Skipped ${skipped.path}: ${SKIP_LABELS[skipped.reason]}${skipped.detail ? ` (${skipped.detail})` : ''}.` },
    locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(skipped.path), uriBaseId: SRCROOT } } }],
  };
}

function problemNotification(problem: Problem): Record<string, unknown> {
  const inside = !problem.path.startsWith('/') && !/^[A-Za-z]:\//.test(problem.path);
  const artifactLocation = inside ? { uri: relativeUri(problem.path), uriBaseId: SRCROOT } : { uri: pathToFileURL(problem.path).href };
  return {
    descriptor: { id: 'configuration' },
    level: problem.severity === 'error' ? 'error' : 'warning',
    message: { text: problem.message },
    locations: [{ physicalLocation: { artifactLocation, region: { startLine: problem.line, startColumn: problem.column } } }],
  };
}

/** A root-relative '/' path as a relative URI reference: each segment percent-encoded. */
export function relativeUri(relPath: string): string {
  return relPath.split('/').map(encodeURIComponent).join('/');
}

/** The root as a file:// URI with a trailing slash (SARIF: a base URI must end with '/'). */
export function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** "Expired deadline" -> "ExpiredDeadline" (SARIF's reportingDescriptor.name is an identifier-like word). */
function pascalCase(name: string): string {
  return name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}
