// The public progress page (like Decidim's accountability): the year's summary ("15 projects: 14 on
// schedule, 1 adjusted"), a chart by status, and every project with its progress; plus published votes.
import { useMemo, useState } from 'react';
import { Alert, Card, Col, List, Progress, Row, Segmented, Space, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import type { ProjectItem, ProjectStatus, ProjectSummary } from './types';
import { yuan } from './types';
import Chart from '../../shell/Chart';
import { paths } from './api';

const COLORS: Record<ProjectStatus, string> = {
  onTrack: '#52c41a',
  delayed: '#faad14',
  adjusted: '#1677ff',
  completed: '#13c2c2',
  accepted: '#389e0d',
};
/** The same hues as antd tag presets, whose text the app darkens to meet 4.5:1 (styles.css). */
const TAG_COLORS: Record<ProjectStatus, string> = {
  onTrack: 'green',
  delayed: 'gold',
  adjusted: 'blue',
  completed: 'cyan',
  accepted: 'green',
};
const STATUSES: ProjectStatus[] = ['onTrack', 'delayed', 'adjusted', 'completed', 'accepted'];

export default function ProgressPage() {
  const { t } = useTranslation('livelihood');
  const { data, error, reload } = useResource<{ items: ProjectItem[]; summaries: ProjectSummary[] }>(
    paths.findPublicLivelihoodProjects(),
  );
  const votes = useResource<{ items: { id: string; title: string; year: number }[] }>(
    paths.findPublishedProjectVotes(),
  );
  const years = useMemo(() => (data?.summaries ?? []).map((s) => s.year).sort((a, b) => b - a), [data]);
  const [picked, setPicked] = useState<number | null>(null);
  const year = picked ?? years[0];
  const items = useMemo(() => (data?.items ?? []).filter((p) => p.year === year), [data, year]);
  const summary = data?.summaries.find((s) => s.year === year);
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item' as const },
      series: [
        {
          type: 'pie' as const,
          radius: ['45%', '70%'],
          label: { formatter: '{b}\n{c}' },
          data: STATUSES.map((s) => ({
            name: t(`projectStatus.${s}`),
            value: items.filter((p) => p.status === s).length,
            itemStyle: { color: COLORS[s] },
          })).filter((d) => d.value > 0),
        },
      ],
    }),
    [items, t],
  );
  return (
    <div style={{ maxWidth: 960, margin: '0 auto' }}>
      <PageHeader
        title={t('progress.title')}
        extra={
          years.length > 1 && (
            <Segmented
              value={year}
              onChange={(v) => setPicked(Number(v))}
              options={years.map((y) => ({ value: y, label: t('progress.year', { year: y }) }))}
            />
          )
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      {summary && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={<span data-testid="progress-summary">{t('progress.summary', { ...summary })}</span>}
          description={summary.completed ? t('progress.completed', { n: summary.completed }) : undefined}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <Card size="small">
            <Row gutter={8}>
              <Col span={8}>
                <Statistic title={t('projectStatus.onTrack')} value={summary?.onSchedule ?? 0} />
              </Col>
              <Col span={8}>
                <Statistic title={t('projectStatus.adjusted')} value={summary?.adjusted ?? 0} />
              </Col>
              <Col span={8}>
                <Statistic title={t('projectStatus.delayed')} value={summary?.delayed ?? 0} />
              </Col>
            </Row>
            <Chart option={option} />
          </Card>
          {(votes.data?.items.length ?? 0) > 0 && (
            <Card size="small" title={t('progress.results')} style={{ marginTop: 16 }}>
              <List
                size="small"
                dataSource={votes.data!.items}
                renderItem={(v) => (
                  <List.Item key={v.id}>
                    <Link to={`/livelihood/votes/${v.id}/results`}>{v.title}</Link>
                  </List.Item>
                )}
              />
            </Card>
          )}
        </Col>
        <Col xs={24} md={14}>
          <List
            dataSource={items}
            renderItem={(p) => (
              <li key={p.id}>
                <Card size="small" style={{ marginBottom: 8 }}>
                  <Space direction="vertical" style={{ width: '100%' }} size={2}>
                    <Space wrap>
                      <Link to={`/livelihood/projects/${p.id}`}>
                        <Typography.Text strong>{p.title}</Typography.Text>
                      </Link>
                      <Tag color={TAG_COLORS[p.status]}>{t(`projectStatus.${p.status}`)}</Tag>
                    </Space>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {p.leadUnitName} · {yuan(p.budget)} · {t('progress.target')} {p.targetDate ?? '—'}
                    </Typography.Text>
                    <Progress
                      percent={p.percent}
                      size="small"
                      strokeColor={COLORS[p.status]}
                      aria-label={`${p.title} ${p.percent}%`}
                    />
                    {p.adjustmentReason && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('progress.adjustment')}：{p.adjustmentReason}
                      </Typography.Text>
                    )}
                  </Space>
                </Card>
              </li>
            )}
          />
        </Col>
      </Row>
    </div>
  );
}
