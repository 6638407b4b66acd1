// Small building blocks every feature may use: page header, paged lists over `{ items, nextCursor }`,
// a one-shot loader, an error alert with retry.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, problemMessage, qs, type Page } from '../api';

export function PageHeader({ title, extra, sub }: { title: ReactNode; extra?: ReactNode; sub?: ReactNode }) {
  return (
    <div className="page-header">
      <div style={{ minWidth: 0 }}>
        {/* The page's one h1 (axe page-has-heading-one), the size of an h3 as before (styles.css .page-title). */}
        <Typography.Title level={1} className="page-title">
          {title}
        </Typography.Title>
        {sub && <Typography.Text type="secondary">{sub}</Typography.Text>}
      </div>
      {extra && <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>{extra}</div>}
    </div>
  );
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={problemMessage(error)}
      style={{ marginBottom: 16 }}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('errors.retry')}
          </Button>
        )
      }
    />
  );
}

type Query = Record<string, string | number | boolean | null | undefined>;

export interface PagedList<T> {
  items: T[];
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** The whole last answer (for extra fields such as `unreadCount`). */
  last: (Page<T> & Record<string, unknown>) | null;
}

/** Loads `path?query&limit=` and follows `nextCursor` on loadMore. Reloads when `query` changes. */
export function usePagedList<T>(path: string | null, query: Query = {}, limit = 50): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [last, setLast] = useState<PagedList<T>['last']>(null);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(query);
  const seq = useRef(0);

  const fetchPage = useCallback(
    async (after: string | null, append: boolean) => {
      if (!path) return;
      const mine = ++seq.current;
      setLoading(true);
      setError(null);
      try {
        const page = await api.get<Page<T> & Record<string, unknown>>(
          path + qs({ ...(JSON.parse(key) as Query), limit, cursor: after ?? undefined }),
        );
        if (mine !== seq.current) return;
        setItems((prev) => (append ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor ?? null);
        setLast(page);
      } catch (err) {
        if (mine === seq.current) setError(err);
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    },
    [path, key, limit],
  );

  useEffect(() => {
    void fetchPage(null, false);
  }, [fetchPage, version]);

  return {
    items,
    loading,
    error,
    hasMore: !!cursor,
    loadMore: () => void fetchPage(cursor, true),
    reload: () => setVersion((v) => v + 1),
    last,
  };
}

/** Loads one resource; `reload()` fetches again. */
export function useResource<T>(path: string | null): {
  data: T | null;
  loading: boolean;
  error: unknown;
  reload: () => void;
  setData: (d: T) => void;
} {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(!!path);
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setLoading(true);
    setError(null);
    api
      .get<T>(path)
      .then((d) => live && setData(d))
      .catch((err) => live && setError(err))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [path, version]);
  return { data, loading, error, reload: () => setVersion((v) => v + 1), setData };
}

export function LoadMore({ list }: { list: Pick<PagedList<unknown>, 'hasMore' | 'loading' | 'loadMore'> }) {
  const { t } = useTranslation();
  if (!list.hasMore) return null;
  return (
    <div style={{ textAlign: 'center', marginTop: 12 }}>
      <Button onClick={list.loadMore} loading={list.loading}>
        {t('actions.loadMore')}
      </Button>
    </div>
  );
}
