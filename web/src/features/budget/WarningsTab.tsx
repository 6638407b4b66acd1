// The warnings that hold now, each with its evidence; congress staff put one as an inquiry to the finance
// department or the spending unit, with a deadline.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, useResource } from '../../shell/components';
import { FormModal } from '../../shell/FormModal';
import { formatDate } from '../../shell/datetime';
import { createBudgetInquiry, paths } from './api';
import { yuan, type Warning } from './types';

const SEVERITY_COLOR = { high: 'red', medium: 'orange', low: 'blue' } as const;
const MONEY = new Set([
  'budget',
  'executed',
  'excess',
  'spent',
  'december',
  'reserve',
  'expenditure',
  'thisYear',
  'lastYear',
  'amount',
  'unused',
]);
const PERCENT = new Set(['rate', 'elapsed', 'decemberShare', 'share', 'change']);
const DATES = new Set(['approvedOn', 'publishedOn', 'deadline', 'issuedOn']);

const evidenceValue = (k: string, v: string | number | null) =>
  v === null
    ? '—'
    : MONEY.has(k)
      ? `¥${yuan(String(v))}`
      : PERCENT.has(k)
        ? `${v}%`
        : DATES.has(k)
          ? formatDate(String(v))
          : String(v);

/** One warning with its evidence (also the deputy's area page). */
export function WarningCard({ w, extra }: { w: Warning; extra?: ReactNode }) {
  const { t } = useTranslation('budget');
  return (
    <Card
      size="small"
      data-testid={`warning-${w.rule}`}
      title={
        <span style={{ whiteSpace: 'normal' }}>
          <Tag color={SEVERITY_COLOR[w.severity]}>{t(`severity.${w.severity}`)}</Tag>
          {t(`rule.${w.rule}`)}
          {w.code && ` · ${w.code}`} {w.name}
        </span>
      }
      extra={extra}
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
        {Object.entries(w.evidence).map(([k, v]) => (
          <Descriptions.Item key={k} label={t(`evidence.${k}`, { defaultValue: k })}>
            {evidenceValue(k, v)}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}

interface NewInquiry {
  unitId: string;
  question: string;
  deadline?: string;
}

export default function WarningsTab({ budgetId, onInquiry }: { budgetId: string; onInquiry: () => void }) {
  const { t } = useTranslation('budget');
  const warnings = useResource<{ items: Warning[]; abilities: Record<string, boolean> }>(
    paths.getBudgetWarnings(budgetId),
  );
  const [target, setTarget] = useState<Warning | null>(null);
  const [form] = Form.useForm<NewInquiry>();
  const units = useResource<{ items: { id: string; name: string }[] }>(
    warnings.data?.abilities.createInquiry ? paths.findHandlingUnits() : null,
  );

  const items = warnings.data?.items ?? [];
  return (
    <>
      <ErrorAlert error={warnings.error} onRetry={warnings.reload} />
      {warnings.data && (
        <Alert
          style={{ marginBottom: 12 }}
          type={items.length ? 'warning' : 'success'}
          showIcon
          title={items.length ? t('warnings.count', { count: items.length }) : t('warnings.none')}
        />
      )}
      {!warnings.loading && warnings.data && items.length === 0 && <Empty description={t('warnings.none')} />}
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="warnings">
        {items.map((w) => (
          <WarningCard
            key={`${w.rule}:${w.code}:${w.name}`}
            w={w}
            extra={
              warnings.data?.abilities.createInquiry && (
                <Button size="small" onClick={() => setTarget(w)} data-testid={`inquire-${w.rule}-${w.code}`}>
                  {t('warnings.toInquiry')}
                </Button>
              )
            }
          />
        ))}
      </Space>
      <FormModal<NewInquiry, { id: string }>
        form={form}
        open={!!target}
        title={t('warnings.inquiryTitle')}
        values={
          target
            ? {
                question: t('warnings.questionDefault', {
                  rule: t(`rule.${target.rule}`),
                  code: target.code,
                  name: target.name,
                }),
              }
            : null
        }
        save={(v, key) =>
          createBudgetInquiry(
            budgetId,
            {
              rule: target!.rule,
              code: target!.code,
              unitId: v.unitId,
              question: v.question,
              ...(v.deadline ? { deadline: v.deadline } : {}),
            },
            key,
          )
        }
        successMessage={t('warnings.created')}
        onSaved={() => {
          setTarget(null);
          onInquiry();
        }}
        onClose={() => setTarget(null)}
      >
        <Form.Item
          name="unitId"
          label={t('warnings.unit')}
          rules={[{ required: true, message: t('list.required') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="inquiry-unit"
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item
          name="question"
          label={t('warnings.question')}
          rules={[{ required: true, message: t('list.required') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item name="deadline" label={t('warnings.deadline')}>
          <Input type="date" />
        </Form.Item>
      </FormModal>
    </>
  );
}
