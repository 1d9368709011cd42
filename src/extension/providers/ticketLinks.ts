import * as vscode from 'vscode';
import { ticketLink } from '../../core/inline/ticketRefs';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';

/**
 * More links than anyone follows in one document: past this many the rest are left out, so a
 * generated file full of references does not stall the editor building thousands of links.
 */
const MAX_LINKS = 2000;

/**
 * With `ticketUrl` set (settings or `.quality/config.json`), ticket references in comments become
 * links to the tracker. Only comments: `PROJ-1` in code or a string is not a reference.
 */
export class TicketLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly analyzer: DocumentAnalyzer) {}

  async provideDocumentLinks(doc: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.DocumentLink[]> {
    const analysis = await this.analyzer.analysis(doc);
    const template = analysis?.project?.config.ticketUrl;
    if (!analysis?.language || !template || token.isCancellationRequested) return [];
    const patterns = analysis.project?.settings.ticketPatterns ?? [];
    const references = await this.analyzer.ticketReferences(doc, analysis, patterns, token);
    if (token.isCancellationRequested) return [];
    const links: vscode.DocumentLink[] = [];
    for (const ticket of references.slice(0, MAX_LINKS)) {
      const target = ticketLink(template, ticket.text);
      if (!target) continue;
      const range = new vscode.Range(doc.positionAt(ticket.start), doc.positionAt(ticket.start + ticket.text.length));
      const link = new vscode.DocumentLink(range, vscode.Uri.parse(target));
      link.tooltip = `Open ${ticket.text}`;
      links.push(link);
    }
    return links;
  }
}

export function registerTicketLinks(context: vscode.ExtensionContext, analyzer: DocumentAnalyzer): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentLinkProvider([{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }], new TicketLinkProvider(analyzer)),
  );
}
