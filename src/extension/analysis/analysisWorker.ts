import { parentPort } from 'node:worker_threads';
import { languageById } from '../../core/languages';
import type { Finding, TextProblem } from '../../core/types';
import { DocumentSession } from '../../core/session';
import { SessionStore, StaleTextError, type SessionRequest } from './sessionStore';

/** A message to the analysis worker (structured-cloned: plain data and RegExps only). */
export type WorkerRequest =
  | { id: number; request: SessionRequest }
  | { id: number; tickets: { key: string; version: number; userPatterns: RegExp[] } }
  | { forget: string };

export type WorkerResponse =
  | { id: number; findings: Finding[]; problems: TextProblem[]; incremental: boolean; elapsedMs: number }
  | { id: number; tickets: Array<{ text: string; start: number }> | null }
  | { id: number; error: string; stale?: boolean };

// Runs the pure engine off the extension host's thread, so large documents never stall the host
// that every other extension shares. The sessions of large documents live here, so after an edit
// only the edited lines are analysed again. This file is bundled on its own as dist/analysisWorker.js.
const sessions = new SessionStore();
let warmed = false;

parentPort?.on('message', (message: WorkerRequest) => {
  if ('forget' in message) {
    sessions.forget(message.forget);
    return;
  }
  if ('tickets' in message) {
    const { key, version, userPatterns } = message.tickets;
    try {
      parentPort?.postMessage({ id: message.id, tickets: sessions.ticketReferences(key, version, userPatterns) ?? null } satisfies WorkerResponse);
    } catch (error) {
      parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerResponse);
    }
    return;
  }
  const { id, request } = message;
  const started = performance.now();
  try {
    // A built-in language is looked up here, so its compiled lexer tables are reused between
    // requests (a cloned spec would be a new object each time); runtime languages come as sent.
    const language = languageById(request.language.id) ?? request.language;
    const { findings, problems, incremental } = sessions.analyse(request, language);
    parentPort?.postMessage({ id, findings, problems, incremental, elapsedMs: performance.now() - started } satisfies WorkerResponse);
    if (!warmed) {
      warmed = true;
      // Right after the first answer, while the user reads the document: the first edits would
      // otherwise run in V8's interpreter, ten times slower than once compiled.
      setImmediate(() => warmUp(request));
    }
  } catch (error) {
    // A failed update may have left the session half-updated: the next request starts afresh.
    sessions.forget(request.key);
    const stale = error instanceof StaleTextError;
    parentPort?.postMessage({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error), stale } satisfies WorkerResponse);
  }
});

/** Runs the incremental path on a sample document under the request's settings, so V8 compiles it. */
function warmUp(request: SessionRequest): void {
  try {
    const language = languageById('typescript');
    if (!language) return;
    const block = 'export function f(a: number): number {\n  // TODO: revisit\n  const x = a * 2; /* why */\n  try { return x; } catch (e) {}\n}\n';
    let text = block.repeat(200);
    const session = new DocumentSession({ path: 'warm-up.ts', language, settings: request.settings });
    session.analyze(text, request.now);
    for (let i = 0; i < 40; i++) {
      const at = (i * 131) % text.length;
      const insert = i % 2 === 0 ? '// note\n' : ' ';
      text = text.slice(0, at) + insert + text.slice(at);
      session.update(text, { start: at, oldEnd: at, newEnd: at + insert.length }, request.now);
    }
  } catch {
    // Only a warm-up: a failure here changes nothing for real documents.
  }
}
