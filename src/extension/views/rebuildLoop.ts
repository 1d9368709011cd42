import type * as vscode from 'vscode';
import { log } from '../log';

/**
 * A view's debounced, one-at-a-time rebuild: requests within `delay` ms collapse into one, and a
 * rebuild never overlaps the previous one. With `keep: 'earliest'` a later request never postpones
 * an earlier one (a view fed by frequent scan progress must still follow the active file at once).
 */
export class RebuildLoop implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private due = 0;
  private building: Promise<void> = Promise.resolve();
  /** Counts rebuilds started: a rebuild that awaited something can tell a newer one began. */
  generation = 0;

  constructor(
    private readonly view: string,
    private readonly delay: number,
    private readonly rebuild: (generation: number) => Promise<void>,
    private readonly keep: 'latest' | 'earliest' = 'latest',
  ) {}

  schedule(delay = this.delay): void {
    const due = Date.now() + delay;
    if (this.keep === 'earliest' && this.timer && this.due <= due) return;
    if (this.timer) clearTimeout(this.timer);
    this.due = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const generation = ++this.generation;
      this.building = this.building.then(() => this.rebuild(generation)).catch((error: unknown) => log().error(`${this.view} view: ${String(error)}`));
    }, delay);
  }

  /** Resolves once the view reflects everything that happened before the call. */
  async settled(): Promise<void> {
    for (;;) {
      if (this.timer) await new Promise((resolve) => setTimeout(resolve, this.delay));
      const current = this.building;
      await current;
      if (!this.timer && current === this.building) return;
    }
  }

  /** Rebuilds now and resolves once done (after a change the watchers may not have delivered yet). */
  now(): Promise<void> {
    this.schedule(0);
    return this.settled();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
