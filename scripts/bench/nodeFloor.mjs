// The floor of any scanner written for Node, measured the way qa-lens is (a new process, its wall
// time): start Node, read each file qa-lens would analyse and decode it to a string, with as many
// threads as qa-lens uses, and nothing else (no walk, no lexing, no rules). The bench prints it
// beside ripgrep so the qa-lens/ripgrep ratio can be read against what Node itself costs.
//
//   node nodeFloor.mjs LIST_FILE THREADS     (LIST_FILE: one absolute path per line)
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

// As qa-lens decodes (src/core/scan/decode.ts): invalid UTF-8 is replaced, never thrown.
const decoder = new TextDecoder('utf-8', { fatal: false });

/** Reads and decodes every `stride`-th file from `first`; returns the characters, so none is skipped as unused. */
function readShare(files, first, stride) {
  let chars = 0;
  for (let i = first; i < files.length; i += stride) {
    try {
      chars += decoder.decode(readFileSync(files[i])).length;
    } catch {
      // A file gone since it was listed costs what qa-lens pays for it: the failed open.
    }
  }
  return chars;
}

if (isMainThread) {
  const [listFile, threadArg] = process.argv.slice(2);
  const files = readFileSync(listFile, 'utf8').split('\n').filter(Boolean);
  const threads = Math.max(1, Number(threadArg) || 1);
  const workers = Array.from({ length: threads - 1 }, (_, k) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { files, first: k + 1, stride: threads } });
      worker.once('message', resolve);
      worker.once('error', reject);
    }),
  );
  const own = readShare(files, 0, threads);
  const chars = own + (await Promise.all(workers)).reduce((sum, n) => sum + n, 0);
  process.stdout.write(`${JSON.stringify({ files: files.length, chars })}\n`);
} else {
  parentPort.postMessage(readShare(workerData.files, workerData.first, workerData.stride));
}
