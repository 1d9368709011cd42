import { posix } from 'node:path';
import type { AuthorSummary, ChangedFile, CommitInfo } from '../../git/index';
import type { AdrReference } from './adrs';
import type { ChecklistItemState, ChecklistStateLookup, ReviewChecklist, ReviewFinding, ReviewPrinciple } from './inputs';

// Builders for the pre-rendered Markdown blocks the template variables hold.

/** A code span that survives backticks in the text. */
export function code(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\n/g, ' ')}${pad}${fence}`;
}

/** Link text cannot hold unescaped brackets; destinations are percent-encoded per segment. */
export function link(text: string, target: string): string {
  const safeText = text.replace(/([\\[\]])/g, '\\$1').replace(/\n/g, ' ');
  return `[${safeText}](${target})`;
}

/** The link from `fromDir` (relative to the repository root) to a file's line. */
export function lineLink(fromDir: string, path: string, line: number): string {
  const rel = posix.relative(fromDir === '' ? '.' : fromDir, path) || path;
  const encoded = rel.split('/').map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment))).join('/');
  return `${encoded}#L${line}`;
}

export function notAvailable(reason: string): string {
  return `_(not available: ${reason})_`;
}

function counts(file: ChangedFile): string {
  if (file.binary) return 'binary';
  return `+${file.added} −${file.removed}`;
}

export function fileLine(file: ChangedFile): string {
  const name = file.oldPath !== undefined && file.status === 'renamed'
    ? `${code(file.oldPath)} → ${code(file.path)}`
    : file.oldPath !== undefined && file.status === 'copied'
      ? `${code(file.path)} (copied from ${code(file.oldPath)})`
      : code(file.path);
  const untracked = file.untracked ? ', untracked' : '';
  const mode = file.modeChange;
  // chmod +x alone: "modified, +0 −0" would say nothing of what changed.
  if (mode?.contentUnchanged && file.status === 'modified') return `- ${name} — mode changed ${mode.from} → ${mode.to}`;
  const modeNote = mode ? `, mode changed ${mode.from} → ${mode.to}` : '';
  return `- ${name} — ${file.status}${untracked}, ${counts(file)}${modeNote}`;
}

function moreLine(count: number): string {
  return `- … and ${count} more file${count === 1 ? '' : 's'}`;
}

/** The flat list, capped at `maxFiles` with an explicit "… and N more files" line. */
export function changedFilesBlock(files: readonly ChangedFile[], maxFiles: number): string {
  if (files.length === 0) return '_(no changes)_';
  const shown = files.slice(0, maxFiles).map(fileLine);
  if (files.length > maxFiles) shown.push(moreLine(files.length - maxFiles));
  return shown.join('\n');
}

function sum(files: readonly ChangedFile[], key: 'added' | 'removed'): number {
  return files.reduce((total, f) => total + f[key], 0);
}

/** Files grouped by area; the cap applies to the whole block, area totals stay exact. */
export function filesByAreaBlock(groups: ReadonlyMap<string, readonly ChangedFile[]>, maxFiles: number): string {
  if (groups.size === 0) return '_(no changes)_';
  const out: string[] = [];
  let budget = maxFiles;
  let hidden = 0;
  for (const [area, files] of groups) {
    const label = area === '(root)' ? 'repository root' : `${area}/`;
    out.push(`**${label}** — ${files.length} file${files.length === 1 ? '' : 's'}, +${sum(files, 'added')} −${sum(files, 'removed')}`);
    const shown = files.slice(0, Math.max(0, budget));
    budget -= shown.length;
    out.push(...shown.map(fileLine));
    hidden += files.length - shown.length;
    out.push('');
  }
  if (hidden > 0) out.push(moreLine(hidden), '');
  return out.join('\n').trimEnd();
}

export function statsLine(files: readonly ChangedFile[], commits: number, authorCount: number): string {
  const byStatus = new Map<string, number>();
  for (const f of files) byStatus.set(f.status, (byStatus.get(f.status) ?? 0) + 1);
  const parts = [...byStatus].map(([status, n]) => `${n} ${status}`);
  const binary = files.filter((f) => f.binary).length;
  if (binary > 0) parts.push(`${binary} binary`);
  const detail = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  return `${files.length} file${files.length === 1 ? '' : 's'} changed${detail}, +${sum(files, 'added')} −${sum(files, 'removed')} lines, ` +
    `${commits} commit${commits === 1 ? '' : 's'} by ${authorCount} author${authorCount === 1 ? '' : 's'}`;
}

export function commitsBlock(commits: readonly CommitInfo[]): string {
  if (commits.length === 0) return '_(no commits)_';
  return commits.map((c) => `- ${code(c.shortSha)} ${c.subject} — ${c.author}, ${c.date.toISOString().slice(0, 10)}`).join('\n');
}

export function authorsBlock(authors: readonly AuthorSummary[]): string {
  if (authors.length === 0) return '_(no commits)_';
  return authors.map((a) => `${a.name} (${a.commits} commit${a.commits === 1 ? '' : 's'})`).join(', ');
}

export interface FileFindings {
  path: string;
  findings: readonly ReviewFinding[];
}

/** Longer excerpts are cut: the link leads to the whole line, the review only has to recognise it. */
const MAX_EXCERPT = 100;
/** From this many findings on, the list starts with a count per severity. */
const SUMMARY_FROM = 5;
/**
 * The most findings listed, most severe first: a branch that adds thousands of files once made a
 * 1.7 MB review of 9,000 lines nobody reads. The count says how many more there are.
 */
export const MAX_LISTED_FINDINGS = 200;
const SEVERITY_ORDER = ['error', 'warning', 'information', 'hint'];

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function shortExcerpt(text: string): string {
  const line = oneLine(text);
  return line.length > MAX_EXCERPT ? `${line.slice(0, MAX_EXCERPT - 1).trimEnd()}…` : line;
}

export function newFindingsBlock(perFile: readonly FileFindings[], linkFrom: string, max = MAX_LISTED_FINDINGS): string {
  const all: Array<{ path: string; finding: ReviewFinding; order: number }> = [];
  const bySeverity = new Map<string, number>();
  for (const { path, findings } of perFile) {
    for (const f of findings) {
      bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + 1);
      all.push({ path, finding: f, order: all.length });
    }
  }
  if (all.length === 0) return '_(none: no finding on an added line)_';
  // Past the limit the most severe are kept, each in its file and line order as before.
  const shown = all.length <= max ? all : [...all].sort((a, b) => rank(a.finding.severity) - rank(b.finding.severity) || a.order - b.order).slice(0, max).sort((a, b) => a.order - b.order);
  const lines = shown.map(({ path, finding: f }) => {
    const excerpt = f.excerpt ? ` — ${code(shortExcerpt(f.excerpt))}` : '';
    return `- [ ] ${link(`${path}:${f.line}`, lineLink(linkFrom, path, f.line))} **${f.ruleId}** (${f.severity}): ${oneLine(f.message)}${excerpt}`;
  });
  if (all.length < SUMMARY_FROM) return lines.join('\n');
  const counts = [...bySeverity]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([severity, n]) => `${n} ${severity}`)
    .join(', ');
  const files = perFile.filter((f) => f.findings.length > 0).length;
  const more = all.length - shown.length;
  const tail = more > 0 ? ['', `_…and ${more} more not listed (the list keeps the ${max} most severe): \`qa-lens scan --since\` with the base branch lists them all._`] : [];
  return [`${all.length} findings in ${files} file${files === 1 ? '' : 's'} (${counts}):`, '', ...lines, ...tail].join('\n');
}

function rank(severity: string): number {
  const index = SEVERITY_ORDER.indexOf(severity);
  return index < 0 ? SEVERITY_ORDER.length : index;
}

export function fileList(paths: readonly string[], max = 3): string {
  const shown = paths.slice(0, max).map(code).join(', ');
  return paths.length > max ? `${shown} and ${paths.length - max} more` : shown;
}

export interface AppliedPrinciple {
  principle: ReviewPrinciple;
  /** Changed files it applies to; empty when only the template names it. */
  files: readonly string[];
  /**
   * Why this change engages it, beyond "it applies to all code": its `appliesTo` narrows to some
   * changed files, a rule it speaks for fired on an added line, a checklist it asks for applies,
   * or the template names it. Empty for a principle that applies everywhere and nothing more.
   */
  reasons: readonly string[];
}

const LEVEL_ORDER: Readonly<Record<string, number>> = { must: 0, should: 1, consider: 2 };

function question(principle: ReviewPrinciple): string | undefined {
  const text = principle.howToCheck?.replace(/\s*\n\s*/g, ' ').trim();
  return text ? text : undefined;
}

/**
 * The principles a reviewer should answer for this change, in full (why it applies here, the How to
 * check question, an Answer line), then the principles that apply to all code as a compact list of
 * their questions: with a constitution whose principles mostly apply everywhere, thirteen identical
 * "applies to every changed file" sections would bury the few that this change really engages.
 */
export function principlesBlock(applied: readonly AppliedPrinciple[]): string {
  if (applied.length === 0) return '_(no principle applies to the changed files)_';
  const engaged = applied
    .filter((a) => a.reasons.length > 0)
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (LEVEL_ORDER[x.a.principle.level ?? ''] ?? 3) - (LEVEL_ORDER[y.a.principle.level ?? ''] ?? 3) || x.i - y.i)
    .map(({ a }) => a);
  const everywhere = applied.filter((a) => a.reasons.length === 0);
  const out: string[] = [];
  for (const { principle, reasons } of engaged) {
    const level = principle.level ? ` _(${principle.level})_` : '';
    const ask = question(principle);
    out.push(
      `### ${principle.id} ${principle.title}${level}`, '',
      `Why here: ${reasons.join('; ')}.`, '',
      ask ? `**How to check:** ${ask}` : '**How to check:** _(the constitution gives no "How to check" for this principle)_', '',
      '**Answer:** ', '',
    );
  }
  if (everywhere.length > 0) {
    out.push(engaged.length > 0 ? '### Also ask of every change' : '### Ask of every change', '');
    for (const { principle } of everywhere) {
      const ask = question(principle);
      const level = principle.level ? ` _(${principle.level})_` : '';
      out.push(`- **${principle.id}** ${principle.title}${level}${ask ? `: ${ask}` : ''}`);
    }
  }
  return out.join('\n').trimEnd();
}

export interface AppliedChecklist {
  checklist: ReviewChecklist;
  files: readonly string[];
}

function isDone(state: ChecklistItemState | undefined): boolean {
  return state?.status === 'addressed' || state?.status === 'not-applicable';
}

function describeState(state: ChecklistItemState): string {
  const reason = state.reason?.trim() ? `: ${state.reason.trim()}` : '';
  if (state.status === 'deviates') return `**deviates**${reason}`;
  if (state.status === 'not-applicable') return `not applicable${reason}`;
  return state.status;
}

/**
 * Checklists as task lists. With recorded progress (per file, from the editor) an item is ticked
 * when every changed file the checklist applies to has it addressed or not applicable, and each
 * recorded state is shown with its file and reason, so a deviation is visible in the review.
 */
export function checklistsBlock(applied: readonly AppliedChecklist[], lookup: ChecklistStateLookup | undefined): string {
  if (applied.length === 0) return '_(no checklist applies to the changed files)_';
  const out: string[] = [];
  for (const { checklist, files } of applied) {
    const targets = files.length > 0 ? files : [''];
    const rows = checklist.items.map((item) => {
      const states = targets.map((file) => ({ file, state: lookup?.(file, checklist.id, item.id) }));
      const recorded = states.filter((s): s is { file: string; state: ChecklistItemState } => s.state !== undefined && s.state.status !== 'open');
      return { item, recorded, done: states.every((s) => isDone(s.state)) };
    });
    const anyRecorded = rows.some((r) => r.recorded.length > 0);
    const done = rows.filter((r) => r.done).length;
    const scope = files.length > 0 ? ` — applies to ${fileList(files)}` : ' — named by this template';
    const tally = anyRecorded ? `, ${done}/${checklist.items.length} done` : '';
    out.push(`### ${checklist.title} (${code(checklist.id)}${tally})${scope}`, '');
    for (const { item, recorded, done: itemDone } of rows) {
      // The tick already says "addressed everywhere": spell out only what it does not.
      const worthSaying = itemDone ? recorded.filter((r) => r.state.status !== 'addressed') : recorded;
      let suffix = '';
      if (worthSaying.length > 0 && targets.length === 1) suffix = ` — ${describeState(recorded[0].state)}`;
      else if (worthSaying.length > 0) suffix = ` — ${recorded.map((r) => `${describeState(r.state)} in ${code(r.file)}`).join('; ')}`;
      out.push(`- [${itemDone ? 'x' : ' '}] ${item.id} ${item.text}${suffix}`);
      if (item.how?.trim()) out.push(`  - how: ${item.how.trim()}`);
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}

export function adrsBlock(adrs: readonly AdrReference[], linkFrom: string): string {
  if (adrs.length === 0) return '_(no ADR is touched by or related to this change)_';
  return adrs
    .map((a) => {
      const why = a.reason === 'touched' ? `${a.detail} by this change` : `related: shares "${a.detail}" with the change`;
      return `- ${link(a.path, lineLink(linkFrom, a.path, 1).replace(/#L1$/, ''))} — ${why}`;
    })
    .join('\n');
}

export function notesBlock(notes: readonly string[]): string {
  return notes.map((n) => `> **Note:** ${n}`).join('\n>\n');
}
