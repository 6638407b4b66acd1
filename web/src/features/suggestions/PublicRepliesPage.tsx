// 答复公开: the replies the congress has published, for anyone, phone-first: filters by year, topic, result and
// unit (tap a unit's name), text search, and "load more" over the cursor.
import { useMemo, useState } from 'react';
import { Card, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { localized } from '../../api';
import { ErrorAlert, LoadMore, PageHeader, usePagedList } from '../../shell/components';
import { paths } from './api';
import { RESULT_COLORS, fmtDate, type PublicReplyItem } from './types';

interface Facet {
  code: string;
  zh: string;
  en: string;
}

export default function PublicRepliesPage() {
  const { t } = useTranslation('suggestions');
  const [year, setYear] = useState<number | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const [result, setResult] = useState<string | undefined>();
  const [unit, setUnit] = useState<{ id: string; name: string } | null>(null);
  const [q, setQ] = useState('');
  const list = usePagedList<PublicReplyItem>(
    paths.findPublicReplies(),
    { year, category, result, unitId: unit?.id, q: q || undefined },
    20,
  );
  const categories = (list.last?.categories as Facet[] | undefined) ?? [];
  const results = (list.last?.resultCategories as Facet[] | undefined) ?? [];
  const years = useMemo(() => {
    const now = new Date().getFullYear();
    return Array.from({ length: 5 }, (_, i) => now - i);
  }, []);
  const label = (f: Facet) => localized(f);

  return (
    <div style={{ maxWidth: 960, margin: '0 auto' }}>
      <PageHeader title={t('public.title')} sub={t('public.intro')} />
      <Space wrap style={{ marginBottom: 12, width: '100%' }}>
        <Select
          allowClear
          placeholder={t('public.allYears')}
          aria-label={t('public.allYears')}
          style={{ width: 110 }}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: t('public.year', { year: y }) }))}
          data-testid="public-year"
        />
        <Select
          allowClear
          placeholder={t('public.allCategories')}
          aria-label={t('public.allCategories')}
          style={{ width: 150 }}
          value={category}
          onChange={setCategory}
          options={categories.map((c) => ({ value: c.code, label: label(c) }))}
        />
        <Select
          allowClear
          placeholder={t('public.allResults')}
          aria-label={t('public.allResults')}
          style={{ width: 150 }}
          value={result}
          onChange={setResult}
          options={results.map((c) => ({ value: c.code, label: `${c.code} ${label(c)}` }))}
          popupMatchSelectWidth={false}
          data-testid="public-result"
        />
        <Input.Search
          allowClear
          placeholder={t('public.search')}
          aria-label={t('public.search')}
          onSearch={setQ}
          style={{ width: 240, maxWidth: '100%' }}
          data-testid="public-search"
        />
        {unit && (
          <Tag closable onClose={() => setUnit(null)} color="blue">
            {t('fields.leadUnit')}：{unit.name}
          </Tag>
        )}
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <List
        loading={list.loading && list.items.length === 0}
        dataSource={list.items}
        locale={{ emptyText: <Empty description={t('public.empty')} /> }}
        renderItem={(r) => (
          <li key={r.id}>
            <Card size="small" style={{ marginBottom: 8 }} data-testid="public-reply">
              <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
                <Link to={`/suggestion-replies/${r.id}`} style={{ fontWeight: 600, wordBreak: 'break-word' }}>
                  {r.title}
                </Link>
                <Space wrap size={[8, 4]}>
                  <Tag color={RESULT_COLORS[r.resultCategory] ?? 'default'} style={{ marginInlineEnd: 0 }}>
                    {r.resultCategory} {localized(r.resultLabel)}
                  </Tag>
                  <Tag style={{ marginInlineEnd: 0 }}>{localized(r.categoryLabel)}</Tag>
                </Space>
                <Typography.Paragraph
                  ellipsis={{ rows: 3 }}
                  style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
                >
                  {r.replyContent}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.number ?? '—'}
                  {r.proposerName ? ` · ${t('public.proposer', { name: r.proposerName })}` : ''}
                </Typography.Text>
                <Space wrap size={[8, 0]} style={{ fontSize: 12 }}>
                  {r.leadUnitName && r.leadUnitId && (
                    <Typography.Link
                      style={{ fontSize: 12 }}
                      onClick={() => setUnit({ id: r.leadUnitId!, name: r.leadUnitName! })}
                    >
                      {r.leadUnitName}
                    </Typography.Link>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('public.repliedOn', { date: fmtDate(r.repliedAt) })}
                  </Typography.Text>
                </Space>
              </Space>
            </Card>
          </li>
        )}
      />
      <LoadMore list={list} />
    </div>
  );
}
