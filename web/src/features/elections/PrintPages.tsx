// What the election office prints: a district's voter list as the official notice (选民名单公告, by voter
// group: name, sex, age on election day; 选举法 Art. 28) and a voter's card (选民证). The browser prints them.
import { Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, useResource } from '../../shell/components';
import { formatDate } from '../../shell/datetime';
import { paths } from './api';
import type { VoterCard, VoterListNotice } from './types';
import './print.css';

function PrintButton() {
  const { t } = useTranslation('elections');
  return (
    <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="no-print">
      {t('print.print')}
    </Button>
  );
}

export function VoterListPrintPage() {
  const { id, districtId } = useParams();
  const { t } = useTranslation('elections');
  const { data: n, error, reload } = useResource<VoterListNotice>(paths.getElectionVoterList(id, districtId));
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!n) return null;
  return (
    <div className="print-sheet" style={{ maxWidth: 900, margin: '0 auto' }}>
      <Space className="no-print" style={{ marginBottom: 12 }} wrap>
        <Link to={`/elections/${n.election.id}`}>{n.election.title}</Link>
        <PrintButton />
      </Space>
      <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>
        {t('print.noticeTitle', { district: n.district.name })}
      </Typography.Title>
      <Typography.Paragraph>
        {t('print.noticeBody', {
          title: n.election.title,
          day: formatDate(n.election.electionDay),
          count: n.voters,
          due: n.complaintsDue ? formatDate(n.complaintsDue) : '—',
        })}
      </Typography.Paragraph>
      {n.groups.map((g) => (
        <Card
          key={g.name}
          size="small"
          title={`${g.name || t('print.noGroup')}（${g.voters.length}）`}
          style={{ marginBottom: 12 }}
        >
          <Table
            size="small"
            rowKey={(_, i) => String(i)}
            pagination={false}
            dataSource={g.voters}
            columns={[
              { title: t('register.name'), dataIndex: 'name' },
              { title: t('register.sex'), key: 'sex', render: (_, v) => t(`register.${v.sex}`) },
              { title: t('print.age'), dataIndex: 'age' },
            ]}
          />
        </Card>
      ))}
      <Typography.Paragraph className="print-signature" style={{ textAlign: 'right' }}>
        {t('print.committee')}
        <br />
        {n.publishedOn ? formatDate(n.publishedOn) : t('print.notPublished')}
      </Typography.Paragraph>
    </div>
  );
}

export function VoterCardPrintPage() {
  const { id, voterId } = useParams();
  const { t } = useTranslation('elections');
  const { data: c, error, reload } = useResource<VoterCard>(paths.getElectionVoterCard(id, voterId));
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!c) return null;
  return (
    <div className="print-sheet" style={{ maxWidth: 480, margin: '0 auto' }}>
      <Space className="no-print" style={{ marginBottom: 12 }} wrap>
        <Link to={`/elections/${id}/register`}>{t('register.title')}</Link>
        <PrintButton />
      </Space>
      <Card className="voter-card" data-testid="voter-card">
        <Typography.Title level={1} style={{ fontSize: 20, textAlign: 'center' }}>
          {t('print.cardTitle')}
        </Typography.Title>
        <Typography.Paragraph style={{ textAlign: 'center' }}>{c.election.title}</Typography.Paragraph>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('print.cardNo')}>{c.voterCardNo}</Descriptions.Item>
          <Descriptions.Item label={t('register.name')}>{c.voter.name}</Descriptions.Item>
          <Descriptions.Item label={t('register.sex')}>{t(`register.${c.voter.sex}`)}</Descriptions.Item>
          <Descriptions.Item label={t('register.idNumber')}>{c.voter.idNumber}</Descriptions.Item>
          <Descriptions.Item label={t('register.district')}>{c.voter.district}</Descriptions.Item>
          <Descriptions.Item label={t('register.group')}>{c.voter.group}</Descriptions.Item>
          <Descriptions.Item label={t('list.electionDay')}>
            {formatDate(c.election.electionDay)}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, textAlign: 'right' }}>
          {t('print.committee')} · {formatDate(c.issuedOn)}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
