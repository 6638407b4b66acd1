// One vote on a member's phone: sign in if not yet, then yes / no / abstain with a confirmation, once; the
// result when closed. Staff see the count and who voted how (a named vote).
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Modal, Result, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError, problemMessage } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { castMeetingBallot, closeMeetingVote, paths, recordMeetingAttendance } from './api';
import type { Choice, MeetingVote } from './types';

const CHOICES: { choice: Choice; danger?: boolean; type: 'primary' | 'default' }[] = [
  { choice: 'yes', type: 'primary' },
  { choice: 'no', type: 'default', danger: true },
  { choice: 'abstain', type: 'default' },
];

export default function MeetingVotePage() {
  const { id } = useParams();
  const { t } = useTranslation('meetings');
  const { message } = App.useApp();
  const { data: v, error, reload } = useResource<MeetingVote>(paths.getMeetingVote(id));
  const [confirm, setConfirm] = useState<Choice | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (v?.status !== 'open') return;
    const timer = setInterval(reload, 5000);
    return () => clearInterval(timer);
  }, [v?.status]);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!v) return null;

  const act = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
    } catch (err) {
      message.error(problemMessage(err));
      if (!(err instanceof ApiError) || err.status !== 409) return;
    } finally {
      setBusy(false);
      setConfirm(null);
      reload();
    }
  };

  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <PageHeader
        title={v.item.title}
        sub={
          <Space wrap>
            <Tag color="blue">{t(`kind.${v.item.kind}`)}</Tag>
            <Link to={`/meetings/${v.meetingId}`}>{v.meeting.title}</Link>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">
        {t('vote.yesNeeded', { n: v.yesNeeded, members: v.members })}
      </Typography.Paragraph>

      {v.result ? (
        <Result
          status={v.result.passed ? 'success' : 'error'}
          title={v.result.passed ? t('meeting.passed') : t('meeting.failed')}
          subTitle={t('meeting.result', { ...v.result })}
          data-testid="vote-result"
        />
      ) : v.me?.choice ? (
        <Alert
          type="success"
          showIcon
          title={t('vote.youVoted', { choice: t(`choice.${v.me.choice}`) })}
          data-testid="voted"
        />
      ) : v.me && v.abilities.castBallot ? (
        <Card size="small">
          {v.me.attendance !== 'present' ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Alert type="info" showIcon title={t('vote.mustSignIn')} />
              <Button
                type="primary"
                size="large"
                block
                loading={busy}
                onClick={() =>
                  void act(() => recordMeetingAttendance(v.meetingId, { memberIds: [v.me!.deputyId] }))
                }
                data-testid="vote-sign-in"
              >
                {t('vote.signIn')}
              </Button>
            </Space>
          ) : (
            <Space direction="vertical" style={{ width: '100%' }} size="middle">
              <Typography.Text strong>{t('vote.choose')}</Typography.Text>
              {CHOICES.map((c) => (
                <Button
                  key={c.choice}
                  type={c.type}
                  danger={c.danger}
                  size="large"
                  block
                  onClick={() => setConfirm(c.choice)}
                  data-testid={`choice-${c.choice}`}
                >
                  {t(`choice.${c.choice}`)}
                </Button>
              ))}
            </Space>
          )}
        </Card>
      ) : (
        v.status === 'open' && (
          <Tag color="processing">{t('meeting.voteOpen', { cast: v.ballotsCast, members: v.members })}</Tag>
        )
      )}

      {v.status === 'open' && v.abilities.close && (
        <Button
          danger
          block
          style={{ marginTop: 16 }}
          loading={busy}
          onClick={() => void act(() => closeMeetingVote(v.id))}
        >
          {t('meeting.closeVote')}
        </Button>
      )}

      {v.ballots.length > 0 && (
        <Table
          style={{ marginTop: 16 }}
          rowKey="deputyId"
          size="small"
          pagination={false}
          dataSource={v.ballots}
          columns={[
            { title: t('meeting.name'), dataIndex: 'name', key: 'name' },
            { title: t('vote.title'), key: 'choice', render: (_, b) => t(`choice.${b.choice}`) },
          ]}
        />
      )}

      <Modal
        open={!!confirm}
        title={t('vote.confirmTitle')}
        okText={t('vote.cast')}
        confirmLoading={busy}
        onCancel={() => setConfirm(null)}
        onOk={() => void act(() => castMeetingBallot(v.id, { choice: confirm }))}
      >
        {confirm && t('vote.confirmText', { choice: t(`choice.${confirm}`) })}
      </Modal>
    </div>
  );
}
