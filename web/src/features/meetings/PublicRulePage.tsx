// One published rule (public): its title, adopting body and kind, and every version newest first, each with the
// date it was adopted, the meeting (and agenda item) that adopted it when known, what changed, and its text.
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { paths } from './api';

interface RuleVersion {
  version: number;
  adoptedOn: string;
  content: string;
  note: string;
  meetingTitle: string | null;
  agendaItemTitle: string | null;
}

interface RuleDetail {
  id: string;
  title: string;
  body: string;
  kind: string;
  currentVersion: number;
  versions: RuleVersion[];
}

export default function PublicRulePage() {
  const { id } = useParams();
  const { t } = useTranslation('meetings');
  const { data: r, error, reload } = useResource<RuleDetail>(paths.getPublicProceduralRule(id));
  return (
    <div style={{ maxWidth: 960, margin: '0 auto' }}>
      <div style={{ marginBottom: 8 }}>
        <Link to="/procedural-rules">← {t('rules.back')}</Link>
      </div>
      <ErrorAlert error={error} onRetry={reload} />
      {r && (
        <>
          <PageHeader title={<span style={{ wordBreak: 'break-word' }}>{r.title}</span>} />
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
              <Descriptions.Item label={t('rules.body')}>{t(`rules.bodies.${r.body}`)}</Descriptions.Item>
              <Descriptions.Item label={t('rules.kind')}>{t(`rules.kinds.${r.kind}`)}</Descriptions.Item>
              <Descriptions.Item label={t('rules.versions')}>{r.versions.length}</Descriptions.Item>
            </Descriptions>
          </Card>
          {r.versions.map((v) => (
            <Card
              key={v.version}
              size="small"
              style={{ marginBottom: 12 }}
              data-testid="rule-version"
              title={
                <Space wrap size={[8, 0]}>
                  <span>{t('rules.version', { n: v.version })}</span>
                  {v.version === r.currentVersion ? (
                    <Tag color="green">{t('rules.inForce')}</Tag>
                  ) : (
                    <Tag>{t('rules.superseded')}</Tag>
                  )}
                </Space>
              }
            >
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t('rules.adoptedOn', { date: v.adoptedOn })}
                {v.meetingTitle && ` · ${v.meetingTitle}`}
                {v.agendaItemTitle && ` · ${v.agendaItemTitle}`}
              </Typography.Paragraph>
              {v.note && (
                <Typography.Paragraph>
                  <strong>{t('rules.note')}</strong>
                  {v.note}
                </Typography.Paragraph>
              )}
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {v.content}
              </Typography.Paragraph>
            </Card>
          ))}
        </>
      )}
    </div>
  );
}
