/** Field names of the UAE SIF records, as FORMAT.md tables 1.2-1.4 give them. */

const NAMES = {
  EDR: [
    'Record Type', 'Employee Unique ID', 'Agent Routing Code', 'Employee Account', 'Pay Start Date',
    'Pay End Date', 'Days in Period', 'Income Fixed Component', 'Income Variable Component', 'Days on Leave',
  ],
  EVP: [
    'Record Type', 'Employee Unique ID', 'Agent Routing Code', 'Housing Allowance', 'Conveyance Allowance',
    'Medical Allowance', 'Annual Passage Allowance', 'Overtime Allowance', 'Other Allowance', 'Leave Encashment',
  ],
  SCR: [
    'Record Type', 'Employer Unique ID', 'Employer Bank Routing Code', 'File Creation Date', 'File Creation Time',
    'Salary Month', 'Number of EDRs', 'Total Salary', 'Payment Currency', 'Employer Reference',
  ],
} as const;

export type UaeRecordType = keyof typeof NAMES;

/** "EDR field 6 (Pay End Date)": what error reports call a field. */
export function uaeField(type: UaeRecordType, position: number): string {
  return `${type} field ${position} (${NAMES[type][position - 1]})`;
}

export const RECORD_TYPE_FIELD = 'field 1 (Record Type)';
