import type { RuleId } from '../rules/ids';
import type { Problem } from '../types';

export const PRINCIPLE_LEVELS = ['must', 'should', 'consider'] as const;
export type PrincipleLevel = (typeof PRINCIPLE_LEVELS)[number];

export const PRINCIPLE_STATUSES = ['active', 'retired'] as const;
export type PrincipleStatus = (typeof PRINCIPLE_STATUSES)[number];

/** The id every principle heading starts with (formats.md), e.g. `ENG-05`. */
export const PRINCIPLE_ID = /^[A-Z][A-Z0-9]*-[0-9]+$/;

/** `appliesTo` when a principle does not say: every file. */
export const EVERYTHING: readonly string[] = ['**'];

/** One level-2 section of the constitution whose heading starts with an id. */
export interface Principle {
  id: string;
  title: string;
  level: PrincipleLevel;
  /** Workspace-relative globs; `['**']` when the metadata does not narrow it. */
  appliesTo: string[];
  /** Rule ids this principle speaks for. */
  rules: RuleId[];
  /** Checklist ids it asks reviewers to go through. */
  checklists: string[];
  status: PrincipleStatus;
  /** The Markdown under the heading (without the metadata comment), as written. */
  body: string;
  /** The text of the `**How to check:**` paragraph: the question CodeLens and reviews quote. */
  howToCheck: string | null;
  /** 1-based line of the heading. */
  line: number;
  /** 1-based last line of the principle's section (its last non-blank line). */
  endLine: number;
  /** sha256 (hex) of the normalised heading, effective metadata and body: see lifecycle.ts. */
  hash: string;
}

export interface Constitution {
  /** Where it came from: a path relative to the workspace root ('/' separators), or 'bundled'. */
  source: string;
  /** Absolute path of the file read (the bundled file for 'bundled'). */
  file: string;
  /** Front matter `title`, else the first level-1 heading, else null. */
  title: string | null;
  /** Front matter `version` when it is semver, else null. */
  version: string | null;
  /** ISO dates from the front matter, when valid. */
  ratified: string | null;
  lastReviewed: string | null;
  /** Markdown before the first principle (why the team keeps it, how to change it). */
  intro: string;
  /** Every principle that parsed, retired ones included, in document order. */
  principles: Principle[];
}

/** A constitution and what is wrong with it; the valid principles are loaded regardless. */
export interface ConstitutionResult {
  constitution: Constitution;
  problems: Problem[];
}
