// Parameterised SQL for the few hot paths where building the statement was the request's cost (the public
// opinion form, ballots, audit rows and jobs): a tagged template that renders `$n` placeholders as it goes,
// and typed INSERTs from a Drizzle table's column metadata, with values encoded as Drizzle encodes them.
// Drizzle's builders stay the way to write everything else; `toDrizzle` runs a statement inside a
// Drizzle transaction.
//
// Texts built here never hold a `$` other than their placeholders (identifiers and keywords only), so
// embedding renumbers placeholders by a plain replace.
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

export interface Statement {
  readonly text: string;
  readonly params: readonly unknown[];
}

class Raw {
  constructor(readonly text: string) {}
}

/** Trusted SQL text (identifiers, keywords); never user input. */
export const raw = (text: string): Raw => new Raw(text);

const isStatement = (v: unknown): v is Statement =>
  typeof v === 'object' && v !== null && 'text' in v && 'params' in v && !(v instanceof Date);

function renumber(text: string, offset: number): string {
  return offset === 0 ? text : text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
}

/** `stmt\`… ${value} …\``: values become parameters; embedded statements and `raw` text are inlined. */
export function stmt(strings: TemplateStringsArray, ...values: unknown[]): Statement {
  let text = strings[0];
  const params: unknown[] = [];
  values.forEach((v, i) => {
    if (v instanceof Raw) text += v.text;
    else if (isStatement(v)) {
      text += renumber(v.text, params.length);
      params.push(...v.params);
    } else {
      params.push(v);
      text += `$${params.length}`;
    }
    text += strings[i + 1];
  });
  return { text, params };
}

/** Statements joined by a separator. */
export function join(parts: readonly Statement[], separator: string): Statement {
  let text = '';
  const params: unknown[] = [];
  parts.forEach((p, i) => {
    if (i > 0) text += separator;
    text += renumber(p.text, params.length);
    params.push(...p.params);
  });
  return { text, params };
}

/** `ARRAY[$1, $2, …]::<type>[]` (an empty list is an empty array). */
export const arrayOf = (values: readonly unknown[], type: string): Statement =>
  stmt`ARRAY[${join(
    values.map((v) => stmt`${v}`),
    ', ',
  )}]${raw(`::${type}[]`)}`;

const heads = new Map<string, string>();

/** `INSERT INTO table (the first row's columns) VALUES (…), (…)`; `suffix` e.g. ON CONFLICT … RETURNING. */
export function insertRows<T extends PgTable>(
  table: T,
  rows: T['$inferInsert'][],
  suffix?: Statement,
): Statement {
  if (rows.length === 0) throw new Error('insertRows: no rows');
  const columns = getTableColumns(table);
  const first = rows[0] as Record<string, unknown>;
  const keys = Object.keys(first).filter((k) => first[k] !== undefined);
  const name = getTableName(table);
  const cacheKey = `${name}|${keys.join(',')}`;
  let head = heads.get(cacheKey);
  if (!head) {
    const list = keys.map((k) => {
      const column = columns[k];
      if (!column) throw new Error(`insertRows: ${name} has no column ${k}`);
      return `"${column.name}"`;
    });
    head = `INSERT INTO "${name}" (${list.join(', ')}) VALUES `;
    heads.set(cacheKey, head);
  }
  let text = head;
  const params: unknown[] = [];
  rows.forEach((row, i) => {
    const r = row as Record<string, unknown>;
    text += i === 0 ? '(' : ', (';
    keys.forEach((k, j) => {
      const v = r[k];
      params.push(v === null || v === undefined ? null : columns[k].mapToDriverValue(v));
      text += j === 0 ? `$${params.length}` : `, $${params.length}`;
    });
    text += ')';
  });
  return suffix ? stmt`${{ text, params }} ${suffix}` : { text, params };
}

/**
 * A write as data: rows for one table, not yet SQL. A use case records its INSERTs so (`Writes.insert`);
 * the writer renders them as it needs: one INSERT (`insertOf`), or with other requests' rows (`insertFromJson`).
 */
export interface RowWrite<T extends PgTable = PgTable> {
  table: T;
  rows: T['$inferInsert'][];
  /** `ON CONFLICT DO NOTHING`: a row whose key is taken is skipped (a job's dedupe key). */
  ignoreConflicts?: boolean;
}

/** The INSERT of a RowWrite. */
export const insertOf = (w: RowWrite): Statement =>
  insertRows(w.table, w.rows, w.ignoreConflicts ? stmt`ON CONFLICT DO NOTHING` : undefined);

const jsonHeads = new Map<string, string>();

/**
 * The rows of several items (requests) as one INSERT per table and column list:
 * `INSERT INTO t (…) SELECT (e->>0)::type, … FROM jsonb_array_elements($1::jsonb) AS e`, every row in one
 * jsonb parameter (`->>` on `json` would re-parse the element for every field), so the statement's text is
 * the same for any number of rows and stays prepared. Each row carries its item's index; `only` (SQL with
 * `{item}` for that index) keeps the rows of some items only. Values are encoded as Drizzle encodes them;
 * a row with an array column or a value JSON cannot carry as text is refused (an Error: a bug, not input).
 */
export function insertFromJson(items: readonly (readonly RowWrite[])[], only?: string): Statement[] {
  const groups = new Map<string, { head: string; rows: unknown[][] }>();
  items.forEach((writes, item) => {
    for (const w of writes) {
      if (w.rows.length === 0) continue;
      const columns = getTableColumns(w.table);
      const name = getTableName(w.table);
      const first = w.rows[0] as Record<string, unknown>;
      const keys = Object.keys(first).filter((k) => first[k] !== undefined);
      const key = `${name}|${keys.join(',')}|${w.ignoreConflicts ? 1 : 0}|${only ?? ''}`;
      let group = groups.get(key);
      if (!group) {
        let head = jsonHeads.get(key);
        if (!head) {
          const list = keys.map((k) => {
            const column = columns[k];
            if (!column) throw new Error(`insertFromJson: ${name} has no column ${k}`);
            if (column.getSQLType().endsWith(']'))
              throw new Error(`insertFromJson: ${name}.${k} is an array`);
            return column;
          });
          const names = list.map((c) => `"${c.name}"`).join(', ');
          const casts = list.map((c, i) => `(e->>${i})::${c.getSQLType()}`).join(', ');
          head = `INSERT INTO "${name}" (${names}) SELECT ${casts} FROM jsonb_array_elements($1::jsonb) AS e`;
          if (only) head += ` WHERE ${only.replaceAll('{item}', `(e->>${keys.length})::int`)}`;
          if (w.ignoreConflicts) head += ' ON CONFLICT DO NOTHING';
          jsonHeads.set(key, head);
        }
        groups.set(key, (group = { head, rows: [] }));
      }
      for (const row of w.rows as Record<string, unknown>[]) {
        const values: unknown[] = keys.map((k) => {
          const v = row[k];
          const driver = v === null || v === undefined ? null : columns[k].mapToDriverValue(v);
          if (driver !== null && typeof driver === 'object')
            throw new Error(`insertFromJson: ${name}.${k} is not a scalar once encoded`);
          return driver;
        });
        values.push(item);
        group.rows.push(values);
      }
    }
  });
  return [...groups.values()].map((g) => ({ text: g.head, params: [JSON.stringify(g.rows)] }));
}

/** Statements run as one: every one but the last as a data-modifying CTE (`w0`, `w1`, …), then the last. */
export function asOne(parts: readonly Statement[], tail?: Statement): Statement {
  if (tail) return stmt`WITH ${asCtes(parts)} ${tail}`;
  if (parts.length === 1) return parts[0];
  return stmt`WITH ${asCtes(parts.slice(0, -1))} ${parts[parts.length - 1]}`;
}

/** Statements as a list of data-modifying CTEs, `w0 AS (…), w1 AS (…)`, for a WITH. */
export const asCtes = (parts: readonly Statement[]): Statement =>
  join(
    parts.map((q, i) => stmt`${raw(`w${i}`)} AS (${q})`),
    ', ',
  );

export const insertRow = <T extends PgTable>(table: T, row: T['$inferInsert'], suffix?: Statement) =>
  insertRows(table, [row], suffix);

/** The statement as Drizzle SQL (to run it in a Drizzle transaction). */
export function toDrizzle(s: Statement): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const m of s.text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(s.text.slice(last, m.index)));
    chunks.push(sql`${s.params[Number(m[1]) - 1]}`);
    last = m.index + m[0].length;
  }
  chunks.push(sql.raw(s.text.slice(last)));
  return sql.join(chunks);
}

const names = new Map<string, string>();
const MAX_NAMED = 200;

/**
 * The arguments of `Database.query` for a statement, named so PostgreSQL keeps it prepared per connection
 * (the first 200 distinct texts of the process; later ones run unnamed).
 */
export function prepared(s: Statement): [string, readonly unknown[], string | undefined] {
  let name = names.get(s.text);
  if (!name && names.size < MAX_NAMED) {
    name = `minyi_s${names.size + 1}`;
    names.set(s.text, name);
  }
  return [s.text, s.params, name];
}

/**
 * A timestamp column as the ISO 8601 text JavaScript's `Date#toISOString` gives (UTC, milliseconds), for
 * rows PostgreSQL renders as JSON (which would write the session's offset and microseconds).
 */
export const isoText = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A page query (`inner`: rows with a `json` column, ordered, `LIMIT limit + 1`) folded into one row: the items'
 * JSON joined by commas (`items`), how many rows the inner query gave (`rowCount`), and the cursor `keys` of
 * the page's last item (`k0`, `k1`, …): text expressions over that row, named `r` (say `r.id::text`, or
 * `isoText('r."sortAt"')`), computed for that row alone rather than in the inner query for all 51 (the unit
 * queue's statement: 0.17–0.22 ms a page instead of 0.23–0.25 ms in pgbench, docs/PERFORMANCE.md). One
 * row crosses the wire instead of 51, which spared the server most of a page's parsing and garbage
 * (`jsonPageOf` turns it into the page). `limitPlusOne` is the SQL of the inner LIMIT (a parameter).
 */
export function aggregatePage(inner: string, limitPlusOne: string, keys: readonly string[]): string {
  const cursor = keys.map((k, i) => `, min(${k}) FILTER (WHERE r.n = ${limitPlusOne} - 1) AS k${i}`).join('');
  return `SELECT string_agg(r.json, ',' ORDER BY r.n) FILTER (WHERE r.n < ${limitPlusOne}) AS items,
  count(*)::int AS "rowCount"${cursor}
FROM (SELECT q.*, row_number() OVER () AS n FROM (${inner}) q) r`;
}
