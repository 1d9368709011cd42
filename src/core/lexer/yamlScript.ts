import { isSpace, type LexContext } from './context';

/**
 * YAML literal blocks that are shell scripts (`run: |` in a GitHub Actions step): which blocks
 * are, and the `#` comments in them. Checked against 152 real CI files (GitHub Actions, GitLab,
 * Azure Pipelines, CircleCI, Travis, Drone, Ansible, Taskfile, Kubernetes) and probes of the ways
 * a `#` in a script is not a comment: heredoc bodies, strings over several lines, PowerShell
 * here-strings, Azure's `##vso[` logging commands, scripts in other languages.
 */

/**
 * Keys whose literal block is a shell (or PowerShell) script: GitHub Actions `run`, GitLab,
 * Bitbucket and Travis `script` and its neighbours, Azure Pipelines `bash`/`pwsh`/`powershell`/
 * `inlineScript`, Drone/Woodpecker `commands`, Ansible `shell`, Taskfile `cmds`. Matched on the
 * whole key: `setup.cmd` in a ConfigMap is a file name.
 */
const SCRIPT_KEYS = new Set([
  'run', 'script', 'before_script', 'after_script', 'before_install', 'install', 'after_success', 'after_failure',
  'commands', 'cmds', 'shell', 'bash', 'sh', 'pwsh', 'powershell', 'inlineScript',
]);

/** How far up a line looks for the key that holds it (`script:` above `- |`, `with:` above `script: |`). */
const MAX_LOOKBACK = 200;

/** A line that opens a mapping key: its column (after any `- ` of list items) and the key. */
const KEY_LINE = /^( *)((?:- +)*)(["']?)([\w.-]+)\3[ \t]*:(?:[ \t]|$)/;

interface KeyLine {
  key: string;
  column: number;
  /** Offset of the line's start. */
  start: number;
}

/**
 * Whether the block scalar whose indicator follows `at` (the `:` of `key: |`, or the `-` of a
 * list item `- |`) on the line starting at `lineStart` is a shell script.
 */
export function isScriptBlock(text: string, lineStart: number, at: number): boolean {
  const owner = text.charCodeAt(at) === 58 ? keyOnLine(text, lineStart) : text.charCodeAt(at) === 45 ? listKey(text, lineStart, at - lineStart) : undefined;
  if (owner === undefined) return false;
  const parent = keyAbove(text, owner.start, owner.column)?.key;
  // Inputs of an action (`with: script: |` of actions/github-script) are not shell: JavaScript there.
  if (parent === 'with') return false;
  // CircleCI's `run: command: |` is shell; Compose's and Ansible's `command` run no shell at all.
  if (owner.key === 'command') return parent === 'run';
  // A GitHub Actions step with `shell: cmd`: in cmd.exe a `#` is text (`echo Build #42`).
  if (owner.key === 'run' && /^cmd\b/i.test(siblingValue(text, owner, 'shell') ?? '')) return false;
  return SCRIPT_KEYS.has(owner.key);
}

/** A block scalar's indicator at the end of its line: `key: |`, `- >-`, `run: |2 # comment`. */
const BLOCK_INDICATOR = /([:\-?])[ \t]+([|>])[-+0-9]*[ \t]*(?:#.*)?$/;

/**
 * Whether the line starting at `lineStart` lies in a YAML block scalar, and of which kind: a
 * 'script' (its `#` lines are comments, see isScriptBlock) or a 'value' (its lines are text).
 * Undefined outside any block. Walks up to the nearest line left of the line and of every line
 * met on the way: a block's own lines may be indented further among themselves (`if`/`fi`).
 */
export function yamlBlockAt(text: string, lineStart: number): 'script' | 'value' | undefined {
  let left = lineEndOf(text, lineStart) === lineStart ? Infinity : indentAt(text, lineStart);
  for (const line of linesAbove(text, lineStart)) {
    if (line.indent >= left) continue;
    const indicator = BLOCK_INDICATOR.exec(line.line);
    if (indicator) {
      // `indicator.index` is at the `:` of `key: |` or the `-` of `- |`, as isScriptBlock takes it.
      return indicator[2] === '|' && isScriptBlock(text, line.start, line.start + indicator.index) ? 'script' : 'value';
    }
    if (line.indent === 0) return undefined;
    left = line.indent;
  }
  return undefined;
}

function indentAt(text: string, start: number): number {
  let k = start;
  while (text.charCodeAt(k) === 32) k++;
  return k - start;
}

/** A line of the document that holds YAML (not blank, not only a comment), with where it starts and its indentation. */
interface YamlLine {
  line: string;
  start: number;
  indent: number;
}

/** The YAML lines above the line starting at `lineStart`, nearest first, at most MAX_LOOKBACK of them. */
function* linesAbove(text: string, lineStart: number): Generator<YamlLine> {
  let end = lineStart - 1;
  for (let n = 0; n < MAX_LOOKBACK && end > 0; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    const trimmed = line.trimStart();
    if (trimmed !== '' && !trimmed.startsWith('#')) yield { line, start, indent: line.length - trimmed.length };
  }
}

/** The YAML lines below the line starting at `lineStart`, nearest first, at most MAX_LOOKBACK of them. */
function* linesBelow(text: string, lineStart: number): Generator<YamlLine> {
  let start = text.indexOf('\n', lineStart) + 1;
  for (let n = 0; n < MAX_LOOKBACK && start > 0 && start < text.length; n++) {
    const line = text.slice(start, lineEndOf(text, start));
    const trimmed = line.trimStart();
    if (trimmed !== '' && !trimmed.startsWith('#')) yield { line, start, indent: line.length - trimmed.length };
    start = text.indexOf('\n', start) + 1;
  }
}

function keyLineOf({ line, start }: YamlLine): KeyLine | undefined {
  const m = KEY_LINE.exec(line);
  return m ? { key: m[4], column: m[1].length + m[2].length, start } : undefined;
}

/** The value of `key` in the mapping that holds `owner` (a key at the same column, above or below it). */
function siblingValue(text: string, owner: KeyLine, key: string): string | undefined {
  const sibling = (line: YamlLine): string | undefined => {
    const found = keyLineOf(line);
    if (found?.column !== owner.column || found.key !== key) return undefined;
    return line.line.slice(KEY_LINE.exec(line.line)?.[0].length).replace(/[ \t]+#.*$/, '').trim();
  };
  // Below: up to the first line left of the mapping (the next item's dash, the parent's next key).
  for (const line of linesBelow(text, owner.start)) {
    if (line.indent < owner.column) break;
    const value = sibling(line);
    if (value !== undefined) return value;
  }
  // Above: up to the line that opens the mapping (`- shell: cmd` may be that line).
  for (const line of linesAbove(text, owner.start)) {
    const value = sibling(line);
    if (value !== undefined) return value;
    if (line.indent < owner.column) break;
  }
  return undefined;
}

function keyOnLine(text: string, start: number): KeyLine | undefined {
  return keyLineOf({ line: text.slice(start, lineEndOf(text, start)), start, indent: 0 });
}

/**
 * The key holding the list whose item starts at `dashColumn` on the line at `lineStart`: above
 * the sibling items, a key left of the dash, or at its column when the list is not indented
 * (`script:` then `- |` at the same column, as GitLab's docs write it).
 */
function listKey(text: string, lineStart: number, dashColumn: number): KeyLine | undefined {
  for (const line of linesAbove(text, lineStart)) {
    // A sibling item, or a deeper line of one: the list goes on above.
    if (line.indent > dashColumn || (line.indent === dashColumn && line.line.trimStart().startsWith('-'))) continue;
    return keyLineOf(line);
  }
  return undefined;
}

/**
 * The key of the nearest line above `lineStart` whose key sits left of `column`: the key a value
 * at `column` belongs to. Undefined when a line left of it holds no key, or none is near.
 */
function keyAbove(text: string, lineStart: number, column: number): KeyLine | undefined {
  for (const line of linesAbove(text, lineStart)) {
    const found = keyLineOf(line);
    if ((found?.column ?? line.indent) < column) return found;
  }
  return undefined;
}

function lineEndOf(text: string, start: number): number {
  const lf = text.indexOf('\n', start);
  const end = lf === -1 ? text.length : lf;
  return end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/** Azure Pipelines (`##vso[...]`) and GitHub Actions (`##[group]`) logging commands: echoed text, not comments. */
const LOGGING_COMMAND = /^##(?:vso)?\[/;

/** `<<EOF`, `<<-EOF`, `<< 'EOF'`, `<<"EOF"` (not `<<<`, a here-string on one line). */
const HEREDOC = /<<(-?)[ \t]*(["']?)([A-Za-z_][\w-]*)\2/y;

/**
 * The `#` comments of one script block, line by line. Quotes carry over from line to line (a
 * string over several lines, `python -c "..."`, PowerShell's `@" ... "@`), and heredoc bodies are
 * skipped up to their terminator: a `#` in either is text the script prints or passes on.
 */
export class ShellComments {
  private quote = 0;
  private heredoc: string | null = null;

  constructor(private readonly ctx: LexContext) {}

  /** Scans one line of the block: [from, lineEnd), `from` at its first non-space character. */
  line(from: number, lineEnd: number): void {
    const text = this.ctx.text;
    if (this.heredoc !== null) {
      if (text.slice(from, lineEnd).trim() === this.heredoc) this.heredoc = null;
      return;
    }
    for (let j = from; j < lineEnd; j++) {
      const c = text.charCodeAt(j);
      if (this.quote !== 0) {
        if (c === 92 && this.quote === 34) j++;
        else if (c === this.quote) this.quote = 0;
      } else if (c === 39 || c === 34) {
        this.quote = c;
      } else if (c === 92) {
        j++;
      } else if (c === 60 && text.charCodeAt(j + 1) === 60) {
        HEREDOC.lastIndex = j;
        const m = HEREDOC.exec(text);
        if (m && m.index + m[0].length <= lineEnd) {
          this.heredoc = m[3];
          j = m.index + m[0].length - 1;
        } else {
          j++;
        }
      } else if (c === 35 && startsWord(text, from, j) && !LOGGING_COMMAND.test(text.slice(j, j + 6))) {
        this.ctx.comment('line', j, lineEnd, j + 1, lineEnd);
        return;
      }
    }
  }
}

/** A `#` starts a comment at the start of a word: after a space or a shell operator (`make;# x`). */
function startsWord(text: string, lineFrom: number, at: number): boolean {
  if (at === lineFrom) return true;
  const p = text.charCodeAt(at - 1);
  return isSpace(p) || p === 59 || p === 38 || p === 124 || p === 40;
}
