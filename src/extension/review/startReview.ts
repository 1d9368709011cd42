import { join, relative, resolve, sep } from 'node:path';
import * as vscode from 'vscode';
import { analyzeDocument } from '../../core/engine';
import { globMatcher } from '../../core/glob';
import { languageForPath } from '../../core/languages';
import type { Project } from '../../core/project';
import {
  type AnalyzeFile, type ChecklistStateLookup, createNewReview, DEFAULT_REVIEWS_FOLDER, findExistingReviews, prepareReview,
  type ReviewDocument, type ReviewTemplate,
} from '../../core/review';
import { defaultBaseBranch } from '../../git';
import type { ChecklistStateService } from '../checklists/checklistState';
import { log } from '../log';
import type { FolderGit, GitInfo } from '../workspace/gitInfo';
import type { ProjectRegistry } from '../workspace/projects';
import { pickBase } from './basePick';
import { pickContinueOrNew } from './continuePick';
import { reviewTarget, type StartReviewOptions } from './reviewTarget';
import { pickTemplate } from './templatePick';
import { TemplateProblems } from './templateProblems';
import { isRelativeInside } from '../../core/insideRoot';

export interface StartReviewServices {
  projects: ProjectRegistry;
  git: GitInfo;
  checklistState: ChecklistStateService;
}

/** What the command did, returned to callers (tests) as well as shown. */
export interface StartReviewResult {
  uri: vscode.Uri;
  /** False when an existing review was continued (and left untouched), or when it could not be written (`uri` is then an unsaved document). */
  created: boolean;
  /** Why some values are missing (also shown as a warning). */
  notes: string[];
  /** Placeholders the template uses that no variable fills, as written (left visible in the review). */
  unknownPlaceholders: string[];
}

/**
 * QA Lens: Start Peer Review…: picks a template, renders it for the current branch (filled from git,
 * the engine, the constitution, the checklists and their progress in this editor), saves it as
 * `.quality/reviews/<date>-<branch>-<template>.md` and opens it beside its Markdown preview. An
 * existing review of the same branch and template is offered for continuing; nothing in it is
 * ever overwritten.
 */
export function registerStartReview(context: vscode.ExtensionContext, services: StartReviewServices): void {
  // Mistakes in the repository's templates (.quality/templates/), on those files in the Problems
  // panel: published when a review starts and whenever a template changes. GitHub's pull-request
  // templates are not ours to fix (their `${{ }}` in code samples is not a mistake): their notes
  // stay in the log.
  const templateProblems = new TemplateProblems(services.projects);
  context.subscriptions.push(
    templateProblems,
    vscode.commands.registerCommand('qaLens.startReview', async (arg?: unknown): Promise<StartReviewResult | undefined> => {
      try {
        return await startReview(services, templateProblems, arg);
      } catch (error) {
        log().error(`Start Peer Review failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        void vscode.window.showErrorMessage(`QA Lens could not start the review: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }),
  );
}

async function startReview(services: StartReviewServices, templateProblems: TemplateProblems, arg: unknown): Promise<StartReviewResult | undefined> {
  const started = Date.now();
  const step = (what: string): void => log().debug(`Start Peer Review: ${what} after ${Date.now() - started} ms`);
  const { folder, options } = await reviewTarget(arg);
  if (!folder) {
    if ((vscode.workspace.workspaceFolders ?? []).length === 0) void vscode.window.showInformationMessage('Open a folder to start a peer review of its current branch.');
    return undefined;
  }
  if (folder.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('QA Lens peer reviews need the folder on disk (git and the review file); this folder is virtual.');
    return undefined;
  }
  const root = folder.uri.fsPath;
  const [project, gitState, catalog] = await Promise.all([services.projects.forFolder(folder), services.git.forFolder(folder), templateProblems.refresh(folder)]);
  step('project, git and templates loaded');
  for (const problem of catalog.problems) log().warn(`Review templates: ${problem.path}:${problem.line}:${problem.column}: ${problem.message}`);

  const template = await chooseTemplate(catalog.templates, options, folder.name);
  if (!template) return undefined;

  const reviewsFolder = project.config.reviews?.folder ?? DEFAULT_REVIEWS_FOLDER;
  const reviewsDir = resolve(root, reviewsFolder);
  const repoRoot = gitState.kind === 'ok' ? gitState.root : root;
  const base = await chooseBase(options, project, gitState);
  const now = new Date();
  const checklistState = await checklistLookup(services, folder, repoRoot);
  step('base and checklist state known');
  const document = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'QA Lens: preparing the review' },
    () => prepareReview({
      repoFolder: root,
      ...(base !== undefined ? { base } : {}),
      ...(project.config.reviews?.base !== undefined ? { configuredBase: project.config.reviews.base } : {}),
      template,
      templateDisplayPath: template.source === 'bundled' ? `(bundled) templates/${template.id}.md` : toSlash(relative(root, template.path)),
      now,
      analyze: analyzer(project, repoRoot, root, now),
      principles: project.constitution.principles,
      checklists: project.checklists,
      checklistState,
      reviewsFolder: toSlash(relative(repoRoot, reviewsDir)),
      ...(gitState.kind === 'untrusted' ? { gitUnavailable: 'untrusted workspace' } : {}),
    }),
  );
  step('review rendered');
  // The template's own mistakes are on it in the Problems panel already (templateProblems.refresh).
  for (const problem of document.problems) log().warn(`Review: ${problem.path}:${problem.line}:${problem.column}: ${problem.message}`);

  const saved = await save(document, reviewsDir, reviewsFolder, template.id, options);
  if (!saved) return undefined;
  step('review saved');
  await openBesidePreview(saved.uri);
  step('review opened');
  tell(document, saved);
  return {
    uri: saved.uri,
    created: saved.created,
    notes: saved.unsavedBecause === undefined ? document.context.notes : [saved.unsavedBecause, ...document.context.notes],
    unknownPlaceholders: document.unknownPlaceholders.map((u) => u.text),
  };
}

async function chooseTemplate(templates: readonly ReviewTemplate[], options: StartReviewOptions, folderName: string): Promise<ReviewTemplate | undefined> {
  if (options.templateId === undefined) return pickTemplate(templates, folderName);
  const found = templates.find((t) => t.id === options.templateId);
  if (!found) void vscode.window.showErrorMessage(`No review template '${options.templateId}'; available: ${templates.map((t) => t.id).join(', ')}.`);
  return found;
}

/**
 * The base: given, else `reviews.base` (the setting or .quality/config.json: the core reads it),
 * else found by git (remote default, main, master), else asked. Asking only makes sense when git
 * runs; otherwise the core explains why there is no base.
 */
async function chooseBase(options: StartReviewOptions, project: Project, gitState: FolderGit): Promise<string | undefined> {
  if (options.base !== undefined) return options.base;
  if (project.config.reviews?.base !== undefined || gitState.kind !== 'ok') return undefined;
  try {
    if (await defaultBaseBranch(gitState.root)) return undefined;
  } catch (error) {
    log().warn(`Start Peer Review: looking for the base branch: ${String(error)}`);
    return undefined;
  }
  const current = gitState.branch.detached ? undefined : gitState.branch.name;
  return pickBase(gitState.root, current);
}

/** New findings use the same engine and settings as the editor and `qa-lens scan`. */
function analyzer(project: Project, repoRoot: string, folderRoot: string, now: Date): AnalyzeFile {
  const excluded = globMatcher(project.config.exclude ?? []);
  return (repoPath, text) => {
    // The engine's globs are relative to the workspace folder; git's paths to the repository.
    const path = toSlash(relative(folderRoot, join(repoRoot, repoPath)));
    if (!isRelativeInside(path)) return [];
    const language = languageForPath(path, project.config.languages);
    if (!language || excluded(path)) return [];
    return analyzeDocument({ text, path, language, settings: project.settings, now });
  };
}

/** Progress recorded in the Checklist view for this branch, keyed as that view keys it. */
async function checklistLookup(services: StartReviewServices, folder: vscode.WorkspaceFolder, repoRoot: string): Promise<ChecklistStateLookup> {
  await services.checklistState.ready;
  const branch = await services.git.branchKey(folder);
  const folderKey = folder.uri.toString();
  return (repoPath, checklist, item) => {
    const file = toSlash(relative(folder.uri.fsPath, join(repoRoot, repoPath)));
    if (!isRelativeInside(file)) return undefined;
    const state = services.checklistState.get({ folder: folderKey, branch, file, checklist, item });
    return state ? { status: state.status, ...(state.reason ? { reason: state.reason } : {}) } : undefined;
  };
}

/** Where the review is: `unsavedBecause` says why it is an unsaved document rather than a file. */
interface SavedReview {
  uri: vscode.Uri;
  created: boolean;
  unsavedBecause?: string;
}

async function save(document: ReviewDocument, reviewsDir: string, reviewsFolder: string, templateId: string, options: StartReviewOptions): Promise<SavedReview | undefined> {
  const branch = document.frontMatter.head ?? 'no-branch';
  const [existing] = await findExistingReviews(reviewsDir, branch, templateId);
  if (existing !== undefined) {
    const choice = options.continueExisting === undefined ? await pickContinueOrNew(existing) : options.continueExisting ? 'continue' : 'new';
    if (choice === undefined) return undefined;
    if (choice === 'continue') return { uri: vscode.Uri.file(existing), created: false };
  }
  const target = join(reviewsDir, document.relativePath.slice(document.relativePath.lastIndexOf('/') + 1));
  try {
    const written = await createNewReview(target, document.text);
    return { uri: vscode.Uri.file(written), created: true };
  } catch (error) {
    // The review is rendered (git, findings, checklist progress): the user's draft from here on.
    // A folder that cannot be written (read-only, a file in the way) must not throw it away.
    const reason = error instanceof Error ? error.message : String(error);
    log().warn(`Start Peer Review: cannot write ${target}: ${reason}`);
    const draft = await vscode.workspace.openTextDocument({ language: 'markdown', content: document.text });
    return { uri: draft.uri, created: false, unsavedBecause: `The review could not be saved in ${reviewsFolder} (${reason}); it is open unsaved: save it where you like.` };
  }
}

/** The review on the left to type in, its rendered Markdown on the right. */
async function openBesidePreview(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.One });
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch (error) {
    // The built-in Markdown extension can be disabled: the review is still open to fill in.
    log().warn(`Start Peer Review: no Markdown preview (${String(error)})`);
  }
}

/** Notes and template mistakes as one non-modal message: the document is already open. */
function tell(document: ReviewDocument, saved: SavedReview): void {
  const { uri, unsavedBecause } = saved;
  if (unsavedBecause !== undefined) {
    void vscode.window.showWarningMessage(`QA Lens review: ${[unsavedBecause, ...document.context.notes].join(' ')}`);
    return;
  }
  const created = saved.created;
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  log().info(`Start Peer Review: ${created ? 'created' : 'continued'} ${uri.fsPath}`);
  for (const note of document.context.notes) log().info(`Start Peer Review: ${note}`);
  const unknown = [...new Set(document.unknownPlaceholders.map((u) => u.text))];
  const parts: string[] = [];
  if (!created) parts.push(`Continuing ${name}: it is opened as it is, nothing in it was changed.`);
  if (created && document.context.notes.length > 0) parts.push(...document.context.notes);
  if (unknown.length > 0) parts.push(`The template uses ${unknown.length === 1 ? 'a placeholder' : 'placeholders'} QA Lens does not know, left as written: ${unknown.join(', ')}.`);
  if (parts.length === 0) return;
  const text = `QA Lens review: ${parts.join(' ')}`;
  if (created && (document.context.notes.length > 0 || unknown.length > 0)) void vscode.window.showWarningMessage(text);
  else void vscode.window.showInformationMessage(text);
}

function toSlash(path: string): string {
  return path.split(sep).join('/');
}
