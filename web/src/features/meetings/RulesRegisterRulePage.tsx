// One rule of the rules register for staff (议事规则与工作制度): its adopting body, kind and whether the public sees
// it, and every version newest first (adopted on, adopting meeting and agenda item, what changed, text). Congress
// staff revise it (a new version adopted after the current one) and publish it or withdraw it; leaders read.
import { useState } from 'react';
import { App as AntApp, Button, Card, Descriptions, Form, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth';
import { problemMessage } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { FormModal } from '../../shell/FormModal';
import { paths, publishProceduralRule, reviseProceduralRule } from './api';
import { RuleVersionFields, type RuleVersionValues } from './RuleVersionFields';

interface RuleVersion {
  version: number;
  adoptedOn: string;
  content: string;
  note: string;
  meetingId: string | null;
  meetingTitle: string | null;
  agendaItemTitle: string | null;
}

interface RuleDetail {
  id: string;
  title: string;
  body: string;
  kind: string;
  published: boolean;
  currentVersion: number;
  versions: RuleVersion[];
}

export default function RulesRegisterRulePage() {
  const { id } = useParams();
  const { t } = useTranslation('meetings');
  const { message } = AntApp.useApp();
  const { hasRole } = useAuth();
  const [revising, setRevising] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<RuleVersionValues>();
  const { data: r, error, reload } = useResource<RuleDetail>(paths.getProceduralRule(id));
  const staff = hasRole('congressStaff');
  const publish = async (published: boolean) => {
    if (!r) return;
    setBusy(true);
    try {
      await publishProceduralRule(r.id, published);
      message.success(t(published ? 'rulesRegister.publishedNow' : 'rulesRegister.withdrawnNow'));
    } catch (err) {
      message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
    reload();
  };
  return (
    <div style={{ maxWidth: 960 }}>
      <div style={{ marginBottom: 8 }}>
        <Link to="/rules-register">← {t('rulesRegister.title')}</Link>
      </div>
      <ErrorAlert error={error} onRetry={reload} />
      {r && (
        <>
          <PageHeader
            title={<span style={{ wordBreak: 'break-word' }}>{r.title}</span>}
            extra={
              staff && (
                <Space wrap>
                  <Button type="primary" onClick={() => setRevising(true)} data-testid="rule-revise">
                    {t('rulesRegister.revise')}
                  </Button>
                  {r.published ? (
                    <Button loading={busy} onClick={() => void publish(false)} data-testid="rule-withdraw">
                      {t('rulesRegister.withdraw')}
                    </Button>
                  ) : (
                    <Button loading={busy} onClick={() => void publish(true)} data-testid="rule-publish">
                      {t('rulesRegister.publish')}
                    </Button>
                  )}
                </Space>
              )
            }
          />
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }}>
              <Descriptions.Item label={t('rules.body')}>{t(`rules.bodies.${r.body}`)}</Descriptions.Item>
              <Descriptions.Item label={t('rules.kind')}>{t(`rules.kinds.${r.kind}`)}</Descriptions.Item>
              <Descriptions.Item label={t('rules.versions')}>{r.versions.length}</Descriptions.Item>
              <Descriptions.Item label={t('rulesRegister.public')}>
                <span data-testid="rule-published">
                  {r.published ? (
                    <Tag color="green">{t('rulesRegister.published')}</Tag>
                  ) : (
                    <Tag>{t('rulesRegister.unpublished')}</Tag>
                  )}
                </span>
              </Descriptions.Item>
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
                {v.meetingTitle && (
                  <>
                    {' · '}
                    <Link to={`/meetings/${v.meetingId}`}>{v.meetingTitle}</Link>
                  </>
                )}
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
          <FormModal<RuleVersionValues, { version: number }>
            form={form}
            open={revising}
            title={t('rulesRegister.revise')}
            values={null}
            width={720}
            save={(v) => reviseProceduralRule(r.id, v)}
            onSaved={() => {
              setRevising(false);
              reload();
            }}
            onClose={() => setRevising(false)}
          >
            <RuleVersionFields form={form} body={r.body} open={revising} noteRequired />
          </FormModal>
        </>
      )}
    </div>
  );
}
