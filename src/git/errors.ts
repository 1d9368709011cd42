/** Why a git operation could not give an answer; callers turn each kind into a clear message. */
export type GitErrorKind = 'not-installed' | 'not-a-repo' | 'unknown-ref' | 'detached' | 'shallow' | 'other';

export class GitError extends Error {
  constructor(
    readonly kind: GitErrorKind,
    message: string,
    /** git's own stderr, when there was one (for logs, not for the user's first line). */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'GitError';
  }
}

export function isGitError(error: unknown, kind?: GitErrorKind): error is GitError {
  return error instanceof GitError && (kind === undefined || error.kind === kind);
}
