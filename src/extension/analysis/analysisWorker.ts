import { parentPort } from 'node:worker_threads';
import type { EngineSettings } from '../../core/config/model';
import { analyzeDocument } from '../../core/engine';
import { languageById } from '../../core/languages';
import type { LanguageSpec } from '../../core/lexer/types';
import type { Finding } from '../../core/types';

/** One request to the analysis worker (structured-cloned: plain data and RegExps only). */
export interface WorkerRequest {
  id: number;
  text: string;
  path: string;
  language: LanguageSpec;
  settings: EngineSettings;
  now: string;
}

export type WorkerResponse = { id: number; findings: Finding[]; elapsedMs: number } | { id: number; error: string };

// Runs the pure engine off the extension host's thread, so large documents never stall the host
// that every other extension shares. This file is bundled on its own as dist/analysisWorker.js.
parentPort?.on('message', (request: WorkerRequest) => {
  const started = performance.now();
  try {
    // A built-in language is looked up here, so its compiled lexer tables are reused between
    // requests (a cloned spec would be a new object each time); runtime languages come as sent.
    const language = languageById(request.language.id) ?? request.language;
    const findings = analyzeDocument({ ...request, language });
    parentPort?.postMessage({ id: request.id, findings, elapsedMs: performance.now() - started } satisfies WorkerResponse);
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerResponse);
  }
});
