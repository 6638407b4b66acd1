// Candidate projects for deputies before the sitting, with the deputies' deliberation by delegation.
import { useState } from 'react';
import { App, Button, Card, Collapse, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api';
import { useAuth } from '../../auth';
import { ErrorAlert, PageHeader, usePagedList } from '../../shell/components';
import { yuan } from './types';
import { addDeliberation, paths } from './api';

interface Candidate {
  id: string;
  year: number;
  title: string;
  description: string;
  leadUnitName: string;
  budget: number;
  feasibilityNote: string;
  deliberationCount: number;
  abilities: Record<string, boolean>;
}

export default function CandidatesPage() {
  const { t } = useTranslation('livelihood');
  const years = [new Date().getFullYear() + 1, new Date().getFullYear(), new Date().getFullYear() - 1];
  const [year, setYear] = useState(years[0]);
  const list = usePagedList<Candidate>(paths.findLivelihoodCandidates(), { year });
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <PageHeader
        title={t('candidates.title')}
        extra={
          <Select
            value={year}
            onChange={setYear}
            aria-label={t('create.year')}
            options={years.map((y) => ({ value: y, label: y }))}
          />
        }
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <List
        loading={list.loading}
        dataSource={list.items}
        renderItem={(c) => (
          <li key={c.id}>
            <Card size="small" title={c.title} style={{ marginBottom: 12 }}>
              <Space wrap style={{ marginBottom: 8 }}>
                <Tag>
                  {t('candidates.leadUnit')}：{c.leadUnitName}
                </Tag>
                <Tag>
                  {t('candidates.budget')}：{yuan(c.budget)}
                </Tag>
              </Space>
              {c.description && <Typography.Paragraph>{c.description}</Typography.Paragraph>}
              {c.feasibilityNote && (
                <Typography.Paragraph type="secondary">
                  {t('candidates.feasibility')}：{c.feasibilityNote}
                </Typography.Paragraph>
              )}
              <Collapse
                size="small"
                items={[
                  {
                    key: 'd',
                    label: `${t('candidates.deliberation')}（${c.deliberationCount}）`,
                    children: <Deliberation candidate={c} />,
                  },
                ]}
              />
            </Card>
          </li>
        )}
      />
    </div>
  );
}

function Deliberation({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation('livelihood');
  const { message } = App.useApp();
  const { hasRole } = useAuth();
  const list = usePagedList<{ id: string; delegation: string; content: string; createdAt: string }>(
    paths.findDeliberations(candidate.id),
  );
  const [form] = Form.useForm();
  const send = async (v: { delegation: string; content: string }) => {
    try {
      await addDeliberation(candidate.id, v);
      form.resetFields(['content']);
      list.reload();
    } catch (err) {
      message.error(problemMessage(err));
    }
  };
  return (
    <>
      <List
        size="small"
        locale={{ emptyText: t('candidates.none') }}
        dataSource={list.items}
        renderItem={(d) => (
          <List.Item key={d.id}>
            <Space direction="vertical" size={0}>
              <Tag color="blue">{d.delegation}</Tag>
              <span>{d.content}</span>
            </Space>
          </List.Item>
        )}
      />
      {candidate.abilities.deliberate && hasRole('deputy') && (
        <Form form={form} layout="vertical" onFinish={send}>
          <Form.Item
            name="delegation"
            label={t('candidates.delegation')}
            rules={[{ required: true, max: 60 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="content" label={t('candidates.comment')} rules={[{ required: true, max: 4000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button htmlType="submit" type="primary">
            {t('candidates.send')}
          </Button>
        </Form>
      )}
    </>
  );
}
