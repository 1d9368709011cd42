import type { EngineSettings } from '../../core/config/model';
import type { LanguageSpec } from '../../core/lexer/types';
import { DocumentSession, type TextChange } from '../../core/session';
import type { Finding, TextProblem } from '../../core/types';

/**
 * One analysis of an open document. `base` says how this text differs from the version analysed
 * before (then only the edited lines are analysed again); null asks for a whole analysis, as after
 * a settings, project or language change. Plain data: it crosses to the worker thread as is.
 */
export interface SessionRequest {
  /** The document's URI. */
  key: string;
  version: number;
  base: { version: number; change: TextChange } | null;
  /** Names the settings and language: a session continues only under the ones it started with. */
  generation: string;
  /** The whole text; empty when `inserted` is given. */
  text: string;
  /**
   * Instead of the whole text: the new text of [base.change.start, base.change.newEnd), which the
   * store applies to the text it analysed at base.version (a large document need not cross to the
   * worker whole after each keystroke). `length` is the resulting length, as a check.
   */
  inserted?: string;
  length?: number;
  path: string;
  language: LanguageSpec;
  settings: EngineSettings;
  /** 'YYYY-MM-DD'. */
  now: string;
}

/**
 * The incremental analysis sessions of open documents (one store on the extension host for small
 * documents, one in the worker thread for large ones). No `vscode` here: the worker bundles it.
 */
export class SessionStore {
  private readonly entries = new Map<string, { session: DocumentSession; version: number; generation: string }>();

  analyse(request: SessionRequest, language: LanguageSpec = request.language): { findings: Finding[]; problems: TextProblem[]; incremental: boolean } {
    const entry = this.entries.get(request.key);
    const continues = entry !== undefined && request.base !== null && entry.version === request.base.version && entry.generation === request.generation;
    if (request.inserted !== undefined) {
      // Only the edited text came: it needs the text this store analysed at the base version.
      if (!continues || request.base === null) throw new StaleTextError(request.key);
      const { start, oldEnd } = request.base.change;
      const old = entry.session.currentText;
      const text = old.slice(0, start) + request.inserted + old.slice(oldEnd);
      if (text.length !== request.length) throw new StaleTextError(request.key);
      request = { ...request, text, inserted: undefined };
    }
    if (continues && request.base) {
      const findings = entry.session.update(request.text, request.base.change, request.now);
      entry.version = request.version;
      return { findings, problems: entry.session.problems(), incremental: true };
    }
    // No session, a session for another version (the document moved between stores) or a fresh
    // start: analyse the whole text and keep the session for the next edit.
    this.entries.delete(request.key);
    const session = new DocumentSession({ path: request.path, language, settings: request.settings });
    const findings = session.analyze(request.text, request.now);
    this.entries.set(request.key, { session, version: request.version, generation: request.generation });
    return { findings, problems: session.problems(), incremental: false };
  }

  /** Ticket references in the text analysed at `version`; undefined when the store is not at that version. */
  ticketReferences(key: string, version: number, userPatterns: readonly RegExp[]): Array<{ text: string; start: number }> | undefined {
    const entry = this.entries.get(key);
    return entry && entry.version === version ? entry.session.ticketReferences(userPatterns) : undefined;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}

/** The store no longer has the text an edit-only request builds on (e.g. the worker restarted): send it whole. */
export class StaleTextError extends Error {
  constructor(key: string) {
    super(`no text to apply the edit to for ${key}`);
  }
}

/** Folds one more edit into the change since the last analysed text (both in offsets). */
export function foldChange(previous: TextChange | null, next: TextChange): TextChange {
  if (previous === null) return next;
  // `next` is in the coordinates of the text after `previous`: map its end back to the old text.
  const start = Math.min(previous.start, next.start);
  const touchedEnd = Math.max(previous.newEnd, next.oldEnd);
  const oldEnd = previous.oldEnd + Math.max(0, touchedEnd - previous.newEnd);
  const newEnd = touchedEnd + (next.newEnd - next.oldEnd);
  return { start, oldEnd, newEnd };
}
