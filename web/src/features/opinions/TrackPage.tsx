// The citizen's tracking page: code + last four digits of the phone, the public timeline, and the rating.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Form, Input, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api';
import { ErrorAlert, PageHeader } from '../../shell/components';
import { rateTrackedOpinion, trackOpinion, type Tracked } from './api';
import { OpinionTimeline, StatusTag, fmt, fmtDate, useCategoryName } from './shared';

export default function TrackPage() {
  const { t } = useTranslation('opinions');
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ code: string; last4: string }>();
  const [data, setData] = useState<Tracked | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [last4, setLast4] = useState('');
  const [rating, setRating] = useState<string>();
  const [comment, setComment] = useState('');
  const categoryName = useCategoryName();

  useEffect(() => {
    const code = params.get('code');
    if (code) form.setFieldValue('code', code);
  }, [params, form]);

  const search = async (v: { code: string; last4: string }) => {
    setError(null);
    try {
      const r = await trackOpinion(v.code.trim(), v.last4);
      setData(r);
      setLast4(v.last4);
    } catch (err) {
      setData(null);
      setError(err);
    }
  };

  const rate = async () => {
    if (!data || !rating) return;
    try {
      const r = await rateTrackedOpinion(data.trackingCode, {
        phoneLast4: last4,
        rating,
        comment: comment || undefined,
      });
      setData(r);
      message.success(t('track.thanks'));
    } catch (err) {
      message.error(problemMessage(err));
    }
  };

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <PageHeader title={t('track.title')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={search}>
          <Form.Item name="code" label={t('track.code')} rules={[{ required: true, min: 10 }]}>
            <Input autoCapitalize="characters" style={{ textTransform: 'uppercase', letterSpacing: 2 }} />
          </Form.Item>
          <Form.Item name="last4" label={t('track.last4')} rules={[{ required: true, pattern: /^\d{4}$/ }]}>
            <Input inputMode="numeric" maxLength={4} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            {t('track.search')}
          </Button>
        </Form>
      </Card>
      <ErrorAlert error={error} />
      {data && (
        <Card
          size="small"
          title={
            <Space wrap>
              {data.trackingCode}
              <StatusTag status={data.status} />
            </Space>
          }
        >
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('form.category')}>{categoryName(data.category)}</Descriptions.Item>
            <Descriptions.Item label={t('form.street')}>{data.street?.name}</Descriptions.Item>
            <Descriptions.Item label={t('item.createdAt')}>{fmt(data.submittedAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.content}</Typography.Paragraph>
          {data.deadlineAt && (
            <Alert
              type="info"
              style={{ marginBottom: 12 }}
              title={t('track.deadline', { date: fmtDate(data.deadlineAt) })}
            />
          )}
          {data.decisionNote && (
            <Alert
              type="warning"
              style={{ marginBottom: 12 }}
              title={t('track.reason', { reason: data.decisionNote })}
            />
          )}
          {data.suggestion && (
            <Alert
              type="info"
              style={{ marginBottom: 12 }}
              title={t('track.suggestion', { status: data.suggestion.status })}
            />
          )}
          {data.reply && (
            <Card size="small" type="inner" title={t('track.reply')} style={{ marginBottom: 12 }}>
              {data.reply.outcome && (
                <Typography.Text strong>
                  {t(`outcome.${data.reply.outcome}`)}
                  <br />
                </Typography.Text>
              )}
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {data.reply.content}
              </Typography.Paragraph>
            </Card>
          )}
          {data.canRate && (
            <Card
              size="small"
              type="inner"
              title={t('track.rate')}
              style={{ marginBottom: 12 }}
              data-testid="rate-card"
            >
              <Radio.Group
                value={rating}
                onChange={(e) => setRating(e.target.value as string)}
                options={['satisfied', 'basicallySatisfied', 'dissatisfied'].map((r) => ({
                  value: r,
                  label: t(`rating.${r}`),
                }))}
                style={{ marginBottom: 8 }}
              />
              <Input.TextArea
                rows={2}
                aria-label={t('track.comment')}
                placeholder={t('track.comment')}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                maxLength={1000}
              />
              <Button type="primary" style={{ marginTop: 8 }} disabled={!rating} onClick={rate} block>
                {t('track.submitRating')}
              </Button>
            </Card>
          )}
          {data.ratingLocked && !data.rating && (
            <Alert
              type="warning"
              style={{ marginBottom: 12 }}
              title={t('track.ratingLocked')}
              data-testid="rating-locked"
            />
          )}
          {!data.canRate && data.rating && (
            <Alert
              type="success"
              style={{ marginBottom: 12 }}
              title={t('track.yourRating', { rating: t(`rating.${data.rating}`) })}
            />
          )}
          <Typography.Title level={5}>{t('track.timeline')}</Typography.Title>
          <OpinionTimeline events={data.timeline} />
        </Card>
      )}
    </div>
  );
}
