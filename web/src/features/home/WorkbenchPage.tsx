// 我的工作台: what waits for the signed-in user across every module (GET /workbench), grouped by module, each
// to-do with its count, how many are due soon or overdue, and a link to the list where it is done. A module's
// words are in its own i18n namespace (`<module>:workbench.module` and `<module>:workbench.<kind>`), so a new
// module adds its to-dos without touching this page. The public portal stays one click away.
import { Link } from 'react-router-dom';
import { Badge, Button, Card, Col, Empty, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowRightOutlined, HomeOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { WorkbenchItem } from '@minyi/domain';
import { useAuth } from '../../auth';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { paths } from './api';

export default function WorkbenchPage() {
  const { t } = useTranslation('home');
  const { user } = useAuth();
  const res = useResource<{ items: WorkbenchItem[] }>(paths.getWorkbench());
  const items = res.data?.items ?? [];
  const modules = [...new Set(items.map((i) => i.module))];
  const urgent = items.reduce((n, i) => n + i.overdue, 0);

  return (
    <div style={{ maxWidth: 1200, margin: '0 auto' }}>
      <PageHeader
        title={t('workbench.title')}
        sub={user ? t('workbench.greeting', { name: user.displayName }) : undefined}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={res.reload} loading={res.loading}>
              {t('workbench.refresh')}
            </Button>
            <Link to="/">
              <Button icon={<HomeOutlined />}>{t('workbench.portal')}</Button>
            </Link>
          </>
        }
      />
      <ErrorAlert error={res.error} onRetry={res.reload} />
      {res.loading && !res.data ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        !res.error && <Empty description={t('workbench.empty')} data-testid="workbench-empty" />
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="workbench-summary">
            {urgent > 0
              ? t('workbench.summaryOverdue', { count: items.length, overdue: urgent })
              : t('workbench.summary', { count: items.length })}
          </Typography.Paragraph>
          {modules.map((m) => (
            <section key={m} aria-labelledby={`workbench-${m}`} style={{ marginBottom: 20 }}>
              <Typography.Title level={2} id={`workbench-${m}`} style={{ fontSize: 18, marginBottom: 12 }}>
                {t(`${m}:workbench.module`, { defaultValue: m })}
              </Typography.Title>
              <Row gutter={[12, 12]} role="list">
                {items
                  .filter((i) => i.module === m)
                  .map((i) => (
                    <Col key={i.kind} xs={24} sm={12} lg={8} role="listitem">
                      <WorkbenchCard item={i} />
                    </Col>
                  ))}
              </Row>
            </section>
          ))}
        </>
      )}
    </div>
  );
}

function WorkbenchCard({ item }: { item: WorkbenchItem }) {
  const { t } = useTranslation('home');
  const label = t(`${item.module}:workbench.${item.kind}`, { defaultValue: item.kind });
  return (
    <Link
      to={item.link}
      data-testid={`workbench-${item.module}-${item.kind}`}
      style={{ display: 'block', height: '100%' }}
    >
      <Card hoverable size="small" style={{ height: '100%' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong style={{ display: 'block' }}>
              {label}
            </Typography.Text>
            <Space size={4} wrap style={{ marginTop: 6 }}>
              {item.overdue > 0 && <Tag color="red">{t('workbench.overdue', { count: item.overdue })}</Tag>}
              {item.dueSoon > 0 && (
                <Tag color="orange">{t('workbench.dueSoon', { count: item.dueSoon })}</Tag>
              )}
            </Space>
          </div>
          <Space>
            <Badge
              count={item.count}
              overflowCount={9999}
              showZero
              color={item.overdue > 0 ? '#b71c1c' : '#1d4f91'}
              style={{ fontSize: 15, minWidth: 32, height: 26, lineHeight: '26px' }}
            />
            <ArrowRightOutlined aria-hidden />
          </Space>
        </Space>
      </Card>
    </Link>
  );
}
