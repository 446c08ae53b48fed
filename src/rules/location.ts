import type { Range } from '../positions';
import type { ResourceInstance } from '../template/expand/instance';

/** A place in a file the user wrote; 0-based positions. */
export interface SourceLocation {
  file: string;
  range: Range;
}

/** A place inside an instance's declaration: the JSON path is relative to the declaration. */
export interface InstancePlace {
  instance: ResourceInstance;
  path?: readonly (string | number)[];
}
