/** A place in a source file: 0-based offsets into the file's text. */
export interface SourceSpan {
  file: string;
  offset: number;
  length: number;
}
