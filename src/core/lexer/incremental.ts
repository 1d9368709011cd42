import { compile } from './compile';
import { lexCode } from './code';
import { LexContext, Tok } from './context';
import { lexRegion } from './index';
import { partitionPoint } from '../partitionPoint';
import type { CommentToken, LanguageSpec } from './types';

/**
 * Incremental lexing for the editor: a lex that records checkpoints (line starts where the lexer
 * holds nothing open), and a re-lex after an edit that restarts at the last checkpoint before the
 * edit and stops as soon as it reaches, past the edit, a checkpoint in the same state as the
 * previous lex had there. Everything before and after is reused, so an edit in a 10,000-line file
 * re-lexes a few dozen lines.
 *
 * Restarting at a line start is sound only if lexing the text before it never read the text after
 * it. Constructs that decide by looking at later lines are therefore excluded: languages with
 * heredocs, YAML block scalars, Perl quote operators, Ruby % literals, Elixir sigils and markup
 * (which hosts other languages) are lexed whole; after a failed JSX attempt (it may have read to
 * the end) no checkpoint is recorded or met.
 */

/** Checkpoints are at least this many characters apart (a re-lex starts at most this far back). */
export const CHECKPOINT_SPACING = 1024;

/** An edit: [start, oldEnd) of the previous text became [start, newEnd) of the new one. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The lexer's state at a clean line start: enough to resume there and to tell two runs apart. */
interface LexState {
  bracketDepth: number;
  lineHasCode: boolean;
  lastKind: Tok;
  lastPunct: number;
  /** Distance back from the checkpoint to the last word token (only meaningful after a word). */
  lastStartBack: number;
  lastEndBack: number;
  lastWord: string;
}

export interface Checkpoint {
  at: number;
  /** 0-based line of `at`. */
  line: number;
  state: LexState;
}

/** What an incremental lex keeps between edits. */
export interface TrackedLex {
  text: string;
  comments: CommentToken[];
  /** Masked [start, end) pairs, ascending (as LexContext.masks). */
  masks: number[];
  checkpoints: Checkpoint[];
}

/** Whether a language can be lexed incrementally (see above). */
export function lexesIncrementally(spec: LanguageSpec): boolean {
  return !(spec.markup || spec.heredoc || spec.yamlBlockScalars || spec.quoteOperators || spec.percentLiterals || spec.sigils);
}

/** A full lex that records checkpoints; undefined for languages lexed whole (use `lex`). */
export function lexTracked(text: string, language: LanguageSpec, spacing = CHECKPOINT_SPACING): TrackedLex | undefined {
  const cs = compile(language);
  if (!lexesIncrementally(cs.spec)) return undefined;
  const ctx = new LexContext(text, lexCode, lexRegion);
  const recorder = new Recorder(ctx, 0, 0, [], spacing);
  ctx.onLine = (at) => recorder.visit(at);
  ctx.resetTokens(0);
  lexCode(ctx, cs, 0, text.length, null);
  return { text, comments: ctx.comments, masks: ctx.masks, checkpoints: recorder.checkpoints };
}

/** The result of a re-lex, and the new-text range [from, to) that was lexed again. */
export interface Relexed {
  lex: TrackedLex;
  from: number;
  /** 0-based line of `from`. */
  fromLine: number;
  to: number;
}

/**
 * Lexes `text` (= `previous.text` with `change` applied) again, reusing `previous` before the last
 * checkpoint at or before the change and after the first checkpoint past it where both runs agree.
 */
export function relex(previous: TrackedLex, text: string, change: TextChange, language: LanguageSpec, spacing = CHECKPOINT_SPACING): Relexed {
  const cs = compile(language);
  const delta = change.newEnd - change.oldEnd;
  const old = previous.checkpoints;
  // The restart point: its text and everything before it are unchanged.
  let k = upperBound(old, change.start) - 1;
  const restart = k >= 0 ? old[k] : undefined;
  const from = restart?.at ?? 0;
  const ctx = new LexContext(text, lexCode, lexRegion);
  ctx.resetTokens(from);
  if (restart) restore(ctx, restart);
  const kept = old.slice(0, k + 1);
  const recorder = new Recorder(ctx, from, restart?.line ?? 0, kept, spacing);
  // Old checkpoints past the change, in new coordinates, walked in step with the re-lex.
  let next = upperBound(old, change.oldEnd - 1);
  let converged: Checkpoint | undefined;
  ctx.onLine = (at) => {
    recorder.visit(at);
    // Converging needs what recording a checkpoint needs.
    if (at < change.newEnd || !recorder.cleanLineStart(at)) return false;
    while (next < old.length && old[next].at + delta < at) next++;
    const candidate = old[next];
    if (candidate === undefined || candidate.at + delta !== at || !sameState(candidate.state, recorder.stateAt(at))) return false;
    converged = candidate;
    return true;
  };
  const stoppedAt = lexCode(ctx, cs, from, text.length, null);
  const to = converged ? stoppedAt : text.length;

  const comments = splice(previous.comments, ctx.comments, from, converged?.at, delta);
  const masks = spliceMasks(previous.masks, ctx.masks, from, converged?.at, delta);
  const checkpoints = recorder.checkpoints;
  if (converged) {
    const line = recorder.lineOf(to);
    const lineDelta = line - converged.line;
    // The meeting point is kept as the re-lex sees it: the line before it may be the edited one.
    if (checkpoints.length === 0 || checkpoints[checkpoints.length - 1].at < to) {
      checkpoints.push({ at: to, line, state: converged.state });
    }
    for (k = old.indexOf(converged) + 1; k < old.length; k++) {
      const c = old[k];
      checkpoints.push({ at: c.at + delta, line: c.line + lineDelta, state: c.state });
    }
  }
  return { lex: { text, comments, masks, checkpoints }, from, fromLine: restart?.line ?? 0, to };
}

/** Records checkpoints during one lex (or re-lex) and counts lines lazily between them. */
class Recorder {
  private lastAt: number;
  private countedTo: number;
  private countedLine: number;

  constructor(
    private readonly ctx: LexContext,
    from: number,
    fromLine: number,
    readonly checkpoints: Checkpoint[],
    private readonly spacing: number,
  ) {
    this.lastAt = checkpoints.length > 0 ? checkpoints[checkpoints.length - 1].at : -spacing;
    this.countedTo = from;
    this.countedLine = fromLine;
  }

  /**
   * Whether a checkpoint may stand at `at`: after a line feed (a lone \r is not a line for rules),
   * and no failed JSX attempt behind (it may have read far ahead: no restart point after it is
   * trustworthy).
   */
  cleanLineStart(at: number): boolean {
    return !this.ctx.jsxDisabled && this.ctx.text.charCodeAt(at - 1) === 10;
  }

  visit(at: number): boolean {
    if (at - this.lastAt < this.spacing || !this.cleanLineStart(at)) return false;
    this.lastAt = at;
    this.checkpoints.push({ at, line: this.lineOf(at), state: this.stateAt(at) });
    return false;
  }

  /** 0-based line of `at` (at or after the last position counted). */
  lineOf(at: number): number {
    this.countedLine += countLineFeeds(this.ctx.text, this.countedTo, at);
    this.countedTo = at;
    return this.countedLine;
  }

  stateAt(at: number): LexState {
    const ctx = this.ctx;
    const word = ctx.lastKind === Tok.Word;
    return {
      bracketDepth: ctx.bracketDepth,
      lineHasCode: ctx.lineHasCode,
      lastKind: ctx.lastKind,
      lastPunct: ctx.lastKind === Tok.Punct ? ctx.lastPunct : 0,
      lastStartBack: word ? at - ctx.lastStart : 0,
      lastEndBack: word ? at - ctx.lastEnd : 0,
      lastWord: word ? ctx.text.slice(ctx.lastStart, ctx.lastEnd) : '',
    };
  }
}

function restore(ctx: LexContext, checkpoint: Checkpoint): void {
  const s = checkpoint.state;
  ctx.bracketDepth = s.bracketDepth;
  ctx.lineHasCode = s.lineHasCode;
  ctx.lastKind = s.lastKind;
  ctx.lastPunct = s.lastPunct;
  ctx.lastStart = checkpoint.at - s.lastStartBack;
  ctx.lastEnd = checkpoint.at - s.lastEndBack;
}

function sameState(a: LexState, b: LexState): boolean {
  return (
    a.bracketDepth === b.bracketDepth &&
    a.lineHasCode === b.lineHasCode &&
    a.lastKind === b.lastKind &&
    a.lastPunct === b.lastPunct &&
    a.lastStartBack === b.lastStartBack &&
    a.lastEndBack === b.lastEndBack &&
    a.lastWord === b.lastWord
  );
}

/** Index of the first checkpoint with `at` > value. */
function upperBound(checkpoints: readonly Checkpoint[], value: number): number {
  return partitionPoint(checkpoints.length, (k) => checkpoints[k].at <= value);
}

/** Old comments before `from`, the re-lexed ones, then old ones from `resume` (old coordinates) shifted. */
function splice(old: readonly CommentToken[], fresh: CommentToken[], from: number, resume: number | undefined, delta: number): CommentToken[] {
  let head = 0;
  while (head < old.length && old[head].start < from) head++;
  const out = old.slice(0, head);
  for (const c of fresh) out.push(c);
  if (resume !== undefined) {
    let tail = head;
    while (tail < old.length && old[tail].start < resume) tail++;
    for (let i = tail; i < old.length; i++) {
      const c = old[i];
      out.push(delta === 0 ? c : { kind: c.kind, start: c.start + delta, end: c.end + delta, contentStart: c.contentStart + delta, contentEnd: c.contentEnd + delta });
    }
  }
  return out;
}

/** The same for masked ranges, cutting a range that straddles `from` or `resume`. */
function spliceMasks(old: readonly number[], fresh: readonly number[], from: number, resume: number | undefined, delta: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < old.length; i += 2) {
    if (old[i] >= from) break;
    out.push(old[i], Math.min(old[i + 1], from));
  }
  for (const n of fresh) out.push(n);
  if (resume !== undefined) {
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] <= resume) continue;
      out.push(Math.max(old[i], resume) + delta, old[i + 1] + delta);
    }
  }
  return out;
}

/** Line feeds in text[from, to). */
export function countLineFeeds(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
