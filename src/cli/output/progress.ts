import type { ScanProgress } from '../../core/scan/types';

/**
 * A one-line progress display on stderr, redrawn in place with \r and erased at the end, only when
 * stderr is a terminal: stdout carries the report alone, and a CI log gets no control characters.
 */
export interface ProgressLine {
  update(progress: ScanProgress): void;
  done(): void;
}

const REDRAW_MS = 100;

export function progressLine(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }): ProgressLine {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let shown = false;
  return {
    update(progress) {
      const now = Date.now();
      if (now - last < REDRAW_MS) return;
      last = now;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      const text = `scanning: ${progress.scanned} files${progress.skipped > 0 ? `, ${progress.skipped} skipped` : ''}  ${progress.path}`;
      stream.write(`\r\u001b[K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}
