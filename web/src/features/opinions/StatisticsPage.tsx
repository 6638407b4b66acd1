// Public statistics: per street, category and month, with the solved rate beside the satisfaction rate.
import { useMemo, useState } from 'react';
import { Card, Col, DatePicker, Row, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { paths } from './api';
import { Chart, useCategoryName, useStreets } from './shared';

interface Figures {
  received: number;
  solved: number;
  inProgress: number;
  overdue: number;
  closedUnresolved: number;
  solvedRate: number | null;
  satisfactionRate: number | null;
}
interface Stats {
  total: Figures;
  items: (Figures & { streetId: string; category: string; month: string })[];
}
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

function group(items: Stats['items'], key: (i: Stats['items'][number]) => string) {
  const m = new Map<string, { received: number; solved: number; inProgress: number; overdue: number }>();
  for (const i of items) {
    const k = key(i);
    const g = m.get(k) ?? { received: 0, solved: 0, inProgress: 0, overdue: 0 };
    g.received += i.received;
    g.solved += i.solved;
    g.inProgress += i.inProgress;
    g.overdue += i.overdue;
    m.set(k, g);
  }
  return [...m.entries()].map(([k, v]) => ({ key: k, ...v }));
}

export default function StatisticsPage() {
  const { t } = useTranslation('opinions');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([
    dayjs().subtract(6, 'month').startOf('month'),
    dayjs(),
  ]);
  const res = useResource<Stats>(
    paths.getPublicOpinionStatistics(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD')),
  );
  const streets = useStreets();
  const categoryName = useCategoryName();
  const streetName = (id: string) => streets.find((s) => s.id === id)?.name ?? '';
  const byStreet = useMemo(() => group(res.data?.items ?? [], (i) => i.streetId), [res.data]);
  const byMonth = useMemo(
    () => group(res.data?.items ?? [], (i) => i.month).sort((a, b) => a.key.localeCompare(b.key)),
    [res.data],
  );
  const byCategory = useMemo(() => group(res.data?.items ?? [], (i) => i.category), [res.data]);
  const series = (rows: { received: number; solved: number; inProgress: number; overdue: number }[]) =>
    (['received', 'solved', 'inProgress', 'overdue'] as const).map((k) => ({
      name: t(`stats.${k}`),
      type: 'bar' as const,
      data: rows.map((r) => r[k]),
    }));
  const barOption = (rows: typeof byStreet, label: (k: string) => string) => ({
    tooltip: { trigger: 'axis' as const },
    legend: { top: 0 },
    grid: { left: 40, right: 10, bottom: 60, top: 40 },
    xAxis: { type: 'category' as const, data: rows.map((r) => label(r.key)), axisLabel: { rotate: 40 } },
    yAxis: { type: 'value' as const },
    series: series(rows),
  });
  const tot = res.data?.total;
  return (
    <div>
      <PageHeader
        title={t('stats.title')}
        sub={t('stats.intro')}
        extra={
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])}
          />
        }
      />
      <ErrorAlert error={res.error} onRetry={res.reload} />
      {tot && (
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
          {(['received', 'solved', 'inProgress', 'overdue', 'closedUnresolved'] as const).map((k) => (
            <Col xs={12} sm={8} md={4} key={k}>
              <Card size="small">
                <Statistic title={t(`stats.${k}`)} value={tot[k]} />
              </Card>
            </Col>
          ))}
          <Col xs={12} sm={8} md={2}>
            <Card size="small">
              <Statistic title={t('stats.solvedRate')} value={pct(tot.solvedRate)} />
            </Card>
          </Col>
          <Col xs={12} sm={8} md={2}>
            <Card size="small">
              <Statistic title={t('stats.satisfactionRate')} value={pct(tot.satisfactionRate)} />
            </Card>
          </Col>
        </Row>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('stats.byStreet')}>
            <Chart option={barOption(byStreet, streetName)} height={300} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('stats.byMonth')}>
            <Chart option={barOption(byMonth, (k) => k)} height={300} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('stats.byCategory')}>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              scroll={{ x: true }}
              dataSource={byCategory}
              columns={[
                { title: t('form.category'), dataIndex: 'key', render: (k: string) => categoryName(k) },
                { title: t('stats.received'), dataIndex: 'received' },
                { title: t('stats.solved'), dataIndex: 'solved' },
                { title: t('stats.inProgress'), dataIndex: 'inProgress' },
                { title: t('stats.overdue'), dataIndex: 'overdue' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
