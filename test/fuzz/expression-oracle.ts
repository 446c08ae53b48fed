import type { Random } from './random';

/** What evaluating an oracle expression must give: its value, or an ExpressionError (not a limit). */
export type Expected = { value: OracleValue } | { error: true };
export type OracleValue = number | string | boolean | OracleValue[];

/** ARM would reject the expression; the evaluator must throw an ExpressionError. */
class Refused extends Error {}

/** An expression with a lazily computed expected value, so that if/and/or skip what ARM skips. */
interface Node<T extends OracleValue> {
  text: string;
  value(): T;
}

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function exact(n: number): number {
  if (!Number.isSafeInteger(n)) throw new Refused();
  return n === 0 ? 0 : n;
}

/** armString: how format(), concat() and string() write a value. */
function written(value: OracleValue): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

const LETTERS = "abcXYZ -_'[]{}.,0";

/**
 * Generates expressions over plain integers, ASCII strings, bools and arrays of integers from
 * functions whose meaning is simple to state, together with the value the evaluator must give.
 * Unlike the grammar generator this checks results, not only that the outcome is structured.
 */
class OracleGenerator {
  constructor(
    private readonly rng: Random,
    private readonly maxDepth: number,
  ) {}

  private call<T extends OracleValue>(name: string, args: readonly Node<OracleValue>[], value: () => T): Node<T> {
    const space = () => (this.rng.chance(0.9) ? '' : ' ');
    return { text: `${name}(${args.map((a) => `${space()}${a.text}`).join(',')})`, value };
  }

  private leaf(depth: number): boolean {
    return depth >= this.maxDepth || this.rng.chance(0.3);
  }

  int(depth: number): Node<number> {
    const rng = this.rng;
    if (this.leaf(depth)) {
      const n = rng.int(-50, 50);
      return { text: String(n), value: () => n };
    }
    const d = depth + 1;
    return rng.pick<() => Node<number>>([
      () => {
        const [name, op] = rng.pick<[string, (a: number, b: number) => number]>([
          ['add', (a, b) => a + b],
          ['sub', (a, b) => a - b],
          ['mul', (a, b) => a * b],
          ['div', (a, b) => (b === 0 ? Number.NaN : Math.trunc(a / b))],
          ['mod', (a, b) => (b === 0 ? Number.NaN : a % b)],
        ]);
        const [a, b] = [this.int(d), this.int(d)];
        return this.call(name, [a, b], () => exact(op(a.value(), b.value())));
      },
      () => {
        const [name, pick] = rng.pick<[string, (...n: number[]) => number]>([['min', Math.min], ['max', Math.max]]);
        const args = Array.from({ length: rng.int(1, 3) }, () => this.int(d));
        return this.call(name, args, () => pick(...args.map((a) => a.value())));
      },
      () => {
        const s = rng.chance(0.5) ? this.string(d) : this.array(d);
        return this.call('length', [s], () => s.value().length);
      },
      () => {
        const [test, a, b] = [this.bool(d), this.int(d), this.int(d)];
        return this.call('if', [test, a, b], () => (test.value() ? a.value() : b.value()));
      },
      () => {
        const n = this.int(d);
        const asText = this.call('string', [n], () => String(n.value()));
        return this.call('int', [asText], () => n.value());
      },
      () => {
        const [s, x] = [this.string(d), this.string(d)];
        return this.call('indexOf', [s, x], () => s.value().toLowerCase().indexOf(x.value().toLowerCase()));
      },
    ])();
  }

  string(depth: number): Node<string> {
    const rng = this.rng;
    if (this.leaf(depth)) {
      const s = Array.from({ length: rng.int(0, 6) }, () => rng.pick([...LETTERS])).join('');
      return { text: quote(s), value: () => s };
    }
    const d = depth + 1;
    return rng.pick<() => Node<string>>([
      () => {
        const parts = Array.from({ length: rng.int(1, 3) }, () => this.string(d));
        return this.call('concat', parts, () => parts.map((p) => p.value()).join(''));
      },
      () => {
        const s = this.string(d);
        return rng.chance(0.5)
          ? this.call('toUpper', [s], () => s.value().toUpperCase())
          : this.call('toLower', [s], () => s.value().toLowerCase());
      },
      () => {
        const x = rng.chance(0.5) ? this.int(d) : this.bool(d);
        return this.call('string', [x], () => written(x.value()));
      },
      () => {
        const [s, from, count] = [this.string(d), this.int(d), this.int(d)];
        return this.call('substring', [s, from, count], () => {
          const [text, i, n] = [s.value(), from.value(), count.value()];
          if (i < 0 || i > text.length || n < 0 || i + n > text.length) throw new Refused();
          return text.slice(i, i + n);
        });
      },
      () => {
        const [a, b] = [rng.chance(0.5) ? this.int(d) : this.string(d), this.string(d)];
        const format = { text: quote('{0}-{1}'), value: () => '{0}-{1}' };
        return this.call('format', [format, a, b], () => `${written(a.value())}-${b.value()}`);
      },
      () => {
        const [test, a, b] = [this.bool(d), this.string(d), this.string(d)];
        return this.call('if', [test, a, b], () => (test.value() ? a.value() : b.value()));
      },
      () => {
        const [s, from, to] = [this.string(d), this.string(d), this.string(d)];
        return this.call('replace', [s, from, to], () => {
          const [text, x, y] = [s.value(), from.value(), to.value()];
          if (x === '') throw new Refused();
          return text.split(x).join(y);
        });
      },
      () => {
        const s = this.string(d);
        const width = rng.int(0, 12);
        return this.call('padLeft', [s, { text: String(width), value: () => width }, { text: quote('*'), value: () => '*' }], () =>
          s.value().padStart(width, '*'),
        );
      },
    ])();
  }

  bool(depth: number): Node<boolean> {
    const rng = this.rng;
    if (this.leaf(depth)) {
      const b = rng.chance(0.5);
      return { text: `${b}()`, value: () => b };
    }
    const d = depth + 1;
    return rng.pick<() => Node<boolean>>([
      () => {
        const b = this.bool(d);
        return this.call('not', [b], () => !b.value());
      },
      () => {
        const dominant = rng.chance(0.5);
        const args = Array.from({ length: rng.int(2, 3) }, () => this.bool(d));
        // and/or stop at the first argument that decides, without evaluating the rest.
        return this.call(dominant ? 'or' : 'and', args, () => (args.some((a) => a.value() === dominant) ? dominant : !dominant));
      },
      () => {
        const same = rng.pick<() => Node<boolean>>([
          () => {
            const [a, b] = [this.int(d), this.int(d)];
            return this.call('equals', [a, b], () => a.value() === b.value());
          },
          () => {
            const [a, b] = [this.string(d), this.string(d)];
            return this.call('equals', [a, b], () => a.value() === b.value());
          },
          () => {
            const [a, b] = [this.array(d), this.array(d)];
            return this.call('equals', [a, b], () => JSON.stringify(a.value()) === JSON.stringify(b.value()));
          },
        ]);
        return same();
      },
      () => {
        const [name, holds] = rng.pick<[string, (order: number) => boolean]>([
          ['less', (o) => o < 0],
          ['lessOrEquals', (o) => o <= 0],
          ['greater', (o) => o > 0],
          ['greaterOrEquals', (o) => o >= 0],
        ]);
        const [a, b] = [this.int(d), this.int(d)];
        return this.call(name, [a, b], () => holds(a.value() - b.value()));
      },
      () => {
        const s = rng.chance(0.5) ? this.string(d) : this.array(d);
        return this.call('empty', [s], () => s.value().length === 0);
      },
      () => {
        if (rng.chance(0.5)) {
          const [s, x] = [this.string(d), this.string(d)];
          return this.call('contains', [s, x], () => s.value().includes(x.value()));
        }
        const [items, x] = [this.array(d), this.int(d)];
        return this.call('contains', [items, x], () => items.value().includes(x.value()));
      },
      () => {
        const atStart = rng.chance(0.5);
        const [s, x] = [this.string(d), this.string(d)];
        return this.call(atStart ? 'startsWith' : 'endsWith', [s, x], () => {
          const [text, end] = [s.value().toLowerCase(), x.value().toLowerCase()];
          return atStart ? text.startsWith(end) : text.endsWith(end);
        });
      },
    ])();
  }

  array(depth: number): Node<number[]> {
    const rng = this.rng;
    const d = depth + 1;
    if (this.leaf(depth)) {
      const items = Array.from({ length: rng.int(0, 3) }, () => this.int(this.maxDepth));
      return this.call('createArray', items, () => items.map((i) => i.value()));
    }
    return rng.pick<() => Node<number[]>>([
      () => {
        const items = Array.from({ length: rng.int(0, 3) }, () => this.int(d));
        return this.call('createArray', items, () => items.map((i) => i.value()));
      },
      () => {
        const [start, count] = [this.int(d), rng.int(0, 5)];
        return this.call('range', [start, { text: String(count), value: () => count }], () => {
          const from = start.value();
          if (from + count > 2147483647) throw new Refused();
          return Array.from({ length: count }, (_, i) => from + i);
        });
      },
      () => {
        const parts = Array.from({ length: rng.int(1, 3) }, () => this.array(d));
        return this.call('concat', parts, () => parts.flatMap((p) => p.value()));
      },
      () => {
        const parts = Array.from({ length: rng.int(1, 3) }, () => this.array(d));
        return this.call('union', parts, () => [...new Set(parts.flatMap((p) => p.value()))]);
      },
      () => {
        const take = rng.chance(0.5);
        const [items, n] = [this.array(d), this.int(d)];
        return this.call(take ? 'take' : 'skip', [items, n], () => {
          const list = items.value();
          const count = Math.max(0, Math.min(n.value(), list.length));
          return take ? list.slice(0, count) : list.slice(count);
        });
      },
    ])();
  }
}

/** A random oracle expression (text without brackets) and what evaluating it must give. */
export function oracleExpression(rng: Random): { text: string; expected: Expected } {
  const generator = new OracleGenerator(rng, rng.int(1, 4));
  const node: Node<OracleValue> = rng.pick<() => Node<OracleValue>>([
    () => generator.int(0),
    () => generator.string(0),
    () => generator.bool(0),
    () => generator.array(0),
  ])();
  try {
    return { text: node.text, expected: { value: node.value() } };
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    return { text: node.text, expected: { error: true } };
  }
}
