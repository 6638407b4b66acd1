// A member's phone list: the votes of the meetings on whose roll they are, open ones first. A deputy who is a
// member of no meeting is told so (the right to vote comes from membership, not from the role).
import { Alert, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { paths } from './api';
import type { MyVote } from './types';

export default function MyVotesPage() {
  const { t } = useTranslation('meetings');
  const { data, error, reload, loading } = useResource<{ items: MyVote[] }>(paths.findMeetingVotes());
  const mine = data?.items.filter((v) => v.onRoll) ?? [];
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <PageHeader title={t('vote.myVotes')} />
      <ErrorAlert error={error} onRetry={reload} />
      {data && data.items.length === 0 && (
        <Alert type="info" showIcon title={t('vote.notMember')} style={{ marginBottom: 12 }} />
      )}
      {!loading && data && mine.length === 0 ? (
        <Empty description={t('vote.empty')} />
      ) : (
        <List
          loading={loading}
          dataSource={mine}
          renderItem={(v) => (
            <li key={v.id}>
              <Card size="small" style={{ marginBottom: 12 }}>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Typography.Text type="secondary">
                    {v.meetingTitle} · {v.meetingDate}
                  </Typography.Text>
                  <Typography.Text strong>{v.itemTitle}</Typography.Text>
                  <Space wrap>
                    {v.status === 'closed' ? (
                      <Tag color={v.passed ? 'green' : 'red'}>
                        {v.passed ? t('meeting.passed') : t('meeting.failed')}
                      </Tag>
                    ) : v.voted ? (
                      <Tag color="green">{t('vote.voted')}</Tag>
                    ) : (
                      <Tag color="gold">{t('vote.toVote')}</Tag>
                    )}
                  </Space>
                  <Link to={`/meeting-votes/${v.id}`}>
                    <Button type={v.status === 'open' && !v.voted ? 'primary' : 'default'} block size="large">
                      {v.status === 'open' && !v.voted ? t('meeting.goVote') : t('vote.open')}
                    </Button>
                  </Link>
                </Space>
              </Card>
            </li>
          )}
        />
      )}
    </div>
  );
}
