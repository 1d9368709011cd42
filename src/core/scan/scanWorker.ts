import { receiveMessageOnPort, parentPort, workerData } from 'node:worker_threads';
import { analyseFileSync, type FileOutcome } from './analyseFile';
import { engineAnalysis } from './engineAnalysis';
import { END, NEXT, SEQ, type ScanWorkerData, type ScanWorkerMessage } from './sharedList';
import type { WalkedFile } from './walk';

// One of the CLI scan's worker threads (bundled on its own as dist/scanWorker.js): it takes files
// from the list it shares with the main thread (sharedList.ts, workerPool.ts) and analyses them
// with the same FileAnalysis the main thread builds from the same spec. Blocking reads and waits
// are right here: this thread does nothing else.

/** Outcomes are sent in messages of about this many files: fewer messages for the main thread to take. */
const REPORT_EVERY = 32;
/** A wait for files is cut short now and then, in case a wake-up was missed. */
const WAIT_MS = 50;

const data = workerData as ScanWorkerData;
const shared = new Int32Array(data.shared);
const analysis = engineAnalysis(data.spec);
const files: WalkedFile[] = [];
let indices: number[] = [];
let outcomes: FileOutcome[] = [];

function report(done: boolean): void {
  parentPort?.postMessage({ indices, outcomes, done } satisfies ScanWorkerMessage);
  indices = [];
  outcomes = [];
}

/** Receives files until the list holds `count` files or is complete. */
function haveFiles(count: number): void {
  for (;;) {
    const seen = Atomics.load(shared, SEQ);
    // Read before the port: files sent before END was set are then in the port.
    const ended = Atomics.load(shared, END) === 1;
    for (let message = receiveMessageOnPort(data.files); message; message = receiveMessageOnPort(data.files)) {
      for (const file of message.message as WalkedFile[]) files.push(file);
    }
    if (files.length >= count || ended) return;
    // The main thread may be waiting for these outcomes before it sends more: send them first.
    if (indices.length > 0) report(false);
    Atomics.wait(shared, SEQ, seen, WAIT_MS);
  }
}

function run(): void {
  for (;;) {
    const start = Atomics.add(shared, NEXT, data.batchSize);
    haveFiles(start + data.batchSize);
    const end = Math.min(start + data.batchSize, files.length);
    if (start >= end) {
      // The list is complete and taken: everything still held goes with the last message. Closing
      // the port leaves the event loop empty, so the thread ends (and frees its heap) now, while
      // the main thread may still be analysing, rather than when the main thread stops it.
      report(true);
      data.files.close();
      return;
    }
    for (let index = start; index < end; index++) {
      indices.push(index);
      outcomes.push(analyseFileSync(files[index], analysis));
    }
    if (indices.length >= REPORT_EVERY) report(false);
  }
}

try {
  run();
} catch (error) {
  // analyseFileSync turns every per-file failure into an outcome; this is a defect, reported whole.
  parentPort?.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ScanWorkerMessage);
}
