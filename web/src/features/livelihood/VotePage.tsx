// One vote: the deputy's phone ballot (sign in, choose up to N, blank allowed, confirm, receipt) and, for
// staff, the console (roll call, quorum, live turnout, the tellers' statement of the paper ballots entered by
// two tellers, close, results, the runoff and the second vote for a shortfall).
import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Collapse,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Result,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError, applyFieldErrors, problemMessage } from '../../api';
import { ErrorAlert, PageHeader, usePagedList, useResource } from '../../shell/components';
import {
  appointProjectVoteTellers,
  callProjectVoteRoll,
  castBallot,
  closeProjectVote,
  createProjectVoteRunoff,
  createShortfallVote,
  discardPaperCount,
  openProjectVote,
  paths,
  recordPaperCount,
  signInProjectVote,
  projectVoteTellerEndpoints,
} from './api';
import { yuan, type PaperStatement, type VoteDetail } from './types';
import { CloseVoteDialog } from './CloseVoteDialog';
import { TellerPanel } from '../../shell/TellerPanel';

export default function VotePage() {
  const { id } = useParams();
  const { t } = useTranslation('livelihood');
  const { data: vote, error, reload } = useResource<VoteDetail>(paths.getProjectVote(id));
  // Turnout is live while the vote runs.
  useEffect(() => {
    if (!vote || vote.status === 'closed' || vote.status === 'draft') return;
    // While counting, the page follows the tellers' decryptions.
    const timer = setInterval(reload, 5000);
    return () => clearInterval(timer);
  }, [vote?.status]);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!vote) return null;
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <PageHeader title={vote.title} sub={<Tag>{t(`status.${vote.status}`)}</Tag>} />
      {vote.abilities.close || vote.abilities.callRoll ? <Console vote={vote} reload={reload} /> : null}
      {vote.me.tellerIndex != null && (
        <TellerPanel vote={vote} endpoints={projectVoteTellerEndpoints(vote.id)} reload={reload} />
      )}
      {vote.me.onRoll && <Ballot vote={vote} reload={reload} />}
      {vote.status === 'closed' && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Link to={`/livelihood/votes/${vote.id}/results`}>
            <Button type="primary" block size="large">
              {t('console.results')}
            </Button>
          </Link>
          <Link to={`/livelihood/votes/${vote.id}/bulletin`}>
            <Button block>{t('bulletin.title')}</Button>
          </Link>
        </Space>
      )}
    </div>
  );
}

function Ballot({ vote, reload }: { vote: VoteDetail; reload: () => void }) {
  const { t } = useTranslation('livelihood');
  const { message } = App.useApp();
  const [choices, setChoices] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [reading, setReading] = useState<VoteDetail['candidates'][number] | null>(null);
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<string | null>(null);
  const [encrypting, setEncrypting] = useState(false);
  // While the deputy reads and chooses, the page builds what the encryption needs (the curve's and the vote
  // key's tables), so that "confirm" costs the ballot's own work only (docs/PERFORMANCE.md).
  const { curve, publicKey } = vote.encryption ?? {};
  const canCast = vote.me.signedIn && !vote.me.hasVoted;
  useEffect(() => {
    if (!curve || !publicKey || !canCast) return;
    let live = true;
    void import('@minyi/domain/ballots/crypto').then((m) => {
      if (!live) return;
      const start = performance.now();
      m.prepareBallot({
        voteId: vote.id,
        curve,
        publicKey,
        candidates: vote.candidates.length,
        maxChoices: vote.maxChoices,
      });
      performance.measure('minyi-ballot-prepare', { start });
    });
    return () => {
      live = false;
    };
  }, [curve, publicKey, canCast, vote.id, vote.candidates.length, vote.maxChoices]);

  if (receipt) {
    return (
      <Result
        status="success"
        title={t('votes.receiptTitle')}
        subTitle={t('votes.receiptText')}
        extra={
          <Space direction="vertical">
            <Typography.Paragraph
              copyable={{ text: receipt }}
              data-testid="receipt-code"
              style={{ fontFamily: 'monospace', fontSize: 15, wordBreak: 'break-all', maxWidth: 360 }}
            >
              {receipt}
            </Typography.Paragraph>
            <Link
              to={`/livelihood/votes/${vote.id}/bulletin?receipt=${receipt}`}
              data-testid="find-in-bulletin"
            >
              {t('votes.findInBulletin')}
            </Link>
          </Space>
        }
      />
    );
  }
  if (vote.me.hasVoted)
    return (
      <Alert
        type="success"
        showIcon
        title={t('votes.alreadyVoted')}
        action={<Link to={`/livelihood/votes/${vote.id}/bulletin`}>{t('votes.checkReceipt')}</Link>}
      />
    );
  if (vote.status !== 'open' && vote.status !== 'signingIn') return null;

  const signIn = async () => {
    setBusy(true);
    try {
      await signInProjectVote(vote.id);
      reload();
    } catch (err) {
      message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const cast = async () => {
    if (!vote.encryption) return;
    setBusy(true);
    setEncrypting(true);
    try {
      // The ballot is encrypted here, on the deputy's device: the server receives only ciphertexts and proofs.
      // The crypto module is loaded on demand and yields to the page first, so "encrypting…" shows at once.
      const loading = performance.now();
      const { encryptBallot } = await import('@minyi/domain/ballots/crypto');
      performance.measure('minyi-ballot-crypto-load', { start: loading });
      await new Promise((r) => setTimeout(r, 30));
      const positions = vote.candidates.flatMap((c, i) => (choices.includes(c.id) ? [i] : []));
      // The encryption's own time, for the performance journey (docs/PERFORMANCE.md): a User Timing entry.
      const encrypting = performance.now();
      const ballot = encryptBallot(
        {
          voteId: vote.id,
          curve: vote.encryption.curve,
          publicKey: vote.encryption.publicKey,
          candidates: vote.candidates.length,
          maxChoices: vote.maxChoices,
        },
        positions,
      );
      performance.measure('minyi-ballot-encryption', { start: encrypting });
      setEncrypting(false);
      const r = await castBallot(vote.id, ballot);
      setConfirming(false);
      setReceipt(r.receipt);
    } catch (err) {
      setEncrypting(false);
      setConfirming(false);
      message.error(problemMessage(err));
      if (err instanceof ApiError && err.status === 409) reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('votes.secret')}
      </Typography.Paragraph>
      {!vote.me.signedIn ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('votes.mustSignIn')} />
          <Button type="primary" size="large" block loading={busy} onClick={signIn}>
            {t('votes.signIn')}
          </Button>
        </Space>
      ) : (
        <>
          <Tag color="green">{t('votes.signedIn')}</Tag>
          <Typography.Paragraph strong style={{ marginTop: 8 }}>
            {t('votes.choose', { n: vote.maxChoices })}（{choices.length}/{vote.maxChoices}）
          </Typography.Paragraph>
          <Checkbox.Group value={choices} onChange={(v) => setChoices(v)} style={{ width: '100%' }}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {vote.candidates.map((c) => (
                <div key={c.id} style={{ padding: '6px 0' }} data-testid="ballot-candidate">
                  <Checkbox
                    value={c.id}
                    disabled={!choices.includes(c.id) && choices.length >= vote.maxChoices}
                    style={{ fontSize: 16 }}
                  >
                    {c.title}
                  </Checkbox>
                  {/* What the deputy needs to choose: the budget, the lead unit, and the description. */}
                  <div style={{ paddingInlineStart: 24, fontSize: 13 }}>
                    <Typography.Text type="secondary">
                      {t('votes.budget', { budget: yuan(c.budget) })}
                      {c.leadUnitName && ` · ${t('votes.leadUnit', { unit: c.leadUnitName })}`}
                    </Typography.Text>{' '}
                    <Typography.Link
                      onClick={() => setReading(c)}
                      data-testid="candidate-description"
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {t('votes.description')}
                    </Typography.Link>
                  </div>
                </div>
              ))}
            </Space>
          </Checkbox.Group>
          <Button
            type="primary"
            size="large"
            block
            disabled={vote.status !== 'open'}
            style={{ marginTop: 16 }}
            onClick={() => setConfirming(true)}
          >
            {t('votes.vote')}
          </Button>
          <Modal
            open={!!reading}
            title={reading?.title}
            footer={null}
            onCancel={() => setReading(null)}
            destroyOnHidden
          >
            {reading && (
              <>
                <Typography.Paragraph type="secondary">
                  {t('votes.budget', { budget: yuan(reading.budget) })}
                  {reading.leadUnitName && ` · ${t('votes.leadUnit', { unit: reading.leadUnitName })}`}
                </Typography.Paragraph>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                  {reading.description}
                </Typography.Paragraph>
                {reading.feasibilityNote && (
                  <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                    {t('votes.feasibility')}：{reading.feasibilityNote}
                  </Typography.Paragraph>
                )}
              </>
            )}
          </Modal>
          <Modal
            open={confirming}
            title={t('votes.confirmTitle')}
            okText={t('votes.submit')}
            confirmLoading={busy}
            onOk={cast}
            onCancel={() => setConfirming(false)}
          >
            <Typography.Paragraph>
              {choices.length ? t('votes.confirmText', { n: choices.length }) : t('votes.blank')}
            </Typography.Paragraph>
            {encrypting && (
              <Alert type="info" showIcon data-testid="encrypting" title={t('votes.encrypting')} />
            )}
            <ul>
              {vote.candidates
                .filter((c) => choices.includes(c.id))
                .map((c) => (
                  <li key={c.id}>{c.title}</li>
                ))}
            </ul>
          </Modal>
        </>
      )}
    </Card>
  );
}

function Console({ vote, reload }: { vote: VoteDetail; reload: () => void }) {
  const { t } = useTranslation('livelihood');
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const step = async (call: (voteId: string) => Promise<unknown>) => {
    try {
      await call(vote.id);
      reload();
    } catch (err) {
      message.error(problemMessage(err));
    }
  };
  /** Makes the runoff among the tied, or the second vote for the places left empty, and goes to it. */
  const makeChild = async (create: (voteId: string) => Promise<{ id: string }>) => {
    try {
      const created = await create(vote.id);
      void navigate(`/livelihood/votes/${created.id}`);
    } catch (err) {
      message.error(problemMessage(err));
    }
  };
  const [closing, setClosing] = useState(false);
  const [closeBusy, setCloseBusy] = useState(false);
  const tt = vote.turnout;
  const outcome = vote.outcome;
  const hasChild = (kind: 'runoff' | 'shortfall') => vote.children.some((c) => c.kind === kind);
  const canShortfall =
    vote.status === 'closed' &&
    vote.abilities.createShortfallVote &&
    vote.rules.shortfallVote &&
    vote.kind !== 'shortfall' &&
    !!outcome?.valid &&
    outcome.shortfall > 0 &&
    !hasChild('shortfall');
  return (
    <Card size="small" title={t('console.title')} style={{ marginBottom: 16 }}>
      <Row gutter={[12, 12]}>
        <Col xs={12} sm={6}>
          <Statistic title={t('console.rollSize')} value={tt.rollSize} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic
            title={t('console.signedIn')}
            value={tt.signedIn}
            valueStyle={{ color: tt.signedIn >= tt.quorumNeeded ? '#389e0d' : '#cf1322' }}
          />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title={t('console.quorum')} value={tt.quorumNeeded} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic
            title={t('console.ballots')}
            value={tt.electronicBallots}
            suffix={tt.paperBallots != null ? `+${tt.paperBallots}` : undefined}
          />
        </Col>
      </Row>
      <Space wrap style={{ marginTop: 16 }}>
        {vote.status === 'draft' && (
          <Button onClick={() => step(callProjectVoteRoll)}>{t('console.callRoll')}</Button>
        )}
        {vote.status === 'signingIn' && (
          <Button
            type="primary"
            disabled={tt.signedIn < tt.quorumNeeded}
            onClick={() => step(openProjectVote)}
          >
            {t('console.open')}
          </Button>
        )}
        {vote.status === 'open' && (
          <Button danger type="primary" data-testid="close-vote" onClick={() => setClosing(true)}>
            {t('console.close')}
          </Button>
        )}
        {vote.status === 'open' && vote.closeForecast && (
          <CloseVoteDialog
            forecast={vote.closeForecast}
            open={closing}
            busy={closeBusy}
            onCancel={() => setClosing(false)}
            onConfirm={() => {
              setCloseBusy(true);
              void closeProjectVote(vote.id)
                .then((r) =>
                  r.status === 'closed' ? navigate(`/livelihood/votes/${vote.id}/results`) : reload(),
                )
                .catch((err: unknown) => message.error(problemMessage(err)))
                .finally(() => {
                  setCloseBusy(false);
                  setClosing(false);
                });
            }}
          />
        )}
        {vote.status === 'closed' &&
          vote.abilities.createRunoff &&
          outcome?.runoff &&
          !hasChild('runoff') && (
            <Button onClick={() => makeChild(createProjectVoteRunoff)}>{t('console.runoff')}</Button>
          )}
        {canShortfall && (
          <Button
            type="primary"
            data-testid="shortfall-vote"
            onClick={() =>
              modal.confirm({
                title: t('console.shortfallConfirm', { n: outcome.shortfall }),
                onOk: () => makeChild(createShortfallVote),
              })
            }
          >
            {t('console.shortfallVote', { n: outcome.shortfall })}
          </Button>
        )}
      </Space>
      {vote.parentVoteId && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          <Link to={`/livelihood/votes/${vote.parentVoteId}`}>{t(`console.parent.${vote.kind}`)}</Link>
        </Typography.Paragraph>
      )}
      {vote.children.map((c) => (
        <Typography.Paragraph key={c.id} style={{ marginTop: 12, marginBottom: 0 }}>
          <Link to={`/livelihood/votes/${c.id}`}>
            {t(`console.child.${c.kind}`)} · {t(`status.${c.status}`)}
          </Link>
        </Typography.Paragraph>
      ))}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('console.rules', {
          n: vote.rules.quorumNumerator,
          d: vote.rules.quorumDenominator,
          base: t(vote.rules.thresholdBase === 'roll' ? 'results.baseRoll' : 'results.basePresent'),
        })}
        {` ${t(`console.runoffRule.${vote.rules.runoffRule}`)}`}
        {vote.advisory ? ` ${t('results.advisory')}` : ` ${t('console.binding')}`}
      </Typography.Paragraph>
      {(vote.status === 'draft' || vote.status === 'signingIn') && vote.abilities.appointTellers && (
        <TellersForm vote={vote} reload={reload} />
      )}
      {vote.status !== 'draft' && <Roll vote={vote} reload={reload} />}
      {vote.status === 'open' && vote.abilities.enterPaperCount && tt.paperBallots != null && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 16 }}
          title={t('console.paperDone', { n: tt.paperBallots })}
        />
      )}
      {vote.status === 'open' && vote.abilities.enterPaperCount && tt.paperBallots == null && (
        <PaperStatementForm vote={vote} reload={reload} />
      )}
    </Card>
  );
}

/**
 * Staff name the vote's three tellers before it opens; each then holds their part of the key ceremony from
 * their own account (TellerPanel). The vote opens once the ceremony has given it its key.
 */
function TellersForm({ vote, reload }: { vote: VoteDetail; reload: () => void }) {
  const { t } = useTranslation('livelihood');
  const { message } = App.useApp();
  const { data } = useResource<{ items: { id: string; name: string; username: string }[] }>(
    paths.findProjectVoteTellerCandidates(vote.id),
  );
  const [picked, setPicked] = useState<string[]>(vote.tellers.map((x) => x.accountId));
  const started = vote.tellers.some((x) => x.ceremonyKey);
  const save = async () => {
    try {
      await appointProjectVoteTellers(vote.id, picked);
      reload();
    } catch (err) {
      message.error(problemMessage(err));
    }
  };
  return (
    <Card size="small" type="inner" title={t('console.tellers')} style={{ marginTop: 16 }}>
      {vote.tellers.length > 0 && (
        <List
          size="small"
          dataSource={vote.tellers}
          renderItem={(x) => (
            <List.Item key={x.index}>
              <Space wrap size={4}>
                <span>
                  {x.index}. {x.name}
                </span>
                <Tag color={x.deal ? 'green' : x.ceremonyKey ? 'blue' : 'default'}>
                  {t(`teller.status.${x.deal ? 'deal' : x.ceremonyKey ? 'key' : 'pending'}`)}
                </Tag>
              </Space>
            </List.Item>
          )}
        />
      )}
      {vote.encryption === null && !started && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('console.tellersHint')}
          </Typography.Text>
          <Select
            mode="multiple"
            maxCount={3}
            aria-label={t('console.tellers')}
            style={{ width: '100%' }}
            value={picked}
            onChange={setPicked}
            options={(data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
            data-testid="tellers-select"
          />
          <Button disabled={picked.length !== 3} onClick={save} data-testid="tellers-save">
            {t('console.tellersSave')}
          </Button>
        </Space>
      )}
    </Card>
  );
}

const FIGURES = ['issued', 'returned', 'valid', 'void', 'blank'] as const;

/**
 * One teller's statement of the paper ballots. Each teller enters it on their own (the other's figures are
 * never shown); the server accepts it when two tellers agree on every figure, and names the figures that
 * differ or do not reconcile.
 */
function PaperStatementForm({ vote, reload }: { vote: VoteDetail; reload: () => void }) {
  const { t } = useTranslation('livelihood');
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<PaperStatement>();
  const [problem, setProblem] = useState<{ title: string; figures: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const values = Form.useWatch([], form) as Partial<PaperStatement> | undefined;
  const n = (k: (typeof FIGURES)[number]) => values?.[k] ?? 0;
  const sum = n('valid') + n('void') + n('blank');
  const reconciles = n('returned') <= n('issued') && sum === n('returned');
  const figureName = (f: string) =>
    f.startsWith('counts.')
      ? (vote.candidates.find((c) => c.id === f.slice(7))?.title ?? f)
      : t(`console.figure.${f}`, { defaultValue: f });

  const submit = async (v: PaperStatement) => {
    setBusy(true);
    setProblem(null);
    try {
      const counts = Object.fromEntries(Object.entries(v.counts ?? {}).map(([k, x]) => [k, x ?? 0]));
      const body = Object.fromEntries(FIGURES.map((f) => [f, v[f] ?? 0]));
      const r = await recordPaperCount(vote.id, { ...body, counts });
      message.success(r.accepted ? t('console.paperAccepted') : t('console.paperFirst'));
      form.resetFields();
      reload();
    } catch (err) {
      applyFieldErrors(form, err);
      const figures =
        err instanceof ApiError
          ? ((err.problem.errors ?? []) as { field: string }[]).map((e) => e.field)
          : [];
      setProblem({ title: problemMessage(err), figures: [...new Set(figures)] });
    } finally {
      setBusy(false);
    }
  };
  const discard = () =>
    modal.confirm({
      title: t('console.paperDiscardConfirm'),
      onOk: async () => {
        try {
          await discardPaperCount(vote.id);
          message.success(t('console.paperDiscarded'));
          form.resetFields();
          setProblem(null);
          reload();
        } catch (err) {
          message.error(problemMessage(err));
        }
      },
    });

  return (
    <Card size="small" type="inner" title={t('console.paperTitle')} style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('console.paperHint')}
      </Typography.Paragraph>
      {vote.paperEntries.count > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="paper-entries"
          title={vote.paperEntries.mine ? t('console.paperMine') : t('console.paperWaiting')}
        />
      )}
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="paper-problem"
          title={problem.title}
          description={
            problem.figures.length
              ? t('console.paperFigures', { figures: problem.figures.map(figureName).join('、') })
              : undefined
          }
        />
      )}
      {!vote.paperEntries.mine && (
        <Form form={form} layout="vertical" onFinish={submit}>
          <Row gutter={8}>
            {FIGURES.map((f) => (
              <Col xs={12} sm={8} key={f}>
                <Form.Item name={f} label={t(`console.figure.${f}`)} rules={[{ required: true }]}>
                  <InputNumber min={0} style={{ width: '100%' }} data-testid={`paper-${f}`} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph type={reconciles ? 'success' : 'warning'} style={{ fontSize: 12 }}>
            {t('console.paperCheck', {
              valid: n('valid'),
              void: n('void'),
              blank: n('blank'),
              sum,
              returned: n('returned'),
              issued: n('issued'),
            })}
          </Typography.Paragraph>
          <Typography.Text strong>{t('console.paperVotes')}</Typography.Text>
          <Row gutter={8} style={{ marginTop: 8 }}>
            {vote.candidates.map((c) => (
              <Col xs={24} sm={12} key={c.id}>
                <Form.Item name={['counts', c.id]} label={c.title}>
                  <InputNumber min={0} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Space wrap>
            <Button htmlType="submit" loading={busy} data-testid="paper-submit">
              {t('console.paperSubmit')}
            </Button>
            {vote.paperEntries.count > 0 && (
              <Button danger onClick={discard}>
                {t('console.paperDiscard')}
              </Button>
            )}
          </Space>
        </Form>
      )}
      {vote.paperEntries.mine && (
        <Button danger onClick={discard}>
          {t('console.paperDiscard')}
        </Button>
      )}
    </Card>
  );
}

interface RollMember {
  memberId: string;
  kind: 'deputy' | 'voterRepresentative';
  name: string;
  signedInAt: string | null;
}

/** The frozen roll with attendance; staff sign in a member at the desk (never shows who has voted). */
function Roll({ vote, reload }: { vote: VoteDetail; reload: () => void }) {
  const { t } = useTranslation('livelihood');
  const { message } = App.useApp();
  const list = usePagedList<RollMember>(
    paths.getProjectVoteRoll(vote.id),
    { n: vote.turnout.signedIn },
    1000,
  );
  const [q, setQ] = useState('');
  const canSignIn = vote.abilities.signInMember && (vote.status === 'signingIn' || vote.status === 'open');
  const signIn = async (memberId: string) => {
    try {
      await signInProjectVote(vote.id, memberId);
      reload();
    } catch (err) {
      message.error(problemMessage(err));
    }
  };
  const shown = list.items.filter((m) => !q || m.name.includes(q));
  return (
    <Collapse
      size="small"
      style={{ marginTop: 16 }}
      items={[
        {
          key: 'roll',
          label: t('console.roll', { present: vote.turnout.signedIn, size: vote.turnout.rollSize }),
          children: (
            <>
              <Input.Search
                allowClear
                aria-label={t('console.rollSearch')}
                placeholder={t('console.rollSearch')}
                onChange={(e) => setQ(e.target.value.trim())}
                style={{ marginBottom: 8 }}
              />
              <List
                size="small"
                loading={list.loading}
                dataSource={shown}
                pagination={{ pageSize: 20, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
                renderItem={(m) => (
                  <List.Item
                    key={m.memberId}
                    actions={
                      !m.signedInAt && canSignIn
                        ? [
                            <Button key="s" size="small" onClick={() => signIn(m.memberId)}>
                              {t('console.signInAtDesk')}
                            </Button>,
                          ]
                        : []
                    }
                  >
                    <Space wrap size={4}>
                      <span>{m.name}</span>
                      {m.kind === 'voterRepresentative' && <Tag>{t('console.voterRepresentative')}</Tag>}
                      {m.signedInAt ? (
                        <Tag color="green">{t('votes.signedIn')}</Tag>
                      ) : (
                        <Tag>{t('console.absent')}</Tag>
                      )}
                    </Space>
                  </List.Item>
                )}
              />
            </>
          ),
        },
      ]}
    />
  );
}
