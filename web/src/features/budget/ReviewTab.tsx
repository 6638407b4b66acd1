// The preliminary review (初步审查): the draft's timeliness (Art. 44), the reviewers' findings on each focus
// point of Art. 48 in the law's order, the conclusion of the review report (Art. 49), the figures it is drafted
// from, and the report as .docx; staff write the findings and the conclusion.
import { useState } from 'react';
import { Button, Card, Descriptions, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, useResource } from '../../shell/components';
import { FormModal } from '../../shell/FormModal';
import { formatDate } from '../../shell/datetime';
import { paths, recordReviewConclusion, recordReviewFindings, renderReviewReport } from './api';
import { yuan, type Review } from './types';

type Point = Review['points'][number]['point'];

export default function ReviewTab({ budgetId }: { budgetId: string }) {
  const { t } = useTranslation('budget');
  const review = useResource<Review>(paths.getBudgetReview(budgetId));
  const [editing, setEditing] = useState<Point | null>(null);
  const [concluding, setConcluding] = useState(false);
  const [pointForm] = Form.useForm<{ findings: string }>();
  const [conclusionForm] = Form.useForm<{ recommendation: string; suggestions: string }>();
  const r = review.data;
  const canEdit = !!r?.abilities.recordReview;

  return (
    <>
      <ErrorAlert error={review.error} onRetry={review.reload} />
      {r && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
              <Descriptions.Item label={t('page.draftDeadline')}>
                {formatDate(r.draftDeadline)}
              </Descriptions.Item>
              <Descriptions.Item label={t('page.draftSubmitted')}>
                {formatDate(r.draftSubmittedOn) || '—'}
                {r.draftLate === true && (
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    {t('list.draftLate')}
                  </Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('review.generalExpenditure')}>
                ¥{yuan(r.figures.expenditure.general)}
              </Descriptions.Item>
              <Descriptions.Item label={t('review.reserve')}>
                ¥{yuan(r.figures.reserve)} ({r.figures.reserveShare}%)
              </Descriptions.Item>
              <Descriptions.Item label={t('review.opinions')}>
                {t('review.opinionsValue', r.figures.consultation)}
              </Descriptions.Item>
              {r.figures.lastYear && (
                <Descriptions.Item label={t('review.lastYear', { year: r.figures.lastYear.year })}>
                  {r.figures.lastYear.rate}%
                </Descriptions.Item>
              )}
            </Descriptions>
            <Button
              icon={<DownloadOutlined />}
              style={{ marginTop: 12 }}
              onClick={() => void renderReviewReport(budgetId, 'review-report.docx')}
              data-testid="review-report"
            >
              {t('review.report')}
            </Button>
          </Card>
          <List
            bordered
            dataSource={r.points}
            renderItem={(p, i) => (
              <List.Item
                data-testid="review-point"
                actions={
                  canEdit
                    ? [
                        <Button
                          key="edit"
                          size="small"
                          icon={<EditOutlined />}
                          aria-label={t('review.edit')}
                          onClick={() => setEditing(p.point)}
                        />,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={`${i + 1}. ${t(`review.point.${p.point}`)}`}
                  description={
                    p.findings ? (
                      <span style={{ color: 'rgba(0,0,0,0.88)' }}>{p.findings}</span>
                    ) : (
                      <Tag>{t('review.pending')}</Tag>
                    )
                  }
                />
              </List.Item>
            )}
          />
          <Card
            size="small"
            style={{ marginTop: 16 }}
            title={t('review.conclusion')}
            extra={
              canEdit && (
                <Button size="small" icon={<EditOutlined />} onClick={() => setConcluding(true)}>
                  {t('review.edit')}
                </Button>
              )
            }
          >
            {r.conclusion ? (
              <Space direction="vertical">
                <Tag color={r.conclusion.recommendation === 'notApprove' ? 'red' : 'green'}>
                  {t(`review.recommendation.${r.conclusion.recommendation}`)}
                </Tag>
                <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>
                  {r.conclusion.suggestions}
                </Typography.Paragraph>
              </Space>
            ) : (
              <Tag>{t('review.pending')}</Tag>
            )}
          </Card>
          <FormModal<{ findings: string }, unknown>
            form={pointForm}
            open={!!editing}
            title={editing ? t(`review.point.${editing}`) : ''}
            values={{ findings: r.points.find((p) => p.point === editing)?.findings ?? '' }}
            save={(v) => recordReviewFindings(budgetId, editing!, v)}
            onSaved={() => {
              setEditing(null);
              review.reload();
            }}
            onClose={() => setEditing(null)}
          >
            <Form.Item
              name="findings"
              label={t('review.findings')}
              rules={[{ required: true, message: t('list.required') }]}
            >
              <Input.TextArea rows={6} maxLength={10000} />
            </Form.Item>
          </FormModal>
          <FormModal<{ recommendation: string; suggestions: string }, unknown>
            form={conclusionForm}
            open={concluding}
            title={t('review.conclusion')}
            values={{
              recommendation: r.conclusion?.recommendation ?? 'approve',
              suggestions: r.conclusion?.suggestions ?? '',
            }}
            save={(v) => recordReviewConclusion(budgetId, { ...v, suggestions: v.suggestions ?? '' })}
            onSaved={() => {
              setConcluding(false);
              review.reload();
            }}
            onClose={() => setConcluding(false)}
          >
            <Form.Item name="recommendation" label={t('review.conclusion')}>
              <Select
                options={['approve', 'approveWithChanges', 'notApprove'].map((k) => ({
                  value: k,
                  label: t(`review.recommendation.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="suggestions" label={t('review.suggestions')}>
              <Input.TextArea rows={5} maxLength={10000} />
            </Form.Item>
          </FormModal>
        </>
      )}
    </>
  );
}
