// One inquiry (质询案): its text and filers, the chairpersons' meeting's decision, the organ's answers, and each
// filer's satisfaction with the latest answer. Staff record the decision and the answers; a filer says whether
// they are satisfied (staff may record it for a filer); a further answer is due when more than half are not.
import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api';
import { useAuth } from '../../auth';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { FormModal } from '../../shell/FormModal';
import { answerInquiry, decideInquiry, paths, rateInquiryAnswer } from './api';
import { INQUIRY_STATUS_COLOR, type Inquiry } from './types';

const today = () => new Date().toISOString().slice(0, 10);

export default function InquiryPage() {
  const { id } = useParams();
  const { t } = useTranslation('meetings');
  const { message } = App.useApp();
  const { user } = useAuth();
  const { data: q, error, reload } = useResource<Inquiry>(paths.getInquiry(id));
  const [deciding, setDeciding] = useState(false);
  const [answering, setAnswering] = useState(false);
  const [decideForm] = Form.useForm<{
    put: boolean;
    mode?: 'oral' | 'written';
    decidedOn: string;
    note: string;
  }>();
  const [answerForm] = Form.useForm<{ answeredBy: string; summary: string; answeredOn: string }>();
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!q) return null;
  const can = q.abilities;
  const rate = async (deputyId: string | undefined, satisfied: boolean) => {
    try {
      await rateInquiryAnswer(q.id, { ...(deputyId ? { deputyId } : {}), satisfied });
    } catch (err) {
      message.error(problemMessage(err));
    }
    reload();
  };
  const mine = q.filers.find((f) => f.deputyId === user?.deputyId);

  return (
    <div style={{ maxWidth: 880 }}>
      <PageHeader
        title={q.subject}
        sub={<Tag color={INQUIRY_STATUS_COLOR[q.status]}>{t(`inquiryStatus.${q.status}`)}</Tag>}
      />
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('inquiry.organ')}>{q.organ}</Descriptions.Item>
        <Descriptions.Item label={t('inquiry.content')}>{q.content}</Descriptions.Item>
        <Descriptions.Item label={t('inquiry.filedOn')}>{q.filedOn}</Descriptions.Item>
        {q.decidedOn && (
          <Descriptions.Item label={t('inquiry.decision')}>
            {q.status === 'declined' ? t('inquiry.declined') : t(`inquiry.mode.${q.mode}`)} · {q.decidedOn}
            {q.decisionNote && ` · ${q.decisionNote}`}
          </Descriptions.Item>
        )}
      </Descriptions>

      <Space wrap style={{ margin: '12px 0' }}>
        {can.decide && q.status === 'filed' && (
          <Button type="primary" onClick={() => setDeciding(true)} data-testid="inquiry-decide">
            {t('inquiry.decide')}
          </Button>
        )}
        {can.answer && (q.status === 'toAnswer' || q.status === 'furtherAnswerDue') && (
          <Button type="primary" onClick={() => setAnswering(true)} data-testid="inquiry-answer">
            {q.status === 'furtherAnswerDue' ? t('inquiry.furtherAnswer') : t('inquiry.answer')}
          </Button>
        )}
      </Space>

      {q.answers.map((a) => (
        <Card
          key={a.round}
          size="small"
          style={{ marginBottom: 12 }}
          title={t('inquiry.answerRound', { n: a.round })}
        >
          <Typography.Paragraph>{a.summary}</Typography.Paragraph>
          <Typography.Text type="secondary">
            {a.answeredBy} · {t(`inquiry.mode.${a.mode}`)} · {a.answeredOn}
            {a.dissatisfied != null && ` · ${t('inquiry.tally', { yes: a.satisfied, no: a.dissatisfied })}`}
          </Typography.Text>
        </Card>
      ))}

      <Card size="small" title={t('inquiry.filers')}>
        <List
          dataSource={q.filers}
          renderItem={(f) => (
            <List.Item key={f.deputyId}>
              <Space wrap>
                <span>{f.name}</span>
                {q.status !== 'filed' && q.status !== 'toAnswer' && q.round > 0 && (
                  <Tag color={f.satisfied == null ? 'default' : f.satisfied ? 'green' : 'red'}>
                    {t(
                      f.satisfied == null
                        ? 'inquiry.notSaid'
                        : f.satisfied
                          ? 'inquiry.satisfied'
                          : 'inquiry.dissatisfied',
                    )}
                  </Tag>
                )}
                {q.status === 'answered' && can.rateAnswer && (mine?.deputyId === f.deputyId || !mine) && (
                  <Radio.Group
                    size="small"
                    value={f.satisfied}
                    onChange={(e) => void rate(mine ? undefined : f.deputyId, e.target.value as boolean)}
                    options={[
                      { value: true, label: t('inquiry.satisfied') },
                      { value: false, label: t('inquiry.dissatisfied') },
                    ]}
                    optionType="button"
                  />
                )}
              </Space>
            </List.Item>
          )}
        />
      </Card>

      <FormModal
        form={decideForm}
        open={deciding}
        title={t('inquiry.decide')}
        values={null}
        initialValues={{ put: true, mode: 'oral', decidedOn: today(), note: '' }}
        destroyOnHidden
        save={(v) => decideInquiry(q.id, v)}
        onSaved={() => {
          setDeciding(false);
          reload();
        }}
        onClose={() => setDeciding(false)}
      >
        <Form.Item name="put" label={t('inquiry.decision')}>
          <Radio.Group
            options={[
              { value: true, label: t('inquiry.put') },
              { value: false, label: t('inquiry.declined') },
            ]}
          />
        </Form.Item>
        <Form.Item name="mode" label={t('inquiry.answerMode')}>
          <Radio.Group
            options={(['oral', 'written'] as const).map((m) => ({ value: m, label: t(`inquiry.mode.${m}`) }))}
          />
        </Form.Item>
        <Form.Item name="decidedOn" label={t('inquiry.decidedOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="note" label={t('inquiry.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>

      <FormModal
        form={answerForm}
        open={answering}
        title={q.status === 'furtherAnswerDue' ? t('inquiry.furtherAnswer') : t('inquiry.answer')}
        values={null}
        initialValues={{ answeredOn: today() }}
        destroyOnHidden
        save={(v) => answerInquiry(q.id, v)}
        onSaved={() => {
          setAnswering(false);
          reload();
        }}
        onClose={() => setAnswering(false)}
      >
        <Form.Item name="answeredBy" label={t('inquiry.answeredBy')} rules={[{ required: true, max: 120 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="summary" label={t('inquiry.summary')} rules={[{ required: true, max: 8000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="answeredOn" label={t('inquiry.answeredOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </FormModal>
    </div>
  );
}
