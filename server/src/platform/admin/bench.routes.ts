// Bench-only baselines (registered only when config.bench): a raw single-row insert and a primary-key
// read over HTTP, with no session, no audit and no policy, so each module's figures have a floor to
// be compared with. Never registered in production.
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { typed } from '../http';
import { newId } from '../ids';
import { notFound } from '../errors';
import { benchRows } from './bench.table';

/** A fixed tenant for the baseline rows (the table has no foreign key). */
export const BENCH_CONGRESS_ID = '00000000-0000-7000-8000-00000000be1c';

export async function benchRoutes(app: FastifyInstance) {
  const r = typed(app);
  r.post(
    '/bench/raw-insert',
    {
      schema: {
        hide: true,
        body: z.strictObject({ payload: z.string().max(10_000) }),
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const id = newId();
      await app.services.db
        .insert(benchRows)
        .values({ id, congressId: BENCH_CONGRESS_ID, payload: req.body.payload });
      return reply.code(201).send({ id });
    },
  );
  r.get('/bench/pk-read/:id', { schema: { hide: true, params: z.object({ id: z.uuid() }) } }, async (req) => {
    const [row] = await app.services.db.select().from(benchRows).where(eq(benchRows.id, req.params.id));
    if (!row) throw notFound();
    return { id: row.id, payload: row.payload, createdAt: row.createdAt };
  });
}
