import * as vscode from 'vscode';
import { convertTsIgnoreEdit, tsIgnoreReason } from '../../core/fixes/suppression';
import type { DocumentAnalyzer } from '../analysis/documentAnalyzer';
import { applyEdit, askReason, currentTarget, resolveFinding } from './findingTarget';

/**
 * QA Lens: Convert @ts-ignore to @ts-expect-error (with a reason, asked for unless the comment
 * already has one). Args: FindingArgs with an optional `reason`.
 */
export function registerConvertTsIgnore(context: vscode.ExtensionContext, analyzer: DocumentAnalyzer): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('qaLens.convertTsIgnore', async (raw: unknown): Promise<boolean> => {
      const resolved = await resolveFinding(analyzer, raw);
      if (!resolved) return false;
      const { target, args } = resolved;
      const { doc, finding } = target;
      const lineText = doc.lineAt(finding.line - 1).text;
      if (!lineText.startsWith('@ts-ignore', finding.column - 1)) return false;
      // A comment that already says why keeps its words: nothing to ask.
      const reason =
        tsIgnoreReason(lineText, finding.column - 1) !== null
          ? ''
          : await askReason(args.reason, 'Which error is expected on the next line, and why?', 'e.g. upstream types lack the overload');
      if (reason === undefined) return false;
      const current = await currentTarget(analyzer, target);
      if (!current) return false;
      const line = current.finding.line - 1;
      const edit = convertTsIgnoreEdit(line, doc.lineAt(line).text, current.finding.column - 1, reason);
      return edit !== null && applyEdit(doc, edit);
    }),
  );
}
