-- The registry follows the law on electoral districts and standing-committee offices (issue 16 §4).
--
-- An electoral district elects one to three deputies (选举法 Art. 25): the registry accepted up to 20. A district
-- recorded with more seats is brought down to three (a district that really elects more must be split by the
-- election committee); the CHECK keeps it so.
UPDATE electoral_districts SET seats = 3 WHERE seats > 3;
ALTER TABLE electoral_districts DROP CONSTRAINT electoral_districts_seats_check;
ALTER TABLE electoral_districts ADD CONSTRAINT electoral_districts_seats_check CHECK (seats BETWEEN 1 AND 3);

-- A county, district or township standing committee has no secretary-general (地方组织法 Art. 47): one recorded
-- there becomes an ordinary member.
UPDATE committee_members cm SET position = 'member'
FROM congresses c
WHERE c.id = cm.congress_id AND c.level IN ('district', 'township')
  AND cm.body = 'standingCommittee' AND cm.position = 'secretaryGeneral';

-- The chairpersons' meeting is computed from the standing committee's offices by the congress's level
-- (地方组织法 Art. 54): its rows, appointed apart until now, are dropped and no longer accepted.
DELETE FROM committee_members WHERE body = 'chairpersonsMeeting';
ALTER TABLE committee_members DROP CONSTRAINT committee_members_body_check;
ALTER TABLE committee_members ADD CONSTRAINT committee_members_body_check
  CHECK (body IN ('standingCommittee', 'workingCommittee'));
