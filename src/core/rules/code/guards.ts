import type { CodeContext } from './context';

/**
 * rules.md: "A skip guarded by a condition is not reported: skipif/skipIf, `skip ... if/unless ...`
 * on the same line, a skip that is the only statement of an `if`/`unless` body or of a
 * `rescue`/`except` handler (`if testing.Short() { t.Skip(...) }`)." All checks run on `code`, so
 * comments and strings never look like conditions.
 */
export function isGuardedSkip(ctx: CodeContext, start: number, end: number): boolean {
  const { code, lines } = ctx;
  const line0 = lines.lineOf(start);
  const lineStart = lines.lineStart(line0);
  const lineEnd = lines.lineEnd(line0);
  const before = code.slice(lineStart, start);
  const statementEnd = endOfStatement(code, end, lineEnd);
  const after = code.slice(statementEnd, lineEnd);

  if ((ctx.family === 'ruby' || ctx.family === 'python') && /\b(?:if|unless)\b/.test(code.slice(end, lineEnd))) return true;
  // `if (cond) it.skip(...)`, `if cond: pytest.skip()` on one line.
  if (/\b(?:if|unless)\b[^;{}]*[):][ \t]*$/.test(before)) return true;

  const open = previousNonSpace(code, start - 1);
  if (open >= 0 && code[open] === '{') {
    const headerLine = lines.lineOf(open);
    const header = code.slice(lines.lineStart(headerLine), open);
    if (/\b(?:if|unless|else)\b|\bcatch\b/.test(header)) {
      const close = nextNonSpace(code, statementEnd);
      if (close < code.length && code[close] === '}') return true;
    }
  }
  if (ctx.family === 'python' || ctx.family === 'ruby') return onlyStatementOfBlock(ctx, line0, after);
  return false;
}

/** After a call's closing parenthesis (when the skip is a call) and a trailing `;`. */
function endOfStatement(code: string, end: number, lineEnd: number): number {
  let i = end;
  while (i < code.length && (code[i] === ' ' || code[i] === '\t')) i++;
  if (code[i] === '(') {
    let depth = 0;
    for (; i < code.length; i++) {
      const c = code[i];
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) {
        i++;
        break;
      }
    }
  } else {
    i = lineEnd;
  }
  while (i < code.length && (code[i] === ' ' || code[i] === '\t' || code[i] === ';')) i++;
  return i;
}

function previousNonSpace(code: string, at: number): number {
  let i = at;
  while (i >= 0 && /\s/.test(code[i])) i--;
  return i;
}

function nextNonSpace(code: string, at: number): number {
  let i = at;
  while (i < code.length && /\s/.test(code[i])) i++;
  return i;
}

const BLOCK_HEADER = /^[ \t]*(?:if|unless|elif|else|elsif|rescue|except)\b/;
const RUBY_BLOCK_END = /^[ \t]*(?:end|else|elsif|rescue|ensure)\b/;

function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)?.[0].length ?? 0;
}

/** Indentation-based blocks: the previous line opens an if/rescue/except body, and it ends here. */
function onlyStatementOfBlock(ctx: CodeContext, line0: number, rest: string): boolean {
  if (rest.trim().length > 0) return false;
  const lineOfCode = (l: number): string => ctx.code.slice(ctx.lines.lineStart(l), ctx.lines.lineEnd(l));
  let prev = line0 - 1;
  while (prev >= 0 && lineOfCode(prev).trim() === '') prev--;
  if (prev < 0 || !BLOCK_HEADER.test(lineOfCode(prev))) return false;
  let next = line0 + 1;
  while (next < ctx.lines.lineCount && lineOfCode(next).trim() === '') next++;
  if (next >= ctx.lines.lineCount) return true;
  const nextLine = lineOfCode(next);
  if (ctx.family === 'ruby') return RUBY_BLOCK_END.test(nextLine);
  return indentOf(nextLine) < indentOf(lineOfCode(line0));
}
