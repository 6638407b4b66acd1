import { describe, expect, it } from 'vitest';
import {
  normalizeUscc,
  questionnaireSchema,
  responseProblems,
  tallyResponses,
  usccCheckChar,
  usccProblem,
  type Question,
} from './visits';
import { enterpriseVisitsSentence } from './rules';

describe('the unified social credit code (GB 32100-2015)', () => {
  it('accepts codes whose 18th character is the check character of the first 17', () => {
    expect(usccProblem('91350100M000100Y43')).toBeNull();
    expect(usccProblem('91110000802100433B')).toBeNull();
  });
  it('refuses a wrong check character, letters outside the set (I O S V Z) and the wrong length', () => {
    expect(usccProblem('91350100M000100Y44')).toBe('checksum');
    expect(usccProblem('91350100M000100Y4')).toBe('format');
    expect(usccProblem('91350100M0001O0Y43')).toBe('format');
    expect(usccProblem('91350100m000100y43')).toBe('format');
    expect(usccCheckChar('9135010')).toBeNull();
  });
  it('reads a code as typed: spaces out, capitals', () => {
    expect(normalizeUscc(' 9135 0100m000100y43 ')).toBe('91350100M000100Y43');
  });
});

const questions: Question[] = questionnaireSchema.parse({
  questions: [
    { id: 'q1', kind: 'single', label: '企业经营状况', options: ['良好', '一般', '困难'], required: true },
    {
      id: 'q2',
      kind: 'multiple',
      label: '主要困难',
      options: ['融资', '用工', '用地', '审批'],
      showIf: { questionId: 'q1', option: '困难' },
      required: true,
    },
    { id: 'q3', kind: 'number', label: '职工人数' },
    { id: 'q4', kind: 'scale', label: '营商环境满意度', max: 5, required: true },
    { id: 'q5', kind: 'text', label: '其他意见' },
  ],
}).questions;

describe('the questionnaire', () => {
  it('refuses duplicate ids, a choice with fewer than two options, and a condition on no earlier choice', () => {
    const bad = questionnaireSchema.safeParse({
      questions: [
        { id: 'q1', kind: 'single', label: 'a', options: ['x'] },
        { id: 'q1', kind: 'text', label: 'b' },
        { id: 'q3', kind: 'text', label: 'c', showIf: { questionId: 'q9', option: 'x' } },
      ],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['questions.0.options', 'questions.1.id', 'questions.2.showIf']),
    );
  });
  it('accepts responses that fit, with the conditional question asked only on its answer', () => {
    expect(responseProblems(questions, { q1: '良好', q3: 120, q4: 4 })).toEqual([]);
    expect(
      responseProblems(questions, { q1: '困难', q2: ['融资', '用工'], q4: 2, q5: '希望简化审批' }),
    ).toEqual([]);
  });
  it('names each question wrongly answered: required, not an option, off the scale, not asked, unknown', () => {
    expect(responseProblems(questions, { q1: '困难', q4: 6, q9: 'x' })).toEqual([
      { questionId: 'q9', code: 'unknown' },
      { questionId: 'q2', code: 'required' },
      { questionId: 'q4', code: 'invalid' },
    ]);
    expect(responseProblems(questions, { q1: '良好', q2: ['融资'], q4: 3 })).toEqual([
      { questionId: 'q2', code: 'notAsked' },
    ]);
    expect(responseProblems(questions, { q1: '很好', q3: '多', q4: 3 })).toEqual([
      { questionId: 'q1', code: 'invalid' },
      { questionId: 'q3', code: 'invalid' },
    ]);
  });
  it('tallies the closed questions per option and the numbers by their mean', () => {
    const t = tallyResponses(questions, [
      { q1: '良好', q3: 100, q4: 5 },
      { q1: '困难', q2: ['融资', '用工'], q3: 50, q4: 3 },
      { q1: '困难', q2: ['融资'], q4: 4 },
    ]);
    expect(t[0].options).toEqual([
      { option: '良好', count: 1 },
      { option: '一般', count: 0 },
      { option: '困难', count: 2 },
    ]);
    expect(t[1]).toMatchObject({
      answered: 2,
      options: expect.arrayContaining([{ option: '融资', count: 2 }]),
    });
    expect(t[2]).toMatchObject({ answered: 2, mean: 75 });
    expect(t[3].options.map((o) => o.count)).toEqual([0, 0, 1, 1, 1]);
    expect(t[3].mean).toBe(4);
  });
  it('writes the report’s sentence from the figures', () => {
    expect(
      enterpriseVisitsSentence({ firmsVisited: 261, questionnaires: 261, issues: 544, issuesSolved: 300 }),
    ).toBe('走访企业261家，发放问卷261份，收集问题和建议544条，已解决300条');
  });
});
