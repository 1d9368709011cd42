import { basename, posix } from 'node:path';
import {
  type AddedLines, addedLines, commitsBetween, type CommitInfo, currentBranch, type ChangedFile, defaultBaseBranch, diffFiles,
  gitConfigValue, GitError, type GitOptions, headSha as readHeadSha, isShallow, mergeBase, openRepo, readFilesAtCommit, resolveCommit,
} from '../../git/index';
import { summariseAuthors } from '../../git/history';
import { globMatcher } from '../glob';
import { isRelativeInside } from '../insideRoot';
import { listAdrFiles, relatedAdrs } from './adrs';
import { findPackageDirs, groupByArea } from './areas';
import type { AnalyzeFile, ChecklistProgress, ChecklistStateLookup, ReviewChecklist, ReviewPrinciple } from './inputs';
import {
  adrsBlock, type AppliedChecklist, type AppliedPrinciple, authorsBlock, changedFilesBlock, checklistsBlock, commitsBlock,
  type FileFindings, fileList, filesByAreaBlock, newFindingsBlock, notAvailable, notesBlock, principlesBlock, statsLine,
} from './markdown';
import type { RenderValue } from './render';

export const DEFAULT_MAX_FILES = 200;
export const DEFAULT_REVIEWS_FOLDER = '.quality/reviews';
/** Files larger than this are not analysed for new findings (the scan skips them too). */
const MAX_ANALYSED_BYTES = 1024 * 1024;
/** Short SHAs in the document's prose; the front matter keeps the full ones. */
const SHORT_SHA = 7;

/** What a review needs to know about its template (a subset of ReviewTemplate). */
export interface ReviewTemplateInfo {
  id: string;
  name: string;
  principles?: readonly string[];
  checklists?: readonly string[];
}

export interface BuildReviewContextInput {
  repoFolder: string;
  /** An explicit base (`--base`); else `configuredBase`, else the remote default, main, master. */
  base?: string;
  /** `reviews.base` from the config. */
  configuredBase?: string;
  template: ReviewTemplateInfo;
  now: Date;
  maxFiles?: number;
  /** The engine, injected: findings of one file. Absent = new findings are not computed. */
  analyze?: AnalyzeFile;
  principles?: readonly ReviewPrinciple[];
  checklists?: readonly ReviewChecklist[];
  /** Progress for the whole change, per checklist and item (tests, tools without per-file state). */
  checklistProgress?: ChecklistProgress;
  /** Progress as the editor stores it, per changed file; wins over `checklistProgress`. */
  checklistState?: ChecklistStateLookup;
  /**
   * Set when git must not run (an untrusted workspace: a repository's own config can make git run
   * programs): the reason, shown as "not available: <reason>", and git is never called.
   */
  gitUnavailable?: string;
  /**
   * The review folder relative to the repository root ('/'): links are made relative to it, and
   * the reviews a team commits there are not part of the change under review.
   */
  reviewsFolder?: string;
  /** Where the document will live, relative to the root, when not in `reviewsFolder` (`--out`). */
  linkFrom?: string;
  git?: GitOptions;
}

/** What is known about the change; undefined fields were not available (see `notes`). */
export interface ReviewFacts {
  /** The repository's top-level folder, or the given folder when there is no repository. */
  root: string;
  isRepository: boolean;
  /** The branch name, or the short SHA of a detached HEAD. */
  branch?: string;
  detached: boolean;
  head?: string;
  headSha?: string;
  base?: string;
  baseSha?: string;
  mergeBaseSha?: string;
  files?: ChangedFile[];
  commits?: CommitInfo[];
  date: string;
}

export interface ReviewContext {
  variables: Record<string, RenderValue>;
  /** Why some values are missing or what to be careful about; also in the `notes` variable. */
  notes: string[];
  facts: ReviewFacts;
}

const present = (text: string): RenderValue => ({ text, present: true });
const absent = (reason: string): RenderValue => ({ text: notAvailable(reason), present: false });

/**
 * Gathers everything a review template can show, from git and the injected engine parts. Never
 * throws for an uncooperative repository: each missing piece becomes a note and a value that reads
 * "_(not available: why)_", and everything that is known is still filled in.
 */
export async function buildReviewContext(input: BuildReviewContextInput): Promise<ReviewContext> {
  const notes: string[] = [];
  const date = input.now.toISOString().slice(0, 10);
  const git = input.git ?? {};
  const reviewsFolder = (input.reviewsFolder ?? DEFAULT_REVIEWS_FOLDER).replace(/\\/g, '/').replace(/\/+$/, '');
  const facts: ReviewFacts = { root: input.repoFolder, isRepository: false, detached: false, date };
  const gitReason = { text: '' };

  const opened = input.gitUnavailable !== undefined ? undefined : await openRepo(input.repoFolder, git);
  if (opened === undefined) {
    gitReason.text = input.gitUnavailable ?? 'git was not run';
    notes.push(`Git was not run (${gitReason.text}): the review shows only what does not need git. Trust the workspace and start the review again to fill in the change.`);
  } else if (opened.kind === 'ok') {
    facts.root = opened.root;
    facts.isRepository = true;
    await readBranchAndBase(input, facts, notes, gitReason, git, reviewsFolder);
  } else {
    gitReason.text = opened.kind === 'not-installed' ? 'git is not installed' : 'not a git repository';
    notes.push(opened.kind === 'not-installed' ? `${opened.message}; the review shows only what does not need git.` : `${opened.message}: the review shows only what does not need git.`);
  }

  const reason = (): string => gitReason.text || 'unknown';
  const files = facts.files;
  const commits = facts.commits;
  const changedPaths = files?.map((f) => f.path) ?? [];
  const maxFiles = Math.max(1, input.maxFiles ?? DEFAULT_MAX_FILES);
  const linkFrom = (input.linkFrom ?? reviewsFolder).replace(/\\/g, '/').replace(/\/+$/, '');

  const variables: Record<string, RenderValue> = {
    template: present(input.template.id),
    templateName: present(input.template.name),
    repository: present(basename(facts.root)),
    date: present(date),
    branch: facts.branch !== undefined ? present(facts.branch) : absent(reason()),
    head: facts.head !== undefined ? present(facts.head) : absent(reason()),
    headSha: facts.headSha !== undefined ? present(facts.headSha) : absent(reason()),
    base: facts.base !== undefined ? present(facts.base) : absent(reason()),
    baseSha: facts.baseSha !== undefined ? present(facts.baseSha) : absent(reason()),
    mergeBase: facts.mergeBaseSha !== undefined ? present(facts.mergeBaseSha) : absent(reason()),
    headShort: facts.headSha !== undefined ? present(facts.headSha.slice(0, SHORT_SHA)) : absent(reason()),
    baseShort: facts.baseSha !== undefined ? present(facts.baseSha.slice(0, SHORT_SHA)) : absent(reason()),
    mergeBaseShort: facts.mergeBaseSha !== undefined ? present(facts.mergeBaseSha.slice(0, SHORT_SHA)) : absent(reason()),
  };
  /** Rule id -> how many new findings of it; principle ids the findings name. */
  const newFindings: Array<{ path: string; ruleId: string }> = [];
  const findingPrinciples = new Set<string>();

  if (files && commits) {
    const authorList = summariseAuthors(commits);
    const packageDirs = await findPackageDirs(facts.root, changedPaths);
    const groups = groupByArea(files, packageDirs);
    variables.changedFiles = files.length > 0 ? present(changedFilesBlock(files, maxFiles)) : { text: '_(no changes)_', present: false };
    variables.filesByArea = files.length > 0 ? present(filesByAreaBlock(groups, maxFiles)) : { text: '_(no changes)_', present: false };
    variables.stats = present(statsLine(files, commits.length, authorList.length));
    variables.commits = commits.length > 0 ? present(commitsBlock(commits)) : { text: '_(no commits)_', present: false };
    variables.authors = authorList.length > 0 ? present(authorsBlock(authorList)) : { text: '_(no commits)_', present: false };
    variables.author = authorList[0] ? present(authorList[0].name) : absent('no commits on this branch');
    variables.areas = groups.size > 0 ? present([...groups.keys()].map((a) => `\`${a}\``).join(', ')) : { text: '_(none)_', present: false };
    const adrs = relatedAdrs(await listAdrFiles(facts.root), files, [...groups.keys()]);
    variables.adrs = { text: adrsBlock(adrs, linkFrom), present: adrs.length > 0 };
    if (input.analyze && facts.mergeBaseSha && facts.headSha) {
      const perFile = await findNewFindings(facts.root, facts.mergeBaseSha, facts.headSha, files, input.analyze, git, notes);
      for (const { path, findings } of perFile) {
        for (const finding of findings) {
          newFindings.push({ path, ruleId: finding.ruleId });
          if (finding.principle) findingPrinciples.add(finding.principle);
        }
      }
      variables.newFindings = { text: newFindingsBlock(perFile, linkFrom), present: perFile.some((f) => f.findings.length > 0) };
    } else {
      variables.newFindings = absent(input.analyze ? reason() : 'the analysis engine was not run');
    }
  } else {
    for (const name of ['changedFiles', 'filesByArea', 'stats', 'commits', 'authors', 'author', 'areas', 'adrs', 'newFindings']) {
      variables[name] = absent(reason());
    }
  }
  const reviewer = facts.isRepository ? await gitConfigValue(facts.root, 'user.name', git).catch(() => undefined) : undefined;
  variables.reviewer = reviewer !== undefined ? present(reviewer) : absent(facts.isRepository ? 'git user.name is not set' : reason());

  const checklists = applicableChecklists(input.checklists ?? [], changedPaths, input.template.checklists ?? []);
  // Without the changed files (no git, no base), every active principle may apply: list them all
  // as questions rather than claim that none applies.
  const principles = files !== undefined
    ? applicablePrinciples(input.principles ?? [], changedPaths, input.template.principles ?? [], {
      newFindings, findingPrinciples, checklists: new Set(checklists.map((c) => c.checklist.id)),
    })
    : applicablePrinciples((input.principles ?? []).map((p) => ({ ...p, appliesTo: ['**'] })), ['(unknown)'], input.template.principles ?? []);
  const progress = input.checklistProgress;
  const lookup: ChecklistStateLookup | undefined = input.checklistState ?? (progress ? (_file, checklist, item) => progress[checklist]?.[item] : undefined);
  variables.principles = input.principles === undefined ? absent('no constitution was loaded') : { text: principlesBlock(principles), present: principles.length > 0 };
  variables.checklists = input.checklists === undefined
    ? absent('no checklists were loaded')
    : files === undefined && checklists.length === 0
      ? absent(`${reason()}, so the changed files the checklists apply to are unknown`)
      : { text: checklistsBlock(checklists, lookup), present: checklists.length > 0 };
  variables.notes = { text: notesBlock(notes), present: notes.length > 0 };
  return { variables, notes, facts };
}

async function readBranchAndBase(input: BuildReviewContextInput, facts: ReviewFacts, notes: string[], gitReason: { text: string }, git: GitOptions, reviewsFolder: string): Promise<void> {
  const root = facts.root;
  try {
    const branch = await currentBranch(root, git);
    if (branch.detached) {
      facts.detached = true;
      facts.branch = branch.shortSha;
      facts.head = branch.shortSha;
      notes.push(`HEAD is detached at ${branch.shortSha}: the review is named after that commit; check out a branch to name it after the branch.`);
    } else {
      facts.branch = branch.name;
      facts.head = branch.name;
    }
    facts.headSha = await readHeadSha(root, git);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    gitReason.text = error.kind === 'unknown-ref' ? 'no commit on this branch yet' : error.message;
    notes.push(`${error.message}.`);
    return;
  }

  let baseRef: string | undefined;
  try {
    if (input.base !== undefined) baseRef = input.base;
    else baseRef = (await defaultBaseBranch(root, input.configuredBase, git))?.ref;
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    gitReason.text = error.message;
    notes.push(`${error.message}.`);
    return;
  }
  if (baseRef === undefined) {
    gitReason.text = 'no base branch found';
    notes.push('No base branch found (no reviews.base in .quality/config.json, no origin/HEAD, no main or master): say what this change is compared with (`qa-lens review --base GIT-REF`, the branch the editor asks for, or reviews.base).');
    return;
  }
  facts.base = baseRef;
  try {
    facts.baseSha = await resolveCommit(root, baseRef, git);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    gitReason.text = `base ${baseRef} not found`;
    notes.push(`${error.message}${(await isShallow(root, git).catch(() => false)) ? ' (this is a shallow clone: fetch the base branch, e.g. git fetch origin ' + baseRef.replace(/^origin\//, '') + ')' : ''}.`);
    return;
  }
  const headSha = facts.headSha;
  if (headSha === undefined) return;
  try {
    facts.mergeBaseSha = await mergeBase(root, facts.baseSha, headSha, git);
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    gitReason.text = error.kind === 'shallow' ? 'shallow clone, no merge base' : 'no merge base';
    notes.push(`${error.message}.`);
    return;
  }
  if (facts.mergeBaseSha === headSha && facts.baseSha !== headSha) {
    notes.push(`${facts.head ?? 'HEAD'} has no commits that ${baseRef} does not have: there is nothing to review yet.`);
  }
  const changed = await diffFiles(root, facts.mergeBaseSha, headSha, git);
  // Earlier reviews committed to the reviews folder are records of past changes, not part of this one.
  const isReview = inFolder(reviewsFolder);
  facts.files = changed.filter((file) => !isReview(file.path));
  facts.commits = await commitsBetween(root, facts.mergeBaseSha, headSha, git);
  if (facts.files.length === 0 && !notes.some((n) => n.includes('nothing to review'))) {
    notes.push(changed.length > 0
      ? `Only reviews under \`${reviewsFolder}/\` differ between ${baseRef} and ${facts.head ?? 'HEAD'}: there is no other change to review.`
      : `No file differs between ${baseRef} and ${facts.head ?? 'HEAD'}: the change is empty.`);
  }
  if (await isShallow(root, git).catch(() => false)) {
    notes.push('This is a shallow clone: commit history before the fetched depth is missing, so authors and commits may be incomplete.');
  }
}

/**
 * Whether a path ('/', from the repository root) is inside `folder`; never for a folder that is the
 * root itself or lies outside the repository (nothing or everything would be "a review").
 */
function inFolder(folder: string): (path: string) => boolean {
  const normal = posix.normalize(folder.replace(/\\/g, '/')).replace(/\/+$/, '');
  if (normal === '.' || normal === '' || !isRelativeInside(normal)) return () => false;
  const prefix = `${normal}/`;
  return (path) => path.startsWith(prefix);
}

async function findNewFindings(root: string, from: string, headSha: string, files: readonly ChangedFile[], analyze: AnalyzeFile, git: GitOptions, notes: string[]): Promise<FileFindings[]> {
  const added: AddedLines = await addedLines(root, from, { ...git });
  // addedLines compares with HEAD; the review is of headSha, which is HEAD when it was read.
  const wanted = files.filter((file) => !file.binary && file.status !== 'deleted' && (added.get(file.path)?.size ?? 0) > 0);
  // By index: the files come back in any order, the findings and the note keep the diff's.
  const perFile: Array<FileFindings | undefined> = [];
  const unread: Array<UnreadFile | undefined> = [];
  // A few git processes for all the files (one `git cat-file` per file took 73 s for 3,000 files).
  await readFilesAtCommit(root, headSha, wanted.map((file) => file.path), async (i, committed) => {
    const path = wanted[i]?.path ?? '';
    if (committed.kind === 'failed') {
      // One file git could not give (a corrupt object, no file handles left) must not end the
      // review, nor vanish from it: the note names it.
      unread[i] = { path, reason: committed.error.message };
      return;
    }
    if (committed.kind !== 'text') return;
    const lines = added.get(path)!;
    const findings = (await analyze(path, committed.text)).filter((f) => lines.has(f.line));
    if (findings.length > 0) perFile[i] = { path, findings: [...findings].sort((a, b) => a.line - b.line || a.column - b.column) };
  }, { ...git, maxBytes: MAX_ANALYSED_BYTES });
  const failed = unread.filter((entry) => entry !== undefined);
  if (failed.length > 0) notes.push(unreadNote(failed));
  return perFile.filter((entry): entry is FileFindings => entry !== undefined);
}

interface UnreadFile {
  path: string;
  reason: string;
}

function unreadNote(unread: readonly UnreadFile[]): string {
  const shown = unread.slice(0, 5).map((u) => `\`${u.path}\``).join(', ');
  const more = unread.length > 5 ? ` and ${unread.length - 5} more` : '';
  return `Git could not give ${unread.length === 1 ? 'one changed file' : `${unread.length} changed files`} as committed (${unread[0]?.reason}), so ${unread.length === 1 ? 'its' : 'their'} new findings are missing from this review: ${shown}${more}.`;
}

/** What, besides its globs, makes a principle part of this review. */
export interface PrincipleEngagement {
  /** The new findings on added lines: a principle counts those of its rules in the files it applies to. */
  newFindings?: ReadonlyArray<{ path: string; ruleId: string }>;
  /** Principle ids the new findings name (the constitution's rule map). */
  findingPrinciples?: ReadonlySet<string>;
  /** Ids of the checklists that apply to the change. */
  checklists?: ReadonlySet<string>;
}

/** Globs that match every file: a principle with only these says nothing about this change in particular. */
const EVERYWHERE = new Set(['**', '**/*', '*/**']);

/**
 * The active principles that apply to the change: those whose `appliesTo` matches a changed file,
 * plus those the template names. Each carries the reasons this change engages it (narrow globs
 * matched, its rules fired, its checklists apply, the template names it); one with no reason applies
 * to all code and nothing more, and the review lists it compactly.
 */
export function applicablePrinciples(principles: readonly ReviewPrinciple[], changed: readonly string[], named: readonly string[], engagement: PrincipleEngagement = {}): AppliedPrinciple[] {
  const result: AppliedPrinciple[] = [];
  for (const principle of principles) {
    if (principle.status === 'retired') continue;
    const globs = principle.appliesTo && principle.appliesTo.length > 0 ? principle.appliesTo : ['**'];
    const match = globMatcher(globs);
    const files = changed.filter((p) => match(p));
    const isNamed = named.includes(principle.id);
    if (files.length === 0 && !isNamed) continue;
    const reasons: string[] = [];
    // Findings in files it does not apply to are not about it (a src/** principle and test/ findings).
    const firedRules = new Map<string, number>();
    for (const finding of engagement.newFindings ?? []) {
      if ((principle.rules ?? []).includes(finding.ruleId) && match(finding.path)) firedRules.set(finding.ruleId, (firedRules.get(finding.ruleId) ?? 0) + 1);
    }
    const fired = [...firedRules.keys()];
    if (fired.length > 0) {
      const count = (rule: string): number => firedRules.get(rule) ?? 0;
      const total = fired.reduce((sum, rule) => sum + count(rule), 0);
      reasons.push(fired.length === 1
        ? `${total} new \`${fired[0] ?? ''}\` finding${total === 1 ? '' : 's'} on added lines`
        : `${total} new findings on added lines (${[...fired].sort((a, b) => count(b) - count(a)).map((r) => `${count(r)} \`${r}\``).join(', ')})`);
    } else if (engagement.findingPrinciples?.has(principle.id)) {
      reasons.push('new findings on added lines cite it');
    }
    if (files.length > 0 && !globs.every((g) => EVERYWHERE.has(g))) reasons.push(`applies to ${fileList(files)}`);
    const lists = (principle.checklists ?? []).filter((id) => engagement.checklists?.has(id));
    if (lists.length > 0) reasons.push(`asks for the ${lists.map((id) => `\`${id}\``).join(', ')} checklist${lists.length === 1 ? '' : 's'}, which appl${lists.length === 1 ? 'ies' : 'y'} here`);
    if (isNamed) reasons.push('named by this template');
    result.push({ principle, files, reasons });
  }
  return result;
}

export function applicableChecklists(checklists: readonly ReviewChecklist[], changed: readonly string[], named: readonly string[]): AppliedChecklist[] {
  const result: AppliedChecklist[] = [];
  for (const checklist of checklists) {
    const match = globMatcher(checklist.appliesTo ?? []);
    const files = changed.filter((p) => match(p));
    if (files.length > 0 || named.includes(checklist.id)) result.push({ checklist, files });
  }
  return result;
}
