/**
 * The id to suggest for a mistyped principle or checklist item id: the letters in capitals, a
 * hyphen and the number with at least two digits, as formats.md writes every id (`ENG-05`,
 * `MIG-01`). Suggesting `MIG-3` for `mig3` would be valid but would start a second numbering
 * style in a file whose other ids are `MIG-01`, `MIG-02`.
 */
export function suggestedId(letters: string, digits: string): string {
  return `${letters.toUpperCase()}-${digits.padStart(2, '0')}`;
}

/**
 * The id prefix to suggest for an item that has none, from its checklist's id: its first three
 * letters or digits in capitals, starting with a letter as an id must and
 * stopping at its first separator (`ui-text` gives `UI`, not `UI-`); `CHK` when it has no letter.
 */
export function suggestedPrefix(checklistId: string): string {
  const word = /[A-Z][A-Z0-9]*/.exec(checklistId.toUpperCase());
  return word ? word[0].slice(0, 3) : 'CHK';
}
