// The duty-points ranking of a year (履职积分排名), for staff and leaders only (a deputy sees their own place
// on their record when the congress allows it; the public never): each deputy's work and points, and every
// deputy's summary as .xlsx.
import { useState } from 'react';
import { App, Button, Select, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api';
import { useResource } from '../../shell/components';
import { shanghaiToday } from '../../shell/datetime';
import { ListPage } from '../../shell/ListPage';
import { exportDeputyRecords, paths } from './api';
import type { RankingLine } from './types';

export default function RankingPage() {
  const { t } = useTranslation('activities');
  const { message } = App.useApp();
  const thisYear = Number(shanghaiToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const { data, loading, error, reload } = useResource<{ items: RankingLine[]; of: number }>(
    paths.getPointsRanking(year),
  );
  return (
    <ListPage<RankingLine>
      title={t('ranking.title')}
      sub={t('ranking.note')}
      extra={
        <Space wrap>
          <Select
            value={year}
            onChange={setYear}
            aria-label={t('record.year')}
            style={{ width: 100 }}
            options={[0, 1, 2, 3, 4].map((k) => ({ value: thisYear - k, label: String(thisYear - k) }))}
          />
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void exportDeputyRecords(year).catch((err) => message.error(problemMessage(err)))}
          >
            .xlsx
          </Button>
        </Space>
      }
      list={{ items: data?.items ?? [], loading, error, reload }}
      rowKey="deputyId"
      scroll={{ x: true }}
      pagination={{ pageSize: 50 }}
      columns={[
        { title: t('ranking.rank'), dataIndex: 'rank', key: 'rank', width: 64 },
        {
          title: t('ranking.deputy'),
          key: 'name',
          render: (_, l) => <Link to={`/deputies/${l.deputyId}/record?year=${year}`}>{l.name}</Link>,
        },
        { title: t('record.points'), dataIndex: 'points', key: 'points' },
        { title: t('work.suggestions'), dataIndex: 'suggestions', key: 'suggestions' },
        { title: t('work.receptions'), dataIndex: 'receptions', key: 'receptions' },
        { title: t('work.activities'), dataIndex: 'activities', key: 'activities' },
        { title: t('work.meetingsAttended'), dataIndex: 'meetingsAttended', key: 'meetingsAttended' },
        { title: t('work.firmVisits'), dataIndex: 'firmVisits', key: 'firmVisits' },
        { title: t('work.pledgesFulfilled'), dataIndex: 'pledgesFulfilled', key: 'pledgesFulfilled' },
      ]}
    />
  );
}
