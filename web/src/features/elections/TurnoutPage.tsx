// Polling day (投票日): what the election office watches — turnout for the whole election and per district
// (ballots issued against the voters on the list), ballots issued by the hour — and, for the station's staff on a
// phone, each polling station's card where its running ballots issued and returned are reported.
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { FormModal } from '../../shell/FormModal';
import { formatDateTime } from '../../shell/datetime';
import { addElectionStation, paths, reportElectionTurnout } from './api';
import type { ElectionDetail, Turnout } from './types';

type Station = Turnout['stations'][number];

export default function TurnoutPage() {
  const { id } = useParams();
  const { t } = useTranslation('elections');
  const { data: e } = useResource<ElectionDetail>(paths.getElection(id));
  const { data: tu, error, reload } = useResource<Turnout>(paths.getElectionTurnout(id));
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ districtId: string; name: string; kind: 'station' | 'mobileBox' }>();
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!tu) return null;
  const districtName = (d: string) => tu.districts.find((x) => x.id === d)?.name ?? '';

  return (
    <div style={{ maxWidth: 1200, margin: '0 auto' }}>
      <PageHeader
        title={t('turnout.title')}
        sub={e && <Link to={`/elections/${e.id}`}>{e.title}</Link>}
        extra={
          e?.districts[0]?.abilities.addStation ? (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-station">
              {t('turnout.addStation')}
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('turnout.registered')} value={tu.registered} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('turnout.issued')} value={tu.ballotsIssued} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('turnout.returned')} value={tu.ballotsReturned} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('turnout.rate')}
              value={tu.turnout.toFixed(2)}
              suffix="%"
              data-testid="turnout-rate"
            />
          </Col>
        </Row>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('turnout.byDistrict')} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: 520 }}
              dataSource={tu.districts}
              columns={[
                { title: t('register.district'), dataIndex: 'name' },
                {
                  title: t('turnout.stations'),
                  key: 'stations',
                  render: (_, d) => `${d.stationsReported}/${d.stations}`,
                },
                { title: t('turnout.registered'), dataIndex: 'registered' },
                { title: t('turnout.issued'), dataIndex: 'ballotsIssued' },
                { title: t('turnout.rate'), key: 'rate', render: (_, d) => `${d.turnout.toFixed(2)}%` },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('turnout.byHour')} style={{ marginBottom: 16 }}>
            {tu.hourly.length === 0 ? (
              <Typography.Text type="secondary">{t('turnout.noReports')}</Typography.Text>
            ) : (
              <Table
                size="small"
                rowKey="hour"
                pagination={false}
                dataSource={tu.hourly}
                columns={[
                  { title: t('turnout.hour'), dataIndex: 'hour' },
                  { title: t('turnout.issued'), dataIndex: 'ballotsIssued' },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>

      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('turnout.stationsTitle')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {tu.stations.map((s) => (
          <Col xs={24} md={12} lg={8} key={s.id}>
            <StationCard
              electionId={id!}
              station={s}
              district={districtName(s.districtId)}
              canReport={!!tu.abilities.reportTurnout}
              onDone={reload}
            />
          </Col>
        ))}
      </Row>

      <FormModal<{ districtId: string; name: string; kind: 'station' | 'mobileBox' }, { id: string }>
        form={form}
        open={adding}
        title={t('turnout.addStation')}
        values={null}
        initialValues={{ kind: 'station' }}
        save={(v, key) => addElectionStation(id!, v.districtId, { name: v.name, kind: v.kind }, key)}
        onSaved={() => {
          setAdding(false);
          reload();
        }}
        onClose={() => setAdding(false)}
      >
        <Form.Item
          name="districtId"
          label={t('register.district')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Select options={tu.districts.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('turnout.stationName')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('turnout.kind')}>
          <Select
            options={(['station', 'mobileBox'] as const).map((k) => ({ value: k, label: t(`turnout.${k}`) }))}
          />
        </Form.Item>
      </FormModal>
    </div>
  );
}

function StationCard({
  electionId,
  station: s,
  district,
  canReport,
  onDone,
}: {
  electionId: string;
  station: Station;
  district: string;
  canReport: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation('elections');
  const { message } = App.useApp();
  const [issued, setIssued] = useState<number | null>(null);
  const [returned, setReturned] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());

  const report = async () => {
    if (issued === null || returned === null) return;
    setBusy(true);
    try {
      await reportElectionTurnout(
        electionId,
        s.id,
        { ballotsIssued: issued, ballotsReturned: returned },
        key,
      );
      setKey(crypto.randomUUID());
      setIssued(null);
      setReturned(null);
      void message.success(t('turnout.reported'));
      onDone();
    } catch (err) {
      void message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      size="small"
      title={<span style={{ whiteSpace: 'normal' }}>{s.name}</span>}
      extra={<Tag>{t(`turnout.${s.kind}`)}</Tag>}
      data-testid="station"
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        <Typography.Text type="secondary">{district}</Typography.Text>
        <span>
          {t('turnout.issued')} <strong>{s.ballotsIssued}</strong> · {t('turnout.returned')}{' '}
          <strong>{s.ballotsReturned}</strong>
        </span>
        <Typography.Text type="secondary">
          {s.lastReportedAt
            ? t('turnout.lastAt', { at: formatDateTime(s.lastReportedAt) })
            : t('turnout.noReports')}
        </Typography.Text>
        {canReport && (
          <Space wrap>
            <InputNumber
              aria-label={t('turnout.issued')}
              placeholder={t('turnout.issued')}
              min={0}
              precision={0}
              inputMode="numeric"
              value={issued}
              onChange={(v) => setIssued(v)}
              data-testid="report-issued"
            />
            <InputNumber
              aria-label={t('turnout.returned')}
              placeholder={t('turnout.returned')}
              min={0}
              precision={0}
              inputMode="numeric"
              value={returned}
              onChange={(v) => setReturned(v)}
              data-testid="report-returned"
            />
            <Button
              type="primary"
              loading={busy}
              disabled={issued === null || returned === null}
              onClick={() => void report()}
              data-testid="report-turnout"
            >
              {t('turnout.report')}
            </Button>
          </Space>
        )}
      </Space>
    </Card>
  );
}
