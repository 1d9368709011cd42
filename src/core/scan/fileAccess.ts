import { readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';

/** The file-system calls the tree walk makes (folders, links, ignore files). */
export interface FileAccess {
  readdir(dir: string): Promise<Dirent[]>;
  stat(file: string): Promise<Stats>;
  realpath(file: string): Promise<string>;
  readText(file: string): Promise<string>;
}

/** Non-blocking calls: the extension host's walk, which must never hold its thread. */
export const ASYNC_ACCESS: FileAccess = {
  readdir: (dir) => readdir(dir, { withFileTypes: true }),
  stat: (file) => stat(file),
  realpath: (file) => realpath(file),
  readText: (file) => readFile(file, 'utf8'),
};

/**
 * Blocking calls behind promises that are settled when returned, for a thread that does nothing
 * else (the CLI's scan, like its blocking file reads): the walk then never waits for libuv's
 * thread pool between two folders, which left the CLI idle for a fifth of a 400-file scan.
 * (`realpathSync.native` is the same call as the promise API's realpath.)
 */
export const BLOCKING_ACCESS: FileAccess = {
  readdir: settled((dir) => readdirSync(dir, { withFileTypes: true })),
  stat: settled((file) => statSync(file)),
  realpath: settled((file) => realpathSync.native(file)),
  readText: settled((file) => readFileSync(file, 'utf8')),
};

/** A blocking call as a promise of its result, or of its error (as the promise API rejects). */
function settled<R>(call: (path: string) => R): (path: string) => Promise<R> {
  return (path) => {
    try {
      return Promise.resolve(call(path));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
}
