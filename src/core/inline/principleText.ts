/**
 * The opening of a principle's body for a hover: its first paragraph of prose (not the metadata,
 * lists or the "How to check" paragraph, which the hover shows on its own), capped in length.
 */
export function principleSummary(body: string, maxLength = 400): string {
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '' && !p.startsWith('<!--') && !/^\*\*How to check:?\*\*/i.test(p) && !p.startsWith('#'));
  const first = paragraphs[0] ?? '';
  const oneLine = first.replace(/\s*\n\s*/g, ' ');
  if (oneLine.length <= maxLength) return oneLine;
  const cut = oneLine.slice(0, maxLength);
  const sentence = cut.lastIndexOf('. ');
  return sentence > maxLength / 2 ? cut.slice(0, sentence + 1) : `${cut.trimEnd()}…`;
}
