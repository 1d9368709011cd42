import type { MessagePort } from 'node:worker_threads';
import type { FileOutcome } from './analyseFile';
import type { EngineScanSpec } from './engineAnalysis';

// The list of files the CLI scan's threads share (workerPool.ts says why): the slots of its
// Int32Array in shared memory, and what the main thread and the workers send each other.

/** The index of the next file to take: each thread advances it with Atomics.add. */
export const NEXT = 0;
/** 1 once the list is complete (or the scan is over). */
export const END = 1;
/** Bumped (and notified) whenever files are sent or END is set: a worker waiting for files waits on it. */
export const SEQ = 2;
export const SHARED_SLOTS = 3;

/** A worker's workerData. `files` receives the list's files, in order, as arrays. */
export interface ScanWorkerData {
  spec: EngineScanSpec;
  shared: SharedArrayBuffer;
  files: MessagePort;
  /** Files taken at once. */
  batchSize: number;
}

/**
 * From a worker: outcomes of the files at these list indices; `done` on the last message, sent
 * when the list is complete and every file taken. `error` for a defect, reported whole.
 */
export type ScanWorkerMessage = { indices: number[]; outcomes: FileOutcome[]; done: boolean } | { error: string };
