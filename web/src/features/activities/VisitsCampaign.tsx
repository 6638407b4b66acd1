// An enterprise-visit campaign for staff and leaders: the dashboard computed from the visits (firms planned and
// visited, questionnaires, problems and the solved ones, per street and industry, the closed questions' charts)
// with its exports; the firms with their deputy and planned day (import .xlsx, give to a deputy); and the
// questionnaire builder (single and multiple choice, text, number, scale; required; shown on an earlier answer);
// and the problems raised in the visits with the units' replies and the firms' ratings.
import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { DeleteOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type * as echarts from 'echarts';
import { currentLang, localized, problemMessage } from '../../api';
import { ErrorAlert, useResource } from '../../shell/components';
import Chart from '../../shell/Chart';
import { FormModal } from '../../shell/FormModal';
import {
  assignCampaignFirms,
  exportCampaignReport,
  exportCampaignResponses,
  importCampaignFirms,
  paths,
  setCampaignQuestionnaire,
} from './api';
import { DeputyPicker } from './shared';
import { FirmIssues } from './FirmIssues';
import type {
  CampaignDetail,
  CampaignFirm,
  FirmImportReport,
  Question,
  QuestionKind,
  QuestionTally,
  VisitsReport,
} from './types';

export function VisitsCampaign({ id, r, reload }: { id: string; r: VisitsReport; reload: () => void }) {
  const { t } = useTranslation('activities');
  const campaign = useResource<CampaignDetail>(paths.getCampaign(id));
  const c = campaign.data;
  return (
    <Tabs
      items={[
        { key: 'report', label: t('visits.report'), children: <VisitsReportView id={id} r={r} /> },
        {
          key: 'firms',
          label: t('visits.firms'),
          children: <FirmsTab id={id} manage={!!c?.abilities.manage} onChange={reload} />,
        },
        {
          key: 'issues',
          label: t('issues.title'),
          children: <FirmIssues campaignId={id} onRated={reload} />,
        },
        {
          key: 'questionnaire',
          label: t('visits.questionnaire'),
          children: c ? (
            <QuestionnaireBuilder
              c={c}
              locked={r.visits > 0}
              onSaved={() => {
                campaign.reload();
                reload();
              }}
            />
          ) : (
            <ErrorAlert error={campaign.error} onRetry={campaign.reload} />
          ),
        },
      ]}
    />
  );
}

function VisitsReportView({ id, r }: { id: string; r: VisitsReport }) {
  const { t } = useTranslation('activities');
  const { message } = App.useApp();
  const en = currentLang() === 'en';
  const bars = (labels: string[], lines: VisitsReport['byStreet'] | VisitsReport['byIndustry']) =>
    ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: labels },
      series: [
        { name: t('visits.planned'), type: 'bar', data: lines.map((s) => s.planned) },
        { name: t('visits.visited'), type: 'bar', data: lines.map((s) => s.visited) },
        { name: t('report.issues'), type: 'bar', data: lines.map((s) => s.issues) },
        { name: t('report.issuesSolved'), type: 'bar', data: lines.map((s) => s.solved) },
      ],
    }) as echarts.EChartsOption;
  const streets = useMemo(
    () =>
      bars(
        r.byStreet.map((s) => (en ? s.nameEn || s.name : s.name)),
        r.byStreet,
      ),
    [r, en, t],
  );
  const industries = useMemo(
    () =>
      bars(
        r.byIndustry.map((s) => s.industry || t('visits.noIndustry')),
        r.byIndustry,
      ),
    [r, t],
  );
  const run = (f: () => Promise<void>) => () => void f().catch((err) => message.error(problemMessage(err)));
  const figures: [string, number, string][] = [
    [t('report.firmsPlanned'), r.firmsPlanned, 'figure-firms-planned'],
    [t('report.firmsVisited'), r.firmsVisited, 'figure-firms-visited'],
    [t('report.questionnaires'), r.questionnaires, 'figure-questionnaires'],
    [t('report.issues'), r.issues, 'figure-issues'],
    [t('report.issuesSolved'), r.issuesSolved, 'figure-issues-solved'],
    [t('report.inProgress'), r.issuesInProgress, 'figure-issues-open'],
  ];
  return (
    <>
      <Card
        size="small"
        title={t('report.sentence')}
        style={{ marginBottom: 12 }}
        extra={
          <Space wrap>
            <Button size="small" icon={<DownloadOutlined />} onClick={run(() => exportCampaignReport(id))}>
              .docx
            </Button>
            <Button size="small" icon={<DownloadOutlined />} onClick={run(() => exportCampaignResponses(id))}>
              {t('visits.responsesXlsx')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph style={{ fontSize: 16, marginBottom: 0 }} data-testid="report-sentence">
          {en ? r.sentence.en : `${r.sentence.zh}。`}
        </Typography.Paragraph>
      </Card>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {figures.map(([label, value, testId]) => (
          <Col key={label} xs={12} sm={8} lg={4}>
            <Card size="small">
              <Statistic title={label} value={value} data-testid={testId} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('report.byStreet')}>
            <Chart option={streets} height={Math.max(220, 36 * r.byStreet.length + 60)} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('visits.byIndustry')}>
            <Chart option={industries} height={Math.max(220, 36 * r.byIndustry.length + 60)} />
          </Card>
        </Col>
        {r.questions
          .filter((q) => q.kind !== 'text')
          .map((q) => (
            <Col key={q.questionId} xs={24} lg={12}>
              <TallyCard q={q} />
            </Col>
          ))}
      </Row>
    </>
  );
}

function TallyCard({ q }: { q: QuestionTally }) {
  const { t } = useTranslation('activities');
  const option = useMemo<echarts.EChartsOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, bottom: 8, top: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: q.options.map((o) => o.option) },
      series: [
        { type: 'bar', data: q.options.map((o) => o.count), label: { show: true, position: 'right' } },
      ],
    }),
    [q],
  );
  return (
    <Card
      size="small"
      title={<Typography.Text ellipsis={{ tooltip: q.label }}>{q.label}</Typography.Text>}
      extra={
        <Typography.Text type="secondary">
          {t('visits.answered', { n: q.answered })}
          {q.mean !== null ? ` · ${t('visits.mean', { n: q.mean })}` : ''}
        </Typography.Text>
      }
    >
      {q.options.length ? (
        <Chart option={option} height={Math.max(140, 30 * q.options.length + 30)} />
      ) : (
        <Statistic title={t('visits.mean', { n: '' })} value={q.mean ?? '—'} />
      )}
    </Card>
  );
}

function FirmsTab({ id, manage, onChange }: { id: string; manage: boolean; onChange: () => void }) {
  const { t } = useTranslation('activities');
  const { data, error, loading, reload } = useResource<{ items: CampaignFirm[] }>(
    paths.findCampaignFirms(id),
  );
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<FirmImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [assigning, setAssigning] = useState<CampaignFirm | null>(null);
  const [form] = Form.useForm<{ deputyIds: string[]; plannedOn?: string }>();
  const en = currentLang() === 'en';
  const upload = async (file: File) => {
    setBusy(true);
    setFailure(null);
    setReport(null);
    const body = new FormData();
    body.append('file', file, file.name);
    try {
      setReport(await importCampaignFirms(id, body));
      reload();
      onChange();
    } catch (err) {
      setFailure(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {manage && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('visits.importHint')}</Typography.Text>
            <Upload
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={busy} data-testid="import-firms">
                {t('visits.import')}
              </Button>
            </Upload>
            {failure && <Alert type="error" showIcon title={failure} />}
            {report && (
              <Alert
                type={report.rejected.length ? 'warning' : 'success'}
                showIcon
                data-testid="import-report"
                title={t('visits.imported', { count: report.imported, rejected: report.rejected.length })}
                description={
                  report.rejected.length > 0 && (
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {report.rejected.slice(0, 50).map((x) => (
                        <li key={`${x.row}:${x.reason}`}>
                          {t('visits.row', { row: x.row })}: {localized(x.message)}
                        </li>
                      ))}
                    </ul>
                  )
                }
              />
            )}
          </Space>
        </Card>
      )}
      <ErrorAlert error={error} onRetry={reload} />
      <Table<CampaignFirm>
        rowKey="firmId"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={(data?.items.length ?? 0) > 50 ? { pageSize: 50 } : false}
        scroll={{ x: true }}
        data-testid="campaign-firms"
        columns={[
          {
            title: t('visits.firm'),
            key: 'name',
            render: (_, f) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>{f.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {f.uscc}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('visits.industry'), dataIndex: 'industry', key: 'industry' },
          {
            title: t('visits.street'),
            key: 'street',
            render: (_, f) => (en ? f.streetNameEn || f.streetName : f.streetName),
          },
          { title: t('visits.size'), key: 'size', render: (_, f) => t(`firmSize.${f.size}`) },
          { title: t('visits.deputy'), key: 'deputy', render: (_, f) => f.deputyName ?? '—' },
          { title: t('visits.plannedOn'), key: 'plannedOn', render: (_, f) => f.plannedOn ?? '—' },
          {
            title: t('visits.status'),
            key: 'visits',
            render: (_, f) =>
              f.visits ? (
                <Tag color="green">{t('visits.visitedOn', { day: f.lastVisitedOn })}</Tag>
              ) : (
                <Tag>{t('visits.notYet')}</Tag>
              ),
          },
          { title: t('report.issues'), dataIndex: 'issues', key: 'issues' },
          ...(manage
            ? [
                {
                  title: t('visits.assign'),
                  key: 'assign',
                  render: (_: unknown, f: CampaignFirm) => (
                    <Button type="link" size="small" onClick={() => setAssigning(f)}>
                      {t('visits.assign')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal<{ deputyIds: string[]; plannedOn?: string }, unknown>
        form={form}
        open={!!assigning}
        title={assigning ? `${t('visits.assign')}：${assigning.name}` : ''}
        values={assigning ? { deputyIds: [], plannedOn: assigning.plannedOn ?? undefined } : null}
        save={(v) =>
          assignCampaignFirms(id, [
            {
              firmId: assigning!.firmId,
              deputyId: v.deputyIds[v.deputyIds.length - 1],
              ...(v.plannedOn ? { plannedOn: v.plannedOn } : {}),
            },
          ])
        }
        onSaved={() => {
          setAssigning(null);
          reload();
        }}
        onClose={() => setAssigning(null)}
      >
        <Form.Item
          name="deputyIds"
          label={t('visits.deputy')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <DeputyPickerField placeholder={t('visits.pickDeputy')} />
        </Form.Item>
        <Form.Item name="plannedOn" label={t('visits.plannedOn')}>
          <Input type="date" />
        </Form.Item>
      </FormModal>
    </>
  );
}

/** The deputy picker as a form field (the last one picked is the deputy). */
function DeputyPickerField({
  value,
  onChange,
  placeholder,
}: {
  value?: string[];
  onChange?: (v: string[]) => void;
  placeholder: string;
}) {
  return (
    <DeputyPicker
      value={value ?? []}
      onChange={(ids) => onChange?.(ids.slice(-1))}
      placeholder={placeholder}
      testId="assign-deputy"
    />
  );
}

const KINDS: QuestionKind[] = ['single', 'multiple', 'text', 'number', 'scale'];

interface Draft {
  id: string;
  kind: QuestionKind;
  label: string;
  optionsText: string;
  required: boolean;
  max?: number;
  showIf?: string;
}

const toDraft = (q: Question): Draft => ({
  id: q.id,
  kind: q.kind,
  label: q.label,
  optionsText: q.options.join('\n'),
  required: q.required,
  max: q.max,
  showIf: q.showIf ? `${q.showIf.questionId}\u0000${q.showIf.option}` : undefined,
});

function QuestionnaireBuilder({
  c,
  locked,
  onSaved,
}: {
  c: CampaignDetail;
  locked: boolean;
  onSaved: () => void;
}) {
  const { t } = useTranslation('activities');
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<Draft[]>(() => c.questionnaire.map(toDraft));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const editable = !!c.abilities.manage && !locked;
  const change = (i: number, patch: Partial<Draft>) =>
    setDrafts((ds) => ds.map((d, k) => (k === i ? { ...d, ...patch } : d)));
  const nextId = () => {
    let n = drafts.length + 1;
    while (drafts.some((d) => d.id === `q${n}`)) n++;
    return `q${n}`;
  };
  const toQuestions = (): Question[] =>
    drafts.map((d) => {
      const [questionId, option] = d.showIf?.split('\u0000') ?? [];
      return {
        id: d.id,
        kind: d.kind,
        label: d.label.trim(),
        options:
          d.kind === 'single' || d.kind === 'multiple'
            ? d.optionsText
                .split('\n')
                .map((o) => o.trim())
                .filter(Boolean)
            : [],
        required: d.required,
        ...(d.kind === 'scale' ? { max: d.max ?? 5 } : {}),
        ...(questionId && option ? { showIf: { questionId, option } } : {}),
      };
    });
  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await setCampaignQuestionnaire(c.id, toQuestions());
      message.success(t('visits.saved'));
      onSaved();
    } catch (err) {
      setProblem(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const conditions = (i: number) =>
    drafts.slice(0, i).flatMap((d) =>
      d.kind === 'single' || d.kind === 'multiple'
        ? d.optionsText
            .split('\n')
            .map((o) => o.trim())
            .filter(Boolean)
            .map((o) => ({ value: `${d.id}\u0000${o}`, label: `${d.label || d.id} = ${o}` }))
        : [],
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {locked && <Alert type="info" showIcon title={t('visits.locked')} />}
      {drafts.map((d, i) => (
        <Card
          key={d.id}
          size="small"
          title={`${i + 1}. ${d.id}`}
          data-testid={`question-${i}`}
          extra={
            editable && (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('visits.removeQuestion')}
                onClick={() => setDrafts((ds) => ds.filter((_, k) => k !== i))}
              />
            )
          }
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Input
              value={d.label}
              disabled={!editable}
              placeholder={t('visits.questionLabel')}
              aria-label={t('visits.questionLabel')}
              maxLength={300}
              onChange={(e) => change(i, { label: e.target.value })}
            />
            <Space wrap>
              <Select
                value={d.kind}
                disabled={!editable}
                style={{ width: 150 }}
                aria-label={t('visits.questionKind')}
                options={KINDS.map((k) => ({ value: k, label: t(`questionKind.${k}`) }))}
                onChange={(kind) => change(i, { kind })}
              />
              <Checkbox
                checked={d.required}
                disabled={!editable}
                onChange={(e) => change(i, { required: e.target.checked })}
              >
                {t('visits.required')}
              </Checkbox>
              {d.kind === 'scale' && (
                <InputNumber
                  min={2}
                  max={10}
                  value={d.max ?? 5}
                  disabled={!editable}
                  aria-label={t('visits.scaleMax')}
                  addonBefore={t('visits.scaleMax')}
                  onChange={(v) => change(i, { max: v ?? 5 })}
                />
              )}
            </Space>
            {(d.kind === 'single' || d.kind === 'multiple') && (
              <Input.TextArea
                rows={3}
                value={d.optionsText}
                disabled={!editable}
                placeholder={t('visits.optionsHint')}
                aria-label={t('visits.options')}
                onChange={(e) => change(i, { optionsText: e.target.value })}
              />
            )}
            {i > 0 && conditions(i).length > 0 && (
              <Select
                allowClear
                value={d.showIf}
                disabled={!editable}
                style={{ width: '100%' }}
                placeholder={t('visits.showIf')}
                aria-label={t('visits.showIf')}
                options={conditions(i)}
                onChange={(showIf) => change(i, { showIf })}
              />
            )}
          </Space>
        </Card>
      ))}
      {problem && <Alert type="error" showIcon title={problem} />}
      {editable && (
        <Space wrap>
          <Button
            icon={<PlusOutlined />}
            data-testid="add-question"
            onClick={() =>
              setDrafts((ds) => [
                ...ds,
                { id: nextId(), kind: 'single', label: '', optionsText: '', required: false },
              ])
            }
          >
            {t('visits.addQuestion')}
          </Button>
          <Button type="primary" loading={busy} onClick={() => void save()} data-testid="save-questionnaire">
            {t('visits.saveQuestionnaire')}
          </Button>
        </Space>
      )}
    </Space>
  );
}
