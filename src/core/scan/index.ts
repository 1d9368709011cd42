// A scan of many files: walk (ignore files, excludes, symlinks), read, analyse.
export { scanTree, type ScanTreeOptions } from './scanTree';
export { scanFiles, compareFindings, comparePaths, DEFAULT_SCAN_CONCURRENCY, type ScanFilesOptions, type ScanHelpers, type HelperSession, type DocumentToAnalyse } from './scanFiles';
export { analyseFile, analyseFileSync, type FileAnalysis, type FileOutcome } from './analyseFile';
export { engineAnalysis, type EngineScanSpec } from './engineAnalysis';
export { workerHelpers, DEFAULT_MIN_FILES_FOR_WORKERS, type WorkerPoolOptions } from './workerPool';
export { walkFiles, toRelative, type WalkedFile, type WalkOptions } from './walk';
export { decodeText, looksBinary, BINARY_SNIFF_BYTES } from './decode';
export * from './types';
