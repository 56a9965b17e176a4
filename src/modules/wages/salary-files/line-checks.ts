import type { TextLine } from './line-splitter.js';
import type { Problems } from './problems.js';

export type FieldNamer = (fields: readonly string[], index: number) => string;

const NON_ASCII = /[^\x00-\x7f]/;
const BOM = '\xef\xbb\xbf';

/**
 * Line-level rules shared by the line-oriented formats: length bound, character set,
 * blank lines and line endings (F8), spaces around fields (F9).
 */
export class LineChecks {
  /** Non-blank lines seen. */
  recordLines = 0;
  private ending?: { kind: TextLine['ending']; line: number };
  private endingWarned = false;
  private blankRun = 0;
  private blankStart = 0;

  constructor(
    private readonly problems: Problems,
    private readonly what: string,
    private readonly maxLine: number,
    private readonly nameField: FieldNamer = (_f, i) => `field ${i + 1}`,
  ) {}

  /**
   * The line's fields with surrounding spaces removed; undefined for a blank line
   * (not a record); null for a record line too broken to split.
   * `ascii`: true = plain ASCII required (UAE F1); false = UTF-8 text.
   */
  fields(line: TextLine, ascii: boolean): string[] | null | undefined {
    const n = line.number;
    this.checkEnding(line);
    let text = line.text;
    let nonAsciiAt = line.nonAsciiAt;
    if (n === 1 && text.startsWith(BOM)) {
      text = text.slice(3);
      nonAsciiAt = text.search(NON_ASCII);
      if (ascii) this.problems.error(1, 'line', `the file starts with a UTF-8 byte-order mark; ${this.what} is plain ASCII text`, 'byte_order_mark', { format: this.what });
    }
    if (text.trim() === '' && line.fullLength === undefined) {
      if (this.blankRun++ === 0) this.blankStart = n;
      return undefined;
    }
    this.flushBlanks();
    this.recordLines++;
    if (line.fullLength !== undefined) {
      this.problems.error(n, 'line', `the line has ${line.fullLength} characters; no line of ${this.what} is longer than ${this.maxLine}`, 'line_too_long', { length: line.fullLength, format: this.what, max: this.maxLine });
      return null;
    }
    if (nonAsciiAt !== -1) {
      if (ascii) {
        const byte = text.charCodeAt(nonAsciiAt).toString(16).toUpperCase();
        this.problems.error(n, 'line', `character ${nonAsciiAt + 1} (byte 0x${byte}) is not ASCII; ${this.what} is plain ASCII text`, 'not_ascii', { position: nonAsciiAt + 1, byte: `0x${byte}`, format: this.what });
      } else {
        text = Buffer.from(text, 'latin1').toString('utf8');
        if (text.includes('\uFFFD')) {
          this.problems.error(n, 'line', `the line is not valid UTF-8 text; save ${this.what} as UTF-8 or plain ASCII`, 'line_not_utf8', { format: this.what });
          return null;
        }
      }
    }
    const fields = text.split(',');
    for (let i = 0; i < fields.length; i++) {
      const raw = fields[i]!;
      if (raw.startsWith(' ') || raw.endsWith(' ')) {
        for (let j = i; j < fields.length; j++) fields[j] = fields[j]!.replace(/^ +| +$/g, '');
        this.problems.warn(n, this.nameField(fields, i), 'spaces around the value were removed; fields should not be padded with spaces', 'field_padded');
        break;
      }
    }
    return fields;
  }

  /** One trailing empty line is normal (F8); more are reported. */
  finish(): void {
    if (this.blankRun > 1) this.problems.warn(this.blankStart, 'line', `${this.blankRun} empty lines at the end of the file were ignored`, 'trailing_empty_lines', { count: this.blankRun });
  }

  private flushBlanks(): void {
    if (this.blankRun === 0) return;
    const lines = this.blankRun === 1 ? 'an empty line was' : `${this.blankRun} empty lines were`;
    this.problems.warn(this.blankStart, 'line', `${lines} ignored; records should follow one another without empty lines`, 'empty_lines', { count: this.blankRun });
    this.blankRun = 0;
  }

  private checkEnding(line: TextLine): void {
    if (line.ending === 'none') return;
    if (this.ending === undefined) this.ending = { kind: line.ending, line: line.number };
    else if (line.ending !== this.ending.kind && !this.endingWarned) {
      this.endingWarned = true;
      this.problems.warn(line.number, 'line', `the line ends with ${name(line.ending)} but line ${this.ending.line} with ${name(this.ending.kind)}; use one kind of line ending throughout`, 'mixed_line_endings', { ending: name(line.ending), first_line: this.ending.line, first_ending: name(this.ending.kind) });
    }
  }
}

function name(ending: TextLine['ending']): string {
  return ending === 'crlf' ? 'CR LF' : 'LF';
}
