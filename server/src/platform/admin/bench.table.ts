// The benchmark baseline table (server/src/db/migrations/0002_bench.sql).
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const benchRows = pgTable('bench_rows', {
  id: uuid('id').primaryKey(),
  congressId: uuid('congress_id').notNull(),
  payload: text('payload').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).defaultNow(),
});
