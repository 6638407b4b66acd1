// The published result of a vote (public): validity, quorum, turnout, the paper ballots' statement (void and
// blank ones), votes per candidate, the chosen.
import { Alert, Button, Card, Descriptions, List, Progress, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { exportProjectVoteResultsDocx, exportProjectVoteResultsXlsx, paths } from './api';
import type { VoteResult } from './types';

export default function ResultsPage() {
  const { id } = useParams();
  const { t } = useTranslation('livelihood');
  const { data: r, error, reload } = useResource<VoteResult>(paths.getProjectVoteResults(id));
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!r) return null;
  const max = Math.max(1, ...r.candidates.map((c) => c.votes));
  const why = whyNoneChosen(r);
  return (
    <div style={{ maxWidth: 820, margin: '0 auto' }}>
      <PageHeader
        title={`${r.title} · ${t('results.title')}`}
        extra={
          <>
            <Button onClick={() => exportProjectVoteResultsXlsx(r.id, `project-vote-${r.year}.xlsx`)}>
              {t('results.xlsx')}
            </Button>
            <Button onClick={() => exportProjectVoteResultsDocx(r.id, `project-vote-${r.year}.docx`)}>
              {t('results.docx')}
            </Button>
          </>
        }
      />
      <Alert
        type={!r.valid ? 'error' : why ? 'warning' : 'success'}
        showIcon
        title={
          r.valid
            ? t(why ? 'results.validNone' : 'results.valid')
            : `${t('results.invalid')}：${t(`results.${r.invalidReason}`)}`
        }
        description={
          <Space direction="vertical" size={2}>
            {why && (
              <Typography.Text strong data-testid="none-chosen-reason">
                {t(`results.whyNone.${why}`, {
                  present: r.quorum.present,
                  needed: r.quorum.needed,
                  cast: r.turnout.ballotsCast - (r.turnout.voidBallots ?? 0),
                  n: r.threshold.votesNeeded,
                  top: r.candidates.reduce((m, c) => Math.max(m, c.votes), 0),
                })}
              </Typography.Text>
            )}
            <span>
              {t('results.turnout', {
                roll: r.quorum.rollSize,
                present: r.quorum.present,
                cast: r.turnout.ballotsCast,
              })}
            </span>
            <span>
              {r.threshold.rule === 'mostVotes'
                ? t('results.mostVotes')
                : t('results.threshold', {
                    base: t(r.threshold.base === 'roll' ? 'results.baseRoll' : 'results.basePresent'),
                    size: r.threshold.baseSize,
                    n: r.threshold.votesNeeded,
                  })}
            </span>
            {r.paperStatement && (
              <span data-testid="paper-statement">
                {t('results.paperStatement', {
                  issued: r.paperStatement.issued ?? '—',
                  returned: r.paperStatement.returned,
                  valid: r.paperStatement.valid ?? '—',
                  void: r.paperStatement.void,
                  blank: r.paperStatement.blank ?? '—',
                })}
              </span>
            )}
            {r.runoff && (
              <span>{t('results.runoff', { n: r.runoff.candidateIds.length, seats: r.runoff.seats })}</span>
            )}
            {r.valid && r.shortfall > 0 && <span>{t('results.shortfall', { n: r.shortfall })}</span>}
            {r.advisory && <span>{t('results.advisory')}</span>}
          </Space>
        }
        style={{ marginBottom: 16 }}
      />
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 3 }}
          items={[
            { key: 'c', label: t('results.chosen'), children: `${r.chosen.length} / ${r.maxChoices}` },
            { key: 'b', label: t('console.ballots'), children: r.electronicBallots },
            { key: 'p', label: t('console.paper'), children: r.paperBallots },
          ]}
        />
        <List
          dataSource={r.candidates}
          renderItem={(c, i) => (
            <List.Item key={c.id}>
              <div style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text type="secondary">{i + 1}.</Typography.Text>
                  <Typography.Text strong={c.chosen}>{c.title}</Typography.Text>
                  {c.chosen && <Tag color="green">{t('results.chosen')}</Tag>}
                  {!c.chosen && c.passed && <Tag>{t('results.passed')}</Tag>}
                </Space>
                <Progress
                  aria-label={`${c.title}: ${t('results.votes')} ${c.votes}`}
                  percent={(c.votes / max) * 100}
                  status="normal"
                  format={() => `${c.votes}`}
                  strokeColor={c.chosen ? '#389e0d' : '#1677ff'}
                />
              </div>
            </List.Item>
          )}
        />
      </Card>
      <div style={{ marginTop: 12, textAlign: 'center' }}>
        <Link to={`/livelihood/votes/${r.id}/bulletin`}>{t('bulletin.verify')}</Link>
      </div>
    </div>
  );
}

/** Why a vote chose no project, or null when it chose some. */
function whyNoneChosen(
  r: VoteResult,
): 'noQuorum' | 'overCast' | 'runoff' | 'fewBallots' | 'belowThreshold' | null {
  if (r.chosen.length > 0) return null;
  if (!r.valid) return r.invalidReason ?? 'noQuorum';
  if (r.runoff) return 'runoff';
  const validBallots = r.turnout.ballotsCast - (r.turnout.voidBallots ?? 0);
  if (validBallots < r.threshold.votesNeeded) return 'fewBallots';
  return 'belowThreshold';
}
