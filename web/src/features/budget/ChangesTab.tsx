// What changed the budget year after the draft: spending before approval against last year's same months and the
// urgent projects released early (Art. 54), the transfers with their Art. 52 deadlines (staff and the finance
// department record them and the day each is issued), the carry-overs (Art. 42) and the adjustment plans
// (Art. 67–69), which staff mark approved or rejected as the standing committee decided.
import { useState } from 'react';
import { Button, Card, Form, Input, Radio, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Abilities } from '../../api';
import { ErrorAlert, useResource } from '../../shell/components';
import { FormModal } from '../../shell/FormModal';
import { formatDate, shanghaiToday } from '../../shell/datetime';
import { decideAdjustment, issueTransfer, paths, recordTransfer } from './api';
import { yuan, type Adjustment, type CarryOver, type PreApproval, type Transfer } from './types';

const MONEY_RE = /^\d{1,13}(\.\d{1,2})?$/;

interface NewTransfer {
  code: string;
  recipient: string;
  kind: 'general' | 'special';
  purpose: string;
  amount: string;
  issuedOn: string;
}

export default function ChangesTab({ budgetId, abilities }: { budgetId: string; abilities: Abilities }) {
  const { t } = useTranslation('budget');
  const [adding, setAdding] = useState(false);
  const [issuing, setIssuing] = useState<Transfer | null>(null);
  const [deciding, setDeciding] = useState<{ a: Adjustment; decision: 'approved' | 'rejected' } | null>(null);
  const [transferForm] = Form.useForm<NewTransfer>();
  const [issueForm] = Form.useForm<{ issuedOn: string }>();
  const [decideForm] = Form.useForm<{ decision: 'approved' | 'rejected'; decidedOn: string }>();
  const required = [{ required: true, message: t('list.required') }];
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
      <Card
        size="small"
        title={t('changes.transfers')}
        style={{ marginBottom: 16 }}
        extra={
          abilities.recordTransfer && (
            <Button size="small" type="primary" onClick={() => setAdding(true)} data-testid="record-transfer">
              {t('actions.recordTransfer')}
            </Button>
          )
        }
      >
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
                  {!x.issuedOn && abilities.recordTransfer && (
                    <Button size="small" onClick={() => setIssuing(x)} data-testid={`issue-transfer-${x.id}`}>
                      {t('actions.issue')}
                    </Button>
                  )}
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
            ...(abilities.decideAdjustment
              ? [
                  {
                    title: '',
                    key: 'decide',
                    render: (_: unknown, a: Adjustment) =>
                      a.status === 'submitted' && (
                        <Space size={4}>
                          <Button
                            size="small"
                            type="primary"
                            onClick={() => setDeciding({ a, decision: 'approved' })}
                            data-testid={`approve-adjustment-${a.id}`}
                          >
                            {t('actions.approve')}
                          </Button>
                          <Button
                            size="small"
                            danger
                            onClick={() => setDeciding({ a, decision: 'rejected' })}
                          >
                            {t('actions.reject')}
                          </Button>
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <FormModal<NewTransfer, { id: string }>
        form={transferForm}
        open={adding}
        title={t('actions.transferTitle')}
        values={null}
        initialValues={{ kind: 'general' }}
        save={(v, key) =>
          recordTransfer(budgetId, { ...v, issuedOn: v.issuedOn || null, purpose: v.purpose ?? '' }, key)
        }
        onSaved={() => {
          setAdding(false);
          transfers.reload();
        }}
        onClose={() => setAdding(false)}
      >
        <Form.Item name="recipient" label={t('actions.recipient')} rules={required}>
          <Input maxLength={60} data-testid="transfer-recipient" />
        </Form.Item>
        <Form.Item name="code" label={t('actions.code')} rules={required}>
          <Input maxLength={7} inputMode="numeric" placeholder="2300201" data-testid="transfer-code" />
        </Form.Item>
        <Form.Item name="kind" label={t('actions.kind')} rules={required}>
          <Radio.Group
            options={(['general', 'special'] as const).map((k) => ({
              value: k,
              label: t(`changes.transferKind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('actions.amount')}
          rules={[...required, { pattern: MONEY_RE, message: t('actions.money') }]}
        >
          <Input inputMode="decimal" data-testid="transfer-amount" />
        </Form.Item>
        <Form.Item name="purpose" label={t('actions.purpose')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('actions.issuedOn')}>
          <Input type="date" />
        </Form.Item>
      </FormModal>
      <FormModal<{ issuedOn: string }, unknown>
        form={issueForm}
        open={!!issuing}
        title={t('actions.issueTitle')}
        values={issuing ? { issuedOn: shanghaiToday() } : null}
        before={issuing && `${issuing.recipient} · ¥${money(issuing.amount)}`}
        save={(v) => issueTransfer(issuing!.id, v)}
        onSaved={() => {
          setIssuing(null);
          transfers.reload();
        }}
        onClose={() => setIssuing(null)}
      >
        <Form.Item name="issuedOn" label={t('changes.issuedOn')} rules={required}>
          <Input type="date" data-testid="transfer-issued-on" />
        </Form.Item>
      </FormModal>
      <FormModal<{ decision: 'approved' | 'rejected'; decidedOn: string }, unknown>
        form={decideForm}
        open={!!deciding}
        title={t('actions.decideTitle')}
        values={deciding ? { decision: deciding.decision, decidedOn: deciding.a.meetingDate } : null}
        before={deciding && deciding.a.title}
        save={(v) => decideAdjustment(deciding!.a.id, v)}
        onSaved={() => {
          setDeciding(null);
          adjustments.reload();
        }}
        onClose={() => setDeciding(null)}
      >
        <Form.Item name="decision" label={t('actions.decision')} rules={required}>
          <Select
            options={(['approved', 'rejected'] as const).map((d) => ({
              value: d,
              label: t(`changes.adjustmentStatus.${d}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="decidedOn" label={t('actions.decidedOn')} rules={required}>
          <Input type="date" />
        </Form.Item>
      </FormModal>
    </>
  );
}
