// The handling report: totals, solved and satisfaction rates side by side, charts by result, unit and rating; exports.
import { useMemo } from 'react';
import { Button, Card, Col, Row, Space, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { exportHandlingReportDocx, exportHandlingReportXlsx, paths } from './api';
import { useIsMobile } from '../../shell/responsive';
import Chart from '../../shell/Chart';

interface Report {
  totals: Record<string, number>;
  solvedRate: number | null;
  satisfactionRate: number | null;
  firstReplySatisfactionRate: number | null;
  review: { returned: number; referred: number };
  byCategory: { key: string; label: string; count: number }[];
  byResult: { key: string; label: string; count: number }[];
  byRating: { key: string; count: number; firstRound: number }[];
  byUnit: {
    unitId: string;
    name: string;
    assigned: number;
    replied: number;
    overdue: number;
    solvedRate: number | null;
    satisfactionRate: number | null;
  }[];
}

export default function ReportPage() {
  const { t } = useTranslation('suggestions');
  const { data: r, error, reload } = useResource<Report>(paths.getHandlingReport());
  const mobile = useIsMobile();
  // Pie labels drawn outside the ring were cut off at the card's edges (worst at 375 px): the names go in a
  // legend below, the counts inside the slices (or only in the tooltip when the card is narrow).
  const pieBase = useMemo(
    () => ({
      tooltip: { trigger: 'item' as const, formatter: '{b}: {c} ({d}%)', confine: true },
      legend: { bottom: 0, left: 'center', type: 'scroll' as const, itemWidth: 12, itemHeight: 12 },
      label: { show: !mobile, position: 'inside' as const, formatter: '{c}', color: '#fff' },
    }),
    [mobile],
  );
  const pie = useMemo(
    () => ({
      tooltip: pieBase.tooltip,
      legend: pieBase.legend,
      series: [
        {
          type: 'pie' as const,
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          avoidLabelOverlap: true,
          label: pieBase.label,
          labelLine: { show: false },
          data: (r?.byResult ?? []).map((x) => ({ name: x.key, value: x.count })),
        },
      ],
    }),
    [r, pieBase],
  );
  const bars = useMemo(
    () => ({
      tooltip: {},
      grid: { left: 8, right: 16, top: 10, bottom: 20, containLabel: true },
      xAxis: { type: 'value' as const },
      yAxis: {
        type: 'category' as const,
        // Long unit names are shortened (the tooltip has them whole) so the bars keep their width on a phone.
        axisLabel: { width: mobile ? 84 : 160, overflow: 'truncate' as const },
        data: (r?.byUnit ?? [])
          .slice(0, 12)
          .map((u) => u.name)
          .reverse(),
      },
      series: [
        {
          type: 'bar' as const,
          name: t('report.replied'),
          stack: 'a',
          data: (r?.byUnit ?? [])
            .slice(0, 12)
            .map((u) => u.replied)
            .reverse(),
        },
        {
          type: 'bar' as const,
          name: t('report.overdue'),
          stack: 'a',
          itemStyle: { color: '#ff4d4f' },
          data: (r?.byUnit ?? [])
            .slice(0, 12)
            .map((u) => u.overdue)
            .reverse(),
        },
      ],
    }),
    [r, t, mobile],
  );
  const ratingPie = useMemo(
    () => ({
      tooltip: pieBase.tooltip,
      legend: pieBase.legend,
      series: [
        {
          type: 'pie' as const,
          radius: '65%',
          center: ['50%', '45%'],
          label: pieBase.label,
          labelLine: { show: false },
          data: (r?.byRating ?? []).map((x) => ({ name: t(`rating.${x.key}`), value: x.count })),
        },
      ],
    }),
    [r, t, pieBase],
  );
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);
  return (
    <div style={{ maxWidth: 1200, margin: '0 auto' }}>
      <PageHeader
        title={t('report.title')}
        extra={
          <Space>
            <Button onClick={() => exportHandlingReportXlsx()}>{t('report.xlsx')}</Button>
            <Button onClick={() => exportHandlingReportDocx()}>{t('report.docx')}</Button>
          </Space>
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      {r && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            {[
              ['report.total', r.totals.total],
              ['report.replied', r.totals.replied],
              ['report.overdue', r.totals.overdue],
              ['report.key', r.totals.key],
              ['report.solvedRate', pct(r.solvedRate)],
              ['report.satisfactionRate', pct(r.satisfactionRate)],
              ['report.firstRate', pct(r.firstReplySatisfactionRate)],
              ['report.returned', r.review.returned],
            ].map(([k, v]) => (
              <Col xs={12} md={6} key={k as string}>
                <Card size="small">
                  <Statistic title={t(k as string)} value={v as string} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[12, 12]}>
            <Col xs={24} md={8}>
              <Card size="small" title={t('report.byResult')}>
                <Chart option={pie} />
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card size="small" title={t('report.byRating')}>
                <Chart option={ratingPie} />
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card size="small" title={t('report.byCategory')}>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="key"
                  dataSource={r.byCategory}
                  columns={[{ dataIndex: 'label' }, { dataIndex: 'count', width: 60 }]}
                  showHeader={false}
                />
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('report.byUnit')}>
                <Chart option={bars} height={360} />
              </Card>
            </Col>
            <Col xs={24}>
              <Table
                size="small"
                rowKey="unitId"
                dataSource={r.byUnit}
                pagination={false}
                scroll={{ x: true }}
                columns={[
                  { title: t('fields.unit'), dataIndex: 'name' },
                  { title: t('report.assigned'), dataIndex: 'assigned' },
                  { title: t('report.replied'), dataIndex: 'replied' },
                  { title: t('report.overdue'), dataIndex: 'overdue' },
                  { title: t('report.solvedRate'), dataIndex: 'solvedRate', render: pct },
                  { title: t('report.satisfactionRate'), dataIndex: 'satisfactionRate', render: pct },
                ]}
              />
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
