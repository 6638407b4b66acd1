// /audit-events: the auditor reads and verifies the audit trail; nothing can delete it (no route
// here, and a trigger in the database).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pageQuerySchema, pageSchema } from '@minyi/domain';
import { ctxOf, localeOf, typed } from '../http';
import type { Actor } from '../context';
import { auditTrailPolicy } from './audit.policy';
import { findAuditEvents } from './queries/find-audit-events';
import { exportAuditEvents } from './commands/export-audit-events';
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

/** The filters: person (account id or username), action (a code, or `entity.` for all of one entity), object, period. */
const filters = z.object({
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  accountId: z.uuid().optional(),
  username: z.string().trim().min(1).max(100).optional(),
  from: instant.optional(),
  to: instant.optional(),
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The auditor (whom the audit policy allows) of their own congress. */
function auditorOf(actor: Actor | null, action: 'read' | 'verify' | 'export'): Actor {
  auditTrailPolicy.authorize(actor, action, null);
  return actor!;
}

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
        querystring: pageQuerySchema.extend(filters.shape),
        response: { 200: pageSchema(auditItem) },
      },
    },
    async (req) => {
      const actor = auditorOf(req.actor, 'read');
      return findAuditEvents(app.services.db, actor.congressId, req.query);
    },
  );

  r.get(
    '/audit-events/export.xlsx',
    {
      schema: {
        operationId: 'exportAuditEvents',
        access: 'session',
        tags: ['audit'],
        summary:
          'The filtered audit trail as a workbook, actions in words; the export is itself audited (auditor)',
        querystring: filters,
      },
    },
    async (req, reply) => {
      auditorOf(req.actor, 'export');
      const { filename, data } = await exportAuditEvents(ctxOf(req), req.query, localeOf(req));
      return reply
        .header('content-type', XLSX)
        .header(
          'content-disposition',
          `attachment; filename="${encodeURIComponent(filename)}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
        )
        .send(data);
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
      const actor = auditorOf(req.actor, 'read');
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
      auditorOf(req.actor, 'verify');
      return verifyAuditTrail(ctxOf(req));
    },
  );
}
