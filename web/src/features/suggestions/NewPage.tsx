// A deputy drafts a suggestion on the phone: title, content, category, co-signers, attachments.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, Upload, message } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, applyFieldErrors, currentLang, newIdempotencyKey, problemMessage, qs } from '../../api';
import { PageHeader, useResource } from '../../shell/components';
import type { Category } from './types';

interface Values {
  title: string;
  content: string;
  category: string;
  cosignerIds?: string[];
}

export default function NewPage() {
  const { t } = useTranslation('suggestions');
  const nav = useNavigate();
  const [form] = Form.useForm<Values>();
  const cats = useResource<{ items: Category[] }>('/suggestion-categories');
  const [deputies, setDeputies] = useState<{ value: string; label: string }[]>([]);
  const [files, setFiles] = useState<{ id: string; name: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const key = useMemo(() => newIdempotencyKey(), []);

  const search = async (q: string) => {
    if (!q) return;
    const res = await api.get<{ items: { id: string; name: string }[] }>(
      `/public/deputies${qs({ q, limit: 20 })}`,
    );
    setDeputies(res.items.map((d) => ({ value: d.id, label: d.name })));
  };
  const submit = async (v: Values, draft = false) => {
    setBusy(true);
    try {
      const res = await api.post<{ id: string; number: string | null; status: string }>(
        '/suggestions',
        {
          ...v,
          cosignerIds: v.cosignerIds ?? [],
          attachmentIds: files.map((f) => f.id),
          ...(draft ? { draft: true } : {}),
        },
        { idempotencyKey: key },
      );
      message.success(res.number ? t('form.submitted', { number: res.number }) : t('form.waiting'));
      void nav(`/suggestions/${res.id}`);
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <PageHeader title={t('form.title')} />
      <Alert type="info" showIcon title={t('form.hint')} style={{ marginBottom: 12 }} />
      <Card size="small">
        <Form form={form} layout="vertical" onFinish={(v) => submit(v)} data-testid="suggestion-form">
          <Form.Item name="title" label={t('fields.title')} rules={[{ required: true, max: 200 }]}>
            <Input data-testid="title" />
          </Form.Item>
          <Form.Item name="category" label={t('fields.category')} rules={[{ required: true }]}>
            <Select
              data-testid="category"
              options={(cats.data?.items ?? []).map((c) => ({
                value: c.code,
                label: currentLang() === 'en' ? c.en : c.zh,
              }))}
            />
          </Form.Item>
          <Form.Item name="content" label={t('fields.content')} rules={[{ required: true }]}>
            <Input.TextArea rows={8} data-testid="content" />
          </Form.Item>
          <Form.Item name="cosignerIds" label={t('fields.cosigners')}>
            <Select
              mode="multiple"
              showSearch
              filterOption={false}
              onSearch={search}
              placeholder={t('form.searchDeputy')}
              options={deputies}
            />
          </Form.Item>
          <Form.Item label={t('fields.attachments')}>
            <Upload
              customRequest={async ({ file, onSuccess, onError }) => {
                const fd = new FormData();
                fd.append('purpose', 'suggestion.attachment');
                fd.append('file', file as Blob);
                try {
                  const f = await api.upload<{ id: string; originalName: string }>('/files', fd);
                  setFiles((xs) => [...xs, { id: f.id, name: f.originalName }]);
                  onSuccess?.(f);
                } catch (err) {
                  message.error(problemMessage(err));
                  onError?.(err as Error);
                }
              }}
              onRemove={(f) => setFiles((xs) => xs.filter((x) => x.name !== f.name))}
            >
              <Button icon={<UploadOutlined />}>{t('form.upload')}</Button>
            </Upload>
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="submit">
              {t('form.submit')}
            </Button>
            <Button onClick={() => form.validateFields().then((v) => submit(v, true))} disabled={busy}>
              {t('form.draft')}
            </Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
