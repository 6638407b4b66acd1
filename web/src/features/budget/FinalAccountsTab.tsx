// The final accounts (决算) read-only: the dates (submitted June–September, the audit report, the rectification
// report within six months), the headings with budgeted, adjusted and actual amounts, the findings on the 12 points
// of 预算法 Art. 79, and the audit's findings with their unit, measures and whether overdue.
import { Card, Descriptions, List, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, useResource } from '../../shell/components';
import { formatDate } from '../../shell/datetime';
import { paths } from './api';
import { yuan, type FinalAccounts } from './types';

export default function FinalAccountsTab({ budgetId }: { budgetId: string }) {
  const { t, i18n } = useTranslation('budget');
  const fa = useResource<FinalAccounts>(paths.getFinalAccounts(budgetId));
  const d = fa.data;
  const en = i18n.language.startsWith('en');
  return (
    <>
      <ErrorAlert error={fa.error} onRetry={fa.reload} />
      {d && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
              <Descriptions.Item label={t('final.submittedOn')}>
                {formatDate(d.submittedOn) || '—'}
                {d.submittedOutOfWindow && (
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    {t('final.outOfWindow')}
                  </Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('final.auditReportOn')}>
                {formatDate(d.auditReportOn) || '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('final.rectificationDeadline')}>
                {formatDate(d.rectificationDeadline) || '—'}
                {d.rectificationReportLate && (
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    {t('final.late')}
                  </Tag>
                )}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('final.headings')} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey={(h) => `${h.budget}:${h.code}`}
              pagination={false}
              scroll={{ x: true }}
              dataSource={d.headings.filter((h) => h.code.length === 3)}
              columns={[
                { title: t('changes.code'), key: 'code', render: (_, h) => `${h.code} ${h.name}` },
                {
                  title: t('kindLabel'),
                  key: 'kind',
                  responsive: ['md'],
                  render: (_, h) => t(`kind.${h.budget}`),
                },
                { title: t('final.budgeted'), key: 'b', align: 'right', render: (_, h) => yuan(h.budgeted) },
                { title: t('final.adjusted'), key: 'a', align: 'right', render: (_, h) => yuan(h.adjusted) },
                { title: t('final.actual'), key: 'x', align: 'right', render: (_, h) => yuan(h.actual) },
              ]}
            />
          </Card>
          <Card size="small" title={t('final.points')} style={{ marginBottom: 16 }}>
            <List
              size="small"
              dataSource={d.points}
              renderItem={(p, i) => (
                <List.Item>
                  <List.Item.Meta
                    title={`${i + 1}. ${t(`final.point.${p.point}`)}`}
                    description={p.findings ?? <Tag>{t('review.pending')}</Tag>}
                  />
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={t('final.audit')}>
            <List
              size="small"
              dataSource={d.auditFindings}
              locale={{ emptyText: t('final.noAudit') }}
              renderItem={(f) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <>
                        {en && f.unit.nameEn ? f.unit.nameEn : f.unit.name}{' '}
                        <Tag
                          color={
                            f.status === 'rectified' ? 'green' : f.status === 'open' ? 'default' : 'blue'
                          }
                        >
                          {t(`final.status.${f.status}`)}
                        </Tag>
                        {f.overdue && <Tag color="red">{t('final.overdue')}</Tag>}
                      </>
                    }
                    description={
                      <>
                        <div style={{ color: 'rgba(0,0,0,0.88)' }}>
                          {f.finding}（¥{yuan(f.amount)}）
                        </div>
                        {f.measures && <div>{f.measures}</div>}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </>
      )}
    </>
  );
}
