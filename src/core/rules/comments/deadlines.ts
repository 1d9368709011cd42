/**
 * Deadlines (rules.md "Deadlines"): a date written as the tag's argument (`TODO(2025-06-30)`) or
 * after by / until / till / before / due / deadline / expires / no later than / remove|drop|delete
 * after. Forms: ISO date, year-month (`2025-06`, `June 2025`), quarter (`Q3 2025`); a period means
 * its last day. Any other date in a comment is not a deadline.
 */
export interface Deadline {
  /** ISO date (the last day of the period). */
  iso: string;
  /** Offsets of the date text in the searched text (-1 when it came from a tag argument). */
  start: number;
  end: number;
}

const MONTH = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;
const YEAR = String.raw`(?:20|21)\d\d`;

/** One date in any accepted form; groups are decoded by `decode`. */
const DATE = [
  String.raw`(?<isoY>${YEAR})-(?<isoM>\d\d)(?:-(?<isoD>\d\d))?(?![-\d])`,
  String.raw`(?:(?<dmD>\d{1,2})(?:st|nd|rd|th)?\s+)?(?<mon>${MONTH})\.?(?:\s+(?<mdD>\d{1,2})(?:st|nd|rd|th)?)?,?\s+(?<monY>${YEAR})`,
  String.raw`q(?<q>[1-4])[\s/-]?(?<qY>${YEAR})`,
  String.raw`(?<yqY>${YEAR})[\s/-]?q(?<yq>[1-4])`,
].join('|');

const BOUNDED_DATE = String.raw`(?<![\w-])(?:${DATE})(?![\w])`;

const KEYWORD = String.raw`(?:by|until|till|before|due(?:\s+(?:on|by|date))?|deadline|expir(?:es|y|e)(?:\s+on)?|no\s+later\s+than|(?:remove|drop|delete)(?:\s+(?:it|this|that|them|these|those|me))?\s+after)`;

const KEYWORD_DATE = new RegExp(
  String.raw`\b${KEYWORD}(?:\s*:\s*|\s+)(?:(?:on|the|end\s+of|the\s+end\s+of)\s+)?(?<date>${BOUNDED_DATE})`,
  'gi',
);
const ARGUMENT_DATE = new RegExp(
  String.raw`^\s*(?:${KEYWORD}\s*:?\s*)?(?<date>${BOUNDED_DATE})\s*$`,
  'i',
);
const PREFILTER = /\d{4}/;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function decode(groups: Record<string, string | undefined>): string | null {
  if (groups.isoY !== undefined) {
    const year = Number(groups.isoY);
    const month = Number(groups.isoM);
    if (month < 1 || month > 12) return null;
    return iso(year, month, groups.isoD !== undefined ? Number(groups.isoD) : daysInMonth(year, month));
  }
  if (groups.mon !== undefined && groups.monY !== undefined) {
    const year = Number(groups.monY);
    const month = MONTHS.indexOf(groups.mon.slice(0, 3).toLowerCase()) + 1;
    const day = groups.dmD ?? groups.mdD;
    return iso(year, month, day !== undefined ? Number(day) : daysInMonth(year, month));
  }
  const quarter = groups.q ?? groups.yq;
  const qYear = groups.qY ?? groups.yqY;
  if (quarter !== undefined && qYear !== undefined) {
    const lastMonth = Number(quarter) * 3;
    return iso(Number(qYear), lastMonth, daysInMonth(Number(qYear), lastMonth));
  }
  return null;
}

/** The date a text holds when the whole text is one date (used by tests and tag arguments). */
export function parseDeadlineDate(text: string): string | null {
  const m = ARGUMENT_DATE.exec(text);
  return m?.groups ? decode(m.groups) : null;
}

/**
 * The note's deadline: the tag argument first (`TODO(2025-06-30)`, `TODO(alice, 2025-06)`), then
 * the first date after a deadline keyword.
 */
export function findDeadline(text: string, tagArgument: string | null): Deadline | null {
  if (tagArgument !== null && PREFILTER.test(tagArgument)) {
    for (const part of tagArgument.split(/[,;|]/)) {
      const date = parseDeadlineDate(part);
      if (date !== null) return { iso: date, start: -1, end: -1 };
    }
  }
  if (!PREFILTER.test(text)) return null;
  KEYWORD_DATE.lastIndex = 0;
  for (let m = KEYWORD_DATE.exec(text); m !== null; m = KEYWORD_DATE.exec(text)) {
    const date = m.groups ? decode(m.groups) : null;
    if (date === null) continue;
    const dateText = m.groups?.date ?? '';
    const end = m.index + m[0].length;
    return { iso: date, start: end - dateText.length, end };
  }
  return null;
}

/** Whole days from `from` to `to` (both ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
