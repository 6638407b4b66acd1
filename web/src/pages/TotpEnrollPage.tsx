// TOTP enrolment: the QR of the otpauth URI (drawn locally with qrcode, never sent elsewhere), the secret
// as text, and a code to confirm. Forced for accounts that must enrol (the administrator roles).
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App as AntApp, Button, Card, Form, Input, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { applyFieldErrors, problemMessage } from '../api';
import { confirmTotpEnrollment, startTotpEnrollment } from '../shell/session-api';
import { landingOf, useAuth } from '../auth';

export function TotpEnrollment({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const { user, refresh } = useAuth();
  const { message } = AntApp.useApp();
  const [setup, setSetup] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [qr, setQr] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ code: string }>();

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const s = await startTotpEnrollment();
      setSetup(s);
      setQr(await QRCode.toDataURL(s.otpauthUri, { width: 220, margin: 1, errorCorrectionLevel: 'M' }));
    } catch (err) {
      setError(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      await confirmTotpEnrollment({ code });
      void message.success(t('totp.enabled'));
      await refresh();
      onDone?.();
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (user?.totpEnabled) return <Result status="success" title={t('totp.alreadyEnabled')} />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon title={error} />}
      {!setup ? (
        <Button type="primary" onClick={() => void start()} loading={busy} data-testid="totp-start">
          {t('totp.start')}
        </Button>
      ) : (
        <>
          <Typography.Text>{t('totp.step1')}</Typography.Text>
          {qr && (
            <img
              src={qr}
              alt={t('totp.qrAlt')}
              width={220}
              height={220}
              style={{ border: '1px solid #eee' }}
              data-testid="totp-qr"
            />
          )}
          <Typography.Text>{t('totp.step2')}</Typography.Text>
          <Typography.Text code copyable className="mono" data-testid="totp-secret">
            {setup.secret}
          </Typography.Text>
          <Typography.Text>{t('totp.step3')}</Typography.Text>
          <Form form={form} layout="inline" onFinish={(v) => void confirm(v)}>
            <Form.Item
              name="code"
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.codeFormat') }]}
            >
              <Input
                aria-label={t('totp.code')}
                placeholder={t('totp.code')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                style={{ width: 160, letterSpacing: 4 }}
                data-testid="totp-code"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="totp-confirm">
              {t('totp.confirm')}
            </Button>
          </Form>
        </>
      )}
    </Space>
  );
}

export default function TotpEnrollPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  useEffect(() => {
    if (user?.totpEnabled && !user.mustEnrollTotp) void navigate('/account', { replace: true });
  }, [user, navigate]);
  return (
    <div className="login-wrap">
      <Card
        className="login-card"
        style={{ maxWidth: 520 }}
        title={<h1 className="inline-h1">{t('totp.title')}</h1>}
      >
        {user?.mustEnrollTotp && (
          <Alert type="warning" showIcon title={t('totp.required')} style={{ marginBottom: 16 }} />
        )}
        <TotpEnrollment
          onDone={() =>
            navigate(
              user ? landingOf({ ...user, mustEnrollTotp: false, mustChangePassword: false }, null) : '/',
              {
                replace: true,
              },
            )
          }
        />
      </Card>
    </div>
  );
}
