// My account: profile, change password, second factor, personal API tokens (shown once).
import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, newIdempotencyKey, problemMessage } from '../../api';
import { useAuth } from '../../auth';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { TotpEnrollment } from '../../pages/TotpEnrollPage';
import { formatDateTime } from '../../shell/datetime';
import { changeMyPassword, createApiToken, paths, revokeApiToken, type ApiToken as Token } from './api';

const fmt = (d: string | null | undefined) => formatDateTime(d) || '—';

function PasswordForm() {
  const { t } = useTranslation('account');
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async (v: { currentPassword: string; newPassword: string }) => {
    setBusy(true);
    try {
      await changeMyPassword({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      void message.success(t('me.passwordChanged'));
      form.resetFields();
    } catch (err) {
      if (!applyFieldErrors(form, err)) void message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 420 }} onFinish={(v) => void submit(v)}>
      <Form.Item name="currentPassword" label={t('me.currentPassword')} rules={[{ required: true }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('me.newPassword')}
        extra={t('me.passwordRule')}
        rules={[{ required: true, min: 10, message: t('me.passwordRule') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('me.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('me.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('me.password')}
      </Button>
    </Form>
  );
}

function Tokens() {
  const { t } = useTranslation('account');
  const { message } = AntApp.useApp();
  const tokens = useResource<{ items: Token[] }>(paths.myApiTokens());
  const [form] = Form.useForm();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);

  const create = async (v: { name: string; expiresInDays: number }) => {
    setBusy(true);
    try {
      const r = await createApiToken(v, key);
      setCreated(r);
      setKey(newIdempotencyKey());
      form.resetFields();
      tokens.reload();
    } catch (err) {
      if (!applyFieldErrors(form, err)) void message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (id: string) => {
    try {
      await revokeApiToken(id);
      void message.success(t('me.revoked'));
      tokens.reload();
    } catch (err) {
      void message.error(problemMessage(err));
    }
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('me.tokensHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        initialValues={{ expiresInDays: 90 }}
        onFinish={(v) => void create(v)}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="name" rules={[{ required: true, max: 100 }]}>
          <Input aria-label={t('me.tokenName')} placeholder={t('me.tokenName')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('me.expiresInDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={366} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('me.createToken')}
        </Button>
      </Form>
      <ErrorAlert error={tokens.error} onRetry={tokens.reload} />
      <Table<Token>
        rowKey="id"
        size="small"
        loading={tokens.loading}
        dataSource={tokens.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('me.noTokens') }}
        columns={[
          { title: t('me.tokenName'), dataIndex: 'name' },
          { title: t('common:fields.createdAt'), dataIndex: 'createdAt', render: fmt },
          { title: t('me.expiresAt'), dataIndex: 'expiresAt', render: fmt },
          {
            title: t('me.lastUsedAt'),
            dataIndex: 'lastUsedAt',
            render: (v: string | null) => (v ? fmt(v) : t('me.never')),
          },
          {
            title: t('common:actions.actions'),
            key: 'actions',
            render: (_, r) => (
              <Popconfirm title={t('me.revokeConfirm')} onConfirm={() => void revoke(r.id)}>
                <Button size="small" danger type="link">
                  {t('me.revoke')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal
        open={!!created}
        title={created?.name}
        onCancel={() => setCreated(null)}
        footer={<Button onClick={() => setCreated(null)}>{t('common:actions.close')}</Button>}
      >
        <Alert type="warning" showIcon title={t('me.tokenCreated')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable className="mono" data-testid="new-token">
          {created?.token}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}

export default function AccountPage() {
  const { t } = useTranslation('account');
  const { user } = useAuth();
  if (!user) return null;
  return (
    <div style={{ maxWidth: 960 }}>
      <PageHeader title={t('me.title')} />
      <Tabs
        items={[
          {
            key: 'profile',
            label: t('me.profile'),
            children: (
              <Card size="small">
                <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
                  <Descriptions.Item label={t('me.username')}>{user.username}</Descriptions.Item>
                  <Descriptions.Item label={t('me.displayName')}>{user.displayName}</Descriptions.Item>
                  <Descriptions.Item label={t('me.roles')}>
                    {user.roles.map((r) => (
                      <Tag key={r}>{t(`common:roles.${r}`)}</Tag>
                    ))}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('me.totp')}>
                    {user.totpEnabled ? (
                      <Tag color="green">{t('me.totpOn')}</Tag>
                    ) : (
                      <Tag>{t('me.totpOff')}</Tag>
                    )}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            ),
          },
          { key: 'password', label: t('me.password'), children: <PasswordForm /> },
          {
            key: 'totp',
            label: t('me.totp'),
            children: user.totpEnabled ? (
              <Alert type="success" showIcon title={t('common:totp.alreadyEnabled')} />
            ) : (
              <TotpEnrollment />
            ),
          },
          { key: 'tokens', label: t('me.tokens'), children: <Tokens /> },
        ]}
      />
    </div>
  );
}
