// Anyone holding a receipt code confirms that the ballot was counted. The answer is only "counted" or
// "not found": never the choices, so a receipt proves nothing to a third party about how one voted.
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, problemMessage } from '../../api';
import { PageHeader } from '../../shell/components';

export default function ReceiptPage() {
  const { id } = useParams();
  const { t } = useTranslation('livelihood');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ counted: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = async ({ code }: { code: string }) => {
    setBusy(true);
    setAnswer(null);
    setError(null);
    try {
      setAnswer(
        await api.get<{ counted: boolean }>(
          `/project-votes/${id}/receipts/${encodeURIComponent(code.trim())}`,
        ),
      );
    } catch (err) {
      setError(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <PageHeader title={t('receipt.title')} />
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('receipt.intro')}</Typography.Paragraph>
        <Form layout="vertical" onFinish={check}>
          <Form.Item
            name="code"
            label={t('receipt.code')}
            rules={[{ required: true, min: 4, max: 40, whitespace: true }]}
          >
            <Input
              data-testid="receipt-input"
              placeholder="XXXX-XXXX-XXXX-XXXX"
              autoComplete="off"
              style={{ fontFamily: 'monospace' }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="receipt-check">
            {t('receipt.check')}
          </Button>
        </Form>
        {answer && (
          <Alert
            style={{ marginTop: 16 }}
            showIcon
            type={answer.counted ? 'success' : 'warning'}
            title={answer.counted ? t('votes.counted') : t('votes.notCounted')}
            data-testid="receipt-answer"
          />
        )}
        {error && <Alert style={{ marginTop: 16 }} showIcon type="error" title={error} />}
      </Card>
    </div>
  );
}
