// 议事规则与工作制度 (public, no sign-in): the congress's published rules of procedure and working rules, each with
// the body that adopted it, its kind, and the date its current version was adopted; below, the resolutions
// voted at closed meetings with their result, and the register of today's office-holders appointed by the
// standing committee (post, name, organ, since).
import { Button, Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, usePagedList, useResource } from '../../shell/components';
import { ListPage } from '../../shell/ListPage';
import { paths } from './api';

export interface PublicRule {
  id: string;
  title: string;
  body: string;
  kind: string;
  currentVersion: number;
  adoptedOn: string;
}

interface PublicResolution {
  id: string;
  title: string;
  meetingTitle: string;
  date: string;
  members: number;
  yes: number;
  no: number;
  abstain: number;
  passed: boolean;
}

function Resolutions() {
  const { t } = useTranslation('meetings');
  const { data, error, reload } = useResource<{ items: PublicResolution[] }>(paths.findPublicResolutions());
  return (
    <Card size="small" title={t('rules.resolutions')} style={{ marginTop: 16 }}>
      <ErrorAlert error={error} onRetry={reload} />
      <List
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('rules.noResolutions') }}
        renderItem={(r) => (
          <List.Item data-testid="public-resolution">
            <List.Item.Meta
              title={
                <span style={{ wordBreak: 'break-word' }}>
                  {r.title}{' '}
                  <Tag color={r.passed ? 'green' : 'red'}>
                    {t(r.passed ? 'rules.passed' : 'rules.failed')}
                  </Tag>
                </span>
              }
              description={
                <Typography.Text type="secondary">
                  {r.meetingTitle} · {r.date} ·{' '}
                  {t('rules.tally', { members: r.members, yes: r.yes, no: r.no, abstain: r.abstain })}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

interface PublicHolding {
  post: string;
  holderName: string;
  organization: string;
  acting: boolean;
  startedOn: string;
}

function OfficeHolders() {
  const { t } = useTranslation('meetings');
  const list = usePagedList<PublicHolding>(paths.findPublicOfficeHolders(), {});
  return (
    <Card size="small" title={t('publicHolders.title')} style={{ marginTop: 16 }} id="office-holders">
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Typography.Paragraph type="secondary">{t('publicHolders.sub')}</Typography.Paragraph>
      <List
        dataSource={list.items}
        loading={list.loading}
        locale={{ emptyText: t('publicHolders.empty') }}
        loadMore={
          list.hasMore && (
            <div style={{ textAlign: 'center', marginTop: 8 }}>
              <Button onClick={list.loadMore}>{t('publicHolders.more')}</Button>
            </div>
          )
        }
        renderItem={(h) => (
          <List.Item data-testid="public-office-holder">
            <List.Item.Meta
              title={
                <span style={{ wordBreak: 'break-word' }}>
                  {h.post} · {h.holderName}
                  {h.acting && <Tag style={{ marginLeft: 8 }}>{t('publicHolders.acting')}</Tag>}
                </span>
              }
              description={
                <Typography.Text type="secondary">
                  {h.organization} · {t('publicHolders.since', { date: h.startedOn })}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

export default function PublicRulesPage() {
  const { t } = useTranslation('meetings');
  const list = usePagedList<PublicRule>(paths.findPublicProceduralRules(), {});
  return (
    <ListPage<PublicRule>
      title={t('rules.title')}
      sub={t('rules.sub')}
      list={list}
      scroll={{ x: 720 }}
      columns={[
        {
          title: t('rules.name'),
          key: 'title',
          width: 260,
          render: (_, r) => (
            <Link to={`/procedural-rules/${r.id}`} data-testid="public-rule">
              {r.title}
            </Link>
          ),
        },
        { title: t('rules.body'), key: 'body', render: (_, r) => t(`rules.bodies.${r.body}`) },
        { title: t('rules.kind'), key: 'kind', render: (_, r) => <Tag>{t(`rules.kinds.${r.kind}`)}</Tag> },
        {
          title: t('rules.current'),
          key: 'adoptedOn',
          render: (_, r) =>
            r.currentVersion > 1
              ? t('rules.revisedOn', { date: r.adoptedOn, n: r.currentVersion - 1 })
              : t('rules.adoptedOn', { date: r.adoptedOn }),
        },
      ]}
    >
      <Resolutions />
      <OfficeHolders />
    </ListPage>
  );
}
