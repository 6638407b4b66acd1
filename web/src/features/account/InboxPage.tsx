// The inbox: notifications (unread first filter, mark one or all read) and the notification preferences.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  App as AntApp,
  Badge,
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Space,
  Spin,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { localized, problemMessage, type LocalizedText } from '../../api';
import { ErrorAlert, LoadMore, PageHeader, usePagedList, useResource } from '../../shell/components';
import { announceUnreadChanged } from '../../shell/unread';
import { formatDateTime } from '../../shell/datetime';
import {
  markAllNotificationsRead,
  markNotificationRead,
  paths,
  setNotificationPreferences,
  type Notification,
  type NotificationPreferences as Preferences,
} from './api';

const text = (v: LocalizedText | string | null | undefined) => (typeof v === 'string' ? v : localized(v));

function PreferencesCard() {
  const { t } = useTranslation('account');
  const { message } = AntApp.useApp();
  const prefs = useResource<Preferences>(paths.notificationPreferences());
  const [saving, setSaving] = useState(false);
  const save = async (values: Preferences) => {
    setSaving(true);
    try {
      await setNotificationPreferences(values);
      void message.success(t('prefs.saved'));
    } catch (err) {
      void message.error(problemMessage(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title={t('prefs.title')} size="small" id="preferences">
      <ErrorAlert error={prefs.error} onRetry={prefs.reload} />
      {prefs.loading ? (
        <Spin />
      ) : prefs.data ? (
        <Form<Preferences> initialValues={prefs.data} onFinish={(v) => void save(v)} layout="vertical">
          <Form.Item name="email" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>{t('prefs.email')}</Checkbox>
          </Form.Item>
          <Form.Item name="sms" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>{t('prefs.sms')}</Checkbox>
          </Form.Item>
          <Form.Item name="dailyDigest" valuePropName="checked">
            <Checkbox>{t('prefs.dailyDigest')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common:actions.save')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

export default function InboxPage() {
  const { t } = useTranslation('account');
  const { message } = AntApp.useApp();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = usePagedList<Notification>(
    paths.myNotifications(),
    { unread: unreadOnly ? 'true' : undefined },
    30,
  );
  const unreadCount = (list.last?.unreadCount as number | undefined) ?? 0;

  const markRead = async (n: Notification) => {
    try {
      await markNotificationRead(n.id);
      list.reload();
      announceUnreadChanged();
    } catch (err) {
      void message.error(problemMessage(err));
    }
  };
  const markAll = async () => {
    try {
      await markAllNotificationsRead();
      void message.success(t('inbox.allRead'));
      list.reload();
      announceUnreadChanged();
    } catch (err) {
      void message.error(problemMessage(err));
    }
  };

  return (
    <div style={{ maxWidth: 960 }}>
      <PageHeader
        title={
          <Space>
            {t('inbox.title')}
            <Badge count={unreadCount} />
          </Space>
        }
        extra={
          <>
            <Space>
              <Switch
                checked={unreadOnly}
                onChange={setUnreadOnly}
                size="small"
                aria-label={t('inbox.unreadOnly')}
              />
              {t('inbox.unreadOnly')}
            </Space>
            <Button onClick={() => void markAll()} disabled={!unreadCount}>
              {t('inbox.markAllRead')}
            </Button>
          </>
        }
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        {list.loading && !list.items.length && <Spin />}
        {!list.loading && !list.items.length && <Empty description={t('inbox.empty')} />}
        {list.items.map((n) => (
          <Card key={n.id} size="small" style={{ borderLeft: n.readAt ? undefined : '4px solid #b71c1c' }}>
            <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', justifyContent: 'space-between' }}>
              <Space wrap size={4}>
                {!n.readAt && <Tag color="red">{t('inbox.unread')}</Tag>}
                <Typography.Text strong>{text(n.title)}</Typography.Text>
              </Space>
              <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
            </div>
            <Typography.Paragraph style={{ margin: '6px 0', whiteSpace: 'pre-wrap' }}>
              {text(n.body)}
            </Typography.Paragraph>
            <Space>
              {n.link && (
                <Link to={n.link} onClick={() => !n.readAt && void markRead(n)}>
                  {t('inbox.open')}
                </Link>
              )}
              {!n.readAt && (
                <Button size="small" type="link" onClick={() => void markRead(n)}>
                  {t('inbox.markRead')}
                </Button>
              )}
            </Space>
          </Card>
        ))}
      </Space>
      <LoadMore list={list} />
      <div style={{ marginTop: 24 }}>
        <PreferencesCard />
      </div>
    </div>
  );
}
