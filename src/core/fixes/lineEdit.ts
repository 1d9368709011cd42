/**
 * The text edit a quick fix makes, as a replacement inside one line (offsets are UTF-16 columns,
 * 0-based, end exclusive). The editor turns it into a WorkspaceEdit; tests apply it to a string.
 */
export interface LineEdit {
  /** 0-based line the edit applies to. */
  line: number;
  start: number;
  end: number;
  text: string;
}

/** Applies one edit to a document's text (tests and the CLI-side checks use this). */
export function applyLineEdit(text: string, edit: LineEdit): string {
  const lines = text.split('\n');
  const line = lines[edit.line] ?? '';
  lines[edit.line] = line.slice(0, edit.start) + edit.text + line.slice(edit.end);
  return lines.join('\n');
}

/** Closers of block comments and docstrings: text added "at the end of the comment" goes before them. */
const CLOSERS = ['*/', '-->', '*)', '-}', '"""', "'''", '--]]', ']]', '#>', '=#', '%}', '#}'];

/**
 * Where text added to the end of the comment that holds `from` belongs on this line: before a
 * block-comment closer that follows `from`, else after the last non-blank character.
 */
export function commentEndColumn(lineText: string, from: number): number {
  let end = lineText.trimEnd().length;
  for (const closer of CLOSERS) {
    const at = lineText.indexOf(closer, from);
    if (at >= 0 && at < end) end = at;
  }
  while (end > from && /\s/.test(lineText[end - 1] ?? '')) end--;
  return end;
}

/** An insertion of `text` at the end of the comment holding column `from`. */
export function appendToComment(line: number, lineText: string, from: number, text: string): LineEdit {
  const at = commentEndColumn(lineText, from);
  return { line, start: at, end: at, text };
}

/** What a ticket reference or a reason may contain: one line, no comment closers, not empty. */
export function cleanInput(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(/\*\/|-->/g, '').trim();
}
