// Staff's and leaders' list of meetings (a member sees those on whose roll they are), filtered by body, with
// the dialog that creates one (congress staff).
import { useState } from 'react';
import { Button, Form, Input, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth';
import { usePagedList } from '../../shell/components';
import { FilterSelect, ListPage } from '../../shell/ListPage';
import { FormModal } from '../../shell/FormModal';
import { createMeeting, paths } from './api';
import type { Body, MeetingSummary } from './types';

export const BODIES: Body[] = ['standingCommittee', 'chairpersonsMeeting', 'congress'];
export const STATUS_COLOR = { planned: 'gold', inSession: 'green', closed: 'default' } as const;

interface NewMeeting {
  body: Body;
  date: string;
  title: string;
  venue?: string;
}

export default function MeetingsPage() {
  const { t } = useTranslation('meetings');
  const { hasRole } = useAuth();
  const nav = useNavigate();
  const [body, setBody] = useState<Body | undefined>();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewMeeting>();
  const list = usePagedList<MeetingSummary>(paths.findMeetings(), { body });
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  return (
    <ListPage<MeetingSummary>
      title={t('list.title')}
      extra={
        hasRole('congressStaff') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-meeting"
          >
            {t('list.new')}
          </Button>
        )
      }
      filters={
        <FilterSelect<Body>
          label={t('list.filterBody')}
          style={{ width: 180 }}
          value={body}
          onChange={setBody}
          options={BODIES.map((b) => ({ value: b, label: t(`body.${b}`) }))}
          data-testid="filter-body"
        />
      }
      list={list}
      scroll={{ x: true }}
      columns={[
        {
          title: t('list.titleCol'),
          key: 'title',
          render: (_, m) => <Link to={`/meetings/${m.id}`}>{m.title}</Link>,
        },
        { title: t('list.filterBody'), key: 'body', render: (_, m) => t(`body.${m.body}`) },
        {
          title: t('list.number'),
          key: 'number',
          render: (_, m) => t('list.numberOf', { n: m.number }),
        },
        { title: t('list.date'), dataIndex: 'date', key: 'date' },
        {
          title: t('list.status'),
          key: 'status',
          render: (_, m) => <Tag color={STATUS_COLOR[m.status]}>{t(`status.${m.status}`)}</Tag>,
        },
      ]}
    >
      <FormModal<NewMeeting, { id: string }>
        form={form}
        open={creating}
        title={t('create.title')}
        values={null}
        initialValues={{ body: 'standingCommittee', date: today }}
        save={(v, key) => createMeeting({ ...v, venue: v.venue ?? '' }, key)}
        onSaved={(r) => {
          setCreating(false);
          void nav(`/meetings/${r.id}`);
        }}
        onClose={() => setCreating(false)}
      >
        <Form.Item
          name="body"
          label={t('create.body')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Select options={BODIES.map((b) => ({ value: b, label: t(`body.${b}`) }))} />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('create.date')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Input type="date" data-testid="meeting-date" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('create.titleField')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Input maxLength={200} data-testid="meeting-title" />
        </Form.Item>
        <Form.Item name="venue" label={t('create.venue')}>
          <Input maxLength={200} />
        </Form.Item>
      </FormModal>
    </ListPage>
  );
}
