import type { RelatedLocation, SourceLocation } from '../rules/finding';
import type { InstancePlace } from '../rules/rule';
import type { ResourceInstance } from '../template/expand/instance';
import type { SourceSpan } from '../template/location';

/** Turns places in the compiled template into places in the files the user wrote. */
export interface Locator {
  locate(place: InstancePlace): SourceLocation;
  /** The array items of the source that hold the place, outermost first: a directive before one applies inside it. */
  itemsAround(place: InstancePlace): SourceLocation[];
  /** The module declarations from the entry file down to the instance's template. */
  moduleChain(instance: ResourceInstance): RelatedLocation[];
  /** `file:line:column` of a span of the compiled template, for messages. */
  describeSpan(span: SourceSpan): string;
}
