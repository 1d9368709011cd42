import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import type { FileOutcome } from './analyseFile';
import type { EngineScanSpec } from './engineAnalysis';
import type { HelperSession, ScanHelpers } from './scanFiles';
import { END, NEXT, SEQ, SHARED_SLOTS, type ScanWorkerData, type ScanWorkerMessage } from './sharedList';
import type { WalkedFile } from './walk';

export interface WorkerPoolOptions {
  /** The bundled worker entry (dist/scanWorker.js, built from scanWorker.ts). */
  script: string;
  /** Worker threads to start (the main thread analyses too). */
  workers: number;
  /** See ScanHelpers.minFiles. */
  minFiles?: number;
  /** Files a worker takes from the shared list at once. */
  batchSize?: number;
}

/**
 * Below this many files a worker does not pay: one is ready some 60-80 ms after it is started and
 * analyses its first files slowly (a cold JIT). On 2 cores a worker made the ~400-file scan of this
 * repository slower whenever other processes kept the cores busy, and saved little when idle.
 */
export const DEFAULT_MIN_FILES_FOR_WORKERS = 1000;
/**
 * Small: a worker takes files when it is ready for more, so a batch only has to be worth an atomic
 * add, and the smaller it is the less the other threads wait for a worker's last batch.
 */
export const DEFAULT_BATCH_SIZE = 8;
/** Files appended to the list are sent to the workers in messages of at least this many (the walk yields a folder's files at a time). */
const SEND_AT_LEAST = 64;

/** ScanHelpers backed by worker threads that each build the analysis from `spec`. */
export function workerHelpers(spec: EngineScanSpec, options: WorkerPoolOptions): ScanHelpers {
  return {
    minFiles: options.minFiles ?? DEFAULT_MIN_FILES_FOR_WORKERS,
    start: (report) => new WorkerSession(spec, options.script, Math.max(1, options.workers), options.batchSize ?? DEFAULT_BATCH_SIZE, report),
  };
}

/**
 * The shared list: every thread keeps a copy of the files (the workers receive them as messages),
 * and the index of the next file to take is one Int32 in shared memory that each thread advances
 * with an atomic add. So a worker never waits for the main thread to hand it work (the main thread
 * is often busy analysing, or, on a loaded machine, not scheduled at all: with batches handed out
 * by messages, workers idled for a third of a second of a 3,500-file scan, and the main thread
 * then waited for batches they had been given in advance).
 */
class WorkerSession implements HelperSession {
  private readonly shared = new Int32Array(new SharedArrayBuffer(SHARED_SLOTS * Int32Array.BYTES_PER_ELEMENT));
  private readonly files: WalkedFile[] = [];
  private readonly workers: Worker[] = [];
  private readonly ports: MessagePort[] = [];
  /** Files appended but not yet sent to the workers. */
  private unsent: WalkedFile[] = [];
  private ended = false;
  /** Files this thread took, and files the workers reported. */
  private takenHere = 0;
  private reported = 0;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(spec: EngineScanSpec, script: string, count: number, batchSize: number, report: (file: WalkedFile, outcome: FileOutcome) => void) {
    for (let i = 0; i < count; i++) {
      const { port1, port2 } = new MessageChannel();
      const workerData: ScanWorkerData = { spec, shared: this.shared.buffer, files: port2, batchSize };
      const worker = new Worker(script, { workerData, transferList: [port2] });
      let finished = false;
      worker.on('message', (message: ScanWorkerMessage) => {
        if ('error' in message) return this.fail(new Error(`scan worker: ${message.error}`));
        message.indices.forEach((index, i) => report(this.files[index], message.outcomes[i]));
        this.reported += message.indices.length;
        finished = message.done;
        this.check();
      });
      worker.on('error', (error) => this.fail(error));
      // Node delivers a worker's messages before its exit: one that finished its part may end.
      worker.on('exit', (code) => (finished ? undefined : this.fail(new Error(`scan worker exited with code ${code}`))));
      this.workers.push(worker);
      this.ports.push(port1);
    }
  }

  add(files: readonly WalkedFile[]): void {
    for (const file of files) {
      this.files.push(file);
      this.unsent.push(file);
    }
    if (this.unsent.length >= SEND_AT_LEAST) this.send();
  }

  end(): void {
    this.send();
    this.ended = true;
    Atomics.store(this.shared, END, 1);
    this.signal();
  }

  take(count: number): WalkedFile[] {
    if (this.failure) throw this.failure;
    const start = Atomics.add(this.shared, NEXT, count);
    const taken = this.files.slice(start, start + count);
    this.takenHere += taken.length;
    return taken;
  }

  settled(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.wake = () => (this.failure ? reject(this.failure) : resolve());
      this.check();
    });
  }

  /**
   * Stops the workers without waiting for their threads to end: tearing a worker's heap down took
   * 25-130 ms, which the main thread spends sorting and writing the report instead (unref'd, a
   * worker that is still ending does not keep the process alive).
   */
  close(): Promise<void> {
    // A worker waiting for files must not wait until it times out.
    Atomics.store(this.shared, END, 1);
    this.signal();
    for (const port of this.ports) port.close();
    for (const worker of this.workers) {
      worker.unref();
      void worker.terminate();
    }
    return Promise.resolve();
  }

  /** Sends the files appended since the last send, then tells waiting workers. */
  private send(): void {
    if (this.unsent.length === 0) return;
    for (const port of this.ports) port.postMessage(this.unsent);
    this.unsent = [];
    // After the messages: a worker that sees the new count finds the files in its port.
    this.signal();
  }

  private signal(): void {
    Atomics.add(this.shared, SEQ, 1);
    Atomics.notify(this.shared, SEQ);
  }

  /** Settles once every file is taken and every file a worker took is reported (or on failure). */
  private check(): void {
    if (!this.wake) return;
    const done = this.ended && Atomics.load(this.shared, NEXT) >= this.files.length && this.takenHere + this.reported === this.files.length;
    if (done || this.failure) {
      const wake = this.wake;
      this.wake = undefined;
      wake();
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.check();
  }
}
