import * as vscode from 'vscode';
import { BUNDLED_TEMPLATE_IDS, DEFAULT_TEMPLATE_ID, type ReviewTemplate } from '../../core/review';

interface TemplateItem extends vscode.QuickPickItem {
  template: ReviewTemplate;
}

const SOURCE_LABEL: Readonly<Record<ReviewTemplate['source'], string>> = {
  bundled: 'QA Lens',
  repository: '.quality/templates',
  github: 'GitHub pull-request template',
};

/** Asks which template to review with: bundled first (the default on top), then the repository's own. */
export async function pickTemplate(templates: readonly ReviewTemplate[], folderName: string): Promise<ReviewTemplate | undefined> {
  const items: (TemplateItem | vscode.QuickPickItem)[] = [];
  let lastGroup: string | undefined;
  for (const template of templates) {
    // A repository template that replaces a bundled one keeps the bundled slot (the catalog's order).
    const group = (BUNDLED_TEMPLATE_IDS as readonly string[]).includes(template.id) ? 'bundled' : template.source;
    if (group !== lastGroup && lastGroup !== undefined) items.push({ label: group === 'github' ? 'GitHub' : 'This repository', kind: vscode.QuickPickItemKind.Separator });
    lastGroup = group;
    items.push({
      label: template.name,
      description: `${template.id}${template.id === DEFAULT_TEMPLATE_ID ? ' (default)' : ''}${template.source !== 'bundled' ? ` · ${SOURCE_LABEL[template.source]}` : ''}`,
      detail: template.description || undefined,
      template,
    });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: `Start Peer Review (${folderName})`,
    placeHolder: 'Choose a review template',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked && 'template' in picked ? picked.template : undefined;
}

