// The period report (e.g. an activity month): people received, opinions collected, solved, in progress,
// overdue — each computed from the records — with the Excel export.
import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { exportOpinionPeriodReport, paths } from './api';
import { useStreets } from './shared';

interface Row {
  streetId: string;
  receptions: number;
  peopleReceived: number;
  received: number;
  solved: number;
  inProgress: number;
  overdue: number;
  closedUnresolved: number;
  solvedRate: number | null;
  satisfactionRate: number | null;
}

export default function ReportPage() {
  const { t } = useTranslation('opinions');
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('month'), dayjs()]);
  const [from, to] = [range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD')];
  const res = useResource<{ total: Row; byStreet: Row[] }>(paths.getOpinionPeriodReport(from, to));
  const streets = useStreets();
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
  const tot = res.data?.total;
  return (
    <div>
      <PageHeader
        title={t('report.title')}
        extra={
          <>
            <DatePicker.RangePicker
              value={range}
              allowClear={false}
              onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])}
            />
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void exportOpinionPeriodReport(
                  from,
                  to,
                  `opinions-${range[0].format('YYYYMMDD')}-${range[1].format('YYYYMMDD')}.xlsx`,
                )
              }
            >
              {t('report.export')}
            </Button>
          </>
        }
      />
      <ErrorAlert error={res.error} onRetry={res.reload} />
      {tot && (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title={t('report.sentence', {
            people: tot.peopleReceived,
            received: tot.received,
            solved: tot.solved,
            inProgress: tot.inProgress,
            overdue: tot.overdue,
          })}
        />
      )}
      <Card size="small">
        <Table
          size="small"
          rowKey="streetId"
          pagination={false}
          scroll={{ x: true }}
          loading={res.loading}
          dataSource={res.data ? [...res.data.byStreet, { ...res.data.total, streetId: 'total' }] : []}
          columns={[
            {
              title: t('form.street'),
              dataIndex: 'streetId',
              render: (id: string) => (id === 'total' ? '合计' : streets.find((s) => s.id === id)?.name),
            },
            { title: t('report.receptions'), dataIndex: 'receptions' },
            { title: t('report.peopleReceived'), dataIndex: 'peopleReceived' },
            { title: t('report.received'), dataIndex: 'received' },
            { title: t('stats.solved'), dataIndex: 'solved' },
            { title: t('stats.inProgress'), dataIndex: 'inProgress' },
            { title: t('stats.overdue'), dataIndex: 'overdue' },
            { title: t('stats.closedUnresolved'), dataIndex: 'closedUnresolved' },
            { title: t('stats.solvedRate'), dataIndex: 'solvedRate', render: pct },
            { title: t('stats.satisfactionRate'), dataIndex: 'satisfactionRate', render: pct },
          ]}
        />
      </Card>
    </div>
  );
}
