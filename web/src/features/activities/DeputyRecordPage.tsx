// A deputy's public record of a year (代表履职档案, 代表法 Art. 58): the work counted per kind from each module's
// records, the activities by kind, the duty points with the rules beside the score, the pledges with what was
// done about each, the term's totals with each year's points, and the year's record as .docx for the report to
// voters. No private data, and no ranking (staff only).
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  List,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { problemMessage } from '../../api';
import { formatDate } from '../../shell/datetime';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { shanghaiToday } from '../../shell/datetime';
import { exportDeputyPerformanceRecord, paths } from './api';
import type { DeputyRecord, Pledge, TermRecord } from './types';
import { PLEDGE_COLOR } from './PledgesPage';

export default function DeputyRecordPage() {
  const { id } = useParams();
  const { t } = useTranslation('activities');
  const [params, setParams] = useSearchParams();
  const thisYear = Number(shanghaiToday().slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const { data: r, error, reload } = useResource<DeputyRecord>(paths.getDeputyPerformanceRecord(id, year));
  const pledges = useResource<{ items: Pledge[]; fulfilled: number }>(paths.findDeputyPledges(id, year));
  const term = useResource<TermRecord>(paths.getDeputyTermRecord(id));
  const { message } = App.useApp();
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!r) return null;
  const work: [string, number, string?][] = [
    [t('work.suggestions'), r.suggestions, t('record.cosigned', { n: r.suggestionsCosigned })],
    [t('work.receptions'), r.receptions],
    [t('work.activities'), r.activities],
    [t('work.meetingsAttended'), r.meetingsAttended, t('record.excused', { n: r.meetingsExcused })],
    [t('work.firmVisits'), r.firmVisits, t('record.firms', { n: r.firmsVisited })],
    [t('work.pledgesFulfilled'), r.pledgesFulfilled, t('record.pledged', { n: r.pledgesMade })],
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
          <Space wrap>
            <Select
              value={year}
              onChange={(y) => setParams({ year: String(y) })}
              options={[0, 1, 2, 3, 4].map((k) => ({ value: thisYear - k, label: String(thisYear - k) }))}
              aria-label={t('record.year')}
              style={{ width: 100 }}
            />
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void exportDeputyPerformanceRecord(r.deputy.id, year).catch((err) =>
                  message.error(problemMessage(err)),
                )
              }
            >
              .docx
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t('record.note')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {work.map(([label, value, note]) => (
          <Col key={label} xs={12} md={8} lg={4}>
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
        <Col xs={24} md={12}>
          <Card size="small" title={t('record.pledges')} data-testid="record-pledges">
            <List
              dataSource={pledges.data?.items ?? []}
              locale={{
                emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('pledges.none')} />,
              }}
              renderItem={(p) => (
                <List.Item>
                  <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                    <Space wrap>
                      <Tag color={PLEDGE_COLOR[p.status]}>{t(`pledgeStatus.${p.status}`)}</Tag>
                      <Typography.Text>{p.content}</Typography.Text>
                    </Space>
                    {p.progress.length > 0 && (
                      <Timeline
                        items={p.progress.map((n) => ({
                          color: n.status === 'fulfilled' ? 'green' : 'blue',
                          content: `${formatDate(n.at)} ${n.note}`,
                        }))}
                      />
                    )}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card
            size="small"
            title={term.data ? t('record.term', { n: term.data.term.number }) : t('record.termShort')}
            data-testid="record-term"
          >
            {term.data ? (
              <>
                <Statistic title={t('record.termPoints')} value={term.data.points} />
                <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
                  {term.data.years.map((y) => (
                    <Descriptions.Item key={y.year} label={String(y.year)}>
                      {t('record.yearPoints', { n: y.points })}
                    </Descriptions.Item>
                  ))}
                </Descriptions>
                <Typography.Text type="secondary">
                  {t('record.termSpan', { from: term.data.term.startDate, to: term.data.term.until })}
                </Typography.Text>
              </>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('record.none')} />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
