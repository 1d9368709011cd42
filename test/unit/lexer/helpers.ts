import * as assert from 'node:assert/strict';
import { lex } from '../../../src/core/lexer';
import { languageById } from '../../../src/core/languages';
import type { LexResult } from '../../../src/core/lexer/types';

export function lexAs(id: string, text: string): LexResult {
  const spec = languageById(id);
  assert.ok(spec, `no language ${id}`);
  const result = lex(text, spec);
  assertWellFormed(text, result);
  return result;
}

/** The text of each comment between its delimiters. */
export function contents(id: string, text: string): string[] {
  return lexAs(id, text).comments.map((c) => text.slice(c.contentStart, c.contentEnd));
}

/** Each comment as `kind:full text`. */
export function tokens(id: string, text: string): string[] {
  return lexAs(id, text).comments.map((c) => `${c.kind}:${text.slice(c.start, c.end)}`);
}

export function code(id: string, text: string): string {
  return lexAs(id, text).code;
}

/** The LexResult contract: same length, line breaks in place, comments ordered and blank in `code`. */
export function assertWellFormed(text: string, result: LexResult): void {
  assert.equal(result.code.length, text.length, 'code has the length of the text');
  for (let i = 0; i < text.length; i++) {
    const t = text.charCodeAt(i);
    const c = result.code.charCodeAt(i);
    if (t === 10 || t === 13 || c === 10 || c === 13) assert.equal(c, t, `line break kept at ${i}`);
    else if (c !== t) assert.equal(c, 32, `masked character at ${i} is a space`);
  }
  let prevEnd = 0;
  for (const c of result.comments) {
    assert.ok(c.start >= prevEnd, `comments in order, not overlapping (${c.start} < ${prevEnd})`);
    assert.ok(c.start <= c.contentStart && c.contentStart <= c.contentEnd && c.contentEnd <= c.end && c.end <= text.length, `offsets ${JSON.stringify(c)}`);
    assert.equal(result.code.slice(c.start, c.end).trim(), '', 'a comment is blank in code');
    prevEnd = c.end;
  }
}
