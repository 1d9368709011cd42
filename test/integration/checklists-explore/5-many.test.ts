import * as assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import type { ChecklistTreeNode } from '../../../src/extension/views/checklistView';
import { delay, waitFor } from '../shared/extension';
import { maxEventLoopDelay } from '../shared/eventLoop';
import { env, file, open, set, shown, type Env } from './helpers';

const ITEMS = 3000;
/** The provider's own getTreeItem, uncounted. */
let getTreeItem: (node: ChecklistTreeNode) => vscode.TreeItem;

/** Counts what VS Code asks the Checklist view's provider for, and when it last asked. */
function countCalls(e: Env): { items: number; children: number; last: number; stop: () => void } {
  const provider = e.api.sidebar.checklist;
  const counts = { items: 0, children: 0, last: performance.now(), stop: () => undefined as void };
  getTreeItem = provider.getTreeItem.bind(provider);
  const getChildren = provider.getChildren.bind(provider);
  provider.getTreeItem = (node: ChecklistTreeNode) => {
    counts.items++;
    counts.last = performance.now();
    return getTreeItem(node);
  };
  provider.getChildren = (node?: ChecklistTreeNode) => {
    counts.children++;
    counts.last = performance.now();
    return getChildren(node);
  };
  counts.stop = () => {
    delete (provider as Partial<typeof provider>).getTreeItem;
    delete (provider as Partial<typeof provider>).getChildren;
  };
  return counts;
}

/** Resolves once VS Code has asked the provider for nothing for `quietMs`. */
async function quiet(counts: { last: number }, quietMs = 2000): Promise<void> {
  while (performance.now() - counts.last < quietMs) await delay(100);
}

describe('checklists: a checklist of 3,000 items', function () {
  this.timeout(120_000);
  let e: Env;

  before(async () => {
    e = await env();
    const items = Array.from({ length: ITEMS }, (_, i) => `- [ ] BIG-${String(i + 1).padStart(4, '0')} Item number ${i + 1} is checked\n  how: look at case ${i + 1}\n`);
    await writeFile(file(e.root, '.quality/checklists/big.md').fsPath, `---\ntitle: Big\nappliesTo: ["many/**"]\n---\n${items.join('')}`);
    await mkdir(file(e.root, 'many').fsPath, { recursive: true });
    await writeFile(file(e.root, 'many/one.ts').fsPath, 'export const one = 1;\n');
  });

  it('ticking one item refreshes that item and its checklist\'s progress, not every item', async function () {
    await open(e, 'many/one.ts');
    await waitFor('the big checklist', async () => (await shown(e)).find((c) => c.checklist.id === 'big')?.children.length === ITEMS);
    // The view must be on screen: VS Code asks a hidden view for nothing.
    await vscode.commands.executeCommand('qaLensChecklist.focus');
    const counts = countCalls(e);
    try {
      await waitFor('VS Code to show the items', () => counts.items >= ITEMS);
      await quiet(counts);
      const samples: string[] = [];
      const refreshed: string[][] = [];
      const progress: string[] = [];
      for (const [n, itemId] of ['BIG-1500', 'BIG-0002', 'BIG-3000'].entries()) {
        counts.items = 0;
        counts.children = 0;
        const fired: (ChecklistTreeNode | ChecklistTreeNode[] | undefined)[] = [];
        const listener = e.api.sidebar.checklist.onDidChangeTreeData((nodes) => fired.push(nodes));
        const started = performance.now();
        try {
          const { maxDelayMs } = await maxEventLoopDelay(async () => {
            await set(e, 'many/one.ts', 'big', itemId, 'addressed');
            await quiet(counts);
          });
          samples.push(`${counts.items} items and ${counts.children} child lists asked, the last ${Math.round(counts.last - started)} ms after the tick; longest stall ${maxDelayMs} ms`);
        } finally {
          listener.dispose();
        }
        refreshed.push(fired.map((nodes) => (nodes === undefined ? 'the whole tree' : [nodes].flat().map((node) => node.id).join(' + '))));
        const big = e.api.sidebar.checklist.checklists.find((c) => c.checklist.id === 'big')!;
        progress.push(`${String(getTreeItem(big).description)} (${n + 1}/${ITEMS})`);
      }
      // Measurements, not assertions: printed in the title so a run reports them.
      this.test!.title += ` [${samples.join('; ')}]`;
      // Each tick refreshed its item, then its checklist's count: never the whole tree.
      assert.deepEqual(refreshed, ['BIG-1500', 'BIG-0002', 'BIG-3000'].map((id) => [`item:big:${id}`, 'checklist:big']));
      assert.deepEqual(progress, [1, 2, 3].map((n) => `${n}/${ITEMS} (${n}/${ITEMS})`));
    } finally {
      counts.stop();
    }
  });
});
