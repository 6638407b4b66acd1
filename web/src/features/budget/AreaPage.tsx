// One area's (片区) view of a budget year, made for a deputy's phone: the warnings that concern the area (the
// lines its deputies and voters commented on, the transfers to its streets) and the consultation rounds held in it
// with each opinion and the finance department's feedback. A deputy sees their own areas only; staff and leaders
// pick any area.
import { useState } from 'react';
import { Alert, Card, Empty, List, Select, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { formatDate } from '../../shell/datetime';
import { paths } from './api';
import { WarningCard } from './WarningsTab';
import type { AreaView } from './types';

export default function AreaPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('budget');
  const [area, setArea] = useState<string | undefined>();
  const view = useResource<AreaView>(paths.getBudgetAreaView(id, area));
  const v = view.data;
  const en = i18n.language.startsWith('en');
  return (
    <>
      <PageHeader
        title={
          v
            ? v.area
              ? t('area.title', { year: v.year, area: v.area })
              : t('area.titleNone', { year: v.year })
            : ''
        }
        sub={<Link to={`/budgets/${id}`}>{t('area.back')}</Link>}
        extra={
          v &&
          v.areas.length > 1 && (
            <Select
              aria-label={t('area.choose')}
              style={{ minWidth: 140 }}
              value={v.area ?? undefined}
              onChange={setArea}
              options={v.areas.map((a) => ({ value: a, label: a }))}
              data-testid="area-select"
            />
          )
        }
      />
      <ErrorAlert error={view.error} onRetry={view.reload} />
      {v && !v.area && <Alert type="info" showIcon title={t('area.none')} />}
      {v?.area && (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          {v.streets.length > 0 && (
            <Typography.Text type="secondary">
              {t('area.streets')}：{v.streets.map((s) => (en && s.nameEn ? s.nameEn : s.name)).join('、')}
            </Typography.Text>
          )}
          <Card size="small" title={t('area.warnings')} data-testid="area-warnings">
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {t('area.warningsHint')}
            </Typography.Paragraph>
            {v.warnings.length === 0 ? (
              <Empty description={t('area.noWarnings')} />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {v.warnings.map((w) => (
                  <WarningCard key={`${w.rule}:${w.code}:${w.name}`} w={w} />
                ))}
              </Space>
            )}
          </Card>
          {v.rounds.map((r) => (
            <Card
              key={r.id}
              size="small"
              data-testid="area-round"
              title={
                <span style={{ whiteSpace: 'normal' }}>
                  {t('area.rounds')} · {formatDate(r.heldOn)}
                </span>
              }
              extra={t('area.opinions', { count: r.opinions.length })}
            >
              {r.place && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
                  {r.place}
                </Typography.Paragraph>
              )}
              <List
                size="small"
                dataSource={r.opinions}
                renderItem={(o) => (
                  <List.Item style={{ display: 'block' }}>
                    <div>
                      <Typography.Text strong>{o.by}</Typography.Text>
                      {(o.code || o.topic) && (
                        <Tag style={{ marginLeft: 8, whiteSpace: 'normal' }}>
                          {o.code ? `${o.code} ${o.lineName}` : o.topic}
                        </Tag>
                      )}
                    </div>
                    <div>{o.content}</div>
                    <div style={{ marginTop: 4, color: 'rgba(0,0,0,0.65)' }}>
                      {o.status === 'answered' ? (
                        <>
                          <Typography.Text strong>{t('area.feedback')}</Typography.Text>
                          {o.feedback}
                        </>
                      ) : (
                        <Tag color="gold">{t('area.pending')}</Tag>
                      )}
                    </div>
                  </List.Item>
                )}
              />
            </Card>
          ))}
        </Space>
      )}
    </>
  );
}
