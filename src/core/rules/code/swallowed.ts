import type { RuleHit } from '../hit';
import { hasCatchBlocks } from './families';
import { forEachOccurrence, holdsBlankedText, lineExcerpt, type CodeContext } from './context';

/** `catch { }`, `catch (e) { }`: the lexer blanked comments, so "empty" here may hold one. */
const EMPTY_CATCH = /catch\s*(?:\([^()]*\)\s*)?\{\s*\}/y;
/** `except ...: pass` (or `...`), on the same line or as the only line of the handler. */
const EXCEPT_PASS = /([ \t]*)except\b[^\n]*:[ \t]*(?:\r?\n(?:[ \t]*\r?\n)*[ \t]+)?(?:pass|\.\.\.)[ \t]*(?=\r?\n|$)/y;
/** A `rescue` clause followed by nothing (or only `nil`) before the next clause or `end`. */
const EMPTY_RESCUE = /[ \t]*rescue\b[^\n]*\r?\n(?:[ \t]*\r?\n)*(?:[ \t]*nil[ \t]*\r?\n(?:[ \t]*\r?\n)*)?[ \t]*(?:end|ensure|else|rescue)\b/y;
/** `value = risky rescue nil`. */
const RESCUE_NIL = /(?<=\S[ \t]+)rescue[ \t]+nil\b/y;

const MESSAGE = 'Error caught and dropped: handle it, rethrow it, or add a comment saying why it is safe to ignore.';

export function scanSwallowed(ctx: CodeContext): RuleHit[] {
  const hits: RuleHit[] = [];
  const add = (start: number, keyword: string): void => {
    hits.push({ ruleId: 'swallowed-error', start, end: start + keyword.length, message: MESSAGE, excerpt: lineExcerpt(ctx, start) });
  };
  const { code } = ctx;
  if (hasCatchBlocks(ctx.family)) {
    forEachOccurrence(code, 'catch', (at) => {
      if (at > 0 && /[\w$.]/.test(code[at - 1])) return;
      const m = sticky(EMPTY_CATCH, code, at);
      if (m === null) return;
      const body = at + m[0].lastIndexOf('{');
      if (!holdsBlankedText(ctx, body, at + m[0].length)) add(at, 'catch');
    });
  }
  if (ctx.family === 'python') {
    forEachOccurrence(code, 'except', (at) => {
      const lineStart = ctx.lines.lineStart(ctx.lines.lineOf(at));
      if (code.slice(lineStart, at).trim() !== '') return;
      const m = sticky(EXCEPT_PASS, code, lineStart);
      if (m === null) return;
      const end = lineStart + m[0].length;
      if (holdsBlankedText(ctx, at, end) || !handlerEndsAt(ctx, end, m[1].length)) return;
      add(at, 'except');
    });
  }
  if (ctx.family === 'ruby') {
    forEachOccurrence(code, 'rescue', (at) => {
      const lineStart = ctx.lines.lineStart(ctx.lines.lineOf(at));
      const lineEnd = ctx.lines.lineEnd(ctx.lines.lineOf(at));
      if (code.slice(lineStart, at).trim() === '') {
        const m = sticky(EMPTY_RESCUE, code, lineStart);
        const lastWord = m ? /\w+$/.exec(m[0]) : null;
        const end = m ? lineStart + m[0].length - (lastWord?.[0].length ?? 0) : 0;
        if (m && !holdsBlankedText(ctx, at, end)) add(at, 'rescue');
      } else if (sticky(RESCUE_NIL, code, at) && !holdsBlankedText(ctx, at, lineEnd)) {
        add(at, 'rescue');
      }
    });
  }
  return hits;
}

function sticky(regex: RegExp, text: string, at: number): RegExpExecArray | null {
  regex.lastIndex = at;
  return regex.exec(text);
}

/** The `pass` is the whole handler: the next non-blank line is indented no deeper than `except`. */
function handlerEndsAt(ctx: CodeContext, end: number, exceptIndent: number): boolean {
  const rest = /\n(?:[ \t]*\r?\n)*([ \t]*)\S/.exec(ctx.code.slice(end, end + 4000));
  return rest === null || rest[1].length <= exceptIndent;
}
