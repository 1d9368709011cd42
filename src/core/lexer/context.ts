import type { CommentKind, CommentToken } from './types';
import type { CompiledSpec } from './compile';
import type { ScriptDialect } from './yamlScript';

/** What the previous significant token was: decides whether `/` starts a regex and `<` a JSX element. */
export const enum Tok {
  /** Start of input or of an embedded region: an expression may start. */
  None = 0,
  /** An identifier or keyword: `lastStart`/`lastEnd` say which. */
  Word = 1,
  /** A value: number, string, regex, JSX element. */
  Operand = 2,
  /** Punctuation: `lastPunct` says which. */
  Punct = 3,
}

/** Where an embedded code region stops: the closer of an interpolation (`}` of `${...}`). */
export interface Stop {
  open: number;
  close: number;
  /** A single-line string's interpolation also ends at a line break (recovery). */
  newline: boolean;
  /** Also stop at a `:` outside brackets: the format spec that follows is text (`{x:#x}`). */
  formatSpec?: boolean;
}

/** Text waiting for the next line: a heredoc body or a YAML block scalar. */
export interface PendingBody {
  kind: 'heredoc' | 'yamlBlock';
  /** Heredoc terminator word. */
  word: string;
  /** The terminator may be indented (`<<-`, `<<~`, PHP 7.3). */
  indented: boolean;
  /** PHP: the terminator may be followed by code on its line (`EOT;`). */
  trailingCode: boolean;
  /** YAML: indentation of the line holding the indicator; the value's lines are deeper. */
  parentIndent: number;
  /** YAML: a block that is a script (`run: |`), in this language: its comments are comments. */
  script?: ScriptDialect;
  /** YAML: the block is folded (`run: >`): its lines are joined with spaces, so a comment runs on into the next. */
  folded?: boolean;
}

export type CodeScanner = (ctx: LexContext, cs: CompiledSpec, start: number, end: number, stop: Stop | null) => number;

/** Nesting limit for interpolations and JSX: deeper input is treated as plain string text. */
export const MAX_DEPTH = 64;

/**
 * The state of one `lex` call: the text, what was found so far, and the little token history the
 * heuristics need. One object per call, so `lex` is re-entrant.
 */
export class LexContext {
  readonly comments: CommentToken[] = [];
  /** Masked ranges as [start, end) pairs in ascending order. */
  readonly masks: number[] = [];
  pending: PendingBody[] = [];
  depth = 0;
  lineStart = 0;
  /** Something other than whitespace and comments is on the current logical line (Python statements). */
  lineHasCode = false;
  bracketDepth = 0;
  lastKind: Tok = Tok.None;
  lastStart = 0;
  lastEnd = 0;
  lastPunct = 0;
  /** JSX gave up once on this text: do not try again (keeps pathological input linear). */
  jsxDisabled = false;
  private firstTextLine = -1;
  private firstText = 0;
  /** Set by strings.ts: where the last string's content ended. */
  contentEnd = 0;
  /**
   * Called at each line start reached by the top-level code loop with nothing open (incremental
   * lexing records checkpoints there); returning true ends the lex at that line start.
   */
  onLine: ((at: number) => boolean) | null = null;

  constructor(
    readonly text: string,
    /** Entry points set by index.ts, so the scanners can recurse without import cycles. */
    readonly scanCode: CodeScanner,
    readonly scanRegion: (ctx: LexContext, cs: CompiledSpec, start: number, end: number) => void,
  ) {}

  mask(start: number, end: number): void {
    if (end <= start) return;
    const m = this.masks;
    const n = m.length;
    // Ranges arrive in order; adjacent ones merge so the output has fewer chunks.
    if (n > 0 && m[n - 1] >= start) {
      if (end > m[n - 1]) m[n - 1] = end;
      return;
    }
    m.push(start, end);
  }

  comment(kind: CommentKind, start: number, end: number, contentStart: number, contentEnd: number): void {
    this.comments.push({ kind, start, end, contentStart, contentEnd });
    this.mask(start, end);
  }

  resetTokens(lineStart: number): void {
    this.lastKind = Tok.None;
    this.lineStart = lineStart;
    this.lineHasCode = false;
    this.bracketDepth = 0;
  }

  /** After a construct spanning [from, to) that may contain line breaks, find the current line's start. */
  advanceLineStart(from: number, to: number): void {
    const t = this.text;
    for (let k = to - 1; k >= from; k--) {
      // \n, or a lone \r (old Mac files), ends a line, as in the main loop's newline().
      const c = t.charCodeAt(k);
      if (c === 10 || (c === 13 && t.charCodeAt(k + 1) !== 10)) {
        this.lineStart = k + 1;
        return;
      }
    }
  }

  startsWith(s: string, at: number): boolean {
    return this.text.startsWith(s, at);
  }

  /** Only spaces and tabs between the start of the line and `at`. */
  atLineStart(at: number): boolean {
    // The first non-blank column is computed once per line, so a line full of `#` stays linear.
    if (this.firstTextLine !== this.lineStart) {
      const t = this.text;
      let k = this.lineStart;
      for (;;) {
        const c = t.charCodeAt(k);
        if (c !== 32 && c !== 9) break;
        k++;
      }
      this.firstTextLine = this.lineStart;
      this.firstText = k;
    }
    return at <= this.firstText;
  }

  /** Index of the next line break at or after `from` (or `end`). */
  lineEnd(from: number, end: number): number {
    const t = this.text;
    let i = from;
    while (i < end) {
      const c = t.charCodeAt(i);
      if (c === 10 || c === 13) return i;
      i++;
    }
    return end;
  }
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;
}

export function isNewline(c: number): boolean {
  return c === 10 || c === 13;
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Letters, digits, `_` and anything non-ASCII (identifiers in every language here). */
export function isWordChar(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === 95 || (c >= 128 && !isSpace(c) && c !== 0x2028 && c !== 0x2029);
}
