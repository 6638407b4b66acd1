// The workbench queue for staff, liaison staff and deputies, and the unit's own queue: filters, keyset paging.
// A link may preset the filters (`?due=overdue&streetId=…`, as the deadline digests send).
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { App, Button, Card, Input, List, Select, Space, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api';
import { useAuth } from '../../auth';
import { ErrorAlert, LoadMore, PageHeader, usePagedList } from '../../shell/components';
import { getOpinionImportTemplate, importOpinions, paths } from './api';
import { ProvisionalMark } from '../../shell/deadline';
import { DueTag, StatusTag, fmt, useCategories, useCategoryName, useStreets } from './shared';

interface QueueItem {
  id: string;
  trackingCode: string;
  content: string;
  category: string;
  streetId: string;
  status: string;
  hidden: boolean;
  role: string | null;
  due: string | null;
  deadlineAt: string | null;
  createdAt: string;
}

const STATUSES = [
  'submitted',
  'claimed',
  'forwarded',
  'returnedToStaff',
  'replied',
  'answeredOnSpot',
  'raisedAsSuggestion',
  'merged',
  'inadmissible',
  'closedResolved',
  'closedUnresolved',
];

/** The filters a link may preset. */
const PRESETS = ['status', 'due', 'streetId', 'category'] as const;

export default function QueuePage() {
  const { t, i18n } = useTranslation('opinions');
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const isUnit = hasRole('handlingUnitStaff') && !hasRole('congressStaff') && !hasRole('liaisonStaff');
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<Record<string, string | undefined>>(() =>
    Object.fromEntries(
      PRESETS.flatMap((k) => {
        const v = params.get(k);
        return v ? [[k, v]] : [];
      }),
    ),
  );
  const list = usePagedList<QueueItem>(paths.findOpinions(), filters, 30);
  const streets = useStreets();
  const categories = useCategories();
  const categoryName = useCategoryName();
  const en = i18n.language.startsWith('en');
  const set = (k: string) => (v: string | undefined) => setFilters((f) => ({ ...f, [k]: v || undefined }));

  const importFile = async (file: File) => {
    const fd = new FormData();
    fd.append('file', file);
    try {
      const r = await importOpinions(fd);
      message.success(t('queue.imported', { n: r.created }));
      list.reload();
    } catch (err) {
      message.error(problemMessage(err));
    }
    return false;
  };

  return (
    <div>
      <PageHeader
        title={isUnit ? t('queue.unitTitle') : t('queue.title')}
        extra={
          hasRole('congressStaff') && (
            <>
              <Button icon={<DownloadOutlined />} onClick={() => void getOpinionImportTemplate()}>
                {t('queue.template')}
              </Button>
              <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => importFile(f)}>
                <Button icon={<UploadOutlined />}>{t('queue.import')}</Button>
              </Upload>
            </>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select
            allowClear
            aria-label={t('queue.status')}
            placeholder={t('queue.status')}
            style={{ width: 150 }}
            value={filters.status}
            onChange={set('status')}
            options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          <Select
            allowClear
            aria-label={t('queue.due')}
            placeholder={t('queue.due')}
            style={{ width: 120 }}
            value={filters.due}
            onChange={set('due')}
            options={['dueSoon', 'overdue'].map((s) => ({ value: s, label: t(`due.${s}`) }))}
          />
          {!isUnit && (
            <Select
              allowClear
              aria-label={t('queue.street')}
              placeholder={t('queue.street')}
              style={{ width: 150 }}
              value={filters.streetId}
              onChange={set('streetId')}
              options={streets.map((s) => ({ value: s.id, label: s.name }))}
            />
          )}
          <Select
            allowClear
            aria-label={t('queue.category')}
            placeholder={t('queue.category')}
            style={{ width: 150 }}
            value={filters.category}
            onChange={set('category')}
            options={categories.map((c) => ({ value: c.code, label: en ? c.nameEn : c.name }))}
          />
          <Input.Search
            allowClear
            aria-label={t('queue.search')}
            placeholder={t('queue.search')}
            style={{ width: 200 }}
            onSearch={(v) => set('q')(v)}
          />
        </Space>
      </Card>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <List
        loading={list.loading && list.items.length === 0}
        locale={{ emptyText: t('queue.empty') }}
        dataSource={list.items}
        renderItem={(o) => (
          <List.Item key={o.id} data-testid="queue-item">
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  <Link to={`/opinions/item/${o.id}`}>{o.trackingCode}</Link>
                  <StatusTag status={o.status} />
                  <DueTag due={o.due} />
                  {o.role && <Tag>{t(`queue.${o.role}`)}</Tag>}
                  <Tag>{categoryName(o.category)}</Tag>
                  {o.hidden && <Tag color="red">{t('event.hidden')}</Tag>}
                </Space>
              }
              description={
                <>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 4 }}>
                    {o.content}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {streets.find((s) => s.id === o.streetId)?.name} · {fmt(o.createdAt)}
                    {o.deadlineAt ? ` · ${t('item.deadline')} ${fmt(o.deadlineAt)}` : ''}
                    <ProvisionalMark date={o.deadlineAt} />
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      <LoadMore list={list} />
    </div>
  );
}
