/**
 * A worker's initials, e.g. "Ram Bahadur Gurung" -> "R.B.G.": the only personal data that
 * leaves the audited worker record with a contract (views, the registry's key terms).
 */
export function initialsOf(fullName: string): string {
  return fullName
    .trim()
    .split(/[\s-]+/u)
    .filter(Boolean)
    .map((part) => `${Array.from(part)[0]!.toLocaleUpperCase()}.`)
    .join('');
}
