// The git layer: everything QA Lens asks git, through simple-git, with user-provided refs validated
// before they reach git's argv. Each module holds one kind of question.
export { GitError, isGitError, type GitErrorKind } from './errors';
export { type GitOptions } from './client';
export { openRepo, isGitInstalled, isShallow, type OpenRepoResult } from './repo';
export { validateRef, resolveCommit, tryResolveCommit, shortSha, isValidBranchName } from './refs';
export { currentBranch, headSha, defaultBaseBranch, type CurrentBranch, type BaseBranch, type BaseBranchSource } from './branch';
export { listBranches, type BranchRef } from './branches';
export { mergeBase, commitsBetween, authors, type CommitInfo, type AuthorSummary } from './history';
export { diffFiles, type ChangedFile, type ChangeStatus, type DiffFilesOptions } from './diffFiles';
export { addedLines, type AddedLines, type AddedLinesOptions } from './addedLines';
export { blameFile, type BlameLine } from './blame';
export { fileAtCommit, fileAtRef } from './fileAtRef';
export { filesAtCommit, readFilesAtCommit, type CommittedFile, type ReadFilesOptions } from './filesAtCommit';
export { gitConfigValue } from './config';
export { headBranch } from './headBranch';
