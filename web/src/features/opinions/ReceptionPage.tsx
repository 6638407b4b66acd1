// One reception: its schedule, the deputies present (check-in), the people received, the opinions registered
// during it, and the form on which staff or a deputy present register a new one against it.
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  List,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, newIdempotencyKey, problemMessage, type Abilities } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { checkInReception, paths, submitOpinion } from './api';
import { QrButton } from './QrButton';
import { StatusTag, fmt, useCategories, useCategoryName, useStreets } from './shared';

interface ReceptionDetail {
  id: string;
  liaisonPlace: { id: string; name: string; address: string };
  streetId: string;
  startsAt: string;
  endsAt: string;
  topic: string;
  status: 'scheduled' | 'held' | 'cancelled';
  deputies: { id: string; name: string; checkedIn: boolean; canCheckIn: boolean }[];
  peopleReceived: number | null;
  notes: string;
  opinions: { id: string; trackingCode: string; content: string; status: string; category: string }[];
  abilities: Abilities;
}
interface EntryValues {
  category: string;
  streetId: string;
  content: string;
  name?: string;
  phone: string;
  isPublic: boolean;
}

const STATUS_COLOR = { scheduled: 'blue', held: 'green', cancelled: 'default' } as const;

export default function ReceptionPage() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation('opinions');
  const en = i18n.language.startsWith('en');
  const { message } = App.useApp();
  const rec = useResource<ReceptionDetail>(paths.getReception(id));
  const categories = useCategories();
  const categoryName = useCategoryName();
  const streets = useStreets();
  const [form] = Form.useForm<EntryValues>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const r = rec.data;

  const checkIn = async (deputyId: string) => {
    try {
      await checkInReception(id!, { deputyId });
      rec.reload();
    } catch (err) {
      message.error(problemMessage(err));
    }
  };
  const register = async (v: EntryValues) => {
    if (!r) return;
    setBusy(true);
    try {
      const done = await submitOpinion(
        {
          ...v,
          name: v.name || undefined,
          receptionId: r.id,
          liaisonPlaceId: r.liaisonPlace.id,
          channel: 'reception',
        },
        key,
      );
      message.success(t('reception.registered', { code: done.trackingCode }));
      setKey(newIdempotencyKey());
      form.resetFields(['content', 'name', 'phone']);
      rec.reload();
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ maxWidth: 860, margin: '0 auto' }}>
      <Link to="/receptions">
        <ArrowLeftOutlined /> {t('reception.back')}
      </Link>
      <PageHeader
        title={r ? r.liaisonPlace.name : t('reception.title')}
        sub={r?.topic || undefined}
        extra={
          r?.abilities.registerOpinion && (
            <QrButton
              targets={[
                { kind: 'place', id: r.liaisonPlace.id, name: r.liaisonPlace.name },
                ...r.deputies.map((d) => ({ kind: 'deputy' as const, id: d.id, name: d.name })),
              ]}
            />
          )
        }
      />
      <ErrorAlert error={rec.error} onRetry={rec.reload} />
      {r && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Card size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('receptions.time')}>
                {fmt(r.startsAt)} – {fmt(r.endsAt).slice(11)}{' '}
                <Tag color={STATUS_COLOR[r.status]}>{t(`reception.status.${r.status}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('receptions.place')}>
                {r.liaisonPlace.name}
                {r.liaisonPlace.address && ` · ${r.liaisonPlace.address}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('reception.peopleReceived')}>
                {r.peopleReceived === null
                  ? t('reception.notRecorded')
                  : t('reception.people', { n: r.peopleReceived })}
              </Descriptions.Item>
              {r.notes && (
                <Descriptions.Item label={t('receptions.notes')}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{r.notes}</span>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <Card size="small" title={t('reception.present')}>
            <List
              dataSource={r.deputies}
              renderItem={(d) => (
                <List.Item
                  key={d.id}
                  actions={
                    d.canCheckIn
                      ? [
                          <Button key="ci" size="small" onClick={() => void checkIn(d.id)}>
                            {t('reception.checkIn')}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <Space>
                    <Typography.Text>{d.name}</Typography.Text>
                    <Tag color={d.checkedIn ? 'green' : undefined}>
                      {d.checkedIn ? t('reception.checkedIn') : t('reception.notCheckedIn')}
                    </Tag>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t('reception.opinions', { n: r.opinions.length })}>
            <List
              locale={{ emptyText: t('reception.noOpinions') }}
              dataSource={r.opinions}
              renderItem={(o) => (
                <List.Item key={o.id} data-testid="reception-opinion">
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        <Link to={`/opinions/item/${o.id}`}>{o.trackingCode}</Link>
                        <StatusTag status={o.status} />
                        <Tag>{categoryName(o.category)}</Tag>
                      </Space>
                    }
                    description={o.content.length > 120 ? `${o.content.slice(0, 120)}…` : o.content}
                  />
                </List.Item>
              )}
            />
          </Card>
          {r.abilities.registerOpinion && (
            <Card size="small" title={t('reception.register')}>
              <Form
                form={form}
                layout="vertical"
                onFinish={(v) => void register(v)}
                initialValues={{ streetId: r.streetId, isPublic: false }}
              >
                <Form.Item name="category" label={t('form.category')} rules={[{ required: true }]}>
                  <Select
                    options={categories.map((c) => ({ value: c.code, label: en ? c.nameEn : c.name }))}
                  />
                </Form.Item>
                <Form.Item name="streetId" label={t('form.street')} rules={[{ required: true }]}>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    options={streets.map((s) => ({ value: s.id, label: en ? s.nameEn || s.name : s.name }))}
                  />
                </Form.Item>
                <Form.Item
                  name="content"
                  label={t('form.content')}
                  rules={[{ required: true, whitespace: true, max: 5000 }]}
                >
                  <Input.TextArea rows={4} showCount maxLength={5000} />
                </Form.Item>
                <Form.Item name="name" label={t('form.name')} rules={[{ max: 50 }]}>
                  <Input />
                </Form.Item>
                <Form.Item
                  name="phone"
                  label={t('form.phone')}
                  rules={[{ required: true, pattern: /^1[3-9]\d{9}$/ }]}
                >
                  <Input inputMode="numeric" maxLength={11} />
                </Form.Item>
                <Form.Item name="isPublic" label={t('form.isPublic')} rules={[{ required: true }]}>
                  <Radio.Group
                    options={[
                      { value: true, label: t('form.public') },
                      { value: false, label: t('form.private') },
                    ]}
                  />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} block>
                  {t('reception.register')}
                </Button>
              </Form>
            </Card>
          )}
        </Space>
      )}
    </div>
  );
}
