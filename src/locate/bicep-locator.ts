import fs from 'node:fs';
import path from 'node:path';
import { findNodeAtOffset, getNodePath } from 'jsonc-parser';
import type { CompiledDeclaration } from '../bicep/compile-output';
import type { Range } from '../positions';
import type { RelatedLocation, SourceLocation } from '../rules/finding';
import type { InstancePlace } from '../rules/rule';
import type { ResourceInstance } from '../template/expand/instance';
import type { SourceSpan } from '../template/location';
import { parseJsonWithPositions, spanAtPath, type ParsedJson } from '../template/parse-json';
import type Parser from 'web-tree-sitter';
import { bicepParser, BicepSourceFile, isLocalModule } from './bicep-source';
import { FILE_START, LineIndex } from './line-index';
import type { Locator } from './locator';

/** `main.bicep:3:1`, as messages name a place. */
function placeText(location: SourceLocation): string {
  const { line, character } = location.range.start;
  return `${path.basename(location.file)}:${line + 1}:${character + 1}`;
}

/** A local ARM JSON module, reached after `depth` module levels. */
interface JsonModule {
  file: string;
  depth: number;
}

/** Module symbols of a compiled template path: `resources.m.properties.template.resources.n...` → [m, n]. */
function moduleSymbols(jsonPath: readonly (string | number)[]): string[] {
  const symbols: string[] = [];
  for (let i = 0; i + 3 < jsonPath.length; i += 4) {
    if (jsonPath[i] !== 'resources' || jsonPath[i + 2] !== 'properties' || jsonPath[i + 3] !== 'template') break;
    symbols.push(String(jsonPath[i + 1]));
  }
  return symbols;
}

/**
 * For Bicep inputs: places in the compiled template become places in the Bicep files, found by
 * parsing them: the `resource` or `module` declaration, and inside it the property the finding
 * is about where the source spells it out. Local modules are followed into their own files; a
 * registry in a `br:` or `ts:` module is placed on the `module` declaration in the user's file.
 * Where the grammar cannot parse a declaration (valid Bicep newer than the grammar), the
 * compiler's own range of it is used, and its module path, so that no finding moves to 1:1.
 */
export class BicepLocator implements Locator {
  private readonly sources = new Map<string, BicepSourceFile>();
  private readonly jsonModules = new Map<string, ParsedJson>();
  private readonly alone = new Map<string, BicepSourceFile>();

  private constructor(
    private readonly entryFile: string,
    private readonly compiled: ParsedJson,
    private readonly parser: Parser,
    private readonly declarations: Readonly<Record<string, readonly CompiledDeclaration[]>>,
  ) {}

  static async create(entryFile: string, compiled: ParsedJson, declarations: Readonly<Record<string, readonly CompiledDeclaration[]>> = {}): Promise<BicepLocator> {
    return new BicepLocator(entryFile, compiled, await bicepParser(), declarations);
  }

  locate(place: InstancePlace): SourceLocation {
    const { source, stoppedAt, jsonModule } = this.sourceOf(place.instance.deploymentChain.map((l) => l.symbolicName));
    if (jsonModule) return this.locateInJsonModule(jsonModule, [...place.instance.jsonPath, ...(place.path ?? [])], !place.path || place.path.length === 0);
    if (stoppedAt) return stoppedAt;
    if (place.instance.symbolicName === '') {
      // The template itself (the scope it deploys to): its `targetScope` line.
      const targetScope = source.targetScope();
      return { file: source.file, range: targetScope ? source.range(targetScope) : FILE_START };
    }
    const found = this.parsedDeclaration(source, place.instance.symbolicName);
    if (!found) return { file: source.file, range: this.compiledDeclaration(source.file, place.instance.symbolicName)?.range ?? FILE_START };
    return { file: source.file, range: found.source.range(found.source.property(found.declaration, place.path ?? [])) };
  }

  itemsAround(place: InstancePlace): SourceLocation[] {
    const { source, stoppedAt, jsonModule } = this.sourceOf(place.instance.deploymentChain.map((l) => l.symbolicName));
    const found = jsonModule || stoppedAt ? undefined : this.parsedDeclaration(source, place.instance.symbolicName);
    return found ? found.source.itemsAround(found.declaration, place.path ?? []).map((item) => ({ file: source.file, range: found.source.range(item) })) : [];
  }

  /** A declaration's syntax: in the file's parse, else in a parse of the compiler's range of it alone. */
  private parsedDeclaration(source: BicepSourceFile, symbol: string): { source: BicepSourceFile; declaration: Parser.SyntaxNode } | undefined {
    const declaration = source.declaration(symbol);
    if (declaration) return { source, declaration };
    const compiled = this.compiledDeclaration(source.file, symbol);
    if (!compiled) return undefined;
    // A loop of 800 instances asks 800 times: parse once.
    const key = `${source.file}\0${symbol}`;
    let alone = this.alone.get(key);
    if (!alone) this.alone.set(key, (alone = source.alone(compiled.range, this.parser)));
    // A nested `parent::child` stands alone as its last part.
    const own = alone.declaration(symbol.split('::').at(-1)!);
    return own ? { source: alone, declaration: own } : undefined;
  }

  /** The compiler's range of a declaration, where the grammar does not find it. */
  private compiledDeclaration(file: string, symbol: string): CompiledDeclaration | undefined {
    return this.declarations[file]?.find((d) => d.symbol === symbol);
  }

  /** A declaration's range and module path: from the grammar, else from the compiler. */
  private declared(source: BicepSourceFile, symbol: string): { range: Range; modulePath?: string } | undefined {
    const node = source.declaration(symbol);
    if (node) {
      const modulePath = source.modulePath(symbol);
      return { range: source.range(node), ...(modulePath === undefined ? {} : { modulePath }) };
    }
    return this.compiledDeclaration(source.file, symbol);
  }

  moduleChain(instance: ResourceInstance): RelatedLocation[] {
    const related: RelatedLocation[] = [];
    for (let depth = 0; depth < instance.deploymentChain.length; depth += 1) {
      const symbols = instance.deploymentChain.slice(0, depth).map((l) => l.symbolicName);
      const { source, stoppedAt } = this.sourceOf(symbols);
      const symbol = instance.deploymentChain[depth]!.symbolicName;
      const declared = stoppedAt ? undefined : this.declared(source, symbol);
      if (!declared) break;
      related.push({ location: { file: source.file, range: declared.range }, message: `module '${symbol}'` });
    }
    return related;
  }

  describeSpan(span: SourceSpan): string {
    const node = findNodeAtOffset(this.compiled.root, span.offset, true);
    const jsonPath = node ? getNodePath(node) : [];
    const at = jsonPath.lastIndexOf('parameters');
    const name = jsonPath[at + 1];
    const { source, stoppedAt, jsonModule } = this.sourceOf(moduleSymbols(at >= 0 ? jsonPath.slice(0, at) : jsonPath));
    if (jsonModule) return placeText(this.locateInJsonModule(jsonModule, jsonPath));
    // A registry module's own template is not the user's to read: show the declaration that pulls it in.
    if (stoppedAt && stoppedAt.range !== FILE_START) return `${placeText(stoppedAt)}, inside the registry module declared there`;
    const parameter = !stoppedAt && at >= 0 && typeof name === 'string' ? source.parameter(name) : undefined;
    return parameter ? placeText({ file: source.file, range: source.range(parameter) }) : path.basename(source.file);
  }

  /** The parsed file that declares the template at the end of a chain of module symbols. */
  private sourceOf(symbols: readonly string[]): { source: BicepSourceFile; stoppedAt?: SourceLocation; jsonModule?: JsonModule } {
    let source = this.source(this.entryFile);
    for (const [depth, symbol] of symbols.entries()) {
      const declared = this.declared(source, symbol);
      const modulePath = declared?.modulePath;
      if (!declared || modulePath === undefined || !isLocalModule(modulePath)) {
        return { source, stoppedAt: { file: source.file, range: declared?.range ?? FILE_START } };
      }
      const file = path.resolve(path.dirname(source.file), modulePath);
      if (/\.jsonc?$/i.test(file)) return { source, jsonModule: { file, depth: depth + 1 } };
      source = this.source(file);
    }
    return { source };
  }

  /** An ARM JSON module's template is inlined as written: the rest of the compiled path is a path in that file. */
  private locateInJsonModule(module: JsonModule, compiledPath: readonly (string | number)[], wholeDeclaration = true): SourceLocation {
    let doc = this.jsonModules.get(module.file);
    if (!doc) {
      doc = parseJsonWithPositions(module.file, fs.readFileSync(module.file, 'utf8'));
      this.jsonModules.set(module.file, doc);
    }
    // Each module level of the compiled path is `resources.<symbol>.properties.template`.
    const span = spanAtPath(doc, compiledPath.slice(module.depth * 4), wholeDeclaration);
    return { file: module.file, range: new LineIndex(doc.text).rangeOf(span.offset, span.offset + span.length) };
  }

  private source(file: string): BicepSourceFile {
    let source = this.sources.get(file);
    if (!source) {
      source = BicepSourceFile.parse(file, this.parser);
      this.sources.set(file, source);
    }
    return source;
  }
}
