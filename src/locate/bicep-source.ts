import fs from 'node:fs';
import path from 'node:path';
import Parser from 'web-tree-sitter';
import type { Range } from '../positions';
import { packageRoot } from '../package-info';
import { LineIndex } from './line-index';

type SyntaxNode = Parser.SyntaxNode;

let parserReady: Promise<Parser> | undefined;

const GRAMMAR = 'tree-sitter-bicep.wasm';

/** A parser with the Bicep grammar (tree-sitter-bicep's WASM build), loaded once per process. */
export function bicepParser(): Promise<Parser> {
  parserReady ??= (async () => {
    await Parser.init();
    // The build copies the grammar beside the bundles (dist/cli.js, the Action's action/index.js) and into dist/ for the
    // library's modules: the package does not depend on tree-sitter-bicep. From the sources, it is the dev dependency's.
    const copied = [path.join(__dirname, GRAMMAR), path.join(packageRoot, 'dist', GRAMMAR)].find((file) => fs.existsSync(file));
    const language = await Parser.Language.load(copied ?? require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserReady;
}

/** A module path that names a file beside the caller, not a registry (`br:`) or template spec (`ts:`). */
export function isLocalModule(modulePath: string): boolean {
  return !/^(br|ts)[:/]/i.test(modulePath);
}

const DECLARATIONS = new Set(['resource_declaration', 'module_declaration']);

/**
 * A node's children without comments and directives (`#disable-next-line`), which the grammar
 * lets stand anywhere: positions (the nth array item, a declaration's last part) count only these.
 */
function syntaxChildren(node: SyntaxNode): SyntaxNode[] {
  return node.namedChildren.filter((c) => !c.isExtra);
}

function identifierOf(node: SyntaxNode): string | undefined {
  return node.namedChildren.find((c) => c.type === 'identifier')?.text;
}

/** The object a declaration or a value deploys: through `if (...)` and `[for ...: ...]`. */
function bodyOf(node: SyntaxNode | null | undefined): SyntaxNode | undefined {
  if (!node) return undefined;
  if (node.type === 'object') return node;
  if (node.type === 'if_statement' || node.type === 'for_statement') return bodyOf(syntaxChildren(node).at(-1));
  return undefined;
}

function declarationBody(declaration: SyntaxNode): SyntaxNode | undefined {
  return bodyOf(syntaxChildren(declaration).at(-1));
}

function propertyKey(property: SyntaxNode): string | undefined {
  const key = syntaxChildren(property)[0];
  if (!key) return undefined;
  return key.type === 'string' ? key.namedChildren.find((c) => c.type === 'string_content')?.text ?? '' : key.text;
}

function stringValue(node: SyntaxNode | undefined): string | undefined {
  if (node?.type !== 'string' || node.namedChildren.some((c) => c.type !== 'string_content')) return undefined;
  return node.namedChildren[0]?.text ?? '';
}

/** The nodes that name another file: `module`, `using`, `import ... from` and the `load...()` functions. */
function referencedPathNode(node: SyntaxNode): SyntaxNode | undefined {
  switch (node.type) {
    case 'module_declaration':
      return syntaxChildren(node)[1];
    case 'using_statement':
    case 'import_functionality':
      return node.namedChildren.find((c) => c.type === 'string');
    case 'call_expression':
      return /^load/.test(node.childForFieldName('function')?.text ?? '') ? node.childForFieldName('arguments')?.namedChildren[0] : undefined;
    default:
      return undefined;
  }
}

// `extends './base.bicepparam'` at the start of a line.
const EXTENDS = /^(\s*extends\s+')([^']+)'/gm;

export interface FileReference {
  /** As written, e.g. `../modules/acr.bicep`. */
  path: string;
  range: Range;
}

const parsedSources = new Map<string, BicepSourceFile>();

/** One Bicep file, parsed with a real Bicep grammar, for positions of declarations and properties. */
export class BicepSourceFile {
  private readonly lines: LineIndex;

  private constructor(
    readonly file: string,
    private readonly root: SyntaxNode,
    private readonly text: string,
  ) {
    this.lines = new LineIndex(text);
  }

  /** The file as it reads now; parsed once per content, since a run looks at each file several times (boundary, references, locations). */
  static parse(file: string, parser: Parser): BicepSourceFile {
    const text = fs.readFileSync(file, 'utf8');
    const known = parsedSources.get(file);
    if (known?.text === text) return known;
    const source = new BicepSourceFile(file, parser.parse(text).rootNode, text);
    parsedSources.set(file, source);
    return source;
  }

  /** Whether the grammar left part of the file unparsed (valid Bicep it does not know): a declaration there may be missed. */
  get hasGrammarGaps(): boolean {
    return this.root.hasError;
  }

  /**
   * The same file with only one declaration left, at its own place (every other character but line
   * breaks blanked): where the grammar cannot parse the file, it often still parses the declaration.
   */
  alone(range: Range, parser: Parser): BicepSourceFile {
    const start = this.lines.offsetAt(range.start);
    const end = this.lines.offsetAt(range.end);
    const blank = (text: string) => text.replace(/[^\r\n]/g, ' ');
    const text = blank(this.text.slice(0, start)) + this.text.slice(start, end) + blank(this.text.slice(end));
    return new BicepSourceFile(this.file, parser.parse(text).rootNode, text);
  }

  range(node: SyntaxNode): Range {
    return this.lines.rangeOf(node.startIndex, node.endIndex);
  }

  /** A `resource` or `module` declaration by symbol; `parent::child` finds a nested resource. */
  declaration(symbol: string): SyntaxNode | undefined {
    let scope: SyntaxNode | undefined = this.root;
    let found: SyntaxNode | undefined;
    for (const name of symbol.split('::')) {
      const candidates: SyntaxNode[] =
        scope === this.root
          ? scope.namedChildren
          : (scope?.namedChildren ?? []).filter((p) => p.type === 'object_property').map((p) => p.namedChildren[0]!);
      found = candidates.find((c) => DECLARATIONS.has(c.type) && identifierOf(c) === name);
      if (!found) return undefined;
      scope = declarationBody(found);
    }
    return found;
  }

  /** The path a `module` declaration names (`./m.bicep`, `br:...`), when it is a plain string. */
  modulePath(symbol: string): string | undefined {
    const declaration = this.declaration(symbol);
    return declaration?.type === 'module_declaration' ? stringValue(syntaxChildren(declaration)[1]) : undefined;
  }

  /** Every local file the source names with a plain string (registries and template specs left out). */
  fileReferences(): readonly FileReference[] {
    // A walk of the whole tree: a run asks several times for each file (boundary, references, compile).
    this.references ??= this.findFileReferences();
    return this.references;
  }

  private references: FileReference[] | undefined;

  /**
   * Whether `fileReferences()` names every file this one reads: the grammar parses it whole, and
   * every module, import and `load…()` names a local path as a plain string (not a registry, not an
   * expression).
   */
  get namesAllItReads(): boolean {
    this.fileReferences();
    return !this.hasGrammarGaps && this.everyPathPlain;
  }

  private everyPathPlain = true;

  private findFileReferences(): FileReference[] {
    const found: FileReference[] = [];
    const visit = (node: SyntaxNode) => {
      const target = referencedPathNode(node);
      const written = stringValue(target ?? undefined);
      if (target && written !== undefined && isLocalModule(written)) found.push({ path: written, range: this.range(target) });
      else if (target) this.everyPathPlain = false;
      for (const child of node.namedChildren) visit(child);
    };
    visit(this.root);
    return [...found, ...this.extendsReferences()];
  }

  /** The `br:` and `ts:` modules the source declares, with the range of each path. */
  registryModules(): FileReference[] {
    return this.root.namedChildren.flatMap((node) => {
      const target = node.type === 'module_declaration' ? syntaxChildren(node)[1] : undefined;
      const written = stringValue(target);
      return target && written !== undefined && !isLocalModule(written) ? [{ path: written, range: this.range(target) }] : [];
    });
  }

  // The grammar predates `extends` in .bicepparam files and parses it as an error: read it from the text.
  private extendsReferences(): FileReference[] {
    if (!this.file.toLowerCase().endsWith('.bicepparam')) return [];
    return [...this.text.matchAll(EXTENDS)].map((match) => {
      const start = match.index! + match[1]!.length;
      return { path: match[2]!, range: this.lines.rangeOf(start, start + match[2]!.length) };
    });
  }

  /** The `targetScope = '...'` line, where a template says where it deploys. */
  targetScope(): SyntaxNode | undefined {
    return this.root.namedChildren.find((c) => c.type === 'target_scope_assignment');
  }

  /** The `param` declaration of a parameter. */
  parameter(name: string): SyntaxNode | undefined {
    return this.root.namedChildren.find((c) => c.type === 'parameter_declaration' && identifierOf(c) === name);
  }

  /**
   * The node for a property path of a declaration's body (the compiled resource's own keys:
   * `properties`, `logs`, 0, `enabled`), or the deepest part of the path the source spells out:
   * a value that comes from a variable or a loop is shown where it is used.
   */
  property(declaration: SyntaxNode, path: readonly (string | number)[]): SyntaxNode {
    return this.walk(declaration, path).node;
  }

  /** The array items the source spells out on the way to a property, outermost first (a directive before an item covers what is inside it). */
  itemsAround(declaration: SyntaxNode, path: readonly (string | number)[]): SyntaxNode[] {
    return this.walk(declaration, path).items;
  }

  private walk(declaration: SyntaxNode, path: readonly (string | number)[]): { node: SyntaxNode; items: SyntaxNode[] } {
    let node: SyntaxNode = declaration;
    let value = declarationBody(declaration);
    const items: SyntaxNode[] = [];
    for (const segment of path) {
      if (value?.type === 'for_statement') value = bodyOf(value);
      if (typeof segment === 'string' && value?.type === 'object') {
        const property = value.namedChildren.find((p) => p.type === 'object_property' && propertyKey(p)?.toLowerCase() === segment.toLowerCase());
        if (!property) break;
        node = property;
        value = syntaxChildren(property)[1];
      } else if (typeof segment === 'number' && value?.type === 'array') {
        const item = syntaxChildren(value)[segment];
        if (!item) break;
        node = item;
        value = item;
        items.push(item);
      } else {
        break;
      }
    }
    return { node, items };
  }
}
