import * as vscode from 'vscode';
import { agePhrase } from '../../core/age';
import { principleById } from '../../core/constitution';
import { dueSoon } from '../../core/inline/findingLabel';
import { principleSummary } from '../../core/inline/principleText';
import { FIX_TITLES, fixesFor, type FixKind } from '../../core/inline/quickFixes';
import { daysBetween } from '../../core/rules/comments/deadlines';
import { isoDay } from '../../core/engine';
import type { Finding } from '../../core/types';
import type { DocumentAnalysis, DocumentAnalyzer } from '../analysis/documentAnalyzer';
import type { BlameService } from '../blame/blameService';
import { commandLink, findingArgs } from '../commands/findingTarget';
import { isRestricted, RESTRICTED_NOTE } from '../trust/restrictedMode';

/** The commands hover links may run: nothing else in the hover's Markdown is trusted. */
export const HOVER_COMMANDS = ['qaLens.addTicket', 'qaLens.addDeadline', 'qaLens.addReason', 'qaLens.convertTsIgnore', 'qaLens.ignoreFinding', 'qaLens.openPrinciple'];

/**
 * Hover on a finding: what it is, when it was written, the ticket or deadline, the principle with
 * its "How to check" question, and the quick fixes as command links.
 */
export class QaHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly analyzer: DocumentAnalyzer,
    private readonly blame: BlameService,
  ) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const analysis = await this.analyzer.analysis(doc);
    if (!analysis) return undefined;
    const here = analysis.findings.filter((finding) => rangeOf(finding).contains(position));
    if (here.length === 0) return undefined;
    const parts = here.flatMap((finding) => this.describe(doc, analysis, finding));
    if (isRestricted()) {
      const note = new vscode.MarkdownString(`$(shield) ${RESTRICTED_NOTE}`, true);
      parts.push(note);
    }
    return new vscode.Hover(parts, rangeOf(here[0]));
  }

  /**
   * Three sections: the finding, the principle (the repository's Markdown, so in a section of its
   * own that may run no command), and the fixes (the only section whose links are trusted).
   */
  private describe(doc: vscode.TextDocument, analysis: DocumentAnalysis, finding: Finding): vscode.MarkdownString[] {
    const sections: vscode.MarkdownString[] = [];
    const md = new vscode.MarkdownString('', true);
    sections.push(md);
    // VS Code shows the diagnostic's message right above this hover: add what it does not say.
    const facts: string[] = [`**QA Lens** · \`${finding.ruleId}\` (${finding.severity})`];
    const blame = this.blame.lineBlame(doc, finding.line - 1);
    if (typeof blame === 'object') {
      const sprint = analysis.project?.settings.sprintLengthDays ?? 14;
      facts.push(blame.uncommitted ? 'not committed yet' : `written ${agePhrase(blame.authorTime, new Date(), sprint)} by ${escape(blame.author)}`);
    }
    if (finding.ticket) facts.push(`ticket ${escape(finding.ticket)}`);
    if (finding.deadline) facts.push(`deadline ${finding.deadline} (${deadlineStatus(finding)})`);
    md.appendMarkdown(`${facts.join(' · ')}\n\n`);

    const constitution = analysis.project?.constitution;
    const principle = constitution && finding.principle ? principleById(constitution, finding.principle) : undefined;
    if (principle) {
      const text = new vscode.MarkdownString('', true);
      sections.push(text);
      text.appendMarkdown(`$(law) **${escape(principle.id)} ${escape(principle.title)}** (${principle.level})\n\n`);
      const summary = principleSummary(principle.body);
      if (summary) text.appendMarkdown(`${summary}\n\n`);
      if (principle.howToCheck) text.appendMarkdown(`**How to check:** ${principle.howToCheck}\n\n`);
    }

    const fixes = fixesFor(finding, doc.lineAt(finding.line - 1).text);
    if (fixes.length > 0) {
      const actions = new vscode.MarkdownString('', true);
      actions.isTrusted = { enabledCommands: HOVER_COMMANDS };
      actions.appendMarkdown(fixes.map((kind) => `[${FIX_TITLES[kind]}](${this.link(kind, doc, finding)})`).join(' · '));
      sections.push(actions);
    }
    return sections;
  }

  private link(kind: FixKind, doc: vscode.TextDocument, finding: Finding): string {
    if (kind === 'openPrinciple') return commandLink('qaLens.openPrinciple', { principleId: finding.principle, uri: doc.uri.toString() });
    return commandLink(`qaLens.${kind}`, findingArgs(doc.uri, finding));
  }
}

function rangeOf(finding: Finding): vscode.Range {
  return new vscode.Range(finding.line - 1, finding.column - 1, finding.endLine - 1, finding.endColumn - 1);
}

function deadlineStatus(finding: Finding): string {
  const due = dueSoon(finding.message);
  if (due) return due;
  const days = daysBetween(isoDay(new Date()), finding.deadline ?? '');
  if (Number.isNaN(days)) return 'unknown';
  return days < 0 ? `passed ${-days} day${days === -1 ? '' : 's'} ago` : `in ${days} day${days === 1 ? '' : 's'}`;
}

/** Text from the repository shown as Markdown: no links, emphasis or HTML of its own. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!<>|]/g, '\\$&');
}

export function registerHover(context: vscode.ExtensionContext, analyzer: DocumentAnalyzer, blame: BlameService): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }], new QaHoverProvider(analyzer, blame)),
  );
}
