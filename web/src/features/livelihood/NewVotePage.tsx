// Staff: a new project vote (draft) on candidates from the shortlist, congress-wide or for one street,
// binding (at the congress sitting, linked to it) or advisory. Quorum, threshold, the runoff rule and the
// second vote for a shortfall are not set here: the vote takes the congress settings for its scope, shown.
import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError, applyFieldErrors, localized, newIdempotencyKey, problemMessage } from '../../api';
import { ErrorAlert, PageHeader, usePagedList, useResource } from '../../shell/components';
import type { VoteRules } from './types';
import { createProjectVote, paths } from './api';

interface FormValues {
  title: string;
  year: number;
  scope: 'district' | 'street';
  streetId?: string;
  maxChoices: number;
  candidateIds: string[];
  voterRepresentatives?: string;
  nature: 'binding' | 'advisory';
}

interface LivelihoodSettings {
  values: { districtVote: VoteRules; streetVote: VoteRules };
}

export default function NewVotePage() {
  const { t } = useTranslation('livelihood');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const thisYear = new Date().getFullYear();
  const year = Form.useWatch('year', form) ?? thisYear + 1;
  const scope = Form.useWatch('scope', form) ?? 'district';
  const candidates = usePagedList<{ id: string; title: string; leadUnitName: string }>(
    paths.findLivelihoodCandidates(),
    { year },
    200,
  );
  const nature = Form.useWatch('nature', form) ?? 'binding';
  const congress = useResource<{
    streets: { id: string; name: string }[];
    currentSitting: { id: string; number: number; status: 'planned' | 'inSession' | 'closed' } | null;
  }>(paths.getPublicCongress());
  const settings = useResource<LivelihoodSettings>(paths.getModuleSettings());
  const rules = settings.data?.values[scope === 'street' ? 'streetVote' : 'districtVote'];
  const binding = scope === 'district' && nature === 'binding';
  const sitting = congress.data?.currentSitting;
  const streets = useMemo(
    () => congress.data?.streets.map((s) => ({ value: s.id, label: s.name })) ?? [],
    [congress.data],
  );

  const submit = async (v: FormValues) => {
    setBusy(true);
    try {
      const created = await createProjectVote(
        {
          title: v.title,
          year: v.year,
          scope: v.scope,
          streetId: v.scope === 'street' ? (v.streetId ?? null) : null,
          maxChoices: v.maxChoices,
          candidateIds: v.candidateIds ?? [],
          voterRepresentatives:
            v.scope === 'street'
              ? (v.voterRepresentatives ?? '')
                  .split('\n')
                  .map((s) => s.trim())
                  .filter(Boolean)
              : [],
          advisory: !binding,
        },
        key,
      );
      void navigate(`/livelihood/votes/${created.id}`);
    } catch (err) {
      // The server names `advisory` when a binding vote cannot be made (no sitting, rules below the statute).
      const nature =
        err instanceof ApiError ? (err.problem.errors ?? []).filter((e) => e.field === 'advisory') : [];
      if (nature.length)
        form.setFields([{ name: 'nature', errors: nature.map((e) => localized(e.message)) }]);
      if (!applyFieldErrors(form, err) && !nature.length) message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <PageHeader title={t('create.title')} />
      <ErrorAlert error={candidates.error} onRetry={candidates.reload} />
      <Card size="small">
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            year: thisYear + 1,
            scope: 'district',
            maxChoices: 10,
            candidateIds: [],
            nature: 'binding',
          }}
        >
          <Form.Item name="title" label={t('create.titleLabel')} rules={[{ required: true, max: 200 }]}>
            <Input data-testid="vote-title" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="year" label={t('create.year')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item name="maxChoices" label={t('create.maxChoices')} rules={[{ required: true }]}>
              <InputNumber min={1} max={100} />
            </Form.Item>
          </Space>
          <Form.Item name="scope" label={t('create.scope')}>
            <Radio.Group
              options={[
                { value: 'district', label: t('create.scopeDistrict') },
                { value: 'street', label: t('create.scopeStreet') },
              ]}
            />
          </Form.Item>
          {scope === 'district' && (
            <Form.Item
              name="nature"
              label={t('create.nature')}
              extra={binding ? t('create.bindingHint') : null}
            >
              <Radio.Group
                data-testid="vote-nature"
                options={[
                  { value: 'binding', label: t('create.binding') },
                  { value: 'advisory', label: t('create.advisory') },
                ]}
              />
            </Form.Item>
          )}
          {binding && congress.data && (
            <Alert
              type={sitting && sitting.status !== 'closed' ? 'info' : 'warning'}
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="vote-sitting"
              title={
                sitting && sitting.status !== 'closed'
                  ? t('create.sitting', {
                      n: sitting.number,
                      status: t(`create.sittingStatus.${sitting.status}`),
                    })
                  : t('create.noSitting')
              }
            />
          )}
          {scope === 'street' && (
            <>
              <Form.Item name="streetId" label={t('create.street')} rules={[{ required: true }]}>
                <Select showSearch optionFilterProp="label" options={streets} />
              </Form.Item>
              <Form.Item
                name="voterRepresentatives"
                label={t('create.voterRepresentatives')}
                extra={t('create.voterRepresentativesHint')}
              >
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="candidateIds"
            label={t('create.candidates')}
            extra={t('create.candidatesHint')}
            rules={[{ required: true, type: 'array', min: 2 }]}
          >
            <Checkbox.Group style={{ width: '100%' }}>
              <Space direction="vertical" style={{ width: '100%' }}>
                {candidates.items.map((c) => (
                  <Checkbox key={c.id} value={c.id}>
                    {c.title}
                    <Typography.Text type="secondary"> · {c.leadUnitName}</Typography.Text>
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
          {!candidates.loading && candidates.items.length === 0 && (
            <Alert type="warning" showIcon title={t('create.noCandidates', { year })} />
          )}
          <Alert
            type="info"
            showIcon
            style={{ margin: '12px 0' }}
            data-testid="vote-rules"
            title={t('create.rulesTitle')}
            description={
              <Space direction="vertical" size={2}>
                {rules && (
                  <>
                    <span>
                      {t('create.quorumRule', { n: rules.quorumNumerator, d: rules.quorumDenominator })}
                    </span>
                    <span>
                      {t('create.thresholdRule', {
                        base: t(rules.thresholdBase === 'roll' ? 'results.baseRoll' : 'results.basePresent'),
                      })}
                    </span>
                    <span>{t(`console.runoffRule.${rules.runoffRule}`)}</span>
                    <span>{t(rules.shortfallVote ? 'create.shortfallOn' : 'create.shortfallOff')}</span>
                  </>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('create.rulesNote')}
                </Typography.Text>
              </Space>
            }
          />
          <Button type="primary" htmlType="submit" loading={busy} block data-testid="create-vote">
            {t('create.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
