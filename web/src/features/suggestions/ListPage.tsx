// The suggestion lists: a deputy's own (phone-friendly), a unit's work, and staff's with filters (unit, status, overdue).
import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Input, List, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth';
import { ErrorAlert, LoadMore, PageHeader, usePagedList, useResource } from '../../shell/components';
import { paths } from './api';
import { useIsMobile } from '../../shell/responsive';
import { ProvisionalMark } from '../../shell/deadline';
import { STATUS_COLORS, fmtDate, type SuggestionItem } from './types';

export default function ListPage({ mine = false }: { mine?: boolean }) {
  const { t } = useTranslation('suggestions');
  const { hasRole } = useAuth();
  const mobile = useIsMobile();
  const nav = useNavigate();
  const staff = hasRole('congressStaff') || hasRole('leader');
  const [params] = useSearchParams();
  // A link from the work home presets the filters (?status=…, ?overdue=true).
  const [status, setStatus] = useState<string | undefined>(params.get('status') ?? undefined);
  const [unitId, setUnitId] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(params.get('overdue') === 'true');
  const [q, setQ] = useState('');
  const list = usePagedList<SuggestionItem>(paths.findSuggestions(), {
    mine: mine ? 'true' : undefined,
    status,
    unitId,
    overdue: overdue ? 'true' : undefined,
    q: q || undefined,
  });
  const units = useResource<{ items: { id: string; name: string }[] }>(
    staff && !mine ? paths.findHandlingUnits() : null,
  );
  // Staff's waiting decisions: extension applications (上海规定 Art. 19).
  const extensions = useResource<{
    items: {
      id: string;
      suggestionId: string;
      number: string | null;
      title: string;
      unitName: string | null;
    }[];
  }>(hasRole('congressStaff') && !mine ? paths.findExtensionApplications() : null);
  const statusTag = (s: string) => <Tag color={STATUS_COLORS[s]}>{t(`status.${s}`)}</Tag>;

  return (
    <div style={{ maxWidth: 1200, margin: '0 auto' }}>
      <PageHeader
        title={mine ? t('list.mineTitle') : t('list.title')}
        extra={
          hasRole('deputy') && (
            <Button type="primary" onClick={() => nav('/suggestions/new')} data-testid="new-suggestion">
              {t('list.new')}
            </Button>
          )
        }
      />
      {mine && status && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Tag closable onClose={() => setStatus(undefined)} data-testid="mine-status-filter">
            {t('list.statusIs', { status: t(`status.${status}`) })}
          </Tag>
        </Space>
      )}
      {!mine && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            aria-label={t('list.filterStatus')}
            placeholder={t('list.filterStatus')}
            style={{ width: 160 }}
            value={status}
            onChange={setStatus}
            options={Object.keys(STATUS_COLORS).map((s) => ({ value: s, label: t(`status.${s}`) }))}
            data-testid="filter-status"
          />
          {staff && (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              aria-label={t('list.filterUnit')}
              placeholder={t('list.filterUnit')}
              style={{ width: 220 }}
              value={unitId}
              onChange={setUnitId}
              options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          )}
          <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)}>
            {t('list.overdueOnly')}
          </Checkbox>
          <Input.Search
            allowClear
            aria-label={t('list.search')}
            placeholder={t('list.search')}
            onSearch={setQ}
            style={{ width: 200 }}
          />
        </Space>
      )}
      {(extensions.data?.items.length ?? 0) > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="pending-extensions"
          title={t('list.pendingExtensions', { count: extensions.data!.items.length })}
          description={
            <Space orientation="vertical" size={2}>
              {extensions.data!.items.slice(0, 5).map((e) => (
                <Link key={e.id} to={`/suggestions/${e.suggestionId}`}>
                  {e.number} {e.title}（{e.unitName}）
                </Link>
              ))}
            </Space>
          }
        />
      )}
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {mobile ? (
        <List
          loading={list.loading}
          dataSource={list.items}
          locale={{ emptyText: t('list.empty') }}
          renderItem={(s) => (
            <li key={s.id}>
              <Card
                size="small"
                style={{ marginBottom: 8 }}
                onClick={() => nav(`/suggestions/${s.id}`)}
                data-testid="suggestion-card"
              >
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Typography.Text strong>{s.title}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.number ?? '—'}
                  </Typography.Text>
                  <Space wrap>
                    {statusTag(s.status)}
                    {s.overdue && <Tag color="red">{t('fields.overdue')}</Tag>}
                    {s.rating && <Tag>{t(`rating.${s.rating}`)}</Tag>}
                    {s.deadline && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('fields.deadline')} {fmtDate(s.deadline)}
                        <ProvisionalMark date={s.deadline} />
                      </Typography.Text>
                    )}
                  </Space>
                </Space>
              </Card>
            </li>
          )}
        />
      ) : (
        <Table<SuggestionItem>
          rowKey="id"
          size="small"
          loading={list.loading}
          dataSource={list.items}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t('list.empty') }}
          columns={[
            { title: t('fields.number'), dataIndex: 'number', width: 190, render: (v) => v ?? '—' },
            {
              title: t('fields.title'),
              dataIndex: 'title',
              width: 340,
              render: (v, s) => (
                <Link to={`/suggestions/${s.id}`} data-testid="suggestion-link">
                  {v}
                </Link>
              ),
            },
            { title: t('fields.proposer'), dataIndex: 'proposerName', width: 90 },
            { title: t('fields.leadUnit'), dataIndex: 'leadUnitName', width: 160, render: (v) => v ?? '—' },
            {
              title: t('fields.status'),
              dataIndex: 'status',
              width: 130,
              render: (v, s) => (
                <Space size={4}>
                  {statusTag(v)}
                  {s.overdue && <Tag color="red">{t('fields.overdue')}</Tag>}
                  {s.isKey && <Tag color="volcano">{t('fields.key')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('fields.deadline'),
              dataIndex: 'deadline',
              width: 110,
              render: (v: string | null) => (
                <>
                  {fmtDate(v)}
                  <ProvisionalMark date={v} />
                </>
              ),
            },
            {
              title: t('fields.replyCategory'),
              dataIndex: 'replyCategory',
              width: 80,
              render: (v) => v ?? '—',
            },
            {
              title: t('fields.rating'),
              dataIndex: 'rating',
              width: 100,
              render: (v) => (v ? t(`rating.${v}`) : '—'),
            },
          ]}
        />
      )}
      <LoadMore list={list} />
    </div>
  );
}
