// The engineering constitution: model, parsing, discovery, what applies where, and its history.
export * from './types';
export { parseConstitution, type ParseConstitutionOptions } from './parse';
export { loadConstitution, loadBundledConstitution, bundledConstitutionFile, CONSTITUTION_CANDIDATES, BUNDLED, displayPath, nodeTextReader, type TextReader, type LoadConstitutionOptions } from './discover';
export { principlesFor, principleForRule, principleScopes, principleById } from './apply';
export { principleHash, snapshotConstitution, diffConstitution, hasChanges, type ConstitutionSnapshot, type ConstitutionDiff, type PrincipleRef } from './lifecycle';
export { isIsoDate, isSemver } from './frontMatter';
