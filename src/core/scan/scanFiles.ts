import { setImmediate as nextTurn } from 'node:timers/promises';
import { DEFAULT_MAX_FILE_SIZE } from '../config/model';
import type { Finding, Problem } from '../types';
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
 * Analysis of part of the files somewhere else (worker threads). scanFiles starts them only when
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
  /** `report` receives the outcome of each file a helper analysed. */
  start(report: (file: WalkedFile, outcome: FileOutcome) => void): HelperSession;
}

/**
 * One list of files, shared by this thread and the helpers: each takes the next few files when it
 * is ready for more, so no thread waits for another to hand it work, and at the end no thread
 * waits long for another to finish a batch it was given too early.
 */
export interface HelperSession {
  /** Appends files to the list, in walk order. */
  add(files: readonly WalkedFile[]): void;
  /** No more files: the helpers finish when the list is. */
  end(): void;
  /** Up to `count` files of the list for this thread; [] when every file is taken. After end() only. */
  take(count: number): WalkedFile[];
  /** Resolves when every file the helpers took is reported; rejects when a helper failed. */
  settled(): Promise<void>;
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
  const problems: Problem[] = [];
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
      for (const problem of outcome.problems) problems.push({ path: file.relPath, line: problem.line, column: problem.column, message: problem.message, severity: 'warning' });
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
  problems.sort((a, b) => comparePaths(a.path, b.path) || a.line - b.line || a.column - b.column);
  return { findings, files, skipped, problems };
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
 * Once the walk has found `minFiles` files, the helpers start and the files go to the list they
 * share with this thread. This thread walks to the end first (the walk is quick, and the helpers
 * would run out of files while it analysed), then takes small batches from the list too, looking
 * at the event loop in between so that the helpers' outcomes are recorded as they come. A smaller
 * tree is analysed on this thread alone.
 */
async function withHelpers<L>(walk: Walk, analysis: FileAnalysis<L>, helpers: ScanHelpers, record: Record, signal: AbortSignal | undefined): Promise<void> {
  const first: WalkedFile[] = [];
  let next = await walk.next();
  for (; !next.done; next = await walk.next()) {
    for (const file of next.value) first.push(file);
    if (first.length >= helpers.minFiles) break;
  }
  if (next.done) {
    // The walk has ended: the whole tree is smaller.
    for (const file of first) record(file, analyseFileSync(file, analysis));
    return;
  }
  const session = helpers.start(record);
  try {
    session.add(first);
    for (next = await walk.next(); !next.done; next = await walk.next()) session.add(next.value);
    session.end();
    for (let batch = session.take(OWN_BATCH); batch.length > 0; batch = session.take(OWN_BATCH)) {
      signal?.throwIfAborted();
      for (const file of batch) record(file, analyseFileSync(file, analysis));
      await nextTurn();
    }
    await session.settled();
  } finally {
    await session.close();
  }
}

/** Code-unit order: the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: Finding, b: Finding): number {
  return comparePaths(a.path, b.path) || a.line - b.line || a.column - b.column || comparePaths(a.ruleId, b.ruleId);
}
