import type { CompiledSpec } from './compile';
import { isSpace, Tok, type LexContext } from './context';

/** Words after which an expression (so a regex) starts, in JS, Ruby, Perl and Groovy. */
const EXPRESSION_KEYWORDS = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else',
  'yield', 'await', 'if', 'elsif', 'unless', 'while', 'until', 'when', 'and', 'or', 'not', 'then',
  'split', 'grep', 'map', 'join', 'push', 'unshift', 'assert', 'expect', 'puts', 'print', 'match',
]);

/**
 * Whether a `/` (or `<` for JSX, `%` for Ruby literals) at `i` starts an expression rather than
 * following an operand: the usual "division after a value" heuristic.
 */
export function expressionAllowed(ctx: LexContext, cs: CompiledSpec, i: number): boolean {
  switch (ctx.lastKind) {
    case Tok.None:
      return true;
    case Tok.Operand:
      return false;
    case Tok.Word: {
      if (ctx.lastEnd - ctx.lastStart <= 10 && EXPRESSION_KEYWORDS.has(ctx.text.slice(ctx.lastStart, ctx.lastEnd))) return true;
      if (cs.regexKeywordsOnly) return false;
      // Ruby: `split /,/` is a call with a regex; `a / b` and `a/b` are divisions.
      const text = ctx.text;
      return i > ctx.lastEnd && !isSpace(text.charCodeAt(i + 1)) && text.charCodeAt(i + 1) !== 61;
    }
    default: {
      const p = ctx.lastPunct;
      return p !== 41 && p !== 93; // ) ]
    }
  }
}

/** A `/regex/flags` at `i`. Returns the index after it, or -1 when the line ends first (then it was division). */
export function scanRegex(ctx: LexContext, cs: CompiledSpec, i: number, end: number): number {
  const text = ctx.text;
  let j = i + 1;
  let inClass = false;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) return -1;
    if (c === 92) {
      // An escaped line break does not continue a regex literal either (JavaScript refuses it):
      // read on, the next line's code and comments became regex text until some later `/`.
      const next = text.charCodeAt(j + 1);
      if (next === 10 || next === 13) return -1;
      j += 2;
      continue;
    }
    if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) break;
    j++;
  }
  if (j >= end) return -1;
  if (!cs.keepStrings) ctx.mask(i + 1, j);
  j++;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) break;
    j++;
  }
  return j;
}
