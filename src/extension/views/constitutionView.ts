import * as vscode from 'vscode';
import {
  BUNDLED,
  diffConstitution,
  hasChanges,
  principlesFor,
  snapshotConstitution,
  type Constitution,
  type ConstitutionDiff,
  type ConstitutionSnapshot,
  type Principle,
} from '../../core/constitution';
import type { Project } from '../../core/project';
import { RebuildLoop } from './rebuildLoop';
import type { WorkspaceScan } from '../scan/workspaceScan';
import { relativeTo } from '../scan/workspaceScan';
import { constitutionUri } from '../workspace/constitutionUri';
import type { ProjectRegistry } from '../workspace/projects';
import type { ActiveFile } from './activeFile';
import { CONTEXT, type ContextKeys } from './contextKeys';

export const CONSTITUTION_VIEW = 'qaLensConstitution';
const ACK_KEY = 'qaLens.constitution.acknowledged';
const REBUILD_DELAY_MS = 100;

export type ChangeKind = 'added' | 'changed' | 'retired' | 'removed';

export type ConstitutionNode =
  | { kind: 'notice'; id: string; label: string; description: string; tooltip: string; icon: string; command?: vscode.Command }
  | { kind: 'changes'; id: string; label: string; children: ConstitutionNode[] }
  | { kind: 'change'; id: string; change: ChangeKind; principleId: string; title: string; principle?: Principle; parent: ConstitutionNode }
  | { kind: 'section'; id: string; label: string; applies: boolean; children: ConstitutionNode[] }
  | { kind: 'principle'; id: string; principle: Principle; findings: number; applies: boolean; parent: ConstitutionNode; children: ConstitutionNode[] }
  | { kind: 'detail'; id: string; label: string; description: string; tooltip: string; parent: ConstitutionNode };

const LEVEL_ICON: Record<Principle['level'], string> = { must: 'law', should: 'info', consider: 'lightbulb' };

/**
 * Constitution: the principles of the folder of the active file, those that apply to it first,
 * each with its level, its "How to check" and how many findings in the workspace it speaks for;
 * above them what changed since the user last acknowledged the constitution.
 */
export class ConstitutionProvider implements vscode.TreeDataProvider<ConstitutionNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ConstitutionNode | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private roots: ConstitutionNode[] = [];
  private readonly loop = new RebuildLoop('Constitution', REBUILD_DELAY_MS, () => this.rebuild(), 'earliest');
  private current: { folder: vscode.WorkspaceFolder; project: Project; diff: ConstitutionDiff | undefined } | undefined;
  view: vscode.TreeView<ConstitutionNode> | undefined;

  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly projects: ProjectRegistry,
    private readonly scan: WorkspaceScan,
    private readonly activeFile: ActiveFile,
    private readonly state: vscode.Memento,
    private readonly context: ContextKeys,
  ) {
    this.disposables.push(
      projects.onDidChange(() => this.loop.schedule()),
      activeFile.onDidChange(() => this.loop.schedule(0)),
      // Finding counts follow the scan; the scan fires often while it runs, hence the delay.
      scan.onDidChange(() => this.loop.schedule(500)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.loop.schedule(0)),
    );
    this.loop.schedule(0);
  }

  getTreeItem(node: ConstitutionNode): vscode.TreeItem {
    switch (node.kind) {
      case 'notice': {
        const item = new vscode.TreeItem(node.label);
        item.id = node.id;
        item.description = node.description;
        item.tooltip = node.tooltip;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.contextValue = `qaLens.notice.${node.id}`;
        if (node.command) item.command = node.command;
        return item;
      }
      case 'changes': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.iconPath = new vscode.ThemeIcon('diff', new vscode.ThemeColor('list.warningForeground'));
        item.contextValue = 'qaLens.constitutionChanges';
        item.tooltip = 'The constitution changed since you last acknowledged it. Read the changes, then Acknowledge.';
        return item;
      }
      case 'change': {
        const item = new vscode.TreeItem(`${node.principleId} ${node.title}`);
        item.id = node.id;
        item.description = node.change;
        item.iconPath = new vscode.ThemeIcon({ added: 'diff-added', changed: 'diff-modified', retired: 'archive', removed: 'diff-removed' }[node.change]);
        if (node.principle) item.command = this.openCommand(node.principle);
        return item;
      }
      case 'section': {
        const item = new vscode.TreeItem(node.label, node.applies ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.description = `${node.children.length}`;
        return item;
      }
      case 'principle': {
        const { principle } = node;
        const item = new vscode.TreeItem(`${principle.id} ${principle.title}`, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        const counts = node.findings === 1 ? '1 finding' : `${node.findings} findings`;
        item.description = `${principle.level} · ${counts}`;
        const tooltip = new vscode.MarkdownString(`**${principle.id} ${principle.title}** (${principle.level})\n\n${principle.body}`);
        tooltip.supportHtml = false;
        item.tooltip = tooltip;
        item.iconPath = new vscode.ThemeIcon(LEVEL_ICON[principle.level], node.applies ? undefined : new vscode.ThemeColor('disabledForeground'));
        item.contextValue = 'qaLens.principle';
        item.command = this.openCommand(principle);
        return item;
      }
      case 'detail': {
        const item = new vscode.TreeItem(node.label);
        item.id = node.id;
        item.description = node.description;
        item.tooltip = node.tooltip;
        return item;
      }
    }
  }

  getChildren(node?: ConstitutionNode): ConstitutionNode[] {
    if (!node) return this.roots;
    if (node.kind === 'changes' || node.kind === 'section' || node.kind === 'principle') return node.children;
    return [];
  }

  getParent(node: ConstitutionNode): ConstitutionNode | undefined {
    return 'parent' in node ? node.parent : undefined;
  }

  /** The constitution shown and the diff against the acknowledged snapshot (tests, commands). */
  get shown(): { folder: vscode.WorkspaceFolder; constitution: Constitution; diff: ConstitutionDiff | undefined } | undefined {
    return this.current ? { folder: this.current.folder, constitution: this.current.project.constitution, diff: this.current.diff } : undefined;
  }

  /** The principle nodes in tree order (applying ones first). */
  principleNodes(): Extract<ConstitutionNode, { kind: 'principle' }>[] {
    const result: Extract<ConstitutionNode, { kind: 'principle' }>[] = [];
    for (const root of this.roots) if (root.kind === 'section') for (const child of root.children) if (child.kind === 'principle') result.push(child);
    return result;
  }

  /** Stores what the user has now read: the next "what changed" is relative to this. */
  async acknowledge(): Promise<ConstitutionSnapshot | undefined> {
    await this.settled();
    const current = this.current;
    if (!current) return undefined;
    const snapshot = snapshotConstitution(current.project.constitution);
    await this.state.update(ackKey(current.folder), snapshot);
    await this.loop.now();
    return snapshot;
  }

  settled(): Promise<void> {
    return this.loop.settled();
  }

  /** Rebuilds now (after a change the watchers may not have delivered yet). */
  refresh(): Promise<void> {
    return this.loop.now();
  }

  private folder(): vscode.WorkspaceFolder | undefined {
    const uri = this.activeFile.uri;
    return (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
  }

  private async rebuild(): Promise<void> {
    const folder = this.folder();
    if (!folder) {
      this.current = undefined;
      this.roots = [];
      this.context.set(CONTEXT.constitutionSource, 'none');
      this.context.set(CONTEXT.constitutionUnacknowledged, false);
      this.changed.fire(undefined);
      return;
    }
    const project = await this.projects.forFolder(folder);
    const { constitution } = project;
    const snapshot = this.state.get<ConstitutionSnapshot>(ackKey(folder));
    const diff = snapshot ? diffConstitution(snapshot, constitution) : undefined;
    this.current = { folder, project, diff };
    const bundled = constitution.source === BUNDLED;
    const active = constitution.principles.filter((p) => p.status === 'active');
    this.context.set(CONTEXT.constitutionSource, bundled ? 'bundled' : active.length === 0 ? 'empty' : 'repository');
    this.context.set(CONTEXT.constitutionUnacknowledged, active.length > 0 && (!diff || hasChanges(diff)));
    if (active.length === 0) {
      // The welcome view explains an empty constitution; an empty tree is what shows it.
      this.roots = [];
      this.updateView(folder, constitution, undefined);
      this.changed.fire(undefined);
      return;
    }

    const counts = new Map<string, number>();
    for (const item of this.scan.all()) {
      if (item.folder.uri.toString() !== folder.uri.toString() || !item.finding.principle) continue;
      counts.set(item.finding.principle, (counts.get(item.finding.principle) ?? 0) + 1);
    }

    const roots: ConstitutionNode[] = [];
    if (bundled) {
      roots.push({
        kind: 'notice',
        id: 'bundled',
        label: 'Bundled defaults in use',
        description: 'Create Constitution…',
        tooltip: `${folder.name} has no constitution of its own, so QA Lens shows its bundled defaults. Click to copy them into .quality/ (like \`qa-lens init\`) and make them the team's.`,
        icon: 'info',
        command: { command: 'qaLens.createConstitution', title: 'Create Constitution', arguments: [folder.uri] },
      });
    }
    if (!diff) {
      roots.push({
        kind: 'notice',
        id: 'unacknowledged',
        label: 'Not acknowledged yet',
        description: `${constitution.version ? `v${constitution.version} · ` : ''}read it, then Acknowledge`,
        tooltip: 'Acknowledge the constitution once you have read it: QA Lens then shows what changed when it is edited.',
        icon: 'eye',
        command: { command: 'qaLens.acknowledgeConstitution', title: 'Acknowledge' },
      });
    } else if (hasChanges(diff)) {
      const changes: Extract<ConstitutionNode, { kind: 'changes' }> = { kind: 'changes', id: 'changes', label: changesLabel(diff), children: [] };
      const push = (change: ChangeKind, refs: { id: string; title: string }[]): void => {
        for (const ref of refs) {
          const principle = constitution.principles.find((p) => p.id === ref.id);
          changes.children.push({ kind: 'change', id: `change:${change}:${ref.id}`, change, principleId: ref.id, title: ref.title, ...(principle ? { principle } : {}), parent: changes });
        }
      };
      push('added', diff.added);
      push('changed', diff.changed);
      push('retired', diff.retired);
      push('removed', diff.removed);
      roots.push(changes);
    }

    const file = this.activeFile.uri;
    const relPath = file && vscode.workspace.getWorkspaceFolder(file)?.uri.toString() === folder.uri.toString() ? relativeTo(folder, file) : undefined;
    const applying = relPath !== undefined ? principlesFor(constitution, relPath) : active;
    const applyingIds = new Set(applying.map((p) => p.id));
    const others = active.filter((p) => !applyingIds.has(p.id));
    const fileName = relPath?.split('/').pop();
    const section = (id: string, label: string, principles: Principle[], applies: boolean): ConstitutionNode => {
      const node: Extract<ConstitutionNode, { kind: 'section' }> = { kind: 'section', id, label, applies, children: [] };
      for (const principle of principles) node.children.push(this.principleNode(principle, counts.get(principle.id) ?? 0, applies, node));
      return node;
    };
    if (relPath !== undefined) {
      roots.push(section('applies', `Applies to ${fileName}`, applying, true));
      if (others.length > 0) roots.push(section('others', 'Other principles', others, false));
    } else {
      roots.push(section('all', 'Principles', active, true));
    }
    this.roots = roots;
    this.updateView(folder, constitution, relPath);
    this.changed.fire(undefined);
  }

  private principleNode(principle: Principle, findings: number, applies: boolean, parent: ConstitutionNode): ConstitutionNode {
    const node: Extract<ConstitutionNode, { kind: 'principle' }> = { kind: 'principle', id: `principle:${principle.id}`, principle, findings, applies, parent, children: [] };
    const detail = (key: string, label: string, description: string, tooltip = description): void => {
      node.children.push({ kind: 'detail', id: `${node.id}:${key}`, label, description, tooltip, parent: node });
    };
    detail('level', 'Level', principle.level);
    detail('how', 'How to check', principle.howToCheck ?? 'not stated', principle.howToCheck ?? 'This principle has no **How to check:** paragraph.');
    if (principle.rules.length > 0) detail('rules', 'Speaks for', principle.rules.join(', '));
    detail('findings', 'Findings', `${findings} in the workspace`);
    if (principle.checklists.length > 0) detail('checklists', 'Checklists', principle.checklists.join(', '));
    return node;
  }

  private updateView(folder: vscode.WorkspaceFolder, constitution: Constitution, relPath: string | undefined): void {
    if (!this.view) return;
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    const version = constitution.version ? ` v${constitution.version}` : '';
    this.view.description = `${multiRoot ? `${folder.name}: ` : ''}${constitution.source === BUNDLED ? 'bundled defaults' : constitution.source}${version}`;
    this.view.message = relPath === undefined ? 'Open a file to see the principles that apply to it first.' : undefined;
  }

  private openCommand(principle: Principle): vscode.Command {
    const constitution = this.current?.project.constitution;
    const uri = constitution ? constitutionUri(constitution) : undefined;
    const line = Math.max(0, principle.line - 1);
    return {
      command: 'vscode.open',
      title: 'Open Principle',
      arguments: [uri, { selection: new vscode.Range(line, 0, line, 0) } satisfies vscode.TextDocumentShowOptions],
    };
  }

  dispose(): void {
    this.loop.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function ackKey(folder: vscode.WorkspaceFolder): string {
  return `${ACK_KEY}:${folder.uri.toString()}`;
}

function changesLabel(diff: ConstitutionDiff): string {
  const versions = diff.fromVersion && diff.toVersion && diff.fromVersion !== diff.toVersion ? ` (v${diff.fromVersion} → v${diff.toVersion})` : '';
  return `Changed since you acknowledged${versions}`;
}
