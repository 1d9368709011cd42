// The small shapes the review needs from the constitution, the checklists and the engine. They are
// defined here (structurally compatible with the real types) so this module does not depend on
// their exact definitions and tests can pass plain objects.

export interface ReviewPrinciple {
  id: string;
  title: string;
  level?: string;
  /** Workspace-relative globs; absent or empty = everything. */
  appliesTo?: readonly string[];
  howToCheck?: string | null;
  status?: string;
  /** Rule ids it speaks for: a new finding of one of them makes it part of the review. */
  rules?: readonly string[];
  /** Checklist ids it asks for: when one of them applies, so does the principle. */
  checklists?: readonly string[];
}

export interface ReviewChecklistItem {
  id: string;
  text: string;
  how?: string | null;
}

export interface ReviewChecklist {
  id: string;
  title: string;
  appliesTo?: readonly string[];
  items: readonly ReviewChecklistItem[];
}

export type ChecklistItemStatus = 'open' | 'addressed' | 'deviates' | 'not-applicable';

export interface ChecklistItemState {
  status: ChecklistItemStatus;
  /** The one-line reason `deviates` and `not-applicable` need. */
  reason?: string;
}

/** checklist id -> item id -> state, for the whole change (no per-file detail). */
export type ChecklistProgress = Readonly<Record<string, Readonly<Record<string, ChecklistItemState>>>>;

/**
 * The state the editor recorded for one item of one checklist on one file (path relative to the
 * repository root, '/'), or undefined when nothing was recorded: the editor keeps checklist state
 * per file and branch, and the review sums it up over the changed files a checklist applies to.
 */
export type ChecklistStateLookup = (file: string, checklistId: string, itemId: string) => ChecklistItemState | undefined;

/** What the review shows of a finding (a subset of core `Finding`). */
export interface ReviewFinding {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  message: string;
  excerpt?: string;
  /** The principle that speaks for the rule (from the constitution's rule map), when known. */
  principle?: string | null;
}

/** Analyses one file's text; the path is relative to the repository root. */
export type AnalyzeFile = (path: string, text: string) => readonly ReviewFinding[] | Promise<readonly ReviewFinding[]>;
