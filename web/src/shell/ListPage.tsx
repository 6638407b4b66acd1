// The list page every feature shares: a header with its actions, labelled filters, the table over a paged list
// (error, loading, "load more") with an edit action per row, and the page's dialogs (FormModal.tsx). The table's
// scroll area is a named region reachable by keyboard, and every filter has a name (not only a placeholder).
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { Button, Input, Select, Table, type SelectProps, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, LoadMore, PageHeader, type PagedList } from './components';

/** The row of filters above a list. */
export function Filters({ children }: { children: ReactNode }) {
  return <div className="filters">{children}</div>;
}

/** A filter select: its label is both placeholder and accessible name; clearable. */
export function FilterSelect<V = string>({ label, ...rest }: SelectProps<V> & { label: string }) {
  return <Select<V> allowClear placeholder={label} aria-label={label} {...rest} />;
}

/** A search box filter, named by its label. */
export function FilterSearch({
  label,
  onSearch,
  style,
}: {
  label: string;
  onSearch: (q: string) => void;
  style?: CSSProperties;
}) {
  return (
    <Input.Search
      allowClear
      placeholder={label}
      aria-label={label}
      onSearch={onSearch}
      style={{ maxWidth: 280, ...style }}
    />
  );
}

/**
 * Makes the table's horizontal scroll area a named region in the tab order (axe `scrollable-region-focusable`),
 * so that keyboard users can scroll it.
 */
function useScrollRegion(label: string, deps: unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    for (const el of ref.current?.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body') ??
      []) {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', label);
    }
  }, [label, ...deps]);
  return ref;
}

export interface CrudTableProps<T> extends Omit<TableProps<T>, 'columns' | 'dataSource' | 'loading'> {
  list: Pick<PagedList<T>, 'items' | 'loading' | 'error' | 'reload'> &
    Partial<Pick<PagedList<T>, 'hasMore' | 'loadMore'>>;
  columns: ColumnsType<T>;
  /** Names the table's scroll region (usually the page title). */
  label: string;
  /** When given, each row gets an "edit" link in an actions column. */
  onEdit?: (row: T) => void;
  /** Further (or other) actions of a row, after "edit". */
  actions?: (row: T) => ReactNode;
  actionsWidth?: number;
}

/** A list's table: its error with retry, the rows, an actions column, and "load more" when paged. */
export function CrudTable<T extends object>({
  list,
  columns,
  label,
  onEdit,
  actions,
  actionsWidth = 80,
  rowKey = 'id',
  size = 'middle',
  pagination = false,
  ...rest
}: CrudTableProps<T>) {
  const { t } = useTranslation();
  const ref = useScrollRegion(label, [list.items.length]);
  const withActions = !!onEdit || !!actions;
  return (
    <div ref={ref}>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<T>
        rowKey={rowKey}
        size={size}
        loading={list.loading}
        dataSource={list.items}
        pagination={pagination}
        columns={[
          ...columns,
          ...(withActions
            ? [
                {
                  title: t('actions.actions'),
                  key: 'actions',
                  width: actionsWidth,
                  render: (_: unknown, row: T) => (
                    <>
                      {onEdit && (
                        <Button type="link" size="small" onClick={() => onEdit(row)}>
                          {t('actions.edit')}
                        </Button>
                      )}
                      {actions?.(row)}
                    </>
                  ),
                },
              ]
            : []),
        ]}
        {...rest}
      />
      {list.hasMore !== undefined && list.loadMore && (
        <LoadMore list={{ hasMore: list.hasMore, loading: list.loading, loadMore: list.loadMore }} />
      )}
    </div>
  );
}

/** A whole list page: header and actions, filters, the table, and the page's dialogs as children. */
export function ListPage<T extends object>({
  title,
  sub,
  extra,
  filters,
  children,
  ...table
}: Omit<CrudTableProps<T>, 'label' | 'title'> & {
  title: string;
  sub?: ReactNode;
  extra?: ReactNode;
  filters?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div>
      <PageHeader title={title} sub={sub} extra={extra} />
      {filters && <Filters>{filters}</Filters>}
      <CrudTable<T> label={title} {...table} />
      {children}
    </div>
  );
}
