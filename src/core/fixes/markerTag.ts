/**
 * The marker tag a comment finding is placed at (`TODO`, `@FIXME`, `todo`), with its argument in
 * parentheses or brackets when it has one: `TODO(alice, 2025-06)` -> argument `alice, 2025-06`.
 */
export interface TagAt {
  /** Column just after the tag name. */
  nameEnd: number;
  /** The argument's brackets, when present: columns of the opening and closing bracket. */
  open: number | null;
  close: number | null;
  argument: string | null;
}

export function tagAt(lineText: string, column: number, tag: string | null): TagAt | null {
  if (!tag) return null;
  let at = column;
  if (lineText[at] === '@') at++;
  if (lineText.slice(at, at + tag.length).toUpperCase() !== tag.toUpperCase()) return null;
  const nameEnd = at + tag.length;
  const bracket = lineText[nameEnd];
  if (bracket === '(' || bracket === '[') {
    const close = lineText.indexOf(bracket === '(' ? ')' : ']', nameEnd + 1);
    if (close > nameEnd) return { nameEnd, open: nameEnd, close, argument: lineText.slice(nameEnd + 1, close) };
  }
  return { nameEnd, open: null, close: null, argument: null };
}
