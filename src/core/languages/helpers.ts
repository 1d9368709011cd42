import type { StringSpec } from '../lexer/types';

/** `/* *\/` and `//`: the C family's comments. */
export const C_COMMENTS = { lineComments: ['//'], blockComments: [['/*', '*/']] as Array<[string, string]> };

/** Every upper/lower-case spelling of each prefix, in either letter order (`rb`, `Br`, `bR`...). */
export function prefixVariants(...prefixes: string[]): string[] {
  const out = new Set<string>();
  for (const p of prefixes) {
    const orders = p.length === 2 ? [p, p[1] + p[0]] : [p];
    for (const o of orders) {
      const n = o.length;
      for (let mask = 0; mask < 1 << n; mask++) {
        let s = '';
        for (let k = 0; k < n; k++) s += mask & (1 << k) ? o[k].toUpperCase() : o[k].toLowerCase();
        out.add(s);
      }
    }
  }
  return [...out];
}

/** `"..."` and `'...'` with backslash escapes, one line each. */
export const QUOTES: StringSpec[] = [{ open: '"' }, { open: "'" }];

/** The same spec for both triple quotes. */
export function triple(spec: Omit<StringSpec, 'open'>): StringSpec[] {
  return [
    { ...spec, open: '"""' },
    { ...spec, open: "'''" },
  ];
}

export const DOLLAR_BRACES: Array<[string, string]> = [['${', '}']];
