// One opinion at work: triage (claim, decide, route, hide) for staff and deputies; progress notes, the final
// answer and the hand-back for the handling unit. What shows comes from the resource's abilities.
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Image,
  Input,
  List,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, problemMessage } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import {
  addOpinionNote,
  claimOpinion,
  closeOpinion,
  decideOpinion,
  fileUrl,
  getOpinionRouteProposal,
  handBackOpinion,
  hideOpinion,
  paths,
  replyOpinion,
  unhideOpinion,
  verifyOpinion,
  type Opinion,
} from './api';
import { ProvisionalMark } from '../../shell/deadline';
import { DueTag, OpinionTimeline, StatusTag, fmt, useCategoryName, useStreets } from './shared';

type Dialog = null | 'decide' | 'note' | 'reply' | 'handBack' | 'hide' | 'unhide' | 'close' | 'verify';

export default function OpinionPage() {
  const { id } = useParams();
  const { t } = useTranslation('opinions');
  const { message } = App.useApp();
  const res = useResource<Opinion>(paths.getOpinion(id));
  const o = res.data;
  const streets = useStreets();
  const categoryName = useCategoryName();
  const similar = useResource<{
    items: { id: string; trackingCode: string; content: string; status: string }[];
  }>(o?.abilities.claim ? paths.findSimilarOpinions(id) : null);
  const units = useResource<{ items: { id: string; name: string }[] }>(
    o?.abilities.decide ? paths.findHandlingUnits() : null,
  );
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const decision = Form.useWatch('decision', form);
  const [busy, setBusy] = useState(false);

  const act = async (call: (id: string) => Promise<Opinion>) => {
    setBusy(true);
    try {
      const r = await call(id!);
      res.setData(r);
      setDialog(null);
      form.resetFields();
      message.success(t('item.done'));
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const openDecide = async () => {
    form.resetFields();
    setDialog('decide');
    try {
      const p = await getOpinionRouteProposal(id!);
      form.setFieldsValue({ decision: 'forward', ...(p.proposal ?? {}) });
    } catch {
      form.setFieldsValue({ decision: 'forward' });
    }
  };

  const submitDialog = async () => {
    // A field left empty: the form shows its message; nothing is sent.
    const v = (await form.validateFields().catch(() => null)) as Record<string, unknown> | null;
    if (!v) return;
    switch (dialog) {
      case 'decide': {
        const d = v.decision as string;
        const body =
          d === 'forward'
            ? { decision: d, leadUnitId: v.leadUnitId, assistingUnitIds: v.assistingUnitIds ?? [] }
            : d === 'answerOnSpot'
              ? { decision: d, answer: v.answer }
              : d === 'raiseAsSuggestion'
                ? { decision: d, deputyId: v.deputyId ?? o?.deputyId, title: v.title }
                : d === 'merge'
                  ? { decision: d, intoOpinionId: v.intoOpinionId }
                  : { decision: d, reason: v.reason };
        return act((x) => decideOpinion(x, body));
      }
      case 'note':
        return act((x) => addOpinionNote(x, { note: v.note, isPublic: v.isPublic ?? true }));
      case 'reply':
        return act((x) => replyOpinion(x, { outcome: v.outcome, content: v.content }));
      case 'handBack':
        return act((x) => handBackOpinion(x, { reason: v.reason }));
      case 'hide':
        return act((x) => hideOpinion(x, { reason: v.reason }));
      case 'unhide':
        return act((x) => unhideOpinion(x, { reason: v.reason }));
      case 'close':
        return act((x) => closeOpinion(x, { reason: v.reason }));
      case 'verify':
        return act((x) => verifyOpinion(x, { note: v.note || undefined }));
    }
  };

  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  const a = o?.abilities ?? {};
  const status = o?.status;

  return (
    <div style={{ maxWidth: 980, margin: '0 auto' }}>
      <PageHeader
        title={
          <Space wrap>
            {t('item.title')} {o?.trackingCode}
            {o && <StatusTag status={o.status} />}
            <DueTag due={o?.due} />
          </Space>
        }
        extra={
          o && (
            <>
              {a.claim && status === 'submitted' && (
                <Button type="primary" loading={busy} onClick={() => void act(claimOpinion)}>
                  {t('item.claim')}
                </Button>
              )}
              {a.decide && (status === 'claimed' || status === 'returnedToStaff') && (
                <Button type="primary" onClick={() => void openDecide()}>
                  {t('item.decide')}
                </Button>
              )}
              {a.addNote && status === 'forwarded' && (
                <Button onClick={() => setDialog('note')}>{t('item.note')}</Button>
              )}
              {a.reply && status === 'forwarded' && (
                <Button type="primary" onClick={() => setDialog('reply')}>
                  {t('item.reply')}
                </Button>
              )}
              {a.handBack && status === 'forwarded' && (
                <Button danger onClick={() => setDialog('handBack')}>
                  {t('item.handBack')}
                </Button>
              )}
              {a.verify && status === 'replied' && o.replyOutcome === 'resolved' && (
                <Button onClick={() => setDialog('verify')}>{t('item.verify')}</Button>
              )}
              {a.close && (status === 'replied' || status === 'answeredOnSpot') && (
                <Button onClick={() => setDialog('close')}>{t('item.close')}</Button>
              )}
              {a.hide && (
                <Button danger={!o.hidden} onClick={() => setDialog(o.hidden ? 'unhide' : 'hide')}>
                  {o.hidden ? t('item.unhide') : t('item.hide')}
                </Button>
              )}
            </>
          )
        }
      />
      <ErrorAlert error={res.error} onRetry={res.reload} />
      {o && (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={14}>
            <Card size="small">
              {o.hidden && <Tag color="red">{t('item.hidden', { reason: o.hiddenReason })}</Tag>}
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }}>
                {o.content}
              </Typography.Paragraph>
              <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                <Descriptions.Item label={t('form.category')}>{categoryName(o.category)}</Descriptions.Item>
                <Descriptions.Item label={t('form.street')}>
                  {streets.find((s) => s.id === o.streetId)?.name}
                </Descriptions.Item>
                {o.location && <Descriptions.Item label={t('form.location')}>{o.location}</Descriptions.Item>}
                <Descriptions.Item label={t('item.channel')}>{t(`channel.${o.channel}`)}</Descriptions.Item>
                <Descriptions.Item label={t('item.createdAt')}>{fmt(o.createdAt)}</Descriptions.Item>
                {o.name && <Descriptions.Item label={t('item.name')}>{o.name}</Descriptions.Item>}
                <Descriptions.Item label={t('item.phone')}>{o.phone}</Descriptions.Item>
                {o.deadlineAt && (
                  <Descriptions.Item label={t('item.deadline')}>
                    {fmt(o.deadlineAt)}
                    <ProvisionalMark date={o.deadlineAt} />
                  </Descriptions.Item>
                )}
                {o.assignments.length > 0 && (
                  <Descriptions.Item label={t('item.units')}>
                    {/* The lead unit first; long unit names wrap on a phone instead of widening the page. */}
                    <Space wrap size={[4, 4]}>
                      {[...o.assignments]
                        .sort((a, b) => Number(b.role === 'lead') - Number(a.role === 'lead'))
                        .map((x) => (
                          <Tag
                            key={x.unitId + x.role}
                            color={x.active ? 'blue' : 'default'}
                            style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}
                          >
                            {t(`queue.${x.role}`)}：{x.unitName}
                          </Tag>
                        ))}
                    </Space>
                  </Descriptions.Item>
                )}
              </Descriptions>
              {o.photos.length > 0 && (
                <Image.PreviewGroup>
                  <Space wrap>
                    {o.photos.map((p) => (
                      <Image key={p} width={96} src={fileUrl(p)} />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              )}
            </Card>
            {(similar.data?.items.length ?? 0) > 0 && (
              <Card size="small" title={t('item.similar')} style={{ marginTop: 16 }}>
                <List
                  size="small"
                  dataSource={similar.data!.items}
                  renderItem={(s) => (
                    <List.Item>
                      <Space wrap>
                        <a href={`/opinions/item/${s.id}`}>{s.trackingCode}</a>
                        <StatusTag status={s.status} />
                        <span>{s.content.slice(0, 50)}</span>
                      </Space>
                    </List.Item>
                  )}
                />
              </Card>
            )}
          </Col>
          <Col xs={24} md={10}>
            <Card size="small" title={t('item.timeline')}>
              <OpinionTimeline events={o.timeline} />
            </Card>
          </Col>
        </Row>
      )}
      <Modal
        open={dialog !== null}
        title={dialog ? t(`item.${dialog === 'decide' ? 'decide' : dialog}`) : ''}
        onCancel={() => setDialog(null)}
        onOk={() => void submitDialog()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {dialog === 'decide' && (
            <>
              <Form.Item name="decision" label={t('item.decision')} rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  options={[
                    'forward',
                    'answerOnSpot',
                    'raiseAsSuggestion',
                    'merge',
                    'declareInadmissible',
                  ].map((d) => ({ value: d, label: t(`item.${d}`) }))}
                />
              </Form.Item>
              {decision === 'forward' && (
                <>
                  <Form.Item
                    name="leadUnitId"
                    label={t('item.leadUnit')}
                    extra={t('item.proposal')}
                    rules={[{ required: true }]}
                  >
                    <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
                  </Form.Item>
                  <Form.Item name="assistingUnitIds" label={t('item.assistingUnits')}>
                    <Select
                      mode="multiple"
                      showSearch={{ optionFilterProp: 'label' }}
                      options={unitOptions}
                    />
                  </Form.Item>
                </>
              )}
              {decision === 'answerOnSpot' && (
                <Form.Item name="answer" label={t('item.answer')} rules={[{ required: true }]}>
                  <Input.TextArea rows={4} />
                </Form.Item>
              )}
              {decision === 'raiseAsSuggestion' && (
                <>
                  <Form.Item
                    name="deputyId"
                    label={t('item.deputy')}
                    initialValue={o?.deputyId ?? undefined}
                    rules={[{ required: true }]}
                  >
                    <Input placeholder="deputy id" />
                  </Form.Item>
                  <Form.Item
                    name="title"
                    label={t('item.suggestionTitle')}
                    rules={[{ required: true, max: 200 }]}
                  >
                    <Input />
                  </Form.Item>
                </>
              )}
              {decision === 'merge' && (
                <Form.Item name="intoOpinionId" label={t('item.intoOpinion')} rules={[{ required: true }]}>
                  <Select
                    options={(similar.data?.items ?? []).map((s) => ({
                      value: s.id,
                      label: `${s.trackingCode} ${s.content.slice(0, 30)}`,
                    }))}
                  />
                </Form.Item>
              )}
              {decision === 'declareInadmissible' && (
                <Form.Item name="reason" label={t('item.reason')} rules={[{ required: true }]}>
                  <Input.TextArea rows={3} />
                </Form.Item>
              )}
            </>
          )}
          {dialog === 'note' && (
            <>
              <Form.Item name="note" label={t('item.noteText')} rules={[{ required: true }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item
                name="isPublic"
                label={t('item.notePublic')}
                valuePropName="checked"
                initialValue={true}
              >
                <Switch />
              </Form.Item>
            </>
          )}
          {dialog === 'reply' && (
            <>
              <Form.Item name="outcome" label={t('item.outcome')} rules={[{ required: true }]}>
                <Radio.Group
                  options={['resolved', 'partlyResolved', 'explained', 'notInRemit'].map((x) => ({
                    value: x,
                    label: t(`outcome.${x}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="content" label={t('item.replyText')} rules={[{ required: true }]}>
                <Input.TextArea rows={5} />
              </Form.Item>
            </>
          )}
          {dialog === 'verify' && (
            <Form.Item name="note" label={t('item.noteText')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
          {(dialog === 'handBack' || dialog === 'hide' || dialog === 'unhide' || dialog === 'close') && (
            <Form.Item name="reason" label={t('item.reason')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </div>
  );
}
