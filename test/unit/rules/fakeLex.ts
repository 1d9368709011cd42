import type { CommentToken, LexResult } from '../../../src/core/lexer/types';

/**
 * A deliberately small lexer for rule tests that must not depend on the real one: line comments
 * (`//` or `#`), `/* *\/` block comments and '...' / "..." strings on one line. Good enough for
 * hand-written snippets; engine tests use the real lexer.
 */
export function fakeLex(text: string, opts: { line?: string[]; block?: boolean; keepStrings?: boolean } = {}): LexResult {
  const lineStarts = opts.line ?? ['//'];
  const comments: CommentToken[] = [];
  const code = text.split('');
  const blank = (from: number, to: number): void => {
    for (let i = from; i < to; i++) if (code[i] !== '\n' && code[i] !== '\r') code[i] = ' ';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const lineStart = lineStarts.find((d) => text.startsWith(d, i));
    if (lineStart !== undefined) {
      let end = text.indexOf('\n', i);
      if (end === -1) end = text.length;
      comments.push({ kind: 'line', start: i, end, contentStart: i + lineStart.length, contentEnd: end });
      blank(i, end);
      i = end;
      continue;
    }
    if (opts.block !== false && text.startsWith('/*', i)) {
      let end = text.indexOf('*/', i + 2);
      end = end === -1 ? text.length : end + 2;
      comments.push({ kind: 'block', start: i, end, contentStart: i + 2, contentEnd: Math.max(i + 2, end - 2) });
      blank(i, end);
      i = end;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      if (!opts.keepStrings) blank(i + 1, Math.min(j, text.length));
      i = j + 1;
      continue;
    }
    i++;
  }
  return { comments, code: code.join('') };
}
