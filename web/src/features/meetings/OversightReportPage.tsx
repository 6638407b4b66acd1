// One work report's oversight (监督法 Art. 17): the opinions sent and the handling report's due day (late
// flagged), the handling report, the satisfaction vote (counted against ALL members), and the follow-up.
// Congress staff take each next step.
import { useState } from 'react';
import { Button, Descriptions, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageHeader, usePagedList, useResource } from '../../shell/components';
import { FormModal } from '../../shell/FormModal';
import {
  openOversightFollowUp,
  paths,
  putOversightSatisfactionVote,
  recordOversightHandlingReport,
  sendOversightOpinions,
} from './api';
import { OVERSIGHT_STATUS_COLOR, type MeetingSummary, type OversightDetail } from './types';

type Dialog = 'opinions' | 'handling' | 'vote' | 'followUp' | null;

export default function OversightReportPage() {
  const { id } = useParams();
  const { t } = useTranslation('meetings');
  const { data: r, error, reload } = useResource<OversightDetail>(paths.getOversightReport(id));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm<Record<string, string>>();
  const meetings = usePagedList<MeetingSummary>(dialog === 'vote' ? paths.findMeetings() : null, {
    body: 'standingCommittee',
  });

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!r) return null;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const v = r.satisfactionVote;
  const actions: [Exclude<Dialog, null>, boolean][] = [
    ['opinions', r.abilities.sendOpinions],
    ['handling', r.abilities.recordHandlingReport],
    ['vote', r.abilities.putSatisfactionVote],
    ['followUp', r.abilities.followUp],
  ];
  const steps = {
    opinions: sendOversightOpinions,
    handling: recordOversightHandlingReport,
    vote: putOversightSatisfactionVote,
    followUp: openOversightFollowUp,
  } as const;

  return (
    <div style={{ maxWidth: 960, margin: '0 auto' }}>
      <PageHeader
        title={r.title}
        sub={
          <Space wrap>
            <Tag color={OVERSIGHT_STATUS_COLOR[r.status]} data-testid="oversight-status">
              {t(`oversightStatus.${r.status}`)}
            </Tag>
            <Typography.Text type="secondary">{r.organ}</Typography.Text>
          </Space>
        }
        extra={
          <Space wrap>
            {actions
              .filter(([, ok]) => ok)
              .map(([d]) => (
                <Button key={d} type="primary" onClick={() => setDialog(d)}>
                  {t(`oversight.action.${d}`)}
                </Button>
              ))}
          </Space>
        }
      />
      <Descriptions bordered column={1} size="small" styles={{ label: { width: 160 } }}>
        <Descriptions.Item label={t('appointments.meeting')}>
          <Link to={`/meetings/${r.meeting.id}`}>{r.meeting.title}</Link> · {r.heardOn}
        </Descriptions.Item>
        <Descriptions.Item label={t('oversight.opinions')}>
          {r.opinions ? (
            <>
              <div style={{ whiteSpace: 'pre-wrap' }}>{r.opinions}</div>
              <Typography.Text type="secondary">
                {t('oversight.sentOn', { date: r.opinionsSentOn })}
              </Typography.Text>
            </>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('oversight.due')}>
          {r.handlingDueOn ?? '—'}
          {r.handlingLate && (
            <Tag color="red" style={{ marginInlineStart: 8 }} data-testid="oversight-late">
              {t('oversight.late')}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('oversight.handling')}>
          {r.handlingSummary ? (
            <>
              <div style={{ whiteSpace: 'pre-wrap' }}>{r.handlingSummary}</div>
              <Typography.Text type="secondary">
                {t('oversight.receivedOn', { date: r.handlingReceivedOn })}
              </Typography.Text>
            </>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('oversight.satisfaction')}>
          {v?.status === 'closed' ? (
            <span data-testid="oversight-vote">
              {t('appointments.tally', {
                yes: v.yes,
                no: v.no,
                abstain: v.abstain,
                notVoting: v.notVoting,
                members: v.members,
              })}{' '}
              <Tag color={v.passed ? 'green' : 'red'}>
                {t(`oversightStatus.${v.passed ? 'satisfied' : 'notSatisfied'}`)}
              </Tag>
            </span>
          ) : r.satisfactionItemId ? (
            <Link to={`/meetings/${v?.meetingId ?? ''}`}>{t('oversight.voteScheduled')}</Link>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        {r.followUpPlan && (
          <Descriptions.Item label={t('oversight.followUp')}>{r.followUpPlan}</Descriptions.Item>
        )}
      </Descriptions>

      <FormModal<Record<string, string>, unknown>
        form={form}
        open={!!dialog}
        title={dialog ? t(`oversight.action.${dialog}`) : ''}
        values={null}
        destroyOnHidden
        initialValues={
          dialog === 'opinions' ? { sentOn: today } : dialog === 'handling' ? { receivedOn: today } : {}
        }
        save={(values) => steps[dialog!](r.id, values)}
        onSaved={() => {
          setDialog(null);
          reload();
        }}
        onClose={() => setDialog(null)}
      >
        {dialog === 'opinions' && (
          <>
            <Form.Item name="opinions" label={t('oversight.opinions')} rules={[{ required: true }]}>
              <Input.TextArea rows={5} maxLength={20000} data-testid="oversight-opinions" />
            </Form.Item>
            <Form.Item name="sentOn" label={t('oversight.sentOnLabel')}>
              <Input type="date" />
            </Form.Item>
          </>
        )}
        {dialog === 'handling' && (
          <>
            <Form.Item name="summary" label={t('oversight.handling')} rules={[{ required: true }]}>
              <Input.TextArea rows={5} maxLength={20000} data-testid="oversight-handling" />
            </Form.Item>
            <Form.Item name="receivedOn" label={t('oversight.receivedOnLabel')}>
              <Input type="date" />
            </Form.Item>
          </>
        )}
        {dialog === 'vote' && (
          <Form.Item name="meetingId" label={t('appointments.meeting')} rules={[{ required: true }]}>
            <Select
              data-testid="oversight-meeting"
              options={meetings.items
                .filter((m) => m.status !== 'closed')
                .map((m) => ({ value: m.id, label: `${m.date} ${m.title}` }))}
            />
          </Form.Item>
        )}
        {dialog === 'followUp' && (
          <Form.Item name="plan" label={t('oversight.followUp')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        )}
      </FormModal>
    </div>
  );
}
