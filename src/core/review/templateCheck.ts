import { relative } from 'node:path';
import type { Problem } from '../types';
import type { TemplateCatalog } from './catalog';
import { renderTemplate, type RenderResult } from './render';
import type { ReviewTemplate } from './template';
import { REVIEW_VARIABLES } from './variables';

/** The ids a repository has, to check a template's front matter against; undefined: not loaded, not checked. */
export interface KnownReferences {
  principles?: readonly string[];
  checklists?: readonly string[];
}

/**
 * Principles and checklists the template's front matter names that the repository does not have:
 * they would be left out of the review without a word (a typo, or one renamed since). Each is
 * reported at its own entry in the front matter. Only checked against what was loaded: without a
 * constitution or checklists there is nothing to compare with. The bundled templates name the
 * bundled constitution's ids; a team that wrote its own cannot change them, so they are not checked.
 */
export function unknownReferences(template: ReviewTemplate, displayPath: string, known: KnownReferences): Problem[] {
  const problems: Problem[] = [];
  if (template.source === 'bundled') return problems;
  const check = (key: 'principles' | 'checklists', known: readonly string[] | undefined): void => {
    if (known === undefined) return;
    for (const id of template[key]) {
      if (known.includes(id)) continue;
      const what = key === 'principles' ? 'principle of the constitution' : 'checklist';
      const at = template.referencePositions?.[key].get(id) ?? { line: 1, column: 1 };
      problems.push({ path: displayPath, line: at.line, column: at.column, message: `front matter ${key}: '${id}' is not a ${what}, so the review leaves it out`, severity: 'warning' });
    }
  };
  check('principles', known.principles);
  check('checklists', known.checklists);
  return problems;
}

/**
 * What is wrong with a template that shows without building a review: placeholders no variable
 * fills, braces that are not a placeholder, sections never closed, unknown references. The same
 * problems a review reports for it (every review fills the same names), so they can be shown as
 * soon as the template is saved rather than when the next review starts.
 */
export function checkTemplate(template: ReviewTemplate, displayPath: string, known: KnownReferences): Problem[] {
  const everything = Object.fromEntries(REVIEW_VARIABLES.map((name) => [name, { text: '', present: true }]));
  return templateProblems(template, renderTemplate(template.body, everything, { lineOffset: template.bodyLine }), displayPath, known);
}

/** A template's problems once rendered: what the render found, and its unknown references. */
export function templateProblems(template: ReviewTemplate, rendered: RenderResult, displayPath: string, known: KnownReferences): Problem[] {
  return [
    ...rendered.unknownPlaceholders.map((u) => ({ path: displayPath, line: u.line, column: u.column, message: `unknown placeholder ${u.text}`, severity: 'warning' as const })),
    ...rendered.problems.map((p) => ({ path: displayPath, line: p.line, column: p.column, message: p.message, severity: 'warning' as const })),
    ...unknownReferences(template, displayPath, known),
  ];
}

/**
 * The problems of a repository's own templates (`.quality/templates/`): the catalog's (unreadable
 * files, broken front matter) and each template's check, with paths relative to `root`. GitHub's
 * pull-request templates are not the team's to fix for QA Lens and are left out.
 */
export function repositoryTemplateProblems(catalog: TemplateCatalog, root: string, known: KnownReferences): Problem[] {
  const problems = catalog.problems.filter(isRepositoryTemplatePath);
  for (const template of catalog.templates) {
    if (template.source !== 'repository') continue;
    problems.push(...checkTemplate(template, relative(root, template.path).split('\\').join('/'), known));
  }
  return problems;
}

function isRepositoryTemplatePath(problem: Problem): boolean {
  return problem.path.startsWith('.quality/');
}
