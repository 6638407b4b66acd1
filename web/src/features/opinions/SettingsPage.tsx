// The module's per-congress settings: handling deadlines, notice of receptions, abuse limits of the form.
import { useEffect, useState } from 'react';
import { App, Button, Card, Col, Form, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { opinionSettingsSchema, type OpinionSettings } from '@minyi/domain/opinions';
import { applyFieldErrors, problemMessage } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { changeOpinionSettings, paths } from './api';

type Settings = OpinionSettings;
type Name = keyof Settings;
/** The fields in two groups; their ranges come from the domain's schema, as the server checks them. */
const DEADLINES: Name[] = [
  'replyWorkingDays',
  'handBackWorkingDays',
  'dueSoonWorkingDays',
  'receptionNoticeDays',
  'maxReopens',
];
const LIMITS: Name[] = ['maxSubmissionsPerIpPerHour', 'maxSubmissionsPerPhonePerDay'];
const range = (name: Name) => {
  const n = opinionSettingsSchema.shape[name].unwrap();
  return { min: n.minValue ?? undefined, max: n.maxValue ?? undefined };
};

export default function SettingsPage() {
  const { t } = useTranslation('opinions');
  const { message } = App.useApp();
  const settings = useResource<Settings>(paths.getOpinionSettings());
  const [form] = Form.useForm<Settings>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  const save = async (v: Settings) => {
    setBusy(true);
    try {
      settings.setData(await changeOpinionSettings(v));
      message.success(t('common:actions.saved'));
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const fields = (list: Name[]) => (
    <Row gutter={16}>
      {list.map((name) => (
        <Col xs={24} sm={12} key={name}>
          <Form.Item name={name} label={t(`settings.${name}`)} rules={[{ required: true }]}>
            <InputNumber {...range(name)} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );

  return (
    <div style={{ maxWidth: 860, margin: '0 auto' }}>
      <PageHeader title={t('settings.title')} sub={t('settings.intro')} />
      <ErrorAlert error={settings.error} onRetry={settings.reload} />
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={!settings.data}>
        <Card size="small" title={t('settings.deadlines')} style={{ marginBottom: 12 }}>
          {fields(DEADLINES)}
        </Card>
        <Card size="small" title={t('settings.limits')} style={{ marginBottom: 12 }}>
          {fields(LIMITS)}
        </Card>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('settings.save')}
        </Button>
      </Form>
    </div>
  );
}
