import * as vscode from 'vscode';
import { DEFAULT_MAX_FILE_SIZE, defaultEngineSettings } from '../../core/config/model';
import { isoDay } from '../../core/engine';
import { ticketReferences } from '../../core/inline/ticketRefs';
import { lex } from '../../core/lexer';
import type { TextChange } from '../../core/session';
import { AnalysisPool, WorkerUnavailableError } from './analysisPool';
import { foldChange, SessionStore, StaleTextError, type SessionRequest } from './sessionStore';
import { matchesAny } from '../../core/glob';
import { languageById, languageForPath } from '../../core/languages';
import type { LanguageSpec } from '../../core/lexer/types';
import type { Project } from '../../core/project';
import type { Finding, TextProblem } from '../../core/types';
import { log } from '../log';
import { editorSettings, onDidChangeSettings } from '../settings';
import { DeletedFiles } from '../workspace/deletedFiles';
import type { ProjectRegistry } from '../workspace/projects';

/** What the editor knows about one open document. */
export interface DocumentAnalysis {
  uri: vscode.Uri;
  version: number;
  /** Workspace-relative path ('/'), or the file name outside a workspace. */
  path: string;
  findings: Finding[];
  /** Problems in the document's own text (an inline ignore naming no rule), shown next to the findings. */
  problems: TextProblem[];
  project: Project | undefined;
  /** Milliseconds the last analysis took (engine only). */
  elapsedMs: number;
  /** Whether it analysed only the edited lines (incremental) or the whole text. */
  incremental: boolean;
  /** The language it was analysed as; undefined when QA Lens does not know the language (yet). */
  language: LanguageSpec | undefined;
  /** Set when the document was not analysed on purpose: too long to open-analyse, or excluded. */
  skipped?: { reason: 'too-large'; length: number; limit: number } | { reason: 'excluded' };
}

/**
 * Documents this long (about 3,000 lines of code) or longer are analysed on a worker thread: below
 * it the engine takes a few milliseconds to analyse a document whole (after an edit, a fraction of
 * a millisecond) and a round trip to the worker would cost as much.
 */
const WORKER_THRESHOLD_CHARS = 100_000;

/** Open editors are analysed up to this multiple of the scan's size limit: the user asked to see them. */
const OPEN_FILE_SIZE_FACTOR = 5;

/**
 * Analyses open documents with the engine: once when opened, again after edits (debounced per
 * document, so typing never waits for it), and when the project changes. Every inline feature
 * (diagnostics, CodeLens, hovers, quick fixes) reads from here instead of analysing on its own.
 */
export class DocumentAnalyzer implements vscode.Disposable {
  private readonly results = new Map<string, DocumentAnalysis>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private readonly pool = new AnalysisPool(undefined, (message) => log().warn(`${message}.`));
  /** Incremental sessions of the documents analysed on this thread (large ones live in the worker). */
  private readonly sessions = new SessionStore();
  /** Per document: the version last sent to an analysis, and the edits made since (null: none yet). */
  private readonly edits = new Map<string, { version: number; change: TextChange | null }>();
  /** The analysis in progress per document, so that callers asking for the same version share it. */
  private readonly running = new Map<string, { version: number; promise: Promise<DocumentAnalysis | undefined> }>();
  private debounceMs = editorSettings().debounceMs;
  /** Open documents whose file is gone from disk: their findings are not shown unless they hold unsaved text. */
  readonly deletedFiles = new DeletedFiles();

  /** Fires after a document's findings were recomputed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly projects: ProjectRegistry) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((doc) => this.schedule(doc, 0, true)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        this.recordEdits(event);
        this.schedule(event.document, this.debounceMs, false);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      projects.onDidChange(() => this.reanalyseAll()),
      this.deletedFiles,
      this.deletedFiles.onDidChange((uri) => this.reanalyse(uri)),
      onDidChangeSettings((event) => {
        if (event.affectsConfiguration('qaLens.analysis')) this.debounceMs = editorSettings().debounceMs;
      }),
    );
    this.reanalyseAll();
  }

  /** The latest analysis of `doc`, recomputed now if it is stale (providers call this). */
  async analysis(doc: vscode.TextDocument): Promise<DocumentAnalysis | undefined> {
    const key = doc.uri.toString();
    const cached = this.results.get(key);
    if (cached && cached.version === doc.version) return cached;
    // Providers ask right after an edit, while the debounced analysis may already be running for
    // this version: share it rather than analyse (and notify every view) twice.
    const running = this.running.get(key);
    if (running && running.version === doc.version) return running.promise;
    return this.analyse(doc);
  }

  /**
   * The ticket references in `doc`'s comments, from the session that analysed its current version
   * (on the worker for a large document, so the extension host never lexes it whole); lexed here
   * only when no session has that version.
   */
  async ticketReferences(
    doc: vscode.TextDocument,
    analysis: DocumentAnalysis,
    userPatterns: readonly RegExp[],
    token: vscode.CancellationToken,
  ): Promise<Array<{ text: string; start: number }>> {
    // A document skipped on purpose (too long, excluded) is not lexed here either: that took
    // seconds on the extension host for a 6 MB file, to link references nobody asked QA Lens about.
    if (!analysis.language || analysis.skipped) return [];
    const key = doc.uri.toString();
    // This thread's session first (small documents, and large ones once the worker failed).
    const fromSession =
      this.sessions.ticketReferences(key, analysis.version, userPatterns) ??
      (documentLength(doc) >= WORKER_THRESHOLD_CHARS ? await this.pool.ticketReferences(key, analysis.version, userPatterns).catch(() => null) : null);
    if (fromSession && analysis.version === doc.version) return fromSession;
    if (token.isCancellationRequested) return [];
    const text = doc.getText();
    return ticketReferences(text, lex(text, analysis.language).comments, userPatterns);
  }

  /** Cached findings without computing (for cheap lookups such as hovers over a stale version). */
  peek(uri: vscode.Uri): DocumentAnalysis | undefined {
    return this.results.get(uri.toString());
  }

  /** Analyses an open document again soon (e.g. once its language became known). */
  reanalyse(uri: vscode.Uri): void {
    const doc = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    if (doc) this.schedule(doc, 0, true);
  }

  all(): DocumentAnalysis[] {
    return [...this.results.values()];
  }

  /**
   * Analyses `doc` after `delay` ms. An edit (`force` false) is skipped when a provider already
   * analysed that version in the meantime; a project or language change (`force`) always reruns.
   */
  private schedule(doc: vscode.TextDocument, delay: number, force: boolean): void {
    if (!isAnalysable(doc)) return;
    const key = doc.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!force && (this.results.get(key)?.version === doc.version || this.running.get(key)?.version === doc.version)) return;
        void this.analyse(doc, force);
      }, delay),
    );
  }

  private reanalyseAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0, true);
  }

  /**
   * The file is gone from disk and the document holds nothing unsaved: VS Code may keep such a
   * document for minutes, but its findings are of a file that no longer exists. With unsaved
   * changes the document is the user's text, which a save writes back at that path: its findings
   * stay, as VS Code keeps the editor.
   */
  private isDeletedAndSaved(doc: vscode.TextDocument): boolean {
    return !doc.isDirty && this.deletedFiles.isDeleted(doc.uri);
  }

  private forget(uri: vscode.Uri): undefined {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.edits.delete(key);
    this.sessions.forget(key);
    this.pool.forget(key);
    if (this.results.delete(key)) this.changed.fire(uri);
    return undefined;
  }

  /**
   * Folds an event's edits into the change since the last analysed version. The extension host
   * applies an event's changes one after another, each in the text the previous one left.
   */
  private recordEdits(event: vscode.TextDocumentChangeEvent): void {
    const entry = this.edits.get(event.document.uri.toString());
    if (!entry) return;
    for (const c of event.contentChanges) {
      entry.change = foldChange(entry.change, { start: c.rangeOffset, oldEnd: c.rangeOffset + c.rangeLength, newEnd: c.rangeOffset + c.text.length });
    }
  }

  /** What changed since the last analysis of `doc` (null: analyse whole), and start counting anew from this version. */
  private takeEdits(doc: vscode.TextDocument, whole: boolean): SessionRequest['base'] {
    const key = doc.uri.toString();
    const entry = this.edits.get(key);
    this.edits.set(key, { version: doc.version, change: null });
    if (whole || !entry) return null;
    // No edit since: an empty change at the start re-analyses nothing (the same version again).
    return { version: entry.version, change: entry.change ?? { start: 0, oldEnd: 0, newEnd: 0 } };
  }

  private analyse(doc: vscode.TextDocument, whole = false): Promise<DocumentAnalysis | undefined> {
    const key = doc.uri.toString();
    const version = doc.version;
    const promise = this.analyseNow(doc, whole).finally(() => {
      if (this.running.get(key)?.promise === promise) this.running.delete(key);
    });
    this.running.set(key, { version, promise });
    return promise;
  }

  private async analyseNow(doc: vscode.TextDocument, whole: boolean): Promise<DocumentAnalysis | undefined> {
    if (!isAnalysable(doc) || doc.isClosed) return undefined;
    if (this.isDeletedAndSaved(doc)) return this.forget(doc.uri);
    const project = await this.projects.forUri(doc.uri)?.catch((error: unknown) => {
      log().error(`Could not load the QA Lens project for ${doc.uri.fsPath}: ${String(error)}`);
      return undefined;
    });
    const path = relativePath(doc.uri);
    const length = documentLength(doc);
    const language = languageOf(doc, path, project);
    const analysis: DocumentAnalysis = { uri: doc.uri, version: doc.version, path, findings: [], problems: [], project, elapsedMs: 0, incremental: false, language };
    const limit = (project?.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE) * OPEN_FILE_SIZE_FACTOR;
    if (language && length <= limit && !isExcluded(path, project)) {
      const settings = project?.settings ?? fallbackSettings;
      const large = length >= WORKER_THRESHOLD_CHARS;
      // Taken together with the text below, with no await between: the change matches the text.
      const base = this.takeEdits(doc, whole);
      // A large document edited a little: only the edited text crosses to the worker, which keeps
      // the rest (copying 500 KB out of the document after each keystroke cost the host ~10 ms).
      const inserted = large && base !== null ? editedText(doc, base.change) : undefined;
      const request: SessionRequest = {
        key: doc.uri.toString(),
        version: doc.version,
        base,
        generation: `${settingsId(settings)}:${language.id}`,
        text: inserted === undefined ? doc.getText() : '',
        inserted,
        length,
        path,
        language,
        settings,
        now: isoDay(new Date()),
      };
      try {
        if (large) {
          // Large documents are analysed on the worker thread: the host stays free while it runs.
          const result = await this.pool.analyse(request).catch((error: unknown) => {
            // A failed start is logged once by the pool, not once per waiting document.
            if (!(error instanceof StaleTextError || error instanceof WorkerUnavailableError)) log().warn(`Analysis worker unavailable (${String(error)}); analysing ${path} in place.`);
            return error instanceof StaleTextError ? ('stale' as const) : undefined;
          });
          if (result === 'stale') return this.restartWhole(doc, request.key);
          if (result) {
            analysis.findings = result.findings;
            analysis.problems = result.problems;
            analysis.incremental = result.incremental;
            analysis.elapsedMs = result.elapsedMs;
          } else if (!this.analyseInPlace(analysis, request)) return this.restartWhole(doc, request.key);
        } else if (!this.analyseInPlace(analysis, request)) return this.restartWhole(doc, request.key);
      } catch (error) {
        // An engine bug must not take the editor down with it: log it and show nothing for this file.
        this.sessions.forget(request.key);
        log().error(`Analysis failed for ${path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    } else {
      // Not analysed: the next analysis starts from the whole text.
      this.edits.delete(doc.uri.toString());
      if (language && length > limit) analysis.skipped = { reason: 'too-large', length, limit };
      else if (language) analysis.skipped = { reason: 'excluded' };
    }
    // Deleted while it was analysed: as above.
    if (this.isDeletedAndSaved(doc)) return this.forget(doc.uri);
    // A newer edit may have landed while the project loaded: keep only the freshest result.
    const current = this.results.get(doc.uri.toString());
    if (current && current.version > analysis.version) return current;
    this.results.set(doc.uri.toString(), analysis);
    this.changed.fire(doc.uri);
    return analysis;
  }

  /**
   * Analyses on this thread, continuing this thread's session when it has the version the edit
   * applies to (after the worker failed, large documents continue here too). False when only the
   * edited text came and no session here holds the text it applies to.
   */
  private analyseInPlace(analysis: DocumentAnalysis, request: SessionRequest): boolean {
    const started = performance.now();
    let result;
    try {
      result = this.sessions.analyse(request);
    } catch (error) {
      if (error instanceof StaleTextError) return false;
      throw error;
    }
    analysis.findings = result.findings;
    analysis.problems = result.problems;
    analysis.incremental = result.incremental;
    analysis.elapsedMs = performance.now() - started;
    return true;
  }

  /**
   * The worker (restarted) or this thread lacks the text an edit applies to: analyse the whole
   * text again, soon, and keep showing the last findings meanwhile.
   */
  private restartWhole(doc: vscode.TextDocument, key: string): DocumentAnalysis | undefined {
    this.edits.delete(key);
    this.schedule(doc, 0, true);
    return this.results.get(key);
  }

  dispose(): void {
    this.pool.dispose();
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** The edit's new text, or undefined when it is too large to be worth sending alone (or the offsets do not map cleanly). */
function editedText(doc: vscode.TextDocument, change: TextChange): string | undefined {
  if (change.newEnd - change.start > MAX_EDIT_CHARS) return undefined;
  const text = doc.getText(new vscode.Range(doc.positionAt(change.start), doc.positionAt(change.newEnd)));
  return text.length === change.newEnd - change.start ? text : undefined;
}

/** Past this, an edit (a paste, a reformat) sends the whole text: it is no cheaper to send apart. */
const MAX_EDIT_CHARS = 65_536;

function documentLength(doc: vscode.TextDocument): number {
  return doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end);
}

// Files outside any workspace folder get the built-in rules with default settings.
const fallbackSettings = defaultEngineSettings();

/** A number per settings object: a session continues only under the settings it started with. */
const settingsIds = new WeakMap<Project['settings'], number>();
let nextSettingsId = 1;
function settingsId(settings: Project['settings']): number {
  let id = settingsIds.get(settings);
  if (id === undefined) settingsIds.set(settings, (id = nextSettingsId++));
  return id;
}

/** Real files and unsaved buffers; not output channels, git's original versions or other virtual views. */
function isAnalysable(doc: vscode.TextDocument): boolean {
  return doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled' || doc.uri.scheme === 'vscode-remote' || doc.uri.scheme === 'vscode-vfs';
}

export function relativePath(uri: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return uri.path.split('/').pop() ?? uri.path;
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path;
}

/** The config's `languages` map wins (the team said so), then VS Code's language id, then the file name. */
function languageOf(doc: vscode.TextDocument, path: string, project: Project | undefined): LanguageSpec | undefined {
  const mapped = project?.config.languages;
  if (mapped) {
    const byMap = languageForPath(path, mapped);
    if (byMap && Object.keys(mapped).some((glob) => matchesAny([glob], path))) return byMap;
  }
  return languageById(doc.languageId) ?? languageForPath(path, mapped);
}

function isExcluded(path: string, project: Project | undefined): boolean {
  const exclude = project?.config.exclude;
  return exclude !== undefined && exclude.length > 0 && matchesAny(exclude, path);
}
