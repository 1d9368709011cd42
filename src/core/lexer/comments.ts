import type { CompiledSpec } from './compile';
import { isSpace, type LexContext } from './context';

/** Haskell operator symbols: `-->` and `|--` are operators, not comments. */
const HASKELL_SYMBOLS = '!#$%&*+./<=>?@\\^|-~:';

/**
 * Tries every comment form of the language at `i`. Returns the index after the comment, or -1.
 * Block comments are tried before line comments, longest opener first, so `--[[` beats `--`,
 * `#[` beats `#` and `<#` is a block.
 */
export function tryComment(ctx: LexContext, cs: CompiledSpec, i: number, end: number): number {
  const text = ctx.text;
  if (cs.lineStartBlockComments.length > 0 && i === ctx.lineStart) {
    for (const [open, close] of cs.lineStartBlockComments) {
      if (ctx.startsWith(open, i) && endsWord(text, i + open.length, end)) return lineStartBlock(ctx, i, open, close, end);
    }
  }
  const prefix = cs.spec.longBracketCommentPrefix;
  if (prefix && ctx.startsWith(prefix, i)) {
    const level = longBracketLevel(text, i + prefix.length, end);
    if (level >= 0) {
      const close = ']' + '='.repeat(level) + ']';
      return closedBlock(ctx, i, i + prefix.length + level + 2, close, end);
    }
  }
  for (const [open, close] of cs.blockComments) {
    if (ctx.startsWith(open, i)) {
      if (cs.nested) return nestedBlock(ctx, i, open, close, end);
      return closedBlock(ctx, i, i + open.length, close, end);
    }
  }
  for (const open of cs.lineComments) {
    if (ctx.startsWith(open, i) && lineCommentAllowed(ctx, cs, i, open)) return lineComment(ctx, cs, i, open.length, end);
  }
  for (const open of cs.lineStartComments) {
    if (ctx.startsWith(open, i) && ctx.atLineStart(i)) return lineComment(ctx, cs, i, open.length, end);
  }
  return -1;
}

function lineCommentAllowed(ctx: LexContext, cs: CompiledSpec, i: number, open: string): boolean {
  const text = ctx.text;
  for (const ex of cs.exclusions) if (ctx.startsWith(ex, i)) return false;
  const before = i > 0 ? text.charCodeAt(i - 1) : 10;
  if (cs.notAfter && i > 0 && cs.notAfter.includes(text[i - 1])) return false;
  if (cs.spec.operatorDashComments && open.charCodeAt(0) === 45) {
    // The whole run of dashes must not touch another symbol character.
    let j = i;
    while (text.charCodeAt(j) === 45) j++;
    if (j < text.length && HASKELL_SYMBOLS.includes(text[j])) return false;
    if (i > 0 && HASKELL_SYMBOLS.includes(text[i - 1])) return false;
  }
  switch (cs.spec.lineCommentsAt) {
    case 'wordStart':
      return i === ctx.lineStart || before === 10 || before === 13 || isSpace(before) || cs.wordStartChars.includes(text[i - 1]);
    case 'lineStart':
      return ctx.atLineStart(i);
    default:
      return true;
  }
}

/** A line comment from `i` (opener `openLength` long) to the end of the line. */
export function lineComment(ctx: LexContext, cs: CompiledSpec, i: number, openLength: number, end: number): number {
  const text = ctx.text;
  const closeTag = cs.closeTag;
  const closeFirst = closeTag ? closeTag.charCodeAt(0) : -1;
  let j = i + openLength;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) {
      if (cs.spec.lineCommentContinuation && text.charCodeAt(j - 1) === 92) {
        j += c === 13 && text.charCodeAt(j + 1) === 10 ? 2 : 1;
        ctx.lineStart = j;
        continue;
      }
      break;
    }
    if (c === closeFirst && ctx.startsWith(closeTag, j)) break;
    j++;
  }
  ctx.comment('line', i, j, i + openLength, j);
  return j;
}

/** A block comment whose closer is found by search (no nesting). Unterminated: to `end`. */
export function closedBlock(ctx: LexContext, start: number, contentStart: number, close: string, end: number): number {
  let k = ctx.text.indexOf(close, contentStart);
  let after: number;
  if (k < 0 || k + close.length > end) {
    k = end;
    after = end;
  } else {
    after = k + close.length;
  }
  ctx.comment('block', start, after, contentStart, k);
  ctx.advanceLineStart(start, after);
  return after;
}

function nestedBlock(ctx: LexContext, start: number, open: string, close: string, end: number): number {
  const text = ctx.text;
  const o = open.charCodeAt(0);
  const c = close.charCodeAt(0);
  let depth = 1;
  let j = start + open.length;
  while (j < end) {
    const ch = text.charCodeAt(j);
    if (ch === c && text.startsWith(close, j) && j + close.length <= end) {
      depth--;
      if (depth === 0) {
        ctx.comment('block', start, j + close.length, start + open.length, j);
        ctx.advanceLineStart(start, j + close.length);
        return j + close.length;
      }
      j += close.length;
    } else if (ch === o && text.startsWith(open, j)) {
      depth++;
      j += open.length;
    } else {
      j++;
    }
  }
  ctx.comment('block', start, end, start + open.length, end);
  ctx.advanceLineStart(start, end);
  return end;
}

/** `=begin` ... `=end` (Ruby), POD (Perl): both delimiters at the start of a line; the comment takes the closing line. */
function lineStartBlock(ctx: LexContext, start: number, open: string, close: string, end: number): number {
  const text = ctx.text;
  let j = ctx.lineEnd(start, end);
  while (j < end) {
    j += text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? 2 : 1;
    if (text.startsWith(close, j) && endsWord(text, j + close.length, end)) {
      const after = ctx.lineEnd(j, end);
      ctx.comment('block', start, after, start + open.length, j);
      ctx.lineStart = j;
      return after;
    }
    j = ctx.lineEnd(j, end);
  }
  ctx.comment('block', start, end, start + open.length, end);
  ctx.advanceLineStart(start, end);
  return end;
}

function endsWord(text: string, j: number, end: number): boolean {
  if (j >= end) return true;
  const c = text.charCodeAt(j);
  return c === 10 || c === 13 || isSpace(c);
}

/** `[[` → 0, `[==[` → 2, anything else → -1. `at` is at the first `[`. */
export function longBracketLevel(text: string, at: number, end: number): number {
  if (text.charCodeAt(at) !== 91) return -1;
  let j = at + 1;
  while (j < end && text.charCodeAt(j) === 61) j++;
  return j < end && text.charCodeAt(j) === 91 ? j - at - 1 : -1;
}
