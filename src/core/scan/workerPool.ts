import { Worker } from 'node:worker_threads';
import type { FileOutcome } from './analyseFile';
import type { EngineScanSpec } from './engineAnalysis';
import type { HelperSession, ScanHelpers } from './scanFiles';
import type { ScanBatchRequest, ScanBatchResponse } from './scanWorker';
import type { WalkedFile } from './walk';

export interface WorkerPoolOptions {
  /** The bundled worker entry (dist/scanWorker.js, built from scanWorker.ts). */
  script: string;
  /** Worker threads to start (the main thread analyses too). */
  workers: number;
  /** See ScanHelpers.minFiles. */
  minFiles?: number;
  batchSize?: number;
}

/**
 * Below this many files a worker does not pay: one is ready some 60-80 ms after it is started and
 * analyses its first files slowly (a cold JIT). On 2 cores a worker made the ~400-file scan of this
 * repository slower whenever other processes kept the cores busy, and saved little when idle.
 */
export const DEFAULT_MIN_FILES_FOR_WORKERS = 1000;
export const DEFAULT_BATCH_SIZE = 32;
/** Batches queued per worker, so it never waits for the main thread between two. */
const DEPTH = 2;

/** ScanHelpers backed by worker threads that each build the analysis from `spec`. */
export function workerHelpers(spec: EngineScanSpec, options: WorkerPoolOptions): ScanHelpers {
  return {
    minFiles: options.minFiles ?? DEFAULT_MIN_FILES_FOR_WORKERS,
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    start: () => new WorkerSession(spec, options.script, Math.max(1, options.workers)),
  };
}

interface Pending {
  resolve(outcomes: FileOutcome[]): void;
  reject(error: Error): void;
}

class PooledWorker {
  readonly pending = new Map<number, Pending>();
  private failure: Error | undefined;

  constructor(readonly worker: Worker) {
    worker.on('message', (response: ScanBatchResponse) => {
      const waiter = this.pending.get(response.id);
      if (!waiter) return;
      this.pending.delete(response.id);
      if ('error' in response) waiter.reject(new Error(`scan worker: ${response.error}`));
      else waiter.resolve(response.outcomes);
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => this.failAll(new Error(`scan worker exited with code ${code}`)));
  }

  send(request: ScanBatchRequest): Promise<FileOutcome[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  private failAll(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}

class WorkerSession implements HelperSession {
  readonly slots: number;
  private readonly workers: PooledWorker[];
  private nextId = 0;

  constructor(spec: EngineScanSpec, script: string, count: number) {
    this.workers = Array.from({ length: count }, () => new PooledWorker(new Worker(script, { workerData: spec })));
    this.slots = count * DEPTH;
  }

  analyse(files: readonly WalkedFile[]): Promise<FileOutcome[]> {
    // The least busy worker: batches differ in cost, so a fixed rotation would leave one idle.
    let chosen = this.workers[0];
    for (const candidate of this.workers) if (candidate.pending.size < chosen.pending.size) chosen = candidate;
    return chosen.send({ id: this.nextId++, files: [...files] });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((pooled) => pooled.worker.terminate()));
  }
}
