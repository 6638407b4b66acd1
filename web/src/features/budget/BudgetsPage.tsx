// The congress's budget years, newest first: the sitting, the Art. 44 draft deadline and whether the draft came
// in time, the general budget's expenditure; congress staff create a year.
import { useState } from 'react';
import { Button, Form, Input, InputNumber, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth';
import { usePagedList } from '../../shell/components';
import { ListPage } from '../../shell/ListPage';
import { FormModal } from '../../shell/FormModal';
import { formatDate } from '../../shell/datetime';
import { createBudget, paths } from './api';
import { yuan, type BudgetSummary } from './types';

interface NewBudget {
  year: number;
  sittingDate: string;
}

export default function BudgetsPage() {
  const { t } = useTranslation('budget');
  const { hasRole } = useAuth();
  const nav = useNavigate();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewBudget>();
  const list = usePagedList<BudgetSummary>(paths.findBudgets());
  const nextYear = new Date().getFullYear() + 1;

  return (
    <ListPage<BudgetSummary>
      title={t('list.title')}
      extra={
        hasRole('congressStaff') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-budget"
          >
            {t('list.new')}
          </Button>
        )
      }
      list={list}
      scroll={{ x: true }}
      locale={{ emptyText: t('list.empty') }}
      columns={[
        {
          title: t('list.year'),
          key: 'year',
          render: (_, b) => <Link to={`/budgets/${b.id}`}>{t('list.yearOf', { year: b.year })}</Link>,
        },
        { title: t('list.sitting'), key: 'sitting', render: (_, b) => formatDate(b.sittingDate) },
        {
          title: t('list.draftDeadline'),
          key: 'draft',
          render: (_, b) => (
            <>
              {formatDate(b.draftDeadline)}{' '}
              {b.draftLate === true && <Tag color="red">{t('list.draftLate')}</Tag>}
              {b.draftLate === false && <Tag color="green">{t('list.draftOnTime')}</Tag>}
            </>
          ),
        },
        {
          title: t('list.general'),
          key: 'general',
          align: 'right',
          render: (_, b) => yuan(b.totals.general),
        },
      ]}
    >
      <FormModal<NewBudget, { id: string }>
        form={form}
        open={creating}
        title={t('list.createTitle')}
        values={null}
        initialValues={{ year: nextYear, sittingDate: `${nextYear}-01-08` }}
        save={(v, key) => createBudget(v, key)}
        onSaved={(r) => {
          setCreating(false);
          void nav(`/budgets/${r.id}`);
        }}
        onClose={() => setCreating(false)}
      >
        <Form.Item
          name="year"
          label={t('list.year')}
          rules={[{ required: true, message: t('list.required') }]}
        >
          <InputNumber min={2000} max={2100} data-testid="budget-year" />
        </Form.Item>
        <Form.Item
          name="sittingDate"
          label={t('list.sittingDate')}
          rules={[{ required: true, message: t('list.required') }]}
        >
          <Input type="date" data-testid="budget-sitting" />
        </Form.Item>
      </FormModal>
    </ListPage>
  );
}
