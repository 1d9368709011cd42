const SPACES = ' '.repeat(1024);

function spaces(n: number): string {
  return n <= SPACES.length ? SPACES.slice(0, n) : ' '.repeat(n);
}

function lineFeedAt(text: string, from: number): number {
  const k = text.indexOf('\n', from);
  return k < 0 ? text.length : k;
}

/**
 * The text with the masked ranges (ascending [start, end) pairs) turned into spaces, line breaks
 * kept, so the result has the same length and line structure. Built from slices of the text and
 * of one shared run of spaces, joined once; line breaks inside a range are found with indexOf.
 */
export function buildCode(text: string, masks: readonly number[]): string {
  if (masks.length === 0) return text;
  const hasCR = text.indexOf('\r') >= 0;
  const parts: string[] = [];
  let prev = 0;
  let nextLf = -1;
  for (let m = 0; m < masks.length; m += 2) {
    const s = masks[m] > prev ? masks[m] : prev;
    const e = masks[m + 1] < text.length ? masks[m + 1] : text.length;
    if (e <= s) continue;
    if (s > prev) parts.push(text.slice(prev, s));
    let run = s;
    if (hasCR) {
      for (let k = s; k < e; k++) {
        const c = text.charCodeAt(k);
        if (c === 10 || c === 13) {
          if (k > run) parts.push(spaces(k - run));
          parts.push(c === 10 ? '\n' : '\r');
          run = k + 1;
        }
      }
    } else {
      // `nextLf` is the first line feed at or after the previous range, so each search starts
      // where the last one ended: linear even when the text has no line feed at all.
      if (nextLf < s) nextLf = lineFeedAt(text, s);
      while (nextLf < e) {
        if (nextLf > run) parts.push(spaces(nextLf - run));
        parts.push('\n');
        run = nextLf + 1;
        nextLf = lineFeedAt(text, run);
      }
    }
    if (e > run) parts.push(spaces(e - run));
    prev = e;
  }
  if (prev < text.length) parts.push(text.slice(prev));
  return parts.join('');
}
