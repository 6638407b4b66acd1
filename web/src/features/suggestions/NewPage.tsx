// A deputy writes a suggestion on the phone, over several days if need be (issue 23 point 1): a draft is saved
// with a title alone, reopened here (/suggestions/:id/edit) to go on writing, co-signers invited, and submitted
// when complete. The server says what is still missing (400 naming the fields), shown on the fields themselves.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, Upload, message } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, currentLang, newIdempotencyKey, problemMessage } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import {
  createSuggestion,
  editSuggestionDraft,
  findPublicDeputies,
  paths,
  submitSuggestion,
  uploadFile,
  type SuggestionAnswer as Answer,
} from './api';
import type { Category, SuggestionDetail } from './types';

interface Values {
  title?: string;
  content?: string;
  category?: string;
  cosignerIds?: string[];
}

export default function NewPage() {
  const { id } = useParams();
  const draft = useResource<SuggestionDetail>(id ? paths.getSuggestion(id) : null);
  if (!id) return <DraftForm />;
  if (!draft.data)
    return (
      <div style={{ maxWidth: 720, margin: '0 auto' }}>
        <ErrorAlert error={draft.error} onRetry={draft.reload} />
      </div>
    );
  if (draft.data.status !== 'draft') return <NotADraft id={id} />;
  return <DraftForm key={draft.data.id} existing={draft.data} />;
}

function NotADraft({ id }: { id: string }) {
  const { t } = useTranslation('suggestions');
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <Alert
        type="warning"
        showIcon
        title={t('draft.notDraft')}
        action={<Link to={`/suggestions/${id}`}>{t('draft.back')}</Link>}
      />
    </div>
  );
}

/** The form: empty for a new suggestion, filled with the draft's content when one is reopened. */
function DraftForm({ existing }: { existing?: SuggestionDetail }) {
  const { t } = useTranslation('suggestions');
  const nav = useNavigate();
  const [form] = Form.useForm<Values>();
  const cats = useResource<{ items: Category[] }>(paths.findSuggestionCategories());
  const [deputies, setDeputies] = useState<{ value: string; label: string }[]>(
    existing?.cosigners.map((c) => ({ value: c.deputyId, label: c.name })) ?? [],
  );
  const [files, setFiles] = useState<{ id: string; name: string }[]>(
    existing?.attachments.map((a) => ({ id: a.id, name: a.originalName })) ?? [],
  );
  const [busy, setBusy] = useState(false);
  const key = useMemo(() => newIdempotencyKey(), []);
  const editing = !!existing;

  const search = async (q: string) => {
    if (!q) return;
    const res = await findPublicDeputies(q);
    setDeputies((prev) => {
      const chosen = new Set(form.getFieldValue('cosignerIds') ?? []);
      const kept = prev.filter((d) => chosen.has(d.value));
      return [
        ...kept,
        ...res.items.filter((d) => !chosen.has(d.id)).map((d) => ({ value: d.id, label: d.name })),
      ];
    });
  };
  /** The fields as the API takes them: what is blank left out, so a draft keeps only what was written. */
  const body = (v: Values) => ({
    ...(v.title?.trim() ? { title: v.title } : {}),
    ...(v.content?.trim() ? { content: v.content } : {}),
    ...(v.category ? { category: v.category } : {}),
    cosignerIds: v.cosignerIds ?? [],
    attachmentIds: files.map((f) => f.id),
  });
  const fail = (err: unknown) => {
    if (!applyFieldErrors(form, err)) message.error(problemMessage(err));
  };

  const save = async (submit: boolean) => {
    // A draft needs its title; the rest the server checks on submission and names what is missing.
    try {
      await form.validateFields(['title']);
    } catch {
      message.error(t('form.needTitle'));
      return;
    }
    const v = form.getFieldsValue();
    setBusy(true);
    try {
      let res: Answer;
      if (editing) {
        const edits = body(v);
        // Clearing a field of a draft is an edit too.
        res = await editSuggestionDraft(existing.id, {
          ...edits,
          content: edits.content ?? '',
          category: edits.category ?? '',
        });
        if (submit) res = await submitSuggestion(existing.id, {});
      } else {
        res = await createSuggestion({ ...body(v), ...(submit ? {} : { draft: true }) }, key);
      }
      message.success(
        !submit
          ? t('form.saved')
          : res.number
            ? t('form.submitted', { number: res.number })
            : t('form.waiting'),
      );
      void nav(`/suggestions/${res.id}`);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const categoryOf = existing?.category || undefined;
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <PageHeader title={editing ? t('form.editTitle') : t('form.title')} />
      <Alert type="info" showIcon title={t('form.draftHint')} style={{ marginBottom: 12 }} />
      <Card size="small">
        <Form
          form={form}
          layout="vertical"
          onFinish={() => save(true)}
          data-testid="suggestion-form"
          initialValues={
            existing
              ? {
                  title: existing.title,
                  content: existing.content || undefined,
                  category: categoryOf,
                  cosignerIds: existing.cosigners.map((c) => c.deputyId),
                }
              : undefined
          }
        >
          <Form.Item
            name="title"
            label={t('fields.title')}
            rules={[{ required: true, whitespace: true, message: t('form.needTitle') }, { max: 200 }]}
          >
            <Input data-testid="title" />
          </Form.Item>
          <Form.Item name="category" label={t('fields.category')} required>
            <Select
              data-testid="category"
              aria-label={t('fields.category')}
              allowClear
              options={(cats.data?.items ?? []).map((c) => ({
                value: c.code,
                label: currentLang() === 'en' ? c.en : c.zh,
              }))}
            />
          </Form.Item>
          <Form.Item name="content" label={t('fields.content')} required>
            <Input.TextArea rows={8} data-testid="content" />
          </Form.Item>
          <Form.Item name="cosignerIds" label={t('fields.cosigners')}>
            <Select
              mode="multiple"
              showSearch
              filterOption={false}
              onSearch={search}
              placeholder={t('form.searchDeputy')}
              aria-label={t('fields.cosigners')}
              options={deputies}
              data-testid="cosigners"
            />
          </Form.Item>
          <Form.Item label={t('fields.attachments')}>
            <Upload
              defaultFileList={files.map((f) => ({ uid: f.id, name: f.name, status: 'done' as const }))}
              customRequest={async ({ file, onSuccess, onError }) => {
                const fd = new FormData();
                fd.append('purpose', 'suggestion.attachment');
                fd.append('file', file as Blob);
                try {
                  const f = await uploadFile(fd);
                  setFiles((xs) => [...xs, { id: f.id, name: f.originalName }]);
                  onSuccess?.(f);
                } catch (err) {
                  message.error(problemMessage(err));
                  onError?.(err as Error);
                }
              }}
              onRemove={(f) =>
                setFiles((xs) =>
                  xs.filter(
                    (x) => x.id !== f.uid && x.id !== (f.response as { id?: string } | undefined)?.id,
                  ),
                )
              }
            >
              <Button icon={<UploadOutlined />}>{t('form.upload')}</Button>
            </Upload>
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="submit">
              {t('form.submit')}
            </Button>
            <Button onClick={() => void save(false)} disabled={busy} data-testid="save-draft">
              {t('form.draft')}
            </Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
