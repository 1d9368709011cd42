import type { CompiledSpec, ResolvedString } from './compile';
import { isSpace, isWordChar, MAX_DEPTH, Tok, type LexContext } from './context';

/** A string that needs no prefix, starting at `i`. Returns the index after it, or -1. */
export function tryBareString(ctx: LexContext, cs: CompiledSpec, c: number, i: number, end: number): number {
  const list = cs.bareStrings[c];
  if (!list) return -1;
  for (const s of list) {
    if (!ctx.startsWith(s.open, i)) continue;
    if (s.notAfterOperand && afterOperand(ctx, i)) continue;
    if (s.atValueStart && !atYamlValueStart(ctx, i)) continue;
    const j = openString(ctx, cs, s, i, i, end);
    if (j >= 0) return j;
  }
  return -1;
}

/** A string right after the identifier `word` (`r"..."`, `f'...'`, `b'a'`) at `i`. */
export function tryPrefixedString(ctx: LexContext, cs: CompiledSpec, word: string, wordStart: number, i: number, end: number): number {
  const list = cs.prefixed.get(word);
  if (!list) return -1;
  for (const s of list) {
    if (!ctx.startsWith(s.open, i)) continue;
    const j = openString(ctx, cs, s, wordStart, i, end);
    if (j >= 0) return j;
  }
  return -1;
}

function openString(ctx: LexContext, cs: CompiledSpec, s: ResolvedString, tokenStart: number, i: number, end: number): number {
  if (s.char) {
    const j = charLiteral(ctx.text, i, s.open.charCodeAt(0), end);
    if (j < 0) return -1;
    if (!cs.keepStrings) ctx.mask(i + 1, j - 1);
    return j;
  }
  if (s.docstring && !ctx.lineHasCode && ctx.bracketDepth === 0) {
    const j = scanString(ctx, cs, s, i + s.open.length, end, false);
    const contentEnd = ctx.contentEnd;
    if (isStatementEnd(ctx, j, end)) {
      ctx.comment('docstring', tokenStart, j, i + s.open.length, contentEnd);
      return j;
    }
    if (!cs.keepStrings) ctx.mask(i + s.open.length, contentEnd);
    return j;
  }
  return scanString(ctx, cs, s, i + s.open.length, end, !cs.keepStrings);
}

/**
 * The body of a string from `i` (just after the opener). Masks the content when `mask`, lexes
 * interpolations as code, and returns the index after the closer (or where an unterminated
 * string stops). Leaves the content's end in `ctx.contentEnd`.
 */
export function scanString(ctx: LexContext, cs: CompiledSpec, s: ResolvedString, i: number, end: number, mask: boolean): number {
  const text = ctx.text;
  const close = s.close;
  const c0 = close.charCodeAt(0);
  const esc = s.escape;
  const interp = ctx.depth < MAX_DEPTH ? s.interpolation : null;
  let seg = i;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === esc && interp && c === interp[0][0].charCodeAt(0) && text.startsWith(interp[0][0], i)) {
      // Swift `\(...)`: the interpolation opener starts with the escape character.
      const j = interpolation(ctx, cs, s, interp, c, i, end, mask ? seg : -1);
      i = j;
      seg = j;
      continue;
    }
    if (c === esc) {
      const n = text.charCodeAt(i + 1);
      i += n === 13 && text.charCodeAt(i + 2) === 10 ? 3 : 2;
      continue;
    }
    if (c === c0 && text.startsWith(close, i) && (!s.closeAtLineStart || i === 0 || text.charCodeAt(i - 1) === 10 || text.charCodeAt(i - 1) === 13)) {
      if (s.doubled && text.startsWith(close, i + close.length)) {
        i += 2 * close.length;
        continue;
      }
      if (mask) ctx.mask(seg, i);
      ctx.contentEnd = i;
      ctx.advanceLineStart(seg, i);
      return i + close.length;
    }
    if (c === 10 || c === 13) {
      if (!s.multiline) break;
    } else if (interp) {
      const j = interpolation(ctx, cs, s, interp, c, i, end, mask ? seg : -1);
      if (j >= 0) {
        i = j;
        seg = j;
        continue;
      }
    }
    i++;
  }
  if (i > end) i = end;
  if (mask) ctx.mask(seg, i);
  ctx.contentEnd = i;
  ctx.advanceLineStart(seg, i);
  return i;
}

/** An interpolation starting at `i`: masks the text before it (from `seg`) and lexes its code. */
function interpolation(
  ctx: LexContext,
  cs: CompiledSpec,
  s: ResolvedString,
  interp: ReadonlyArray<readonly [string, string]>,
  c: number,
  i: number,
  end: number,
  seg: number,
): number {
  const text = ctx.text;
  for (const [open, close] of interp) {
    if (c !== open.charCodeAt(0) || !text.startsWith(open, i)) continue;
    if (s.interpolationDoubledEscape && text.charCodeAt(i + 1) === c) return i + 2;
    if (seg >= 0) ctx.mask(seg, i);
    const closeCode = close.charCodeAt(0);
    const inner = i + open.length;
    ctx.depth++;
    let j = ctx.scanCode(ctx, cs, inner, end, { open: openerOf(closeCode), close: closeCode, newline: !s.multiline, formatSpec: s.formatSpec });
    ctx.depth--;
    ctx.lastKind = Tok.Operand;
    if (s.formatSpec && j < end && text.charCodeAt(j) === 58) j = formatSpecEnd(ctx, j, end, closeCode, seg >= 0);
    return j < end && text.charCodeAt(j) === closeCode ? j + 1 : j;
  }
  return -1;
}

/** From the `:` of a format spec to its closing brace (nested `{width}` fields included); the spec is text. */
function formatSpecEnd(ctx: LexContext, colon: number, end: number, close: number, mask: boolean): number {
  const text = ctx.text;
  const open = openerOf(close);
  let depth = 0;
  let j = colon + 1;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) break;
    if (c === open) depth++;
    else if (c === close) {
      if (depth === 0) break;
      depth--;
    }
    j++;
  }
  if (mask) ctx.mask(colon + 1, j);
  return j;
}

function openerOf(close: number): number {
  switch (close) {
    case 125:
      return 123; // } {
    case 41:
      return 40; // ) (
    case 93:
      return 91; // ] [
    default:
      return -1;
  }
}

/**
 * A char literal at `i` (the quote): one character or one escape, then the quote. Returns the
 * index after it, or -1 when the quote is something else (a Rust lifetime, a Haskell prime).
 */
export function charLiteral(text: string, i: number, quote: number, end: number): number {
  const c1 = text.charCodeAt(i + 1);
  if (i + 2 >= end || c1 === 10 || c1 === 13 || c1 === quote) return -1;
  if (c1 === 92) {
    // `'\` then a line break is no char literal: never read the next line to decide (incremental
    // lexing restarts at line starts, so nothing on one line may depend on the next).
    const c2 = text.charCodeAt(i + 2);
    if (c2 === 10 || c2 === 13) return -1;
    const limit = Math.min(end, i + 14);
    for (let k = i + 3; k < limit; k++) {
      const c = text.charCodeAt(k);
      if (c === quote) return k + 1;
      if (c === 10 || c === 13) return -1;
    }
    return -1;
  }
  const k = c1 >= 0xd800 && c1 <= 0xdbff ? i + 3 : i + 2;
  return k < end && text.charCodeAt(k) === quote ? k + 1 : -1;
}

/** Python: after the closing quotes only whitespace, `;`, a comment or the end of the line. */
function isStatementEnd(ctx: LexContext, j: number, end: number): boolean {
  const text = ctx.text;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13 || c === 35 || c === 59) return true;
    if (!isSpace(c)) return false;
    j++;
  }
  return true;
}

/** The previous character makes a quote an operator: `x'`, `a[1]'`, `f(x)'`. */
export function afterOperand(ctx: LexContext, i: number): boolean {
  if (i === 0) return false;
  const p = ctx.text.charCodeAt(i - 1);
  return isWordChar(p) || p === 41 || p === 93 || p === 125 || p === 39 || p === 46;
}

/** YAML: a quote opens a scalar only where a value starts. */
export function atYamlValueStart(ctx: LexContext, i: number): boolean {
  const text = ctx.text;
  let k = i - 1;
  while (k >= ctx.lineStart && isSpace(text.charCodeAt(k))) k--;
  if (k < ctx.lineStart) return true;
  const p = text.charCodeAt(k);
  // `:` must itself be followed by a space (`key: 'v'`); the others are flow/sequence indicators.
  if (p === 58) return k + 1 < i;
  if (p === 45 || p === 63) return k + 1 < i && (k === ctx.lineStart || isSpace(text.charCodeAt(k - 1)));
  return p === 91 || p === 123 || p === 44;
}
