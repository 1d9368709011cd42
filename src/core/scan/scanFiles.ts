import { setImmediate as nextTurn } from 'node:timers/promises';
import { DEFAULT_MAX_FILE_SIZE } from '../config/model';
import type { Finding } from '../types';
import { analyseFile, analyseFileSync, type FileAnalysis, type FileOutcome } from './analyseFile';
import type { ScanProgress, ScanResult, SkippedFile } from './types';
import { BLOCKING_ACCESS } from './fileAccess';
import { walkFileChunks, type WalkedFile } from './walk';

export type { DocumentToAnalyse } from './analyseFile';

/** `L` is whatever the engine calls a language (a LanguageSpec); the scan only passes it on. */
export interface ScanFilesOptions<L> extends Omit<FileAnalysis<L>, 'maxFileSize'> {
  root: string;
  paths?: readonly string[];
  exclude?: readonly string[];
  /** Bytes; larger files are skipped as too large. Default 1 MiB. */
  maxFileSize?: number;
  onProgress?: (progress: ScanProgress) => void;
  signal?: AbortSignal;
  /** Files read at once (asynchronous reads only). */
  concurrency?: number;
  /**
   * Read files and walk folders with blocking calls (readBoundedSync, BLOCKING_ACCESS). Much
   * faster, and right for a process whose main thread does nothing else (the CLI); never in the
   * extension host.
   */
  syncReads?: boolean;
  /** Other threads that analyse part of a large tree (the CLI's worker threads). */
  helpers?: ScanHelpers;
}

/**
 * Analysis of batches of files somewhere else (worker threads). scanFiles starts them only when
 * the tree turns out large enough to pay for their start-up, and merges their outcomes with its
 * own: the result is the same whichever thread analysed a file, because every list is sorted last.
 */
export interface ScanHelpers {
  /**
   * Files the walk must find before the helpers start: smaller trees stay on this thread. (The
   * time per file, measured on the first files, was no guide: they warm the JIT up, and a
   * repository's first folders often hold its largest Markdown files.)
   */
  minFiles: number;
  /** Files per batch handed to a helper. */
  batchSize: number;
  start(): HelperSession;
}

export interface HelperSession {
  /** Batches that may be in flight at once (helpers x queue depth). */
  readonly slots: number;
  /** The outcome of each file of the batch, in the batch's order. */
  analyse(files: readonly WalkedFile[]): Promise<FileOutcome[]>;
  close(): Promise<void>;
}

export const DEFAULT_SCAN_CONCURRENCY = 16;

/** Files this thread analyses between two looks at the event loop, when helpers run. */
const OWN_BATCH = 8;

/**
 * Walks and analyses files: the part of a scan that does not care which engine runs. Reads a
 * bounded number of files at once (I/O overlaps; the analysis itself is synchronous), or reads
 * synchronously with `syncReads`. Rejects with the signal's reason when aborted.
 */
export async function scanFiles<L>(options: ScanFilesOptions<L>): Promise<ScanResult> {
  const findings: Finding[] = [];
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const analysis: FileAnalysis<L> = { ...options, maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE };
  const report = (path: string): void => options.onProgress?.({ scanned: files.length, skipped: skipped.length, path });
  const skip = (entry: SkippedFile): void => {
    skipped.push(entry);
    report(entry.path);
  };
  const record = (file: WalkedFile, outcome: FileOutcome): void => {
    if ('reason' in outcome) {
      skip(outcome);
    } else {
      files.push(file.relPath);
      for (const finding of outcome.findings) findings.push(finding);
      report(file.relPath);
    }
  };

  const walk = walkFileChunks({
    root: options.root,
    paths: options.paths,
    exclude: options.exclude,
    signal: options.signal,
    onSkip: skip,
    // A thread that reads files blocking (the CLI's) walks blocking too.
    access: options.syncReads ? BLOCKING_ACCESS : undefined,
  });
  try {
    if (options.helpers) await withHelpers(walk, analysis, options.helpers, record, options.signal);
    else if (options.syncReads) await onThisThread(walk, analysis, record, options.signal);
    else await withAsyncReads(walk, analysis, record, options);
  } finally {
    await walk.return(undefined);
  }

  findings.sort(compareFindings);
  files.sort(comparePaths);
  skipped.sort((a, b) => comparePaths(a.path, b.path));
  return { findings, files, skipped };
}

type Record = (file: WalkedFile, outcome: FileOutcome) => void;

type Walk = AsyncGenerator<WalkedFile[]>;

async function withAsyncReads<L>(chunks: Walk, analysis: FileAnalysis<L>, record: Record, options: ScanFilesOptions<L>): Promise<void> {
  const walk = (async function* () {
    for await (const chunk of chunks) yield* chunk;
  })();
  const worker = async (): Promise<void> => {
    for (;;) {
      options.signal?.throwIfAborted();
      // Async generators queue concurrent next() calls, so workers share the walk safely.
      const next = await walk.next();
      if (next.done) return;
      record(next.value, await analyseFile(next.value, analysis));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? DEFAULT_SCAN_CONCURRENCY) }, worker));
}

async function onThisThread<L>(walk: Walk, analysis: FileAnalysis<L>, record: Record, signal: AbortSignal | undefined): Promise<void> {
  for await (const chunk of walk) {
    for (const file of chunk) {
      signal?.throwIfAborted();
      record(file, analyseFileSync(file, analysis));
    }
  }
}

/**
 * The walk feeds a queue; when it holds `minFiles` files, batches go to the helpers (each slot
 * keeps one in flight) while this thread analyses small batches itself, looking at the event loop
 * in between so that the walk and the helpers' replies keep moving. A smaller tree is analysed
 * on this thread alone.
 */
async function withHelpers<L>(walk: Walk, analysis: FileAnalysis<L>, helpers: ScanHelpers, record: Record, signal: AbortSignal | undefined): Promise<void> {
  const queue = new WalkQueue(walk, signal);
  await queue.fillTo(helpers.minFiles);
  if (queue.size < helpers.minFiles) {
    // The walk has ended: the whole tree is smaller.
    for (const file of queue.take(Infinity)) record(file, analyseFileSync(file, analysis));
    return;
  }
  const session = helpers.start();
  try {
    const helperSlot = async (): Promise<void> => {
      for (let batch = await queue.next(helpers.batchSize); batch.length > 0; batch = await queue.next(helpers.batchSize)) {
        const outcomes = await session.analyse(batch);
        batch.forEach((file, i) => record(file, outcomes[i]));
      }
    };
    const ownShare = async (): Promise<void> => {
      // The walk first: it is quick, and while this thread analyses it stands still, so the
      // helpers would run out of files (they idled a third of a scan of 3,400 files that way).
      await queue.walked();
      for (let batch = await queue.next(OWN_BATCH); batch.length > 0; batch = await queue.next(OWN_BATCH)) {
        for (const file of batch) record(file, analyseFileSync(file, analysis));
        await nextTurn();
      }
    };
    await Promise.all([queue.run(), ownShare(), ...Array.from({ length: session.slots }, helperSlot)]).catch((error: unknown) => {
      // Stop the other consumers too: the scan has failed.
      queue.fail(error);
      throw error;
    });
  } finally {
    await session.close();
  }
}

/** The walk's files, buffered: consumers take batches while the walk goes on. */
class WalkQueue {
  private readonly files: WalkedFile[] = [];
  private done = false;
  private failure: { error: unknown } | undefined;
  private waiting: Array<() => void> = [];

  constructor(
    private readonly walk: Walk,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** Files queued, not yet taken. */
  get size(): number {
    return this.files.length;
  }

  /** Walks until `count` files are queued or the walk ends. */
  async fillTo(count: number): Promise<void> {
    while (!this.done && this.files.length < count) await this.pull();
  }

  /** Walks to the end, waking consumers as files arrive. Rejects (and wakes everyone) on failure. */
  async run(): Promise<void> {
    try {
      while (!this.done && !this.failure) await this.pull();
    } catch (error) {
      this.fail(error);
      throw error;
    }
  }

  /** Resolves when the walk has ended (or failed). */
  async walked(): Promise<void> {
    while (!this.done && !this.failure) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Every later next() rejects with `error`. */
  fail(error: unknown): void {
    this.failure ??= { error };
    this.wake();
  }

  /** Up to `size` files; waits while fewer are queued and the walk goes on; [] at the end. */
  async next(size: number): Promise<WalkedFile[]> {
    for (;;) {
      if (this.failure) throw this.failure.error;
      this.signal?.throwIfAborted();
      if (this.files.length >= size || (this.done && this.files.length > 0)) return this.take(size);
      if (this.done) return [];
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  take(size: number): WalkedFile[] {
    return this.files.splice(0, size);
  }

  private async pull(): Promise<void> {
    const next = await this.walk.next();
    if (next.done) this.done = true;
    else for (const file of next.value) this.files.push(file);
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}

/** Code-unit order: the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: Finding, b: Finding): number {
  return comparePaths(a.path, b.path) || a.line - b.line || a.column - b.column || comparePaths(a.ruleId, b.ruleId);
}
