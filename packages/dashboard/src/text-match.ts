/**
 * Text as the comment filter compares it: lowercase, without accents, words separated by single
 * spaces and padded, so that `matches("Te lang!", "te lang")` is a whole-word match.
 */
export function searchable(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return ` ${plain} `;
}

/** Whether `text` contains the words of `query`, as whole words and in that order. */
export function matches(text: string, query: string): boolean {
  const wanted = searchable(query);
  if (wanted.trim() === '') return true;
  return searchable(text).includes(wanted);
}
