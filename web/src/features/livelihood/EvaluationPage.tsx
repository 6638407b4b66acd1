// Year-end evaluation rolled up per project and per lead unit (staff, leaders, deputies, units).
import { useState } from 'react';
import { Card, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { paths } from './api';

interface Row {
  projectId?: string;
  leadUnitId: string;
  title?: string;
  leadUnitName: string;
  count: number;
  overall: number | null;
  perCriterion: Record<string, number | null>;
}

export default function EvaluationPage() {
  const { t } = useTranslation('livelihood');
  const years = [new Date().getFullYear() - 1, new Date().getFullYear()];
  const [year, setYear] = useState(years[0]);
  const { data, error, reload } = useResource<{ criteria: string[]; perProject: Row[]; perUnit: Row[] }>(
    paths.findLivelihoodEvaluations(year),
  );
  const columns = (first: 'title' | 'leadUnitName') => [
    {
      key: first,
      dataIndex: first,
      title: first === 'title' ? t('nav.progress') : t('progress.leadUnit'),
      fixed: 'left' as const,
      width: 180,
    },
    { key: 'count', dataIndex: 'count', title: t('evaluation.count') },
    { key: 'overall', dataIndex: 'overall', title: t('evaluation.overall') },
    ...(data?.criteria ?? []).map((c) => ({
      key: c,
      title: t(`evaluation.criteria.${c}`, c),
      render: (_: unknown, r: Row) => r.perCriterion[c] ?? '—',
    })),
  ];
  return (
    <div>
      <PageHeader
        title={t('evaluation.title')}
        extra={
          <Select value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: y }))} />
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="projectId"
          dataSource={data?.perProject ?? []}
          columns={columns('title')}
          scroll={{ x: true }}
          pagination={false}
        />
      </Card>
      <Card size="small" title={t('evaluation.perUnit')}>
        <Table
          size="small"
          rowKey="leadUnitId"
          dataSource={data?.perUnit ?? []}
          columns={columns('leadUnitName')}
          scroll={{ x: true }}
          pagination={false}
        />
      </Card>
    </div>
  );
}
