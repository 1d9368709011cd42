import type { RuleHit } from '../hit';
import { scanAnnotations } from './annotations';
import type { CodeContext } from './context';
import { scanDirectives, type InlineIgnore } from './directives';
import { scanInsecure } from './insecure';
import { scanSwallowed } from './swallowed';
import { scanTests } from './tests';

/**
 * All code rules over one document. Each scanner runs a few whole-document regular expressions,
 * and only when a cheap literal test says it could match.
 */
export function scanCode(ctx: CodeContext): { hits: RuleHit[]; ignores: InlineIgnore[] } {
  const { hits, ignores } = scanDirectives(ctx);
  // Prose (Markdown, HTML text) holds no code: only its comment directives count.
  if (ctx.family !== 'markup') {
    hits.push(...scanAnnotations(ctx), ...scanTests(ctx), ...scanSwallowed(ctx), ...scanInsecure(ctx));
  }
  return { hits, ignores };
}
