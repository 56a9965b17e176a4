export { detectFormat } from './detect-format.js';
export { parseSalaryFile, type ByteSource, type ParseSalaryFileOptions } from './parse-salary-file.js';
export type {
  FileProblem, ParsedSalaryFile, QatarRecordDetails, SalaryFileContent, SalaryFileFormat, SalaryRecord, UaeProfile, VariablePay,
} from './salary-file.js';
export { UAE_PROFILES } from './salary-file.js';
export { uaeSifFileName, writeUaeSif, type UaeSifFile, type UaeSifRecordInput } from './uae-sif-writer.js';
export { writeSalaryCsv, type SalaryCsvFile } from './salary-csv-writer.js';
export { formatMinor, parseAmount } from './amount.js';
