// /calendar: the congress's working-day calendar (statutory holidays, the State Council's notice, the
// congress's own arrangements), entering a year's notice, and the working-day arithmetic every deadline uses.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Role } from '@minyi/domain';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  calendarDaySchema,
  calendarDayKindSchema,
  calendarSourceSchema,
  isoDateSchema,
  shanghaiDate,
} from '@minyi/domain/calendar';
import { ctxOf, typed } from '../http';
import { requireRole } from '../access';
import { badRequest, unauthorized } from '../errors';
import { importCalendar } from './commands/import-calendar';
import { setCalendarDay } from './commands/set-calendar-day';
import { withdrawCalendarNotice } from './commands/withdraw-calendar-notice';

/** Staff who work to deadlines read the calendar. */
export const CALENDAR_READERS: readonly Role[] = [
  'congressStaff',
  'leader',
  'liaisonStaff',
  'handlingUnitStaff',
  'systemAdmin',
];
/** Congress staff keep the calendar; the system administrator, reminded each November, may enter the notice. */
export const CALENDAR_KEEPERS: readonly Role[] = ['congressStaff', 'systemAdmin'];

const yearSchema = z.coerce.number().int().min(CALENDAR_FIRST_YEAR).max(CALENDAR_LAST_YEAR);
const entry = z.object({
  date: z.string(),
  kind: calendarDayKindSchema,
  name: z.string(),
  source: calendarSourceSchema,
  provisional: z.boolean(),
});
const notice = z
  .object({ origin: z.enum(['shipped', 'entered']), reference: z.string(), enteredAt: z.date().nullable() })
  .nullable();
const yearResponse = z.object({
  year: z.number(),
  provisional: z.boolean(),
  notice,
  items: z.array(entry),
});
const thisYear = () => Number(shanghaiDate(new Date()).slice(0, 4));

export async function calendarRoutes(app: FastifyInstance) {
  const r = typed(app);
  r.get(
    '/calendar',
    {
      schema: {
        operationId: 'findCalendarDays',
        tags: ['calendar'],
        summary: 'Every rest day and adjusted working day of a year, with its source',
        querystring: z.object({ year: yearSchema.optional() }),
        response: { 200: yearResponse },
      },
    },
    async (req) => {
      const actor = requireRole(req.actor, CALENDAR_READERS);
      return app.services.calendar.year(actor.congressId, req.query.year ?? thisYear());
    },
  );

  r.get(
    '/calendar/years',
    {
      schema: {
        operationId: 'findCalendarYears',
        tags: ['calendar'],
        summary: 'Which years’ calendars are confirmed by a notice and which are provisional',
        querystring: z.object({ from: yearSchema.optional(), to: yearSchema.optional() }),
        response: {
          200: z.object({ years: z.array(z.object({ year: z.number(), provisional: z.boolean(), notice })) }),
        },
      },
    },
    async (req) => {
      // Every signed-in user sees deadlines, and whether they are provisional.
      if (!req.actor) throw unauthorized();
      const actor = req.actor;
      const from = req.query.from ?? thisYear() - 1;
      const to = req.query.to ?? thisYear() + 1;
      if (to < from || to - from > 20) {
        throw badRequest([
          {
            field: 'to',
            in: 'querystring',
            code: 'range',
            message: {
              zh: '年份范围无效（最多 20 年）',
              en: 'must be from `from` to at most 20 years later',
            },
          },
        ]);
      }
      const years = [];
      for (let y = from; y <= to; y++) {
        const { year, provisional, notice } = await app.services.calendar.year(actor.congressId, y);
        years.push({ year, provisional, notice });
      }
      return { years };
    },
  );

  r.post(
    '/calendar/import',
    {
      schema: {
        operationId: 'importCalendar',
        tags: ['calendar'],
        summary:
          'Enter the State Council’s notice for the years listed, replacing their notice days (congressStaff, systemAdmin)',
        body: z.strictObject({
          days: z.array(calendarDaySchema).min(1).max(400),
          reference: z.string().trim().max(200).default(''),
        }),
        response: { 200: z.object({ imported: z.number(), years: z.array(z.number()) }) },
      },
    },
    async (req) => {
      requireRole(req.actor, CALENDAR_KEEPERS);
      const seen = new Set<string>();
      const errors = req.body.days.flatMap((d, i) => {
        const year = Number(d.date.slice(0, 4));
        const out = [];
        if (seen.has(d.date)) {
          out.push({
            field: `days.${i}.date`,
            in: 'body' as const,
            code: 'duplicate',
            message: { zh: '日期重复', en: 'is listed twice' },
          });
        }
        if (year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR) {
          out.push({
            field: `days.${i}.date`,
            in: 'body' as const,
            code: 'range',
            message: {
              zh: `年份须在 ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR} 之间`,
              en: `must fall in ${CALENDAR_FIRST_YEAR}–${CALENDAR_LAST_YEAR}`,
            },
          });
        }
        seen.add(d.date);
        return out;
      });
      if (errors.length > 0) throw badRequest(errors);
      return importCalendar(ctxOf(req), req.body);
    },
  );

  r.delete(
    '/calendar/notices/:year',
    {
      schema: {
        operationId: 'withdrawCalendarNotice',
        tags: ['calendar'],
        summary: 'Withdraw the notice entered for a year (congressStaff, systemAdmin)',
        params: z.object({ year: yearSchema }),
        response: { 200: z.object({ year: z.number(), provisional: z.boolean(), notice }) },
      },
    },
    async (req) => {
      requireRole(req.actor, CALENDAR_KEEPERS);
      const { year, provisional, notice } = await withdrawCalendarNotice(ctxOf(req), req.params.year);
      return { year, provisional, notice };
    },
  );

  r.put(
    '/calendar/days/:date',
    {
      schema: {
        operationId: 'setCalendarDay',
        tags: ['calendar'],
        summary:
          'Set the congress’s own arrangement for a date, over the notice and the statute (congressStaff, systemAdmin)',
        params: z.object({ date: isoDateSchema }),
        body: z.strictObject({ kind: calendarDayKindSchema, name: z.string().trim().min(1).max(100) }),
        response: { 200: entry.omit({ provisional: true }).nullable() },
      },
    },
    async (req) => {
      requireRole(req.actor, CALENDAR_KEEPERS);
      return setCalendarDay(ctxOf(req), req.params.date, req.body);
    },
  );

  r.delete(
    '/calendar/days/:date',
    {
      schema: {
        operationId: 'removeCalendarDay',
        tags: ['calendar'],
        summary: 'Remove the congress’s own arrangement for a date (congressStaff, systemAdmin)',
        params: z.object({ date: isoDateSchema }),
        response: { 200: entry.omit({ provisional: true }).nullable() },
      },
    },
    async (req) => {
      requireRole(req.actor, CALENDAR_KEEPERS);
      return setCalendarDay(ctxOf(req), req.params.date, null);
    },
  );

  r.get(
    '/calendar/working-days',
    {
      schema: {
        operationId: 'getWorkingDaysAfter',
        tags: ['calendar'],
        summary:
          'The date n working days after a date (start not counted), that day’s deadline instant, and whether it is provisional',
        querystring: z.object({ from: isoDateSchema, n: z.coerce.number().int().min(0).max(366) }),
        response: { 200: z.object({ date: z.string(), deadline: z.date(), provisional: z.boolean() }) },
      },
    },
    async (req) => {
      const actor = requireRole(req.actor, CALENDAR_READERS);
      // Noon in Shanghai: unambiguously that calendar day.
      const from = new Date(`${req.query.from}T12:00:00+08:00`);
      const cal = app.services.calendar;
      const deadline = await cal.workingDaysAfter(actor.congressId, from, req.query.n);
      const date = shanghaiDate(deadline);
      return {
        date,
        deadline,
        provisional: await cal.provisionalBetween(actor.congressId, req.query.from, date),
      };
    },
  );
}
