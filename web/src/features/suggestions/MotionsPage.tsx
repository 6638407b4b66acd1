// Motions (议案): deputies file them with enough signers; staff record the presidium's or chairpersons' meeting's decision.
import { useState } from 'react';
import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag, message } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth';
import { api, applyFieldErrors, problemMessage, qs } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';

interface Motion {
  id: string;
  number: string;
  title: string;
  status: string;
  proposerName: string;
  signers: number;
  suggestionId: string | null;
  decisionBody: string | null;
}

export default function MotionsPage() {
  const { t } = useTranslation('suggestions');
  const { hasRole } = useAuth();
  const { data, error, reload } = useResource<{ items: Motion[] }>('/motions');
  const cats = useResource<{ items: { code: string; zh: string }[] }>('/suggestion-categories');
  const [open, setOpen] = useState(false);
  const [deputies, setDeputies] = useState<{ value: string; label: string }[]>([]);
  const [form] = Form.useForm();
  const decide = (m: Motion, decision: 'agenda' | 'asSuggestion') =>
    api
      .post(`/motions/${m.id}/decision`, { decision, body: 'presidium' })
      .then(() => {
        message.success(t('done'));
        reload();
      })
      .catch((e) => message.error(problemMessage(e)));
  return (
    <div style={{ maxWidth: 1100, margin: '0 auto' }}>
      <PageHeader
        title={t('motions.title')}
        extra={
          hasRole('deputy') && (
            <Button type="primary" onClick={() => setOpen(true)}>
              {t('motions.new')}
            </Button>
          )
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      <Card size="small">
        <Table<Motion>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={data?.items ?? []}
          columns={[
            { title: t('fields.number'), dataIndex: 'number', width: 220 },
            {
              title: t('fields.title'),
              dataIndex: 'title',
              render: (v, m) => (m.suggestionId ? <Link to={`/suggestions/${m.suggestionId}`}>{v}</Link> : v),
            },
            { title: t('fields.proposer'), dataIndex: 'proposerName', width: 90 },
            { title: t('motions.signers'), dataIndex: 'signers', width: 80 },
            {
              title: t('fields.status'),
              dataIndex: 'status',
              width: 140,
              render: (v) => <Tag>{t(`motions.status.${v}`)}</Tag>,
            },
            ...(hasRole('congressStaff')
              ? [
                  {
                    title: t('motions.decide'),
                    key: 'd',
                    width: 220,
                    render: (_: unknown, m: Motion) =>
                      m.status === 'submitted' && (
                        <Space>
                          <Button size="small" onClick={() => decide(m, 'agenda')}>
                            {t('motions.agenda')}
                          </Button>
                          <Button size="small" onClick={() => decide(m, 'asSuggestion')}>
                            {t('motions.asSuggestion')}
                          </Button>
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        open={open}
        title={t('motions.new')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            try {
              await api.post('/motions', { ...v, signerIds: v.signerIds ?? [] });
              setOpen(false);
              reload();
            } catch (err) {
              if (!applyFieldErrors(form, err)) message.error(problemMessage(err));
            }
          }}
        >
          <Form.Item name="title" label={t('fields.title')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="category" label={t('fields.category')} rules={[{ required: true }]}>
            <Select options={(cats.data?.items ?? []).map((c) => ({ value: c.code, label: c.zh }))} />
          </Form.Item>
          <Form.Item name="content" label={t('fields.content')} rules={[{ required: true }]}>
            <Input.TextArea rows={5} />
          </Form.Item>
          <Form.Item name="signerIds" label={t('motions.signers')}>
            <Select
              mode="multiple"
              showSearch
              filterOption={false}
              options={deputies}
              onSearch={async (q) => {
                if (!q) return;
                const res = await api.get<{ items: { id: string; name: string }[] }>(
                  `/public/deputies${qs({ q, limit: 20 })}`,
                );
                setDeputies(res.items.map((d) => ({ value: d.id, label: d.name })));
              }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
