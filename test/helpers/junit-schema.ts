/**
 * A strict reader of the XML that JUnit reports use, and a check of the JUnit report shape (the
 * elements, attributes and counts of the JUnit XSD that CI servers read): enough to fail a test on
 * malformed XML, an unescaped character, an unknown element or attribute, or counts that disagree.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  if (/[<]/.test(raw)) throw new Error(`unescaped '<' at ${where}`);
  return raw.replace(/&([^;]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error(`an '&' that starts no entity at ${where}`);
    if (name in ENTITIES) return ENTITIES[name]!;
    const code = /^#x([0-9a-f]+)$/i.exec(name)?.[1] ?? /^#(\d+)$/.exec(name)?.[1];
    if (code === undefined) throw new Error(`unknown entity &${name}; at ${where}`);
    return String.fromCodePoint(name.startsWith('#x') ? parseInt(code, 16) : Number(code));
  });
}

/** Parses a document made of a prolog, elements, double-quoted attributes and text. */
export function parseXml(text: string): XmlElement {
  const prolog = /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/.exec(text);
  if (!prolog) throw new Error('no XML 1.0 UTF-8 prolog');
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(text)) throw new Error('a character XML 1.0 cannot hold');
  let at = prolog[0].length;
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const tag = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[A-Za-z][\w.-]*="[^"]*")*)\s*(\/?)>/y;
  while (at < text.length) {
    const next = text.indexOf('<', at);
    const end = next < 0 ? text.length : next;
    stack.at(-1)!.text += decode(text.slice(at, end), at);
    if (next < 0) break;
    tag.lastIndex = next;
    const match = tag.exec(text);
    if (!match) throw new Error(`malformed markup at ${next}: ${text.slice(next, next + 40)}`);
    const [, closing, name, attributeText, selfClosing] = match;
    if (closing) {
      const open = stack.pop()!;
      if (open.name !== name || stack.length === 0) throw new Error(`</${name}> closes <${open.name}> at ${next}`);
    } else {
      const attributes: Record<string, string> = {};
      for (const a of attributeText!.matchAll(/([A-Za-z][\w.-]*)="([^"]*)"/g)) {
        if (a[1]! in attributes) throw new Error(`attribute ${a[1]} twice at ${next}`);
        attributes[a[1]!] = decode(a[2]!, next);
      }
      const element: XmlElement = { name: name!, attributes, children: [], text: '' };
      stack.at(-1)!.children.push(element);
      if (!selfClosing) stack.push(element);
    }
    at = tag.lastIndex;
  }
  if (stack.length !== 1 || root.children.length !== 1 || root.text.trim() !== '') throw new Error('not one root element');
  return root.children[0]!;
}

type AttributeType = 'string' | 'count' | 'decimal';

interface ElementShape {
  attributes: Record<string, AttributeType>;
  required: string[];
  /** Allowed child elements with their largest number. */
  children: Record<string, number>;
  text: boolean;
}

const MESSAGE = { attributes: { message: 'string', type: 'string' } as Record<string, AttributeType>, required: [], children: {}, text: true };
const OUTPUT = { attributes: {}, required: [], children: {}, text: true };

/** The JUnit XSD's elements: what each may hold. */
const SHAPE: Record<string, ElementShape> = {
  testsuites: { attributes: { name: 'string', tests: 'count', failures: 'count', errors: 'count', skipped: 'count', disabled: 'count', time: 'decimal' }, required: [], children: { testsuite: Infinity }, text: false },
  testsuite: {
    attributes: { name: 'string', tests: 'count', failures: 'count', errors: 'count', skipped: 'count', disabled: 'count', time: 'decimal', timestamp: 'string', hostname: 'string', id: 'string', package: 'string', file: 'string' },
    required: ['name', 'tests'],
    children: { properties: 1, testcase: Infinity, 'system-out': 1, 'system-err': 1 },
    text: false,
  },
  properties: { attributes: {}, required: [], children: { property: Infinity }, text: false },
  property: { attributes: { name: 'string', value: 'string' }, required: ['name', 'value'], children: {}, text: false },
  testcase: {
    attributes: { name: 'string', classname: 'string', assertions: 'count', time: 'decimal', status: 'string' },
    required: ['name'],
    children: { skipped: 1, error: Infinity, failure: Infinity, 'system-out': Infinity, 'system-err': Infinity },
    text: false,
  },
  skipped: { attributes: { message: 'string' }, required: [], children: {}, text: true },
  failure: MESSAGE,
  error: MESSAGE,
  'system-out': OUTPUT,
  'system-err': OUTPUT,
};

const TYPES: Record<AttributeType, RegExp> = { string: /^[^]*$/, count: /^\d+$/, decimal: /^\d+(\.\d+)?$/ };

function check(element: XmlElement, problems: string[], where: string): void {
  const shape = SHAPE[element.name];
  if (!shape) return void problems.push(`${where}: unknown element <${element.name}>`);
  for (const [name, value] of Object.entries(element.attributes)) {
    const type = shape.attributes[name];
    if (!type) problems.push(`${where}: <${element.name}> has no attribute ${name}`);
    else if (!TYPES[type].test(value)) problems.push(`${where}: ${name}="${value}" is not a ${type}`);
  }
  for (const name of shape.required) if (!(name in element.attributes)) problems.push(`${where}: <${element.name}> lacks ${name}`);
  if (!shape.text && element.text.trim() !== '') problems.push(`${where}: <${element.name}> holds text`);
  for (const [name, most] of Object.entries(shape.children)) {
    if (element.children.filter((c) => c.name === name).length > most) problems.push(`${where}: more than ${most} <${name}> in <${element.name}>`);
  }
  for (const child of element.children) {
    if (!(child.name in shape.children)) problems.push(`${where}: <${child.name}> cannot be in <${element.name}>`);
    check(child, problems, `${where}/${child.name}`);
  }
}

/** Each case's outcome, as a viewer counts it: a failure or error makes it so; else a skipped element. */
function outcome(testcase: XmlElement): 'errors' | 'failures' | 'skipped' | 'passed' {
  const has = (name: string) => testcase.children.some((c) => c.name === name);
  return has('error') ? 'errors' : has('failure') ? 'failures' : has('skipped') ? 'skipped' : 'passed';
}

/** What breaks the JUnit shape, or disagrees with the counts the report states; empty when valid. */
export function junitProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  if (root.name !== 'testsuites') problems.push(`the root is <${root.name}>, not <testsuites>`);
  check(root, problems, root.name);
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const suite of root.children) {
    const cases = suite.children.filter((c) => c.name === 'testcase');
    const counts = { tests: cases.length, failures: 0, errors: 0, skipped: 0 };
    for (const c of cases) {
      const o = outcome(c);
      if (o !== 'passed') counts[o] += 1;
    }
    for (const [name, value] of Object.entries(counts)) {
      totals[name as keyof typeof totals] += value;
      if (suite.attributes[name] !== undefined && Number(suite.attributes[name]) !== value) problems.push(`suite ${suite.attributes.name} says ${name}=${suite.attributes[name]}, has ${value}`);
    }
  }
  for (const [name, value] of Object.entries(totals)) {
    if (root.attributes[name] !== undefined && Number(root.attributes[name]) !== value) problems.push(`testsuites says ${name}=${root.attributes[name]}, has ${value}`);
  }
  return problems;
}
