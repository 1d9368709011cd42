import type { Finding, TextProblem } from '../types';
import { decodeText, looksBinary } from './decode';
import { readBounded, readBoundedSync, type ReadOutcome } from './readFile';
import type { SkippedFile } from './types';
import type { WalkedFile } from './walk';

/** What the analysis of one file receives. */
export interface DocumentToAnalyse<L> {
  /** UTF-8 decoded, BOM removed, line breaks as they are in the file (\n or \r\n). */
  text: string;
  /** Relative to the scan root, '/' separators. */
  path: string;
  language: L;
}

/** How one file is judged: the same in the main thread, in the async scan and in worker threads. */
export interface FileAnalysis<L> {
  /** Bytes; larger files are skipped as too large. */
  maxFileSize: number;
  /** The language id of a root-relative path, undefined when unknown (the file is skipped). */
  languageOf(relPath: string): L | undefined;
  analyze(document: DocumentToAnalyse<L>): DocumentOutcome;
}

/** What the analysis of one document found: findings, and problems in its text (cli.md). */
export interface DocumentOutcome {
  findings: Finding[];
  problems: TextProblem[];
}

/** A file's result: its findings and problems (it counts as scanned), or why it was skipped. */
export type FileOutcome = DocumentOutcome | SkippedFile;

export async function analyseFile<L>(file: WalkedFile, analysis: FileAnalysis<L>): Promise<FileOutcome> {
  const language = analysis.languageOf(file.relPath);
  let read: ReadOutcome;
  try {
    // Unknown types are only sniffed, so that images are counted as binary, not as unknown.
    read = await readBounded(file.absPath, { maxFileSize: analysis.maxFileSize, headOnly: language === undefined });
  } catch (error) {
    return unreadable(file, error);
  }
  return judge(file, language, read, analysis);
}

/** analyseFile with blocking reads: only for threads that do nothing else (see readBoundedSync). */
export function analyseFileSync<L>(file: WalkedFile, analysis: FileAnalysis<L>): FileOutcome {
  const language = analysis.languageOf(file.relPath);
  let read: ReadOutcome;
  try {
    read = readBoundedSync(file.absPath, { maxFileSize: analysis.maxFileSize, headOnly: language === undefined });
  } catch (error) {
    return unreadable(file, error);
  }
  return judge(file, language, read, analysis);
}

function unreadable(file: WalkedFile, error: unknown): SkippedFile {
  return { path: file.relPath, reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? String(error) };
}

function judge<L>(file: WalkedFile, language: L | undefined, read: ReadOutcome, analysis: FileAnalysis<L>): FileOutcome {
  if (read.kind === 'too-large') return { path: file.relPath, reason: 'too-large', detail: `${read.size} bytes, the limit is ${analysis.maxFileSize}` };
  const bytes = read.bytes;
  if (language === undefined) return { path: file.relPath, reason: looksBinary(bytes) ? 'binary' : 'unknown-type' };
  if (looksBinary(bytes)) return { path: file.relPath, reason: 'binary' };
  const text = decodeText(bytes);
  try {
    return analysis.analyze({ text, path: file.relPath, language });
  } catch (error) {
    // An engine defect on one file must not lose the other files' results; it is counted, not hidden.
    return { path: file.relPath, reason: 'analysis-failed', detail: error instanceof Error ? error.message : String(error) };
  }
}
