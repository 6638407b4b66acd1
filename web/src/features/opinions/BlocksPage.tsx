// The block list of the public form: phones and network addresses that may not submit, with the reason.
import { useState } from 'react';
import { App, Button, Form, Input, List, Modal, Popconfirm, Radio, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, problemMessage, type Abilities } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { blockSubmitter, paths, unblockSubmitter } from './api';
import { fmt } from './shared';

interface Block {
  id: string;
  kind: 'phone' | 'ip';
  reason: string;
  createdAt: string;
}
interface BlockValues {
  kind: 'phone' | 'ip';
  value: string;
  reason: string;
}

export default function BlocksPage() {
  const { t } = useTranslation('opinions');
  const { message } = App.useApp();
  const blocks = useResource<{ items: Block[]; abilities: Abilities }>(paths.findOpinionBlocks());
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<BlockValues>();
  const canManage = !!blocks.data?.abilities.manageBlocks;

  const add = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await blockSubmitter(v);
      message.success(t('blocks.added'));
      setAdding(false);
      form.resetFields();
      blocks.reload();
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (b: Block) => {
    try {
      await unblockSubmitter(b.id);
      message.success(t('blocks.removed'));
      blocks.reload();
    } catch (err) {
      message.error(problemMessage(err));
    }
  };

  return (
    <div style={{ maxWidth: 860, margin: '0 auto' }}>
      <PageHeader
        title={t('blocks.title')}
        sub={t('blocks.intro')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t('blocks.add')}
            </Button>
          )
        }
      />
      <ErrorAlert error={blocks.error} onRetry={blocks.reload} />
      <List
        loading={blocks.loading}
        locale={{ emptyText: t('blocks.empty') }}
        dataSource={blocks.data?.items ?? []}
        renderItem={(b) => (
          <List.Item
            key={b.id}
            actions={
              canManage
                ? [
                    <Popconfirm
                      key="remove"
                      title={t('blocks.confirmRemove')}
                      onConfirm={() => void remove(b)}
                    >
                      <Button size="small">{t('blocks.remove')}</Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color={b.kind === 'phone' ? 'blue' : 'purple'}>{t(`blocks.kinds.${b.kind}`)}</Tag>
                  <Typography.Text>{b.reason}</Typography.Text>
                </Space>
              }
              description={`${t('blocks.since')} ${fmt(b.createdAt)}`}
            />
          </List.Item>
        )}
      />
      <Modal
        open={adding}
        title={t('blocks.add')}
        confirmLoading={busy}
        onCancel={() => setAdding(false)}
        onOk={() => void add()}
        forceRender
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'phone' }}>
          <Form.Item name="kind" label={t('blocks.kind')} rules={[{ required: true }]}>
            <Radio.Group
              options={(['phone', 'ip'] as const).map((k) => ({ value: k, label: t(`blocks.kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="value" label={t('blocks.value')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="reason" label={t('blocks.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
