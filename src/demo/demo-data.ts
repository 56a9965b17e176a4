import type { OrganisationKind } from '../core/auth/scopes.js';

/** Demo only: every demo login shares this password, printed by `corridor start --demo`. */
export const DEMO_PASSWORD = 'corridor-demo-2026';

/**
 * Fictitious organisations of the NPL-ARE corridor. The employer and bank ids match the
 * salary file samples (shared/data/wps/samples): employer 0000009990001, routing 999100001.
 */
export interface DemoOrganisation {
  key: string;
  kind: OrganisationKind;
  country: string;
  name: string;
  person: string;
  email: string;
  external_id?: string;
}

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  { key: 'origin', kind: 'origin_authority', country: 'NPL', name: 'Department of Foreign Employment (demo)', person: 'Sita Sharma', email: 'dofe@demo.corridor' },
  { key: 'destination', kind: 'destination_authority', country: 'ARE', name: 'Ministry of Human Resources and Emiratisation (demo)', person: 'Omar Al Mansoori', email: 'mohre@demo.corridor' },
  { key: 'employer1', kind: 'employer', country: 'ARE', name: 'Al Noor Construction LLC', external_id: '0000009990001', person: 'Rashid Khan', email: 'alnoor@demo.corridor' },
  { key: 'employer2', kind: 'employer', country: 'ARE', name: 'Gulf Hospitality Group', external_id: '0000009990002', person: 'Maria Santos', email: 'gulfhospitality@demo.corridor' },
  { key: 'employer3', kind: 'employer', country: 'ARE', name: 'Emirates Facility Services', external_id: '0000009990003', person: 'Ahmed Saleh', email: 'efs@demo.corridor' },
  { key: 'agency_npl', kind: 'recruitment_agency', country: 'NPL', name: 'Himalayan Manpower Services', external_id: 'NPL-LIC-1234', person: 'Bikash Thapa', email: 'himalayan@demo.corridor' },
  { key: 'agency_are', kind: 'recruitment_agency', country: 'ARE', name: 'Dubai Recruitment Partners', external_id: 'ARE-LIC-5678', person: 'Fatima Noor', email: 'drp@demo.corridor' },
  { key: 'bank', kind: 'wage_agent', country: 'ARE', name: 'Emirates Test Bank', external_id: '999100001', person: 'Payroll desk', email: 'bank@demo.corridor' },
  { key: 'lender', kind: 'lender', country: 'NPL', name: 'Sajilo Migrant Finance', person: 'Loan desk', email: 'lender@demo.corridor' },
  { key: 'remitter', kind: 'remittance_provider', country: 'ARE', name: 'Himal Remit Exchange', person: 'Pricing desk', email: 'remit@demo.corridor' },
];

/** Person ids match the salary file samples (999000000000NN). */
export const DEMO_WORKERS: {
  full_name: string;
  sex: 'F' | 'M' | 'X';
  birth_date: string;
  passport_no: string;
  person_id: string;
  email?: string;
  language: string;
}[] = [
  { full_name: 'Ram Bahadur Gurung', sex: 'M', birth_date: '1994-02-11', passport_no: 'PA1000001', person_id: '99900000000001', email: 'ram@demo.corridor', language: 'ne' },
  { full_name: 'Sunita Tamang', sex: 'F', birth_date: '1997-07-23', passport_no: 'PA1000002', person_id: '99900000000002', email: 'sunita@demo.corridor', language: 'ne' },
  { full_name: 'Hari Prasad Adhikari', sex: 'M', birth_date: '1990-11-02', passport_no: 'PA1000003', person_id: '99900000000003', email: 'hari@demo.corridor', language: 'en' },
  { full_name: 'Maya Rai', sex: 'F', birth_date: '1999-05-30', passport_no: 'PA1000004', person_id: '99900000000004', language: 'ne' },
  { full_name: 'Bishnu Magar', sex: 'M', birth_date: '1992-09-14', passport_no: 'PA1000005', person_id: '99900000000005', language: 'ne' },
  { full_name: 'Gita Shrestha', sex: 'F', birth_date: '1996-01-08', passport_no: 'PA1000006', person_id: '99900000000006', email: 'gita@demo.corridor', language: 'ne' },
];
