// The audit trail for the auditor: actions and object types in words; search by person, action, object and
// period (on the server, paged); export what the filters select (.xlsx, itself audited); each row expands to
// a before/after diff; "verify chain" seals and checks the SM3 chain.
import { useMemo, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, auditActionText, auditEntityText } from '@minyi/domain/audit';
import { problemMessage } from '../../api';
import { ErrorAlert, LoadMore, PageHeader, usePagedList } from '../../shell/components';
import { exportAuditEvents, paths, verifyAuditTrail, type VerifyResult } from './api';
import { formatDateTime, shanghaiToday } from '../../shell/datetime';

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

interface Filters {
  username?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
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
  const { t, i18n } = useTranslation('admin');
  const lang = i18n.language?.startsWith('en') ? 'en' : 'zh';
  const { message } = AntApp.useApp();
  const [query, setQuery] = useState<Record<string, string | undefined>>({});
  const [verifying, setVerifying] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const list = usePagedList<AuditEvent>(paths.findAuditEvents(), query, 50);

  // Every action in words (its code searchable too), and per object type "every action" (`entity.`).
  const actionOptions = useMemo(() => {
    const entities = Object.keys(AUDIT_ENTITY_TYPES);
    return entities
      .map((e) => ({
        label: auditEntityText(e, lang),
        options: [
          { value: `${e}.`, label: t('audit.actionAll', { entity: auditEntityText(e, lang) }) },
          ...Object.keys(AUDIT_ACTIONS)
            .filter((code) => code.startsWith(`${e}.`) || (e === 'account' && code.startsWith('auth.')))
            .map((code) => ({ value: code, label: `${auditActionText(code, lang)} · ${code}` })),
        ],
      }))
      .concat({
        label: '—',
        options: Object.keys(AUDIT_ACTIONS)
          .filter((code) => !entities.some((e) => code.startsWith(`${e}.`)) && !code.startsWith('auth.'))
          .map((code) => ({ value: code, label: `${auditActionText(code, lang)} · ${code}` })),
      })
      .filter((g) => g.options.length > 0);
  }, [lang, t]);
  const entityOptions = useMemo(
    () => Object.keys(AUDIT_ENTITY_TYPES).map((e) => ({ value: e, label: auditEntityText(e, lang) })),
    [lang],
  );

  const search = (f: Filters) => {
    const [from, to] = f.period ?? [null, null];
    setQuery({
      username: f.username?.trim() || undefined,
      action: f.action || undefined,
      entityType: f.entityType || undefined,
      entityId: f.entityId?.trim() || undefined,
      from: from ? from.startOf('day').toISOString() : undefined,
      to: to ? to.add(1, 'day').startOf('day').toISOString() : undefined,
    });
  };

  const exportLog = async () => {
    setExporting(true);
    try {
      await exportAuditEvents(query, `${lang === 'en' ? 'audit-trail' : '审计日志'}-${shanghaiToday()}.xlsx`);
      void message.success(t('audit.exported'));
    } catch (err) {
      void message.error(problemMessage(err));
    } finally {
      setExporting(false);
    }
  };

  const verify = async () => {
    setVerifying(true);
    try {
      setResult(await verifyAuditTrail());
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
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => void exportLog()}
              data-testid="audit-export"
            >
              {t('audit.export')}
            </Button>
            <Button
              type="primary"
              icon={<SafetyCertificateOutlined />}
              loading={verifying}
              onClick={() => void verify()}
              data-testid="audit-verify"
            >
              {verifying ? t('audit.verifying') : t('audit.verify')}
            </Button>
          </Space>
        }
      />
      <Form<Filters>
        layout="inline"
        onFinish={search}
        style={{ marginBottom: 16, rowGap: 8 }}
        data-testid="audit-filters"
      >
        <Form.Item name="username" style={{ maxWidth: '100%' }}>
          <Input
            aria-label={t('audit.person')}
            placeholder={t('audit.person')}
            allowClear
            style={{ width: 170, maxWidth: '100%' }}
            data-testid="audit-filter-person"
          />
        </Form.Item>
        <Form.Item name="action" style={{ maxWidth: '100%' }}>
          <Select
            aria-label={t('audit.action')}
            placeholder={t('audit.action')}
            allowClear
            showSearch
            optionFilterProp="label"
            options={actionOptions}
            popupMatchSelectWidth={false}
            style={{ width: 240, maxWidth: '100%' }}
            data-testid="audit-filter-action"
          />
        </Form.Item>
        <Form.Item name="entityType" style={{ maxWidth: '100%' }}>
          <Select
            aria-label={t('audit.entityType')}
            placeholder={t('audit.entityType')}
            allowClear
            showSearch
            optionFilterProp="label"
            options={entityOptions}
            style={{ width: 170, maxWidth: '100%' }}
          />
        </Form.Item>
        <Form.Item name="entityId" style={{ maxWidth: '100%' }}>
          <Input
            aria-label={t('audit.entityId')}
            placeholder={t('audit.entityId')}
            allowClear
            style={{ width: 200, maxWidth: '100%' }}
          />
        </Form.Item>
        <Form.Item name="period" style={{ maxWidth: '100%' }}>
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            aria-label={t('audit.period')}
            style={{ maxWidth: '100%' }}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
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
            width: 160,
            render: (v: string) => formatDateTime(v, { seconds: true }),
          },
          {
            title: t('audit.action'),
            dataIndex: 'action',
            render: (v: string) => (
              <span title={v} data-testid="audit-action">
                {auditActionText(v, lang)}
              </span>
            ),
          },
          {
            title: t('audit.entity'),
            dataIndex: 'entityType',
            render: (v: string) => <span title={v}>{auditEntityText(v, lang)}</span>,
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
