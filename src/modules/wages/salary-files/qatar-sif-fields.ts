/** Column titles of the Qatar SIF (FORMAT.md 2.2, 2.3), with the variants seen in files. */

export const HEADER_TITLES: readonly (readonly string[])[] = [
  ['Employer EID'], ['File Creation Date'], ['File Creation Time'], ['Payer EID'], ['Payer QID'],
  ['Payer Bank Short Name'], ['Payer IBAN'], ['Salary Year and Month'], ['Total Salaries'],
  ['Total Records', 'Number of Records'], ['SIF Version'],
];

export const RECORD_TITLES: readonly (readonly string[])[] = [
  ['Record Sequence', 'Record Id'], ['Employee QID'], ['Employee Visa ID'], ['Employee Name'],
  ['Employee Bank Short Name'], ['Employee Account'], ['Salary Frequency'], ['Number of Working days'],
  ['Net Salary'], ['Basic Salary'], ['Extra hours'], ['Extra income'], ['Deductions'], ['Payment Type'],
  ['Notes / Comments', 'Notes', 'Comments'],
  // "SIF version 1" extension columns [S]
  ['Housing Allowance'], ['Food Allowance'], ['Transportation Allowance'], ['Over Time Allowance', 'Overtime Allowance'],
  ['Deduction Reason Code'], ['Extra Field 1'], ['Extra Field 2'],
];

export const BASE_RECORD_COLUMNS = 15;

export const PAYMENT_TYPES = ['Normal Payment', 'Settlement Payment', 'Partial Payment', 'Delayed Payment', 'Final Settlement', 'Salary'];

export function titleMatches(text: string, accepted: readonly string[]): boolean {
  const norm = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();
  return accepted.some((t) => norm(t) === norm(text));
}

export function headerField(position: number): string {
  return `header field ${position} (${HEADER_TITLES[position - 1]?.[0] ?? 'extra'})`;
}

export function recordField(position: number): string {
  return `record field ${position} (${RECORD_TITLES[position - 1]?.[0] ?? 'extra'})`;
}
