/**
 * Turns UTF-16 offsets into 1-based line/column positions. Rules report offsets; only findings
 * (few) and guards pay for the line table and the binary search.
 */
export class LineIndex {
  private lineStarts: number[] | null = null;

  constructor(readonly text: string) {}

  /** Offset of the first character of each line; built on first use (quiet files never pay). */
  get starts(): number[] {
    if (this.lineStarts === null) this.lineStarts = lineStartsOf(this.text);
    return this.lineStarts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** 1-based line and column. */
  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.starts[line] + 1 };
  }

  lineStart(line0: number): number {
    return this.starts[line0];
  }

  /** Offset of the line break (or the end of the text) ending a 0-based line, '\r' excluded. */
  lineEnd(line0: number): number {
    let end = line0 + 1 < this.starts.length ? this.starts[line0 + 1] - 1 : this.text.length;
    if (end > this.starts[line0] && this.text.charCodeAt(end - 1) === 13) end -= 1;
    return end;
  }

  lineText(line0: number): string {
    return this.text.slice(this.starts[line0], this.lineEnd(line0));
  }
}

/**
 * Where each line starts. A line ends at \n, \r\n or a lone \r (old Mac files), as in VS Code,
 * so the CLI and the editor give a finding the same line number. Lone CRs are rare: a text
 * without any \r is split at line feeds only, by the fast native search.
 */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') < 0) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}
