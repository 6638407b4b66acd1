// The activities: staff's and leaders' list (by campaign and kind) with the dialog that creates one; for a
// deputy, "my activities" — on a phone a list of cards with their answer and check-in.
import { useState } from 'react';
import { Button, Card, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth';
import { ErrorAlert, LoadMore, PageHeader, usePagedList, useResource } from '../../shell/components';
import { FilterSelect, ListPage } from '../../shell/ListPage';
import { FormModal } from '../../shell/FormModal';
import { formatDateTime } from '../../shell/datetime';
import { createActivity, paths } from './api';
import { KindTag, span } from './shared';
import type { ActivitySummary, Campaign, MyLine } from './types';

export const KINDS = [
  'inspection',
  'investigation',
  'lawEnforcementInspection',
  'council',
  'lecture',
  'forum',
  'jointActivity',
  'voterRepresentativesMeeting',
  'reportToVoters',
  'other',
];
const ORGANISERS = ['standingCommittee', 'workingCommittee', 'streetWorkingCommittee', 'liaisonPlace'];

interface NewActivity {
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  placeId?: string;
  address?: string;
  campaignId?: string;
  topic?: string;
  organiserKind: string;
  organiserName?: string;
}

/** A deputy's own line, as a tag: checked in, on leave, coming, not answered. */
export function MyTag({ my }: { my: MyLine | null }) {
  const { t } = useTranslation('activities');
  if (!my) return null;
  if (my.attendedAt) return <Tag color="green">{t('list.checkedIn')}</Tag>;
  if (!my.invited) return <Tag>{t('list.notInvited')}</Tag>;
  return (
    <Tag color={my.rsvp === 'onLeave' ? 'orange' : my.rsvp === 'accepted' ? 'blue' : 'gold'}>
      {t(`rsvp.${my.rsvp}`)}
    </Tag>
  );
}

/** A local datetime-local value (Shanghai) as an ISO instant with its offset. */
const toInstant = (v: string) => `${v}:00+08:00`;

export default function ActivitiesPage() {
  const { hasRole } = useAuth();
  return hasRole('congressStaff', 'leader') ? <StaffList /> : <MyActivities />;
}

function StaffList() {
  const { t } = useTranslation('activities');
  const { hasRole } = useAuth();
  const nav = useNavigate();
  const [params] = useSearchParams();
  const [kind, setKind] = useState<string | undefined>();
  const [campaignId, setCampaignId] = useState<string | undefined>(params.get('campaignId') ?? undefined);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewActivity>();
  const list = usePagedList<ActivitySummary>(paths.findActivities(), { kind, campaignId });
  const campaigns = useResource<{ items: Campaign[] }>(paths.findCampaigns());
  const places = useResource<{ items: { id: string; name: string }[] }>(
    creating ? paths.findLiaisonPlaces() : null,
  );

  return (
    <ListPage<ActivitySummary>
      title={t('list.title')}
      extra={
        hasRole('congressStaff') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-activity"
          >
            {t('list.new')}
          </Button>
        )
      }
      filters={
        <>
          <FilterSelect<string>
            label={t('list.kind')}
            style={{ width: 160 }}
            value={kind}
            onChange={setKind}
            options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          />
          <FilterSelect<string>
            label={t('create.campaign')}
            style={{ width: 220 }}
            value={campaignId}
            onChange={setCampaignId}
            options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
          />
        </>
      }
      list={list}
      scroll={{ x: true }}
      columns={[
        {
          title: t('list.titleCol'),
          key: 'title',
          render: (_, a) => <Link to={`/activities/${a.id}`}>{a.title}</Link>,
        },
        { title: t('list.kind'), key: 'kind', render: (_, a) => <KindTag kind={a.kind} /> },
        { title: t('list.time'), key: 'time', render: (_, a) => span(a.startsAt, a.endsAt) },
        { title: t('list.place'), key: 'place', render: (_, a) => a.placeName ?? a.address },
        { title: t('list.invited'), dataIndex: 'invited', key: 'invited' },
        { title: t('list.attended'), dataIndex: 'attended', key: 'attended' },
        {
          title: t('list.recorded'),
          key: 'recorded',
          render: (_, a) => (a.recorded ? <Tag color="green">{t('list.recorded')}</Tag> : null),
        },
      ]}
    >
      <FormModal<NewActivity, { id: string }>
        form={form}
        open={creating}
        title={t('create.title')}
        values={null}
        initialValues={{ kind: 'inspection', organiserKind: 'standingCommittee', campaignId }}
        save={(v, key) =>
          createActivity(
            {
              ...v,
              startsAt: toInstant(v.startsAt),
              endsAt: toInstant(v.endsAt),
              address: v.address ?? '',
              topic: v.topic ?? '',
              organiserName: v.organiserName ?? '',
            },
            key,
          )
        }
        onSaved={(r) => {
          setCreating(false);
          void nav(`/activities/${r.id}`);
        }}
        onClose={() => setCreating(false)}
      >
        <Form.Item
          name="kind"
          label={t('create.kind')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Select
            options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            data-testid="activity-kind"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('create.titleField')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Input maxLength={200} data-testid="activity-title" />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="startsAt"
            label={t('create.startsAt')}
            rules={[{ required: true, message: t('create.required') }]}
          >
            <Input type="datetime-local" data-testid="activity-starts" />
          </Form.Item>
          <Form.Item
            name="endsAt"
            label={t('create.endsAt')}
            rules={[{ required: true, message: t('create.required') }]}
          >
            <Input type="datetime-local" data-testid="activity-ends" />
          </Form.Item>
        </Space>
        <Form.Item name="placeId" label={t('create.place')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={places.loading}
            options={(places.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            data-testid="activity-place"
          />
        </Form.Item>
        <Form.Item name="address" label={t('create.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="campaignId" label={t('create.campaign')}>
          <Select
            allowClear
            options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
            data-testid="activity-campaign"
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="organiserKind" label={t('create.organiserKind')}>
            <Select
              style={{ width: 180 }}
              options={ORGANISERS.map((o) => ({ value: o, label: t(`organiser.${o}`) }))}
            />
          </Form.Item>
          <Form.Item name="organiserName" label={t('create.organiserName')}>
            <Input maxLength={120} />
          </Form.Item>
        </Space>
        <Form.Item name="topic" label={t('create.topic')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </ListPage>
  );
}

function MyActivities() {
  const { t } = useTranslation('activities');
  const list = usePagedList<ActivitySummary>(paths.findActivities(), {}, 20);
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <PageHeader title={t('list.mineTitle')} />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {!list.loading && !list.items.length ? (
        <Empty description={t('list.empty')} />
      ) : (
        <List
          dataSource={list.items}
          loading={list.loading && !list.items.length}
          data-testid="my-activities"
          renderItem={(a) => (
            <List.Item style={{ padding: '6px 0' }}>
              <Card size="small" style={{ width: '100%' }}>
                <Space direction="vertical" size={4} style={{ width: '100%' }}>
                  <Link to={`/activities/${a.id}`} style={{ fontWeight: 600 }}>
                    {a.title}
                  </Link>
                  <Space wrap size={4}>
                    <KindTag kind={a.kind} />
                    <MyTag my={a.my} />
                  </Space>
                  <Typography.Text type="secondary">{formatDateTime(a.startsAt)}</Typography.Text>
                  <Typography.Text type="secondary">{a.placeName ?? a.address}</Typography.Text>
                </Space>
              </Card>
            </List.Item>
          )}
        />
      )}
      <LoadMore list={list} />
    </div>
  );
}
