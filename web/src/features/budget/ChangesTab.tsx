// What changed the budget year after the draft, read-only: spending before approval against last year's same
// months and the urgent projects released early (Art. 54), the transfers with their Art. 52 deadlines, the
// carry-overs (Art. 42) and the adjustment plans (Art. 67–69).
import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, useResource } from '../../shell/components';
import { formatDate } from '../../shell/datetime';
import { paths } from './api';
import { yuan, type Adjustment, type CarryOver, type PreApproval, type Transfer } from './types';

export default function ChangesTab({ budgetId }: { budgetId: string }) {
  const { t } = useTranslation('budget');
  const pre = useResource<PreApproval>(paths.getPreApprovalSpending(budgetId));
  const transfers = useResource<{ items: Transfer[] }>(paths.findTransfers(budgetId));
  const carry = useResource<{ items: CarryOver[] }>(paths.findCarryOvers(budgetId));
  const adjustments = useResource<{ items: Adjustment[] }>(paths.findAdjustments(budgetId));
  const money = (v: string) => yuan(v);

  return (
    <>
      {[pre, transfers, carry, adjustments].map((r, i) => (
        <ErrorAlert key={i} error={r.error} onRetry={r.reload} />
      ))}
      <Card size="small" title={t('changes.preApproval')} style={{ marginBottom: 16 }}>
        {pre.data && (
          <>
            <p style={{ marginTop: 0 }}>
              {t('changes.preApprovalSummary', {
                months: pre.data.months,
                thisYear: money(pre.data.thisYear),
                lastYear: money(pre.data.lastYear),
                count: pre.data.releases.count,
                amount: money(pre.data.releases.amount),
              })}
            </p>
            <Table
              size="small"
              rowKey="code"
              pagination={false}
              scroll={{ x: true }}
              dataSource={pre.data.classes}
              columns={[
                { title: t('changes.code'), key: 'code', render: (_, c) => `${c.code} ${c.name}` },
                {
                  title: t('changes.thisYear'),
                  key: 'ty',
                  align: 'right',
                  render: (_, c) => money(c.thisYear),
                },
                {
                  title: t('changes.lastYear'),
                  key: 'ly',
                  align: 'right',
                  render: (_, c) => money(c.lastYear),
                },
                {
                  title: '',
                  key: 'above',
                  render: (_, c) => (c.above ? <Tag color="red">{t('changes.above')}</Tag> : null),
                },
              ]}
            />
          </>
        )}
      </Card>
      <Card size="small" title={t('changes.transfers')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: true }}
          dataSource={transfers.data?.items ?? []}
          columns={[
            { title: t('changes.recipient'), dataIndex: 'recipient', key: 'recipient' },
            {
              title: t('changes.kind'),
              key: 'kind',
              render: (_, x) => t(`changes.transferKind.${x.kind}`),
            },
            { title: t('changes.amount'), key: 'amount', align: 'right', render: (_, x) => money(x.amount) },
            {
              title: t('changes.deadline'),
              key: 'deadline',
              render: (_, x) => formatDate(x.deadline) || '—',
            },
            {
              title: t('changes.issuedOn'),
              key: 'issued',
              render: (_, x) => (
                <>
                  {formatDate(x.issuedOn) || '—'}{' '}
                  {x.late && <Tag color="orange">{t('rule.transferLate')}</Tag>}
                </>
              ),
            },
            { title: t('changes.purpose'), dataIndex: 'purpose', key: 'purpose', responsive: ['lg'] },
          ]}
        />
      </Card>
      <Card size="small" title={t('changes.carryOvers')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: true }}
          dataSource={carry.data?.items ?? []}
          columns={[
            { title: t('changes.code'), key: 'name', render: (_, c) => `${c.code} ${c.name}` },
            { title: t('changes.fromYear'), dataIndex: 'fromYear', key: 'fromYear' },
            { title: t('changes.amount'), key: 'amount', align: 'right', render: (_, c) => money(c.amount) },
            {
              title: t('changes.unused'),
              key: 'unused',
              align: 'right',
              render: (_, c) => (
                <>
                  {money(c.unused)} {c.idle && <Tag color="orange">{t('rule.carryOverIdle')}</Tag>}
                </>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('changes.adjustments')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: true }}
          dataSource={adjustments.data?.items ?? []}
          columns={[
            { title: t('changes.title'), dataIndex: 'title', key: 'title' },
            { title: t('changes.meeting'), key: 'meeting', render: (_, a) => formatDate(a.meetingDate) },
            {
              title: t('changes.plan'),
              key: 'plan',
              render: (_, a) => (
                <>
                  {formatDate(a.planSubmittedOn) || '—'}{' '}
                  {a.planLate && <Tag color="red">{t('changes.planLate')}</Tag>}
                </>
              ),
            },
            { title: t('changes.net'), key: 'net', align: 'right', render: (_, a) => money(a.net) },
            {
              title: t('changes.status'),
              key: 'status',
              render: (_, a) => (
                <Tag color={a.status === 'approved' ? 'green' : a.status === 'rejected' ? 'red' : 'blue'}>
                  {t(`changes.adjustmentStatus.${a.status}`)}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
