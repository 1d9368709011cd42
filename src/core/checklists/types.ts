import type { Problem } from '../types';

/** The id of a checklist item (formats.md: stable, like principle ids), e.g. `MIG-01`. */
export const ITEM_ID = /^[A-Z][A-Z0-9]*-[0-9]+$/;

/** A checklist id is its file name under `.quality/checklists/` without `.md`. */
export const CHECKLIST_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface ChecklistItem {
  id: string;
  /** The item's text after the id, on one line. */
  text: string;
  /** The indented `how:` line: how to check the item, when given. */
  how: string | null;
  /** 1-based line of the task item. */
  line: number;
}

export interface Checklist {
  id: string;
  title: string;
  /** Workspace-relative globs; empty means it is never suggested for a file on its own. */
  appliesTo: string[];
  /** A path relative to the workspace root ('/' separators), or 'bundled'. */
  source: string;
  /** Absolute path of the file read. */
  file: string;
  /** Markdown before the first item (what the checklist is for). */
  intro: string;
  items: ChecklistItem[];
}

export interface ChecklistResult {
  checklist: Checklist;
  problems: Problem[];
}

/** Every checklist in effect for a workspace and what is wrong with them. */
export interface ChecklistSet {
  /** `.quality/checklists` when the repository has its own, else 'bundled'. */
  source: string;
  /** Sorted by id. */
  checklists: Checklist[];
  problems: Problem[];
}
