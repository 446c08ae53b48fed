import path from 'node:path';
import type { RelatedLocation, SourceLocation } from '../rules/finding';
import type { InstancePlace } from '../rules/rule';
import type { ResourceInstance } from '../template/expand/instance';
import type { SourceSpan } from '../template/location';
import { spanAtPath, type ParsedJson } from '../template/parse-json';
import { LineIndex } from './line-index';
import type { Locator } from './locator';

/** For ARM `.json` inputs: places are the template's own lines. */
export class JsonLocator implements Locator {
  private readonly lines: LineIndex;

  constructor(private readonly doc: ParsedJson) {
    this.lines = new LineIndex(doc.text);
  }

  toLocation(span: SourceSpan): SourceLocation {
    return {
      file: span.file,
      range: this.lines.rangeOf(span.offset, span.offset + span.length),
    };
  }

  locate(place: InstancePlace): SourceLocation {
    // A whole declaration is shown at its symbolic-name key (or, in an array, its opening brace).
    const wholeDeclaration = !place.path || place.path.length === 0;
    return this.toLocation(spanAtPath(this.doc, [...place.instance.jsonPath, ...(place.path ?? [])], wholeDeclaration));
  }

  // An ARM template has no directives.
  itemsAround(): SourceLocation[] {
    return [];
  }

  moduleChain(instance: ResourceInstance): RelatedLocation[] {
    return instance.deploymentChain.map((link) => ({
      location: this.toLocation(link.declaredAt),
      message: `nested deployment '${link.symbolicName}'`,
    }));
  }

  describeSpan(span: SourceSpan): string {
    const { line, character } = this.lines.positionAt(span.offset);
    return `${path.basename(span.file)}:${line + 1}:${character + 1}`;
  }
}
