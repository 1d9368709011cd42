import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Problem } from '../types';
import { resourcePath } from '../resources';
import { parseTemplate, type ReviewTemplate } from './template';

/** The default template id (formats.md). */
export const DEFAULT_TEMPLATE_ID = 'architecture';

/** Bundled ids in the order the UI lists them. */
export const BUNDLED_TEMPLATE_IDS = ['architecture', 'consistency', 'security-reliability', 'release-readiness'] as const;

export interface TemplateCatalog {
  templates: ReviewTemplate[];
  problems: Problem[];
}

export interface CatalogOptions {
  /** The repository (or workspace) folder holding `.quality/templates/` and GitHub PR templates. */
  root?: string;
  /** Where the bundled templates live (default: resources/templates). */
  bundledDir?: string;
}

const TEMPLATE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Every template available: the bundled ones, replaced by a repository template with the same id,
 * then the repository's other templates, then GitHub pull-request templates. Unreadable files and
 * broken front matter become problems; they never hide the other templates.
 */
export async function loadTemplateCatalog(options: CatalogOptions = {}): Promise<TemplateCatalog> {
  const problems: Problem[] = [];
  const byId = new Map<string, ReviewTemplate>();
  const bundledDir = options.bundledDir ?? resourcePath('templates');
  for (const file of await markdownFiles(bundledDir)) {
    const id = file.replace(/\.md$/i, '');
    const loaded = await loadFile(join(bundledDir, file), id, 'bundled', `resources/templates/${file}`, problems);
    if (loaded) byId.set(id, loaded);
  }
  const root = options.root;
  if (root !== undefined) {
    const folder = join(root, '.quality', 'templates');
    for (const file of await markdownFiles(folder)) {
      const id = file.replace(/\.md$/i, '');
      const display = relative(root, join(folder, file)).split('\\').join('/');
      if (!TEMPLATE_ID.test(id)) {
        problems.push({ path: display, line: 1, column: 1, message: `template file name '${file}' is not a usable id (letters, digits, '.', '_', '-')`, severity: 'warning' });
        continue;
      }
      const loaded = await loadFile(join(folder, file), id, 'repository', display, problems);
      if (loaded) byId.set(id, loaded);
    }
    for (const found of await githubTemplates(root)) {
      if (byId.has(found.id)) continue;
      const loaded = await loadFile(found.path, found.id, 'github', relative(root, found.path).split('\\').join('/'), problems);
      if (loaded) {
        if (loaded.name === found.id) loaded.name = found.name;
        if (loaded.description === '') loaded.description = 'The repository\'s GitHub pull-request template';
        byId.set(found.id, loaded);
      }
    }
  }
  return { templates: orderTemplates([...byId.values()]), problems };
}

function orderTemplates(templates: ReviewTemplate[]): ReviewTemplate[] {
  const rank = (t: ReviewTemplate): number => {
    const bundled = (BUNDLED_TEMPLATE_IDS as readonly string[]).indexOf(t.id);
    if (bundled >= 0) return bundled;
    return t.source === 'github' ? 200 : 100;
  };
  return templates.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

async function loadFile(path: string, id: string, source: ReviewTemplate['source'], display: string, problems: Problem[]): Promise<ReviewTemplate | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    problems.push({ path: display, line: 1, column: 1, message: `cannot read template: ${error instanceof Error ? error.message : String(error)}`, severity: 'error' });
    return undefined;
  }
  const parsed = parseTemplate(text.replace(/^\uFEFF/, ''), id, path, source, display);
  problems.push(...parsed.problems);
  return parsed.template;
}

async function markdownFiles(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    return entries.filter((e) => e.isFile() && /\.md$/i.test(e.name)).map((e) => e.name).sort();
  } catch {
    return [];
  }
}

interface FoundTemplate {
  id: string;
  name: string;
  path: string;
}

/**
 * GitHub's pull-request template locations, in GitHub's order (`.github/`, root, `docs/`), matched
 * case-insensitively: a single `pull_request_template.md` becomes `github-pr`, each file of a
 * `PULL_REQUEST_TEMPLATE/` folder becomes `github-pr-<name>`.
 */
export async function githubTemplates(root: string): Promise<FoundTemplate[]> {
  const found: FoundTemplate[] = [];
  for (const folder of ['.github', '', 'docs']) {
    const dir = join(root, folder);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const lower = entry.name.toLowerCase();
      if (entry.isFile() && lower === 'pull_request_template.md') {
        if (!found.some((f) => f.id === 'github-pr')) found.push({ id: 'github-pr', name: 'GitHub pull request template', path: join(dir, entry.name) });
      } else if (entry.isDirectory() && lower === 'pull_request_template') {
        for (const file of await markdownFiles(join(dir, entry.name))) {
          const name = file.replace(/\.md$/i, '');
          const id = `github-pr-${name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}`;
          if (!found.some((f) => f.id === id)) found.push({ id, name: `GitHub pull request template: ${name}`, path: join(dir, entry.name, file) });
        }
      }
    }
  }
  return found;
}
