import type { Problem } from '../types';
import { buildReviewContext, type BuildReviewContextInput, DEFAULT_REVIEWS_FOLDER, type ReviewContext } from './context';
import { renderTemplate, type UnknownPlaceholder } from './render';
import { type ReviewFrontMatter, reviewDocument, reviewFileName } from './reviewFile';
import type { ReviewTemplate } from './template';

export interface ReviewDocument {
  /** Front matter + rendered body, ready to write. */
  text: string;
  frontMatter: ReviewFrontMatter;
  /** Where the review is kept, relative to the repository root: `<folder>/<date>-<branch>-<template>.md`. */
  relativePath: string;
  context: ReviewContext;
  /** Placeholders the template uses that no variable fills, positioned in the template file. */
  unknownPlaceholders: UnknownPlaceholder[];
  /** Unknown placeholders and section mistakes as problems on the template file. */
  problems: Problem[];
}

/** Builds the context, renders the template and names the file: everything but the write. */
export async function prepareReview(input: Omit<BuildReviewContextInput, 'template'> & { template: ReviewTemplate; templateDisplayPath?: string }): Promise<ReviewDocument> {
  const context = await buildReviewContext(input);
  const rendered = renderTemplate(input.template.body, context.variables, { lineOffset: input.template.bodyLine });
  const facts = context.facts;
  const frontMatter: ReviewFrontMatter = {
    template: input.template.id,
    base: facts.base ?? null,
    baseSha: facts.baseSha ?? null,
    head: facts.head ?? null,
    headSha: facts.headSha ?? null,
    created: input.now.toISOString(),
  };
  const display = input.templateDisplayPath ?? input.template.path;
  const problems: Problem[] = [
    ...rendered.unknownPlaceholders.map((u) => ({ path: display, line: u.line, column: u.column, message: `unknown placeholder ${u.text}`, severity: 'warning' as const })),
    ...rendered.problems.map((p) => ({ path: display, line: p.line, column: p.column, message: p.message, severity: 'warning' as const })),
    ...unknownReferences(input, display),
  ];
  return {
    text: reviewDocument(frontMatter, rendered.text),
    frontMatter,
    relativePath: reviewFileName(facts.date, facts.branch ?? 'no-branch', input.template.id, input.reviewsFolder ?? DEFAULT_REVIEWS_FOLDER),
    context,
    unknownPlaceholders: rendered.unknownPlaceholders,
    problems,
  };
}

/**
 * Principles and checklists the template's front matter names that the repository does not have:
 * they would be left out of the review without a word (a typo, or one renamed since). Only checked
 * against what was loaded: without a constitution or checklists there is nothing to compare with.
 * The bundled templates name the bundled constitution's ids; a team that wrote its own cannot
 * change them, so they are not checked.
 */
function unknownReferences(input: Parameters<typeof prepareReview>[0], display: string): Problem[] {
  const problems: Problem[] = [];
  if (input.template.source === 'bundled') return problems;
  const check = (key: 'principles' | 'checklists', named: readonly string[], known: readonly string[] | undefined): void => {
    if (known === undefined) return;
    for (const id of named) {
      if (known.includes(id)) continue;
      const what = key === 'principles' ? 'principle of the constitution' : 'checklist';
      problems.push({ path: display, line: 1, column: 1, message: `front matter ${key}: '${id}' is not a ${what}, so the review leaves it out`, severity: 'warning' });
    }
  };
  check('principles', input.template.principles, input.principles?.map((p) => p.id));
  check('checklists', input.template.checklists, input.checklists?.map((c) => c.id));
  return problems;
}
