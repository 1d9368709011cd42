import type { EngineSettings } from './config/model';
import { collectFindings, documentProblems, isoDay } from './engine';
import { fingerprintFindings } from './fingerprint';
import { ticketReferences } from './inline/ticketRefs';
import { lex } from './lexer/index';
import { CHECKPOINT_SPACING, countLineFeeds, lexTracked, relex, type TextChange, type TrackedLex } from './lexer/incremental';
import { buildCode } from './lexer/mask';
import { partitionPoint } from './partitionPoint';
import { documentFacts, type DocumentFacts } from './rules/code/context';
import type { CommentToken, LanguageSpec } from './lexer/types';
import type { Finding, TextProblem } from './types';

export type { TextChange };

/** What stays the same for every version of one open document. */
export interface SessionInput {
  /** Relative to the workspace folder, '/' separators. */
  path: string;
  language: LanguageSpec;
  settings: EngineSettings;
}

type Unfingerprinted = Omit<Finding, 'fingerprint'>;

/**
 * One open document analysed version after version, as the editor needs it: `analyze` once, then
 * `update` after each edit, which re-lexes only around the edit (lexer/incremental.ts) and runs
 * the rules only on the window of lines between the nearest rule-safe line starts around it. The
 * findings are always exactly those `analyzeDocument` gives for the same text (a property test in
 * test/unit/engine/session.test.ts compares them over random edits of real files).
 */
export class DocumentSession {
  private tracked: TrackedLex | undefined;
  /** The comments of the text last analysed (lexed whole or incrementally). */
  private comments: readonly CommentToken[] = [];
  private text = '';
  private day = '';
  private findings: Unfingerprinted[] = [];
  private readonly fingerprints = new Map<string, string>();

  constructor(
    private readonly input: SessionInput,
    /** Characters between lexer checkpoints: tests make it small to put many edits near one. */
    private readonly spacing = CHECKPOINT_SPACING,
  ) {}

  /** The text last analysed. */
  get currentText(): string {
    return this.text;
  }

  /** The ticket references in the comments of the text last analysed (ticket links). */
  ticketReferences(userPatterns: readonly RegExp[]): Array<{ text: string; start: number }> {
    return ticketReferences(this.text, this.comments, userPatterns);
  }

  /**
   * The problems in the text last analysed (an inline ignore naming no rule): one search of the
   * whole text for the directive, so it costs little after each edit.
   */
  problems(): TextProblem[] {
    return documentProblems(this.text, this.comments);
  }

  /** Every finding of `text`, analysed whole. */
  analyze(text: string, now: Date | string): Finding[] {
    this.day = isoDay(now);
    this.text = text;
    this.tracked = lexTracked(text, this.input.language, this.spacing);
    const lexed = this.tracked ? { comments: this.tracked.comments, code: buildCode(text, this.tracked.masks) } : lex(text, this.input.language);
    this.comments = lexed.comments;
    this.findings = collectFindings(this.documentInput(text), lexed);
    return this.result();
  }

  /**
   * Every finding of `text`, which is the previously analysed text with `change` applied. Falls
   * back to a whole analysis when the change does not fit that text, the day changed (deadline
   * messages count days), or the language is markup.
   */
  update(text: string, change: TextChange, now: Date | string): Finding[] {
    const previous = this.tracked;
    if (previous === undefined || isoDay(now) !== this.day || !fits(this.text, text, change)) return this.analyze(text, now);
    const { lex: next, from, fromLine, to } = relex(previous, text, change, this.input.language, this.spacing);
    const lineDelta = countLineFeeds(text, change.start, change.newEnd) - countLineFeeds(this.text, change.start, change.oldEnd);
    const window = ruleWindow(next, from, fromLine, Math.max(to, change.newEnd + 1));
    const windowFindings = this.analyseWindow(next, window);
    const oldReportEnd = window.reportEndLine - lineDelta; // in the previous text's lines
    const merged: Unfingerprinted[] = [];
    for (const f of this.findings) if (f.line - 1 < window.reportStartLine) merged.push(f);
    for (const f of windowFindings) merged.push(f);
    for (const f of this.findings) {
      if (f.line - 1 >= oldReportEnd) merged.push(lineDelta === 0 ? f : { ...f, line: f.line + lineDelta, endLine: f.endLine + lineDelta });
    }
    this.tracked = next;
    this.comments = next.comments;
    this.text = text;
    this.findings = merged;
    return this.result();
  }

  /** The findings on the window's report lines, from the rules run over its whole context. */
  private analyseWindow(tracked: TrackedLex, window: RuleWindow): Unfingerprinted[] {
    const { start, end } = window;
    const text = tracked.text.slice(start, end);
    const comments: CommentToken[] = [];
    for (let i = partitionPoint(tracked.comments.length, (k) => tracked.comments[k].start < start); i < tracked.comments.length && tracked.comments[i].start < end; i++) {
      const c = tracked.comments[i];
      comments.push({ kind: c.kind, start: c.start - start, end: c.end - start, contentStart: c.contentStart - start, contentEnd: c.contentEnd - start });
    }
    const masks: number[] = [];
    const m = tracked.masks;
    for (let i = 0; i < m.length; i += 2) {
      if (m[i + 1] <= start) continue;
      if (m[i] >= end) break;
      masks.push(Math.max(m[i], start) - start, Math.min(m[i + 1], end) - start);
    }
    // A whole-file question costs a search of the whole text: asked only when a rule needs it.
    let facts: DocumentFacts | undefined;
    const whole: DocumentFacts = {
      get mentionsJUnit() {
        return (facts ??= documentFacts(tracked.text)).mentionsJUnit;
      },
    };
    const found = collectFindings(this.documentInput(text), { comments, code: buildCode(text, masks) }, whole);
    const out: Unfingerprinted[] = [];
    for (const f of found) {
      const line0 = f.line - 1 + window.startLine;
      if (line0 < window.reportStartLine || line0 >= window.reportEndLine) continue;
      out.push(window.startLine === 0 ? f : { ...f, line: f.line + window.startLine, endLine: f.endLine + window.startLine });
    }
    return out;
  }

  private documentInput(text: string): Parameters<typeof collectFindings>[0] {
    return { text, path: this.input.path, language: this.input.language, settings: this.input.settings, now: this.day };
  }

  /** Fingerprints count occurrences across the whole file, so they are recomputed on each result. */
  private result(): Finding[] {
    return fingerprintFindings(this.findings.map((f) => ({ ...f })), this.fingerprints);
  }
}

/**
 * How far any rule reads beyond the line it reports on, and then some: the next non-blank line,
 * 400 characters after a skipped test, 4,000 after a Python `except` (rules/code/*.ts). Rules that
 * look at the whole file get `documentFacts` instead.
 */
const REACH_CHARS = 4096;
const REACH_LINES = 16;

/**
 * What the rules see again after an edit. Report lines: every line whose findings the edit may
 * have changed (the re-lexed lines and a reach on each side). Context [start, end): the report
 * lines and a reach on each side again, so each reported finding is judged on all it reads.
 */
interface RuleWindow {
  start: number;
  end: number;
  /** 0-based line of `start`. */
  startLine: number;
  /** 0-based report lines [reportStartLine, reportEndLine) in the new text. */
  reportStartLine: number;
  reportEndLine: number;
}

function ruleWindow(tracked: TrackedLex, from: number, fromLine: number, to: number): RuleWindow {
  const text = tracked.text;
  const reportStart = stepBack(text, from);
  const reportStartLine = fromLine - reportStart.lines;
  const reportEnd = stepForward(text, to);
  const reportEndLine = reportEnd === text.length ? Number.MAX_SAFE_INTEGER : fromLine + countLineFeeds(text, from, reportEnd);
  let start = stepBack(text, reportStart.at);
  let startLine = reportStartLine - start.lines;
  let end = stepForward(text, reportEnd);
  // A comment across the context's edge is taken whole: its notes are judged as one text.
  const comments = tracked.comments;
  const first = comments[partitionPoint(comments.length, (k) => comments[k].end <= start.at)];
  if (first !== undefined && first.start < start.at) {
    const at = text.lastIndexOf('\n', first.start - 1) + 1;
    startLine -= countLineFeeds(text, at, start.at);
    start = { at, lines: 0 };
  }
  const last = comments[partitionPoint(comments.length, (k) => comments[k].start < end) - 1];
  if (last !== undefined && last.end > end) end = stepForward(text, last.end, 0, 0);
  return { start: start.at, end, startLine, reportStartLine, reportEndLine };
}

/** The line start `lines` lines and `chars` characters (whichever is farther) before the line start `at`. */
function stepBack(text: string, at: number, lines = REACH_LINES, chars = REACH_CHARS): { at: number; lines: number } {
  let k = at;
  let stepped = 0;
  while (k > 0 && (stepped < lines || at - k < chars)) {
    k = k >= 2 ? text.lastIndexOf('\n', k - 2) + 1 : 0;
    stepped++;
  }
  return { at: k, lines: stepped };
}

/** The line start `lines` lines and `chars` characters (whichever is farther) after `at` (the text's end at most). */
function stepForward(text: string, at: number, lines = REACH_LINES, chars = REACH_CHARS): number {
  const lineStart = (k: number): number => {
    const lf = text.indexOf('\n', k);
    return lf === -1 ? text.length : lf + 1;
  };
  let k = at > 0 && text.charCodeAt(at - 1) !== 10 ? lineStart(at) : at;
  let stepped = 0;
  while (k < text.length && (stepped < lines || k - at < chars)) {
    k = lineStart(k);
    stepped++;
  }
  return Math.min(k, text.length);
}

/** The change describes how `before` became `after` (lengths agree, ranges inside both texts). */
function fits(before: string, after: string, change: TextChange): boolean {
  const { start, oldEnd, newEnd } = change;
  return (
    Number.isInteger(start) && Number.isInteger(oldEnd) && Number.isInteger(newEnd) &&
    start >= 0 && start <= oldEnd && oldEnd <= before.length && start <= newEnd && newEnd <= after.length &&
    after.length - before.length === newEnd - oldEnd
  );
}
