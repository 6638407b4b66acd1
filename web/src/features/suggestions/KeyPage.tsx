// The leader's dashboard: the key suggestions they lead (重点督办) and the overdue items.
import { Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { paths } from './api';
import { ProvisionalMark } from '../../shell/deadline';
import { STATUS_COLORS, fmtDate } from './types';

interface Item {
  id: string;
  number: string;
  title: string;
  status: string;
  deadline: string | null;
  leadUnitName: string | null;
  overdue: boolean;
  supervisions?: number;
}

export default function KeyPage() {
  const { t } = useTranslation('suggestions');
  const { data, error, reload } = useResource<{
    key?: Item[];
    overdue?: Item[];
    unit?: { overdue: Item[]; dueSoon: Item[] };
  }>(paths.getSuggestionDashboard());
  const render = (x: Item) => (
    <List.Item>
      <Space orientation="vertical" size={0}>
        <Link to={`/suggestions/${x.id}`}>{x.title}</Link>
        <Space wrap>
          <Typography.Text type="secondary">{x.number}</Typography.Text>
          <Tag color={STATUS_COLORS[x.status]}>{t(`status.${x.status}`)}</Tag>
          {x.overdue && <Tag color="red">{t('fields.overdue')}</Tag>}
          <Typography.Text type="secondary">
            {x.leadUnitName ?? ''} · {fmtDate(x.deadline)}
          </Typography.Text>
          <ProvisionalMark date={x.deadline} />
          {x.supervisions !== undefined && (
            <Tag>
              {t('key.supervisions')} {x.supervisions}
            </Tag>
          )}
        </Space>
      </Space>
    </List.Item>
  );
  return (
    <div style={{ maxWidth: 1100, margin: '0 auto' }}>
      <PageHeader title={t('key.title')} />
      <ErrorAlert error={error} onRetry={reload} />
      <Row gutter={[16, 16]}>
        {data?.key && (
          <Col xs={24} lg={14}>
            <Card size="small" title={`${t('key.title')}（${data.key.length}）`} data-testid="key-list">
              <List
                size="small"
                dataSource={data.key}
                renderItem={render}
                locale={{ emptyText: t('key.empty') }}
              />
            </Card>
          </Col>
        )}
        <Col xs={24} lg={10}>
          <Card
            size="small"
            title={`${t('key.overdue')}（${(data?.overdue ?? data?.unit?.overdue ?? []).length}）`}
          >
            <List size="small" dataSource={data?.overdue ?? data?.unit?.overdue ?? []} renderItem={render} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
