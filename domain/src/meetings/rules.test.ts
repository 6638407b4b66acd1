// The quorum and passing rules of each body, and the document lead times (地方组织法 Art. 14, 25, 51; 监督法 Art. 15).
import { describe, expect, it } from 'vitest';
import {
  ALWAYS_SECRET_KINDS,
  documentDeadline,
  hasQuorum,
  isDocumentLate,
  meetingsSettingsSchema,
  passes,
  quorumNeeded,
  tallyVote,
  yesNeeded,
  type VoteChoice,
} from './index';
import { nextMeetingStatus, nextMeetingVoteStatus } from './workflow';

const ballots = (yes: number, no: number, abstain: number): VoteChoice[] => [
  ...Array<VoteChoice>(yes).fill('yes'),
  ...Array<VoteChoice>(no).fill('no'),
  ...Array<VoteChoice>(abstain).fill('abstain'),
];

describe('quorum (地方组织法 Art. 14, 51)', () => {
  it('the standing committee sits with MORE than half of ALL members: 35 members need 18, 17 is not enough', () => {
    expect(hasQuorum('standingCommittee', 35, 35)).toBe(true);
    expect(hasQuorum('standingCommittee', 35, 18)).toBe(true);
    expect(hasQuorum('standingCommittee', 35, 17)).toBe(false);
    expect(quorumNeeded('standingCommittee', 35)).toBe(18);
  });

  it('the standing committee with an even membership: exactly half is no quorum, half plus one is', () => {
    expect(hasQuorum('standingCommittee', 30, 15)).toBe(false);
    expect(hasQuorum('standingCommittee', 30, 16)).toBe(true);
    expect(quorumNeeded('standingCommittee', 30)).toBe(16);
  });

  it('the congress sits with two thirds or more of ALL deputies, exactly two thirds included', () => {
    expect(hasQuorum('congress', 300, 300)).toBe(true);
    expect(hasQuorum('congress', 300, 200)).toBe(true);
    expect(hasQuorum('congress', 300, 199)).toBe(false);
    expect(hasQuorum('congress', 300, 151)).toBe(false);
    expect(quorumNeeded('congress', 400)).toBe(267);
    expect(hasQuorum('congress', 400, 266)).toBe(false);
  });

  it('the chairpersons’ meeting follows the standing committee’s rule (more than half)', () => {
    expect(hasQuorum('chairpersonsMeeting', 6, 3)).toBe(false);
    expect(hasQuorum('chairpersonsMeeting', 6, 4)).toBe(true);
  });

  it('a body with no members never has a quorum', () => {
    expect(hasQuorum('standingCommittee', 0, 0)).toBe(false);
    expect(hasQuorum('congress', 0, 0)).toBe(false);
  });
});

describe('passing: more than half of ALL members (地方组织法 Art. 25, 51)', () => {
  it('all members yes passes; half fails (a tie at half); half plus one passes', () => {
    expect(passes(35, 35)).toBe(true);
    expect(passes(17, 35)).toBe(false);
    expect(passes(18, 35)).toBe(true);
    expect(passes(15, 30)).toBe(false);
    expect(passes(16, 30)).toBe(true);
    expect(yesNeeded(30)).toBe(16);
    expect(yesNeeded(35)).toBe(18);
  });

  it('counts against ALL members, not those present or voting: 17 yes to 3 no of 35 fails', () => {
    const t = tallyVote(ballots(17, 3, 0), 35);
    expect(t).toEqual({ yes: 17, no: 3, abstain: 0, notVoting: 15, members: 35, passed: false });
  });

  it('abstentions and members who do not vote count as not yes', () => {
    expect(tallyVote(ballots(18, 0, 17), 35).passed).toBe(true);
    expect(tallyVote(ballots(17, 0, 18), 35)).toMatchObject({ passed: false, abstain: 18, notVoting: 0 });
    expect(tallyVote(ballots(17, 1, 1), 35)).toMatchObject({ passed: false, notVoting: 16 });
  });

  it('the congress passes with more than half of ALL deputies (Art. 25): 201 of 400 passes, 200 fails', () => {
    expect(tallyVote(ballots(200, 10, 60), 400).passed).toBe(false);
    expect(tallyVote(ballots(201, 150, 49), 400).passed).toBe(true);
  });

  it('a vote with no members never passes', () => {
    expect(passes(0, 0)).toBe(false);
  });
});

describe('document lead times (监督法 Art. 15)', () => {
  it('defaults: 20 days for comment, 10 to submit, 7 to distribute; appointment cases 10 (a setting)', () => {
    const s = meetingsSettingsSchema.parse({});
    expect(s.leadDays).toEqual({
      sentForComment: 20,
      submitted: 10,
      distributedToMembers: 7,
      appointmentCase: 10,
    });
    expect(s.secretKinds).toEqual(['appointment', 'removal', 'election']);
    expect(meetingsSettingsSchema.parse({ leadDays: { appointmentCase: 14 } }).leadDays.submitted).toBe(10);
  });

  it('appointments and removals (免职) are secret by a setting; a dismissal (撤职) always is (监督法 Art. 62)', () => {
    expect(meetingsSettingsSchema.parse({ secretKinds: ['election'] }).secretKinds).toEqual(['election']);
    expect(ALWAYS_SECRET_KINDS).toEqual(['dismiss']);
  });

  it('counts calendar days back from the meeting, across a month end; done on the deadline is in time', () => {
    expect(documentDeadline('2027-03-05', 7)).toBe('2027-02-26');
    expect(isDocumentLate('2027-03-05', 7, '2027-02-26')).toBe(false);
    expect(isDocumentLate('2027-03-05', 7, '2027-02-27')).toBe(true);
    expect(documentDeadline('2027-01-08', 10)).toBe('2026-12-29');
  });

  it('counts weekends and holidays as days: "会议举行的七日前" is a calendar day, not moved off a holiday', () => {
    // A meeting on Friday 2026-10-09: distribution due Friday 2026-10-02, inside the National Day holiday;
    // submission due Tuesday 2026-09-29; sent for comment due Saturday 2026-09-19.
    expect(documentDeadline('2026-10-09', 7)).toBe('2026-10-02');
    expect(documentDeadline('2026-10-09', 10)).toBe('2026-09-29');
    expect(documentDeadline('2026-10-09', 20)).toBe('2026-09-19');
    // Done on the Monday after a weekend deadline is late.
    expect(isDocumentLate('2026-10-09', 20, '2026-09-21')).toBe(true);
  });
});

describe('status machines', () => {
  it('a meeting starts with its first sign-in, votes open only in session, nothing after close', () => {
    expect(nextMeetingStatus('planned', 'recordAttendance')).toBe('inSession');
    expect(nextMeetingStatus('planned', 'openVote')).toBeNull();
    expect(nextMeetingStatus('inSession', 'openVote')).toBe('inSession');
    expect(nextMeetingStatus('closed', 'addAgendaItem')).toBeNull();
    expect(nextMeetingVoteStatus('closed', 'castBallot')).toBeNull();
    expect(nextMeetingVoteStatus('open', 'close')).toBe('closed');
  });
});
