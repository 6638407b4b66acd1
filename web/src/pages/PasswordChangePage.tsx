// The forced password change: after an administrator's reset the one-time password must be replaced
// before anything else (the server refuses every other call with 403 password_change_required).
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App as AntApp, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, problemMessage } from '../api';
import { changeMyPassword } from '../shell/session-api';
import { landingOf, useAuth } from '../auth';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export default function PasswordChangePage() {
  const { t } = useTranslation();
  const { user, refresh } = useAuth();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (user && !user.mustChangePassword) void navigate('/account', { replace: true });
  }, [user, navigate]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await changeMyPassword({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      void message.success(t('passwordChange.done'));
      const me = await refresh();
      void navigate(me ? landingOf(me, null) : '/', { replace: true });
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-wrap">
      <Card
        className="login-card"
        style={{ maxWidth: 520 }}
        title={<h1 className="inline-h1">{t('passwordChange.title')}</h1>}
      >
        <Alert
          type="warning"
          showIcon
          title={t('passwordChange.required')}
          style={{ marginBottom: 16 }}
          data-testid="password-change-required"
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
          <Form.Item
            name="currentPassword"
            label={t('passwordChange.oneTime')}
            rules={[{ required: true, message: t('login.required') }]}
          >
            <Input.Password autoComplete="current-password" autoFocus data-testid="password-current" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('passwordChange.new')}
            extra={t('passwordChange.rule')}
            dependencies={['currentPassword']}
            rules={[
              { required: true, min: 10, message: t('passwordChange.rule') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value !== getFieldValue('currentPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('passwordChange.unchanged'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-new" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('passwordChange.confirm')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('login.required') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('passwordChange.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="password-submit">
            {t('passwordChange.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
