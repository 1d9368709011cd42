import { type GitOptions, runGitQuery } from './client';

/** A git configuration value (`user.name`), or undefined when unset. Keys are fixed by callers. */
export async function gitConfigValue(repo: string, key: 'user.name' | 'user.email' | 'remote.origin.url', options: GitOptions = {}): Promise<string | undefined> {
  const out = await runGitQuery(repo, ['config', '--get', key], options);
  const value = out?.trim();
  return value ? value : undefined;
}
