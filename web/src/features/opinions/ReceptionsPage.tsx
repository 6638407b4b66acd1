// Receptions: the public list of upcoming receptions, and for staff and deputies the schedule with
// check-in and the reception record.
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, problemMessage } from '../../api';
import { useAuth } from '../../auth';
import { ErrorAlert, LoadMore, PageHeader, usePagedList, useResource } from '../../shell/components';
import { checkInReception, paths, recordReception, scheduleReception } from './api';
import { QrButton, type QrTarget } from './QrButton';
import { fmt } from './shared';

interface Reception {
  id: string;
  liaisonPlace: { id: string; name: string; address: string };
  startsAt: string;
  endsAt: string;
  topic: string;
  status: string;
  deputies: { id: string; name: string; checkedIn: boolean }[];
  peopleReceived?: number | null;
  opinionCount?: number;
  /** What the signed-in reader may do now (the server's rules: check-in from two hours before, the record once started). */
  abilities?: { checkIn: boolean; record: boolean; registerOpinion: boolean };
}

export default function ReceptionsPage() {
  const { t } = useTranslation('opinions');
  const { message } = App.useApp();
  const { user, hasRole } = useAuth();
  const navigate = useNavigate();
  const staff = hasRole('congressStaff', 'liaisonStaff');
  const signedIn = hasRole('congressStaff', 'liaisonStaff', 'deputy', 'leader');
  const pub = useResource<{ items: Reception[] }>(signedIn ? null : paths.findPublicReceptions());
  // Staff and deputies page through the schedule (a liaison place holds well over a hundred receptions).
  const mine = usePagedList<Reception>(signedIn ? paths.findReceptions() : null, {}, 20);
  const places = useResource<{
    items: { id: string; name: string; deputies: { id: string; name: string }[] }[];
  }>(staff ? paths.findPublicLiaisonPlaces() : null);
  const data = signedIn
    ? { items: mine.items, loading: mine.loading, error: mine.error, reload: mine.reload }
    : { items: pub.data?.items ?? [], loading: pub.loading, error: pub.error, reload: pub.reload };
  // Every place and every deputy of a place has a QR code opening the form prefilled with it.
  const placeList = places.data?.items ?? [];
  const qrTargets: QrTarget[] = [
    ...placeList.map((p) => ({ kind: 'place' as const, id: p.id, name: p.name })),
    ...new Map(
      placeList.flatMap((p) => p.deputies.map((d) => [d.id, { kind: 'deputy' as const, ...d }] as const)),
    ).values(),
  ];
  const [scheduling, setScheduling] = useState(false);
  const [recording, setRecording] = useState<Reception | null>(null);
  const [form] = Form.useForm();
  const [recForm] = Form.useForm();
  const placeId = Form.useWatch('liaisonPlaceId', form);

  const schedule = async () => {
    const v = await form.validateFields();
    const startsAt = (v.startsAt as { toDate(): Date }).toDate();
    try {
      await scheduleReception({
        liaisonPlaceId: v.liaisonPlaceId,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + (v.hours as number) * 3_600_000).toISOString(),
        deputyIds: v.deputyIds,
        topic: v.topic ?? '',
      });
      setScheduling(false);
      form.resetFields();
      data.reload();
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(problemMessage(err));
    }
  };
  /** A deputy on the reception checks themselves in; staff check deputies in on the reception's page. */
  const checkIn = async (r: Reception) => {
    if (!r.deputies.some((d) => d.id === user?.deputyId)) return void navigate(`/receptions/${r.id}`);
    try {
      await checkInReception(r.id, {});
      data.reload();
    } catch (err) {
      message.error(problemMessage(err));
    }
  };
  const record = async () => {
    const v = await recForm.validateFields();
    try {
      await recordReception(recording!.id, v);
      setRecording(null);
      data.reload();
    } catch (err) {
      message.error(problemMessage(err));
    }
  };

  return (
    <div style={{ maxWidth: 860, margin: '0 auto' }}>
      <PageHeader
        title={t('receptions.title')}
        sub={t('receptions.intro')}
        extra={
          staff && (
            <Space wrap>
              <QrButton targets={qrTargets} />
              <Button type="primary" onClick={() => setScheduling(true)}>
                {t('receptions.schedule')}
              </Button>
            </Space>
          )
        }
      />
      <ErrorAlert error={data.error} onRetry={data.reload} />
      <List
        loading={data.loading}
        locale={{ emptyText: t('receptions.empty') }}
        dataSource={data.items}
        renderItem={(r) => (
          <List.Item
            key={r.id}
            actions={[
              r.abilities?.checkIn && (
                <Button key="ci" size="small" onClick={() => void checkIn(r)}>
                  {t('receptions.checkIn')}
                </Button>
              ),
              r.abilities?.record && (
                <Button key="rec" size="small" onClick={() => setRecording(r)}>
                  {t('receptions.record')}
                </Button>
              ),
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Typography.Text strong>{r.liaisonPlace.name}</Typography.Text>
                  {r.topic && <Tag color="blue">{r.topic}</Tag>}
                  {r.status === 'held' && (
                    <Tag color="green">{t('receptions.held', { n: r.peopleReceived ?? 0 })}</Tag>
                  )}
                  {r.opinionCount !== undefined && r.status === 'held' && (
                    <Tag>{t('receptions.opinions', { n: r.opinionCount })}</Tag>
                  )}
                </Space>
              }
              description={
                <>
                  <div>
                    {fmt(r.startsAt)} – {fmt(r.endsAt).slice(11)}
                  </div>
                  <div>{r.liaisonPlace.address}</div>
                  <div>
                    {t('receptions.deputies')}：
                    {r.deputies.map((d) => (
                      <Tag key={d.id} color={d.checkedIn ? 'green' : undefined}>
                        {d.name}
                      </Tag>
                    ))}
                  </div>
                  {r.abilities?.registerOpinion && !r.abilities.record && r.status === 'scheduled' && (
                    <div data-testid="reception-opens-later">{t('receptions.opensLater')}</div>
                  )}
                  <Space wrap>
                    {signedIn && <Link to={`/receptions/${r.id}`}>{t('reception.detail')}</Link>}
                    <a href={`/opinions/new?liaisonPlaceId=${r.liaisonPlace.id}`}>{t('nav.submit')}</a>
                  </Space>
                </>
              }
            />
          </List.Item>
        )}
      />
      {signedIn && <LoadMore list={mine} />}
      <Modal
        open={scheduling}
        title={t('receptions.schedule')}
        onCancel={() => setScheduling(false)}
        onOk={() => void schedule()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ hours: 3 }}>
          <Form.Item name="liaisonPlaceId" label={t('receptions.place')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(places.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
          <Form.Item name="deputyIds" label={t('receptions.deputies')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              options={(places.data?.items.find((p) => p.id === placeId)?.deputies ?? []).map((d) => ({
                value: d.id,
                label: d.name,
              }))}
            />
          </Form.Item>
          <Form.Item name="startsAt" label={t('receptions.startsAt')} rules={[{ required: true }]}>
            <DatePicker showTime format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="hours" label={t('receptions.hours')}>
            <InputNumber min={1} max={12} />
          </Form.Item>
          <Form.Item name="topic" label={t('receptions.topic')}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!recording}
        title={t('receptions.record')}
        onCancel={() => setRecording(null)}
        onOk={() => void record()}
        destroyOnHidden
      >
        <Card size="small" style={{ marginBottom: 12 }}>
          {recording?.liaisonPlace.name} {fmt(recording?.startsAt)}
        </Card>
        <Form form={recForm} layout="vertical">
          <Form.Item
            name="peopleReceived"
            label={t('receptions.peopleReceived')}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="notes" label={t('receptions.notes')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
