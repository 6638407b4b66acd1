// Staff: a new project vote (draft) on candidates from the shortlist, congress-wide or for one street.
// Quorum and threshold are not set here: the vote takes the congress settings for its scope.
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
import { api, applyFieldErrors, newIdempotencyKey, problemMessage } from '../../api';
import { ErrorAlert, PageHeader, usePagedList, useResource } from '../../shell/components';
import type { VoteDetail } from './types';

interface FormValues {
  title: string;
  year: number;
  scope: 'district' | 'street';
  streetId?: string;
  maxChoices: number;
  candidateIds: string[];
  voterRepresentatives?: string;
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
    '/livelihood/candidates',
    { year },
    200,
  );
  const congress = useResource<{ streets: { id: string; name: string }[] }>('/public/congress');
  const streets = useMemo(
    () => congress.data?.streets.map((s) => ({ value: s.id, label: s.name })) ?? [],
    [congress.data],
  );

  const submit = async (v: FormValues) => {
    setBusy(true);
    try {
      const created = await api.post<VoteDetail>(
        '/project-votes',
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
        },
        { idempotencyKey: key },
      );
      void navigate(`/livelihood/votes/${created.id}`);
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(problemMessage(err));
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
          initialValues={{ year: thisYear + 1, scope: 'district', maxChoices: 10, candidateIds: [] }}
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
          <Alert type="info" showIcon title={t('create.rulesNote')} style={{ margin: '12px 0' }} />
          <Button type="primary" htmlType="submit" loading={busy} block data-testid="create-vote">
            {t('create.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
