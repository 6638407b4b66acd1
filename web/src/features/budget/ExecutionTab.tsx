// The drill-down: the lines directly under a code (类 → 款 → 项) with their execution and rate, and the curve of
// the code's cumulative execution rate against the elapsed share of the year (序时进度).
import { useMemo, useState } from 'react';
import { Breadcrumb, Button, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, useResource } from '../../shell/components';
import Chart from '../../shell/Chart';
import { paths } from './api';
import { yuan, type BudgetLine, type Curve } from './types';

const LEVEL: Record<number, 'class' | 'section' | 'item'> = { 0: 'class', 3: 'section', 5: 'item' };

export default function ExecutionTab({ budgetId }: { budgetId: string }) {
  const { t } = useTranslation('budget');
  const [trail, setTrail] = useState<{ code: string; name: string }[]>([]);
  const prefix = trail.at(-1)?.code ?? '';
  const lines = useResource<{ items: BudgetLine[] }>(
    paths.findBudgetLines(budgetId, prefix || undefined, LEVEL[prefix.length]),
  );
  const curve = useResource<Curve>(paths.getBudgetExecutionCurve(budgetId, prefix || undefined));

  const option = useMemo(() => {
    const items = curve.data?.items ?? [];
    return {
      tooltip: { trigger: 'axis' as const, valueFormatter: (v: unknown) => `${String(v)}%` },
      legend: { data: [t('page.curveRate'), t('page.curveElapsed')], bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category' as const, data: items.map((i) => t('page.monthN', { n: i.month })) },
      yAxis: {
        type: 'value' as const,
        max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10),
        axisLabel: { formatter: '{value}%' },
      },
      series: [
        {
          name: t('page.curveRate'),
          type: 'line' as const,
          data: items.map((i) => Number(i.rate)),
          smooth: true,
        },
        {
          name: t('page.curveElapsed'),
          type: 'line' as const,
          data: items.map((i) => Number(i.elapsed)),
          lineStyle: { type: 'dashed' as const },
          symbol: 'none',
        },
      ],
    };
  }, [curve.data, t]);

  const canDrill = (code: string) => code.length < 7 && code[0] !== '3';

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <a onClick={() => setTrail([])}>{t('page.whole')}</a> },
          ...trail.map((s, i) => ({
            title: <a onClick={() => setTrail(trail.slice(0, i + 1))}>{`${s.code} ${s.name}`}</a>,
          })),
        ]}
      />
      <Card size="small" title={t('page.curve')} style={{ marginBottom: 16 }}>
        <ErrorAlert error={curve.error} onRetry={curve.reload} />
        {curve.data && curve.data.items.length > 0 ? (
          <div data-testid="execution-curve">
            <Chart option={option} height={260} />
          </div>
        ) : (
          !curve.loading && <span>{t('page.noData')}</span>
        )}
      </Card>
      <ErrorAlert error={lines.error} onRetry={lines.reload} />
      <div role="region" aria-label={t('page.tabExecution')} tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table<BudgetLine>
          size="small"
          rowKey={(l) => `${l.budget}:${l.code}`}
          loading={lines.loading}
          dataSource={lines.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('page.noLines') }}
          data-testid="budget-lines"
          columns={[
            { title: t('page.code'), dataIndex: 'code', key: 'code', width: 90 },
            {
              title: t('page.name'),
              key: 'name',
              render: (_, l) =>
                canDrill(l.code) ? (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }}
                    onClick={() => setTrail([...trail, { code: l.code, name: l.name }])}
                  >
                    {l.name}
                  </Button>
                ) : (
                  l.name
                ),
            },
            {
              title: t('page.budget'),
              key: 'budget',
              render: (_, l) => t(`kind.${l.budget}`),
              responsive: ['md'],
            },
            { title: t('page.amount'), key: 'amount', align: 'right', render: (_, l) => yuan(l.amount) },
            {
              title: t('page.executedCol'),
              key: 'executed',
              align: 'right',
              render: (_, l) => yuan(l.executed),
              responsive: ['sm'],
            },
            {
              title: t('page.rateCol'),
              key: 'rate',
              align: 'right',
              render: (_, l) => (
                <Tag
                  color={Number(l.rate) > 100 ? 'red' : Number(l.rate) < 60 ? 'orange' : 'default'}
                >{`${l.rate}%`}</Tag>
              ),
            },
          ]}
        />
      </div>
    </>
  );
}
