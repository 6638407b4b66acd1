// One meeting: for staff, the console (agenda with documents and their deadlines, the sign-in sheet with leave,
// quorum, opening and closing each item's vote, the results); for a member on the roll, their sign-in and the
// way to each open vote.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { FormModal } from '../../shell/FormModal';
import { OpenSecretVoteDialog } from './OpenSecretVoteDialog';
import {
  addAgendaDocument,
  addAgendaItem,
  closeMeeting,
  closeMeetingVote,
  enterMeetingVoteRoomTotals,
  openMeetingVote,
  paths,
  recordMeetingAttendance,
  renderMeetingMinutes,
} from './api';
import { STATUS_COLOR } from './MeetingsPage';
import type { AgendaItem, MeetingDetail } from './types';

const KINDS = ['motion', 'report', 'appointment', 'removal', 'inquiry', 'election', 'other'];
const STAGES = ['sentForComment', 'submitted', 'distributedToMembers', 'appointmentCase'];
const ATTENDANCE_COLOR = { absent: 'default', present: 'green', onLeave: 'orange' } as const;

export default function MeetingPage() {
  const { id } = useParams();
  const { t } = useTranslation('meetings');
  const { message } = App.useApp();
  const { data: m, error, reload } = useResource<MeetingDetail>(paths.getMeeting(id));
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [leaveOpen, setLeaveOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [adding, setAdding] = useState(false);
  const [itemForm] = Form.useForm<{ kind: string; title: string }>();
  const [docFor, setDocFor] = useState<string | null>(null);
  const [docForm] = Form.useForm<{ stage: string; title: string; doneOn: string }>();
  const [roomFor, setRoomFor] = useState<string | null>(null);
  const [secretFor, setSecretFor] = useState<string | null>(null);
  const [roomForm] = Form.useForm<{ yes: number; no: number; abstain: number }>();

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!m) return null;
  const can = m.abilities;

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
      reload();
    } catch (err) {
      message.error(problemMessage(err));
      reload();
    } finally {
      setBusy(false);
    }
  };
  const sheet = (body: unknown) => run(() => recordMeetingAttendance(m.id, body));

  return (
    <div style={{ maxWidth: 1200, margin: '0 auto' }}>
      <PageHeader
        title={m.title}
        sub={
          <Space wrap>
            <Tag>{t(`body.${m.body}`)}</Tag>
            <Tag color={STATUS_COLOR[m.status]}>{t(`status.${m.status}`)}</Tag>
            <Typography.Text type="secondary">
              {m.date}
              {m.venue ? ` · ${m.venue}` : ''}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space wrap>
            {m.status !== 'planned' && (
              <Button
                data-testid="minutes-docx"
                onClick={() => void run(() => renderMeetingMinutes(m.id, `${m.title}纪要.docx`))}
              >
                {t('meeting.minutes')}
              </Button>
            )}
            {can.close && m.status === 'inSession' && (
              <Button onClick={() => void run(() => closeMeeting(m.id))} loading={busy}>
                {t('meeting.closeMeeting')}
              </Button>
            )}
          </Space>
        }
      />

      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[16, 16]}>
          <Col xs={8} md={4}>
            <Statistic title={t('meeting.members')} value={m.members} />
          </Col>
          <Col xs={8} md={4}>
            <Statistic title={t('meeting.present')} value={m.present} data-testid="present-count" />
          </Col>
          <Col xs={8} md={4}>
            <Statistic title={t('meeting.onLeave')} value={m.onLeave} />
          </Col>
          <Col xs={24} md={12}>
            <Space direction="vertical" size={4}>
              <Typography.Text strong>{t('meeting.quorum')}</Typography.Text>
              <Tag color={m.quorum ? 'green' : 'red'} data-testid="quorum">
                {m.quorum ? t('meeting.quorumMet') : t('meeting.quorumNotMet', { n: m.quorumNeeded })}
              </Tag>
              <Typography.Text type="secondary">{t('meeting.yesNeeded', { n: m.yesNeeded })}</Typography.Text>
            </Space>
          </Col>
        </Row>
      </Card>

      {m.me && (
        <Alert
          style={{ marginBottom: 16 }}
          type={m.me.attendance === 'present' ? 'success' : 'info'}
          showIcon
          title={t('meeting.youAre', { attendance: t(`attendance.${m.me.attendance}`) })}
          action={
            m.me.attendance === 'absent' && can.signInSelf && m.status !== 'closed' ? (
              <Button
                type="primary"
                loading={busy}
                onClick={() => void sheet({ memberIds: [m.me!.deputyId] })}
              >
                {t('meeting.signInMe')}
              </Button>
            ) : null
          }
        />
      )}

      <Card
        size="small"
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('meeting.agenda')}
          </Typography.Title>
        }
        style={{ marginBottom: 16 }}
        extra={
          can.addAgendaItem && m.status !== 'closed' ? (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-item">
              {t('meeting.addItem')}
            </Button>
          ) : null
        }
      >
        <List
          dataSource={m.agenda}
          locale={{ emptyText: t('meeting.noAgenda') }}
          renderItem={(item) => (
            <List.Item key={item.id} data-testid={`item-${item.position}`}>
              <AgendaRow
                item={item}
                meeting={m}
                busy={busy}
                run={run}
                onAddDocument={setDocFor}
                onRoomTotals={setRoomFor}
                onOpenSecret={setSecretFor}
              />
            </List.Item>
          )}
        />
      </Card>

      <Card
        size="small"
        title={
          <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
            {t('meeting.sheet')}
          </Typography.Title>
        }
        style={{ marginBottom: 16 }}
      >
        {/* The sheet's actions above the table (not in the card's header, where a phone squeezes the title). */}
        {can.recordAttendance && m.status !== 'closed' && (
          <div style={{ marginBottom: 12 }}>
            <Space wrap>
              <Button
                disabled={!selected.length}
                loading={busy}
                onClick={() => void sheet({ memberIds: selected }).then(() => setSelected([]))}
              >
                {t('meeting.signInSelected')}
              </Button>
              <Button disabled={!selected.length} onClick={() => setLeaveOpen(true)}>
                {t('meeting.recordLeave')}
              </Button>
              <Button
                type="primary"
                loading={busy}
                onClick={() => void sheet({ memberIds: 'all' })}
                data-testid="sign-in-all"
              >
                {t('meeting.signInAll')}
              </Button>
            </Space>
          </div>
        )}
        <Typography.Paragraph type="secondary">
          {m.rollFrozen ? t('meeting.rollFrozen') : t('meeting.rollPlanned')}
        </Typography.Paragraph>
        <Table
          rowKey="deputyId"
          size="small"
          pagination={false}
          // No horizontal scroll: three narrow columns fit a phone, and antd's scroll measure row would hide
          // the selection checkboxes from assistive technology while they stay focusable (axe aria-hidden-focus).
          dataSource={m.roll}
          rowSelection={
            can.recordAttendance && m.status !== 'closed'
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys as string[]),
                  getTitleCheckboxProps: () => ({ 'aria-label': t('meeting.signInSelected') }),
                  getCheckboxProps: (r) => ({ 'aria-label': t('meeting.selectMember', { name: r.name }) }),
                }
              : undefined
          }
          columns={[
            { title: t('meeting.name'), dataIndex: 'name', key: 'name' },
            {
              title: t('meeting.position'),
              key: 'position',
              render: (_, r) => t(`position.${r.position}`),
            },
            {
              title: t('meeting.attendance'),
              key: 'attendance',
              render: (_, r) => (
                <Space wrap>
                  <Tag color={ATTENDANCE_COLOR[r.attendance]}>{t(`attendance.${r.attendance}`)}</Tag>
                  {r.leaveReason && <Typography.Text type="secondary">{r.leaveReason}</Typography.Text>}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      {m.nonVotingAttendees.length > 0 && (
        <Card size="small" title={t('meeting.nonVoting')}>
          <Descriptions
            size="small"
            column={1}
            items={m.nonVotingAttendees.map((a, i) => ({
              key: String(i),
              label: a.organization,
              children: a.name,
            }))}
          />
        </Card>
      )}

      <Modal
        open={leaveOpen}
        title={t('meeting.recordLeave')}
        onCancel={() => setLeaveOpen(false)}
        okButtonProps={{ disabled: !reason.trim(), loading: busy }}
        onOk={() =>
          void sheet({ memberIds: selected, status: 'onLeave', reason }).then(() => {
            setLeaveOpen(false);
            setSelected([]);
            setReason('');
          })
        }
      >
        <Input.TextArea
          aria-label={t('meeting.leaveReason')}
          placeholder={t('meeting.leaveReason')}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>

      <FormModal<{ stage: string; title: string; doneOn: string }, { id: string }>
        form={docForm}
        open={!!docFor}
        title={t('meeting.addDocument')}
        values={null}
        initialValues={{ stage: 'distributedToMembers' }}
        save={(v, key) => addAgendaDocument(m.id, docFor, v, key)}
        onSaved={() => {
          setDocFor(null);
          reload();
        }}
        onClose={() => setDocFor(null)}
      >
        <Form.Item name="stage" label={t('meeting.documentStage')} rules={[{ required: true }]}>
          <Select options={STAGES.map((k) => ({ value: k, label: t(`stage.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('meeting.documentTitle')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="doneOn" label={t('meeting.documentDoneOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </FormModal>

      <OpenSecretVoteDialog meetingId={m.id} itemId={secretFor} onClose={() => setSecretFor(null)} />

      <FormModal<{ yes: number; no: number; abstain: number }, { status: string; agreed: boolean }>
        form={roomForm}
        open={!!roomFor}
        title={t('meeting.roomTotals')}
        values={null}
        destroyOnHidden
        before={<Typography.Paragraph type="secondary">{t('meeting.roomTotalsHelp')}</Typography.Paragraph>}
        save={(v) => enterMeetingVoteRoomTotals(roomFor, v)}
        successMessage={t('meeting.roomTotalsSaved')}
        onSaved={(r) => {
          setRoomFor(null);
          if (!r.agreed) void message.info(t('meeting.roomTotalsWaiting'));
          reload();
        }}
        onClose={() => setRoomFor(null)}
      >
        {(['yes', 'no', 'abstain'] as const).map((k) => (
          <Form.Item key={k} name={k} label={t(`choice.${k}`)} rules={[{ required: true }]}>
            <InputNumber
              min={0}
              max={m.members}
              precision={0}
              style={{ width: '100%' }}
              data-testid={`room-${k}`}
            />
          </Form.Item>
        ))}
      </FormModal>

      <FormModal<{ kind: string; title: string }, { id: string }>
        form={itemForm}
        open={adding}
        title={t('meeting.addItem')}
        values={null}
        initialValues={{ kind: 'motion' }}
        save={(v, key) => addAgendaItem(m.id, v, key)}
        onSaved={() => {
          setAdding(false);
          reload();
        }}
        onClose={() => setAdding(false)}
      >
        <Form.Item name="kind" label={t('meeting.itemKind')} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} data-testid="item-kind" />
        </Form.Item>
        <Form.Item name="title" label={t('meeting.itemTitle')} rules={[{ required: true }]}>
          <Input maxLength={300} data-testid="item-title" />
        </Form.Item>
      </FormModal>
    </div>
  );
}

function AgendaRow({
  item,
  meeting: m,
  busy,
  run,
  onAddDocument,
  onRoomTotals,
  onOpenSecret,
}: {
  item: AgendaItem;
  meeting: MeetingDetail;
  busy: boolean;
  run: (fn: () => Promise<unknown>) => Promise<void>;
  onAddDocument: (itemId: string) => void;
  onRoomTotals: (voteId: string) => void;
  onOpenSecret: (itemId: string) => void;
}) {
  const { t } = useTranslation('meetings');
  const v = item.vote;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>
          {item.position}. {item.title}
        </Typography.Text>
        <Tag color="blue">{t(`kind.${item.kind}`)}</Tag>
        {item.secret && <Tag>{t('meeting.secret')}</Tag>}
        {!item.voted && <Tag>{t('meeting.notVoted')}</Tag>}
        {m.abilities.addAgendaItem && m.status !== 'closed' && (
          <Button size="small" type="link" onClick={() => onAddDocument(item.id)}>
            {t('meeting.addDocument')}
          </Button>
        )}
      </Space>
      {item.documents.length > 0 && (
        <Space direction="vertical" size={2}>
          {item.documents.map((d) => (
            <Space key={d.id} wrap size={6}>
              <Typography.Text type="secondary">
                {t(`stage.${d.stage}`)} · {d.title} · {t('meeting.doneOn', { date: d.doneOn })} ·{' '}
                {t('meeting.deadline', { date: d.deadline })}
              </Typography.Text>
              {d.late ? (
                <Tag color="red">{t('meeting.late')}</Tag>
              ) : (
                <Tag color="green">{t('meeting.onTime')}</Tag>
              )}
            </Space>
          ))}
        </Space>
      )}
      {v?.status === 'open' && (
        <Space wrap>
          <Tag color="processing">{t('meeting.voteOpen', { cast: v.ballotsCast, members: v.members })}</Tag>
          {m.me &&
            (v.myChoice ? (
              <Tag color="green">{t('vote.youVoted', { choice: t(`choice.${v.myChoice}`) })}</Tag>
            ) : (
              <Link to={`/meeting-votes/${v.id}`}>{t('meeting.goVote')}</Link>
            ))}
          {m.abilities.openVote && v.ballotsCast === 0 && !item.secret && (
            <Button data-testid={`room-totals-${item.position}`} onClick={() => onRoomTotals(v.id)}>
              {t('meeting.roomTotals')}
            </Button>
          )}
          {m.abilities.openVote && (
            <Popconfirm
              title={t('meeting.confirmClose')}
              onConfirm={() => void run(() => closeMeetingVote(v.id))}
            >
              <Button danger loading={busy} data-testid={`close-vote-${item.position}`}>
                {t('meeting.closeVote')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
      {v?.status === 'closed' && (
        <Space wrap data-testid={`result-${item.position}`}>
          <Tag color={v.passed ? 'green' : 'red'}>{v.passed ? t('meeting.passed') : t('meeting.failed')}</Tag>
          <Typography.Text>
            {t('meeting.result', {
              yes: v.yes,
              no: v.no,
              abstain: v.abstain,
              notVoting: v.notVoting,
              members: v.members,
            })}
          </Typography.Text>
        </Space>
      )}
      {!v && item.voted && m.abilities.openVote && m.status === 'inSession' && !item.secret && (
        <Button
          type="primary"
          loading={busy}
          onClick={() => void run(() => openMeetingVote(m.id, item.id))}
          data-testid={`open-vote-${item.position}`}
        >
          {t('meeting.openVote')}
        </Button>
      )}
      {(v?.status === 'preparing' || v?.status === 'counting' || (v && item.secret)) && (
        <Space wrap>
          {v.status !== 'open' && v.status !== 'closed' && (
            <Tag color="processing">
              {t(v.status === 'preparing' ? 'secret.preparing' : 'secret.counting')}
            </Tag>
          )}
          <Link to={`/meeting-votes/${v.id}`} data-testid={`secret-vote-${item.position}`}>
            {t('secret.openPage')}
          </Link>
        </Space>
      )}
      {!v && item.voted && item.secret && m.abilities.openVote && m.status === 'inSession' && (
        <Button
          type="primary"
          onClick={() => onOpenSecret(item.id)}
          data-testid={`open-vote-${item.position}`}
        >
          {t('meeting.openVote')}
        </Button>
      )}
    </Space>
  );
}
