import { close, closeSync, fstat, fstatSync, open, openSync, read, readSync } from 'node:fs';
import { BINARY_SNIFF_BYTES } from './decode';

/**
 * What reading one file found. The scan reads files through the callback API with one open, one
 * fstat, one read per file and a close: the profile of a 20,000-file scan showed fs/promises'
 * FileHandle (stat + readFile, which stats again and reads in chunks, plus promise bookkeeping)
 * costing three times as much wall time for the same bytes.
 */
export type ReadOutcome =
  | { kind: 'bytes'; bytes: Buffer }
  | { kind: 'too-large'; size: number }
  /** Only the first bytes, for files that are not analysed (binary or unknown type?). */
  | { kind: 'head'; bytes: Buffer };

export interface ReadOptions {
  maxFileSize: number;
  /** Read only the first BINARY_SNIFF_BYTES (a file of an unknown type is only sniffed). */
  headOnly: boolean;
}

export function readBounded(file: string, options: ReadOptions): Promise<ReadOutcome> {
  return new Promise((resolve, reject) => {
    open(file, 'r', (openError, fd) => {
      if (openError) return reject(openError);
      const finish = (error: Error | null, outcome?: ReadOutcome): void => {
        close(fd, () => (error ? reject(error) : resolve(outcome as ReadOutcome)));
      };
      fstat(fd, (statError, stats) => {
        if (statError) return finish(statError);
        if (stats.size > options.maxFileSize) return finish(null, { kind: 'too-large', size: stats.size });
        const wanted = options.headOnly ? Math.min(stats.size, BINARY_SNIFF_BYTES) : stats.size;
        readFully(fd, Buffer.allocUnsafe(wanted), 0, (readError, bytes) => {
          if (readError) return finish(readError);
          finish(null, options.headOnly ? { kind: 'head', bytes } : { kind: 'bytes', bytes });
        });
      });
    });
  });
}

/** Reads until the buffer is full or the file ends (a file may shrink between fstat and read). */
function readFully(fd: number, buffer: Buffer, offset: number, done: (error: Error | null, bytes: Buffer) => void): void {
  if (offset >= buffer.length) return done(null, buffer);
  read(fd, buffer, offset, buffer.length - offset, offset, (error, count) => {
    if (error) return done(error, buffer);
    if (count === 0) return done(null, buffer.subarray(0, offset));
    readFully(fd, buffer, offset + count, done);
  });
}

/**
 * readBounded with blocking calls, for threads that do nothing else (the CLI's scan, its worker
 * threads), never the extension host. The profile of a 20,000-file scan showed the four thread-pool
 * round trips per file of the callback API (open, fstat, read, close) costing more than reading
 * and analysing the bytes: each one hands work to libuv's pool and back, and on a 2-core machine
 * those hand-offs take the CPU from the analysis. Throws what the calls throw (an errno error).
 */
export function readBoundedSync(file: string, options: ReadOptions): ReadOutcome {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > options.maxFileSize) return { kind: 'too-large', size };
    const wanted = options.headOnly ? Math.min(size, BINARY_SNIFF_BYTES) : size;
    const buffer = Buffer.allocUnsafe(wanted);
    let offset = 0;
    // Until the buffer is full or the file ends (it may shrink between fstat and read).
    while (offset < buffer.length) {
      const count = readSync(fd, buffer, offset, buffer.length - offset, offset);
      if (count === 0) break;
      offset += count;
    }
    const bytes = offset === buffer.length ? buffer : buffer.subarray(0, offset);
    return options.headOnly ? { kind: 'head', bytes } : { kind: 'bytes', bytes };
  } finally {
    closeSync(fd);
  }
}
