// One activity. For the deputy on a phone: their answer (coming, or leave with the reason) and the check-in
// button while the window is open (a token from the place's QR code in the address is sent along). For staff:
// the QR code to print, invitations, the sign-in sheet, and the record whose findings go to the units as
// opinions, each with where it stands.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  QRCode,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { CheckCircleOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, newIdempotencyKey, problemMessage } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { formatDateTime } from '../../shell/datetime';
import { useIsMobile } from '../../shell/responsive';
import {
  answerActivityInvitation,
  checkInActivity,
  inviteActivityDeputies,
  paths,
  recordActivity,
  recordActivityAttendance,
} from './api';
import { DeputyPicker, KindTag, span } from './shared';
import type { ActivityDetail, Participant } from './types';

export default function ActivityPage() {
  const { id } = useParams();
  const { t } = useTranslation('activities');
  const { data: a, error, reload } = useResource<ActivityDetail>(paths.getActivity(id));
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!a) return null;
  const can = a.abilities;
  return (
    <div style={{ maxWidth: 1100, margin: '0 auto' }}>
      <PageHeader
        title={a.title}
        sub={
          <Space wrap>
            <KindTag kind={a.kind} />
            {a.campaign && (
              <Link to={`/campaigns/${a.campaign.id}`}>
                <Tag color="red">{a.campaign.title}</Tag>
              </Link>
            )}
          </Space>
        }
      />
      {(can.checkIn || can.rsvp || a.me) && <DeputyPanel a={a} reload={reload} />}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('detail.when')}>{span(a.startsAt, a.endsAt)}</Descriptions.Item>
          <Descriptions.Item label={t('detail.where')}>
            {a.place ? `${a.place.name}${a.place.address ? `（${a.place.address}）` : ''}` : a.address}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.organiser')}>
            {a.organiserName || t(`organiser.${a.organiserKind}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.participants')}>
            {t('detail.invitedN', { n: a.invited })} · {t('detail.attendedN', { n: a.attended })}
          </Descriptions.Item>
          {a.topic && <Descriptions.Item label={t('detail.topic')}>{a.topic}</Descriptions.Item>}
          {a.outsideParticipants.length > 0 && (
            <Descriptions.Item label={t('detail.outside')}>
              {a.outsideParticipants.join('；')}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {a.checkInToken && <QrCard a={a} />}
      {!a.me && <SheetCard a={a} reload={reload} />}
      <RecordCard a={a} reload={reload} />
    </div>
  );
}

function DeputyPanel({ a, reload }: { a: ActivityDetail; reload: () => void }) {
  const { t } = useTranslation('activities');
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [busy, setBusy] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const [reason, setReason] = useState('');
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
      reload();
    } catch (err) {
      message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const token = params.get('token') ?? undefined;
  const me = a.me;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="deputy-panel">
      <Space direction="vertical" style={{ width: '100%' }}>
        {me?.attendedAt ? (
          <Alert
            type="success"
            showIcon
            message={t('detail.checkedInAt', { time: formatDateTime(me.attendedAt) })}
          />
        ) : a.abilities.checkIn ? (
          <>
            {!me?.invited && <Typography.Text type="secondary">{t('detail.notInvitedNote')}</Typography.Text>}
            <Button
              type="primary"
              size="large"
              block
              icon={<CheckCircleOutlined />}
              loading={busy}
              onClick={() => void run(() => checkInActivity(a.id, token))}
              data-testid="check-in"
            >
              {t('detail.checkIn')}
            </Button>
          </>
        ) : (
          <Typography.Text type="secondary">{t('detail.notOpen')}</Typography.Text>
        )}
        {me?.invited && !me.attendedAt && (
          <Space wrap>
            <Typography.Text>{t('detail.yourAnswer', { answer: t(`rsvp.${me.rsvp}`) })}</Typography.Text>
            {me.rsvp === 'onLeave' && <Typography.Text type="secondary">{me.leaveReason}</Typography.Text>}
          </Space>
        )}
        {a.abilities.rsvp && (
          <Space wrap>
            <Button
              disabled={busy || me?.rsvp === 'accepted'}
              onClick={() => void run(() => answerActivityInvitation(a.id, { answer: 'accepted' }))}
              data-testid="rsvp-accept"
            >
              {t('detail.accept')}
            </Button>
            <Button disabled={busy} onClick={() => setLeaving(true)} data-testid="rsvp-leave">
              {t('detail.leave')}
            </Button>
          </Space>
        )}
      </Space>
      <Modal
        open={leaving}
        title={t('detail.leave')}
        okButtonProps={{ disabled: !reason.trim(), loading: busy }}
        onCancel={() => setLeaving(false)}
        onOk={() =>
          void run(async () => {
            await answerActivityInvitation(a.id, { answer: 'onLeave', reason });
            setLeaving(false);
          })
        }
      >
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t('detail.leaveReason')}
          aria-label={t('detail.leaveReason')}
          maxLength={500}
        />
      </Modal>
    </Card>
  );
}

function QrCard({ a }: { a: ActivityDetail }) {
  const { t } = useTranslation('activities');
  const url = `${window.location.origin}/activities/${a.id}?token=${a.checkInToken}`;
  return (
    <Card size="small" title={t('detail.qr')} style={{ marginBottom: 12 }}>
      <Space wrap align="start">
        <QRCode value={url} size={140} aria-label={t('detail.qr')} />
        <Typography.Text type="secondary">{t('detail.qrHint')}</Typography.Text>
      </Space>
    </Card>
  );
}

function SheetCard({ a, reload }: { a: ActivityDetail; reload: () => void }) {
  const { t } = useTranslation('activities');
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const [selected, setSelected] = useState<string[]>([]);
  const [invitees, setInvitees] = useState<string[]>([]);
  const [extra, setExtra] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const can = a.abilities;
  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await fn();
      reload();
    } catch (err) {
      message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('detail.sheet')} style={{ marginBottom: 12 }} data-testid="sign-in-sheet">
      {can.invite && (
        <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
          <DeputyPicker
            value={invitees}
            onChange={setInvitees}
            placeholder={t('detail.inviteHint')}
            testId="invite-picker"
          />
          <Button
            disabled={!invitees.length || busy}
            onClick={() =>
              void run(async () => {
                await inviteActivityDeputies(a.id, invitees);
                setInvitees([]);
              })
            }
            data-testid="invite-send"
          >
            {t('detail.inviteSend')}
          </Button>
        </Space.Compact>
      )}
      <Table<Participant>
        size="small"
        rowKey="deputyId"
        pagination={false}
        dataSource={a.participants}
        rowSelection={
          can.recordAttendance
            ? {
                selectedRowKeys: selected,
                onChange: (k) => setSelected(k as string[]),
                getCheckboxProps: (p) => ({ disabled: !!p.attendedAt, 'aria-label': p.name }),
              }
            : undefined
        }
        columns={[
          { title: t('detail.name'), dataIndex: 'name', key: 'name' },
          {
            title: t('detail.status'),
            key: 'status',
            render: (_, p) => (
              <Space wrap size={4}>
                {p.attendedAt ? (
                  <Tag color="green">
                    {t(`via.${p.attendedVia ?? 'sheet'}`)}{' '}
                    {mobile ? '' : formatDateTime(p.attendedAt).slice(11)}
                  </Tag>
                ) : (
                  <Tag color={p.rsvp === 'onLeave' ? 'orange' : undefined}>{t(`rsvp.${p.rsvp}`)}</Tag>
                )}
                {!p.invited && <Tag>{t('list.notInvited')}</Tag>}
                {p.rsvp === 'onLeave' && <Typography.Text type="secondary">{p.leaveReason}</Typography.Text>}
              </Space>
            ),
          },
        ]}
      />
      {can.recordAttendance && (
        <Space wrap style={{ marginTop: 8, width: '100%' }}>
          <Button
            type="primary"
            disabled={!selected.length || busy}
            onClick={() =>
              void run(async () => {
                await recordActivityAttendance(a.id, selected);
                setSelected([]);
              })
            }
            data-testid="mark-present"
          >
            {t('detail.markPresent')}
          </Button>
          <div style={{ minWidth: 240, flex: 1 }}>
            <DeputyPicker value={extra} onChange={setExtra} placeholder={t('detail.addPresent')} />
          </div>
          <Button
            disabled={!extra.length || busy}
            onClick={() =>
              void run(async () => {
                await recordActivityAttendance(a.id, extra);
                setExtra([]);
              })
            }
          >
            {t('detail.markPresent')}
          </Button>
        </Space>
      )}
    </Card>
  );
}

interface RecordValues {
  summary: string;
  findings?: { content: string; unitId: string }[];
}

function RecordCard({ a, reload }: { a: ActivityDetail; reload: () => void }) {
  const { t } = useTranslation('activities');
  const { message } = App.useApp();
  const [form] = Form.useForm<RecordValues>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const units = useResource<{ items: { id: string; name: string }[] }>(
    a.abilities.record ? paths.findHandlingUnits() : null,
  );
  const started = new Date(a.startsAt).getTime() <= Date.now();
  const save = async (v: RecordValues) => {
    setBusy(true);
    try {
      await recordActivity(a.id, { summary: v.summary, findings: v.findings ?? [] }, key);
      setKey(newIdempotencyKey());
      form.setFieldsValue({ findings: [] });
      reload();
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('detail.record')} style={{ marginBottom: 12 }} data-testid="record">
      {a.summary ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.summary}</Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('detail.noRecord')}</Typography.Text>
      )}
      {a.findings.length > 0 && (
        <List
          header={<Typography.Text strong>{t('detail.findings')}</Typography.Text>}
          dataSource={a.findings}
          data-testid="findings"
          renderItem={(f) => (
            <List.Item>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Typography.Text>{f.content}</Typography.Text>
                <Space wrap size={4}>
                  <Tag>{f.unitName}</Tag>
                  {f.opinion && (
                    <Link to={`/opinions/item/${f.opinionId}`}>
                      <Tag color={f.opinion.status === 'closedResolved' ? 'green' : 'blue'}>
                        {t(`opinionStatus.${f.opinion.status}`, { defaultValue: f.opinion.status })}
                      </Tag>
                    </Link>
                  )}
                  {f.opinion?.deadlineAt && (
                    <Typography.Text type="secondary">
                      {formatDateTime(f.opinion.deadlineAt).slice(0, 10)}
                    </Typography.Text>
                  )}
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
      {a.abilities.record && started && (
        <Form<RecordValues>
          form={form}
          layout="vertical"
          initialValues={{ summary: a.summary }}
          onFinish={(v) => void save(v)}
          style={{ marginTop: 12 }}
        >
          <Form.Item
            name="summary"
            label={t('detail.summary')}
            rules={[{ required: true, message: t('create.required') }]}
          >
            <Input.TextArea rows={4} maxLength={5000} data-testid="record-summary" />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t('detail.recordHint')}</Typography.Paragraph>
          <Form.List name="findings">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <Card size="small" key={field.key} style={{ marginBottom: 8 }}>
                    <Form.Item
                      name={[field.name, 'content']}
                      label={`${t('detail.findingContent')} ${i + 1}`}
                      rules={[{ required: true, message: t('create.required') }]}
                    >
                      <Input.TextArea rows={2} maxLength={2000} data-testid={`finding-content-${i}`} />
                    </Form.Item>
                    <Space.Compact style={{ width: '100%' }}>
                      <Form.Item
                        name={[field.name, 'unitId']}
                        label={t('detail.findingUnit')}
                        rules={[{ required: true, message: t('create.required') }]}
                        style={{ flex: 1 }}
                      >
                        <Select
                          showSearch
                          optionFilterProp="label"
                          options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
                          data-testid={`finding-unit-${i}`}
                        />
                      </Form.Item>
                    </Space.Compact>
                    <Button icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} size="small">
                      {t('common:actions.delete')}
                    </Button>
                  </Card>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add()}
                  data-testid="add-finding"
                  style={{ marginBottom: 12 }}
                >
                  {t('detail.addFinding')}
                </Button>
              </>
            )}
          </Form.List>
          <div>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="save-record">
              {t('detail.saveRecord')}
            </Button>
          </div>
        </Form>
      )}
    </Card>
  );
}
