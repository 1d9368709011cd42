import { appendToComment, cleanInput, type LineEdit } from './lineEdit';
import { tagAt } from './markerTag';

/**
 * Adds a ticket reference to the note a finding is placed at. A marker gets it as its argument
 * (`TODO: x` -> `TODO(PROJ-12): x`, `TODO(alice)` -> `TODO(alice, PROJ-12)`), the convention most
 * teams and tools read; a deferral without a tag gets it at the end of the comment on that line.
 */
export function addTicketEdit(line: number, lineText: string, column: number, tag: string | null, ticket: string): LineEdit {
  const text = cleanInput(ticket);
  const at = tagAt(lineText, column, tag);
  if (at && at.close !== null && at.argument !== null) {
    const separator = at.argument.trim() === '' ? '' : ', ';
    return { line, start: at.close, end: at.close, text: `${separator}${text}` };
  }
  if (at) return { line, start: at.nameEnd, end: at.nameEnd, text: `(${text})` };
  return appendToComment(line, lineText, column, ` (${text})`);
}
