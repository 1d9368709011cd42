import { DEFAULT_MAX_FILE_SIZE } from '../config/model';
import type { Finding } from '../types';
import { decodeText, looksBinary } from './decode';
import { readBounded } from './readFile';
import type { ScanProgress, ScanResult, SkippedFile } from './types';
import { walkFiles, type WalkedFile } from './walk';

/** What the analysis of one file receives. */
export interface DocumentToAnalyse<L> {
  /** UTF-8 decoded, BOM removed, line breaks as they are in the file (\n or \r\n). */
  text: string;
  /** Relative to the scan root, '/' separators. */
  path: string;
  language: L;
}

/** `L` is whatever the engine calls a language (a LanguageSpec); the scan only passes it on. */
export interface ScanFilesOptions<L> {
  root: string;
  paths?: readonly string[];
  exclude?: readonly string[];
  /** Bytes; larger files are skipped as too large. Default 1 MiB. */
  maxFileSize?: number;
  /** The language id of a root-relative path, undefined when unknown (the file is skipped). */
  languageOf(relPath: string): L | undefined;
  analyze(document: DocumentToAnalyse<L>): Finding[];
  /**
   * A cheap test on the raw bytes: false means no rule can report anything in them, and the file
   * is counted as scanned without being decoded or analysed. Absent: every file is analysed.
   */
  mayHaveFindings?: (bytes: Uint8Array) => boolean;
  onProgress?: (progress: ScanProgress) => void;
  signal?: AbortSignal;
  /** Files read at once. */
  concurrency?: number;
}

export const DEFAULT_SCAN_CONCURRENCY = 16;

/**
 * Walks and analyses files: the part of a scan that does not care which engine runs. Reads a
 * bounded number of files at once (I/O overlaps; the analysis itself is synchronous). Rejects with
 * the signal's reason when aborted.
 */
export async function scanFiles<L>(options: ScanFilesOptions<L>): Promise<ScanResult> {
  const findings: Finding[] = [];
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const report = (path: string): void => options.onProgress?.({ scanned: files.length, skipped: skipped.length, path });
  const skip = (entry: SkippedFile): void => {
    skipped.push(entry);
    report(entry.path);
  };

  const walk = walkFiles({ root: options.root, paths: options.paths, exclude: options.exclude, signal: options.signal, onSkip: skip });

  const worker = async (): Promise<void> => {
    for (;;) {
      options.signal?.throwIfAborted();
      // Async generators queue concurrent next() calls, so workers share the walk safely.
      const next = await walk.next();
      if (next.done) return;
      const outcome = await analyseFile(next.value, maxFileSize, options);
      if ('reason' in outcome) {
        skip(outcome);
      } else {
        files.push(next.value.relPath);
        for (const finding of outcome.findings) findings.push(finding);
        report(next.value.relPath);
      }
    }
  };

  const workers = Array.from({ length: Math.max(1, options.concurrency ?? DEFAULT_SCAN_CONCURRENCY) }, worker);
  try {
    await Promise.all(workers);
  } finally {
    await walk.return(undefined);
  }

  findings.sort(compareFindings);
  files.sort(comparePaths);
  skipped.sort((a, b) => comparePaths(a.path, b.path));
  return { findings, files, skipped };
}

async function analyseFile<L>(file: WalkedFile, maxFileSize: number, options: ScanFilesOptions<L>): Promise<{ findings: Finding[] } | SkippedFile> {
  const language = options.languageOf(file.relPath);
  let outcome;
  try {
    // Unknown types are only sniffed, so that images are counted as binary, not as unknown.
    outcome = await readBounded(file.absPath, { maxFileSize, headOnly: language === undefined });
  } catch (error) {
    return { path: file.relPath, reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  if (outcome.kind === 'too-large') return { path: file.relPath, reason: 'too-large', detail: `${outcome.size} bytes (limit ${maxFileSize})` };
  const bytes = outcome.bytes;
  if (language === undefined) return { path: file.relPath, reason: looksBinary(bytes) ? 'binary' : 'unknown-type' };
  if (looksBinary(bytes)) return { path: file.relPath, reason: 'binary' };
  // Most files hold nothing any rule could report: those are counted as scanned without being
  // decoded or lexed (the prefilter is a superset of every rule's trigger words).
  if (options.mayHaveFindings && !options.mayHaveFindings(bytes)) return { findings: [] };
  try {
    return { findings: options.analyze({ text: decodeText(bytes), path: file.relPath, language }) };
  } catch (error) {
    // An engine defect on one file must not lose the other files' results; it is counted, not hidden.
    return { path: file.relPath, reason: 'analysis-failed', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** Code-unit order: the same on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: Finding, b: Finding): number {
  return comparePaths(a.path, b.path) || a.line - b.line || a.column - b.column || comparePaths(a.ruleId, b.ruleId);
}
