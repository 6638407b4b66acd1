// A deputy's public record of a year (代表履职档案, 代表法 Art. 58): the work counted per kind from each module's
// records, the activities by kind, and the duty points with the rules beside the score. No private data.
import { Card, Col, Descriptions, Empty, Row, Select, Space, Statistic, Tag, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { shanghaiToday } from '../../shell/datetime';
import { paths } from './api';
import type { DeputyRecord } from './types';

export default function DeputyRecordPage() {
  const { id } = useParams();
  const { t } = useTranslation('activities');
  const [params, setParams] = useSearchParams();
  const thisYear = Number(shanghaiToday().slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const { data: r, error, reload } = useResource<DeputyRecord>(paths.getDeputyPerformanceRecord(id, year));
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!r) return null;
  const work: [string, number, string?][] = [
    [t('work.suggestions'), r.suggestions, t('record.cosigned', { n: r.suggestionsCosigned })],
    [t('work.receptions'), r.receptions],
    [t('work.activities'), r.activities],
    [t('work.meetingsAttended'), r.meetingsAttended, t('record.excused', { n: r.meetingsExcused })],
  ];
  return (
    <div style={{ maxWidth: 960, margin: '0 auto' }}>
      <PageHeader
        title={t('record.title', { name: r.deputy.name })}
        sub={
          <Space wrap>
            {r.deputy.levels.map((l) => (
              <Tag key={l}>{t(`level.${l}`)}</Tag>
            ))}
          </Space>
        }
        extra={
          <Select
            value={year}
            onChange={(y) => setParams({ year: String(y) })}
            options={[0, 1, 2, 3, 4].map((k) => ({ value: thisYear - k, label: String(thisYear - k) }))}
            aria-label={t('record.year')}
            style={{ width: 100 }}
          />
        }
      />
      <Typography.Paragraph type="secondary">{t('record.note')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {work.map(([label, value, note]) => (
          <Col key={label} xs={12} md={6}>
            <Card size="small">
              <Statistic title={label} value={value} />
              {note && <Typography.Text type="secondary">{note}</Typography.Text>}
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <Card size="small" title={t('record.points')} data-testid="duty-points">
            <Statistic value={r.points} />
            <Descriptions column={1} size="small" title={t('record.rules')} style={{ marginTop: 8 }}>
              {r.pointsRules.map((l) => (
                <Descriptions.Item key={l.kind} label={t(`work.${l.kind}`)}>
                  {t('record.rule', { count: l.count, perUnit: l.perUnit, points: l.points })}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('record.byKind')} data-testid="record-by-kind">
            {r.activitiesByKind.length ? (
              <Descriptions column={1} size="small">
                {r.activitiesByKind.map((k) => (
                  <Descriptions.Item key={k.kind} label={t(`kind.${k.kind}`, { defaultValue: k.kind })}>
                    {k.count}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('record.none')} />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
