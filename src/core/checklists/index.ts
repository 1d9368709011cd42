// QA checklists: model, parsing, discovery (repository or bundled), what applies where, item status.
export * from './types';
export { parseChecklist, type ParseChecklistOptions } from './parse';
export { loadChecklists, loadBundledChecklists, bundledChecklistFolder, nodeFolderReader, CHECKLIST_FOLDER, type FolderReader } from './discover';
export { checklistsFor, checklistById } from './apply';
export * from './status';
export { readStateFile, type ReadStateFile, type StateFileProblem } from './stateFile';
