import * as vscode from 'vscode';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';
import type { ChecklistStateService } from '../checklists/checklistState';
import { registerAcknowledgeConstitution } from '../commands/acknowledgeConstitution';
import { registerCancelScan } from '../commands/cancelScan';
import { registerCreateConstitution } from '../commands/createConstitution';
import { registerFilter } from '../commands/filter';
import { registerGroupBy } from '../commands/groupBy';
import { registerRefresh } from '../commands/refresh';
import { registerSetChecklistItem } from '../commands/setChecklistItem';
import { registerShowChecklist } from '../commands/showChecklist';
import { registerShowPrinciples } from '../commands/showPrinciples';
import { registerShowShortcuts } from '../commands/showShortcuts';
import { QaFileDecorations } from '../decorations/fileDecorations';
import { ChangedLines } from '../scan/changedLines';
import { FindingAges } from '../scan/findingAges';
import { WorkspaceScan } from '../scan/workspaceScan';
import { QaStatusBar } from '../status/statusBar';
import type { GitInfo } from '../workspace/gitInfo';
import type { ProjectRegistry } from '../workspace/projects';
import { ActiveFile } from './activeFile';
import { CHECKLIST_VIEW, ChecklistProvider } from './checklistView';
import { CONSTITUTION_VIEW, ConstitutionProvider } from './constitutionView';
import { ContextKeys } from './contextKeys';
import { SHORTCUTS_VIEW, ShortcutsProvider } from './shortcutsView';

/** What the sidebar built: commands use it, and tests reach it through the extension's exports. */
export interface Sidebar {
  readonly scan: WorkspaceScan;
  readonly shortcuts: ShortcutsProvider;
  readonly constitution: ConstitutionProvider;
  readonly checklist: ChecklistProvider;
  readonly activeFile: ActiveFile;
  readonly context: ContextKeys;
  readonly statusBar: QaStatusBar;
  readonly decorations: QaFileDecorations;
  readonly views: {
    shortcuts: vscode.TreeView<unknown>;
    constitution: vscode.TreeView<unknown>;
    checklist: vscode.TreeView<unknown>;
  };
  readonly checklistState: ChecklistStateService;
  readonly projects: ProjectRegistry;
  readonly git: GitInfo;
  /** Milliseconds from activation to the end of the first complete scan (undefined until then). */
  firstScanMs: number | undefined;
}

export interface SidebarServices {
  projects: ProjectRegistry;
  analyzer: DocumentAnalyzer;
  git: GitInfo;
  checklistState: ChecklistStateService;
}

/**
 * The QA Lens activity-bar container (Shortcuts, Constitution, Checklist) and what goes with it:
 * the workspace scan, the status bar item and the Explorer badges. Construction is cheap; the
 * scan starts once the window has finished starting up.
 */
export function registerSidebar(context: vscode.ExtensionContext, services: SidebarServices): Sidebar {
  const started = Date.now();
  const { projects, analyzer, git, checklistState } = services;
  const keys = new ContextKeys();
  const activeFile = new ActiveFile();
  const scan = new WorkspaceScan(projects, analyzer);
  const changedLines = new ChangedLines(git, projects, scan.onDidChangeFile);
  const ages = new FindingAges(git, scan.onDidChangeFile);
  const shortcuts = new ShortcutsProvider(scan, ages, changedLines, context.workspaceState, keys, projects);
  const constitution = new ConstitutionProvider(projects, scan, activeFile, context.workspaceState, keys);
  const checklist = new ChecklistProvider(projects, git, checklistState, activeFile, keys);
  const shortcutsView = vscode.window.createTreeView(SHORTCUTS_VIEW, { treeDataProvider: shortcuts, showCollapseAll: true });
  const constitutionView = vscode.window.createTreeView(CONSTITUTION_VIEW, { treeDataProvider: constitution, showCollapseAll: true });
  const checklistView = vscode.window.createTreeView(CHECKLIST_VIEW, { treeDataProvider: checklist, showCollapseAll: true });
  shortcuts.view = shortcutsView;
  constitution.view = constitutionView;
  checklist.view = checklistView;
  const statusBar = new QaStatusBar(scan, activeFile);
  const decorations = new QaFileDecorations(scan);
  context.subscriptions.push(activeFile, scan, changedLines, ages, shortcuts, constitution, checklist, shortcutsView, constitutionView, checklistView, statusBar, decorations);

  const sidebar: Sidebar = {
    scan,
    shortcuts,
    constitution,
    checklist,
    activeFile,
    context: keys,
    statusBar,
    decorations,
    views: { shortcuts: shortcutsView, constitution: constitutionView, checklist: checklistView },
    checklistState,
    projects,
    git,
    firstScanMs: undefined,
  };

  registerRefresh(context, sidebar);
  registerCancelScan(context, sidebar);
  registerGroupBy(context, sidebar);
  registerFilter(context, sidebar);
  registerSetChecklistItem(context, sidebar);
  registerAcknowledgeConstitution(context, sidebar);
  registerCreateConstitution(context, sidebar);
  registerShowChecklist(context, sidebar);
  registerShowPrinciples(context, sidebar);
  registerShowShortcuts(context);

  const firstScan = scan.onDidChangeState((state) => {
    if (state !== 'done') return;
    sidebar.firstScanMs = Date.now() - started;
    firstScan.dispose();
  });
  context.subscriptions.push(firstScan);
  // After activation returns: the scan is background work, never part of startup.
  const timer = setTimeout(() => scan.startup(), 0);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  return sidebar;
}
