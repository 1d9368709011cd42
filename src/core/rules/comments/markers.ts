/**
 * Marker tags (rules.md "Marker tags"): TODO, FIXME, XXX, HACK, BUG, KLUDGE, OPTIMIZE, REVIEW.
 * In capitals (optionally `@`-prefixed) a tag counts when followed by `:`, `(`, `[`, white space or
 * the end of the comment; written any other way only when followed directly by `:` or `(`, so
 * prose ("fixes a bug in", "review the input") is never a marker.
 */
export const MARKER_TAGS = ['TODO', 'FIXME', 'XXX', 'HACK', 'BUG', 'KLUDGE', 'OPTIMIZE', 'REVIEW'] as const;

export interface MarkerTag {
  /** The tag in capitals, without `@`. */
  name: string;
  /** Offsets in the searched text: the tag including a leading `@`. */
  start: number;
  end: number;
  /** What the tag's `(...)` or `[...]` holds, if anything. */
  argument: string | null;
}

// Not preceded by a word character, `$`, `.`, `/`, `\`, `-` (identifiers, paths) or `x#` (anchors).
const TAG = /(?<![\w$./\\@-]|\w#)(@?)(todo|fixme|xxx|hack|bug|kludge|optimize|review)(?!\w)/gi;
const URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"'`]*/gi;

/** Blanks URLs (same length) so a `#TODO` anchor in a link is not a tag. */
export function blankUrls(text: string): string {
  if (!text.includes('://')) return text;
  return text.replace(URL, (url) => ' '.repeat(url.length));
}

export function findMarkerTags(text: string): MarkerTag[] {
  const searched = blankUrls(text);
  const tags: MarkerTag[] = [];
  TAG.lastIndex = 0;
  for (let m = TAG.exec(searched); m !== null; m = TAG.exec(searched)) {
    const word = m[2];
    const end = m.index + m[0].length;
    const next = end < searched.length ? searched[end] : '';
    const capitals = word === word.toUpperCase();
    const counts = capitals ? next === '' || /[:([\s]/.test(next) : next === ':' || next === '(';
    if (!counts) continue;
    tags.push({ name: word.toUpperCase(), start: m.index, end, argument: tagArgument(text, end) });
  }
  return tags;
}

/** `(...)` or `[...]` right after the tag, on the same line and reasonably short. */
function tagArgument(text: string, at: number): string | null {
  const open = text[at];
  if (open !== '(' && open !== '[') return null;
  const close = open === '(' ? ')' : ']';
  const limit = Math.min(text.length, at + 120);
  for (let i = at + 1; i < limit; i++) {
    const c = text[i];
    if (c === close) return text.slice(at + 1, i);
    if (c === '\n') return null;
  }
  return null;
}
