import * as vscode from 'vscode';
import { describeCounts, filterFindings, groupFindings, isFiltering, readFilter, type FindingFilter, type GroupMode } from '../../core/grouping';
import { ruleInfo } from '../../core/rules/catalog';
import type { Severity } from '../../core/types';
import { RebuildLoop } from './rebuildLoop';
import type { ChangedLines } from '../scan/changedLines';
import type { FindingAges } from '../scan/findingAges';
import type { LocatedFinding, WorkspaceScan } from '../scan/workspaceScan';
import { editorSettings, onDidChangeSettings } from '../settings';
import type { ProjectRegistry } from '../workspace/projects';
import { CONTEXT, type ContextKeys } from './contextKeys';

export const SHORTCUTS_VIEW = 'qaLensShortcuts';
const FILTER_KEY = 'qaLens.shortcuts.filter';
/** Scan progress arrives in bursts; the tree is rebuilt at most this often. */
const REBUILD_DELAY_MS = 150;

export interface GroupNode {
  kind: 'group';
  key: string;
  label: string;
  severity: Severity;
  items: LocatedFinding[];
  /** The file a by-file group stands for (for its icon and its context menu). */
  uri?: vscode.Uri;
}

export interface FindingNode {
  kind: 'finding';
  item: LocatedFinding;
  parent: GroupNode;
}

export type ShortcutNode = GroupNode | FindingNode;

const SEVERITY_ICON: Record<Severity, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  information: new vscode.ThemeIcon('info', new vscode.ThemeColor('editorInfo.foreground')),
  hint: new vscode.ThemeIcon('lightbulb'),
};

/**
 * Shortcuts: every finding in the workspace, grouped by rule, file or age, with counts and a
 * filter. The tree is computed once per change (grouping, filtering and, for age, blame) and
 * `getChildren` only hands out the result, so expanding nodes never recomputes anything.
 */
export class ShortcutsProvider implements vscode.TreeDataProvider<ShortcutNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ShortcutNode | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private roots: GroupNode[] = [];
  private total = 0;
  private readonly loop = new RebuildLoop('Shortcuts', REBUILD_DELAY_MS, (generation) => this.rebuild(generation));
  private mode: GroupMode = editorSettings().shortcutsGroupBy;
  private filterValue: FindingFilter;
  private unavailable: string | undefined;
  view: vscode.TreeView<ShortcutNode> | undefined;

  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly scan: WorkspaceScan,
    private readonly ages: FindingAges,
    private readonly changedLines: ChangedLines,
    private readonly state: vscode.Memento,
    private readonly context: ContextKeys,
    private readonly projects: ProjectRegistry,
  ) {
    this.filterValue = readFilter(state.get(FILTER_KEY));
    this.disposables.push(
      scan.onDidChange(() => this.loop.schedule()),
      // A save or a write elsewhere can change which lines are "mine" without changing a finding.
      changedLines.onDidChange(() => {
        if (this.filterValue.onlyChanged) this.loop.schedule();
      }),
      scan.onDidChangeState((scanState) => {
        this.context.set(CONTEXT.scanState, scanState);
        this.loop.schedule();
      }),
      onDidChangeSettings((event) => {
        if (!event.affectsConfiguration('qaLens.shortcuts.groupBy')) return;
        this.mode = editorSettings().shortcutsGroupBy;
        this.loop.schedule(0);
      }),
    );
    this.context.set(CONTEXT.scanState, scan.state);
    this.context.set(CONTEXT.groupBy, this.mode);
    this.context.set(CONTEXT.shortcutsFiltered, isFiltering(this.filterValue));
  }

  get groupBy(): GroupMode {
    return this.mode;
  }

  get filter(): FindingFilter {
    return this.filterValue;
  }

  /** Regroups now (the setting is written too, by the command, so the choice survives reloads). */
  async setGroupBy(mode: GroupMode): Promise<void> {
    this.mode = mode;
    await this.loop.now();
  }

  async setFilter(filter: FindingFilter): Promise<void> {
    this.filterValue = filter;
    if (filter.onlyChanged) this.changedLines.invalidate();
    await this.state.update(FILTER_KEY, filter);
    await this.loop.now();
  }

  /** Resolves once the tree reflects everything that happened before the call. */
  settled(): Promise<void> {
    return this.loop.settled();
  }

  getTreeItem(node: ShortcutNode): vscode.TreeItem {
    return node.kind === 'group' ? this.groupItem(node) : this.findingItem(node);
  }

  getChildren(node?: ShortcutNode): ShortcutNode[] {
    if (!node) return this.roots;
    if (node.kind === 'finding') return [];
    return node.items.map((item) => ({ kind: 'finding', item, parent: node }));
  }

  getParent(node: ShortcutNode): ShortcutNode | undefined {
    return node.kind === 'finding' ? node.parent : undefined;
  }

  /** The groups shown now (tests read the tree through this and getChildren). */
  get groups(): readonly GroupNode[] {
    return this.roots;
  }

  private async rebuild(generation: number): Promise<void> {
    const all = this.scan.all();
    const mode = this.mode;
    const filter = this.filterValue;
    let changed: ((item: LocatedFinding) => boolean) | undefined;
    this.unavailable = undefined;
    if (filter.onlyChanged) {
      changed = await this.changedLines.predicate(all);
      const folder = all[0]?.folder ?? vscode.workspace.workspaceFolders?.[0];
      const changes = folder ? await this.changedLines.forFolder(folder) : undefined;
      if (changes?.kind === 'unavailable') this.unavailable = `"Only my changes" is unavailable: ${changes.message}`;
    }
    const shown = filterFindings(all, filter, (item) => item.finding, changed);
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    const pathOf = (item: LocatedFinding): string => (multiRoot ? `${item.folder.name}/${item.finding.path}` : item.finding.path);
    const age = mode === 'age' ? await this.ages.ages(shown) : undefined;
    // A newer rebuild was asked for while blame or git ran: let that one publish.
    if (generation !== this.loop.generation) return;
    const sprint = shown[0] ? await this.sprintLength(shown[0]) : 14;
    const groups = groupFindings(shown, mode, { finding: (item) => item.finding, path: pathOf, ...(age ? { age } : {}), sprintLengthDays: sprint });
    this.roots = groups.map((group) => ({
      kind: 'group',
      key: `${mode}:${group.key}`,
      label: group.label,
      severity: group.severity,
      items: group.items,
      ...(mode === 'file' && group.items[0] ? { uri: group.items[0].uri } : {}),
    }));
    this.total = shown.length;
    this.updateView(all.length, filter);
    this.changed.fire(undefined);
  }

  /** The sprint length of the team's config (or the user's explicit setting, merged by the project). */
  private async sprintLength(item: LocatedFinding): Promise<number> {
    const project = await this.projects.forFolder(item.folder);
    return project.settings.sprintLengthDays;
  }

  private updateView(unfiltered: number, filter: FindingFilter): void {
    const scanning = this.scan.state === 'scanning';
    this.context.set(CONTEXT.groupBy, this.mode);
    this.context.set(CONTEXT.shortcutsFiltered, isFiltering(filter));
    this.context.set(CONTEXT.shortcutsEmpty, !scanning && this.total === 0);
    if (!this.view) return;
    const parts = [`by ${this.mode}`];
    if (isFiltering(filter)) parts.push(`${this.total} of ${unfiltered} (filtered)`);
    this.view.description = parts.join(' · ');
    // A failed scan leaves what an earlier scan found, or nothing: either way, say why it stopped.
    const failed = this.scan.state === 'failed' && this.total > 0 ? 'The last workspace scan failed (see QA Lens: Show Log); these findings may be out of date.' : undefined;
    this.view.message = [this.unavailable, failed].filter((part) => part !== undefined).join(' ') || undefined;
    const attention = this.roots.reduce((sum, group) => sum + group.items.filter((item) => item.finding.severity !== 'hint').length, 0);
    this.view.badge = attention > 0 ? { value: attention, tooltip: `${attention} quality shortcuts (warnings and worse, hints not counted)` } : undefined;
  }

  private groupItem(node: GroupNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.key;
    item.description = `${node.items.length}`;
    item.tooltip = `${node.label}: ${describeCounts(node.items.map((i) => i.finding))}`;
    item.contextValue = node.uri ? 'qaLens.group.file' : 'qaLens.group';
    if (node.uri) {
      item.resourceUri = node.uri;
      item.iconPath = vscode.ThemeIcon.File;
    } else {
      item.iconPath = SEVERITY_ICON[node.severity];
    }
    return item;
  }

  private findingItem(node: FindingNode): vscode.TreeItem {
    const { finding, uri } = node.item;
    const excerpt = finding.excerpt.replace(/\s+/g, ' ').trim();
    const item = new vscode.TreeItem(excerpt || finding.message, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.parent.key}|${uri.toString()}|${finding.line}:${finding.column}|${finding.ruleId}`;
    const where = `${finding.path}:${finding.line}`;
    item.description = this.mode === 'file' ? `line ${finding.line} · ${finding.ruleId}` : this.mode === 'rule' ? where : `${where} · ${finding.ruleId}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${ruleInfo(finding.ruleId).name}** (\`${finding.ruleId}\`, ${finding.severity})\n\n`);
    tooltip.appendText(finding.message);
    tooltip.appendMarkdown(`\n\n\`${where}\``);
    if (finding.principle) tooltip.appendMarkdown(` · principle ${finding.principle}`);
    item.tooltip = tooltip;
    item.iconPath = SEVERITY_ICON[finding.severity];
    item.contextValue = 'qaLens.finding';
    const selection = new vscode.Range(finding.line - 1, finding.column - 1, finding.endLine - 1, finding.endColumn - 1);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection, preserveFocus: false } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }

  dispose(): void {
    this.loop.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
