import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../../core/types';
import type { WorkerRequest, WorkerResponse } from './analysisWorker';
import { StaleTextError, type SessionRequest } from './sessionStore';

type Analysed = { findings: Finding[]; incremental: boolean; elapsedMs: number };
type TicketRefs = Array<{ text: string; start: number }> | null;

interface Pending {
  resolve: (response: Exclude<WorkerResponse, { error: string }>) => void;
  reject: (error: Error) => void;
}

/**
 * A single background thread for analysing large documents (it keeps their incremental sessions).
 * Started on first use; if it cannot start or dies, callers get a rejected promise and fall back
 * to analysing in place, and a restarted worker analyses each document whole once.
 */
export class AnalysisPool {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly script: string = join(__dirname, 'analysisWorker.js')) {}

  async analyse(request: SessionRequest): Promise<Analysed> {
    const response = await this.send((id) => ({ id, request }));
    if (!('findings' in response)) throw new Error('the analysis worker answered another question');
    return response;
  }

  /** Ticket references in the comments of the version the worker analysed last (null: not that version). */
  async ticketReferences(key: string, version: number, userPatterns: readonly RegExp[]): Promise<TicketRefs> {
    const response = await this.send((id) => ({ id, tickets: { key, version, userPatterns: [...userPatterns] } }));
    return 'tickets' in response ? response.tickets : null;
  }

  private send(message: (id: number) => WorkerRequest): Promise<Exclude<WorkerResponse, { error: string }>> {
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
    worker.unref();
    worker.on('message', (response: WorkerResponse) => {
      const pending = this.pending.get(response.id);
      if (!pending) return;
      this.pending.delete(response.id);
      if ('error' in response) pending.reject(response.stale === true ? new StaleTextError(`request ${response.id}`) : new Error(response.error));
      else pending.resolve(response);
    });
    const fail = (error: Error): void => {
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
      this.worker = undefined;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the analysis worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
