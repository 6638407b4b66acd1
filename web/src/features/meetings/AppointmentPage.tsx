// One appointment or removal case: the nominee, the post, the reasons and CV, the statutory deadline, the
// meeting and the vote (counted against ALL members), the holding it made or ended, and the oath. Congress
// staff put it on a standing-committee meeting's agenda, withdraw it, or record the oath.
import { useState } from 'react';
import { App, Button, Descriptions, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api';
import { ErrorAlert, PageHeader, usePagedList, useResource } from '../../shell/components';
import { FormModal } from '../../shell/FormModal';
import {
  paths,
  putAppointmentOnAgenda,
  recordAppointmentOath,
  recordNomineeStatement,
  renderAppointmentLetter,
  withdrawAppointment,
} from './api';
import { APPOINTMENT_STATUS_COLOR, type AppointmentDetail, type MeetingSummary } from './types';

export default function AppointmentPage() {
  const { id } = useParams();
  const { t } = useTranslation('meetings');
  const { message } = App.useApp();
  const { data: a, error, reload } = useResource<AppointmentDetail>(paths.getAppointment(id));
  const [agendaOpen, setAgendaOpen] = useState(false);
  const [oathOpen, setOathOpen] = useState(false);
  const [agendaForm] = Form.useForm<{ meetingId: string }>();
  const [oathForm] = Form.useForm<{ on: string; witness: string }>();
  const [statementOpen, setStatementOpen] = useState(false);
  const [statementForm] = Form.useForm<{ summary: string; on: string }>();
  const meetings = usePagedList<MeetingSummary>(a?.abilities.putOnAgenda ? paths.findMeetings() : null, {
    body: 'standingCommittee',
  });

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!a) return null;
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  const withdraw = async () => {
    try {
      await withdrawAppointment(a.id);
    } catch (err) {
      message.error(problemMessage(err));
    }
    reload();
  };

  return (
    <div style={{ maxWidth: 960, margin: '0 auto' }}>
      <PageHeader
        title={`${t(`appointmentKind.${a.kind}`)} · ${a.nomineeName}`}
        sub={
          <Space wrap>
            <Tag color={APPOINTMENT_STATUS_COLOR[a.status]} data-testid="case-status">
              {t(`appointmentStatus.${a.status}`)}
            </Tag>
            <Typography.Text type="secondary">{a.post}</Typography.Text>
          </Space>
        }
        extra={
          <Space wrap>
            {a.abilities.putOnAgenda && (
              <Button type="primary" onClick={() => setAgendaOpen(true)}>
                {t('appointments.putOnAgenda')}
              </Button>
            )}
            {a.abilities.recordStatement && (
              <Button onClick={() => setStatementOpen(true)} data-testid="record-statement">
                {t('appointments.recordStatement')}
              </Button>
            )}
            {a.abilities.recordOath && (
              <Button type="primary" onClick={() => setOathOpen(true)}>
                {t('appointments.recordOath')}
              </Button>
            )}
            {a.status === 'appointed' && (
              <Button
                data-testid="letter-docx"
                onClick={() =>
                  void renderAppointmentLetter(a.id, `任命书-${a.nomineeName}.docx`).catch((err: unknown) =>
                    message.error(problemMessage(err)),
                  )
                }
              >
                {t('appointments.letter')}
              </Button>
            )}
            {a.abilities.withdraw && (
              <Popconfirm title={t('appointments.withdrawConfirm')} onConfirm={() => void withdraw()}>
                <Button danger>{t('appointments.withdraw')}</Button>
              </Popconfirm>
            )}
          </Space>
        }
      />
      <Descriptions bordered column={1} size="small" styles={{ label: { width: 160 } }}>
        <Descriptions.Item label={t('appointments.organ')}>
          {t(`organ.${a.nominatingOrgan}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('register.post')}>
          {a.post}
          {a.acting && <Tag style={{ marginInlineStart: 8 }}>{t('register.acting')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('appointments.organization')}>{a.organization}</Descriptions.Item>
        <Descriptions.Item label={t('appointments.reasons')}>{a.reasons || '—'}</Descriptions.Item>
        {a.kind === 'appoint' && (
          <Descriptions.Item label={t('appointments.cv')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{a.cv || '—'}</span>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('appointments.filedOn')}>
          {a.filedOn}
          {a.deadlineOn && (
            <Typography.Text type={a.filedLate ? 'danger' : 'secondary'} style={{ marginInlineStart: 8 }}>
              {t(a.filedLate ? 'appointments.late' : 'appointments.deadline', { date: a.deadlineOn })}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('appointments.meeting')}>
          {a.meeting ? <Link to={`/meetings/${a.meeting.id}`}>{a.meeting.title}</Link> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('appointments.vote')}>
          {a.vote?.status === 'closed' ? (
            <span data-testid="case-vote">
              {t('appointments.tally', {
                yes: a.vote.yes,
                no: a.vote.no,
                abstain: a.vote.abstain,
                notVoting: a.vote.notVoting,
                members: a.vote.members,
              })}{' '}
              <Tag color={a.vote.passed ? 'green' : 'red'}>
                {t(a.vote.passed ? 'appointments.passed' : 'appointments.failed')}
              </Tag>
            </span>
          ) : a.vote ? (
            t('appointments.voting')
          ) : (
            '—'
          )}
        </Descriptions.Item>
        {a.holding && (
          <Descriptions.Item label={t('appointments.holding')}>
            {a.holding.holderName} · {a.holding.startedOn} —{' '}
            {a.holding.endedOn
              ? `${a.holding.endedOn}（${t(`register.endReason.${a.holding.endReason}`)}）`
              : t('appointments.inOffice')}
          </Descriptions.Item>
        )}
        {a.statement && (
          <Descriptions.Item label={t('appointments.statement')}>
            {a.statementOn} · {a.statement}
          </Descriptions.Item>
        )}
        {a.status === 'appointed' && (
          <Descriptions.Item label={t('appointments.oath')}>
            {a.oathOn ? t('appointments.oathDone', { on: a.oathOn, witness: a.oathWitness }) : '—'}
          </Descriptions.Item>
        )}
      </Descriptions>

      <FormModal<{ meetingId: string }, { agendaItemId: string }>
        form={agendaForm}
        open={agendaOpen}
        title={t('appointments.putOnAgenda')}
        values={null}
        save={(v) => putAppointmentOnAgenda(a.id, v)}
        onSaved={() => {
          setAgendaOpen(false);
          reload();
        }}
        onClose={() => setAgendaOpen(false)}
      >
        <Form.Item name="meetingId" label={t('appointments.meeting')} rules={[{ required: true }]}>
          <Select
            data-testid="case-meeting"
            options={meetings.items
              .filter((m) => m.status !== 'closed')
              .map((m) => ({ value: m.id, label: `${m.date} ${m.title}` }))}
          />
        </Form.Item>
      </FormModal>

      <FormModal<{ summary: string; on: string }, unknown>
        form={statementForm}
        open={statementOpen}
        title={t('appointments.recordStatement')}
        values={null}
        initialValues={{ on: today, summary: a.statement ?? '' }}
        save={(v) => recordNomineeStatement(a.id, v)}
        onSaved={() => {
          setStatementOpen(false);
          reload();
        }}
        onClose={() => setStatementOpen(false)}
      >
        <Form.Item name="summary" label={t('appointments.statement')} rules={[{ required: true, max: 8000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="on" label={t('appointments.statementOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </FormModal>

      <FormModal<{ on: string; witness: string }, unknown>
        form={oathForm}
        open={oathOpen}
        title={t('appointments.recordOath')}
        values={null}
        initialValues={{ on: today }}
        save={(v) => recordAppointmentOath(a.id, v)}
        onSaved={() => {
          setOathOpen(false);
          reload();
        }}
        onClose={() => setOathOpen(false)}
      >
        <Form.Item name="on" label={t('appointments.oathOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="witness" label={t('appointments.witness')} rules={[{ required: true }]}>
          <Input maxLength={60} data-testid="oath-witness" />
        </Form.Item>
      </FormModal>
    </div>
  );
}
