// The audit trail as a workbook (.xlsx) under the auditor's filters (person, action, object, period), newest
// first, each action and object type in words; the export is itself written to the audit trail.
import ExcelJS from 'exceljs';
import { and, desc, eq } from 'drizzle-orm';
import { auditActionText, auditEntityText } from '@minyi/domain/audit';
import { transact, type Ctx } from '../../context';
import { badRequest } from '../../errors';
import { accounts, auditChain, auditEvents } from '../../platform.table';
import { auditColumns, auditFilters, type FindAuditEventsQuery } from '../queries/find-audit-events';

/** More rows than this in one export: the auditor narrows the filters (a period, a person). */
export const AUDIT_EXPORT_MAX = 20_000;

type Locale = 'zh' | 'en';
const HEADERS: Record<Locale, string[]> = {
  zh: [
    '时间',
    '账号',
    '角色',
    '操作',
    '操作代码',
    '对象类型',
    '对象编号',
    'IP',
    '请求编号',
    '变更前',
    '变更后',
    '链序号',
  ],
  en: [
    'Time',
    'Account',
    'Role',
    'Action',
    'Action code',
    'Object type',
    'Object id',
    'IP',
    'Request id',
    'Before',
    'After',
    'Chain no.',
  ],
};
const ROLE_WORDS: Record<string, Record<Locale, string>> = {
  citizen: { zh: '群众', en: 'Citizen' },
  deputy: { zh: '人大代表', en: 'Deputy' },
  liaisonStaff: { zh: '联络站工作人员', en: 'Liaison staff' },
  handlingUnitStaff: { zh: '承办单位工作人员', en: 'Handling unit staff' },
  congressStaff: { zh: '人大机关工作人员', en: 'Congress staff' },
  leader: { zh: '区领导', en: 'Leader' },
  systemAdmin: { zh: '系统管理员', en: 'System administrator' },
  securityAdmin: { zh: '安全管理员', en: 'Security administrator' },
  auditor: { zh: '安全审计员', en: 'Auditor' },
  public: { zh: '公众', en: 'Public' },
  system: { zh: '系统', en: 'System' },
};
const roleText = (role: string | null, locale: Locale) =>
  (role ?? '')
    .split(',')
    .filter(Boolean)
    .map((r) => ROLE_WORDS[r]?.[locale] ?? r)
    .join('、');
/** Beijing time, whatever the server's zone. */
const beijing = (d: Date) =>
  new Date(d.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19);
const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

export type AuditExportFilters = Omit<FindAuditEventsQuery, 'cursor' | 'limit'>;

export async function exportAuditEvents(
  ctx: Ctx,
  filters: AuditExportFilters,
  locale: Locale,
): Promise<{ filename: string; data: Buffer }> {
  const congressId = ctx.actor!.congressId;
  const rows = await transact(ctx, async (w) => {
    const found = await w.db
      .select(auditColumns)
      .from(auditEvents)
      .leftJoin(accounts, eq(accounts.id, auditEvents.accountId))
      .leftJoin(auditChain, eq(auditChain.eventId, auditEvents.id))
      .where(and(...auditFilters(congressId, filters)))
      .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
      .limit(AUDIT_EXPORT_MAX + 1);
    if (found.length > AUDIT_EXPORT_MAX)
      throw badRequest([
        {
          field: 'from',
          in: 'querystring',
          code: 'too_many_rows',
          message: {
            zh: `超过 ${AUDIT_EXPORT_MAX} 条，请缩小时间范围或增加筛选条件`,
            en: `more than ${AUDIT_EXPORT_MAX} rows: narrow the period or add a filter`,
          },
        },
      ]);
    await w.audit({
      action: 'audit.export',
      entityType: 'auditTrail',
      entityId: congressId,
      after: { filters: { ...filters }, rows: found.length },
    });
    return found;
  });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Minyi';
  const ws = wb.addWorksheet(locale === 'zh' ? '审计日志' : 'Audit trail');
  ws.addRow(HEADERS[locale]).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows)
    ws.addRow([
      beijing(r.createdAt),
      r.username ?? '',
      roleText(r.role, locale),
      auditActionText(r.action, locale),
      r.action,
      auditEntityText(r.entityType, locale),
      r.entityId ?? '',
      r.ip ?? '',
      r.requestId ?? '',
      json(r.before),
      json(r.after),
      r.chainSeq ?? '',
    ]);
  [20, 14, 16, 24, 26, 16, 38, 16, 38, 40, 40, 10].forEach((width, i) => (ws.getColumn(i + 1).width = width));
  const stamp = beijing(new Date()).slice(0, 10);
  return {
    filename: locale === 'zh' ? `审计日志-${stamp}.xlsx` : `audit-trail-${stamp}.xlsx`,
    data: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
