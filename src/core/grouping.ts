import { ruleInfo } from './rules/catalog';
import { RULE_IDS, type RuleId } from './rules/ids';
import { SEVERITIES, severityRank, type Finding, type Severity } from './types';

/**
 * How the Shortcuts view groups the workspace's findings, and how it narrows them. Pure, so the
 * grouping and filtering are tested under plain Node; the editor only turns groups into tree items.
 */

export const GROUP_MODES = ['rule', 'file', 'age'] as const;
export type GroupMode = (typeof GROUP_MODES)[number];

export function isGroupMode(value: unknown): value is GroupMode {
  return typeof value === 'string' && (GROUP_MODES as readonly string[]).includes(value);
}

/** When a finding's line was written, as git blame says. */
export type Age = { kind: 'dated'; date: Date } | { kind: 'uncommitted' } | { kind: 'unknown' };

export interface AgeBucket {
  /** Stable key, also the sort order (lower first). */
  key: string;
  label: string;
  order: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Buckets in sprint terms first (the team plans in sprints, and "deferred to next sprint" is the
 * shortcut QA Lens exists for), then in calendar terms for older work. Newest first.
 */
export function ageBucket(age: Age, now: Date, sprintLengthDays: number): AgeBucket {
  if (age.kind === 'uncommitted') return { key: '0-uncommitted', label: 'Not committed yet', order: 0 };
  if (age.kind === 'unknown') return { key: '9-unknown', label: 'Age unknown (no git history)', order: 9 };
  const sprint = Math.max(1, sprintLengthDays);
  const days = Math.max(0, (now.getTime() - age.date.getTime()) / DAY_MS);
  if (days <= sprint) return { key: '1-sprint', label: `This sprint (last ${sprint} days)`, order: 1 };
  if (days <= 2 * sprint) return { key: '2-last-sprint', label: 'Last sprint', order: 2 };
  if (days <= 90) return { key: '3-quarter', label: 'Up to 3 months ago', order: 3 };
  if (days <= 365) return { key: '4-year', label: '3 to 12 months ago', order: 4 };
  return { key: '5-older', label: 'Over a year ago', order: 5 };
}

export interface FindingGroup<T> {
  /** Stable within a mode (rule id, path, age bucket key): tree items keep their expansion state. */
  key: string;
  label: string;
  items: T[];
  /** The most severe finding in the group. */
  severity: Severity;
}

export interface GroupOptions<T> {
  /** The finding an item carries. */
  finding(item: T): Finding;
  /** The path shown for an item (multi-root workspaces prefix the folder name). */
  path(item: T): string;
  /** Needed for 'age'; items without it go to "Age unknown". */
  age?(item: T): Age;
  now?: Date;
  sprintLengthDays?: number;
}

/**
 * Groups items by rule (most severe rule first, then by count), by file (path order) or by age
 * (newest first). Items inside a group are in path, line, column order.
 */
export function groupFindings<T>(items: readonly T[], mode: GroupMode, options: GroupOptions<T>): FindingGroup<T>[] {
  const groups = new Map<string, FindingGroup<T> & { order: number }>();
  const now = options.now ?? new Date();
  for (const item of items) {
    const finding = options.finding(item);
    let key: string;
    let label: string;
    let order = 0;
    if (mode === 'rule') {
      key = finding.ruleId;
      label = ruleInfo(finding.ruleId).name;
    } else if (mode === 'file') {
      key = options.path(item);
      label = key;
    } else {
      const bucket = ageBucket(options.age?.(item) ?? { kind: 'unknown' }, now, options.sprintLengthDays ?? 14);
      key = bucket.key;
      label = bucket.label;
      order = bucket.order;
    }
    let group = groups.get(key);
    if (!group) {
      group = { key, label, items: [], severity: finding.severity, order };
      groups.set(key, group);
    }
    group.items.push(item);
    if (severityRank(finding.severity) < severityRank(group.severity)) group.severity = finding.severity;
  }
  const byPosition = (a: T, b: T): number => {
    const pa = options.path(a);
    const pb = options.path(b);
    const fa = options.finding(a);
    const fb = options.finding(b);
    return (pa < pb ? -1 : pa > pb ? 1 : 0) || fa.line - fb.line || fa.column - fb.column;
  };
  const result = [...groups.values()];
  for (const group of result) group.items.sort(byPosition);
  result.sort((a, b) => {
    if (mode === 'rule') {
      return severityRank(a.severity) - severityRank(b.severity) || b.items.length - a.items.length || RULE_IDS.indexOf(a.key as RuleId) - RULE_IDS.indexOf(b.key as RuleId);
    }
    if (mode === 'age') return a.order - b.order;
    return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  });
  return result.map(({ key, label, items: groupItems, severity }) => ({ key, label, items: groupItems, severity }));
}

/** What the Shortcuts view shows; empty arrays mean "all". */
export interface FindingFilter {
  severities: Severity[];
  rules: RuleId[];
  /** Only findings on lines added since the base branch (committed, staged or not yet). */
  onlyChanged: boolean;
}

export const NO_FILTER: FindingFilter = { severities: [], rules: [], onlyChanged: false };

export function isFiltering(filter: FindingFilter): boolean {
  return filter.severities.length > 0 || filter.rules.length > 0 || filter.onlyChanged;
}

/** A stored filter that may be stale or hand-edited: unknown values are dropped. */
export function readFilter(value: unknown): FindingFilter {
  if (value === null || typeof value !== 'object') return { ...NO_FILTER };
  const raw = value as Record<string, unknown>;
  const list = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return {
    severities: list(raw.severities).filter((s): s is Severity => (SEVERITIES as readonly string[]).includes(s)),
    rules: list(raw.rules).filter((r): r is RuleId => (RULE_IDS as readonly string[]).includes(r)),
    onlyChanged: raw.onlyChanged === true,
  };
}

/**
 * The items the filter lets through. `changed` says whether an item's line was added since the
 * base branch; without it (no git, no base branch) "only my changes" lets nothing through rather
 * than silently showing everything.
 */
export function filterFindings<T>(items: readonly T[], filter: FindingFilter, finding: (item: T) => Finding, changed?: (item: T) => boolean): T[] {
  return items.filter((item) => {
    const f = finding(item);
    if (filter.severities.length > 0 && !filter.severities.includes(f.severity)) return false;
    if (filter.rules.length > 0 && !filter.rules.includes(f.ruleId)) return false;
    if (filter.onlyChanged && !(changed?.(item) ?? false)) return false;
    return true;
  });
}

/** "2 errors, 5 warnings": the counts a summary line or tooltip shows, most severe first. */
export function describeCounts(findings: readonly Finding[]): string {
  const counts = new Map<Severity, number>();
  for (const f of findings) counts.set(f.severity, (counts.get(f.severity) ?? 0) + 1);
  const names: Record<Severity, [string, string]> = {
    error: ['error', 'errors'],
    warning: ['warning', 'warnings'],
    information: ['info', 'infos'],
    hint: ['hint', 'hints'],
  };
  const parts = SEVERITIES.filter((s) => counts.has(s)).map((s) => {
    const n = counts.get(s) ?? 0;
    return `${n} ${names[s][n === 1 ? 0 : 1]}`;
  });
  return parts.length > 0 ? parts.join(', ') : 'no findings';
}
