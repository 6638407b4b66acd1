// The draft before deputies (预算草案预先见代表): the draft's expenditure by class as a chart (the readable summary),
// the consultation rounds by area with who was invited, the opinions on a line or a topic and the finance
// department's feedback on each; staff hold a round and note opinions, an invited deputy gives their own, the
// finance department answers; everyone who reads the budget prints the opinions and feedback for the sitting.
import { useMemo, useState } from 'react';
import {
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { CommentOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, useResource } from '../../shell/components';
import { FormModal } from '../../shell/FormModal';
import { formatDate } from '../../shell/datetime';
import Chart from '../../shell/Chart';
import {
  createConsultationRound,
  giveOpinionFeedback,
  paths,
  recordConsultationOpinion,
  renderConsultationOpinions,
} from './api';
import { MONEY_STYLE, wan, type BudgetLine, type Consultation, type ConsultationRound } from './types';

interface NewRound {
  area: string;
  heldOn: string;
  place?: string;
  material?: string;
  deputyIds?: string[];
  /** One a line: 姓名，单位 */
  voters?: string;
}
interface NewOpinion {
  inviteeId?: string;
  code?: string;
  topic?: string;
  content: string;
}

function DeputyPicker(props: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const [q, setQ] = useState('');
  const found = useResource<{ items: { id: string; name: string }[] }>(paths.findDeputies(q));
  const [known, setKnown] = useState<Record<string, string>>({});
  const options = [
    ...(found.data?.items ?? []).map((d) => ({ value: d.id, label: d.name })),
    ...Object.entries(known)
      .filter(([id]) => !found.data?.items.some((d) => d.id === id))
      .map(([value, label]) => ({ value, label })),
  ];
  return (
    <Select
      id={props.id}
      mode="multiple"
      showSearch
      filterOption={false}
      onSearch={setQ}
      value={props.value}
      onChange={(v: string[]) => {
        setKnown((k) => ({
          ...k,
          ...Object.fromEntries(options.filter((o) => v.includes(o.value)).map((o) => [o.value, o.label])),
        }));
        props.onChange?.(v);
      }}
      options={options}
    />
  );
}

export default function ConsultationTab({ budgetId, canCreate }: { budgetId: string; canCreate: boolean }) {
  const { t } = useTranslation('budget');
  const data = useResource<Consultation>(paths.getBudgetConsultation(budgetId));
  const classes = useResource<{ items: BudgetLine[] }>(paths.findBudgetLines(budgetId, '2', 'class'));
  const [creating, setCreating] = useState(false);
  const [opinionRound, setOpinionRound] = useState<ConsultationRound | null>(null);
  const [answering, setAnswering] = useState<string | null>(null);
  const [roundForm] = Form.useForm<NewRound>();
  const [opinionForm] = Form.useForm<NewOpinion>();
  const [feedbackForm] = Form.useForm<{ feedback: string }>();

  const option = useMemo(() => {
    const rows = (classes.data?.items ?? []).filter((l) => l.budget === 'general');
    return {
      tooltip: { trigger: 'item' as const, formatter: '{b}: {c} 万元 ({d}%)' },
      series: [
        {
          type: 'pie' as const,
          radius: ['35%', '65%'],
          data: rows.map((l) => ({ name: l.name, value: Math.round(wan(l.amount)) })),
          label: { fontSize: 11 },
        },
      ],
    };
  }, [classes.data]);

  const totals = data.data?.totals;
  return (
    <>
      <ErrorAlert error={data.error} onRetry={data.reload} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('consultation.chart')}>
            {classes.data?.items.length ? (
              <Chart option={option} height={260} />
            ) : (
              <Empty description={t('consultation.noLines')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small">
            {totals && (
              <Row gutter={[16, 16]}>
                <Col xs={12} md={6}>
                  <Statistic
                    title={t('consultation.rounds')}
                    value={totals.rounds}
                    styles={{ content: MONEY_STYLE }}
                  />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic
                    title={t('consultation.invitees')}
                    value={totals.invitees}
                    styles={{ content: MONEY_STYLE }}
                  />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic
                    title={t('consultation.opinions')}
                    value={totals.opinions}
                    styles={{ content: MONEY_STYLE }}
                  />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic
                    title={t('consultation.answered')}
                    value={totals.answered}
                    styles={{ content: MONEY_STYLE }}
                  />
                </Col>
              </Row>
            )}
            <Space wrap style={{ marginTop: 16 }}>
              {canCreate && (
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => setCreating(true)}
                  data-testid="consultation-new"
                >
                  {t('consultation.new')}
                </Button>
              )}
              <Button
                icon={<DownloadOutlined />}
                onClick={() => void renderConsultationOpinions(budgetId, 'opinions.docx')}
                data-testid="consultation-print"
              >
                {t('consultation.print')}
              </Button>
            </Space>
          </Card>
        </Col>
      </Row>
      {data.data && !data.data.items.length && <Empty description={t('consultation.none')} />}
      {data.data?.items.map((r) => (
        <Card
          key={r.id}
          size="small"
          style={{ marginBottom: 16 }}
          data-testid="consultation-round"
          title={
            <Space wrap>
              <span>{r.area}</span>
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                {formatDate(r.heldOn)} {r.place}
              </Typography.Text>
            </Space>
          }
          extra={
            r.abilities.recordOpinion && (
              <Button size="small" icon={<CommentOutlined />} onClick={() => setOpinionRound(r)}>
                {t('consultation.addOpinion')}
              </Button>
            )
          }
        >
          {r.material && <Typography.Paragraph>{r.material}</Typography.Paragraph>}
          <div style={{ marginBottom: 8 }}>
            {r.invitees.map((i) => (
              <Tag key={i.id} color={i.kind === 'deputy' ? 'blue' : 'default'}>
                {i.name}
                {i.kind === 'voterRepresentative' ? `（${t('consultation.voter')}）` : ''}
              </Tag>
            ))}
          </div>
          <List
            dataSource={r.opinions}
            locale={{ emptyText: t('consultation.noOpinions') }}
            renderItem={(o) => (
              <List.Item
                data-testid="consultation-opinion"
                actions={
                  r.abilities.giveFeedback && o.status === 'open'
                    ? [
                        <Button key="fb" size="small" type="primary" onClick={() => setAnswering(o.id)}>
                          {t('consultation.feedback')}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      {o.code ? <Tag>{`${o.code} ${o.lineName}`}</Tag> : null}
                      {o.topic ? <Tag color="purple">{o.topic}</Tag> : null}
                      <span>{o.by}</span>
                    </Space>
                  }
                  description={
                    <>
                      <div style={{ color: 'rgba(0,0,0,0.88)' }}>{o.content}</div>
                      <div style={{ marginTop: 4 }}>
                        {o.status === 'answered' ? (
                          <>
                            <Tag color="green">{t('consultation.feedbackGiven')}</Tag>
                            {o.feedback}
                          </>
                        ) : (
                          <Tag color="orange">{t('consultation.awaiting')}</Tag>
                        )}
                      </div>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      ))}
      <FormModal<NewRound, { id: string }>
        form={roundForm}
        open={creating}
        title={t('consultation.new')}
        values={null}
        save={(v, key) =>
          createConsultationRound(
            budgetId,
            {
              area: v.area,
              heldOn: v.heldOn,
              place: v.place ?? '',
              material: v.material ?? '',
              invitees: [
                ...(v.deputyIds ?? []).map((deputyId) => ({ kind: 'deputy', deputyId })),
                ...(v.voters ?? '')
                  .split('\n')
                  .map((l) => l.trim())
                  .filter(Boolean)
                  .map((l) => {
                    const [name, organization = ''] = l.split(/[，,]/);
                    return {
                      kind: 'voterRepresentative',
                      name: name.trim(),
                      organization: organization.trim(),
                    };
                  }),
              ],
            },
            key,
          )
        }
        onSaved={() => {
          setCreating(false);
          data.reload();
        }}
        onClose={() => setCreating(false)}
      >
        <Form.Item
          name="area"
          label={t('consultation.area')}
          rules={[{ required: true, message: t('list.required') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="heldOn"
          label={t('consultation.heldOn')}
          rules={[{ required: true, message: t('list.required') }]}
        >
          <Input type="date" />
        </Form.Item>
        <Form.Item name="place" label={t('consultation.place')}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="material" label={t('consultation.material')}>
          <Input.TextArea rows={3} maxLength={20000} />
        </Form.Item>
        <Form.Item name="deputyIds" label={t('consultation.deputies')}>
          <DeputyPicker />
        </Form.Item>
        <Form.Item name="voters" label={t('consultation.voters')} extra={t('consultation.votersHint')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
      <FormModal<NewOpinion, { id: string }>
        form={opinionForm}
        open={!!opinionRound}
        title={opinionRound ? `${t('consultation.addOpinion')} · ${opinionRound.area}` : ''}
        values={null}
        save={(v, key) =>
          recordConsultationOpinion(
            opinionRound!.id,
            { inviteeId: v.inviteeId, code: v.code ?? '', topic: v.topic ?? '', content: v.content },
            key,
          )
        }
        onSaved={() => {
          setOpinionRound(null);
          data.reload();
        }}
        onClose={() => setOpinionRound(null)}
      >
        {canCreate && (
          <Form.Item
            name="inviteeId"
            label={t('consultation.by')}
            rules={[{ required: true, message: t('list.required') }]}
          >
            <Select options={opinionRound?.invitees.map((i) => ({ value: i.id, label: i.name })) ?? []} />
          </Form.Item>
        )}
        <Form.Item name="code" label={t('consultation.code')}>
          <Input maxLength={7} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="topic" label={t('consultation.topic')}>
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item
          name="content"
          label={t('consultation.content')}
          rules={[{ required: true, message: t('list.required') }]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </FormModal>
      <FormModal<{ feedback: string }, unknown>
        form={feedbackForm}
        open={!!answering}
        title={t('consultation.feedback')}
        values={null}
        save={(v) => giveOpinionFeedback(answering!, v)}
        onSaved={() => {
          setAnswering(null);
          data.reload();
        }}
        onClose={() => setAnswering(null)}
      >
        <Form.Item
          name="feedback"
          label={t('consultation.feedback')}
          rules={[{ required: true, message: t('list.required') }]}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </FormModal>
    </>
  );
}
