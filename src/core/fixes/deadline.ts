import { findDeadline, parseDeadlineDate } from '../rules/comments/deadlines';
import { appendToComment, type LineEdit } from './lineEdit';
import { tagAt } from './markerTag';

export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why `value` is not a usable deadline on `today` (both ISO), or null. */
export function validateDeadline(value: string, today: string): string | null {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return 'Write the date as YYYY-MM-DD, e.g. 2026-03-31.';
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date.getUTCMonth() !== Number(m[2]) - 1 || date.getUTCDate() !== Number(m[3])) return `${value.trim()} is not a date in the calendar.`;
  if (value.trim() < today) return `${value.trim()} is already past: choose a date from today on.`;
  return null;
}

/** Today plus `days`, ISO (the suggested deadline: two sprints from now). */
export function isoDaysFrom(today: string, days: number): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Sets the deadline of the note a finding is placed at: replaces the date it already has (an
 * expired or nearly due one: re-planning), else writes it as the tag's argument (`TODO(2026-03-31)`),
 * else, for a deferral without a tag, adds "by <date>" at the end of the comment.
 */
export function addDeadlineEdit(line: number, lineText: string, column: number, tag: string | null, date: string): LineEdit {
  const at = tagAt(lineText, column, tag);
  if (at && at.open !== null && at.close !== null && at.argument !== null) {
    // A date in the argument (`TODO(alice, 2025-06)`): replace that part only.
    let offset = at.open + 1;
    for (const part of at.argument.split(/([,;|])/)) {
      if (!/^[,;|]$/.test(part) && parseDeadlineDate(part) !== null) {
        const lead = part.length - part.trimStart().length;
        const trail = part.length - part.trimEnd().length;
        return { line, start: offset + lead, end: offset + part.length - trail, text: date };
      }
      offset += part.length;
    }
  }
  // A date after a keyword on this line (`remove after June 2025`).
  const from = at ? at.nameEnd : column;
  const found = findDeadline(lineText.slice(from), null);
  if (found && found.start >= 0) return { line, start: from + found.start, end: from + found.end, text: date };
  if (at && at.close !== null && at.argument !== null) {
    const separator = at.argument.trim() === '' ? '' : ', ';
    return { line, start: at.close, end: at.close, text: `${separator}${date}` };
  }
  if (at) return { line, start: at.nameEnd, end: at.nameEnd, text: `(${date})` };
  return appendToComment(line, lineText, column, ` by ${date}`);
}
