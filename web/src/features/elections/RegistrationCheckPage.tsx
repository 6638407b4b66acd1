// The public look-up of one's own voter registration (no account): the full name and the ID number; the answer
// is only whether the person is on the list and where they vote. Nothing to browse.
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageHeader } from '../../shell/components';
import { formatDate } from '../../shell/datetime';
import { checkVoterRegistration } from './api';
import type { RegistrationAnswer } from './types';

export default function RegistrationCheckPage() {
  const { t } = useTranslation('elections');
  const [form] = Form.useForm<{ name: string; idNumber: string }>();
  const [answer, setAnswer] = useState<RegistrationAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const check = async (v: { name: string; idNumber: string }) => {
    setError(null);
    setBusy(true);
    try {
      setAnswer(await checkVoterRegistration({ name: v.name.trim(), idNumber: v.idNumber.trim() }));
    } catch (err) {
      setAnswer(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <PageHeader title={t('lookup.title')} />
      <Typography.Paragraph type="secondary">{t('lookup.intro')}</Typography.Paragraph>
      <Card size="small">
        <Form form={form} layout="vertical" onFinish={(v) => void check(v)} requiredMark={false}>
          <Form.Item
            name="name"
            label={t('lookup.name')}
            rules={[{ required: true, whitespace: true, message: t('create.required') }]}
          >
            <Input maxLength={60} autoComplete="name" data-testid="lookup-name" />
          </Form.Item>
          <Form.Item
            name="idNumber"
            label={t('lookup.idNumber')}
            rules={[
              { required: true, message: t('create.required') },
              { pattern: /^\s*\d{17}[\dXx]\s*$/, message: t('lookup.idFormat') },
            ]}
          >
            <Input maxLength={18} inputMode="text" autoComplete="off" data-testid="lookup-id" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="lookup-submit">
            {t('lookup.submit')}
          </Button>
        </Form>
      </Card>
      <div style={{ marginTop: 16 }} aria-live="polite" data-testid="lookup-answer">
        {error !== null && <ErrorAlert error={error} />}
        {answer?.registered === true && (
          <Alert
            type="success"
            showIcon
            message={t('lookup.registered', { title: answer.election.title })}
            description={
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('lookup.electionDay')}>
                  {formatDate(answer.election.electionDay)}
                </Descriptions.Item>
                <Descriptions.Item label={t('lookup.district')}>{answer.district}</Descriptions.Item>
                {answer.group && (
                  <Descriptions.Item label={t('lookup.group')}>{answer.group}</Descriptions.Item>
                )}
                {answer.stations.length > 0 && (
                  <Descriptions.Item label={t('lookup.stations')}>
                    {answer.stations.map((s) => s.name).join(t('election.sep'))}
                  </Descriptions.Item>
                )}
              </Descriptions>
            }
          />
        )}
        {answer?.registered === false && (
          <Alert
            type="warning"
            showIcon
            message={
              answer.election
                ? t('lookup.notFound', { title: answer.election.title })
                : t('lookup.noElection')
            }
            description={answer.election ? t('lookup.notFoundHelp') : undefined}
          />
        )}
      </div>
    </div>
  );
}
