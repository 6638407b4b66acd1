// The review report to the presidium (审查结果报告, 预算法 Art. 49) drafted as .docx from the preliminary review:
// the evaluation of last year's execution (its figures and the findings on Art. 48 (1)), the evaluation of this
// year's draft (the four budgets, the reserve, the investment list, the consultation of deputies and the findings
// on Art. 48 (2)–(8)), the recommendation on approval and the suggestions. A point without findings yet is marked
// so in the draft, for the drafters to see the gap.
import { Paragraph } from 'docx';
import {
  draftDeadline,
  draftLate,
  REVIEW_POINT_WORDS,
  type ReviewRecommendation,
} from '@minyi/domain/budget';
import type { Db } from '../../../db/client';
import type { Actor } from '../../../platform/context';
import { readableBudget } from '../budget.repository';
import { loadReview, reviewFigures } from './get-review';
import {
  chineseDate,
  congressName,
  docTitle,
  heading,
  numeral,
  pack,
  para,
} from './render-consultation-opinions';

/** Yuan "123456789.00" → "12345.68万元" (rounded half up to the hundredth of 万元, in exact integers). */
export function wan(yuan: string): string {
  const fen = BigInt(yuan.replace('.', ''));
  const hundredths = (fen + 5000n) / 10000n; // 1 万元 = 1,000,000 fen; a hundredth of it = 10,000 fen
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}万元`;
}

const CONCLUSION: Record<ReviewRecommendation, (year: number) => string> = {
  approve: (y) =>
    `常务委员会认为，${y}年预算草案贯彻了国民经济和社会发展的方针政策，收支安排总体合理可行。建议本次大会批准区人民政府提出的${y}年预算草案，批准${y}年区本级预算。`,
  approveWithChanges: (y) =>
    `常务委员会认为，${y}年预算草案总体可行，但部分安排需要调整完善。建议区人民政府根据代表审议意见和本报告提出的意见修改预算草案后，提请本次大会批准。`,
  notApprove: (y) =>
    `常务委员会认为，${y}年预算草案存在需要重新研究的重大问题。建议本次大会暂不批准${y}年预算草案，由区人民政府修改后重新提请审查。`,
};

const MISSING = '【本项审查意见待补充】';

export async function renderReviewReport(db: Db, actor: Actor, budgetId: string) {
  const b = await readableBudget(db, actor, budgetId);
  const name = await congressName(db, b.congressId);
  const { points, conclusion } = await loadReview(db, b);
  const f = await reviewFigures(db, b);
  const findings = (i: number) => points[i].findings ?? MISSING;
  const deadline = draftDeadline(b.sittingDate);
  const timeliness = b.draftSubmittedOn
    ? `区人民政府于${chineseDate(b.draftSubmittedOn)}将预算草案初步方案提交常务委员会，${draftLate(b.sittingDate, b.draftSubmittedOn) ? `晚于预算法第四十四条规定的${chineseDate(deadline)}` : '符合预算法第四十四条关于会议举行三十日前提交的规定'}。`
    : `预算草案初步方案尚未提交（预算法第四十四条规定的最迟日期为${chineseDate(deadline)}）。`;
  const c = f.consultation;
  const children: Paragraph[] = [
    docTitle(`关于${b.year - 1}年预算执行情况和${b.year}年预算草案的审查结果报告`),
    para('大会主席团：', { indent: false }),
    para(
      `${name}常务委员会依照《中华人民共和国预算法》第二十二条、第四十四条、第四十八条的规定，对区人民政府提出的${b.year - 1}年预算执行情况和${b.year}年预算草案进行了初步审查。${timeliness}${c.rounds ? `会前分${c.rounds}个片区开展预算草案“预先见代表”，邀请区人大代表${c.deputies}名、选民代表${c.voters}名，收集意见建议${c.opinions}条，财政部门已逐条反馈${c.answered}条。` : ''}现将审查结果报告如下：`,
    ),
    heading(`一、关于${b.year - 1}年预算执行情况`),
    para(
      f.lastYear
        ? `${f.lastYear.year}年区本级四本预算支出预算${wan(f.lastYear.budget)}，执行${wan(f.lastYear.executed)}，执行率${f.lastYear.rate}%。`
        : `平台中没有${b.year - 1}年的预算执行数据。`,
    ),
    para(findings(0)),
    heading(`二、关于${b.year}年预算草案`),
    para(
      `预算草案安排一般公共预算支出${wan(f.expenditure.general)}（其中预备费${wan(f.reserve)}，占${f.reserveShare}%），政府性基金预算支出${wan(f.expenditure.governmentFund)}，国有资本经营预算支出${wan(f.expenditure.stateCapital)}，社会保险基金预算支出${wan(f.expenditure.socialInsurance)}。${f.investment.count ? `政府投资项目预安排${f.investment.count}个、${wan(f.investment.amount)}，其中急需在大会批准前下达的项目${f.investment.urgentCount}个、${wan(f.investment.urgentAmount)}。` : ''}`,
    ),
    ...points
      .slice(1)
      .flatMap((p, i) => [
        para(`（${numeral(i)}）${REVIEW_POINT_WORDS[p.point].zh}。`),
        para(findings(i + 1)),
      ]),
    heading('三、审查结论'),
    para(conclusion ? CONCLUSION[conclusion.recommendation](b.year) : '【审查结论待确定】'),
    heading('四、意见和建议'),
    ...(conclusion?.suggestions
      ? conclusion.suggestions
          .split(/\n+/)
          .map((s) => s.trim())
          .filter(Boolean)
          .map((s) => para(s))
      : [para('【意见和建议待补充】')]),
    new Paragraph({ spacing: { before: 600 }, children: [] }),
    para(`${name}常务委员会`, { right: true }),
    para(chineseDate(b.sittingDate), { right: true }),
  ];
  return {
    fileName: `budget-${b.year}-review-report.docx`,
    data: await pack(`${b.year}年预算草案审查结果报告`, name, children),
  };
}
