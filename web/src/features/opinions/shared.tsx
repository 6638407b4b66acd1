// Pieces shared by the opinion pages: types, status tags, the timeline, lookups for categories and streets.
import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../shell/components';
import { paths } from './api';
import ChartHost, { type ChartProps } from '../../shell/Chart';
import { formatDate, formatDateTime } from '../../shell/datetime';

export interface Category {
  code: string;
  name: string;
  nameEn: string;
}
export interface Place {
  id: string;
  name: string;
  nameEn?: string;
}
export interface TimelineEvent {
  kind: string;
  note: string | null;
  at: string;
  isPublic?: boolean;
  outcome?: string;
  rating?: string;
  data?: Record<string, unknown>;
}

const STATUS_COLOR: Record<string, string> = {
  submitted: 'default',
  claimed: 'processing',
  forwarded: 'processing',
  returnedToStaff: 'warning',
  replied: 'cyan',
  answeredOnSpot: 'cyan',
  raisedAsSuggestion: 'purple',
  merged: 'default',
  inadmissible: 'default',
  closedResolved: 'success',
  closedUnresolved: 'orange',
};

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation('opinions');
  return <Tag color={STATUS_COLOR[status] ?? 'default'}>{t(`status.${status}`)}</Tag>;
}

export function DueTag({ due }: { due: string | null | undefined }) {
  const { t } = useTranslation('opinions');
  if (!due) return null;
  return <Tag color={due === 'overdue' ? 'red' : 'gold'}>{t(`due.${due}`)}</Tag>;
}

// Times and dates as the whole app shows them (shell/datetime.ts).
export const fmt = (iso: string | null | undefined) => formatDateTime(iso);
export const fmtDate = (iso: string | null | undefined) => formatDate(iso);

export function OpinionTimeline({ events }: { events: TimelineEvent[] }) {
  const { t } = useTranslation('opinions');
  return (
    <Timeline
      items={events.map((e) => ({
        color:
          e.kind === 'reopened' || e.kind === 'escalated'
            ? 'red'
            : e.kind === 'reply' || e.kind === 'rated'
              ? 'green'
              : 'blue',
        content: (
          <div>
            <Typography.Text strong>{t(`event.${e.kind}`, { defaultValue: e.kind })}</Typography.Text>{' '}
            {e.isPublic === false && <Tag>{t('item.internal')}</Tag>}
            {(e.outcome ?? (e.data?.outcome as string | undefined)) && (
              <Tag color="green">{t(`outcome.${e.outcome ?? String(e.data?.outcome)}`)}</Tag>
            )}
            {(e.rating ?? (e.data?.rating as string | undefined)) && (
              <Tag color="gold">{t(`rating.${e.rating ?? String(e.data?.rating)}`)}</Tag>
            )}
            <div>
              <Typography.Text type="secondary">{fmt(e.at)}</Typography.Text>
            </div>
            {e.note && (
              <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                {e.note}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}

export function useCategories() {
  const r = useResource<{ items: Category[] }>(paths.findOpinionCategories());
  return r.data?.items ?? [];
}

export function useStreets() {
  const r = useResource<{ items: Place[] }>(paths.findStreets());
  return r.data?.items ?? [];
}

export function useCategoryName() {
  const cats = useCategories();
  const { i18n } = useTranslation();
  return (code: string) => {
    const c = cats.find((x) => x.code === code);
    return c ? (i18n.language.startsWith('en') ? c.nameEn : c.name) : code;
  };
}

/** A minimal ECharts host. */
/** The app's chart host, 260 px high by default on the opinion pages. */
export const Chart = ({ option, height = 260 }: ChartProps) => <ChartHost option={option} height={height} />;
