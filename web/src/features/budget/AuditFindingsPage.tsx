// The audit's findings to rectify (审计整改, 监督法 Art. 27): a unit's own — it reports its measures and the day
// it finished here — or all of them for staff and leaders; overdue past the six months after the audit report.
// RectifyDialog is also the final-accounts tab's.
import { useState } from 'react';
import { Button, Form, Input, Select, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth';
import { usePagedList } from '../../shell/components';
import { ListPage } from '../../shell/ListPage';
import { FormModal } from '../../shell/FormModal';
import { formatDate } from '../../shell/datetime';
import { paths, rectifyAuditFinding } from './api';
import { yuan, type AuditFinding, type AuditFindingStatus } from './types';

const STATUSES: AuditFindingStatus[] = ['open', 'rectifying', 'rectified'];
export const AUDIT_STATUS_COLOR = { open: 'default', rectifying: 'blue', rectified: 'green' } as const;

interface Rectification {
  measures: string;
  status: AuditFindingStatus;
  rectifiedOn: string;
}

/** The unit's report on one finding: its measures, whether done, and the day. */
export function RectifyDialog({
  finding,
  onClose,
  onSaved,
}: {
  finding: { id: string; finding: string; measures: string; status: AuditFindingStatus } | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('budget');
  const [form] = Form.useForm<Rectification>();
  const status = Form.useWatch('status', form);
  return (
    <FormModal<Rectification, unknown>
      form={form}
      open={!!finding}
      title={t('actions.rectifyTitle')}
      values={
        finding
          ? {
              measures: finding.measures,
              status: finding.status === 'open' ? 'rectifying' : finding.status,
              rectifiedOn: '',
            }
          : null
      }
      before={finding && <p style={{ marginTop: 0 }}>{finding.finding}</p>}
      save={(v) =>
        rectifyAuditFinding(finding!.id, {
          measures: v.measures,
          status: v.status,
          rectifiedOn: v.status === 'rectified' ? v.rectifiedOn || null : null,
        })
      }
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item
        name="measures"
        label={t('actions.measures')}
        rules={[{ required: true, message: t('list.required') }]}
      >
        <Input.TextArea rows={5} maxLength={5000} data-testid="rectify-measures" />
      </Form.Item>
      <Form.Item name="status" label={t('actions.status')} rules={[{ required: true }]}>
        <Select
          data-testid="rectify-status"
          options={STATUSES.filter((s) => s !== 'open').map((s) => ({
            value: s,
            label: t(`final.status.${s}`),
          }))}
        />
      </Form.Item>
      {status === 'rectified' && (
        <Form.Item
          name="rectifiedOn"
          label={t('actions.rectifiedOn')}
          rules={[{ required: true, message: t('list.required') }]}
        >
          <Input type="date" data-testid="rectify-date" />
        </Form.Item>
      )}
    </FormModal>
  );
}

export default function AuditFindingsPage() {
  const { t, i18n } = useTranslation('budget');
  const { hasRole } = useAuth();
  const [status, setStatus] = useState<AuditFindingStatus | undefined>();
  const list = usePagedList<AuditFinding>(paths.findBudgetAuditFindings(), { status });
  const [rectifying, setRectifying] = useState<AuditFinding | null>(null);
  const en = i18n.language.startsWith('en');
  return (
    <ListPage<AuditFinding>
      title={hasRole('congressStaff', 'leader') ? t('audit.title') : t('audit.mineTitle')}
      extra={
        <Select<AuditFindingStatus | 'all'>
          style={{ minWidth: 120 }}
          value={status ?? 'all'}
          aria-label={t('actions.status')}
          onChange={(v) => setStatus(v === 'all' ? undefined : v)}
          options={[
            { value: 'all', label: t('audit.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`final.status.${s}`) })),
          ]}
        />
      }
      list={list}
      scroll={{ x: true }}
      locale={{ emptyText: t('audit.empty') }}
      data-testid="audit-findings"
      columns={[
        {
          title: t('actions.finding'),
          key: 'finding',
          render: (_, f) => (
            <div style={{ minWidth: 200, whiteSpace: 'normal' }}>
              <div>
                <Tag color={AUDIT_STATUS_COLOR[f.status]}>{t(`final.status.${f.status}`)}</Tag>
                {f.overdue && <Tag color="red">{t('final.overdue')}</Tag>}
              </div>
              {f.finding}
              {f.measures && (
                <div style={{ color: 'rgba(0,0,0,0.65)', marginTop: 4 }}>
                  {t('audit.measures')}
                  {f.measures}
                </div>
              )}
            </div>
          ),
        },
        {
          title: t('audit.year'),
          key: 'year',
          render: (_, f) => <Link to={`/budgets/${f.budgetId}`}>{f.year}</Link>,
        },
        {
          title: t('actions.unit'),
          key: 'unit',
          responsive: ['md'],
          render: (_, f) => (en && f.unit.nameEn ? f.unit.nameEn : f.unit.name),
        },
        {
          title: t('actions.findingAmount'),
          key: 'amount',
          align: 'right',
          responsive: ['sm'],
          render: (_, f) => yuan(f.amount),
        },
        {
          title: t('audit.deadline'),
          key: 'deadline',
          responsive: ['sm'],
          render: (_, f) =>
            f.rectifiedOn
              ? `${t('audit.rectifiedOn')} ${formatDate(f.rectifiedOn)}`
              : formatDate(f.rectificationDeadline) || '—',
        },
        {
          title: '',
          key: 'act',
          render: (_, f) =>
            f.abilities.rectify &&
            f.status !== 'rectified' && (
              <Button size="small" type="primary" onClick={() => setRectifying(f)} data-testid="rectify">
                {t('actions.rectify')}
              </Button>
            ),
        },
      ]}
    >
      <RectifyDialog
        finding={rectifying}
        onClose={() => setRectifying(null)}
        onSaved={() => {
          setRectifying(null);
          list.reload();
        }}
      />
    </ListPage>
  );
}
