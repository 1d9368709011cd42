/** How much of a file is inspected for a NUL byte to call it binary (git and ripgrep do the same). */
export const BINARY_SNIFF_BYTES = 8192;

export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

// Non-fatal: invalid UTF-8 becomes U+FFFD instead of an exception, so one odd file cannot stop a
// scan. The BOM is removed (TextDecoder's default), so positions count from the first real character.
const decoder = new TextDecoder('utf-8', { fatal: false });

export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
