// GET /workbench: the signed-in user's work home (我的工作台). Each module says what waits for the actor in it
// (`Module.workbench`); this route asks them all at once and answers the items in the modules' order. The
// platform does not know the modules: app.ts hands it their providers.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { workbenchItemSchema, type WorkbenchItem } from '@minyi/domain';
import type { Ctx } from './context';
import { ctxOf, typed } from './http';
import { unauthorized } from './errors';

export type WorkbenchProvider = (ctx: Ctx) => Promise<WorkbenchItem[]>;

export const workbenchRoutes = (providers: WorkbenchProvider[]) =>
  async function workbench(app: FastifyInstance) {
    typed(app).get(
      '/workbench',
      {
        schema: {
          operationId: 'getWorkbench',
          tags: ['workbench'],
          summary: 'What waits for me across every module: counts, due soon, overdue, and where to act',
          response: { 200: z.object({ items: z.array(workbenchItemSchema) }) },
        },
      },
      async (req) => {
        if (!req.actor) throw unauthorized();
        const ctx = ctxOf(req);
        const parts = await Promise.all(providers.map((p) => p(ctx)));
        return { items: parts.flat().filter((i) => i.count > 0) };
      },
    );
  };
