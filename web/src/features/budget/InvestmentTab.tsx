// The investment pre-arrangement list: its totals (urgent projects for early release under 预算法 Art. 54 apart),
// a chart by category, and the projects; congress staff add one.
import { useMemo, useState } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Statistic, Switch, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, usePagedList, useResource } from '../../shell/components';
import { CrudTable } from '../../shell/ListPage';
import { FormModal } from '../../shell/FormModal';
import Chart from '../../shell/Chart';
import { addInvestmentProject, paths, releaseInvestmentProject } from './api';
import { MONEY_STYLE, wan, yuan, type InvestmentProject, type InvestmentSummary } from './types';

interface NewProject {
  name: string;
  unit: string;
  amount: string;
  urgent: boolean;
  category?: string;
  street?: string;
}

const BASES = ['carryOver', 'necessaryPriorLevel', 'legalObligation', 'disasterResponse'] as const;

export default function InvestmentTab({
  budgetId,
  canAdd,
  canRelease,
}: {
  budgetId: string;
  canAdd: boolean;
  canRelease: boolean;
}) {
  const { t } = useTranslation('budget');
  const [urgent, setUrgent] = useState<'true' | 'false' | undefined>();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<NewProject>();
  const [releasing, setReleasing] = useState<InvestmentProject | null>(null);
  const [releaseForm] = Form.useForm<{ releasedOn: string; basis: string; note?: string }>();
  const summary = useResource<InvestmentSummary>(paths.getInvestmentSummary(budgetId));
  const list = usePagedList<InvestmentProject>(paths.findInvestmentProjects(budgetId), { urgent });

  const option = useMemo(() => {
    const rows = summary.data?.byCategory ?? [];
    return {
      tooltip: { trigger: 'axis' as const },
      legend: { data: [t('investment.allAmount'), t('investment.urgentSeries')], bottom: 0 },
      grid: { left: 64, right: 16, top: 8, bottom: 40 },
      xAxis: { type: 'value' as const, splitNumber: 3 },
      yAxis: { type: 'category' as const, data: rows.map((r) => r.key), inverse: true },
      series: [
        {
          name: t('investment.allAmount'),
          type: 'bar' as const,
          data: rows.map((r) => Math.round(wan(r.amount))),
        },
        {
          name: t('investment.urgentSeries'),
          type: 'bar' as const,
          data: rows.map((r) => Math.round(wan(r.urgentAmount))),
        },
      ],
    };
  }, [summary.data, t]);

  return (
    <>
      <ErrorAlert error={summary.error} onRetry={summary.reload} />
      {summary.data && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="investment-summary">
          <Col xs={12} md={6}>
            <Statistic
              title={t('investment.count')}
              value={summary.data.count}
              styles={{ content: MONEY_STYLE }}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('investment.amount')}
              value={yuan(summary.data.amount)}
              styles={{ content: MONEY_STYLE }}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('investment.urgentCount')}
              value={summary.data.urgentCount}
              styles={{ content: MONEY_STYLE }}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('investment.urgentAmount')}
              value={yuan(summary.data.urgentAmount)}
              styles={{ content: MONEY_STYLE }}
            />
          </Col>
        </Row>
      )}
      {summary.data && summary.data.byCategory.length > 0 && (
        <Card size="small" title={t('investment.byCategory')} style={{ marginBottom: 16 }}>
          <Chart option={option} height={Math.max(200, summary.data.byCategory.length * 36 + 60)} />
        </Card>
      )}
      <div className="filters" style={{ marginBottom: 12, display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Select<'true' | 'false'>
          allowClear
          aria-label={t('investment.urgent')}
          placeholder={t('investment.urgent')}
          style={{ width: 160 }}
          value={urgent}
          onChange={setUrgent}
          options={[
            { value: 'true', label: t('investment.urgentTag') },
            { value: 'false', label: `${t('investment.urgent')} ✕` },
          ]}
        />
        {canAdd && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('investment.add')}
          </Button>
        )}
      </div>
      <CrudTable<InvestmentProject>
        label={t('page.tabInvestment')}
        list={list}
        scroll={{ x: true }}
        columns={[
          {
            title: t('investment.name'),
            key: 'name',
            render: (_, p) => (
              <>
                {p.name} {p.urgent && <Tag color="volcano">{t('investment.urgent')}</Tag>}
              </>
            ),
          },
          { title: t('investment.unit'), dataIndex: 'unit', key: 'unit' },
          { title: t('investment.amount'), key: 'amount', align: 'right', render: (_, p) => yuan(p.amount) },
          { title: t('investment.category'), dataIndex: 'category', key: 'category', responsive: ['md'] },
          { title: t('investment.street'), dataIndex: 'street', key: 'street', responsive: ['md'] },
          { title: t('investment.stage'), dataIndex: 'stage', key: 'stage', responsive: ['lg'] },
          {
            title: t('investment.release'),
            key: 'release',
            render: (_, p) =>
              p.releasedOn ? (
                <Tag color="green" title={p.releaseNote}>
                  {t('investment.released', { date: p.releasedOn })} ·{' '}
                  {t(`investment.basis.${p.releaseBasis}`)}
                </Tag>
              ) : p.urgent && canRelease ? (
                <Button size="small" onClick={() => setReleasing(p)} data-testid="investment-release">
                  {t('investment.releaseAction')}
                </Button>
              ) : null,
          },
        ]}
      />
      <FormModal<{ releasedOn: string; basis: string; note?: string }, unknown>
        form={releaseForm}
        open={!!releasing}
        title={releasing ? `${t('investment.releaseAction')} · ${releasing.name}` : ''}
        values={null}
        initialValues={{ basis: 'necessaryPriorLevel' }}
        save={(v) => releaseInvestmentProject(releasing!.id, { ...v, note: v.note ?? '' })}
        onSaved={() => {
          setReleasing(null);
          summary.reload();
          list.reload();
        }}
        onClose={() => setReleasing(null)}
      >
        <Form.Item
          name="releasedOn"
          label={t('investment.releasedOn')}
          rules={[{ required: true, message: t('list.required') }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item name="basis" label={t('investment.basisLabel')}>
          <Select options={BASES.map((b) => ({ value: b, label: t(`investment.basis.${b}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('investment.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormModal>
      <FormModal<NewProject, { id: string }>
        form={form}
        open={adding}
        title={t('investment.addTitle')}
        values={null}
        initialValues={{ urgent: true }}
        save={(v, key) =>
          addInvestmentProject(
            budgetId,
            { ...v, amount: String(v.amount), category: v.category ?? '', street: v.street ?? '' },
            key,
          )
        }
        onSaved={() => {
          setAdding(false);
          summary.reload();
          list.reload();
        }}
        onClose={() => setAdding(false)}
      >
        <Form.Item
          name="name"
          label={t('investment.name')}
          rules={[{ required: true, message: t('list.required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="unit"
          label={t('investment.unit')}
          rules={[{ required: true, message: t('list.required') }]}
        >
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('investment.amount')}
          rules={[{ required: true, message: t('list.required') }]}
        >
          <InputNumber<string> stringMode min="0" precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="urgent" label={t('investment.urgentTag')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="category" label={t('investment.category')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="street" label={t('investment.street')}>
          <Input maxLength={60} />
        </Form.Item>
      </FormModal>
    </>
  );
}
