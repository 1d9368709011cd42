import { parentPort } from 'node:worker_threads';
import { languageById } from '../../core/languages';
import type { Finding } from '../../core/types';
import { SessionStore, type SessionRequest } from './sessionStore';

/** A message to the analysis worker (structured-cloned: plain data and RegExps only). */
export type WorkerRequest = { id: number; request: SessionRequest } | { forget: string };

export type WorkerResponse = { id: number; findings: Finding[]; incremental: boolean; elapsedMs: number } | { id: number; error: string };

// Runs the pure engine off the extension host's thread, so large documents never stall the host
// that every other extension shares. The sessions of large documents live here, so after an edit
// only the edited lines are analysed again. This file is bundled on its own as dist/analysisWorker.js.
const sessions = new SessionStore();

parentPort?.on('message', (message: WorkerRequest) => {
  if ('forget' in message) {
    sessions.forget(message.forget);
    return;
  }
  const { id, request } = message;
  const started = performance.now();
  try {
    // A built-in language is looked up here, so its compiled lexer tables are reused between
    // requests (a cloned spec would be a new object each time); runtime languages come as sent.
    const language = languageById(request.language.id) ?? request.language;
    const { findings, incremental } = sessions.analyse(request, language);
    parentPort?.postMessage({ id, findings, incremental, elapsedMs: performance.now() - started } satisfies WorkerResponse);
  } catch (error) {
    // A failed update may have left the session half-updated: the next request starts afresh.
    sessions.forget(request.key);
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerResponse);
  }
});
