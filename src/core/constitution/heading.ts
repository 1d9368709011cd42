import { suggestedId } from './idSuggestion';
import { PRINCIPLE_ID } from './types';

/** What a level-2 heading is: a principle, an ordinary section, or a principle with a mistyped id. */
export type HeadingKind =
  | { kind: 'principle'; id: string; title: string }
  | { kind: 'near-miss'; word: string; suggestion: string }
  | { kind: 'marked-up'; word: string; id: string }
  | { kind: 'section' };

/**
 * A first word shaped like an id (letters, a hyphen or underscore, digits) that is not a valid one:
 * `eng-5`, `Eng-05`, `ENG_05`. Without the separator (`V2 rollout`, `HTTP2 support`) or with a
 * space (`Step 1`) it is ordinary prose, so those stay sections: a false "you meant an id" on
 * every `## S3 buckets` would cost more than the rare miss.
 */
const ID_LIKE = /^([A-Za-z][A-Za-z0-9]*)[-_]([0-9]+)$/;

/** Standards and encodings written like ids (`## UTF-8 everywhere`), as rules.md excludes them from tickets. */
const NOT_IDS = /^(utf|utf8|ucs|sha|md|iso|rfc|cve|cwe|ipv|http|tls|ssl|es|ecma|ieee|pep|jsr|jep|iec|din)$/i;

/** Separators people put between id and title: `ENG-05: Title`, `ENG-05 - Title`, `ENG-05 — Title`. */
const TITLE_SEPARATOR = /^[\s:.\-–—|]+/;

/**
 * An id dressed in Markdown: `**ENG-05**`, `_ENG-05_`, `` `ENG-05` ``, `[ENG-05]`, `[ENG-05](url)`,
 * or bold that runs on into the title (`**ENG-05 Title**`). Rendered it reads like a principle,
 * but the heading does not start with the id, so it is not one (formats.md): say so.
 */
const MARKED_UP_ID = /^(?:\*\*|__|\*|_|`|\[)+([A-Z][A-Z0-9]*-[0-9]+)(?:\*\*|__|\*|_|`|\](?:\([^)]*\))?)*$/;

/** Classifies the text of a level-2 heading (inline content, without the `##`). */
export function classifyHeading(text: string): HeadingKind {
  const trimmed = text.trim();
  const match = /^(\S+)(.*)$/s.exec(trimmed);
  if (!match) return { kind: 'section' };
  const word = match[1].replace(/[:.]$/, '');
  const rest = (match[1].length > word.length ? ' ' : '') + match[2];
  if (PRINCIPLE_ID.test(word)) {
    return { kind: 'principle', id: word, title: rest.replace(TITLE_SEPARATOR, '').trim() };
  }
  const markedUp = MARKED_UP_ID.exec(word);
  if (markedUp && PRINCIPLE_ID.test(markedUp[1])) return { kind: 'marked-up', word, id: markedUp[1] };
  const idLike = ID_LIKE.exec(word);
  if (idLike && !NOT_IDS.test(idLike[1])) {
    return { kind: 'near-miss', word, suggestion: suggestedId(idLike[1], idLike[2]) };
  }
  return { kind: 'section' };
}
