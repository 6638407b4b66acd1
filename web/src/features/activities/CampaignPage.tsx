// A campaign's dashboard, from GET /campaigns/{id}/report (computed from the records): the figures, the
// report's sentence, charts per street, per kind and per level of deputy, and the way to its activities; an
// enterprise-visit campaign's dashboard, firms and questionnaire (VisitsCampaign.tsx).
import { useMemo } from 'react';
import { Button, Card, Col, Row, Statistic, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type * as echarts from 'echarts';
import { currentLang } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import Chart from '../../shell/Chart';
import { useIsMobile } from '../../shell/responsive';
import { paths } from './api';
import type { MonthReport, VisitsReport } from './types';
import { VisitsCampaign } from './VisitsCampaign';

export default function CampaignPage() {
  const { id } = useParams();
  const { t } = useTranslation('activities');
  const { data: r, error, reload } = useResource<MonthReport | VisitsReport>(paths.getCampaignReport(id));
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!r) return null;
  return (
    <div style={{ maxWidth: 1200, margin: '0 auto' }}>
      <PageHeader
        title={r.title}
        sub={
          <Typography.Text type="secondary">
            {t(`campaignKind.${r.kind}`)} · {r.from} – {r.to}
          </Typography.Text>
        }
        extra={
          <Link to={`/activities?campaignId=${id}`}>
            <Button>{t('report.list')}</Button>
          </Link>
        }
      />
      {r.kind === 'enterpriseVisits' ? <VisitsCampaign id={id!} r={r} reload={reload} /> : <Month r={r} />}
    </div>
  );
}

function Figures({ items }: { items: [string, number, string?][] }) {
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {items.map(([label, value, testId]) => (
        <Col key={label} xs={12} sm={8} lg={4}>
          <Card size="small">
            <Statistic title={label} value={value} data-testid={testId} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Month({ r }: { r: MonthReport }) {
  const { t } = useTranslation('activities');
  const en = currentLang() === 'en';
  // On a phone the slices' labels do not fit beside the pie: a legend below names them.
  const mobile = useIsMobile();
  const pieLabel = mobile ? { show: false } : { formatter: '{b} {c}' };
  const pieLegend = mobile ? { bottom: 0, type: 'scroll' as const } : undefined;
  const streets = useMemo<echarts.EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: r.byStreet.map((s) => (en ? s.nameEn || s.name : s.name)),
      },
      series: [
        { name: t('report.activities'), type: 'bar', data: r.byStreet.map((s) => s.activities) },
        { name: t('report.opinions'), type: 'bar', data: r.byStreet.map((s) => s.opinions) },
        { name: t('report.solved'), type: 'bar', data: r.byStreet.map((s) => s.solved) },
      ],
    }),
    [r, en, t],
  );
  const kinds = useMemo<echarts.EChartsOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: pieLegend,
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          data: r.byKind.map((k) => ({
            name: t(`kind.${k.kind}`, { defaultValue: k.kind }),
            value: k.activities,
          })),
          label: pieLabel,
        },
      ],
    }),
    [r, t, mobile],
  );
  const levels = useMemo<echarts.EChartsOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: pieLegend,
      series: [
        {
          type: 'pie',
          radius: '65%',
          data: r.byLevel.map((l) => ({ name: t(`level.${l.level}`), value: l.attendances })),
          label: pieLabel,
        },
      ],
    }),
    [r, t, mobile],
  );
  return (
    <>
      <Card size="small" title={t('report.sentence')} style={{ marginBottom: 12 }}>
        <Typography.Paragraph style={{ fontSize: 16, marginBottom: 0 }} data-testid="report-sentence">
          {en ? r.sentence.en : `${r.sentence.zh}。`}
        </Typography.Paragraph>
      </Card>
      <Figures
        items={[
          [t('report.activities'), r.activities, 'figure-activities'],
          [t('report.attendances'), r.attendances, 'figure-attendances'],
          [t('report.received'), r.received],
          [t('report.opinions'), r.opinions, 'figure-opinions'],
          [t('report.solved'), r.solved],
          [t('report.inProgress'), r.inProgress],
        ]}
      />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('report.byStreet')}>
            <Chart option={streets} height={Math.max(240, 28 * r.byStreet.length + 60)} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('report.byKind')} style={{ marginBottom: 12 }}>
            <Chart option={kinds} height={260} />
          </Card>
          <Card size="small" title={t('report.byLevel')}>
            <Chart option={levels} height={220} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
