import { parentPort, workerData } from 'node:worker_threads';
import { analyseFileSync, type FileOutcome } from './analyseFile';
import { engineAnalysis, type EngineScanSpec } from './engineAnalysis';
import type { WalkedFile } from './walk';

/** A batch of files to analyse; the reply carries one outcome per file, in the same order. */
export interface ScanBatchRequest {
  id: number;
  files: WalkedFile[];
}

export type ScanBatchResponse = { id: number; outcomes: FileOutcome[] } | { id: number; error: string };

// One of the CLI scan's worker threads (bundled on its own as dist/scanWorker.js): it reads and
// analyses the batches the main thread hands it, with the same FileAnalysis the main thread
// builds from the same spec. Blocking reads are right here: this thread does nothing else.
const analysis = engineAnalysis(workerData as EngineScanSpec);

parentPort?.on('message', (request: ScanBatchRequest) => {
  try {
    const outcomes = request.files.map((file) => analyseFileSync(file, analysis));
    parentPort?.postMessage({ id: request.id, outcomes } satisfies ScanBatchResponse);
  } catch (error) {
    // analyseFileSync turns every per-file failure into an outcome; this is a defect, reported whole.
    parentPort?.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ScanBatchResponse);
  }
});
