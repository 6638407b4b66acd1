// The public call for project ideas: propose one (area, rough cost), and support (+1) the ideas of others.
import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, List, Select, Space, Tag, Typography } from 'antd';
import { LikeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, newIdempotencyKey, problemMessage } from '../../api';
import { ErrorAlert, PageHeader, usePagedList, useResource } from '../../shell/components';
import { paths, submitLivelihoodIdea, supportLivelihoodIdea } from './api';

interface Idea {
  id: string;
  year: number;
  title: string;
  content: string;
  streetId: string | null;
  estimatedCost: number | null;
  supportCount: number;
}

export default function IdeasPage() {
  const { t } = useTranslation('livelihood');
  const { message } = App.useApp();
  const year = new Date().getFullYear() + 1;
  const list = usePagedList<Idea>(paths.findLivelihoodIdeas(), { year });
  const congress = useResource<{ streets: { id: string; name: string }[] }>(paths.getPublicCongress());
  const [form] = Form.useForm();
  const [key] = useState(newIdempotencyKey);
  const [supported, setSupported] = useState<Record<string, number>>({});
  const streetName = (id: string | null) => congress.data?.streets.find((s) => s.id === id)?.name;

  const submit = async (v: {
    title: string;
    content: string;
    streetId?: string;
    cost?: number;
    submitterName?: string;
  }) => {
    try {
      await submitLivelihoodIdea(
        {
          year,
          title: v.title,
          content: v.content,
          streetId: v.streetId ?? null,
          estimatedCost: v.cost != null ? Math.round(v.cost * 10_000) : null,
          submitterName: v.submitterName ?? '',
        },
        key,
      );
      message.success(t('ideas.thanks'));
      form.resetFields();
      list.reload();
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(problemMessage(err));
    }
  };
  const support = async (id: string) => {
    try {
      const r = await supportLivelihoodIdea(id);
      setSupported((s) => ({ ...s, [id]: r.supportCount }));
    } catch (err) {
      message.error(problemMessage(err));
    }
  };

  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }}>
      <PageHeader title={t('ideas.title')} sub={t('ideas.intro')} />
      <Card size="small" title={t('ideas.propose')} style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="title" label={t('ideas.titleLabel')} rules={[{ required: true, max: 120 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="content" label={t('ideas.content')} rules={[{ required: true, max: 4000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="streetId" label={t('ideas.street')}>
              <Select
                allowClear
                style={{ width: 180 }}
                options={congress.data?.streets.map((s) => ({ value: s.id, label: s.name }))}
              />
            </Form.Item>
            <Form.Item name="cost" label={t('ideas.cost')}>
              <InputNumber min={0} style={{ width: 140 }} />
            </Form.Item>
          </Space>
          <Form.Item name="submitterName" label={t('ideas.name')}>
            <Input maxLength={60} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('ideas.submit')}
          </Button>
        </Form>
      </Card>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <List
        loading={list.loading}
        dataSource={list.items}
        renderItem={(idea) => (
          <List.Item
            key={idea.id}
            actions={[
              <Button
                key="s"
                icon={<LikeOutlined />}
                disabled={idea.id in supported}
                onClick={() => support(idea.id)}
              >
                {t('ideas.supports', { n: supported[idea.id] ?? idea.supportCount })}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={idea.title}
              description={
                <Space direction="vertical" size={2}>
                  <Typography.Text type="secondary">{idea.content}</Typography.Text>
                  <Space wrap>
                    {streetName(idea.streetId) && <Tag>{streetName(idea.streetId)}</Tag>}
                    {idea.estimatedCost != null && (
                      <Tag>{(idea.estimatedCost / 10_000).toLocaleString()} 万元</Tag>
                    )}
                  </Space>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
