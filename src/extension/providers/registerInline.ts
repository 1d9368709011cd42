import * as vscode from 'vscode';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { BlameService } from '../blame/blameService';
import type { ChecklistStateService } from '../checklists/checklistState';
import { registerAddDeadline } from '../commands/addDeadline';
import { registerAddReason } from '../commands/addReason';
import { registerAddTicket } from '../commands/addTicket';
import { registerConvertTsIgnore } from '../commands/convertTsIgnore';
import { registerIgnoreFinding } from '../commands/ignoreFinding';
import { registerOpenPrinciple } from '../commands/openPrinciple';
import { RuntimeLanguages } from '../languages/runtimeLanguages';
import { registerRestrictedModeNotice } from '../trust/restrictedMode';
import type { GitInfo } from '../workspace/gitInfo';
import type { ProjectRegistry } from '../workspace/projects';
import { registerCodeActions } from './codeActions';
import { registerIgnoreNameFix } from './ignoreNameFix';
import { registerCodeLens } from './codeLens';
import { registerHover } from './hover';
import { registerTicketLinks } from './ticketLinks';

export interface InlineServices {
  projects: ProjectRegistry;
  analyzer: DocumentAnalyzer;
  git: GitInfo;
  checklistState: ChecklistStateService;
}

/** What the inline features add to the API tests see. */
export interface InlineApi {
  blame: BlameService;
  languages: RuntimeLanguages;
}

/**
 * The in-editor features on top of the analyzer: CodeLens, hovers, quick fixes and their commands,
 * ticket links, languages from other extensions and the Restricted Mode notice. Synchronous and
 * cheap: every provider computes lazily when VS Code asks.
 */
export function registerInlineFeatures(context: vscode.ExtensionContext, services: InlineServices): InlineApi {
  const { projects, analyzer, git, checklistState } = services;
  const blame = new BlameService(git);
  const languages = new RuntimeLanguages(analyzer);
  context.subscriptions.push(blame, languages);

  registerCodeLens(context, { analyzer, blame, git, checklistState });
  registerHover(context, analyzer, blame);
  registerCodeActions(context, analyzer);
  registerIgnoreNameFix(context, analyzer);
  registerTicketLinks(context, analyzer);

  registerAddTicket(context, analyzer);
  registerAddDeadline(context, analyzer);
  registerAddReason(context, analyzer);
  registerConvertTsIgnore(context, analyzer);
  registerIgnoreFinding(context, analyzer);
  registerOpenPrinciple(context, projects);
  registerRestrictedModeNotice(context, projects);
  return { blame, languages };
}
