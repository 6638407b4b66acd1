// A deputy's enterprise visits on the phone (走访企业): the firms given to them in the campaign, and the visit
// record filled during the visit — the day, the people met, the campaign's questionnaire (a question shown only
// on its earlier answer), and the problems and suggestions the firm raised, each sent to a unit as an opinion;
// below the firms, the problems raised in the deputy's visits with the unit's reply and the firm's rating.
import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, newIdempotencyKey, problemMessage } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { shanghaiToday } from '../../shell/datetime';
import { paths, recordFirmVisit } from './api';
import { FirmIssues } from './FirmIssues';
import type { CampaignDetail, CampaignFirm, Question } from './types';

type Answer = string | string[] | number;

interface VisitValues {
  visitedOn: string;
  peopleMet?: string;
  answers?: Record<string, Answer | undefined>;
  issues?: { content: string; unitId: string }[];
}

const asked = (q: Question, answers: Record<string, Answer | undefined>) => {
  if (!q.showIf) return true;
  const a = answers[q.showIf.questionId];
  return Array.isArray(a) ? a.includes(q.showIf.option) : a === q.showIf.option;
};

export default function VisitPage() {
  const { id } = useParams();
  const { t } = useTranslation('activities');
  const campaign = useResource<CampaignDetail>(paths.getCampaign(id));
  const firms = useResource<{ items: CampaignFirm[] }>(paths.findCampaignFirms(id));
  const [firmId, setFirmId] = useState<string | null>(null);
  const c = campaign.data;
  if (campaign.error) return <ErrorAlert error={campaign.error} onRetry={campaign.reload} />;
  if (!c) return null;
  const items = firms.data?.items ?? [];
  const firm = items.find((f) => f.firmId === firmId);
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <PageHeader
        title={c.title}
        sub={
          <Typography.Text type="secondary">
            {t('campaignKind.enterpriseVisits')} · {c.from} – {c.to}
          </Typography.Text>
        }
      />
      <ErrorAlert error={firms.error} onRetry={firms.reload} />
      {!firm ? (
        <List
          header={<Typography.Text strong>{t('visits.myFirms')}</Typography.Text>}
          dataSource={items}
          loading={firms.loading}
          locale={{ emptyText: <Empty description={t('visits.noFirms')} /> }}
          data-testid="my-firms"
          renderItem={(f) => (
            <List.Item
              actions={
                c.abilities.recordVisit
                  ? [
                      <Button key="visit" type="primary" size="small" onClick={() => setFirmId(f.firmId)}>
                        {t('visits.record')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={f.name}
                description={
                  <Space wrap size={4}>
                    <span>{f.industry}</span>
                    <span>{f.streetName}</span>
                    {f.plannedOn && <span>{t('visits.plannedFor', { day: f.plannedOn })}</span>}
                    {f.visits ? (
                      <Tag color="green">{t('visits.visitedOn', { day: f.lastVisitedOn })}</Tag>
                    ) : (
                      <Tag>{t('visits.notYet')}</Tag>
                    )}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      ) : null}
      {!firm ? (
        <div style={{ marginTop: 16 }}>
          <FirmIssues campaignId={c.id} mine />
        </div>
      ) : (
        <VisitForm
          c={c}
          firm={firm}
          onDone={() => {
            setFirmId(null);
            firms.reload();
          }}
        />
      )}
    </div>
  );
}

function VisitForm({ c, firm, onDone }: { c: CampaignDetail; firm: CampaignFirm; onDone: () => void }) {
  const { t } = useTranslation('activities');
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitValues>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [problem, setProblem] = useState<string | null>(null);
  const answers = Form.useWatch('answers', form) ?? {};
  const unitOptions = useMemo(() => c.units.map((u) => ({ value: u.id, label: u.name })), [c.units]);
  const save = async (v: VisitValues) => {
    setBusy(true);
    setProblem(null);
    const given = Object.fromEntries(
      Object.entries(v.answers ?? {}).filter(
        ([qid, a]) =>
          a !== undefined &&
          a !== null &&
          a !== '' &&
          !(Array.isArray(a) && a.length === 0) &&
          asked(
            c.questionnaire.find((q) => q.id === qid)!,
            v.answers ?? {},
          ),
      ),
    );
    try {
      await recordFirmVisit(
        c.id,
        {
          firmId: firm.firmId,
          visitedOn: v.visitedOn,
          peopleMet: v.peopleMet ?? '',
          answers: given,
          issues: v.issues ?? [],
        },
        key,
      );
      setKey(newIdempotencyKey());
      message.success(t('visits.recorded'));
      onDone();
    } catch (err) {
      if (!applyFieldErrors(form, err)) setProblem(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title={firm.name}
      extra={
        <Button size="small" onClick={onDone}>
          {t('visits.back')}
        </Button>
      }
      data-testid="visit-form"
    >
      <Form<VisitValues>
        form={form}
        layout="vertical"
        initialValues={{ visitedOn: shanghaiToday(), issues: [] }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item
          name="visitedOn"
          label={t('visits.visitedOnLabel')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item name="peopleMet" label={t('visits.peopleMet')}>
          <Input maxLength={500} placeholder={t('visits.peopleMetHint')} />
        </Form.Item>
        {c.questionnaire.length > 0 && (
          <Typography.Title level={5}>{t('visits.questionnaire')}</Typography.Title>
        )}
        {c.questionnaire.map((q, i) =>
          asked(q, answers) ? (
            <Form.Item
              key={q.id}
              name={['answers', q.id]}
              label={`${i + 1}. ${q.label}`}
              rules={q.required ? [{ required: true, message: t('create.required') }] : []}
            >
              <AnswerInput q={q} />
            </Form.Item>
          ) : null,
        )}
        <Typography.Title level={5}>{t('visits.issues')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('visits.issuesHint')}</Typography.Paragraph>
        <Form.List name="issues">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Card key={f.key} size="small" style={{ marginBottom: 8 }} data-testid="issue">
                  <Form.Item
                    name={[f.name, 'content']}
                    label={t('visits.issue')}
                    rules={[{ required: true, message: t('create.required') }]}
                  >
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                  <Space.Compact style={{ width: '100%' }}>
                    <Form.Item
                      name={[f.name, 'unitId']}
                      style={{ flex: 1, marginBottom: 0 }}
                      rules={[{ required: true, message: t('create.required') }]}
                    >
                      <Select
                        showSearch
                        optionFilterProp="label"
                        options={unitOptions}
                        placeholder={t('visits.unit')}
                        aria-label={t('visits.unit')}
                      />
                    </Form.Item>
                    <Button
                      icon={<MinusCircleOutlined />}
                      aria-label={t('visits.removeIssue')}
                      onClick={() => remove(f.name)}
                    />
                  </Space.Compact>
                </Card>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ content: '', unitId: undefined })}
                data-testid="add-issue"
                style={{ marginBottom: 16 }}
              >
                {t('visits.addIssue')}
              </Button>
            </>
          )}
        </Form.List>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="save-visit">
          {t('visits.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** The input of one question, by its kind. */
function AnswerInput({
  q,
  value,
  onChange,
}: {
  q: Question;
  value?: Answer;
  onChange?: (v: Answer | undefined) => void;
}) {
  if (q.kind === 'single')
    return (
      <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value as string)}>
        <Space orientation="vertical">
          {q.options.map((o) => (
            <Radio key={o} value={o}>
              {o}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    );
  if (q.kind === 'multiple')
    return (
      <Checkbox.Group value={(value as string[]) ?? []} onChange={(v) => onChange?.(v)}>
        <Space orientation="vertical">
          {q.options.map((o) => (
            <Checkbox key={o} value={o}>
              {o}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
    );
  if (q.kind === 'number')
    return (
      <InputNumber
        style={{ width: '100%' }}
        value={value as number | undefined}
        onChange={(v) => onChange?.(v ?? undefined)}
      />
    );
  if (q.kind === 'scale')
    return (
      <Radio.Group
        optionType="button"
        value={value}
        onChange={(e) => onChange?.(e.target.value as number)}
        options={Array.from({ length: q.max ?? 5 }, (_, i) => ({ value: i + 1, label: String(i + 1) }))}
      />
    );
  return (
    <Input.TextArea rows={2} maxLength={2000} value={value} onChange={(e) => onChange?.(e.target.value)} />
  );
}
