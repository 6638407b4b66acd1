// Inquiries on budget warnings: a unit's own (it answers them here), or all of them for staff and leaders;
// InquiryList is also the budget page's tab (one budget's inquiries).
import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Form, Input, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth';
import { ErrorAlert, LoadMore, PageHeader, usePagedList } from '../../shell/components';
import { FormModal } from '../../shell/FormModal';
import { formatDate, formatDateTime, shanghaiToday } from '../../shell/datetime';
import { answerBudgetInquiry, paths } from './api';
import type { BudgetInquiry } from './types';

export function InquiryList({ budgetId }: { budgetId?: string }) {
  const { t } = useTranslation('budget');
  const list = usePagedList<BudgetInquiry>(paths.findBudgetInquiries(), { budgetId });
  const [answering, setAnswering] = useState<BudgetInquiry | null>(null);
  const [form] = Form.useForm<{ answer: string }>();
  const today = shanghaiToday();

  return (
    <>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <List<BudgetInquiry>
        loading={list.loading}
        dataSource={list.items}
        locale={{ emptyText: <Empty description={t('inquiries.empty')} /> }}
        data-testid="inquiries"
        renderItem={(q) => (
          <List.Item style={{ display: 'block' }}>
            <Card
              size="small"
              data-testid={`inquiry-${q.status}`}
              title={
                <span style={{ whiteSpace: 'normal' }}>
                  <Tag color={q.status === 'answered' ? 'green' : 'gold'}>{t(`inquiries.${q.status}`)}</Tag>
                  {t(`rule.${q.rule}`)}
                  {q.code && ` · ${q.code}`}
                  {q.status === 'open' && q.deadline < today && (
                    <Tag color="red" style={{ marginLeft: 8 }}>
                      {t('inquiries.overdue')}
                    </Tag>
                  )}
                </span>
              }
              extra={
                q.abilities.answer &&
                q.status === 'open' && (
                  <Button
                    type="primary"
                    size="small"
                    onClick={() => setAnswering(q)}
                    data-testid="answer-inquiry"
                  >
                    {t('inquiries.answer')}
                  </Button>
                )
              }
            >
              <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
                <Descriptions.Item label={t('inquiries.year')}>
                  <Link to={`/budgets/${q.budgetId}`}>{q.year}</Link>
                </Descriptions.Item>
                <Descriptions.Item label={t('inquiries.unit')}>{q.unit.name}</Descriptions.Item>
                <Descriptions.Item label={t('inquiries.deadline')}>
                  {formatDate(q.deadline)}
                </Descriptions.Item>
                {q.answeredAt && (
                  <Descriptions.Item label={t('inquiries.answeredAt')}>
                    {formatDateTime(q.answeredAt)}
                  </Descriptions.Item>
                )}
              </Descriptions>
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                <Typography.Text strong>{t('inquiries.question')}：</Typography.Text>
                {q.question}
              </Typography.Paragraph>
              {q.answer && (
                <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="inquiry-answer">
                  <Typography.Text strong>{t('inquiries.answer')}：</Typography.Text>
                  {q.answer}
                </Typography.Paragraph>
              )}
            </Card>
          </List.Item>
        )}
      />
      <LoadMore list={list} />
      <FormModal<{ answer: string }, unknown>
        form={form}
        open={!!answering}
        title={t('inquiries.answerTitle')}
        values={null}
        before={answering && <Typography.Paragraph>{answering.question}</Typography.Paragraph>}
        save={(v) => answerBudgetInquiry(answering!.id, v)}
        onSaved={() => {
          setAnswering(null);
          list.reload();
        }}
        onClose={() => setAnswering(null)}
      >
        <Form.Item
          name="answer"
          label={t('inquiries.answerField')}
          rules={[{ required: true, message: t('list.required') }]}
        >
          <Input.TextArea rows={5} maxLength={5000} data-testid="answer-text" />
        </Form.Item>
      </FormModal>
    </>
  );
}

export default function InquiriesPage() {
  const { t } = useTranslation('budget');
  const { hasRole } = useAuth();
  return (
    <>
      <PageHeader
        title={hasRole('congressStaff', 'leader') ? t('inquiries.title') : t('inquiries.mineTitle')}
      />
      <InquiryList />
    </>
  );
}
