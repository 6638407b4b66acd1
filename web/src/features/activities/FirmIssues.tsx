// The problems firms raised in an enterprise-visit campaign's visits: for the deputy on the phone, those of
// their own visits; for staff and leaders on the campaign page, all of them. Each with the firm, the visit's
// day, the unit it went to and where the opinion it became stands, the unit's reply when there is one, and the
// firm's rating; "rate the answer" once the unit has replied (the deputy who visited, or staff), dissatisfied
// sending it back to the unit once.
import { useState } from 'react';
import { Alert, Button, Empty, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, LoadMore, usePagedList } from '../../shell/components';
import { formatDate } from '../../shell/datetime';
import { FormModal } from '../../shell/FormModal';
import { paths, rateFirmIssue } from './api';
import { FIRM_ISSUE_RATINGS, type FirmIssue, type FirmIssueRating } from './types';

const STATUS_COLOR: Record<string, string> = {
  forwarded: 'processing',
  claimed: 'processing',
  replied: 'gold',
  closedResolved: 'success',
  closedUnresolved: 'error',
  returnedToStaff: 'warning',
};
const RATING_COLOR: Record<FirmIssueRating, string> = {
  satisfied: 'green',
  basicallySatisfied: 'cyan',
  dissatisfied: 'red',
};

export function FirmIssues({
  campaignId,
  mine,
  onRated,
}: {
  campaignId: string;
  /** The deputy's own (the heading says so); the server decides what is shown either way. */
  mine?: boolean;
  onRated?: () => void;
}) {
  const { t } = useTranslation('activities');
  const list = usePagedList<FirmIssue>(paths.findFirmIssues(campaignId));
  const [rating, setRating] = useState<FirmIssue | null>(null);
  const [form] = Form.useForm<{ rating: FirmIssueRating; comment?: string }>();
  return (
    <>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <List
        header={<Typography.Text strong>{mine ? t('issues.mine') : t('issues.title')}</Typography.Text>}
        dataSource={list.items}
        loading={list.loading}
        locale={{ emptyText: <Empty description={t('issues.none')} /> }}
        data-testid="firm-issues"
        renderItem={(i) => (
          <List.Item data-testid="firm-issue" style={{ display: 'block' }}>
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap size={4}>
                <Tag color={STATUS_COLOR[i.status]} data-testid="firm-issue-status">
                  {t(`issues.status.${i.status}`, { defaultValue: i.status })}
                </Tag>
                {i.rating && (
                  <Tag color={RATING_COLOR[i.rating]} data-testid="firm-issue-rating">
                    {t('issues.ratingTag', { rating: t(`issues.ratingOf.${i.rating}`) })}
                  </Tag>
                )}
                {i.reopenCount > 0 && <Tag color="orange">{t('issues.reopened')}</Tag>}
              </Space>
              <Typography.Text strong style={{ wordBreak: 'break-word' }}>
                {i.content}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {i.firmName} · {t('issues.visitedOn', { day: i.visitedOn })}
                {!mine && i.deputyName ? ` · ${t('issues.by', { name: i.deputyName })}` : ''}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('issues.unit', { unit: i.unitName })}
                {i.status === 'forwarded' && i.deadlineAt
                  ? ` · ${t('issues.dueBy', { day: formatDate(i.deadlineAt) })}`
                  : ''}
              </Typography.Text>
              {i.reply ? (
                <Alert
                  type="info"
                  data-testid="firm-issue-reply"
                  title={
                    <>
                      {t('issues.reply')}
                      {i.repliedAt ? ` · ${t('issues.replyDate', { day: formatDate(i.repliedAt) })}` : ''}
                    </>
                  }
                  description={<span style={{ wordBreak: 'break-word' }}>{i.reply}</span>}
                />
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {t('issues.noReply')}
                </Typography.Text>
              )}
              {i.canRate && (
                <Button type="primary" size="small" onClick={() => setRating(i)}>
                  {t('issues.rate')}
                </Button>
              )}
            </Space>
          </List.Item>
        )}
      />
      <LoadMore list={list} />
      <FormModal<{ rating: FirmIssueRating; comment?: string }, unknown>
        form={form}
        open={!!rating}
        title={t('issues.rateTitle')}
        values={rating ? {} : null}
        before={<Typography.Paragraph type="secondary">{t('issues.rateHint')}</Typography.Paragraph>}
        save={(v) =>
          rateFirmIssue(rating!.id, {
            rating: v.rating,
            ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
          })
        }
        successMessage={t('issues.rated')}
        onSaved={() => {
          setRating(null);
          list.reload();
          onRated?.();
        }}
        onClose={() => setRating(null)}
      >
        <Form.Item name="rating" label={t('issues.rating')} rules={[{ required: true }]}>
          <Radio.Group>
            <Space direction="vertical">
              {FIRM_ISSUE_RATINGS.map((r) => (
                <Radio key={r} value={r}>
                  {t(`issues.ratingOf.${r}`)}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="comment" label={t('issues.comment')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormModal>
    </>
  );
}
