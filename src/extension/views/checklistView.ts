import * as vscode from 'vscode';
import { checklistById, checklistProgress, checklistsFor, REASON_REQUIRED, type Checklist, type ChecklistItem, type ChecklistStateKey, type ItemState, type ItemStatus } from '../../core/checklists';
import type { ChecklistStateService } from '../checklists/checklistState';
import { followRenames } from '../checklists/followRenames';
import { RebuildLoop } from './rebuildLoop';
import { relativeTo } from '../scan/workspaceScan';
import type { GitInfo } from '../workspace/gitInfo';
import type { ProjectRegistry } from '../workspace/projects';
import { BUNDLED_SCHEME } from '../workspace/constitutionUri';
import type { ActiveFile } from './activeFile';
import { CONTEXT, type ContextKeys } from './contextKeys';

export const CHECKLIST_VIEW = 'qaLensChecklist';
const REBUILD_DELAY_MS = 50;
/**
 * A checklist's progress (`12/3000`) is refreshed in a later event than its ticked item. VS Code
 * refreshes a node by fetching all its children again, so the checklist costs as much as its whole
 * list; sent together, the item would wait for that fetch (VS Code keeps only the parent). Sent
 * apart, the item's row changes at once and the count follows (VS Code gathers a burst of ticks
 * into one fetch).
 */
const PROGRESS_DELAY_MS = 0;

export interface ChecklistNode {
  kind: 'checklist';
  id: string;
  checklist: Checklist;
  /** Shown because a command asked for it, though its appliesTo does not match the file. */
  pinned: boolean;
  children: ItemNode[];
}

export interface ItemNode {
  kind: 'item';
  id: string;
  item: ChecklistItem;
  state: ItemState;
  key: ChecklistStateKey;
  uri: vscode.Uri;
  parent: ChecklistNode;
  /**
   * Recorded for an item id the checklist no longer has (the team renumbered or removed it): shown
   * after the items, so what was written is seen and can be dealt with, never silently hidden.
   */
  orphan?: boolean;
}

export type ChecklistTreeNode = ChecklistNode | ItemNode;

export const STATUS_LABEL: Record<ItemStatus, string> = {
  open: 'open',
  addressed: 'addressed',
  deviates: 'deviates',
  'not-applicable': 'not applicable',
};

const STATUS_ICON: Record<ItemStatus, vscode.ThemeIcon> = {
  open: new vscode.ThemeIcon('circle-large-outline'),
  addressed: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  deviates: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  'not-applicable': new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')),
};

/**
 * Checklist: the checklists that apply to the active file, each item with the status recorded for
 * this file on this branch (ChecklistStateService keeps it under storageUri).
 */
export class ChecklistProvider implements vscode.TreeDataProvider<ChecklistTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ChecklistTreeNode | ChecklistTreeNode[] | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private roots: ChecklistNode[] = [];
  /** What the shown tree looks like apart from item states: equal means update in place. */
  private shape = '';
  /** Checklists whose progress changed and that VS Code has not been asked to refresh yet. */
  private readonly staleProgress = new Set<ChecklistNode>();
  private progressTimer: NodeJS.Timeout | undefined;
  private readonly loop = new RebuildLoop('Checklist', REBUILD_DELAY_MS, () => this.rebuild());
  /** Checklists shown for a file on request (file URI -> checklist ids), for this session. */
  private readonly pinned = new Map<string, Set<string>>();
  private shownFile: vscode.Uri | undefined;
  view: vscode.TreeView<ChecklistTreeNode> | undefined;

  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly projects: ProjectRegistry,
    private readonly git: GitInfo,
    private readonly states: ChecklistStateService,
    private readonly activeFile: ActiveFile,
    private readonly context: ContextKeys,
  ) {
    this.disposables.push(
      projects.onDidChange(() => this.loop.schedule()),
      git.onDidChange(() => this.loop.schedule()),
      states.onDidChange(() => this.loop.schedule(0)),
      activeFile.onDidChange(() => this.loop.schedule(0)),
      followRenames(states, (folder) => git.branchKey(folder)),
    );
    this.loop.schedule(0);
  }

  get file(): vscode.Uri | undefined {
    return this.shownFile;
  }

  get checklists(): readonly ChecklistNode[] {
    return this.roots;
  }

  getTreeItem(node: ChecklistTreeNode): vscode.TreeItem {
    if (node.kind === 'checklist') {
      const item = new vscode.TreeItem(node.checklist.title, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      const progress = checklistProgress(node.checklist.items, Object.fromEntries(node.children.filter((c) => !c.orphan).map((c) => [c.item.id, c.state])));
      item.description = `${progress.done}/${progress.total}${node.pinned ? ' · opened on request' : ''}`;
      item.tooltip = new vscode.MarkdownString(`**${node.checklist.title}** (\`${node.checklist.id}\`, ${node.checklist.source})\n\n${node.checklist.intro}`);
      item.iconPath = new vscode.ThemeIcon(progress.done === progress.total ? 'checklist' : 'tasklist');
      item.contextValue = 'qaLens.checklist';
      return item;
    }
    if (node.orphan) return orphanTreeItem(node);
    const { item: entry, state } = node;
    const item = new vscode.TreeItem(`${entry.id} ${entry.text}`);
    item.id = node.id;
    item.description = describeStatus(state);
    // The tooltip is made on hover (resolveTreeItem): VS Code fetches a checklist's items together,
    // and 3,000 Markdown tooltips nobody hovers made that fetch, and so every refresh, slow.
    item.iconPath = STATUS_ICON[state.status];
    item.contextValue = `qaLens.checklistItem.${state.status}`;
    item.command = { command: 'qaLens.setChecklistItem', title: 'Set Status…', arguments: [node] };
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: ChecklistTreeNode): vscode.TreeItem {
    if (node.kind === 'item' && !node.orphan && item.tooltip === undefined) item.tooltip = itemTooltip(node);
    return item;
  }

  getChildren(node?: ChecklistTreeNode): ChecklistTreeNode[] {
    if (!node) return this.roots;
    return node.kind === 'checklist' ? node.children : [];
  }

  getParent(node: ChecklistTreeNode): ChecklistTreeNode | undefined {
    return node.kind === 'item' ? node.parent : undefined;
  }

  /** Shows a checklist for a file even if its globs do not match (a CodeLens or a pick asked). */
  pin(uri: vscode.Uri, checklistId: string): void {
    const set = this.pinned.get(uri.toString()) ?? new Set<string>();
    set.add(checklistId);
    this.pinned.set(uri.toString(), set);
    this.loop.schedule(0);
  }

  settled(): Promise<void> {
    return this.loop.settled();
  }

  refresh(): Promise<void> {
    return this.loop.now();
  }

  private async rebuild(): Promise<void> {
    const uri = this.activeFile.uri;
    const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
    this.shownFile = folder ? uri : undefined;
    if (!uri || !folder) {
      this.show([], '');
      this.context.set(CONTEXT.checklistState, 'noFile');
      this.updateView(undefined, undefined);
      return;
    }
    await this.states.ready;
    const [project, branch] = await Promise.all([this.projects.forFolder(folder), this.git.branchKey(folder)]);
    const relPath = relativeTo(folder, uri);
    const applying = checklistsFor(project.checklists, relPath);
    const pinnedIds = [...(this.pinned.get(uri.toString()) ?? [])].filter((id) => !applying.some((c) => c.id === id));
    const pinned = pinnedIds.map((id) => checklistById(project.checklists, id)).filter((c): c is Checklist => c !== undefined);
    const roots: ChecklistNode[] = [];
    for (const [checklist, isPinned] of [...applying.map((c) => [c, false] as const), ...pinned.map((c) => [c, true] as const)]) {
      const node: ChecklistNode = { kind: 'checklist', id: `checklist:${checklist.id}`, checklist, pinned: isPinned, children: [] };
      const states = this.states.itemStates(folder.uri.toString(), branch, relPath, checklist.id);
      for (const entry of checklist.items) {
        const key: ChecklistStateKey = { folder: folder.uri.toString(), branch, file: relPath, checklist: checklist.id, item: entry.id };
        const state: ItemState = Object.prototype.hasOwnProperty.call(states, entry.id) ? states[entry.id] : { status: 'open' };
        node.children.push({ kind: 'item', id: `item:${checklist.id}:${entry.id}`, item: entry, state, key, uri, parent: node });
      }
      const known = new Set(checklist.items.map((entry) => entry.id));
      for (const [itemId, state] of Object.entries(states).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (known.has(itemId)) continue;
        const key: ChecklistStateKey = { folder: folder.uri.toString(), branch, file: relPath, checklist: checklist.id, item: itemId };
        const item: ChecklistItem = { id: itemId, text: '', how: null, line: 0 };
        node.children.push({ kind: 'item', id: `orphan:${checklist.id}:${itemId}`, item, state, key, uri, parent: node, orphan: true });
      }
      roots.push(node);
    }
    this.show(roots, shapeOf(uri, branch, roots));
    this.context.set(CONTEXT.checklistState, roots.length > 0 ? 'some' : 'none');
    this.updateView(relPath, branch);
  }

  /**
   * Shows a rebuilt tree. When only item states differ from the tree shown (a tick here, in
   * another window, a reload), the shown nodes take the new states and only those items are
   * refreshed: refreshing the whole tree made VS Code fetch every item again, 3,000 for a long
   * checklist, for each tick.
   */
  private show(roots: ChecklistNode[], shape: string): void {
    if (shape !== this.shape || roots.length !== this.roots.length) {
      this.roots = roots;
      this.shape = shape;
      this.clearStaleProgress();
      this.changed.fire(undefined);
      return;
    }
    const changedItems: ItemNode[] = [];
    for (const [i, shown] of this.roots.entries()) {
      const next = roots[i];
      const doneBefore = doneCount(shown);
      // Same text (the shape says so): take the new objects, whose lines may have moved.
      shown.checklist = next.checklist;
      for (const [j, item] of shown.children.entries()) {
        const state = next.children[j].state;
        item.item = next.children[j].item;
        if (sameState(item.state, state)) continue;
        item.state = state;
        changedItems.push(item);
      }
      if (doneCount(shown) !== doneBefore) this.staleProgress.add(shown);
    }
    if (changedItems.length > 0) this.changed.fire(changedItems);
    if (this.staleProgress.size > 0) {
      if (this.progressTimer) clearTimeout(this.progressTimer);
      this.progressTimer = setTimeout(() => this.refreshProgress(), PROGRESS_DELAY_MS);
    }
  }

  private refreshProgress(): void {
    this.progressTimer = undefined;
    const stale = [...this.staleProgress].filter((node) => this.roots.includes(node));
    this.staleProgress.clear();
    if (stale.length > 0) this.changed.fire(stale);
  }

  private clearStaleProgress(): void {
    if (this.progressTimer) clearTimeout(this.progressTimer);
    this.progressTimer = undefined;
    this.staleProgress.clear();
  }

  private updateView(relPath: string | undefined, branch: string | undefined): void {
    if (!this.view) return;
    this.view.description = relPath ? `${relPath.split('/').pop()}${branch && branch !== '(no git)' ? ` · ${branch}` : ''}` : undefined;
  }

  dispose(): void {
    this.clearStaleProgress();
    this.loop.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Everything the tree shows for a file except item states: file, branch, checklists, their items' text. */
function shapeOf(uri: vscode.Uri, branch: string, roots: readonly ChecklistNode[]): string {
  return JSON.stringify([
    uri.toString(),
    branch,
    roots.map(({ id, pinned, checklist, children }) => [id, pinned, checklist.title, checklist.intro, checklist.source, children.map((c) => [c.id, c.item.text, c.item.how])]),
  ]);
}

function doneCount(node: ChecklistNode): number {
  return node.children.filter((c) => !c.orphan && c.state.status !== 'open').length;
}

function sameState(a: ItemState, b: ItemState): boolean {
  return a.status === b.status && a.reason === b.reason && a.updated === b.updated;
}

function itemTooltip({ item: entry, state }: ItemNode): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${entry.id}** ${escape(entry.text)}\n\n`);
  if (entry.how) tooltip.appendMarkdown(`*How:* ${escape(entry.how)}\n\n`);
  tooltip.appendMarkdown(`Status: **${STATUS_LABEL[state.status]}**`);
  appendReason(tooltip, state);
  if (state.updated) tooltip.appendMarkdown(`, ${state.updated.slice(0, 10)}`);
  return tooltip;
}

/**
 * The status, with its reason where the status is explained by one (deviates, not applicable). An
 * item set to addressed keeps the reason it deviated for, to offer it back, but shown after
 * "Addressed" it would read as the reason it is addressed: the tooltip names it as the earlier one.
 */
function describeStatus(state: ItemState): string {
  return state.reason && REASON_REQUIRED.includes(state.status) ? `${STATUS_LABEL[state.status]}: ${state.reason}` : STATUS_LABEL[state.status];
}

function appendReason(tooltip: vscode.MarkdownString, state: ItemState): void {
  if (!state.reason) return;
  tooltip.appendMarkdown(REASON_REQUIRED.includes(state.status) ? ` (${escape(state.reason)})` : ` (earlier reason: ${escape(state.reason)})`);
}

/** A state recorded for an id the checklist no longer has: the reason stays readable, reopen forgets it. */
function orphanTreeItem(node: ItemNode): vscode.TreeItem {
  const { item: entry, state } = node;
  const item = new vscode.TreeItem(`${entry.id} (no longer in this checklist)`);
  item.id = node.id;
  item.description = describeStatus(state);
  const tooltip = new vscode.MarkdownString();
  tooltip.appendMarkdown(`**${entry.id}** was recorded as **${STATUS_LABEL[state.status]}**`);
  appendReason(tooltip, state);
  if (state.updated) tooltip.appendMarkdown(` on ${state.updated.slice(0, 10)}`);
  tooltip.appendMarkdown(`, but the checklist no longer has an item with this id (renumbered or removed). Record it on the item it became, then reopen this one to forget it.`);
  item.tooltip = tooltip;
  item.iconPath = new vscode.ThemeIcon('history');
  item.contextValue = `qaLens.checklistItem.${state.status}`;
  item.command = { command: 'qaLens.setChecklistItem', title: 'Set Status…', arguments: [node] };
  return item;
}

/** Checklist text is the team's Markdown; in a tooltip it is shown as text, not run as links or HTML. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}

/** The document showing a checklist: the team's file, or the bundled default read-only. */
export function checklistDocument(checklist: Checklist): vscode.Uri {
  if (checklist.source === 'bundled') return vscode.Uri.from({ scheme: BUNDLED_SCHEME, path: `/checklists/${checklist.id}.md` });
  return vscode.Uri.file(checklist.file);
}
