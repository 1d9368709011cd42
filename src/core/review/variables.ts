/**
 * The names every review fills (VARIABLES.md; present or "not available", never missing), so a
 * template can be checked for placeholders nothing fills without building a review from git.
 * A unit test holds this list, VARIABLES.md and what buildReviewContext fills to one another.
 */
export const REVIEW_VARIABLES: readonly string[] = [
  'template', 'templateName', 'repository', 'date', 'branch', 'head', 'headSha', 'base', 'baseSha', 'mergeBase',
  'headShort', 'baseShort', 'mergeBaseShort', 'changedFiles', 'filesByArea', 'stats', 'commits', 'authors', 'author',
  'areas', 'adrs', 'newFindings', 'reviewer', 'principles', 'checklists', 'notes',
];
