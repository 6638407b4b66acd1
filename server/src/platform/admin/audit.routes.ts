// /audit-events: the auditor reads and verifies the audit trail; nothing can delete it (no route
// here, and a trigger in the database).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pageQuerySchema, pageSchema } from '@minyi/domain';
import { ctxOf, typed } from '../http';
import { requireRole } from '../access';
import { findAuditEvents } from './queries/find-audit-events';
import { verifyAuditTrail } from './commands/verify-audit-trail';
import { exportAuditCheckpoints } from './queries/export-audit-checkpoints';

const auditItem = z.object({
  id: z.string(),
  createdAt: z.date(),
  accountId: z.string().nullable(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  chainSeq: z.number().nullable(),
});

const problemItem = z.object({
  congressId: z.string(),
  id: z.string().optional(),
  chainSeq: z.number().optional(),
  problem: z.enum([
    'row_altered',
    'chain_broken',
    'row_missing',
    'head_mismatch',
    'row_unchained',
    // Against the signed checkpoints outside the database:
    'trail_truncated',
    'trail_deleted',
    'checkpoint_forged',
    'checkpoint_missing',
    'copy_differs',
  ]),
});

const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]).transform((v) => new Date(v));

export async function auditRoutes(app: FastifyInstance) {
  const r = typed(app);
  r.get(
    '/audit-events',
    {
      schema: {
        operationId: 'findAuditEvents',
        access: 'session',
        tags: ['audit'],
        summary: 'The audit trail, newest first (auditor)',
        querystring: pageQuerySchema.extend({
          action: z.string().max(100).optional(),
          entityType: z.string().max(100).optional(),
          entityId: z.string().max(100).optional(),
          accountId: z.uuid().optional(),
          from: instant.optional(),
          to: instant.optional(),
        }),
        response: { 200: pageSchema(auditItem) },
      },
    },
    async (req) => {
      const actor = requireRole(req.actor, ['auditor']);
      return findAuditEvents(app.services.db, actor.congressId, req.query);
    },
  );

  r.get(
    '/audit-checkpoints',
    {
      schema: {
        operationId: 'exportAuditCheckpoints',
        access: 'session',
        tags: ['audit'],
        summary: "The signed checkpoints of the congress's audit chain kept outside the database (auditor)",
        response: {
          200: z.object({
            publicKey: z.string().nullable(),
            lines: z.array(
              z.object({
                n: z.number(),
                at: z.string(),
                congressId: z.string(),
                chainSeq: z.number(),
                chainHash: z.string(),
                prev: z.string(),
                sig: z.string(),
              }),
            ),
          }),
        },
      },
    },
    (req) => {
      const actor = requireRole(req.actor, ['auditor']);
      return exportAuditCheckpoints(app.services.config, actor.congressId);
    },
  );

  r.post(
    '/audit-events/verify',
    {
      schema: {
        operationId: 'verifyAuditTrail',
        access: 'session',
        tags: ['audit'],
        summary: 'Seal the unsealed rows, then verify the chain (auditor)',
        response: {
          200: z.object({
            checked: z.number(),
            sealed: z.number(),
            problems: z.array(problemItem),
            /** Lines in the checkpoint log, and the public key that verifies them (null: no log kept). */
            checkpoints: z.number(),
            publicKey: z.string().nullable(),
          }),
        },
      },
    },
    async (req) => {
      requireRole(req.actor, ['auditor']);
      return verifyAuditTrail(ctxOf(req));
    },
  );
}
