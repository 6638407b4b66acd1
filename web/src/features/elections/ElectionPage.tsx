// One election: the statutory timetable counted back from election day with what is due and late, the summary
// sentence built from the returns, the voter register's import, and each electoral district with its seats,
// population per deputy, candidates (added, then confirmed within the ratio), the return entered by two
// tellers, and the result computed by the server (valid, elected, runoff, tie).
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  List,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { localized, problemMessage } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { FormModal } from '../../shell/FormModal';
import { formatDate, shanghaiToday } from '../../shell/datetime';
import {
  addElectionCandidate,
  addElectionDistrict,
  confirmElectionCandidates,
  issueElectionVoterCards,
  paths,
  publishElectionNominees,
  publishElectionVoterList,
} from './api';
import { ReturnForm } from './ReturnForm';
import { ConsultationModal, PrimaryModal } from './NomineeReduction';
import { VoterImport } from './VoterImport';
import type { District, ElectionDetail, MilestoneState, Nominee } from './types';

const STATE_COLOR: Record<MilestoneState, string> = {
  done: 'green',
  doneLate: 'orange',
  late: 'red',
  due: 'gold',
  upcoming: 'blue',
  passed: 'default',
};

interface NewDistrict {
  name: string;
  seats: number;
  kind: 'residence' | 'workUnit';
  population?: number;
}

interface NominationValues {
  name: string;
  nominatedBy: 'party' | 'organisation' | 'voters' | 'none';
  nominator?: string;
  nominatorIds?: string;
  profile?: string;
}

/** The nomination as the API takes it: the joint nominators' ID numbers one a line. */
const nominationBody = (v: NominationValues) => ({
  name: v.name,
  ...(v.nominatedBy === 'none' ? {} : { nominatedBy: v.nominatedBy }),
  ...(v.nominatedBy === 'party' || v.nominatedBy === 'organisation' ? { nominator: v.nominator } : {}),
  ...(v.nominatedBy === 'voters'
    ? {
        nominatorIdNumbers: (v.nominatorIds ?? '')
          .split(/[\s,，;；]+/)
          .map((x) => x.trim())
          .filter(Boolean),
      }
    : {}),
  ...(v.profile?.trim() ? { profile: v.profile.trim() } : {}),
});

export default function ElectionPage() {
  const { id } = useParams();
  const { t } = useTranslation('elections');
  const { message } = App.useApp();
  const { data: e, error, reload } = useResource<ElectionDetail>(paths.getElection(id));
  const [addingDistrict, setAddingDistrict] = useState(false);
  const [districtForm] = Form.useForm<NewDistrict>();
  const [candidateFor, setCandidateFor] = useState<District | null>(null);
  const [candidateForm] = Form.useForm<NominationValues>();
  const nominatedBy = Form.useWatch('nominatedBy', candidateForm);
  const [entering, setEntering] = useState<{
    district: District;
    round: 'first' | 'runoff' | 'revote';
  } | null>(null);
  const [publishing, setPublishing] = useState<District | null>(null);
  const [consulting, setConsulting] = useState<District | null>(null);
  const [primaryFor, setPrimaryFor] = useState<District | null>(null);
  const [publishForm] = Form.useForm<{ publishedOn: string }>();

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!e) return null;

  const confirm = async (d: District) => {
    try {
      await confirmElectionCandidates(e.id, d.id);
      reload();
    } catch (err) {
      void message.error(problemMessage(err));
    }
  };

  const publishNominees = async (d: District) => {
    try {
      await publishElectionNominees(e.id, d.id, { publishedOn: shanghaiToday() });
      reload();
    } catch (err) {
      void message.error(problemMessage(err));
    }
  };

  const issueCards = async (d: District) => {
    try {
      const r = await issueElectionVoterCards(e.id, d.id, { issuedOn: shanghaiToday() });
      void message.success(t('election.cardsIssued', { count: r.issued }));
    } catch (err) {
      void message.error(problemMessage(err));
    }
  };

  return (
    <div style={{ maxWidth: 1200, margin: '0 auto' }}>
      <PageHeader
        title={e.title}
        sub={
          <Typography.Text type="secondary">
            {t('list.electionDay')} {formatDate(e.electionDay)}
          </Typography.Text>
        }
        extra={
          e.abilities.addDistrict ? (
            <Button
              icon={<PlusOutlined />}
              onClick={() => setAddingDistrict(true)}
              data-testid="add-district"
            >
              {t('election.addDistrict')}
            </Button>
          ) : null
        }
      />

      <Space wrap style={{ marginBottom: 12 }} data-testid="election-links">
        {e.abilities.readVoters && <Link to={`/elections/${e.id}/register`}>{t('register.title')}</Link>}
        {e.abilities.readVoters && <Link to={`/elections/${e.id}/complaints`}>{t('complaints.title')}</Link>}
        <Link to={`/elections/${e.id}/turnout`}>{t('turnout.title')}</Link>
      </Space>

      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[16, 16]}>
          <Col xs={8}>
            <Statistic title={t('election.districts')} value={e.districts.length} />
          </Col>
          <Col xs={8}>
            <Statistic title={t('election.seats')} value={e.seats} />
          </Col>
          <Col xs={8}>
            <Statistic title={t('election.voters')} value={e.voters} />
          </Col>
        </Row>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('milestone.title')} style={{ marginBottom: 16 }}>
            <List
              size="small"
              dataSource={e.milestones}
              data-testid="timetable"
              renderItem={(m) => (
                <List.Item>
                  <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                    <span>{t(`milestone.${m.milestone}`)}</span>
                    <Space>
                      <span>{formatDate(m.date)}</span>
                      <Tag color={STATE_COLOR[m.state]}>{t(`state.${m.state}`)}</Tag>
                    </Space>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('election.summary')} style={{ marginBottom: 16 }}>
            {e.summary.districtsEntered > 0 ? (
              <Space orientation="vertical">
                <Typography.Paragraph strong data-testid="summary-sentence" style={{ marginBottom: 0 }}>
                  {localized(e.summary.sentence)}
                </Typography.Paragraph>
                <Typography.Text type="secondary">
                  {t('election.turnout', { n: e.summary.turnout.toFixed(2) })}
                </Typography.Text>
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('election.noSummary')}</Typography.Text>
            )}
          </Card>
          <VoterImport
            electionId={e.id}
            voters={e.voters}
            canImport={!!e.abilities.importVoters}
            onDone={reload}
          />
        </Col>
      </Row>

      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('election.districts')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {e.districts.map((d) => (
          <Col xs={24} md={12} key={d.id}>
            <DistrictCard
              electionId={e.id}
              canReadVoters={!!e.abilities.readVoters}
              onPublish={() => setPublishing(d)}
              onIssueCards={() => void issueCards(d)}
              district={d}
              onAddCandidate={() => setCandidateFor(d)}
              onConfirm={() => void confirm(d)}
              onPublishNominees={() => void publishNominees(d)}
              onConsult={() => setConsulting(d)}
              onPrimary={() => setPrimaryFor(d)}
              onEnter={(round) => setEntering({ district: d, round })}
            />
          </Col>
        ))}
      </Row>

      <FormModal<NewDistrict, { id: string }>
        form={districtForm}
        open={addingDistrict}
        title={t('election.addDistrict')}
        values={null}
        initialValues={{ seats: 1, kind: 'residence' }}
        save={(v, key) => addElectionDistrict(e.id, v, key)}
        onSaved={() => {
          setAddingDistrict(false);
          reload();
        }}
        onClose={() => setAddingDistrict(false)}
      >
        <Form.Item
          name="name"
          label={t('election.districtName')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Input maxLength={100} data-testid="district-name" />
        </Form.Item>
        <Form.Item
          name="seats"
          label={t('election.districtSeats')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <InputNumber min={1} max={3} precision={0} data-testid="district-seats" />
        </Form.Item>
        <Form.Item name="kind" label={t('election.districtKind')}>
          <Select
            options={[
              { value: 'residence', label: t('election.residence') },
              { value: 'workUnit', label: t('election.workUnit') },
            ]}
          />
        </Form.Item>
        <Form.Item name="population" label={t('election.population')}>
          <InputNumber min={0} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </FormModal>

      <FormModal<NominationValues, { id: string }>
        form={candidateForm}
        open={!!candidateFor}
        title={t('election.addCandidate')}
        values={null}
        initialValues={{ nominatedBy: 'party' }}
        save={(v, key) => addElectionCandidate(e.id, candidateFor!.id, nominationBody(v), key)}
        onSaved={() => {
          setCandidateFor(null);
          reload();
        }}
        onClose={() => setCandidateFor(null)}
      >
        <Form.Item
          name="name"
          label={t('election.candidateName')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Input maxLength={60} data-testid="candidate-name" />
        </Form.Item>
        <Form.Item name="nominatedBy" label={t('nomination.nominatedBy')}>
          <Select
            data-testid="nominated-by"
            options={(['party', 'organisation', 'voters', 'none'] as const).map((k) => ({
              value: k,
              label: t(`nomination.${k}`),
            }))}
          />
        </Form.Item>
        {(nominatedBy === 'party' || nominatedBy === 'organisation') && (
          <Form.Item
            name="nominator"
            label={t('nomination.nominator')}
            rules={[{ required: true, whitespace: true, message: t('create.required') }]}
          >
            <Input maxLength={100} data-testid="nominator" />
          </Form.Item>
        )}
        {nominatedBy === 'voters' && (
          <Form.Item
            name="nominatorIds"
            label={t('nomination.nominatorIds')}
            rules={[{ required: true, message: t('create.required') }]}
          >
            <Input.TextArea rows={6} data-testid="nominator-ids" />
          </Form.Item>
        )}
        <Form.Item name="profile" label={t('nomination.profile')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </FormModal>

      <ConsultationModal
        electionId={e.id}
        district={consulting}
        onClose={() => setConsulting(null)}
        onSaved={() => {
          setConsulting(null);
          reload();
        }}
      />
      <PrimaryModal
        electionId={e.id}
        district={primaryFor}
        onClose={() => setPrimaryFor(null)}
        onSaved={() => {
          setPrimaryFor(null);
          reload();
        }}
      />

      <FormModal<{ publishedOn: string }, unknown>
        form={publishForm}
        open={!!publishing}
        title={t('election.publishTitle', { name: publishing?.name ?? '' })}
        values={null}
        initialValues={{ publishedOn: shanghaiToday() }}
        save={(v) => publishElectionVoterList(e.id, publishing!.id, v)}
        onSaved={() => {
          setPublishing(null);
          reload();
        }}
        onClose={() => setPublishing(null)}
      >
        <Form.Item
          name="publishedOn"
          label={t('election.publishedOn')}
          extra={t('election.publishHint', { date: formatDate(e.voterListDue) })}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Input type="date" data-testid="published-on" />
        </Form.Item>
      </FormModal>

      {entering && (
        <ReturnForm
          electionId={e.id}
          district={entering.district}
          round={entering.round}
          onClose={() => setEntering(null)}
          onSaved={() => {
            setEntering(null);
            reload();
          }}
        />
      )}
    </div>
  );
}

function DistrictCard({
  electionId,
  canReadVoters,
  district: d,
  onAddCandidate,
  onConfirm,
  onEnter,
  onPublish,
  onIssueCards,
  onPublishNominees,
  onConsult,
  onPrimary,
}: {
  electionId: string;
  canReadVoters: boolean;
  district: District;
  onAddCandidate: () => void;
  onConfirm: () => void;
  onEnter: (round: 'first' | 'runoff' | 'revote') => void;
  onPublish: () => void;
  onIssueCards: () => void;
  onPublishNominees: () => void;
  onConsult: () => void;
  onPrimary: () => void;
}) {
  const { t } = useTranslation('elections');
  const r = d.result;
  const name = (id: string) => d.candidates.find((c) => c.id === id)?.name ?? id;
  const can = d.abilities;
  const nominatedByText = (c: Nominee) =>
    c.nominatedBy === 'voters'
      ? ` · ${t('nomination.byVoters', { n: c.nominators ?? 10 })}`
      : c.nominator
        ? ` · ${c.nominator}`
        : '';
  return (
    <Card
      size="small"
      title={<span style={{ whiteSpace: 'normal' }}>{d.name}</span>}
      extra={
        <Tag color="blue">
          {t('election.seats')} {d.seats}
        </Tag>
      }
      data-testid="district"
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        <Space wrap size={[8, 4]}>
          <Tag>{t(`election.${d.kind}`)}</Tag>
          {d.perDeputy !== null && (
            <Typography.Text type="secondary">
              {t('election.perDeputy')} {d.perDeputy.toLocaleString()}
            </Typography.Text>
          )}
          {d.outlier && <Tag color="orange">{t('election.outlier')}</Tag>}
          <Typography.Text type="secondary">
            {t('election.voters')} {d.voters}
          </Typography.Text>
        </Space>

        <Space wrap size={[8, 4]} data-testid="voter-list">
          {d.voterListPublishedOn ? (
            <Tag color="green">
              {t('election.listPublished', { date: formatDate(d.voterListPublishedOn) })}
            </Tag>
          ) : (
            can.publishVoterList &&
            d.voters > 0 && (
              <Button size="small" onClick={onPublish} data-testid="publish-list">
                {t('election.publishList')}
              </Button>
            )
          )}
          {canReadVoters && d.voters > 0 && (
            <Link to={`/elections/${electionId}/districts/${d.id}/voter-list`}>
              {t('election.printList')}
            </Link>
          )}
          {can.issueVoterCards && d.voters > 0 && (
            <Button size="small" onClick={onIssueCards} data-testid="issue-cards">
              {t('election.issueCards')}
            </Button>
          )}
        </Space>

        <div>
          <Typography.Text strong>{t('election.candidates')}</Typography.Text>{' '}
          <Typography.Text type="secondary">
            {d.candidateRange.min === d.candidateRange.max
              ? t('election.rangeExact', { n: d.candidateRange.min })
              : t('election.range', d.candidateRange)}
          </Typography.Text>
          <div style={{ marginTop: 4 }} data-testid="candidates">
            {d.candidates.length === 0 ? (
              <Typography.Text type="secondary">{t('election.noCandidates')}</Typography.Text>
            ) : (
              <Space wrap size={[4, 4]}>
                {d.candidates.map((c) => (
                  <Tag
                    key={c.id}
                    color={r?.deputies.includes(c.id) ? 'green' : undefined}
                    title={c.profile ?? undefined}
                  >
                    {c.name}
                    {nominatedByText(c)}
                    {c.primaryVotes != null
                      ? ` · ${t('nomination.primaryVotes', { n: c.primaryVotes })}`
                      : ''}
                    {r?.deputies.includes(c.id) ? ` · ${t('election.elected')}` : ''}
                  </Tag>
                ))}
              </Space>
            )}
          </div>
          {!!d.leftOff?.length && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="left-off">
              {t('nomination.leftOff')}
              {d.leftOff
                .map(
                  (c) =>
                    `${c.name}（${t(`nomination.${c.dropped}`)}${
                      c.primaryVotes != null ? ` ${c.primaryVotes}` : ''
                    }）`,
                )
                .join(t('election.sep'))}
            </Typography.Text>
          )}
        </div>

        <Space wrap>
          {d.nomineesPublishedOn && (
            <Tag color="blue">{t('nomination.published', { date: formatDate(d.nomineesPublishedOn) })}</Tag>
          )}
          {!d.candidatesConfirmedOn && d.nomineeStage === 'tooMany' && (
            <Tag color="orange">{t('nomination.tooMany')}</Tag>
          )}
          {!d.candidatesConfirmedOn && d.nomineesPublishedOn && d.nomineeStage === 'tooMany' && (
            <>
              {can.dropNominee && (
                <Button size="small" onClick={onConsult} data-testid="consult">
                  {t('nomination.consult')}
                </Button>
              )}
              {can.holdPrimary && (
                <Button size="small" onClick={onPrimary} data-testid="enter-primary">
                  {t('nomination.enterPrimary')}
                </Button>
              )}
            </>
          )}
          {d.candidatesConfirmedOn ? (
            <Tag color="green">{t('election.confirmed', { date: formatDate(d.candidatesConfirmedOn) })}</Tag>
          ) : (
            <>
              {can.publishNominees && !d.nomineesPublishedOn && d.nomineeStage !== 'tooFew' && (
                <Button size="small" onClick={onPublishNominees} data-testid="publish-nominees">
                  {t('nomination.publish')}
                </Button>
              )}
              {can.addCandidate && !d.nomineesPublishedOn && (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={onAddCandidate}
                  data-testid="add-candidate"
                >
                  {t('election.addCandidate')}
                </Button>
              )}
              {can.confirmCandidates && (
                <Button size="small" onClick={onConfirm} data-testid="confirm-candidates">
                  {t('election.confirm')}
                </Button>
              )}
            </>
          )}
        </Space>

        <div data-testid="result">
          <Typography.Text strong>{t('election.result')}</Typography.Text>{' '}
          {!r ? (
            <Typography.Text type="secondary">{t('election.noResult')}</Typography.Text>
          ) : (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap>
                <Tag color={r.valid ? 'green' : 'red'}>
                  {r.valid ? t('election.valid') : t('election.invalid')}
                </Tag>
                <span>{t('election.turnout', { n: r.turnout.toFixed(2) })}</span>
              </Space>
              {r.reason && <Typography.Text type="danger">{t(`reason.${r.reason}`)}</Typography.Text>}
              {r.elected.length > 0 && (
                <span>
                  {t('election.electedList', { names: r.elected.map(name).join(t('election.sep')) })}
                </span>
              )}
              {r.tied.length > 0 && (
                <Typography.Text type="warning">
                  {t('election.tiedList', { names: r.tied.map(name).join(t('election.sep')) })}
                </Typography.Text>
              )}
              {r.revote && (
                <Space orientation="vertical" size={2}>
                  <Tag color="gold">{t('election.revoteSeats', { n: r.revote.seats })}</Tag>
                  {r.revote.entered && r.revote.elected.length > 0 && (
                    <span>
                      {t('election.electedList', {
                        names: r.revote.elected.map(name).join(t('election.sep')),
                      })}
                    </span>
                  )}
                  {r.revote.entered && r.revote.tied.length > 0 && (
                    <Typography.Text type="warning">
                      {t('election.tiedList', { names: r.revote.tied.map(name).join(t('election.sep')) })}
                    </Typography.Text>
                  )}
                </Space>
              )}
              {r.runoff && (
                <Space orientation="vertical" size={2}>
                  <Tag color="gold">{t('election.runoffSeats', { n: r.runoffSeats })}</Tag>
                  <span>
                    {t('election.runoffList', {
                      names: r.runoff.candidates.map(name).join(t('election.sep')),
                    })}
                  </span>
                  {r.runoff.entered && r.runoff.elected.length > 0 && (
                    <span>
                      {t('election.electedList', {
                        names: r.runoff.elected.map(name).join(t('election.sep')),
                      })}
                    </span>
                  )}
                  {r.runoff.entered && !!r.runoff.vacancies && (
                    <Tag color="red">{t('election.vacancies', { n: r.runoff.vacancies })}</Tag>
                  )}
                </Space>
              )}
            </Space>
          )}
        </div>

        {can.enterReturn && d.candidatesConfirmedOn && !r && (
          <Button type="primary" size="small" onClick={() => onEnter('first')} data-testid="enter-return">
            {t('election.enterReturn')}
          </Button>
        )}
        {can.enterReturn && r?.revote && !r.revote.entered && (
          <Button type="primary" size="small" onClick={() => onEnter('revote')} data-testid="enter-revote">
            {t('election.enterRevote')}
          </Button>
        )}
        {can.enterReturn && r?.runoff && !r.runoff.entered && (
          <Button type="primary" size="small" onClick={() => onEnter('runoff')} data-testid="enter-runoff">
            {t('election.enterRunoff')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
