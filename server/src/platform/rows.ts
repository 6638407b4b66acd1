// Typed INSERTs built straight from the table's column metadata. Drizzle's insert builder lists every
// column of the table (`default` for the unset ones) and costs ~0.1–0.3 ms of CPU per wide row; on the
// paths where that is the request's cost (audit rows, jobs, the public opinion form) these build the same
// statement from the given columns only, with the values encoded as Drizzle encodes them.
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

const heads = new Map<string, SQL>();

/** `INSERT INTO table (the first row's columns) VALUES (…), (…)`; `suffix` e.g. ON CONFLICT … RETURNING. */
export function insertRows<T extends PgTable>(table: T, rows: T['$inferInsert'][], suffix?: SQL): SQL {
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
    head = sql.raw(`INSERT INTO "${name}" (${list.join(', ')}) VALUES `);
    heads.set(cacheKey, head);
  }
  const values = sql.join(
    rows.map((row) => {
      const r = row as Record<string, unknown>;
      return sql`(${sql.join(
        keys.map((k) => sql.param(r[k] ?? null, columns[k])),
        sql`, `,
      )})`;
    }),
    sql`, `,
  );
  return suffix ? sql`${head}${values} ${suffix}` : sql`${head}${values}`;
}

export const insertRow = <T extends PgTable>(table: T, row: T['$inferInsert'], suffix?: SQL): SQL =>
  insertRows(table, [row], suffix);
