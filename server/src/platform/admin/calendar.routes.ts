// /calendar: the congress's working-day calendar (holidays and adjusted working days), its import,
// and the working-day arithmetic every deadline uses.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Role } from '@minyi/domain';
import { calendarDaySchema, isoDateSchema, shanghaiDate } from '@minyi/domain/calendar';
import { ctxOf, typed } from '../http';
import { requireRole } from '../access';
import { badRequest } from '../errors';
import { findCalendarDays } from './queries/find-calendar-days';
import { importCalendar } from './commands/import-calendar';

/** Staff who work to deadlines read the calendar; congress staff maintain it. */
export const CALENDAR_READERS: readonly Role[] = [
  'congressStaff',
  'leader',
  'liaisonStaff',
  'handlingUnitStaff',
  'systemAdmin',
];

const dayItem = z.object({ date: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string() });

export async function calendarRoutes(app: FastifyInstance) {
  const r = typed(app);
  r.get(
    '/calendar',
    {
      schema: {
        operationId: 'findCalendarDays',
        tags: ['calendar'],
        summary: 'Holidays and adjusted working days of a year',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: { 200: z.object({ items: z.array(dayItem) }) },
      },
    },
    async (req) => {
      const actor = requireRole(req.actor, CALENDAR_READERS);
      const year = req.query.year ?? Number(shanghaiDate(new Date()).slice(0, 4));
      return { items: await findCalendarDays(app.services.db, actor.congressId, year) };
    },
  );

  r.post(
    '/calendar/import',
    {
      schema: {
        operationId: 'importCalendar',
        tags: ['calendar'],
        summary: 'Replace the holidays and adjusted working days of the years listed (congressStaff)',
        body: z.strictObject({ days: z.array(calendarDaySchema).min(1).max(400) }),
        response: { 200: z.object({ imported: z.number(), years: z.array(z.number()) }) },
      },
    },
    async (req) => {
      requireRole(req.actor, ['congressStaff']);
      const seen = new Map<string, number>();
      req.body.days.forEach((d, i) => {
        if (seen.has(d.date)) {
          throw badRequest([
            {
              field: `days.${i}.date`,
              in: 'body',
              code: 'duplicate',
              message: { zh: '日期重复', en: 'is listed twice' },
            },
          ]);
        }
        seen.set(d.date, i);
      });
      return importCalendar(ctxOf(req), req.body.days);
    },
  );

  r.get(
    '/calendar/working-days',
    {
      schema: {
        operationId: 'getWorkingDaysAfter',
        tags: ['calendar'],
        summary: 'The date n working days after a date (start not counted), and that day’s deadline instant',
        querystring: z.object({ from: isoDateSchema, n: z.coerce.number().int().min(0).max(366) }),
        response: { 200: z.object({ date: z.string(), deadline: z.date() }) },
      },
    },
    async (req) => {
      const actor = requireRole(req.actor, CALENDAR_READERS);
      // Noon in Shanghai: unambiguously that calendar day.
      const from = new Date(`${req.query.from}T12:00:00+08:00`);
      const deadline = await app.services.calendar.workingDaysAfter(actor.congressId, from, req.query.n);
      return { date: shanghaiDate(deadline), deadline };
    },
  );
}
