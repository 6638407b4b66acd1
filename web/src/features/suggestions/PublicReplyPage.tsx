// One published reply (答复公开): the suggestion's number, title, topic and lead unit, and every reply round.
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { localized } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { paths } from './api';
import { RESULT_COLORS, fmtDate, type PublicReplyDetail } from './types';

export default function PublicReplyPage() {
  const { id } = useParams();
  const { t } = useTranslation('suggestions');
  const { data: r, error, reload } = useResource<PublicReplyDetail>(paths.getPublicReply(id));
  return (
    <div style={{ maxWidth: 960, margin: '0 auto' }}>
      <div style={{ marginBottom: 8 }}>
        <Link to="/suggestion-replies">← {t('public.back')}</Link>
      </div>
      <ErrorAlert error={error} onRetry={reload} />
      {r && (
        <>
          <PageHeader
            title={<span style={{ wordBreak: 'break-word' }}>{r.title}</span>}
            sub={r.number ?? undefined}
          />
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              {r.proposerName && (
                <Descriptions.Item label={t('fields.proposer')}>{r.proposerName}</Descriptions.Item>
              )}
              <Descriptions.Item label={t('fields.category')}>{localized(r.categoryLabel)}</Descriptions.Item>
              <Descriptions.Item label={t('fields.leadUnit')}>{r.leadUnitName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('fields.replyCategory')}>
                <Tag color={RESULT_COLORS[r.resultCategory] ?? 'default'}>
                  {r.resultCategory} {localized(r.resultLabel)}
                </Tag>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          {r.replies.map((x) => (
            <Card
              key={x.round}
              size="small"
              style={{ marginBottom: 12 }}
              data-testid="public-reply-round"
              title={
                <Space wrap size={[8, 0]}>
                  <span>{r.replies.length > 1 ? t('detail.round', { n: x.round }) : t('public.reply')}</span>
                  <Tag color={RESULT_COLORS[x.resultCategory] ?? 'default'}>{x.resultCategory}</Tag>
                </Space>
              }
            >
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{x.content}</Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {x.unitName ?? ''} · {t('public.repliedOn', { date: fmtDate(x.repliedAt) })}
              </Typography.Text>
            </Card>
          ))}
        </>
      )}
    </div>
  );
}
