import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../core/errors.js';
import type { SalaryFileFormat, UaeProfile } from '../salary-files/index.js';
import type { IncomingFile } from './import-salary-files.js';

/**
 * A salary file on disk. One object per file with its behaviour on the prototype: a UAE-size
 * month is 300,000 files, and a closure per file, or a path made by path.join (a string of
 * about 370 bytes in V8, measured), held the intake's list at 185 MB instead of about 40.
 */
export class SalaryFileOnDisk implements IncomingFile {
  constructor(
    readonly path: string,
    readonly format?: SalaryFileFormat,
    readonly profiles?: readonly UaeProfile[],
  ) {}

  get name(): string {
    return basename(this.path);
  }

  open() {
    return createReadStream(this.path);
  }
}

/**
 * The files named, in the order given; a folder stands for the files directly in it, by name
 * (not its subfolders, nor hidden files such as .DS_Store). A month of salary files is too many
 * for a command line (the shell's limit is about 2 MB of arguments; 300,000 paths are 20 MB).
 * A name that is neither a file nor a folder is refused before anything is read.
 */
export async function salaryFilesAt(paths: readonly string[], format?: SalaryFileFormat, profiles?: readonly UaeProfile[]): Promise<SalaryFileOnDisk[]> {
  const files: SalaryFileOnDisk[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) files.push(new SalaryFileOnDisk(path, format, profiles));
    else if (info?.isDirectory()) {
      const folder = path.endsWith('/') ? path : `${path}/`;
      const names = (await readdir(path, { withFileTypes: true })).filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name);
      for (const name of names.sort()) files.push(new SalaryFileOnDisk(folder + name, format, profiles));
    } else throw new AppError('bad_request', `Cannot read ${path}: no such file or folder`);
  }
  return files;
}
