import type { RuleHit } from '../hit';
import { commentsOnLine, lineExcerpt, type CodeContext } from './context';
import { isReason } from './reasons';

/**
 * Suppressions written as code: Java/Kotlin `@SuppressWarnings(...)` / `@Suppress(...)` and C#
 * `#pragma warning disable`. The reason is a comment on the same line or the line above.
 */
const JVM = /@(?:file:)?(?:SuppressWarnings|Suppress)\b(?=\s*\()/g;
const CSHARP = /#pragma\s+warning\s+disable\b/g;

function hasReasonComment(ctx: CodeContext, start: number): boolean {
  const line0 = ctx.lines.lineOf(start);
  const candidates = [...commentsOnLine(ctx, line0), ...(line0 > 0 ? commentsOnLine(ctx, line0 - 1) : [])];
  return candidates.some((comment) => isReason(ctx.text.slice(comment.contentStart, comment.contentEnd)));
}

export function scanAnnotations(ctx: CodeContext): RuleHit[] {
  const regex = ctx.family === 'jvm' ? JVM : ctx.family === 'csharp' ? CSHARP : null;
  if (regex === null || !ctx.code.includes(ctx.family === 'jvm' ? '@Suppress' : '#pragma')) return [];
  const hits: RuleHit[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(ctx.code); m !== null; m = regex.exec(ctx.code)) {
    if (hasReasonComment(ctx, m.index)) continue;
    const what = m[0].replace(/\s+/g, ' ');
    hits.push({
      ruleId: 'suppressed-check',
      start: m.index,
      end: m.index + m[0].length,
      message: `${what} with no reason: add a // comment saying why, on this line or the line above.`,
      excerpt: lineExcerpt(ctx, m.index),
    });
  }
  return hits;
}
