import { JAVASCRIPT } from '../languages/web';
import { PYTHON } from '../languages/scripting';
import { compile, type CompiledSpec } from './compile';
import { isSpace, type LexContext } from './context';
import type { LanguageSpec } from './types';

/**
 * YAML literal blocks that are shell scripts (`run: |` in a GitHub Actions step): which blocks
 * are, and the `#` comments in them. Checked against 152 real CI files (GitHub Actions, GitLab,
 * Azure Pipelines, CircleCI, Travis, Drone, Ansible, Taskfile, Kubernetes) and probes of the ways
 * a `#` in a script is not a comment: heredoc bodies, strings over several lines, PowerShell
 * here-strings, Azure's `##vso[` logging commands, scripts in other languages.
 */

/** The language of a script block, which decides what a comment is in it. */
export type ScriptDialect = 'sh' | 'pwsh' | 'cmd' | 'python' | 'js';

/**
 * Keys whose literal block is a script, and its language: GitHub Actions `run`, GitLab, Bitbucket
 * and Travis `script` and its neighbours, Azure Pipelines `bash`/`pwsh`/`powershell`/
 * `inlineScript`, Drone/Woodpecker `commands`, Ansible `shell` and `win_shell` (also by their
 * collection names), Taskfile `cmds`, cloud-init `runcmd`/`bootcmd`. Matched on the whole key:
 * `setup.cmd` in a ConfigMap is a file name.
 */
const SCRIPT_KEYS = new Map<string, ScriptDialect>([
  ...['run', 'script', 'before_script', 'after_script', 'before_install', 'install', 'after_success', 'after_failure'].map(sh),
  ...['commands', 'cmds', 'shell', 'bash', 'sh', 'inlineScript', 'runcmd', 'bootcmd', 'ansible.builtin.shell', 'ansible.legacy.shell'].map(sh),
  ...['pwsh', 'powershell', 'win_shell', 'ansible.windows.win_shell'].map((key): [string, ScriptDialect] => [key, 'pwsh']),
]);

function sh(key: string): [string, ScriptDialect] {
  return [key, 'sh'];
}

/** Ansible modules whose `cmd:` parameter is their script (`shell: { cmd: |, chdir: x }`). */
const ANSIBLE_SHELLS = new Set(['shell', 'ansible.builtin.shell', 'ansible.legacy.shell', 'win_shell', 'ansible.windows.win_shell']);

/**
 * AppVeyor's script phases, whose items name their language: `- ps: |` (PowerShell), `- cmd: |`.
 * (An item without one runs in cmd on Windows and bash on Linux: which, the file may not say.)
 */
const APPVEYOR_PHASES = new Set([
  'init', 'clone_script', 'install', 'before_build', 'build_script', 'after_build', 'before_test', 'test_script', 'after_test',
  'before_package', 'before_deploy', 'deploy_script', 'after_deploy', 'on_success', 'on_failure', 'on_finish',
]);

/** How far up a line looks for the key that holds it (`script:` above `- |`, `with:` above `script: |`). */
const MAX_LOOKBACK = 200;

/** A line that opens a mapping key: its column (after any `- ` of list items) and the key. */
const KEY_LINE = /^( *)((?:- +)*)(["']?)([\w.-]+)\3[ \t]*:(?:[ \t]|$)/;

interface KeyLine {
  key: string;
  column: number;
  /** The key opens a list item (`- ps: |`). */
  item: boolean;
  /** Offset of the line's start. */
  start: number;
  /** Where the value starts on the line: after `key:` and its spaces. */
  valueAt: number;
}

/**
 * The language of the block scalar whose indicator follows `at` (the `:` of `key: |`, or the `-`
 * of a list item `- |`) on the line starting at `lineStart`, or undefined when it is no script.
 */
function scriptDialect(scan: YamlScan, lineStart: number, at: number): ScriptDialect | undefined {
  const text = scan.text;
  const owner = text.charCodeAt(at) === 58 ? keyOnLine(text, lineStart) : text.charCodeAt(at) === 45 ? scan.listKey(lineStart, at - lineStart) : undefined;
  if (owner === undefined) return undefined;
  const holder = keyAbove(text, owner.start, owner.column);
  const parent = holder?.key;
  // Inputs of an action are its values, not shell; the `script` of actions/github-script is JavaScript.
  if (holder !== undefined && parent === 'with') return owner.key === 'script' && text.charCodeAt(at) === 58 && githubScript(text, holder) ? 'js' : undefined;
  switch (owner.key) {
    case 'script': {
      const shebang = text.charCodeAt(at) === 58 ? shebangDialect(text, lineStart) : undefined;
      return shebang !== undefined && honoursShebang(text, owner, parent) ? shebang : 'sh';
    }
    // CircleCI's `run: command: |` is shell; Compose's and Ansible's `command` run no shell at all.
    case 'command':
      return parent === 'run' ? 'sh' : undefined;
    case 'cmd':
      if (parent !== undefined && ANSIBLE_SHELLS.has(parent)) return ansibleDialect(text, parent, owner);
      return appVeyorItem(owner, parent) ? 'cmd' : undefined;
    case 'ps':
      return appVeyorItem(owner, parent) ? 'pwsh' : undefined;
    // Argo Workflows: `script: { command: [bash], source: | }`; the source of `[python]` is Python.
    case 'source':
      return parent === 'script' ? argoDialect(siblingValue(text, owner, 'command')) : undefined;
    // A GitHub Actions step's `shell:` names its language: in cmd.exe a `#` is text (`echo Build #42`).
    case 'run':
      return shellDialect(siblingValue(text, owner, 'shell') ?? defaultShell(scan, owner));
    default:
      return ANSIBLE_SHELLS.has(owner.key) ? ansibleDialect(text, owner.key, owner) : SCRIPT_KEYS.get(owner.key);
  }
}

/** Whether the step holding `with` (its KeyLine) uses actions/github-script (`uses: actions/github-script@v7`). */
function githubScript(text: string, withKey: KeyLine): boolean {
  return /^["']?actions\/github-script(?:@|["']?$)/.test(siblingValue(text, withKey, 'uses') ?? '');
}

/** An interpreter's name (`python3`, `/usr/bin/env node`, `pwsh.exe`) as the language of its script, when it is not a shell. */
function interpreterDialect(name: string): ScriptDialect | undefined {
  if (name === 'bash' || name === 'sh') return undefined; // most steps: spare them the patterns below
  if (/^python[\d.]*(?:\.exe)?$/i.test(name)) return 'python';
  if (/^node(?:js)?(?:\.exe)?$/i.test(name)) return 'js';
  if (/^(?:pwsh|powershell)(?:\.exe)?$/i.test(name)) return 'pwsh';
  return /^cmd(?:\.exe)?$/i.test(name) ? 'cmd' : undefined;
}

/** The program a command line runs, its path left off: `/usr/bin/python3 -u {0}` is `python3`, `C:\\Windows\\cmd.exe` is `cmd.exe`. */
function programName(command: string): string {
  const program = /^["']?([^\s"']+)/.exec(command)?.[1] ?? '';
  return program.slice(Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\')) + 1);
}

/** `#!/usr/bin/env python3`, `#!/usr/bin/python -u`, `#! /usr/bin/env -S node --flag` */
const SHEBANG = /^#![ \t]*(\S+)(?:[ \t]+(?:-\S+[ \t]+)*(\S+))?/;

/** The language a shebang on the first line of the block under the line at `lineStart` names, when it is not a shell. */
function shebangDialect(text: string, lineStart: number): ScriptDialect | undefined {
  for (let start = lineAfter(text, lineStart); start >= 0; start = lineAfter(text, start)) {
    const line = text.slice(start, lineEndOf(text, start)).trim();
    if (line !== '') {
      const m = SHEBANG.exec(line);
      if (m === null) return undefined;
      const program = programName(m[1]);
      return interpreterDialect(program === 'env' && m[2] !== undefined ? m[2] : program);
    }
  }
  return undefined;
}

/**
 * Whether the `script:` at `owner` (held by `parent`) runs as a file whose shebang picks its
 * interpreter: a Tekton step or sidecar (an item of `steps:`/`sidecars:` with an `image:`) or
 * StepAction (`spec:` with an `image:`). Elsewhere a shell runs the script, and `#!` is a comment
 * to it: a GitLab job's or an Azure Pipelines step's script. (Argo's `script:` names its
 * interpreter in `command:`, see argoDialect.)
 */
function honoursShebang(text: string, owner: KeyLine, parent: string | undefined): boolean {
  return (parent === 'steps' || parent === 'sidecars' || parent === 'spec') && siblingValue(text, owner, 'image') !== undefined;
}

/** An Argo script's `command:` (`[bash]`, `["/usr/bin/python3"]`): the language of its source, undefined when unknown. */
function argoDialect(command: string | undefined): ScriptDialect | undefined {
  const first = /^\[\s*(["']?)([^\s,\]"']+)\1\s*[\],]/.exec(command ?? '');
  if (first === null) return undefined;
  const program = programName(first[2]);
  return /^(?:ba)?sh$/.test(program) ? 'sh' : interpreterDialect(program);
}

/**
 * The language of an Ansible shell module's script (`module` is its key): the module's own, unless
 * a Windows one runs another `executable` (`args: { executable: cmd }`, or next to `cmd:` when
 * `params` is that key).
 */
function ansibleDialect(text: string, module: string, params: KeyLine): ScriptDialect | undefined {
  const dialect = SCRIPT_KEYS.get(module);
  if (dialect !== 'pwsh') return dialect;
  const executable = (params.key === 'cmd' ? siblingValue(text, params, 'executable') : undefined) ?? argsExecutable(text, params);
  return executable === undefined ? dialect : (interpreterDialect(programName(executable)) ?? dialect);
}

/** The `executable` under the task's `args:` (a sibling of `params`, or of the module key holding it). */
function argsExecutable(text: string, params: KeyLine): string | undefined {
  const task = params.key === 'cmd' ? keyAbove(text, params.start, params.column) : params;
  const args = task === undefined ? undefined : siblingLine(text, task, 'args');
  return args === undefined ? undefined : valueBelow(text, args, ['executable']);
}

/**
 * scriptDialect for an indicator that may open its line: then (`at` below `lineStart`) the node it
 * is the value of is on the line above, `run:` or `-` with nothing after it, as YAML allows:
 *
 *     run:
 *       |
 *         echo hi
 */
export function blockDialect(text: string, lineStart: number, at: number, scan = new YamlScan(text)): ScriptDialect | undefined {
  if (at >= lineStart) return scriptDialect(scan, lineStart, at);
  const indent = indentAt(text, lineStart);
  for (const line of linesAbove(text, lineStart)) {
    if (line.indent >= indent) return undefined;
    // The holder ends with its key's `:` or its item's `-` (a comment after it aside).
    const holder = /^(.*?[:-])[ \t]*(?:#.*)?$/.exec(line.line)?.[1] ?? '';
    const key = keyLineOf(line);
    if (key !== undefined ? key.valueAt < holder.length : !/^[ \t]*-(?:[ \t]+-)*$/.test(holder)) return undefined;
    return scriptDialect(scan, line.start, line.start + holder.length - 1);
  }
  return undefined;
}

/** `- ps: |` or `- cmd: |` as an item of an AppVeyor phase (`build_script:`): elsewhere `ps` and `cmd` may be anything. */
function appVeyorItem(owner: KeyLine, parent: string | undefined): boolean {
  return owner.item && parent !== undefined && APPVEYOR_PHASES.has(parent);
}

/** A workflow's own `defaults:` (at the left margin). */
const WORKFLOW_DEFAULTS = /^defaults:[ \t]*(?:#.*)?$/m;

/**
 * The `defaults: run: shell:` that applies to a GitHub Actions step naming no shell (`owner` is
 * its `run:`): its job's (any mapping holding the step), else the workflow's.
 */
function defaultShell(scan: YamlScan, owner: KeyLine): string | undefined {
  const text = scan.text;
  const defaults = scan.workflowDefaults();
  if (!defaults.any) return undefined;
  let left = owner.column;
  for (const line of linesAbove(text, owner.start)) {
    if (line.indent >= left) continue;
    left = line.indent;
    const shell = valueBelow(text, line, ['defaults', 'run', 'shell']);
    if (shell !== undefined) return shell;
    if (left === 0) break;
  }
  const workflow = defaults.workflow;
  return workflow ? valueBelow(text, { line: workflow.line, start: workflow.start, indent: 0 }, ['run', 'shell']) : undefined;
}

/**
 * What is learnt about one YAML text while reading its blocks, for one lex (or one yamlBlockAt):
 * the lexer keeps it with its context, so a text of megabytes is not held once lexed.
 */
export class YamlScan {
  private defaults: { any: boolean; workflow: { line: string; start: number } | undefined } | undefined;
  /** listKey reads the lines before `frontier` once, top down; `open` holds those a later item may belong under. */
  private frontier = 0;
  private open: YamlLine[] = [];

  constructor(readonly text: string) {}

  /**
   * Whether the text holds `defaults:` at all, and the workflow's own: searched once per text, not
   * once per `run:` block (that made a 1 MB workflow of 10,000 steps cost a search of the whole
   * text per step).
   */
  workflowDefaults(): { any: boolean; workflow: { line: string; start: number } | undefined } {
    if (this.defaults === undefined) {
      const any = this.text.includes('defaults:');
      const found = any ? WORKFLOW_DEFAULTS.exec(this.text) : null;
      this.defaults = { any, workflow: found ? { line: found[0], start: found.index } : undefined };
    }
    return this.defaults;
  }

  /**
   * The key holding the list whose item starts at `dashColumn` on the line at `lineStart`: above
   * the sibling items (and their deeper lines), a key left of the dash, or at its column when the
   * list is not indented (`script:` then `- |` at the same column, as GitLab's docs write it).
   * However far above it is (a GitLab script of many items).
   *
   * That key is on the nearest line above that is neither deeper than the dash nor an item at its
   * column. `open` holds the lines read so far that may still be that line for some item below: a
   * line hides from the lines after it the deeper lines above it, the items at its column, and, if
   * it is no item, every line at its column. Each line is pushed and dropped once, so a text costs
   * one pass however its items are indented; walking up from each item read the lines above again
   * for every item less indented than the last (columns 1000, 999, 998...): quadratic.
   */
  listKey(lineStart: number, dashColumn: number): KeyLine | undefined {
    // The lexer asks top down; anything else (yamlBlockAt asks once) reads the text again.
    if (lineStart < this.frontier) {
      this.frontier = 0;
      this.open = [];
    }
    const text = this.text;
    for (let start = this.frontier; start < lineStart; ) {
      const end = lineEndOf(text, start);
      const line = yamlLine(text, start, end);
      if (line !== undefined) this.push(line, this.isDash(line));
      start = end < text.length ? nextLineStart(text, end) : text.length;
    }
    this.frontier = lineStart;
    this.drop(dashColumn, true);
    const holder = this.open[this.open.length - 1];
    return holder === undefined ? undefined : keyLineOf(holder);
  }

  private isDash(line: YamlLine): boolean {
    return this.text.charCodeAt(line.start + line.indent) === 45;
  }

  /** Drops the lines a line at `indent` hides from the lines below it, then pushes it. */
  private push(line: YamlLine, dash: boolean): void {
    this.drop(line.indent, dash);
    this.open.push(line);
  }

  /** Drops the lines deeper than `indent`, and those at it that are items (or, below a line that is no item, any). */
  private drop(indent: number, dash: boolean): void {
    const open = this.open;
    for (let top = open[open.length - 1]; top !== undefined; top = open[open.length - 1]) {
      if (top.indent < indent || (top.indent === indent && dash && !this.isDash(top))) break;
      open.pop();
    }
  }
}

/** The value at `path` (`['run', 'shell']`) in the mapping under `parent`, when it is near. */
function valueBelow(text: string, parent: YamlLine, path: readonly string[]): string | undefined {
  let childIndent = -1;
  for (const line of linesBelow(text, parent.start)) {
    if (line.indent <= parent.indent) return undefined;
    if (childIndent < 0) childIndent = line.indent;
    const m = line.indent === childIndent ? KEY_LINE.exec(line.line) : null;
    if (m === null || m[2] !== '' || m[4] !== path[0]) continue;
    return path.length === 1 ? valueAfter(line.line, m[0].length) : valueBelow(text, line, path.slice(1));
  }
  return undefined;
}

/**
 * The language of a GitHub Actions `shell:` (`bash`, `pwsh`, `cmd /D /E:ON {0}`, `python`, a custom
 * `/usr/bin/python3 -u {0}` or `node {0}`); a shell by default.
 */
function shellDialect(shell: string | undefined): ScriptDialect {
  return shell === undefined ? 'sh' : (interpreterDialect(programName(shell)) ?? 'sh');
}


/**
 * A block scalar's indicator at the end of its line: `key: |`, `- >-`, `run: |2 # comment`, after
 * an anchor or a tag (`script: &build |`, `run: !!str |`, as tryYamlBlockScalar reads them).
 */
const BLOCK_INDICATOR = /([:\-?])[ \t]+(?:(?:&[^\s,[\]{}]+|![^\s,[\]{}]*)[ \t]+){0,2}([|>])[-+0-9]*[ \t]*(?:#.*)?$/;

/** The same indicator opening its line, the value of the key or item on the line above (see blockDialect). */
const OWN_LINE_INDICATOR = /^[ \t]*(?:(?:&[^\s,[\]{}]+|![^\s,[\]{}]*)[ \t]+){0,2}([|>])[-+0-9]*[ \t]*(?:#.*)?$/;

/**
 * What a YAML block scalar holding a line is, for a comment written into it: a 'script' whose `#`
 * lines are comments (shell, PowerShell, Python), a 'cmd' script (a `#` line is a command there,
 * `REM` starts a comment), a 'javascript' one (`//`), a 'folded' script (`run: >`: a comment there
 * would run on into the line folded onto it), or a 'value' whose lines are text.
 */
export type YamlBlockKind = 'script' | 'cmd' | 'javascript' | 'folded' | 'value';

const BLOCK_KINDS: Record<ScriptDialect, YamlBlockKind> = { sh: 'script', pwsh: 'script', python: 'script', cmd: 'cmd', js: 'javascript' };

/**
 * Whether the line starting at `lineStart` lies in a YAML block scalar, and of which kind, as the
 * lexer reads the block. Undefined outside any block. Walks up to the nearest line left of the
 * line and of every line met on the way: a block's own lines may be indented further among
 * themselves (`if`/`fi`).
 */
export function yamlBlockAt(text: string, lineStart: number): YamlBlockKind | undefined {
  let left = lineEndOf(text, lineStart) === lineStart ? Infinity : indentAt(text, lineStart);
  // As far up as it takes: the lexer reads a block of any length, and this walk is made once per ignore planned.
  for (const line of linesAbove(text, lineStart, Infinity)) {
    if (line.indent >= left) continue;
    const indicator = BLOCK_INDICATOR.exec(line.line);
    const own = indicator ? null : OWN_LINE_INDICATOR.exec(line.line);
    if (indicator || own) {
      // `indicator.index` is at the `:` of `key: |` or the `-` of `- |`, as blockDialect takes it (before the line when it opens it).
      const dialect = blockDialect(text, line.start, indicator ? line.start + indicator.index : line.start - 1, new YamlScan(text));
      // As tryYamlBlockScalar reads it: a folded block is a script only in the shells.
      if ((indicator?.[2] ?? own?.[1]) === '>') return dialect === 'sh' || dialect === 'pwsh' || dialect === 'cmd' ? 'folded' : 'value';
      return dialect === undefined ? 'value' : BLOCK_KINDS[dialect];
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

/**
 * A line found by linesAbove or linesBelow: its text is cut from the document only when asked
 * for. The walks skip most lines by their indentation alone (the earlier steps of a job), and
 * cutting each of up to MAX_LOOKBACK lines for every block made a workflow of many steps slow to lex.
 */
class LazyLine implements YamlLine {
  constructor(
    private readonly text: string,
    readonly start: number,
    private readonly end: number,
    readonly indent: number,
  ) {}

  get line(): string {
    return this.text.slice(this.start, this.end);
  }
}

/** The line [start, end) (no line break, no trailing CR) as a YamlLine, or undefined when blank or only a comment. */
function yamlLine(text: string, start: number, end: number): YamlLine | undefined {
  let k = start;
  while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  const c = k < end ? text.charCodeAt(k) : -1;
  if (c === 35) return undefined; // a comment line
  if (c > 32 && c < 128) return new LazyLine(text, start, end, k - start);
  // Blank, or led by other white space or control characters: as String.prototype.trimStart sees it.
  const line = text.slice(start, end);
  const trimmed = line.trimStart();
  return trimmed !== '' && !trimmed.startsWith('#') ? { line, start, indent: line.length - trimmed.length } : undefined;
}

/** The YAML lines above the line starting at `lineStart`, nearest first, at most `max` of them. */
function* linesAbove(text: string, lineStart: number, max = MAX_LOOKBACK): Generator<YamlLine> {
  let start = lineStart;
  for (let n = 0; n < max && start > 0; n++) {
    // The line above ends at the line break before `start`: its \r when that is a \r\n.
    let end = start - 1;
    if (end > 0 && text.charCodeAt(end) === 10 && text.charCodeAt(end - 1) === 13) end--;
    start = lineStartAt(text, end);
    const line = yamlLine(text, start, end);
    if (line) yield line;
  }
}

/** The YAML lines below the line starting at `lineStart`, nearest first, at most MAX_LOOKBACK of them. */
function* linesBelow(text: string, lineStart: number): Generator<YamlLine> {
  let start = lineAfter(text, lineStart);
  for (let n = 0; n < MAX_LOOKBACK && start >= 0; n++) {
    const end = lineEndOf(text, start);
    const line = yamlLine(text, start, end);
    if (line) yield line;
    start = end < text.length ? nextLineStart(text, end) : -1;
  }
}

function keyLineOf({ line, start }: YamlLine): KeyLine | undefined {
  const m = KEY_LINE.exec(line);
  return m ? { key: m[4], column: m[1].length + m[2].length, item: m[2] !== '', start, valueAt: m[0].length } : undefined;
}

/** A key's value on its line: what follows `key:`, less a trailing comment. */
function valueAfter(line: string, at: number): string {
  return line.slice(at).replace(/[ \t]+#.*$/, '').trim();
}

/** The value of `key` in the mapping that holds `owner` (a key at the same column, above or below it). */
function siblingValue(text: string, owner: KeyLine, key: string): string | undefined {
  const found = siblingKey(text, owner, key);
  return found === undefined ? undefined : valueAfter(found.line.line, found.key.valueAt);
}

/** The line of `key` in the mapping that holds `owner`, as a line whose indentation is the key's column (for valueBelow). */
function siblingLine(text: string, owner: KeyLine, key: string): YamlLine | undefined {
  const found = siblingKey(text, owner, key);
  return found === undefined ? undefined : { line: found.line.line, start: found.line.start, indent: found.key.column };
}

function siblingKey(text: string, owner: KeyLine, key: string): { line: YamlLine; key: KeyLine } | undefined {
  const sibling = (line: YamlLine): KeyLine | undefined => {
    const found = keyLineOf(line);
    return found?.column === owner.column && found.key === key ? found : undefined;
  };
  // Below: up to the first line left of the mapping (the next item's dash, the parent's next key).
  for (const line of linesBelow(text, owner.start)) {
    if (line.indent < owner.column) break;
    const found = sibling(line);
    if (found !== undefined) return { line, key: found };
  }
  // Above: up to the line that opens the mapping (`- shell: cmd` may be that line).
  for (const line of linesAbove(text, owner.start)) {
    const found = sibling(line);
    if (found !== undefined) return { line, key: found };
    if (line.indent < owner.column) break;
  }
  return undefined;
}

function keyOnLine(text: string, start: number): KeyLine | undefined {
  return keyLineOf({ line: text.slice(start, lineEndOf(text, start)), start, indent: 0 });
}

/**
 * The key of the nearest line above `lineStart` whose key sits left of `column`: the key a value
 * at `column` belongs to. Undefined when a line left of it holds no key, or none is near.
 */
function keyAbove(text: string, lineStart: number, column: number): KeyLine | undefined {
  for (const line of linesAbove(text, lineStart)) {
    // A key's column is at least its line's indentation: a line indented as far is no parent
    // (and most lines above a step are the earlier steps, so this skips the regex for them).
    if (line.indent >= column) continue;
    const found = keyLineOf(line);
    if ((found?.column ?? line.indent) < column) return found;
  }
  return undefined;
}

/*
 * Lines end at \n, \r\n or a lone \r, as the engine (rules/lineIndex.ts), the lexer and VS Code
 * split them: a file saved with old Mac line endings is lexed as the same file with line feeds.
 */

/** Where the line starting at `start` ends: at its line break, or the end of the text. */
function lineEndOf(text: string, start: number): number {
  let k = start;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) break;
  }
  return k;
}

/** Where the line holding `at` starts: after the nearest line break before `at`. */
function lineStartAt(text: string, at: number): number {
  let k = at - 1;
  for (; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) break;
  }
  return k + 1;
}

/** Where the line after the one holding `at` starts, or -1 when that is the last line. */
function lineAfter(text: string, at: number): number {
  const end = lineEndOf(text, at);
  if (end >= text.length) return -1;
  const next = nextLineStart(text, end);
  return next < text.length ? next : -1;
}

/** Azure Pipelines (`##vso[...]`) and GitHub Actions (`##[group]`) logging commands: echoed text, not comments. */
const LOGGING_COMMAND = /^##(?:vso)?\[/;

/** `<<EOF`, `<<-EOF`, `<< 'EOF'`, `<<"EOF"` (not `<<<`, a here-string on one line). */
const HEREDOC = /<<(-?)[ \t]*(["']?)([A-Za-z_][\w-]*)\2/y;

/** The comments of one script block, fed its lines one by one. */
export interface ScriptComments {
  /** Scans one line of the block: [from, lineEnd), `from` at its first non-space character. */
  line(from: number, lineEnd: number): void;
  /** The block ended at `at`: a comment still open (`<#` without `#>`) ends there. */
  end(at: number): void;
}

export function scriptComments(ctx: LexContext, dialect: ScriptDialect, folded = false): ScriptComments {
  return folded ? new FoldedComments(ctx, lineComments(ctx, dialect)) : lineComments(ctx, dialect);
}

function lineComments(ctx: LexContext, dialect: ScriptDialect): ScriptComments {
  switch (dialect) {
    case 'pwsh':
      return new PowerShellComments(ctx);
    case 'cmd':
      return new CmdComments(ctx);
    case 'python':
      return new EmbeddedComments(ctx, compile(PYTHON_IN_YAML));
    case 'js':
      return new EmbeddedComments(ctx, compile(JAVASCRIPT_IN_YAML));
    default:
      return new ShellComments(ctx);
  }
}

/**
 * Python and JavaScript as script blocks lex them: their strings stay code, as the rest of a YAML
 * value does (`subprocess.run("curl -k ...")` in a workflow is reported like `run: curl -k`), but
 * are read as strings, so a `#` or `//` in one starts no comment.
 */
const PYTHON_IN_YAML: LanguageSpec = { ...PYTHON, valuesAreCode: true };
const JAVASCRIPT_IN_YAML: LanguageSpec = { ...JAVASCRIPT, valuesAreCode: true };

/**
 * The comments of a block in a language the lexer knows whole (Python, JavaScript): the block's
 * lines, from its first line's text to its end, lexed as that language once the block has ended.
 * The block's indentation is white space there, which neither language minds.
 */
class EmbeddedComments implements ScriptComments {
  private from = -1;

  constructor(
    private readonly ctx: LexContext,
    private readonly spec: CompiledSpec,
  ) {}

  line(from: number): void {
    if (this.from < 0) this.from = from;
  }

  end(at: number): void {
    if (this.from < 0) return;
    const ctx = this.ctx;
    // The block is one construct of the YAML: an incremental lex (which YAML never is today) must not stop inside it.
    const onLine = ctx.onLine;
    ctx.onLine = null;
    ctx.scanRegion(ctx, this.spec, this.from, at);
    ctx.onLine = onLine;
    // The YAML goes on after the block with none of the embedded language's token history.
    ctx.resetTokens(lineStartAt(ctx.text, at));
  }
}

/**
 * The comments of a folded script block (`run: >`). YAML joins a line to the next with a space when
 * both are text lines at the block's indentation with no blank line between them, so a comment
 * that reaches the end of its line takes in the lines folded onto it: `# build` above `make` is one
 * shell line, `# build make`, and make never runs. (More-indented lines and blank lines keep their
 * line breaks.) Those lines are comment text, not code; the rest is the dialect's, line by line.
 */
class FoldedComments implements ScriptComments {
  /** The block's indentation: its first line's. */
  private indent = -1;
  /** End of the previous line, and whether it was a text line at the block's indentation. */
  private previousEnd = -1;
  private previousText = false;
  /** A line comment reached the end of the previous line. */
  private runsOn = false;

  constructor(
    private readonly ctx: LexContext,
    private readonly inner: ScriptComments,
  ) {}

  line(from: number, lineEnd: number): void {
    const { ctx } = this;
    const text = ctx.text;
    const start = lineStartAt(text, from);
    if (this.indent < 0) this.indent = from - start;
    const isText = from - start <= this.indent;
    const folded = this.previousText && isText && nextLineStart(text, this.previousEnd) === start;
    this.previousEnd = lineEnd;
    this.previousText = isText;
    if (folded && this.runsOn) {
      ctx.comment('line', from, lineEnd, from, lineEnd);
      return;
    }
    const count = ctx.comments.length;
    this.inner.line(from, lineEnd);
    const last = ctx.comments[ctx.comments.length - 1];
    this.runsOn = ctx.comments.length > count && last.kind === 'line' && last.end === lineEnd;
  }

  end(at: number): void {
    this.inner.end(at);
  }
}

/** Where the line after the line ending at `lineEnd` (at its CR or LF) starts. */
function nextLineStart(text: string, lineEnd: number): number {
  return text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? lineEnd + 2 : lineEnd + 1;
}

/**
 * The `#` comments of one script block, line by line. Quotes carry over from line to line (a
 * string over several lines, `python -c "..."`, PowerShell's `@" ... "@`), and heredoc bodies are
 * skipped up to their terminator: a `#` in either is text the script prints or passes on.
 */
class ShellComments implements ScriptComments {
  private quote = 0;
  private heredoc: string | null = null;

  constructor(private readonly ctx: LexContext) {}

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

  end(): void {
    // Nothing spans lines as a comment in a shell.
  }
}

/**
 * The comments of a PowerShell block: `#` at the start of a word, `<# ... #>` over any number of
 * lines. Quotes carry over from line to line as in ShellComments, but the escape character is the
 * backtick (`"C:\temp\"` ends at its last quote), `'` strings have none, and a here-string
 * (`@"` or `@'` ending its line) runs to the line starting with `"@` or `'@`.
 */
class PowerShellComments implements ScriptComments {
  private quote = 0;
  private hereString: string | null = null;
  /** Where an unclosed `<#` opened, or -1. */
  private blockStart = -1;

  constructor(private readonly ctx: LexContext) {}

  line(from: number, lineEnd: number): void {
    const text = this.ctx.text;
    let j = from;
    if (this.hereString !== null) {
      if (!text.startsWith(this.hereString, from)) return;
      this.hereString = null;
      j += 2;
    } else if (this.blockStart >= 0) {
      const close = text.indexOf('#>', from);
      if (close < 0 || close + 2 > lineEnd) return;
      this.ctx.comment('block', this.blockStart, close + 2, this.blockStart + 2, close);
      this.blockStart = -1;
      j = close + 2;
    }
    for (; j < lineEnd; j++) {
      const c = text.charCodeAt(j);
      if (this.quote !== 0) {
        if (c === 96 && this.quote === 34) j++;
        else if (c === this.quote) this.quote = 0;
      } else if (c === 64 && (text.charCodeAt(j + 1) === 34 || text.charCodeAt(j + 1) === 39) && restIsBlank(text, j + 2, lineEnd)) {
        this.hereString = text.charAt(j + 1) + '@';
        return;
      } else if (c === 39 || c === 34) {
        this.quote = c;
      } else if (c === 96) {
        j++;
      } else if (c === 60 && text.charCodeAt(j + 1) === 35 && startsPowerShellToken(text, from, j)) {
        const close = text.indexOf('#>', j + 2);
        if (close < 0 || close + 2 > lineEnd) {
          this.blockStart = j;
          return;
        }
        this.ctx.comment('block', j, close + 2, j + 2, close);
        j = close + 1;
      } else if (c === 35 && startsPowerShellToken(text, from, j) && !LOGGING_COMMAND.test(text.slice(j, j + 6))) {
        this.ctx.comment('line', j, lineEnd, j + 1, lineEnd);
        return;
      }
    }
  }

  end(at: number): void {
    if (this.blockStart >= 0) this.ctx.comment('block', this.blockStart, at, this.blockStart + 2, at);
    this.blockStart = -1;
  }
}

/**
 * The comments of a cmd.exe block: a line that is `REM ...` (or `@REM`) or `::...`. A `#` is text
 * there (`echo Build #42`), and a line after one ending in `^` goes on with that command.
 */
class CmdComments implements ScriptComments {
  private continued = false;

  constructor(private readonly ctx: LexContext) {}

  line(from: number, lineEnd: number): void {
    const text = this.ctx.text;
    const continued = this.continued;
    this.continued = text.charCodeAt(lineEnd - 1) === 94;
    if (continued) return;
    if (text.startsWith('::', from)) {
      this.ctx.comment('line', from, lineEnd, from + 2, lineEnd);
      return;
    }
    const rem = text.charCodeAt(from) === 64 ? from + 1 : from;
    if (REM.test(text.slice(rem, Math.min(rem + 4, lineEnd)))) {
      this.ctx.comment('line', from, lineEnd, rem + 3, lineEnd);
      // A REM line ending in `^` does not continue: the caret is part of the remark.
      this.continued = false;
    }
  }

  end(): void {
    // Nothing spans lines as a comment in cmd.
  }
}

/** `REM` as a command of its own: followed by a blank or the end of the line. */
const REM = /^rem(?:[ \t]|$)/i;

function restIsBlank(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpace(text.charCodeAt(k))) return false;
  return true;
}

/** PowerShell starts a comment at the start of a token: after a blank or `;|(){}` (`a#b` is a word). */
function startsPowerShellToken(text: string, lineFrom: number, at: number): boolean {
  if (at === lineFrom) return true;
  const p = text.charCodeAt(at - 1);
  return isSpace(p) || p === 59 || p === 124 || p === 40 || p === 41 || p === 123 || p === 125;
}

/** A `#` starts a comment at the start of a word: after a space or a shell operator (`make;# x`). */
function startsWord(text: string, lineFrom: number, at: number): boolean {
  if (at === lineFrom) return true;
  const p = text.charCodeAt(at - 1);
  return isSpace(p) || p === 59 || p === 38 || p === 124 || p === 40;
}
