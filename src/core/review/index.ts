// Peer-review templates: the catalog, the renderer, the context from git and the engine, the file.
export { BUNDLED_TEMPLATE_IDS, DEFAULT_TEMPLATE_ID, githubTemplates, loadTemplateCatalog, type CatalogOptions, type TemplateCatalog } from './catalog';
export { parseTemplate, type ReviewTemplate, type TemplatePosition, type TemplateSource } from './template';
export { checkTemplate, type KnownReferences, repositoryTemplateProblems, unknownReferences } from './templateCheck';
export { REVIEW_VARIABLES } from './variables';
export { renderTemplate, type RenderOptions, type RenderProblem, type RenderResult, type RenderValue, type RenderVariables, type UnknownPlaceholder } from './render';
export {
  applicableChecklists, applicablePrinciples, buildReviewContext, DEFAULT_MAX_FILES, DEFAULT_REVIEWS_FOLDER,
  type BuildReviewContextInput, type PrincipleEngagement, type ReviewContext, type ReviewFacts, type ReviewTemplateInfo,
} from './context';
export type { AnalyzeFile, ChecklistItemState, ChecklistItemStatus, ChecklistProgress, ChecklistStateLookup, ReviewChecklist, ReviewChecklistItem, ReviewFinding, ReviewPrinciple } from './inputs';
export { createNewReview, createOrContinueReview, findExistingReviews, reviewDocument, reviewFileName, sanitiseBranch, type CreateReviewResult, type ReviewFrontMatter } from './reviewFile';
export { prepareReview, type ReviewDocument } from './document';
export { ADR_FOLDERS, relatedAdrs, type AdrReference } from './adrs';
export { areaOf, PACKAGE_MANIFESTS } from './areas';
