// The audit trail for the auditor: search by action, entity, account and period; each row expands to a
// before/after diff; "verify chain" seals and checks the SM3 chain.
import { useState } from 'react';
import { Alert, App as AntApp, Button, DatePicker, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { api, problemMessage } from '../../api';
import { ErrorAlert, LoadMore, PageHeader, usePagedList } from '../../shell/components';

interface AuditEvent {
  id: string;
  createdAt: string;
  accountId: string | null;
  username: string | null;
  role: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
  chainSeq: number | null;
}

interface VerifyResult {
  checked: number;
  sealed: number;
  problems: { congressId: string; id?: string; chainSeq?: number; problem: string }[];
}

interface Filters {
  action?: string;
  entityType?: string;
  entityId?: string;
  accountId?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

const show = (v: unknown): string => {
  if (v === undefined) return '';
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  return JSON.stringify(v, null, 1);
};

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : v === null || v === undefined
      ? {}
      : { value: v };

/** Field-by-field before/after; unchanged fields are listed dimmed. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation('admin');
  const b = asRecord(before);
  const a = asRecord(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (!keys.length) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <table
      className="diff-table"
      style={{ borderCollapse: 'collapse', width: '100%' }}
      data-testid="audit-diff"
    >
      <thead>
        <tr>
          <th style={{ textAlign: 'start', padding: 4, width: '20%' }}>{t('audit.field')}</th>
          <th style={{ textAlign: 'start', padding: 4 }}>{t('audit.before')}</th>
          <th style={{ textAlign: 'start', padding: 4 }}>{t('audit.after')}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => {
          const bs = show(b[k]);
          const as = show(a[k]);
          const changed = bs !== as;
          return (
            <tr key={k} style={{ opacity: changed ? 1 : 0.55, borderTop: '1px solid #f0f0f0' }}>
              <td className="mono" style={{ padding: 4 }}>
                {k}
              </td>
              <td
                className={changed && k in b ? 'diff-removed mono' : 'mono'}
                style={{ padding: 4, whiteSpace: 'pre-wrap' }}
              >
                {k in b ? bs : '—'}
              </td>
              <td
                className={changed && k in a ? 'diff-added mono' : 'mono'}
                style={{ padding: 4, whiteSpace: 'pre-wrap' }}
              >
                {k in a ? as : '—'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export default function AuditPage() {
  const { t } = useTranslation('admin');
  const { message } = AntApp.useApp();
  const [query, setQuery] = useState<Record<string, string | undefined>>({});
  const [verifying, setVerifying] = useState(false);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const list = usePagedList<AuditEvent>('/audit-events', query, 50);

  const search = (f: Filters) => {
    const [from, to] = f.period ?? [null, null];
    setQuery({
      action: f.action?.trim() || undefined,
      entityType: f.entityType?.trim() || undefined,
      entityId: f.entityId?.trim() || undefined,
      accountId: f.accountId?.trim() || undefined,
      from: from ? from.startOf('day').toISOString() : undefined,
      to: to ? to.add(1, 'day').startOf('day').toISOString() : undefined,
    });
  };

  const verify = async () => {
    setVerifying(true);
    try {
      setResult(await api.post<VerifyResult>('/audit-events/verify'));
    } catch (err) {
      void message.error(problemMessage(err));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <div>
      <PageHeader
        title={t('audit.title')}
        sub={t('audit.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            loading={verifying}
            onClick={() => void verify()}
            data-testid="audit-verify"
          >
            {verifying ? t('audit.verifying') : t('audit.verify')}
          </Button>
        }
      />
      <Form<Filters> layout="inline" onFinish={search} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="action">
          <Input
            aria-label={t('audit.action')}
            placeholder={t('audit.action')}
            title={t('audit.actionHint')}
            allowClear
            style={{ width: 180 }}
          />
        </Form.Item>
        <Form.Item name="entityType">
          <Input
            aria-label={t('audit.entityType')}
            placeholder={t('audit.entityType')}
            allowClear
            style={{ width: 150 }}
          />
        </Form.Item>
        <Form.Item name="entityId">
          <Input
            aria-label={t('audit.entityId')}
            placeholder={t('audit.entityId')}
            allowClear
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="accountId">
          <Input
            aria-label={t('audit.accountId')}
            placeholder={t('audit.accountId')}
            allowClear
            style={{ width: 200 }}
          />
        </Form.Item>
        <Form.Item name="period">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common:actions.search')}
        </Button>
      </Form>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 900 }}
        expandable={{
          expandedRowRender: (r) => (
            <div>
              <AuditDiff before={r.before} after={r.after} />
              <Typography.Paragraph
                type="secondary"
                style={{ marginTop: 8, marginBottom: 0, fontSize: '0.85em' }}
              >
                {t('audit.entityId')}: <span className="mono">{r.entityId ?? '—'}</span> ·{' '}
                {t('audit.requestId')}: <span className="mono">{r.requestId ?? '—'}</span> · {t('audit.seq')}:{' '}
                {r.chainSeq ?? '—'}
              </Typography.Paragraph>
            </div>
          ),
        }}
        columns={[
          {
            title: t('audit.time'),
            dataIndex: 'createdAt',
            width: 170,
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
          },
          {
            title: t('audit.who'),
            key: 'who',
            render: (_, r) => (
              <>
                {r.username ?? '—'}
                {r.role && (
                  <Tag style={{ marginInlineStart: 6 }}>
                    {t(`common:roles.${r.role}`, { defaultValue: r.role })}
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            render: (v: string) => <span className="mono">{v}</span>,
          },
          { title: t('audit.entity'), dataIndex: 'entityType' },
          { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—' },
        ]}
      />
      <LoadMore list={list} />
      <Modal
        open={!!result}
        title={t('audit.verify')}
        onCancel={() => setResult(null)}
        footer={<Button onClick={() => setResult(null)}>{t('common:actions.close')}</Button>}
      >
        {result &&
          (result.problems.length === 0 ? (
            <Alert
              type="success"
              showIcon
              title={t('audit.verifyOk', { checked: result.checked, sealed: result.sealed })}
              data-testid="audit-verify-result"
            />
          ) : (
            <>
              <Alert
                type="error"
                showIcon
                title={t('audit.verifyBad', { count: result.problems.length, checked: result.checked })}
                data-testid="audit-verify-result"
              />
              <Table
                size="small"
                rowKey={(p) => `${p.congressId}:${p.id ?? ''}:${p.chainSeq ?? ''}:${p.problem}`}
                dataSource={result.problems}
                pagination={false}
                style={{ marginTop: 12 }}
                columns={[
                  { title: t('audit.seq'), dataIndex: 'chainSeq' },
                  {
                    title: t('audit.detail'),
                    dataIndex: 'problem',
                    render: (p: string) => t(`audit.problems.${p}`, { defaultValue: p }),
                  },
                  {
                    title: 'ID',
                    dataIndex: 'id',
                    render: (v?: string) => <span className="mono">{v ?? '—'}</span>,
                  },
                ]}
              />
            </>
          ))}
      </Modal>
    </div>
  );
}
