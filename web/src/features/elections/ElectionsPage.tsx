// Staff's and leaders' list of elections, newest election day first, with the dialog that creates one
// (congress staff; a past election day is accepted, to enter a past election).
import { useState } from 'react';
import { Button, Form, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth';
import { usePagedList } from '../../shell/components';
import { ListPage } from '../../shell/ListPage';
import { FormModal } from '../../shell/FormModal';
import { formatDate } from '../../shell/datetime';
import { createElection, paths } from './api';
import type { ElectionSummaryRow } from './types';

interface NewElection {
  title: string;
  electionDay: string;
  fromElectionId?: string;
}

export default function ElectionsPage() {
  const { t } = useTranslation('elections');
  const { hasRole } = useAuth();
  const nav = useNavigate();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewElection>();
  const list = usePagedList<ElectionSummaryRow>(paths.findElections());

  return (
    <ListPage<ElectionSummaryRow>
      title={t('list.title')}
      extra={
        hasRole('congressStaff') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-election"
          >
            {t('list.new')}
          </Button>
        )
      }
      list={list}
      scroll={{ x: true }}
      columns={[
        {
          title: t('list.titleCol'),
          key: 'title',
          render: (_, e) => <Link to={`/elections/${e.id}`}>{e.title}</Link>,
        },
        {
          title: t('list.electionDay'),
          key: 'electionDay',
          render: (_, e) => formatDate(e.electionDay),
        },
        { title: t('list.districts'), dataIndex: 'districts', key: 'districts' },
        { title: t('list.seats'), dataIndex: 'seats', key: 'seats' },
      ]}
    >
      <FormModal<NewElection, { id: string }>
        form={form}
        open={creating}
        title={t('create.title')}
        values={null}
        save={(v, key) => createElection(v, key)}
        onSaved={(r) => {
          setCreating(false);
          void nav(`/elections/${r.id}`);
        }}
        onClose={() => setCreating(false)}
      >
        <Form.Item
          name="title"
          label={t('create.titleField')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Input maxLength={200} data-testid="election-title" />
        </Form.Item>
        <Form.Item
          name="electionDay"
          label={t('create.electionDay')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Input type="date" data-testid="election-day" />
        </Form.Item>
        <Form.Item name="fromElectionId" label={t('create.fromElection')}>
          <Select
            allowClear
            options={list.items.map((e) => ({ value: e.id, label: e.title }))}
            data-testid="from-election"
          />
        </Form.Item>
      </FormModal>
    </ListPage>
  );
}
