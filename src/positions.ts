/** A position in a text file, 0-based. */
export interface Position {
  line: number;
  character: number;
}

/** A range of a text file, 0-based; every stage speaks of places in files with it. */
export interface Range {
  start: Position;
  end: Position;
}
