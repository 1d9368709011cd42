import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Finding, TextProblem } from '../../core/types';
import type { WorkerRequest, WorkerResponse } from './analysisWorker';
import { StaleTextError, type SessionRequest } from './sessionStore';

type Analysed = { findings: Finding[]; problems: TextProblem[]; incremental: boolean; elapsedMs: number };
type TicketRefs = Array<{ text: string; start: number }> | null;

interface Pending {
  resolve: (response: Exclude<WorkerResponse, { error: string }>) => void;
  reject: (error: Error) => void;
}

/** The worker failed to start, or is not tried again yet; `onStartFailed` has said why, once. */
export class WorkerUnavailableError extends Error {}

/** How long after the n-th failed start (1-based) the worker is tried again: 30 s, doubling up to 10 min. */
export function retryDelayMs(failures: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failures - 1), 600_000);
}

/**
 * A single background thread for analysing large documents (it keeps their incremental sessions).
 * Started on first use; if it cannot start or dies, callers get a rejected promise and fall back
 * to analysing in place, and a restarted worker analyses each document whole once.
 *
 * A worker that stops before it ever answered (a missing or broken bundle) is not started again at
 * every edit: that cost a thread start and a warning per keystroke. `onStartFailed` hears of each
 * failed start once, however many requests were waiting; those requests, and the ones until the
 * worker is tried again after `retryDelayMs`, fail with `WorkerUnavailableError`.
 */
export class AnalysisPool {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private failedStarts = 0;
  private retryAt = 0;

  constructor(
    private readonly script: string = join(__dirname, 'analysisWorker.js'),
    private readonly onStartFailed: (message: string) => void = () => undefined,
    // Monotonic: a wall clock set back would postpone the next attempt by as much.
    private readonly now: () => number = () => performance.now(),
  ) {}

  async analyse(request: SessionRequest): Promise<Analysed> {
    const response = await this.send((id) => ({ id, request }));
    if (!('findings' in response)) throw new Error('the analysis worker answered another question');
    return response;
  }

  /** Ticket references in the comments of the version the worker analysed last (null: not that version). */
  async ticketReferences(key: string, version: number, userPatterns: readonly RegExp[]): Promise<TicketRefs> {
    // A worker that is not running holds no session: starting one would only hear "not that version".
    if (!this.worker) return null;
    const response = await this.send((id) => ({ id, tickets: { key, version, userPatterns: [...userPatterns] } }));
    return 'tickets' in response ? response.tickets : null;
  }

  private send(message: (id: number) => WorkerRequest): Promise<Exclude<WorkerResponse, { error: string }>> {
    if (!this.worker && this.now() < this.retryAt) {
      return Promise.reject(new WorkerUnavailableError('the analysis worker failed to start; not tried again yet'));
    }
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(message(id));
    });
  }

  /** Drops the worker's session for a closed document (nothing to do if the worker never started). */
  forget(key: string): void {
    this.worker?.postMessage({ forget: key } satisfies WorkerRequest);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    let answered = false;
    worker.unref();
    worker.on('message', (response: WorkerResponse) => {
      if (!answered) {
        answered = true;
        this.failedStarts = 0;
      }
      const pending = this.pending.get(response.id);
      if (!pending) return;
      this.pending.delete(response.id);
      if ('error' in response) pending.reject(response.stale === true ? new StaleTextError(`request ${response.id}`) : new Error(response.error));
      else pending.resolve(response);
    });
    const fail = (error: Error): void => {
      // 'error' is followed by 'exit': the second event, or one from a worker already replaced, is old news.
      if (this.worker !== worker) return;
      this.worker = undefined;
      let reason = error;
      if (!answered) {
        this.failedStarts += 1;
        const delay = retryDelayMs(this.failedStarts);
        this.retryAt = this.now() + delay;
        const message = `The analysis worker could not start (${error.message}); it is tried again in ${Math.round(delay / 1000)} s, large documents are analysed on the extension host meanwhile`;
        this.onStartFailed(message);
        reason = new WorkerUnavailableError(message);
      }
      this.rejectPending(reason);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the analysis worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private rejectPending(reason: Error): void {
    for (const pending of this.pending.values()) pending.reject(reason);
    this.pending.clear();
  }

  dispose(): void {
    const worker = this.worker;
    // Cleared first, so the exit that follows is old news to `fail`: the waiting requests end here.
    this.worker = undefined;
    this.rejectPending(new Error('the analysis worker was stopped (QA Lens is shutting down)'));
    void worker?.terminate();
  }
}
