// 跟踪办理 year-end view: the items answered B or C and what moved during the year (B→solved, C→B, still pending),
// per lead unit, with every item listed; for staff and leaders.
import { useState } from 'react';
import { Card, Col, List, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { paths } from './api';
import { RESULT_COLORS, STATUS_COLORS, fmtDate } from './types';

type Outcome = 'solved' | 'improved' | 'pending';
interface Counts {
  total: number;
  solved: number;
  improved: number;
  pending: number;
}
interface FollowUpReport {
  totals: Counts;
  movements: { from: string; to: string; count: number }[];
  byUnit: (Counts & { unitId: string | null; name: string | null; solvedRate: number | null })[];
  items: {
    id: string;
    number: string | null;
    title: string;
    status: string;
    unitName: string | null;
    firstCategory: string;
    latestCategory: string | null;
    firstAnsweredAt: string;
    solvedAt: string | null;
    outcome: Outcome;
    isKey: boolean;
  }[];
}

const OUTCOME_COLORS: Record<Outcome, string> = { solved: 'green', improved: 'blue', pending: 'orange' };

export default function FollowUpPage() {
  const { t } = useTranslation('suggestions');
  const now = new Date().getFullYear();
  const [year, setYear] = useState<number | undefined>(now);
  const { data: r, error, reload } = useResource<FollowUpReport>(paths.getFollowUpReport(year));
  // A movement's end: solved, the newer category (C→B), or still where it was (pending).
  const to = (m: { from: string; to: string }) =>
    m.to === 'solved' ? t('followUp.outcome.solved') : m.to === m.from ? t('followUp.outcome.pending') : m.to;

  return (
    <div style={{ maxWidth: 1200, margin: '0 auto' }}>
      <PageHeader
        title={t('followUp.title')}
        sub={t('followUp.intro')}
        extra={
          <Select
            allowClear
            aria-label={t('public.allYears')}
            placeholder={t('public.allYears')}
            style={{ width: 120 }}
            value={year}
            onChange={setYear}
            options={Array.from({ length: 5 }, (_, i) => now - i).map((y) => ({
              value: y,
              label: t('public.year', { year: y }),
            }))}
            data-testid="follow-up-year"
          />
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      {r && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            {(['total', 'solved', 'improved', 'pending'] as const).map((k) => (
              <Col xs={12} md={6} key={k}>
                <Card size="small">
                  <Statistic
                    title={k === 'total' ? t('followUp.total') : t(`followUp.outcome.${k}`)}
                    value={r.totals[k]}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title={t('followUp.movements')} style={{ marginBottom: 12 }}>
            {r.movements.length === 0 ? (
              <Typography.Text type="secondary">{t('followUp.empty')}</Typography.Text>
            ) : (
              <Space wrap data-testid="follow-up-movements">
                {r.movements.map((m) => (
                  <Tag
                    key={`${m.from}-${m.to}`}
                    color={m.to === 'solved' ? 'green' : m.to === m.from ? 'orange' : 'blue'}
                  >
                    {t('followUp.movement', { from: m.from, to: to(m), count: m.count })}
                  </Tag>
                ))}
              </Space>
            )}
          </Card>
          <Card size="small" title={t('followUp.byUnit')} style={{ marginBottom: 12 }}>
            <Table
              size="small"
              rowKey={(u) => u.unitId ?? ''}
              dataSource={r.byUnit}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('followUp.empty') }}
              columns={[
                {
                  title: t('fields.unit'),
                  dataIndex: 'name',
                  // Unit names stay readable on a phone: the table scrolls sideways instead.
                  onCell: () => ({ style: { minWidth: 112 } }),
                  render: (v: string | null) => v ?? '—',
                },
                { title: t('followUp.total'), dataIndex: 'total' },
                { title: t('followUp.outcome.solved'), dataIndex: 'solved' },
                { title: t('followUp.outcome.improved'), dataIndex: 'improved' },
                { title: t('followUp.outcome.pending'), dataIndex: 'pending' },
                {
                  title: t('followUp.solvedRate'),
                  dataIndex: 'solvedRate',
                  render: (v: number | null) => (v === null ? '—' : `${v}%`),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('followUp.items')}>
            <List
              size="small"
              dataSource={r.items}
              locale={{ emptyText: t('followUp.empty') }}
              renderItem={(x) => (
                <List.Item data-testid="follow-up-item">
                  <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
                    <Link to={`/suggestions/${x.id}`} style={{ wordBreak: 'break-word' }}>
                      {x.title}
                    </Link>
                    <Space wrap size={[6, 2]}>
                      <Tag color={RESULT_COLORS[x.firstCategory]}>{x.firstCategory}</Tag>
                      <span>→</span>
                      <Tag color={OUTCOME_COLORS[x.outcome]}>
                        {x.outcome === 'improved' ? `${x.latestCategory} ` : ''}
                        {t(`followUp.outcome.${x.outcome}`)}
                      </Tag>
                      <Tag color={STATUS_COLORS[x.status]}>{t(`status.${x.status}`)}</Tag>
                      {x.isKey && <Tag color="volcano">{t('fields.key')}</Tag>}
                    </Space>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {x.number ?? '—'} · {x.unitName ?? '—'} ·{' '}
                      {t('followUp.answeredOn', { date: fmtDate(x.firstAnsweredAt) })}
                      {x.solvedAt ? ` · ${t('followUp.solvedOn', { date: fmtDate(x.solvedAt) })}` : ''}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </>
      )}
    </div>
  );
}
