/** Splits a byte stream into lines without holding more than one line in memory. */

export interface TextLine {
  /** 1-based. */
  number: number;
  /**
   * The line's bytes read as Latin-1 (one character per byte), so the split is
   * byte-exact across chunk boundaries; a parser that wants UTF-8 re-decodes.
   */
  text: string;
  ending: 'crlf' | 'lf' | 'none';
  /** Position of the first byte above 0x7F, or -1. */
  nonAsciiAt: number;
  /** Set when the line was longer than the limit; `text` then holds only its start. */
  fullLength?: number;
}

const NON_ASCII = /[^\x00-\x7f]/;

export class LineSplitter {
  private carry = '';
  private overflow = 0;
  private count = 0;

  constructor(
    private readonly onLine: (line: TextLine) => void,
    private readonly maxLineLength = 4096,
  ) {}

  push(chunk: Uint8Array): void {
    const text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      this.append(text.slice(start, nl));
      this.emit(true);
      start = nl + 1;
    }
    this.append(text.slice(start));
  }

  /** A last line without terminator is still a line; an empty remainder is not. */
  end(): void {
    if (this.carry !== '' || this.overflow > 0) this.emit(false);
  }

  get lineCount(): number {
    return this.count;
  }

  private append(piece: string): void {
    const room = this.maxLineLength + 1 - this.carry.length;
    if (piece.length <= room) this.carry += piece;
    else {
      this.carry += piece.slice(0, room);
      this.overflow += piece.length - room;
    }
  }

  private emit(terminated: boolean): void {
    let text = this.carry;
    let length = text.length + this.overflow;
    let ending: TextLine['ending'] = terminated ? 'lf' : 'none';
    if (terminated && this.overflow === 0 && text.endsWith('\r')) {
      text = text.slice(0, -1);
      length--;
      ending = 'crlf';
    }
    const line: TextLine = { number: ++this.count, text, ending, nonAsciiAt: text.search(NON_ASCII) };
    if (length > this.maxLineLength) {
      line.text = text.slice(0, this.maxLineLength);
      line.fullLength = length;
    }
    this.carry = '';
    this.overflow = 0;
    this.onLine(line);
  }
}
