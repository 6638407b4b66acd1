// Accounts: the system administrator creates, disables, enables, unlocks and resets; the security
// administrator grants and revokes roles. Actions follow the account's `abilities`; refusals (e.g. the
// 409 of 三员分立) are shown as the server words them.
import { useEffect, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { LockOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, newIdempotencyKey, problemMessage } from '../../api';
import { useAuth } from '../../auth';
import type { Role } from '../types';
import { ErrorAlert, usePagedList } from '../../shell/components';
import {
  createAccount,
  disableAccount,
  enableAccount,
  getAccount,
  grantRole as grantRoleTo,
  paths,
  resetAccountPassword,
  revokeRole,
  unlockAccount,
  type Account,
} from './api';
import { FilterSearch, FilterSelect, ListPage } from '../../shell/ListPage';
import { formatDateTime } from '../../shell/datetime';

const ALL_ROLES: Role[] = [
  'citizen',
  'deputy',
  'liaisonStaff',
  'handlingUnitStaff',
  'congressStaff',
  'leader',
  'systemAdmin',
  'securityAdmin',
  'auditor',
];

const isLocked = (a: Account) => !!a.lockedUntil && new Date(a.lockedUntil) > new Date();

function StatusTags({ a }: { a: Account }) {
  const { t } = useTranslation('admin');
  return (
    <Space size={4} wrap>
      <Tag color={a.status === 'active' ? 'green' : 'default'}>{t(`accounts.statuses.${a.status}`)}</Tag>
      {isLocked(a) && (
        <Tag color="orange" icon={<LockOutlined />}>
          {t('accounts.locked')}
        </Tag>
      )}
    </Space>
  );
}

function CreateAccountModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const { t } = useTranslation('admin');
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [initialPassword, setInitialPassword] = useState<string | null>(null);

  const submit = async (values: Record<string, string | undefined>) => {
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
    setBusy(true);
    try {
      const r = await createAccount(body, key);
      void message.success(t('accounts.created'));
      setKey(newIdempotencyKey());
      form.resetFields();
      onCreated();
      if (r.initialPassword) setInitialPassword(r.initialPassword);
      else onClose();
    } catch (err) {
      if (!applyFieldErrors(form, err)) void message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('accounts.create')}
      onCancel={() => {
        setInitialPassword(null);
        onClose();
      }}
      footer={null}
      destroyOnHidden
    >
      {initialPassword ? (
        <>
          <Alert type="warning" showIcon title={t('accounts.initialPassword')} style={{ marginBottom: 12 }} />
          <Typography.Paragraph copyable className="mono">
            {initialPassword}
          </Typography.Paragraph>
          <Button
            type="primary"
            onClick={() => {
              setInitialPassword(null);
              onClose();
            }}
          >
            {t('common:actions.close')}
          </Button>
        </>
      ) : (
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item
            name="username"
            label={t('accounts.username')}
            rules={[{ required: true, min: 3, max: 64 }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('accounts.displayName')}
            rules={[{ required: true, max: 100 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="password" label={t('accounts.password')} extra={t('accounts.passwordHint')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="email" label={t('accounts.email')}>
            <Input type="email" />
          </Form.Item>
          <Form.Item name="phone" label={t('accounts.phone')}>
            <Input inputMode="tel" />
          </Form.Item>
          <Form.Item name="deputyId" label={t('accounts.deputyId')}>
            <Input className="mono" />
          </Form.Item>
          <Form.Item name="handlingUnitId" label={t('accounts.handlingUnitId')}>
            <Input className="mono" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('common:actions.create')}
          </Button>
        </Form>
      )}
    </Modal>
  );
}

function AccountDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation('admin');
  const { message, modal } = AntApp.useApp();
  const [account, setAccount] = useState<Account | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [grantRole, setGrantRole] = useState<Role | undefined>();

  useEffect(() => {
    setAccount(null);
    setError(null);
    if (!id) return;
    let live = true;
    getAccount(id)
      .then((a) => live && setAccount(a))
      .catch((err) => live && setError(err));
    return () => {
      live = false;
    };
  }, [id]);

  const run = async (what: string, call: () => Promise<Account | void>) => {
    setBusy(what);
    setError(null);
    try {
      const updated = await call();
      if (updated) setAccount(updated);
      void message.success(t('common:actions.done'));
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const a = account;
  const can = a?.abilities ?? {};
  const roleName = (r: string) => t(`common:roles.${r}`);

  return (
    <Drawer open={!!id} onClose={onClose} title={t('accounts.detail')} size={520} destroyOnHidden>
      <ErrorAlert error={error} />
      {!a ? (
        !error && <Spin />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('accounts.username')}>{a.username}</Descriptions.Item>
            <Descriptions.Item label={t('accounts.displayName')}>{a.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('accounts.status')}>
              <StatusTags a={a} />
              {isLocked(a) && <div>{t('accounts.lockedUntil', { time: formatDateTime(a.lockedUntil) })}</div>}
            </Descriptions.Item>
            <Descriptions.Item label={t('accounts.totp')}>
              {a.totpEnabled ? t('common:yes') : t('common:no')}
            </Descriptions.Item>
            {a.email && <Descriptions.Item label={t('accounts.email')}>{a.email}</Descriptions.Item>}
            <Descriptions.Item label={t('accounts.createdAt')}>
              {formatDateTime(a.createdAt)}
            </Descriptions.Item>
          </Descriptions>

          {(can.disable || can.enable || can.unlock || can.resetPassword) && (
            <Space wrap>
              {can.disable && (
                <Popconfirm
                  title={t('accounts.disableConfirm')}
                  onConfirm={() => void run('disable', () => disableAccount(a.id))}
                >
                  <Button danger loading={busy === 'disable'}>
                    {t('accounts.disable')}
                  </Button>
                </Popconfirm>
              )}
              {can.enable && (
                <Button
                  loading={busy === 'enable'}
                  onClick={() => void run('enable', () => enableAccount(a.id))}
                >
                  {t('accounts.enable')}
                </Button>
              )}
              {can.unlock && (
                <Button
                  loading={busy === 'unlock'}
                  onClick={() => void run('unlock', () => unlockAccount(a.id))}
                >
                  {t('accounts.unlock')}
                </Button>
              )}
              {can.resetPassword && (
                <Popconfirm
                  title={t('accounts.resetConfirm')}
                  onConfirm={() =>
                    void run('reset', async () => {
                      const r = await resetAccountPassword(a.id);
                      modal.info({
                        title: t('accounts.resetPassword'),
                        content: (
                          <>
                            <p>{t('accounts.temporaryPassword')}</p>
                            <Typography.Paragraph copyable className="mono" data-testid="temporary-password">
                              {r.temporaryPassword}
                            </Typography.Paragraph>
                          </>
                        ),
                      });
                    })
                  }
                >
                  <Button loading={busy === 'reset'} data-testid="reset-password">
                    {t('accounts.resetPassword')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )}

          <div>
            <Typography.Title level={5}>{t('accounts.roles')}</Typography.Title>
            <Space wrap size={[4, 8]} style={{ marginBottom: 12 }}>
              {!a.roles.length && <Typography.Text type="secondary">{t('accounts.noRoles')}</Typography.Text>}
              {a.roles.map((r) =>
                can.revokeRole ? (
                  <Tag
                    key={r}
                    closable
                    onClose={(e) => {
                      e.preventDefault();
                      modal.confirm({
                        title: t('accounts.revokeConfirm', { role: roleName(r) }),
                        onOk: () => run('revoke', () => revokeRole(a.id, r)),
                      });
                    }}
                    data-testid={`role-${r}`}
                  >
                    {roleName(r)}
                  </Tag>
                ) : (
                  <Tag key={r}>{roleName(r)}</Tag>
                ),
              )}
            </Space>
            {can.grantRole && (
              <>
                <Space.Compact style={{ width: '100%', maxWidth: 420 }}>
                  <Select<Role>
                    style={{ flex: 1 }}
                    placeholder={t('accounts.grantPlaceholder')}
                    value={grantRole}
                    onChange={setGrantRole}
                    options={ALL_ROLES.filter((r) => !a.roles.includes(r)).map((r) => ({
                      value: r,
                      label: roleName(r),
                    }))}
                    data-testid="grant-role-select"
                  />
                  <Button
                    type="primary"
                    disabled={!grantRole}
                    loading={busy === 'grant'}
                    onClick={() =>
                      void run('grant', async () => {
                        const updated = await grantRoleTo(a.id, grantRole);
                        setGrantRole(undefined);
                        return updated;
                      })
                    }
                    data-testid="grant-role"
                  >
                    {t('accounts.grant')}
                  </Button>
                </Space.Compact>
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: '0.9em' }}>
                  {t('accounts.separationHint')}
                </Typography.Paragraph>
              </>
            )}
          </div>
        </Space>
      )}
    </Drawer>
  );
}

export default function AccountsPage() {
  const { t } = useTranslation('admin');
  const { hasRole } = useAuth();
  const [q, setQ] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const list = usePagedList<Account>(paths.findAccounts(), { q: q || undefined, role });

  return (
    <ListPage<Account>
      title={t('accounts.title')}
      sub={hasRole('systemAdmin') ? t('accounts.subtitleSys') : t('accounts.subtitleSec')}
      extra={
        hasRole('systemAdmin') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('accounts.create')}
          </Button>
        )
      }
      filters={
        <>
          <FilterSearch label={t('accounts.search')} onSearch={setQ} />
          <FilterSelect<Role>
            label={t('accounts.anyRole')}
            value={role}
            onChange={setRole}
            options={ALL_ROLES.map((r) => ({ value: r, label: t(`common:roles.${r}`) }))}
            style={{ width: 200 }}
          />
        </>
      }
      list={list}
      scroll={{ x: 760 }}
      onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('accounts.username'), dataIndex: 'username', render: (v: string) => <a>{v}</a> },
        { title: t('accounts.displayName'), dataIndex: 'displayName' },
        {
          title: t('accounts.roles'),
          dataIndex: 'roles',
          render: (roles: Role[]) => (
            <Space size={[2, 4]} wrap>
              {roles.map((r) => (
                <Tag key={r}>{t(`common:roles.${r}`)}</Tag>
              ))}
            </Space>
          ),
        },
        { title: t('accounts.status'), key: 'status', render: (_, a) => <StatusTags a={a} /> },
        {
          title: t('accounts.totp'),
          dataIndex: 'totpEnabled',
          render: (v: boolean) => (v ? <Tag color="green">✓</Tag> : '—'),
        },
      ]}
    >
      <AccountDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
      <CreateAccountModal open={creating} onClose={() => setCreating(false)} onCreated={list.reload} />
    </ListPage>
  );
}
