// Sign-in: username + password; when the server asks for the second factor (401
// second_factor_required), a 6-digit code step that resubmits with totpCode.
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, problemMessage } from '../api';
import { landingOf, useAuth } from '../auth';

interface Credentials {
  username: string;
  password: string;
}

/** Only same-site paths are followed after sign-in. */
const safeNext = (next: string | null) =>
  next && next.startsWith('/') && !next.startsWith('//') ? next : null;

export default function LoginPage() {
  const { t } = useTranslation();
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [creds, setCreds] = useState<Credentials | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [codeForm] = Form.useForm<{ totpCode: string }>();

  const next = safeNext(params.get('next'));
  if (user && !busy) return <Navigate to={landingOf(user, next)} replace />;

  const attempt = async (c: Credentials, totpCode?: string) => {
    setBusy(true);
    setError(null);
    try {
      const u = await login(c.username, c.password, totpCode);
      void navigate(landingOf(u, next), { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'second_factor_required') {
        setCreds(c);
      } else {
        if (err instanceof ApiError && err.code === 'invalid_second_factor') codeForm.resetFields();
        setError(problemMessage(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-wrap">
      <Card className="login-card">
        {!creds ? (
          <>
            <Typography.Title level={1} className="page-title" style={{ marginTop: 0 }}>
              {t('login.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
            {error && (
              <Alert
                type="error"
                showIcon
                title={error}
                style={{ marginBottom: 16 }}
                data-testid="login-error"
              />
            )}
            <Form<Credentials> layout="vertical" onFinish={(v) => void attempt(v)} requiredMark={false}>
              <Form.Item
                name="username"
                label={t('login.username')}
                rules={[{ required: true, message: t('login.required') }]}
              >
                <Input
                  prefix={<UserOutlined />}
                  autoComplete="username"
                  autoFocus
                  data-testid="login-username"
                />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('login.password')}
                rules={[{ required: true, message: t('login.required') }]}
              >
                <Input.Password
                  prefix={<LockOutlined />}
                  autoComplete="current-password"
                  data-testid="login-password"
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
                {t('login.submit')}
              </Button>
            </Form>
          </>
        ) : (
          <>
            <Typography.Title level={1} className="page-title" style={{ marginTop: 0 }}>
              <SafetyOutlined /> {t('login.totpTitle')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('login.totpHint')}</Typography.Paragraph>
            {error && (
              <Alert
                type="error"
                showIcon
                title={error}
                style={{ marginBottom: 16 }}
                data-testid="login-error"
              />
            )}
            <Form
              form={codeForm}
              layout="vertical"
              requiredMark={false}
              onFinish={(v) => void attempt(creds, v.totpCode)}
            >
              <Form.Item
                name="totpCode"
                label={t('login.totpCode')}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.codeFormat') }]}
              >
                <Input
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  autoFocus
                  style={{ letterSpacing: 6, fontSize: 20 }}
                  data-testid="login-totp"
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-totp-submit">
                {t('login.totpSubmit')}
              </Button>
              <Button
                type="link"
                block
                onClick={() => {
                  setCreds(null);
                  setError(null);
                }}
              >
                {t('login.back')}
              </Button>
            </Form>
          </>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: '0.9em' }}>
          {t('login.publicHint')} <Link to="/">{t('login.toHome')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
