// Campaigns (专项活动): the list for staff and leaders, and the dialog that creates one (staff); a deputy's
// enterprise-visit campaigns where they have firms to visit.
import { useState } from 'react';
import { Button, Form, Input, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth';
import { useResource } from '../../shell/components';
import { ListPage } from '../../shell/ListPage';
import { FormModal } from '../../shell/FormModal';
import { createCampaign, paths } from './api';
import type { Campaign } from './types';

const KINDS = ['activityMonth', 'enterpriseVisits', 'other'] as const;

interface NewCampaign {
  kind: Campaign['kind'];
  title: string;
  from: string;
  to: string;
  goal?: string;
}

export default function CampaignsPage() {
  const { t } = useTranslation('activities');
  const { hasRole } = useAuth();
  const reader = hasRole('congressStaff') || hasRole('leader');
  const nav = useNavigate();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewCampaign>();
  const { data, loading, error, reload } = useResource<{ items: Campaign[] }>(paths.findCampaigns());
  return (
    <ListPage<Campaign>
      title={t('campaigns.title')}
      extra={
        hasRole('congressStaff') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-campaign"
          >
            {t('campaigns.new')}
          </Button>
        )
      }
      list={{ items: data?.items ?? [], loading, error, reload }}
      scroll={{ x: true }}
      columns={[
        {
          title: t('campaigns.titleField'),
          key: 'title',
          // A deputy goes to their firms to visit; staff and leaders to the dashboard.
          render: (_, c) => (
            <Link to={reader ? `/campaigns/${c.id}` : `/campaigns/${c.id}/visits`}>{c.title}</Link>
          ),
        },
        {
          title: t('campaigns.kind'),
          key: 'kind',
          render: (_, c) => <Tag color="red">{t(`campaignKind.${c.kind}`)}</Tag>,
        },
        { title: t('campaigns.period'), key: 'period', render: (_, c) => `${c.from} – ${c.to}` },
        reader
          ? { title: t('campaigns.activities'), dataIndex: 'activities', key: 'activities' }
          : { title: t('visits.myFirms'), dataIndex: 'mine', key: 'mine' },
      ]}
    >
      <FormModal<NewCampaign, { id: string }>
        form={form}
        open={creating}
        title={t('campaigns.new')}
        values={null}
        initialValues={{ kind: 'activityMonth' }}
        save={(v, key) => createCampaign({ ...v, goal: v.goal ?? '' }, key)}
        onSaved={(r) => {
          setCreating(false);
          void nav(`/campaigns/${r.id}`);
        }}
        onClose={() => setCreating(false)}
      >
        <Form.Item
          name="kind"
          label={t('campaigns.kind')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Select options={KINDS.map((k) => ({ value: k, label: t(`campaignKind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('campaigns.titleField')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="from"
          label={t('campaigns.from')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item
          name="to"
          label={t('campaigns.to')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item name="goal" label={t('campaigns.goal')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </ListPage>
  );
}
