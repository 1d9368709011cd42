// A scan of many files: walk (ignore files, excludes, symlinks), read, analyse.
export { scanTree, type ScanTreeOptions } from './scanTree';
export { scanFiles, compareFindings, comparePaths, DEFAULT_SCAN_CONCURRENCY, type ScanFilesOptions, type DocumentToAnalyse } from './scanFiles';
export { walkFiles, toRelative, type WalkedFile, type WalkOptions } from './walk';
export { decodeText, looksBinary, BINARY_SNIFF_BYTES } from './decode';
export * from './types';
