/**
 * Reads the `comments` of a VS Code `language-configuration.json`. Those files are JSON with
 * comments and trailing commas (JSONC), so comments and trailing commas are removed first,
 * outside strings. Anything unreadable gives null: the language simply stays unknown.
 */
export interface CommentConfig {
  lineComment?: string | { comment?: string };
  blockComment?: [string, string];
}

/** JSONC -> JSON text: drops `//` and `/* *\/` comments and commas before `}` or `]`. */
export function stripJsonc(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      out += ch;
      i++;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

export function parseCommentConfig(text: string): CommentConfig | null {
  let data: unknown;
  try {
    data = JSON.parse(stripJsonc(text.replace(/^\uFEFF/, '')));
  } catch {
    return null;
  }
  const comments = (data as { comments?: unknown } | null)?.comments;
  if (comments === null || typeof comments !== 'object') return null;
  const { lineComment, blockComment } = comments as Record<string, unknown>;
  const config: CommentConfig = {};
  if (typeof lineComment === 'string' && lineComment !== '') config.lineComment = lineComment;
  else if (lineComment && typeof lineComment === 'object' && typeof (lineComment as { comment?: unknown }).comment === 'string') {
    config.lineComment = { comment: (lineComment as { comment: string }).comment };
  }
  if (Array.isArray(blockComment) && blockComment.length === 2 && blockComment.every((part) => typeof part === 'string' && part !== '')) {
    config.blockComment = [blockComment[0] as string, blockComment[1] as string];
  }
  return config.lineComment || config.blockComment ? config : null;
}
