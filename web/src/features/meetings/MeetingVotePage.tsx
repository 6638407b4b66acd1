// One vote on a member's phone: sign in if not yet, then yes / no / abstain with a confirmation, once; the
// result when closed. Staff see the count and who voted how (a named vote). A secret vote (issue 21's engine)
// is encrypted here, on the member's device, before it is sent, and answered with a receipt; its tellers hold
// their key ceremony and decrypt the totals from this page (TellerPanel), and staff open its ballot.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Modal, Result, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError, problemMessage } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import {
  castMeetingBallot,
  closeMeetingVote,
  meetingVoteBulletinUrl,
  openMeetingVoteBallot,
  paths,
  recordMeetingAttendance,
  meetingVoteTellerEndpoints,
} from './api';
import { TellerPanel } from '../../shell/TellerPanel';
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
  const [receipt, setReceipt] = useState<string | null>(null);
  useEffect(() => {
    if (v?.status !== 'open' && v?.status !== 'counting' && v?.status !== 'preparing') return;
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

  const secret = v.secret;
  /** The member's choice: named as it is; secret, encrypted here first (the server sees ciphertexts only). */
  const cast = async (choice: Choice) => {
    if (!secret) return castMeetingBallot(v.id, { choice });
    if (!secret.encryption) return;
    const { encryptBallot } = await import('@minyi/domain/ballots/crypto');
    await new Promise((r) => setTimeout(r, 30));
    const ballot = encryptBallot(
      {
        voteId: v.id,
        curve: secret.encryption.curve,
        publicKey: secret.encryption.publicKey,
        candidates: secret.options.length,
        maxChoices: secret.maxChoices,
      },
      [secret.options.findIndex((o) => o.choice === choice)],
    );
    const r = await castMeetingBallot(v.id, ballot);
    if (r.receipt) setReceipt(r.receipt);
  };
  const votedSecretly = !!secret?.hasVoted || !!receipt;

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
      {secret && v.status !== 'closed' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('secret.intro')}
          data-testid="secret-intro"
        />
      )}
      {secret && secret.tellerIndex != null && v.status !== 'open' && (
        <TellerPanel vote={v} endpoints={meetingVoteTellerEndpoints(v.id)} reload={reload} />
      )}
      {secret && v.status === 'preparing' && (
        <Card size="small" style={{ marginBottom: 12 }} title={t('secret.preparing')}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {secret.tellers.map((x) => (
              <Typography.Text key={x.index}>
                {x.index}. {x.name}{' '}
                <Tag color={x.deal ? 'green' : 'default'}>
                  {t(x.deal ? 'secret.dealt' : x.ceremonyKey ? 'secret.keyPosted' : 'secret.waiting')}
                </Tag>
              </Typography.Text>
            ))}
            {v.abilities.close && (
              <Button
                type="primary"
                block
                loading={busy}
                disabled={!secret.tellers.every((x) => x.deal)}
                onClick={() => void act(() => openMeetingVoteBallot(v.id))}
                data-testid="open-ballot"
              >
                {t('secret.openBallot')}
              </Button>
            )}
          </Space>
        </Card>
      )}
      {secret && v.status === 'counting' && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('secret.counting')} />
      )}

      {v.result ? (
        <Result
          status={v.result.passed ? 'success' : 'error'}
          title={v.result.passed ? t('meeting.passed') : t('meeting.failed')}
          subTitle={t(secret ? 'secret.result' : 'meeting.result', { ...v.result })}
          data-testid="vote-result"
        />
      ) : v.me?.choice ? (
        <Alert
          type="success"
          showIcon
          title={t('vote.youVoted', { choice: t(`choice.${v.me.choice}`) })}
          data-testid="voted"
        />
      ) : votedSecretly ? (
        <Alert
          type="success"
          showIcon
          title={t('secret.voted')}
          description={
            receipt && (
              <Typography.Text
                copyable={{ text: receipt }}
                data-testid="receipt"
                style={{ wordBreak: 'break-all' }}
              >
                {t('secret.receipt')}: {receipt}
              </Typography.Text>
            )
          }
          data-testid="voted"
        />
      ) : v.me && v.abilities.castBallot && v.status === 'open' ? (
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

      {secret && v.status === 'closed' && (
        <Typography.Paragraph style={{ marginTop: 12 }}>
          <a href={meetingVoteBulletinUrl(v.id)} target="_blank" rel="noreferrer" data-testid="bulletin">
            {t('secret.bulletin')}
          </a>
        </Typography.Paragraph>
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
        onOk={() => void act(() => cast(confirm!))}
      >
        {confirm && t('vote.confirmText', { choice: t(`choice.${confirm}`) })}
        {secret && busy && <Alert type="info" showIcon title={t('secret.encrypting')} />}
      </Modal>
    </div>
  );
}
