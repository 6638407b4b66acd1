// The final accounts (决算) read-only: the dates (submitted June–September, the audit report, the rectification
// report within six months), the headings with budgeted, adjusted and actual amounts, the findings on the 12 points
// of 预算法 Art. 79, and the audit's findings with their unit, measures and whether overdue; staff record a finding
// against its unit, and the unit (or staff) reports its rectification.
import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input, List, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, useResource } from '../../shell/components';
import { FormModal } from '../../shell/FormModal';
import { formatDate } from '../../shell/datetime';
import { paths, recordAuditFinding } from './api';
import { RectifyDialog } from './AuditFindingsPage';
import { yuan, type FinalAccounts } from './types';

type Finding = FinalAccounts['auditFindings'][number];
interface NewFinding {
  unitId: string;
  finding: string;
  amount: string;
}

export default function FinalAccountsTab({ budgetId }: { budgetId: string }) {
  const { t, i18n } = useTranslation('budget');
  const fa = useResource<FinalAccounts>(paths.getFinalAccounts(budgetId));
  const d = fa.data;
  const en = i18n.language.startsWith('en');
  const [adding, setAdding] = useState(false);
  const [rectifying, setRectifying] = useState<Finding | null>(null);
  const [form] = Form.useForm<NewFinding>();
  const units = useResource<{ items: { id: string; name: string }[] }>(
    d?.abilities.recordAuditFinding ? paths.findHandlingUnits() : null,
  );
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
          <Card
            size="small"
            title={t('final.audit')}
            extra={
              d.abilities.recordAuditFinding && (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => setAdding(true)}
                  data-testid="record-finding"
                >
                  {t('actions.recordFinding')}
                </Button>
              )
            }
          >
            <List
              size="small"
              dataSource={d.auditFindings}
              locale={{ emptyText: t('final.noAudit') }}
              renderItem={(f) => (
                <List.Item
                  actions={
                    f.abilities.rectify && f.status !== 'rectified'
                      ? [
                          <Button key="r" size="small" onClick={() => setRectifying(f)}>
                            {t('actions.rectify')}
                          </Button>,
                        ]
                      : []
                  }
                >
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
          <RectifyDialog
            finding={rectifying}
            onClose={() => setRectifying(null)}
            onSaved={() => {
              setRectifying(null);
              fa.reload();
            }}
          />
          <FormModal<NewFinding, { id: string }>
            form={form}
            open={adding}
            title={t('actions.findingTitle')}
            values={null}
            initialValues={{ amount: '0.00' }}
            save={(v, key) => recordAuditFinding(budgetId, v, key)}
            onSaved={() => {
              setAdding(false);
              fa.reload();
            }}
            onClose={() => setAdding(false)}
          >
            <Form.Item
              name="unitId"
              label={t('actions.unit')}
              rules={[{ required: true, message: t('list.required') }]}
            >
              <Select
                showSearch
                optionFilterProp="label"
                data-testid="finding-unit"
                options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
            <Form.Item
              name="finding"
              label={t('actions.finding')}
              rules={[{ required: true, message: t('list.required') }]}
            >
              <Input.TextArea rows={4} maxLength={2000} data-testid="finding-text" />
            </Form.Item>
            <Form.Item
              name="amount"
              label={t('actions.findingAmount')}
              rules={[{ pattern: /^\d{1,13}(\.\d{1,2})?$/, message: t('actions.money') }]}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          </FormModal>
        </>
      )}
    </>
  );
}
