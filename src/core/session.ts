import type { EngineSettings } from './config/model';
import { collectFindings, isoDay } from './engine';
import { fingerprintFindings } from './fingerprint';
import { lex } from './lexer/index';
import { CHECKPOINT_SPACING, lexTracked, relex, type TextChange, type TrackedLex } from './lexer/incremental';
import { buildCode } from './lexer/mask';
import { partitionPoint } from './partitionPoint';
import type { CommentToken, LanguageSpec } from './lexer/types';
import type { Finding } from './types';

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
  private text = '';
  private day = '';
  private findings: Unfingerprinted[] = [];
  private readonly fingerprints = new Map<string, string>();

  constructor(
    private readonly input: SessionInput,
    /** Characters between lexer checkpoints: tests make it small to put many edits near one. */
    private readonly spacing = CHECKPOINT_SPACING,
  ) {}

  /** Every finding of `text`, analysed whole. */
  analyze(text: string, now: Date | string): Finding[] {
    this.day = isoDay(now);
    this.text = text;
    this.tracked = lexTracked(text, this.input.language, this.spacing);
    const lexed = this.tracked ? { comments: this.tracked.comments, code: buildCode(text, this.tracked.masks) } : lex(text, this.input.language);
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
    const { lex: next, from, to } = relex(previous, text, change, this.input.language, this.spacing);
    const lineDelta = countLineFeeds(text, change.start, change.newEnd) - countLineFeeds(this.text, change.start, change.oldEnd);
    const window = ruleWindow(next, from, Math.max(to, change.newEnd + 1));
    const windowFindings = this.analyseWindow(next, window);
    const oldEndLine = window.endLine - lineDelta; // the window's end in the previous text's lines
    const merged: Unfingerprinted[] = [];
    for (const f of this.findings) if (f.line - 1 < window.startLine) merged.push(f);
    for (const f of windowFindings) merged.push(f);
    for (const f of this.findings) {
      if (f.line - 1 >= oldEndLine) merged.push(lineDelta === 0 ? f : { ...f, line: f.line + lineDelta, endLine: f.endLine + lineDelta });
    }
    this.tracked = next;
    this.text = text;
    this.findings = merged;
    return this.result();
  }

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
    const found = collectFindings(this.documentInput(text), { comments, code: buildCode(text, masks) });
    if (window.startLine === 0) return found;
    return found.map((f) => ({ ...f, line: f.line + window.startLine, endLine: f.endLine + window.startLine }));
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
 * The lines the rules see again: from the last rule-safe line start at or before `from` to the
 * first at or after `to`. The caller makes `to` lie past the edit, so the line before the window's
 * end is unchanged text and its end is a line start in the previous text too.
 */
interface RuleWindow {
  start: number;
  end: number;
  /** 0-based lines of `start` and `end` in the new text. */
  startLine: number;
  endLine: number;
}

function ruleWindow(tracked: TrackedLex, from: number, to: number): RuleWindow {
  const cps = tracked.checkpoints;
  const lo = partitionPoint(cps.length, (k) => cps[k].at <= from);
  let before = lo - 1;
  while (before >= 0 && !cps[before].safe) before--;
  let after = lo;
  while (after < cps.length && (cps[after].at < to || !cps[after].safe)) after++;
  const start = before >= 0 ? cps[before] : undefined;
  const end = after < cps.length ? cps[after] : undefined;
  return {
    start: start?.at ?? 0,
    startLine: start?.line ?? 0,
    end: end?.at ?? tracked.text.length,
    endLine: end?.line ?? Number.MAX_SAFE_INTEGER,
  };
}

function countLineFeeds(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
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
