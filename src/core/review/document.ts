import type { Problem } from '../types';
import { buildReviewContext, type BuildReviewContextInput, DEFAULT_REVIEWS_FOLDER, type ReviewContext } from './context';
import { renderTemplate, type UnknownPlaceholder } from './render';
import { type ReviewFrontMatter, reviewDocument, reviewFileName } from './reviewFile';
import type { ReviewTemplate } from './template';
import { templateProblems } from './templateCheck';

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
  const problems = templateProblems(input.template, rendered, display, { principles: input.principles?.map((p) => p.id), checklists: input.checklists?.map((c) => c.id) });
  return {
    text: reviewDocument(frontMatter, rendered.text),
    frontMatter,
    relativePath: reviewFileName(facts.date, facts.branch ?? 'no-branch', input.template.id, input.reviewsFolder ?? DEFAULT_REVIEWS_FOLDER),
    context,
    unknownPlaceholders: rendered.unknownPlaceholders,
    problems,
  };
}
