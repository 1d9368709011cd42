import { compile, type CompiledSpec } from './compile';
import { lexCode } from './code';
import { LexContext } from './context';
import { buildCode } from './mask';
import { lexMarkup } from './markup';
import type { LanguageSpec, LexResult } from './types';

export type { CommentKind, CommentToken, LanguageSpec, LexResult, RawStringKind, StringSpec } from './types';

/**
 * Finds the comments of `text` and masks comments and literal contents, in one left-to-right
 * pass driven by the language's table row. Never throws on any input; unterminated constructs
 * end at the end of the line (where the language allows) or of the text.
 */
export function lex(text: string, language: LanguageSpec): LexResult {
  const ctx = new LexContext(text, lexCode, lexRegion);
  lexRegion(ctx, compile(language), 0, text.length);
  return { comments: ctx.comments, code: buildCode(text, ctx.masks) };
}

/** Lexes [start, end) as `cs`'s language: the whole text, or a `<script>` body inside HTML. */
export function lexRegion(ctx: LexContext, cs: CompiledSpec, start: number, end: number): void {
  const outerPending = ctx.pending;
  ctx.pending = [];
  ctx.resetTokens(start === 0 ? 0 : ctx.text.lastIndexOf('\n', start - 1) + 1);
  if (cs.spec.markup) lexMarkup(ctx, cs, start, end);
  else lexCode(ctx, cs, start, end, null);
  ctx.pending = outerPending;
}
