// A deputy's own pledges (承诺践诺 "我当代表为人民"): publish the year's pledges, then record what was done
// about each until it is fulfilled. Voters read them on the deputy's public record.
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Radio,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { formatDate, shanghaiToday } from '../../shell/datetime';
import { FormModal } from '../../shell/FormModal';
import { createPledges, paths, recordPledgeProgress } from './api';
import type { Pledge } from './types';

export const PLEDGE_COLOR: Record<Pledge['status'], string> = {
  pledged: 'default',
  inProgress: 'blue',
  fulfilled: 'green',
};

export default function PledgesPage() {
  const { t } = useTranslation('activities');
  const { user } = useAuth();
  const deputyId = user?.deputyId ?? undefined;
  const thisYear = Number(shanghaiToday().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const { data, error, reload } = useResource<{ items: Pledge[]; fulfilled: number }>(
    deputyId ? paths.findDeputyPledges(deputyId, year) : null,
  );
  const [adding, setAdding] = useState(false);
  const [progressOf, setProgressOf] = useState<Pledge | null>(null);
  const [addForm] = Form.useForm<{ items: string[] }>();
  const [progressForm] = Form.useForm<{ note: string; status: 'inProgress' | 'fulfilled' }>();
  const { message } = App.useApp();
  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      <PageHeader
        title={t('pledges.title')}
        sub={deputyId && <Link to={`/deputies/${deputyId}/record?year=${year}`}>{t('pledges.public')}</Link>}
        extra={
          <Space wrap>
            <Select
              value={year}
              onChange={setYear}
              aria-label={t('record.year')}
              style={{ width: 100 }}
              options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({
                value: y,
                label: String(y),
              }))}
            />
            {year >= thisYear && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setAdding(true)}
                data-testid="new-pledges"
              >
                {t('pledges.new')}
              </Button>
            )}
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t('pledges.hint')}</Typography.Paragraph>
      <ErrorAlert error={error} onRetry={reload} />
      <List
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t('pledges.none')} /> }}
        data-testid="pledges"
        renderItem={(p, i) => (
          <List.Item style={{ display: 'block', padding: 0, borderBlockEnd: 'none' }}>
            <Card size="small" style={{ marginBottom: 8 }}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space wrap align="start" style={{ justifyContent: 'space-between', width: '100%' }}>
                  <Typography.Text strong>
                    {i + 1}. {p.content}
                  </Typography.Text>
                  <Tag color={PLEDGE_COLOR[p.status]}>{t(`pledgeStatus.${p.status}`)}</Tag>
                </Space>
                {p.progress.length > 0 && (
                  <Timeline
                    items={p.progress.map((n) => ({
                      color: n.status === 'fulfilled' ? 'green' : 'blue',
                      content: (
                        <>
                          <Typography.Text type="secondary">{formatDate(n.at)}</Typography.Text> {n.note}
                        </>
                      ),
                    }))}
                  />
                )}
                {p.status !== 'fulfilled' && (
                  <Button size="small" onClick={() => setProgressOf(p)} data-testid="pledge-progress">
                    {t('pledges.progress')}
                  </Button>
                )}
              </Space>
            </Card>
          </List.Item>
        )}
      />
      <FormModal<{ items: string[] }, unknown>
        form={addForm}
        open={adding}
        title={t('pledges.newTitle', { year })}
        values={{ items: [''] }}
        save={(v, key) => createPledges({ year, items: v.items.map((s) => s.trim()).filter(Boolean) }, key)}
        onSaved={() => {
          setAdding(false);
          reload();
        }}
        onClose={() => setAdding(false)}
      >
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space.Compact key={f.key} style={{ width: '100%', marginBottom: 8 }}>
                  <Form.Item
                    name={f.name}
                    style={{ flex: 1, marginBottom: 0 }}
                    rules={[{ required: true, message: t('create.required') }]}
                  >
                    <Input
                      maxLength={500}
                      placeholder={t('pledges.placeholder')}
                      aria-label={t('pledges.item')}
                    />
                  </Form.Item>
                  <Button
                    icon={<MinusCircleOutlined />}
                    aria-label={t('pledges.remove')}
                    onClick={() => remove(f.name)}
                  />
                </Space.Compact>
              ))}
              {fields.length < 10 && (
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add('')}>
                  {t('pledges.add')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </FormModal>
      <FormModal<{ note: string; status: 'inProgress' | 'fulfilled' }, unknown>
        form={progressForm}
        open={!!progressOf}
        title={t('pledges.progress')}
        values={progressOf ? { status: 'inProgress' } : null}
        before={progressOf && <Typography.Paragraph>{progressOf.content}</Typography.Paragraph>}
        save={(v) => recordPledgeProgress(progressOf!.id, v)}
        onSaved={() => {
          setProgressOf(null);
          reload();
          message.success(t('pledges.saved'));
        }}
        onClose={() => setProgressOf(null)}
      >
        <Form.Item
          name="note"
          label={t('pledges.note')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="status" label={t('pledges.status')}>
          <Radio.Group
            options={(['inProgress', 'fulfilled'] as const).map((s) => ({
              value: s,
              label: t(`pledgeStatus.${s}`),
            }))}
          />
        </Form.Item>
      </FormModal>
    </div>
  );
}
