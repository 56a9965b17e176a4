import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { SalaryFilesTable } from '../tables.js';

export const FileProblem = z.object({
  line: z.int().describe('1-based line; 0 means the file as a whole'),
  field: z.string(),
  message: z.string().describe('The problem in English'),
  code: z.string().optional().describe('What is wrong, as a code a client can word in its language (wages.file_problem.<code> in the web catalogs)'),
  params: z
    .record(z.string(), z.union([z.string(), z.number(), z.object({ amount_minor: z.int(), currency: z.string() })]))
    .optional()
    .describe('The values the message interpolates: texts, numbers, dates as ISO strings, amounts as {amount_minor, currency}'),
});
export type FileProblem = z.infer<typeof FileProblem>;

/** What Corridor answers for every file received, and keeps. */
export const Acknowledgement = z.object({
  id: z.string().describe('Acknowledgement id'),
  file_name: z.string(),
  status: z.enum(['accepted', 'rejected', 'duplicate']).describe('accepted whole, rejected whole, or the same bytes as an accepted file (nothing counted again)'),
  format: z.string().describe('uae-sif, qatar-sif, csv or unknown'),
  sha256: z.string(),
  employer_id: z.string().nullable().describe('The employer organisation, when known and allowed to the submitter'),
  employer_external_id: z.string().nullable().describe('The employer id the file states'),
  salary_month: z.string().nullable().describe('YYYY-MM'),
  file_created_on: z.string().nullable().describe('YYYY-MM-DD: the date the payments count as paid'),
  currency: z.string().nullable(),
  records: z.int().describe('Payment records in the file'),
  total_minor: z.int().describe('Sum of the records, in minor units'),
  control_count: z.int().nullable(),
  control_total_minor: z.int().nullable(),
  error_count: z.int(),
  warning_count: z.int(),
  errors: z.array(FileProblem),
  warnings: z.array(FileProblem),
  duplicate_of: z.string().nullable().describe('For a duplicate: the accepted file with the same bytes'),
  received_at: z.string(),
});
export type Acknowledgement = z.infer<typeof Acknowledgement>;

export type SalaryFileRow = Selectable<SalaryFilesTable>;

export const toAcknowledgement = (row: SalaryFileRow): Acknowledgement => ({
  id: row.id,
  file_name: row.file_name,
  status: row.status,
  format: row.format,
  sha256: row.sha256,
  employer_id: row.employer_id,
  employer_external_id: row.employer_external_id,
  salary_month: row.salary_month ? row.salary_month.slice(0, 7) : null,
  file_created_on: row.file_created_on,
  currency: row.currency,
  records: row.record_count,
  total_minor: row.total_minor,
  control_count: row.control_count,
  control_total_minor: row.control_total_minor,
  error_count: row.error_count,
  warning_count: row.warning_count,
  errors: row.errors as FileProblem[],
  warnings: row.warnings as FileProblem[],
  duplicate_of: row.duplicate_of,
  received_at: row.received_at.toISOString(),
});
