// One suggestion: its text and progress, and the actions the current user may take now (from `abilities`):
// review, assign, extension decision, hand-back, re-handling review (staff); contacts, reply, assisting opinion,
// hand-back request, extension application (units); co-signing, withdrawal, rating (deputies); supervision (the
// leading leader).
import { useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  List,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Typography,
  message,
} from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, problemMessage } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import {
  addUnitOpinion,
  applyForExtension,
  assignSuggestion,
  confirmCosign,
  decideExtension,
  decideHandBack,
  downloadFile,
  logContact,
  logSupervision,
  mergeSuggestions,
  paths,
  publishReply,
  rateSuggestion,
  renderReplyLetter,
  replySuggestion,
  reportSolved,
  requestHandBack,
  reviewRehandling,
  reviewSuggestion,
  selectKeySuggestion,
  submitSuggestion,
  withdrawSuggestion,
} from './api';
import { ProvisionalMark } from '../../shell/deadline';
import { STATUS_COLORS, fmtDate, type SuggestionDetail } from './types';
import { HistoryTimeline } from './HistoryTimeline';

function Action({
  title,
  testId,
  children,
  onSubmit,
  submitLabel,
  danger,
}: {
  title: string;
  testId: string;
  children?: ReactNode;
  onSubmit: (v: Record<string, unknown>) => Promise<unknown>;
  submitLabel: string;
  danger?: boolean;
}) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  return (
    <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid={testId}>
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          try {
            await onSubmit(v);
            form.resetFields();
          } catch (err) {
            if (!applyFieldErrors(form, err)) message.error(problemMessage(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        {children}
        <Button
          type="primary"
          danger={danger}
          htmlType="submit"
          loading={busy}
          data-testid={`${testId}-submit`}
        >
          {submitLabel}
        </Button>
      </Form>
    </Card>
  );
}

export default function DetailPage() {
  const { id } = useParams();
  const { t } = useTranslation('suggestions');
  const nav = useNavigate();
  const { data: s, error, reload } = useResource<SuggestionDetail>(paths.getSuggestion(id));
  const cats = useResource<{
    items: { code: string; zh: string }[];
    replyCategories: { code: string; zh: string }[];
  }>(paths.findSuggestionCategories());
  const can = s?.abilities ?? {};
  const units = useResource<{ items: { id: string; name: string }[] }>(
    can.assign || can.decideHandBack ? paths.findHandlingUnits() : null,
  );
  const leaders = useResource<{ items: { accountId: string; name: string }[] }>(
    can.selectKey ? paths.findLeaders() : null,
  );
  const similar = useResource<{ items: { id: string; number: string; title: string; score: number }[] }>(
    can.merge ? paths.findSimilarSuggestions(id) : null,
  );
  const post =
    (call: (id: string, body: Record<string, unknown>) => Promise<unknown>) =>
    async (body: Record<string, unknown>) => {
      await call(id!, body);
      message.success(t('done'));
      reload();
    };
  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  if (!s)
    return (
      <div style={{ maxWidth: 1100, margin: '0 auto' }}>
        <ErrorAlert error={error} onRetry={reload} />
      </div>
    );

  const lead = s.assignments.find((a) => a.role === 'lead' && !a.endedAt);
  const assisting = s.assignments.filter((a) => a.role === 'assisting' && !a.endedAt);
  const pendingExtension = s.extensions.find((e) => e.status === 'pending');
  const reassigned = !!s.firstAssignedAt && !!s.assignedAt && s.firstAssignedAt !== s.assignedAt;
  return (
    <div style={{ maxWidth: 1100, margin: '0 auto' }}>
      <PageHeader
        title={s.title}
        sub={s.number ?? undefined}
        extra={
          <Space wrap>
            <Tag color={STATUS_COLORS[s.status]} data-testid="status">
              {t(`status.${s.status}`)}
            </Tag>
            {s.overdue && <Tag color="red">{t('fields.overdue')}</Tag>}
            {s.isKey && <Tag color="volcano">{t('fields.key')}</Tag>}
            {s.published && <Tag color="green">{t('detail.published')}</Tag>}
          </Space>
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      {s.status === 'rehandling' && (
        <Alert type="warning" showIcon title={t('detail.rehandlingDue')} style={{ marginBottom: 12 }} />
      )}
      {s.status === 'rehandlingReview' && (
        <Alert
          type="warning"
          showIcon
          title={t('detail.rehandlingAwaiting')}
          style={{ marginBottom: 12 }}
          data-testid="rehandling-awaiting"
        />
      )}
      {pendingExtension && (
        <Alert
          type="info"
          showIcon
          title={`${t('detail.extensionPending')}：${pendingExtension.reason}`}
          style={{ marginBottom: 12 }}
          data-testid="extension-pending"
        />
      )}
      {s.status === 'draft' && can.edit && (
        <Card size="small" title={t('draft.title')} style={{ marginBottom: 12 }} data-testid="draft-card">
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('draft.hint')}</Typography.Paragraph>
          <Space wrap>
            <Button
              type="primary"
              onClick={() => void nav(`/suggestions/${s.id}/edit`)}
              data-testid="edit-draft"
            >
              {t('draft.edit')}
            </Button>
            <Button
              onClick={() =>
                post(submitSuggestion)({}).catch((e) => {
                  // What is missing is named on the form's fields there.
                  message.error(problemMessage(e));
                  void nav(`/suggestions/${s.id}/edit`);
                })
              }
              data-testid="submit-draft"
            >
              {t('draft.submit')}
            </Button>
          </Space>
        </Card>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('fields.proposer')}>{s.proposer.name}</Descriptions.Item>
              <Descriptions.Item label={t('fields.category')}>
                {cats.data?.items.find((c) => c.code === s.category)?.zh ?? (s.category || '—')}
              </Descriptions.Item>
              <Descriptions.Item label={t('fields.cosigners')}>
                {s.cosigners
                  .map((c) => `${c.name}${c.status === 'pending' ? '（待确认）' : ''}`)
                  .join('、') || '—'}
              </Descriptions.Item>
              {s.attachments.length > 0 && (
                <Descriptions.Item label={t('fields.attachments')}>
                  <Space wrap size={[8, 0]}>
                    {s.attachments.map((a) => (
                      <Typography.Link
                        key={a.id}
                        onClick={() =>
                          downloadFile(a.id, a.originalName).catch((e) => message.error(problemMessage(e)))
                        }
                        data-testid="attachment"
                      >
                        {a.originalName}
                      </Typography.Link>
                    ))}
                  </Space>
                </Descriptions.Item>
              )}
              <Descriptions.Item label={t('fields.submittedAt')}>{fmtDate(s.submittedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('fields.leadUnit')}>{lead?.unit.name ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('fields.assistingUnits')}>
                {assisting.map((a) => a.unit.name).join('、') || '—'}
              </Descriptions.Item>
              {s.firstAssignedAt && (
                <Descriptions.Item label={t('fields.firstAssignedAt')}>
                  <span data-testid="first-assigned">{fmtDate(s.firstAssignedAt)}</span>
                </Descriptions.Item>
              )}
              {reassigned && (
                <Descriptions.Item label={t('fields.assignedAt')}>{fmtDate(s.assignedAt)}</Descriptions.Item>
              )}
              <Descriptions.Item label={t('fields.deadline')}>
                <span data-testid="deadline">{fmtDate(s.deadline)}</span>
                <ProvisionalMark date={s.deadline} />
                {s.extended && <Tag style={{ marginLeft: 4 }}>{t('detail.extended')}</Tag>}
              </Descriptions.Item>
              {s.leaders.length > 0 && (
                <Descriptions.Item label={t('detail.keyLeader')}>
                  <span data-testid="key-leaders">{s.leaders.map((l) => l.name).join('、')}</span>
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
              {s.content}
            </Typography.Paragraph>
            {s.review.comment && (
              <Alert type="info" title={`${t('detail.reviewComment')}：${s.review.comment}`} />
            )}
            {s.referralReason && (
              <Alert
                type="info"
                style={{ marginTop: 8 }}
                title={`${t('detail.referral')}：${s.referralReason}`}
              />
            )}
          </Card>
          {s.replies.length > 0 && (
            <Card size="small" title={t('detail.replies')} style={{ marginBottom: 12 }} data-testid="replies">
              {s.replies.map((r) => (
                <div key={r.id} style={{ marginBottom: 12 }}>
                  <Space wrap>
                    <Typography.Text strong>{t('detail.round', { n: r.round })}</Typography.Text>
                    <Tag color="blue">{r.category}</Tag>
                    <Typography.Text type="secondary">
                      {r.unit.name} · {fmtDate(r.createdAt)}
                    </Typography.Text>
                    <Button
                      size="small"
                      onClick={() => renderReplyLetter(r.letterUrl, `${s.number ?? s.id}-${r.round}.docx`)}
                      data-testid="letter"
                    >
                      {t('detail.letter')}
                    </Button>
                  </Space>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>
                    {r.content}
                  </Typography.Paragraph>
                  {s.ratings.some((x) => x.round === r.round) && (
                    <Space wrap data-testid={`ratings-${r.round}`}>
                      {s.ratings
                        .filter((x) => x.round === r.round)
                        .map((x) => (
                          <Tag key={x.id} color={x.rating === 'dissatisfied' ? 'red' : 'green'}>
                            {x.name}：{t(`rating.${x.rating}`)}
                            {x.comment ? `（${x.comment}）` : ''}
                          </Tag>
                        ))}
                    </Space>
                  )}
                </div>
              ))}
              {s.unitOpinions.map((o) => (
                <Alert
                  key={o.id}
                  type="info"
                  style={{ marginTop: 4 }}
                  title={`${t('detail.unitOpinion')}（${o.unit.name}）：${o.content}`}
                />
              ))}
            </Card>
          )}
          <Card size="small" title={t('detail.history')} data-testid="history">
            <HistoryTimeline history={s.history} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          {can.confirmCosign && (
            <Card size="small" title={t('detail.cosign')} style={{ marginBottom: 12 }}>
              <Space>
                <Button
                  type="primary"
                  onClick={() =>
                    post(confirmCosign)({ accept: true }).catch((e) => message.error(problemMessage(e)))
                  }
                  data-testid="cosign"
                >
                  {t('detail.cosign')}
                </Button>
                <Button
                  onClick={() =>
                    post(confirmCosign)({ accept: false }).catch((e) => message.error(problemMessage(e)))
                  }
                >
                  {t('detail.decline')}
                </Button>
              </Space>
            </Card>
          )}
          {can.review && (
            <Action
              title={t('detail.review')}
              testId="review"
              submitLabel={t('detail.review')}
              onSubmit={(v) =>
                post(reviewSuggestion)({
                  decision: v.decision,
                  comment: v.comment ?? '',
                  checks: {
                    oneMatter: !!(v.checks as string[] | undefined)?.includes('oneMatter'),
                    notPersonal: !!(v.checks as string[] | undefined)?.includes('notPersonal'),
                    specific: !!(v.checks as string[] | undefined)?.includes('specific'),
                  },
                })
              }
            >
              <Form.Item
                name="checks"
                label={t('detail.checks')}
                initialValue={['oneMatter', 'notPersonal', 'specific']}
              >
                <Checkbox.Group
                  options={['oneMatter', 'notPersonal', 'specific'].map((c) => ({
                    value: c,
                    label: t(`detail.${c}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="decision" initialValue="accept">
                <Radio.Group
                  options={['accept', 'return', 'refer'].map((d) => ({ value: d, label: t(`detail.${d}`) }))}
                  data-testid="review-decision"
                />
              </Form.Item>
              <Form.Item name="comment" label={t('fields.comment')}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </Action>
          )}
          {can.merge && (similar.data?.items.length ?? 0) > 0 && (
            <Card size="small" title={t('detail.similar')} style={{ marginBottom: 12 }}>
              <List
                size="small"
                dataSource={similar.data!.items}
                renderItem={(x) => (
                  <List.Item
                    actions={[
                      <Button
                        key="m"
                        size="small"
                        onClick={() =>
                          mergeSuggestions([s.id, x.id])
                            .then(() => {
                              message.success(t('done'));
                              reload();
                            })
                            .catch((e) => message.error(problemMessage(e)))
                        }
                      >
                        {t('detail.merge')}
                      </Button>,
                    ]}
                  >
                    <a href={`/suggestions/${x.id}`}>
                      {x.number} {x.title}
                    </a>{' '}
                    <Tag>{x.score}</Tag>
                  </List.Item>
                )}
              />
            </Card>
          )}
          {can.assign && (
            <Action
              title={t('detail.assign')}
              testId="assign"
              submitLabel={t('detail.assignDo')}
              onSubmit={(v) =>
                post(assignSuggestion)({
                  leadUnitId: v.leadUnitId,
                  assistingUnitIds: v.assistingUnitIds ?? [],
                })
              }
            >
              <Form.Item name="leadUnitId" label={t('fields.leadUnit')} rules={[{ required: true }]}>
                <Select showSearch optionFilterProp="label" options={unitOptions} data-testid="lead-unit" />
              </Form.Item>
              <Form.Item name="assistingUnitIds" label={t('fields.assistingUnits')}>
                <Select mode="multiple" showSearch optionFilterProp="label" options={unitOptions} />
              </Form.Item>
            </Action>
          )}
          {can.decideHandBack && (
            <Action
              title={t('detail.handBackDecide')}
              testId="hand-back-decide"
              submitLabel={t('detail.handBackDecide')}
              onSubmit={(v) =>
                post(decideHandBack)({
                  decision: v.decision,
                  leadUnitId: v.leadUnitId,
                  comment: v.comment ?? '',
                })
              }
            >
              <Form.Item name="decision" initialValue="reassign">
                <Radio.Group
                  options={['reassign', 'keep', 'dispute'].map((d) => ({
                    value: d,
                    label: t(`detail.${d}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="leadUnitId" label={t('fields.leadUnit')}>
                <Select showSearch optionFilterProp="label" options={unitOptions} />
              </Form.Item>
              <Form.Item name="comment" label={t('fields.comment')}>
                <Input />
              </Form.Item>
            </Action>
          )}
          {can.decideExtension && pendingExtension && (
            <Action
              title={t('detail.extensionDecide')}
              testId="extension-decide"
              submitLabel={t('detail.decision')}
              onSubmit={(v) => post(decideExtension)({ decision: v.decision, comment: v.comment ?? '' })}
            >
              <Typography.Paragraph style={{ marginBottom: 8 }}>
                {pendingExtension.unit.name}：{pendingExtension.reason}
              </Typography.Paragraph>
              <Form.Item name="decision" initialValue="approve">
                <Radio.Group
                  options={['approve', 'refuse'].map((d) => ({ value: d, label: t(`detail.${d}`) }))}
                  data-testid="extension-decision"
                />
              </Form.Item>
              <Form.Item
                name="comment"
                label={t('fields.reason')}
                dependencies={['decision']}
                rules={[
                  ({ getFieldValue }) => ({
                    required: getFieldValue('decision') === 'refuse',
                  }),
                ]}
              >
                <Input data-testid="extension-comment" />
              </Form.Item>
            </Action>
          )}
          {can.reviewRehandling && (
            <Action
              title={t('detail.rehandlingReview')}
              testId="rehandling-review"
              submitLabel={t('detail.decision')}
              onSubmit={(v) => post(reviewRehandling)({ decision: v.decision, comment: v.comment ?? '' })}
            >
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t('detail.rehandlingReviewHint')}
              </Typography.Paragraph>
              <Form.Item name="decision" initialValue="rehandle">
                <Radio.Group data-testid="rehandling-decision">
                  <Space orientation="vertical">
                    <Radio value="rehandle">{t('detail.rehandle')}</Radio>
                    <Radio value="decline">{t('detail.declineRehandling')}</Radio>
                  </Space>
                </Radio.Group>
              </Form.Item>
              <Form.Item
                name="comment"
                label={t('fields.comment')}
                dependencies={['decision']}
                rules={[({ getFieldValue }) => ({ required: getFieldValue('decision') === 'decline' })]}
              >
                <Input.TextArea rows={2} data-testid="rehandling-comment" />
              </Form.Item>
            </Action>
          )}
          {can.logContact && (
            <Action
              title={t('detail.contacts')}
              testId="contact"
              submitLabel={t('detail.addContact')}
              onSubmit={(v) => post(logContact)(v)}
            >
              <Form.Item name="method" initialValue="phone">
                <Radio.Group
                  options={['phone', 'visit', 'meeting'].map((m) => ({ value: m, label: t(`method.${m}`) }))}
                />
              </Form.Item>
              <Form.Item name="summary" label={t('fields.summary')} rules={[{ required: true }]}>
                <Input.TextArea rows={2} data-testid="contact-summary" />
              </Form.Item>
            </Action>
          )}
          {can.reply && (
            <Action
              title={t('detail.reply')}
              testId="reply"
              submitLabel={t('detail.replyDo')}
              onSubmit={(v) =>
                post(replySuggestion)({
                  category: v.category,
                  content: v.content,
                  ...(v.plannedBy
                    ? { plannedBy: (v.plannedBy as { format: (f: string) => string }).format('YYYY-MM-DD') }
                    : {}),
                })
              }
            >
              {s.contacts.filter((c) => c.round === s.rehandlingRound).length === 0 && (
                <Alert type="warning" showIcon title={t('detail.noContactYet')} style={{ marginBottom: 8 }} />
              )}
              <Form.Item name="category" label={t('fields.replyCategory')} rules={[{ required: true }]}>
                <Radio.Group data-testid="reply-category">
                  <Space orientation="vertical">
                    {(cats.data?.replyCategories ?? []).map((c) => (
                      <Radio key={c.code} value={c.code}>
                        {c.code} {c.zh}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Form.Item>
              <Form.Item name="content" label={t('fields.replyContent')} rules={[{ required: true }]}>
                <Input.TextArea rows={5} data-testid="reply-content" />
              </Form.Item>
              <Form.Item name="plannedBy" label={t('fields.plannedBy')}>
                <DatePicker />
              </Form.Item>
            </Action>
          )}
          {can.addOpinion && (
            <Action
              title={t('detail.unitOpinion')}
              testId="unit-opinion"
              submitLabel={t('detail.addOpinion')}
              onSubmit={(v) => post(addUnitOpinion)(v)}
            >
              <Form.Item name="content" rules={[{ required: true }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </Action>
          )}
          {can.applyExtension && (
            <Action
              title={t('detail.extension')}
              testId="extension"
              submitLabel={t('detail.extension')}
              onSubmit={(v) => post(applyForExtension)(v)}
            >
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t('detail.extensionHint')}
              </Typography.Paragraph>
              <Form.Item name="reason" label={t('fields.reason')} rules={[{ required: true }]}>
                <Input.TextArea rows={2} data-testid="extension-reason" />
              </Form.Item>
            </Action>
          )}
          {can.requestHandBack && s.status === 'assigned' && (
            <Action
              title={t('detail.handBack')}
              testId="hand-back"
              submitLabel={t('detail.handBack')}
              danger
              onSubmit={(v) => post(requestHandBack)(v)}
            >
              <Form.Item name="reason" label={t('fields.reason')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
            </Action>
          )}
          {can.reportSolved && (
            <Action
              title={t('detail.solved')}
              testId="solved"
              submitLabel={t('detail.solved')}
              onSubmit={(v) => post(reportSolved)(v)}
            >
              <Form.Item name="note" rules={[{ required: true }]}>
                <Input />
              </Form.Item>
            </Action>
          )}
          {can.rate && (
            <Action
              title={t('detail.rate')}
              testId="rate"
              submitLabel={t('detail.rateDo')}
              onSubmit={(v) => post(rateSuggestion)({ rating: v.rating, comment: v.comment ?? '' })}
            >
              <Form.Item name="rating" rules={[{ required: true }]}>
                <Radio.Group data-testid="rating">
                  {['satisfied', 'basicallySatisfied', 'dissatisfied'].map((r) => (
                    <Radio.Button key={r} value={r}>
                      {t(`rating.${r}`)}
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </Form.Item>
              <Form.Item
                name="comment"
                label={t('fields.comment')}
                dependencies={['rating']}
                rules={[
                  ({ getFieldValue }) => ({
                    required: getFieldValue('rating') === 'dissatisfied',
                    whitespace: true,
                    message: t('detail.dissatisfiedReason'),
                  }),
                ]}
              >
                <Input.TextArea rows={2} data-testid="rating-comment" />
              </Form.Item>
            </Action>
          )}
          {can.selectKey && (
            <Action
              title={s.isKey ? t('detail.changeLeader') : t('detail.selectKey')}
              testId="select-key"
              submitLabel={t('detail.selectKeyDo')}
              onSubmit={(v) =>
                post(selectKeySuggestion)({ leaderAccountIds: v.leaderAccountIds, note: v.note ?? '' })
              }
            >
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t('detail.keyHint')}
              </Typography.Paragraph>
              <Form.Item
                name="leaderAccountIds"
                label={t('detail.keyLeader')}
                rules={[{ required: true }]}
                initialValue={s.leaders.map((l) => l.accountId)}
                extra={t('detail.keyLeadersHint')}
              >
                <Select
                  mode="multiple"
                  maxCount={10}
                  showSearch
                  optionFilterProp="label"
                  loading={leaders.loading}
                  options={(leaders.data?.items ?? []).map((l) => ({ value: l.accountId, label: l.name }))}
                  data-testid="key-leader"
                />
              </Form.Item>
              <Form.Item name="note" label={t('detail.keyNote')}>
                <Input />
              </Form.Item>
            </Action>
          )}
          {can.publish && !s.published && (
            <Action
              title={t('detail.publish')}
              testId="publish"
              submitLabel={t('detail.publish')}
              onSubmit={() => post(publishReply)({})}
            >
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t('detail.publishHint')}
              </Typography.Paragraph>
            </Action>
          )}
          {can.supervise && (
            <Action
              title={t('detail.supervise')}
              testId="supervise"
              submitLabel={t('detail.superviseDo')}
              onSubmit={(v) => post(logSupervision)(v)}
            >
              <Form.Item name="kind" initialValue="meeting">
                <Radio.Group
                  options={['meeting', 'siteVisit', 'progress'].map((k) => ({
                    value: k,
                    label: t(`supervisionKind.${k}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="note" rules={[{ required: true }]}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </Action>
          )}
          {can.withdraw && (
            <Button
              danger
              block
              onClick={() => post(withdrawSuggestion)({}).catch((e) => message.error(problemMessage(e)))}
              data-testid="withdraw"
            >
              {t('detail.withdraw')}
            </Button>
          )}
        </Col>
      </Row>
    </div>
  );
}
