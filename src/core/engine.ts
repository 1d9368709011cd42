import type { EngineSettings, PrincipleScope } from './config/model';
import { globMatcher } from './glob';
import { fingerprintFindings } from './fingerprint';
import { lex } from './lexer/index';
import type { LanguageSpec, LexResult } from './lexer/types';
import { RULES, ruleInfo, type RuleInfo } from './rules/catalog';
import { scanCode } from './rules/code/scan';
import { familyOf } from './rules/code/families';
import type { DocumentFacts } from './rules/code/context';
import type { InlineIgnore } from './rules/code/directives';
import { ignoreNameProblems } from './rules/code/ignoreNames';
import { commentGroups, commentText, documentOffset } from './rules/comments/commentText';
import { judgeNote, type NoteContext } from './rules/comments/judge';
import { splitNotes } from './rules/comments/notes';
import { TRIGGER_PREFILTER } from './rules/comments/phrases';
import { excerptOf, type RuleHit } from './rules/hit';
import type { RuleId } from './rules/ids';
import { LineIndex } from './rules/lineIndex';
import { isTestFile } from './testFiles';
import { severityRank, type Finding, type Severity, type TextProblem } from './types';
import type { CommentToken } from './lexer/types';

export { RULES, isTestFile };
export type { RuleInfo };

export interface AnalyzeInput {
  text: string;
  /** Relative to the scan root (or workspace folder), '/' separators. */
  path: string;
  language: LanguageSpec;
  settings: EngineSettings;
  /** Today: a Date (its local calendar day) or 'YYYY-MM-DD'. */
  now: Date | string;
}

/** Every finding in one document, sorted by line and column, fingerprints filled. */
export function analyzeDocument(input: AnalyzeInput): Finding[] {
  return analyzeLexed(input, lex(input.text, input.language));
}

/**
 * analyzeDocument, and the problems in the document's own text (cli.md: problems in the team's
 * files are reported, never fatal), from one lexing.
 */
export function analyzeDocumentWithProblems(input: AnalyzeInput): { findings: Finding[]; problems: TextProblem[] } {
  const lexed = lex(input.text, input.language);
  return { findings: analyzeLexed(input, lexed), problems: documentProblems(input.text, lexed.comments) };
}

/** The problems in a lexed document's text: today, inline ignores that name no rule. */
export function documentProblems(text: string, comments: readonly CommentToken[]): TextProblem[] {
  const found = ignoreNameProblems(text, comments);
  if (found.length === 0) return [];
  const lines = new LineIndex(text);
  return found.map((problem) => {
    const start = lines.position(problem.start);
    const end = lines.position(problem.end);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, message: problem.message, suggestion: problem.suggestion };
  });
}

/** `analyzeDocument` after lexing (tests hand in their own `LexResult`). */
export function analyzeLexed(input: AnalyzeInput, lexed: LexResult): Finding[] {
  return fingerprintFindings(collectFindings(input, lexed));
}

/** The findings of one lexed document (or window of one), sorted, before fingerprints (which count across the file). */
export function collectFindings(input: AnalyzeInput, lexed: LexResult, whole?: DocumentFacts): Array<Omit<Finding, 'fingerprint'>> {
  const { text, settings } = input;
  const path = input.path.replace(/\\/g, '/');
  const lines = new LineIndex(text);
  const severityOf = (rule: RuleId): Severity | 'off' => settings.severities[rule] ?? ruleInfo(rule).defaultSeverity;
  const enabled = (rule: RuleId): boolean => severityOf(rule) !== 'off';

  const hits = commentHits(text, lexed, {
    today: isoDay(input.now),
    deadlineWarningDays: settings.deadlineWarningDays,
    sprintLengthDays: settings.sprintLengthDays,
    ticketPatterns: settings.ticketPatterns,
    phrases: settings.phrases,
    enabled,
  });
  const code = scanCode({
    text,
    code: lexed.code.length === text.length ? lexed.code : text,
    lines,
    comments: lexed.comments,
    family: familyOf(input.language),
    isTestFile: isTestFile(path, settings.testFiles),
    whole,
  });
  hits.push(...code.hits);

  const findings: Array<Omit<Finding, 'fingerprint'>> = [];
  const taken = new Set<string>();
  const principleOf = principleResolver(settings.principles, path);
  for (const hit of hits) {
    const severity = severityOf(hit.ruleId);
    if (severity === 'off') continue;
    const line0 = lines.lineOf(hit.start);
    if (ignored(code.ignores, hit, line0)) continue;
    // One finding per rule and line for code rules (`chmod 0777` is one shortcut, not two).
    const key = ruleInfo(hit.ruleId).kind === 'code' ? `${hit.ruleId}:${line0}` : `${hit.ruleId}:${hit.start}`;
    if (taken.has(key)) continue;
    taken.add(key);
    findings.push(toFinding(hit, severity, path, lines, principleOf(hit.ruleId)));
  }
  findings.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  return findings;
}

function ignored(ignores: readonly InlineIgnore[], hit: RuleHit, line0: number): boolean {
  return ignores.some(
    (ignore) => ignore.at !== hit.start && line0 >= ignore.fromLine && line0 <= ignore.toLine && ignore.rules.includes(hit.ruleId),
  );
}

function commentHits(text: string, lexed: LexResult, ctx: NoteContext): RuleHit[] {
  const hits: RuleHit[] = [];
  const userPhrases = Object.values(ctx.phrases).some((list) => list !== undefined && list.length > 0);
  const comments = lexed.comments;
  for (const [from, to] of commentGroups(text, comments)) {
    if (!userPhrases && !anyTrigger(text, comments, from, to)) continue;
    const comment = commentText(text, comments, from, to);
    for (const note of splitNotes(comment)) {
      const noteText = comment.text.slice(note.start, note.end);
      const tag = note.tag ? { ...note.tag, start: note.tag.start - note.start, end: note.tag.end - note.start } : null;
      const verdict = judgeNote(noteText, tag, ctx);
      if (verdict === null) continue;
      const start = documentOffset(comment, note.start + verdict.start);
      const end = documentOffset(comment, note.start + Math.max(verdict.end, verdict.start + 1));
      hits.push({
        ruleId: verdict.ruleId,
        start,
        end,
        message: verdict.message,
        excerpt: excerptOf(noteText),
        tag: verdict.tag,
        ticket: verdict.ticket,
        deadline: verdict.deadline,
        escalate: verdict.escalate,
      });
    }
  }
  return hits;
}

/** The prefilter on the raw comment contents, before any text is cleaned or copied. */
function anyTrigger(text: string, comments: LexResult['comments'], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (TRIGGER_PREFILTER.test(text.slice(comments[i].contentStart, comments[i].contentEnd))) return true;
  }
  return false;
}

function toFinding(
  hit: RuleHit,
  configured: Severity,
  path: string,
  lines: LineIndex,
  principle: string | null,
): Omit<Finding, 'fingerprint'> {
  const severity = hit.escalate && severityRank(configured) > severityRank('warning') ? 'warning' : configured;
  const start = lines.position(hit.start);
  const endOffset = Math.max(hit.end, hit.start + 1);
  // A range never runs past its own line: editors underline the trigger, not the paragraph.
  const lineEnd = lines.lineEnd(start.line - 1);
  const end = lines.position(Math.min(endOffset, Math.max(lineEnd, hit.start + 1)));
  return {
    ruleId: hit.ruleId,
    severity,
    path,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    message: hit.message,
    excerpt: hit.excerpt,
    tag: hit.tag ?? null,
    ticket: hit.ticket ?? null,
    deadline: hit.deadline ?? null,
    principle,
  };
}

/** Compiled `appliesTo` of each settings' principles, made once per settings (per thread). */
const compiledScopes = new WeakMap<readonly PrincipleScope[], Array<{ scope: PrincipleScope; applies: (path: string) => boolean }>>();

/**
 * Which principle speaks for each rule in `path`: the first scope (strongest first) that lists the
 * rule and applies to the path. Globs are matched only when a finding asks, once per rule.
 */
function principleResolver(scopes: readonly PrincipleScope[], path: string): (ruleId: RuleId) => string | null {
  let compiled = compiledScopes.get(scopes);
  if (!compiled) {
    compiled = scopes.map((scope) => ({ scope, applies: globMatcher(scope.appliesTo) }));
    compiledScopes.set(scopes, compiled);
  }
  const known = new Map<RuleId, string | null>();
  return (ruleId) => {
    const cached = known.get(ruleId);
    if (cached !== undefined) return cached;
    const id = compiled.find(({ scope, applies }) => scope.rules.includes(ruleId) && applies(path))?.scope.id ?? null;
    known.set(ruleId, id);
    return id;
  };
}

/** 'YYYY-MM-DD' for "today"; an unusable value falls back to the real date rather than failing. */
export function isoDay(now: Date | string): string {
  if (typeof now === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(now) && !Number.isNaN(Date.parse(`${now}T00:00:00Z`))) return now;
    return isoDay(new Date());
  }
  const date = Number.isNaN(now.getTime()) ? new Date() : now;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
