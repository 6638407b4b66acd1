import { describe, expect, it } from 'vitest';
import { afterSatisfaction, furtherAnswerDue, INQUIRY_MIN_FILERS, nextInquiryStatus } from './inquiries';

describe('inquiries (质询案)', () => {
  it('are filed by 3 members of the standing committee or 10 deputies in sitting (Art. 53, Art. 24)', () => {
    expect(INQUIRY_MIN_FILERS.standingCommittee).toBe(3);
    expect(INQUIRY_MIN_FILERS.congress).toBe(10);
    expect(INQUIRY_MIN_FILERS.chairpersonsMeeting).toBeUndefined();
  });

  it('give a further answer at the standing committee when MORE than half of the filers are dissatisfied', () => {
    expect(furtherAnswerDue('standingCommittee', 4, 2)).toBe(false);
    expect(furtherAnswerDue('standingCommittee', 4, 3)).toBe(true);
    expect(furtherAnswerDue('standingCommittee', 3, 2)).toBe(true);
    expect(furtherAnswerDue('standingCommittee', 3, 1)).toBe(false);
  });

  it('give a further answer at the congress when half OR MORE of the filers are dissatisfied (代表法 Art. 20)', () => {
    expect(furtherAnswerDue('congress', 10, 5)).toBe(true);
    expect(furtherAnswerDue('congress', 10, 4)).toBe(false);
  });

  it('close once every filer has said, the first round possibly asking a further answer, the second never', () => {
    const s = (...v: (boolean | null)[]) => v.map((satisfied) => ({ satisfied }));
    expect(afterSatisfaction('standingCommittee', 1, s(false, false, null))).toBe('answered');
    expect(afterSatisfaction('standingCommittee', 1, s(false, false, true))).toBe('furtherAnswerDue');
    expect(afterSatisfaction('standingCommittee', 1, s(false, true, true))).toBe('closed');
    expect(afterSatisfaction('standingCommittee', 2, s(false, false, false))).toBe('closed');
  });

  it('follow the workflow: decided or declined when filed, answered, then rated', () => {
    expect(nextInquiryStatus('filed', 'decide')).toBe('toAnswer');
    expect(nextInquiryStatus('filed', 'decline')).toBe('declined');
    expect(nextInquiryStatus('toAnswer', 'answer')).toBe('answered');
    expect(nextInquiryStatus('furtherAnswerDue', 'answer')).toBe('answered');
    expect(nextInquiryStatus('closed', 'answer')).toBeNull();
    expect(nextInquiryStatus('answered', 'rateAnswer')).toBe('answered');
  });
});
