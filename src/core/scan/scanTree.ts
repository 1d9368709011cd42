import type { EngineSettings, QaConfig } from '../config/model';
import { analyzeDocument } from '../engine';
import { languageForPath } from '../languages/index';
import { prefilterFor } from './prefilter';
import { scanFiles } from './scanFiles';
import type { ScanProgress, ScanResult } from './types';

type EngineNow = Parameters<typeof analyzeDocument>[0]['now'];

export interface ScanTreeOptions {
  /** Absolute path of the scan root: finding paths and globs are relative to it. */
  root: string;
  /** Files and folders to scan (absolute or root-relative); default: the whole root. */
  paths?: readonly string[];
  config: QaConfig;
  settings: EngineSettings;
  /** The "today" deadlines are judged against. */
  now: EngineNow;
  onProgress?: (progress: ScanProgress) => void;
  signal?: AbortSignal;
  concurrency?: number;
  /** Default true: skip files the byte-level prefilter proves hold nothing to report. */
  prefilter?: boolean;
}

/**
 * Scans a tree with the engine: the CLI's `scan` and the editor's background scan. Settings are
 * compiled once by the caller (compileEngineSettings) and shared by every file.
 */
export function scanTree(options: ScanTreeOptions): Promise<ScanResult> {
  const { config, settings, now } = options;
  return scanFiles({
    root: options.root,
    paths: options.paths,
    exclude: config.exclude,
    maxFileSize: config.maxFileSize,
    languageOf: (relPath) => languageForPath(relPath, config.languages),
    analyze: ({ text, path, language }) => analyzeDocument({ text, path, language, settings, now }),
    mayHaveFindings: options.prefilter === false ? undefined : prefilterFor(settings),
    onProgress: options.onProgress,
    signal: options.signal,
    concurrency: options.concurrency,
  });
}
