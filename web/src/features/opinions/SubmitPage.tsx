// The public opinion form, made for a phone: no account, prefilled from a deputy's or a liaison place's QR code.
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Radio,
  Result,
  Select,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, newIdempotencyKey, problemMessage } from '../../api';
import { PageHeader, useResource } from '../../shell/components';
import { findSimilarOpinionsInStreet, opinionPhotoUploadUrl, paths, submitOpinion } from './api';
import { useCategories, useStreets, type Place } from './shared';

interface FormValues {
  category: string;
  streetId: string;
  communityId?: string;
  content: string;
  location?: string;
  name?: string;
  phone: string;
  isPublic: boolean;
}

export default function SubmitPage() {
  const { t, i18n } = useTranslation('opinions');
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const deputyId = params.get('deputyId') ?? undefined;
  const liaisonPlaceId = params.get('liaisonPlaceId') ?? undefined;
  const [form] = Form.useForm<FormValues>();
  const categories = useCategories();
  const streets = useStreets();
  const streetId = Form.useWatch('streetId', form);
  const content = Form.useWatch('content', form);
  const communities = useResource<{ items: Place[] }>(streetId ? paths.findCommunities(streetId) : null);
  // The deputy or place a QR code came from, named on the form ("via …").
  const prefill = useResource<{
    deputy: { id: string; name: string } | null;
    liaisonPlace: { id: string; name: string; streetId: string } | null;
  }>(deputyId || liaisonPlaceId ? paths.getOpinionFormPrefill({ deputyId, liaisonPlaceId }) : null);
  const deputyName = prefill.data?.deputy?.name;
  const placeName = prefill.data?.liaisonPlace?.name;
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [similar, setSimilar] = useState<{ content: string; status: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  const [done, setDone] = useState<{ trackingCode: string } | null>(null);
  const en = i18n.language.startsWith('en');

  useEffect(() => {
    const s = params.get('streetId') ?? prefill.data?.liaisonPlace?.streetId;
    if (s && !form.getFieldValue('streetId')) form.setFieldValue('streetId', s);
  }, [params, prefill.data, form]);

  // Similar open opinions in the street, so the citizen sees it is already known.
  useEffect(() => {
    if (!streetId || !content || content.trim().length < 4) return setSimilar([]);
    const h = setTimeout(() => {
      findSimilarOpinionsInStreet(streetId, content.slice(0, 200))
        .then((r) => setSimilar(r.items.slice(0, 3)))
        .catch(() => setSimilar([]));
    }, 600);
    return () => clearTimeout(h);
  }, [streetId, content]);

  const photoIds = useMemo(
    () => photos.map((p) => (p.response as { id?: string } | undefined)?.id).filter((x): x is string => !!x),
    [photos],
  );

  const submit = async (v: FormValues) => {
    setBusy(true);
    try {
      const body = {
        ...v,
        communityId: v.communityId || undefined,
        location: v.location || undefined,
        name: v.name || undefined,
        photoIds: photoIds.length ? photoIds : undefined,
        deputyId,
        liaisonPlaceId,
      };
      const r = await submitOpinion(body, key);
      setDone(r);
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div style={{ maxWidth: 560, margin: '0 auto' }}>
        <Result
          status="success"
          title={t('form.doneTitle')}
          subTitle={
            <div>
              <div>{t('form.doneText')}</div>
              <Typography.Title
                level={2}
                copyable
                data-testid="tracking-code"
                style={{ letterSpacing: 2, margin: '8px 0' }}
              >
                {done.trackingCode}
              </Typography.Title>
              <div>{t('form.doneHint')}</div>
            </div>
          }
          extra={[
            <Link key="track" to={`/opinions/track?code=${done.trackingCode}`}>
              <Button type="primary">{t('form.track')}</Button>
            </Link>,
            <Button
              key="again"
              onClick={() => {
                form.resetFields(['content', 'location', 'category']);
                setPhotos([]);
                setKey(newIdempotencyKey());
                setDone(null);
              }}
            >
              {t('form.another')}
            </Button>,
          ]}
        />
      </div>
    );
  }

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <PageHeader title={t('form.title')} sub={t('form.intro')} />
      {(deputyName || placeName) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="opinion-via"
          title={[
            deputyName && t('form.viaDeputy', { name: deputyName }),
            placeName && t('form.viaPlace', { name: placeName }),
          ]
            .filter(Boolean)
            .join(' / ')}
        />
      )}
      <Card size="small">
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ isPublic: false }}>
          <Form.Item name="category" label={t('form.category')} rules={[{ required: true }]}>
            <Select options={categories.map((c) => ({ value: c.code, label: en ? c.nameEn : c.name }))} />
          </Form.Item>
          <Form.Item name="streetId" label={t('form.street')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={streets.map((s) => ({ value: s.id, label: en ? s.nameEn || s.name : s.name }))}
              onChange={() => form.setFieldValue('communityId', undefined)}
            />
          </Form.Item>
          <Form.Item name="communityId" label={t('form.community')}>
            <Select
              allowClear
              options={(communities.data?.items ?? []).map((s) => ({
                value: s.id,
                label: en ? s.nameEn || s.name : s.name,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="content"
            label={t('form.content')}
            rules={[{ required: true, whitespace: true, max: 5000 }]}
          >
            <Input.TextArea rows={5} showCount maxLength={5000} placeholder={t('form.contentPlaceholder')} />
          </Form.Item>
          {similar.length > 0 && (
            <Alert
              type="warning"
              style={{ marginBottom: 12 }}
              title={t('form.similar')}
              description={
                <ul style={{ paddingLeft: 18, margin: 0 }}>
                  {similar.map((s, i) => (
                    <li key={i}>
                      {s.content.slice(0, 60)}（{t(`status.${s.status}`)}）
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <Form.Item name="location" label={t('form.location')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t('form.photos')}>
            <Upload
              listType="picture-card"
              accept="image/jpeg,image/png,image/webp"
              action={opinionPhotoUploadUrl}
              name="file"
              fileList={photos}
              maxCount={6}
              beforeUpload={(f) => {
                if (f.size > 10 * 1_048_576) {
                  message.error('10 MB');
                  return Upload.LIST_IGNORE;
                }
                return true;
              }}
              onChange={({ fileList }) => setPhotos(fileList)}
            >
              {photos.length < 6 && (
                <div>
                  <PlusOutlined />
                  <div style={{ marginTop: 4 }}>{t('form.addPhoto')}</div>
                </div>
              )}
            </Upload>
          </Form.Item>
          <Form.Item name="name" label={t('form.name')} rules={[{ max: 50 }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('form.phone')}
            rules={[{ required: true, pattern: /^1[3-9]\d{9}$/ }]}
          >
            <Input inputMode="numeric" autoComplete="tel" maxLength={11} />
          </Form.Item>
          <Form.Item name="isPublic" label={t('form.isPublic')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: true, label: t('form.public') },
                { value: false, label: t('form.private') },
              ]}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('form.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
