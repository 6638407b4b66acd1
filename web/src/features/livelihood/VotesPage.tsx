// The votes I can take part in (a deputy) or run (staff): one card each, opening the ballot or console.
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PlusOutlined } from '@ant-design/icons';
import type { Abilities } from '../../api';
import { ErrorAlert, PageHeader, usePagedList } from '../../shell/components';
import { paths } from './api';
import type { VoteSummary } from './types';

const statusColor = {
  draft: 'default',
  signingIn: 'gold',
  open: 'green',
  counting: 'purple',
  closed: 'blue',
} as const;

export default function VotesPage() {
  const { t } = useTranslation('livelihood');
  const list = usePagedList<VoteSummary>(paths.findProjectVotes());
  const can = (list.last?.abilities ?? {}) as Abilities;
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <PageHeader
        title={t('votes.title')}
        extra={
          can.create ? (
            <Link to="/livelihood/votes/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="new-vote">
                {t('console.create')}
              </Button>
            </Link>
          ) : null
        }
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {!list.loading && list.items.length === 0 ? (
        <Empty description={t('votes.empty')} />
      ) : (
        <List
          loading={list.loading}
          dataSource={list.items}
          renderItem={(v) => (
            <li key={v.id}>
              <Card size="small" style={{ marginBottom: 12 }}>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Typography.Text strong>{v.title}</Typography.Text>
                  <Space wrap>
                    <Tag color={statusColor[v.status]}>{t(`status.${v.status}`)}</Tag>
                    <Typography.Text type="secondary">
                      {t('votes.candidates', { n: v.candidates.length })}
                    </Typography.Text>
                    {v.me.hasVoted && <Tag color="green">{t('votes.alreadyVoted')}</Tag>}
                  </Space>
                  <Space wrap>
                    <Link to={`/livelihood/votes/${v.id}`}>
                      <Button type="primary">
                        {v.status === 'closed'
                          ? t('console.results')
                          : v.me.onRoll
                            ? t('votes.vote')
                            : t('console.title')}
                      </Button>
                    </Link>
                  </Space>
                </Space>
              </Card>
            </li>
          )}
        />
      )}
    </div>
  );
}
