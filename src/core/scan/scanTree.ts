import type { EngineSettings, QaConfig } from '../config/model';
import { DEFAULT_MAX_FILE_SIZE } from '../config/model';
import { engineAnalysis, type EngineScanSpec } from './engineAnalysis';
import { scanFiles } from './scanFiles';
import type { ScanProgress, ScanResult } from './types';
import { workerHelpers, type WorkerPoolOptions } from './workerPool';

export interface ScanTreeOptions {
  /** Absolute path of the scan root: finding paths and globs are relative to it. */
  root: string;
  /** Files and folders to scan (absolute or root-relative); default: the whole root. */
  paths?: readonly string[];
  config: QaConfig;
  settings: EngineSettings;
  /** The "today" deadlines are judged against. */
  now: EngineScanSpec['now'];
  onProgress?: (progress: ScanProgress) => void;
  signal?: AbortSignal;
  concurrency?: number;
  /** Blocking reads: only where the thread does nothing else (the CLI), see ScanFilesOptions. */
  syncReads?: boolean;
  /** Worker threads for large trees (the CLI); absent: everything on this thread. */
  workers?: WorkerPoolOptions;
}

/**
 * Scans a tree with the engine: the CLI's `scan` and the editor's background scan. Settings are
 * compiled once by the caller (compileEngineSettings) and shared by every file.
 */
export function scanTree(options: ScanTreeOptions): Promise<ScanResult> {
  const { config } = options;
  const spec: EngineScanSpec = {
    settings: options.settings,
    now: options.now,
    maxFileSize: config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    ...(config.languages ? { languages: config.languages } : {}),
  };
  return scanFiles({
    root: options.root,
    paths: options.paths,
    exclude: config.exclude,
    ...engineAnalysis(spec),
    onProgress: options.onProgress,
    signal: options.signal,
    concurrency: options.concurrency,
    syncReads: options.syncReads,
    helpers: options.workers && options.workers.workers > 0 ? workerHelpers(spec, options.workers) : undefined,
  });
}
