import { codeExcerpt, type RuleHit } from '../hit';
import { forEachOccurrence, touchesCode, type CodeContext } from './context';
import type { Family } from './families';

/**
 * Security switched off for convenience (rules.md `insecure-shortcut`). Patterns run on the
 * document text because a key or value may be a string (`'rejectUnauthorized': false`,
 * `NODE_TLS_REJECT_UNAUTHORIZED = '0'`); a match counts only when part of it is code, so the same
 * words in a comment or inside a string literal are never reported (YAML, TOML, Dockerfile and
 * shell values are code: the lexer keeps them).
 */
interface InsecurePattern {
  /** Where the pattern can be code at all (`curl -k` is code only where values are code). */
  families: readonly Family[] | 'all';
  literal: string;
  regex: RegExp;
  message: string;
  /** A match that is not the shortcut after all, judged on its line (`lineText`, match at `index`). */
  exempt?: (lineText: string, index: number, length: number) => boolean;
  /** A more precise message for this match than `message`, judged on its line. */
  messageFor?: (lineText: string, index: number) => string | undefined;
}

/**
 * `mode & 0o777`, `0o777 & ~umask`, `mode & ~0o777`: the bits as a mask that reads or clears
 * permissions (found scanning npm packages: `(mode & 0o777).toString(8)`), not a mode being set.
 */
function isBitMask(lineText: string, index: number, length: number): boolean {
  // A few characters either side are enough, and keep this cheap on a minified line of 1 MB.
  const before = lineText.slice(Math.max(0, index - 16), index).trimEnd();
  const after = lineText.slice(index + length, index + length + 16).trimStart();
  // `0o777 - umask`, `0o777 ^ bits` compute a narrower mode (setuptools: `chmod(target, 0o777 - mask)`).
  return /(?:^|[^&])&=?\s*~?$/.test(before) || /^(?:&(?![&=])|-(?![-=>])|\^(?!=))/.test(after);
}

/**
 * A mask, or `def makedirs(name, mode=0o777)`: the default `mode` of a function (Python, Ruby)
 * that creates files or folders, as `os.mkdir`'s own, which the umask narrows; the caller's mode is
 * what is set. Found scanning CPython (`os.py`, `pathlib.py`, `distutils`) and setuptools.
 */
function isMaskOrModeDefault(lineText: string, index: number, length: number): boolean {
  if (isBitMask(lineText, index, length)) return true;
  const before = lineText.slice(0, index);
  return before.includes('def') && /^\s*(?:async\s+)?def\s+[\w.]+\s*\([^)]*\bmode\s*(?::\s*int\s*)?=\s*$/.test(before);
}

/** `jwt.decode(token, verify=False)` switches off a token's signature check, not TLS: say so. */
function jwtMessage(lineText: string, index: number): string | undefined {
  const call = lineText.lastIndexOf('jwt.decode(', index);
  return call >= 0 && !lineText.slice(call, index).includes(')') ? JWT : undefined;
}

const TLS = 'TLS certificate verification switched off: trust the right CA instead of turning checks off.';
const WORLD_WRITABLE = 'World-writable permissions (777): grant only the access needed, e.g. 755 or 750.';
const JWT = "Token signature verification switched off: anyone can forge this token's claims; verify it with the issuer's key.";

const PATTERNS: readonly InsecurePattern[] = [
  { families: ['js', 'config', 'other'], literal: 'rejectUnauthorized', message: TLS, regex: /\brejectUnauthorized['"]?\s*[:=]\s*false\b/g },
  {
    families: 'all',
    literal: 'NODE_TLS_REJECT_UNAUTHORIZED',
    message: TLS,
    // `\s*(?:[:=]|\s)\s*`, written so that a long run of blanks is not tried in every split.
    regex: /\bNODE_TLS_REJECT_UNAUTHORIZED['"\]]?(?:\s*[:=]\s*|\s+)['"]?0(?![\w.])/g,
  },
  { families: ['python', 'other'], literal: 'erify', message: TLS, regex: /\b(?:verify|verify_ssl|ssl_verify)\s*=\s*False\b/g, messageFor: jwtMessage },
  { families: ['go', 'other'], literal: 'InsecureSkipVerify', message: TLS, regex: /\bInsecureSkipVerify\s*[:=]\s*true\b/g },
  { families: ['python'], literal: '_create_unverified_context', message: TLS, regex: /\bssl\._create_unverified_context\b/g },
  { families: ['config', 'other'], literal: 'curl', message: TLS, regex: /\bcurl\b[^\n|;&]*?[ \t](?:-[a-zA-Z]*k[a-zA-Z]*|--insecure)(?=[ \t'"]|\r?$)/gm },
  { families: ['config', 'other'], literal: 'wget', message: TLS, regex: /\bwget\b[^\n|;&]*?[ \t]--no-check-certificate\b/g },
  // `\s*(?:=|:|[ \t])\s*`, written so that a long run of blanks is not tried in every split.
  { families: ['config', 'other'], literal: 'strict', message: TLS, regex: /\bstrict[-_]ssl['"]?(?:\s*[=:]\s*|(?=\s*[ \t])\s+)['"]?false\b/g },
  { families: ['js', 'other'], literal: 'strictSSL', message: TLS, regex: /\bstrictSSL['"]?\s*[:=]\s*false\b/g },
  { families: ['config', 'other'], literal: 'chmod', message: WORLD_WRITABLE, regex: /\bchmod\s+(?:-[a-zA-Z]+\s+)*0?777\b/g },
  { families: 'all', literal: '777', message: WORLD_WRITABLE, regex: /(?<![\w.])0o?777(?![\w.])/g, exempt: isMaskOrModeDefault },
];

export function scanInsecure(ctx: CodeContext): RuleHit[] {
  const hits: RuleHit[] = [];
  for (const pattern of PATTERNS) {
    if (pattern.families !== 'all' && !pattern.families.includes(ctx.family)) continue;
    // Each line holding the literal is matched once, on that line only.
    let lastLine = -1;
    forEachOccurrence(ctx.text, pattern.literal, (at) => {
      const line0 = ctx.lines.lineOf(at);
      if (line0 === lastLine) return;
      lastLine = line0;
      const lineStart = ctx.lines.lineStart(line0);
      const lineText = ctx.text.slice(lineStart, ctx.lines.lineEnd(line0));
      pattern.regex.lastIndex = 0;
      for (let m = pattern.regex.exec(lineText); m !== null; m = pattern.regex.exec(lineText)) {
        const start = lineStart + m.index;
        const end = start + m[0].length;
        if (!touchesCode(ctx, start, end) || pattern.exempt?.(lineText, m.index, m[0].length)) continue;
        const message = pattern.messageFor?.(lineText, m.index) ?? pattern.message;
        hits.push({ ruleId: 'insecure-shortcut', start, end, message, excerpt: codeExcerpt(lineText, m.index) });
      }
    });
  }
  return hits;
}
