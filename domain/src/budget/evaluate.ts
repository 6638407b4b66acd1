// Evaluates every warning rule over a budget year's figures: pure, so the server reads the rows and calls this,
// and the rules are tested without a database. Line rules judge the LEAF lines (lines with no line below them),
// whose execution is every spending row on their code or below it.
import { addCalendarDays, type CalendarExceptions, type IsoDate } from '../calendar';
import {
  behindSchedule,
  carryOverIdle,
  formatFen,
  isExpenditureCode,
  offBudget,
  overBudget,
  publicationDeadline,
  publicationLate,
  ratePercent,
  reserveOutOfRange,
  RESERVE_CODE,
  revenueFalling,
  RULE_SEVERITY,
  sanGongOverBudget,
  transferLate,
  yearEndRush,
  type BudgetKind,
  type BudgetSettings,
  type Severity,
  type TransferKind,
  type WarningRule,
} from './rules';

export interface EvalLine {
  budget: BudgetKind;
  code: string;
  name: string;
  fen: bigint;
}
export interface EvalSpending {
  code: string;
  /** 1–12. */
  month: number;
  fen: bigint;
}
export interface EvalInput {
  year: number;
  /** Today (Asia/Shanghai). */
  asOf: IsoDate;
  settings: BudgetSettings;
  exceptions: CalendarExceptions;
  approvedOn: IsoDate | null;
  publishedOn: IsoDate | null;
  lines: readonly EvalLine[];
  spending: readonly EvalSpending[];
  /** Last year's spending rows on revenue codes (1xx), for revenueFalling. */
  lastYearRevenue?: readonly EvalSpending[];
  transfers?: readonly {
    code: string;
    kind: TransferKind;
    fen: bigint;
    issuedOn: IsoDate | null;
    recipient?: string;
  }[];
  carryOvers?: readonly { code: string; name?: string; fromYear: number; unusedFen: bigint }[];
}

export interface Warning {
  rule: WarningRule;
  code: string;
  name: string;
  severity: Severity;
  evidence: Record<string, string | number | null>;
}

const under = (code: string, prefix: string) => code.startsWith(prefix);

export function evaluateWarnings(input: EvalInput): Warning[] {
  const s = input.settings;
  const out: Warning[] = [];
  const push = (rule: WarningRule, code: string, name: string, evidence: Warning['evidence']) =>
    out.push({ rule, code, name, severity: RULE_SEVERITY[rule], evidence });

  const lastMonth = input.spending.reduce((m, r) => Math.max(m, r.month), 0);
  // Linear in the rows: every code's prefixes (类, 款, 项) once, so 20,000 lines and a year of rows stay cheap.
  const prefixes = (code: string) =>
    [code.slice(0, 3), code.slice(0, 5), code.slice(0, 7)].filter(
      (p, i, a) => p.length === [3, 5, 7][i] && a.indexOf(p) === i,
    );
  const codes = new Set(input.lines.map((l) => l.code));
  const parents = new Set<string>();
  for (const c of codes) for (const p of prefixes(c)) if (p !== c) parents.add(p);
  const leaves = input.lines.filter((l) => !parents.has(l.code));
  const sanGong = new Set(s.sanGongCodes);

  // Spending per prefix, for the year and for December.
  const year = new Map<string, bigint>();
  const december = new Map<string, bigint>();
  const add = (m: Map<string, bigint>, k: string, v: bigint) => m.set(k, (m.get(k) ?? 0n) + v);
  for (const r of input.spending)
    for (const p of prefixes(r.code)) {
      add(year, p, r.fen);
      if (r.month === 12) add(december, p, r.fen);
    }
  const spentOf = (prefix: string) => year.get(prefix) ?? 0n;

  for (const l of leaves) {
    const executed = spentOf(l.code);
    const common = {
      budget: formatFen(l.fen),
      executed: formatFen(executed),
      rate: ratePercent(executed, l.fen),
    };
    if (!isExpenditureCode(l.code)) continue;
    if (sanGong.has(l.code)) {
      if (sanGongOverBudget(l.fen, executed))
        push('sanGongOverBudget', l.code, l.name, { ...common, excess: formatFen(executed - l.fen) });
      continue;
    }
    if (overBudget(l.fen, executed, s.overBudgetTolerancePercent))
      push('overBudget', l.code, l.name, {
        ...common,
        excess: formatFen(executed - l.fen),
        tolerancePercent: s.overBudgetTolerancePercent,
      });
    if (
      l.code !== RESERVE_CODE &&
      !l.code.startsWith(RESERVE_CODE) &&
      lastMonth >= s.behindScheduleFromMonth &&
      lastMonth < 12 &&
      behindSchedule(l.fen, executed, lastMonth, s.behindSchedulePoints)
    )
      push('behindSchedule', l.code, l.name, {
        ...common,
        month: lastMonth,
        elapsed: ratePercent(BigInt(lastMonth), 12n),
        points: s.behindSchedulePoints,
      });
    if (lastMonth === 12) {
      const dec = december.get(l.code) ?? 0n;
      if (yearEndRush(dec, executed, s.yearEndRushPercent))
        push('yearEndRush', l.code, l.name, {
          ...common,
          december: formatFen(dec),
          decemberShare: ratePercent(dec, executed),
          percent: s.yearEndRushPercent,
        });
    }
  }

  // Spending on codes no line covers (a line on the code or above it).
  const offCodes = new Map<string, bigint>();
  for (const r of input.spending) {
    if (!isExpenditureCode(r.code)) continue;
    if (prefixes(r.code).some((p) => codes.has(p))) continue;
    offCodes.set(r.code, (offCodes.get(r.code) ?? 0n) + r.fen);
  }
  const tolerance = BigInt(s.offBudgetToleranceYuan) * 100n;
  for (const [code, fen] of [...offCodes].sort(([a], [b]) => a.localeCompare(b)))
    if (offBudget(fen, false, tolerance))
      push('offBudget', code, '', { spent: formatFen(fen), budget: null });

  // The reserve fund against the general budget's expenditure (its function classes, 2xx).
  const generalClasses = input.lines.filter(
    (l) => l.budget === 'general' && l.code.length === 3 && l.code[0] === '2',
  );
  const reserve = generalClasses.find((l) => l.code === RESERVE_CODE);
  const expenditure = generalClasses.reduce((a, l) => a + l.fen, 0n);
  if (expenditure > 0n && reserveOutOfRange(reserve?.fen ?? 0n, expenditure, s.reservePercent))
    push('reserveOutOfRange', RESERVE_CODE, reserve?.name ?? '预备费', {
      reserve: formatFen(reserve?.fen ?? 0n),
      expenditure: formatFen(expenditure),
      share: ratePercent(reserve?.fen ?? 0n, expenditure),
      min: s.reservePercent.min,
      max: s.reservePercent.max,
    });

  // Publication within 20 days of approval (Art. 14).
  if (
    input.approvedOn &&
    publicationLate(input.approvedOn, input.publishedOn, input.asOf, input.exceptions, {
      days: s.publicationDays,
      rollOverRestDays: s.publicationRollsOverRestDays,
    })
  )
    push('publicationLate', '', '', {
      approvedOn: input.approvedOn,
      publishedOn: input.publishedOn,
      deadline: publicationDeadline(input.approvedOn, input.exceptions, {
        days: s.publicationDays,
        rollOverRestDays: s.publicationRollsOverRestDays,
      }),
    });

  // Revenue to date against last year's same months.
  if (input.lastYearRevenue && lastMonth > 0) {
    const revenueClasses = [
      ...new Set(input.lines.filter((l) => l.code[0] === '1' && l.code.length === 3).map((l) => l.code)),
    ];
    for (const code of revenueClasses) {
      const now = spentOf(code);
      let before = 0n;
      for (const r of input.lastYearRevenue) if (under(r.code, code) && r.month <= lastMonth) before += r.fen;
      if (revenueFalling(now, before, s.revenueFallPercent))
        push('revenueFalling', code, input.lines.find((l) => l.code === code)?.name ?? '', {
          thisYear: formatFen(now),
          lastYear: formatFen(before),
          month: lastMonth,
          change: before > 0n ? `-${ratePercent(before - now, before)}` : null,
        });
    }
  }

  for (const t of input.transfers ?? [])
    if (input.approvedOn && transferLate(input.approvedOn, t.kind, t.issuedOn, input.asOf, s.transferDays))
      push('transferLate', t.code, t.recipient ?? '', {
        kind: t.kind,
        amount: formatFen(t.fen),
        issuedOn: t.issuedOn,
        deadline: addCalendarDays(input.approvedOn, s.transferDays[t.kind]),
      });
  for (const c of input.carryOvers ?? [])
    if (carryOverIdle(c.fromYear, input.year, c.unusedFen, s.carryOverIdleYears))
      push('carryOverIdle', c.code, c.name ?? '', { fromYear: c.fromYear, unused: formatFen(c.unusedFen) });

  return out;
}
