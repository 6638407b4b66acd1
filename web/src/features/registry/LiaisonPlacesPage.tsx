// Liaison places (家、站、点): list, create/edit, and the deputies assigned to each.
import { useEffect, useState } from 'react';
import { App as AntApp, Button, Form, Input, Modal, Select, Switch, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LIAISON_PLACE_KINDS } from '@minyi/domain/registry';
import { problemMessage } from '../../api';
import { usePagedList, useResource } from '../../shell/components';
import { createLiaisonPlace, editLiaisonPlace, paths, setLiaisonPlaceDeputies } from './api';
import { FilterSearch, FilterSelect, ListPage } from '../../shell/ListPage';
import { FormModal, useEditor } from '../../shell/FormModal';
import {
  compact,
  DeputySelect,
  useCanWriteRegistry,
  useStreets,
  type Jurisdiction,
  type Ref,
} from './shared';

interface Place {
  id: string;
  kind: 'home' | 'station' | 'point';
  name: string;
  sector: string | null;
  streetId: string;
  communityId: string | null;
  address: string;
  openingHours: string;
  phone: string;
  active: boolean;
  deputies: Ref[];
}

const KIND_COLORS = { home: 'red', station: 'blue', point: 'green' } as const;

function PlaceModal({
  place,
  open,
  onClose,
  onSaved,
}: {
  place: Place | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('registry');
  const [form] = Form.useForm<Place>();
  const streets = useStreets();
  const streetId = Form.useWatch('streetId', form);
  const kind = Form.useWatch('kind', form);
  const communities = useResource<{ items: Jurisdiction[] }>(
    open && streetId ? paths.findCommunities(streetId) : null,
  );
  const save = async (v: Place, idempotencyKey: string) => {
    const body = { ...compact(v), active: v.active, sector: v.kind === 'point' ? v.sector || null : null };
    if (place) await editLiaisonPlace(place.id, body);
    else await createLiaisonPlace(body, idempotencyKey);
  };

  return (
    <FormModal
      form={form}
      open={open}
      title={place ? t('places.edit') : t('places.create')}
      values={place}
      initialValues={{ kind: 'station', active: true }}
      save={save}
      onSaved={onSaved}
      onClose={onClose}
      okText={t('common:actions.save')}
      width={640}
    >
      <Form.Item name="kind" label={t('places.kind')} rules={[{ required: true }]}>
        <Select options={LIAISON_PLACE_KINDS.map((k) => ({ value: k, label: t(`placeKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('common:fields.name')} rules={[{ required: true, max: 100 }]}>
        <Input />
      </Form.Item>
      {kind === 'point' && (
        <Form.Item name="sector" label={t('places.sector')} extra={t('places.sectorHint')}>
          <Input />
        </Form.Item>
      )}
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
          columnGap: 16,
        }}
      >
        <Form.Item name="streetId" label={t('places.street')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={streets.options}
            onChange={() => form.setFieldsValue({ communityId: null })}
          />
        </Form.Item>
        <Form.Item name="communityId" label={t('places.community')}>
          <Select
            allowClear
            disabled={!streetId}
            options={(communities.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
      </div>
      <Form.Item name="address" label={t('places.address')}>
        <Input />
      </Form.Item>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
          columnGap: 16,
        }}
      >
        <Form.Item name="openingHours" label={t('places.openingHours')}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('places.phone')}>
          <Input inputMode="tel" />
        </Form.Item>
      </div>
      <Form.Item name="active" label={t('places.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}

function AssignModal({
  place,
  onClose,
  onSaved,
}: {
  place: Place | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('registry');
  const { message } = AntApp.useApp();
  const [ids, setIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => setIds(place?.deputies.map((d) => d.id) ?? []), [place]);
  const save = async () => {
    if (!place) return;
    setBusy(true);
    try {
      await setLiaisonPlaceDeputies(place.id, ids);
      void message.success(t('places.assigned'));
      onSaved();
    } catch (err) {
      void message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={!!place}
      title={place ? t('places.assignTitle', { name: place.name }) : ''}
      onCancel={onClose}
      onOk={() => void save()}
      confirmLoading={busy}
      okText={t('common:actions.save')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('places.assignHint')}</Typography.Paragraph>
      {place && (
        <DeputySelect
          mode="multiple"
          value={ids}
          onChange={(v) => setIds(v as string[])}
          initial={place.deputies}
        />
      )}
    </Modal>
  );
}

export default function LiaisonPlacesPage() {
  const { t } = useTranslation('registry');
  const canWrite = useCanWriteRegistry();
  const streets = useStreets();
  const [q, setQ] = useState('');
  const [streetId, setStreetId] = useState<string | undefined>();
  const [kind, setKind] = useState<string | undefined>();
  const editor = useEditor<Place>();
  const [assigning, setAssigning] = useState<Place | null>(null);
  const list = usePagedList<Place>(paths.findLiaisonPlaces(), { q: q || undefined, streetId, kind }, 100);

  return (
    <ListPage<Place>
      title={t('places.title')}
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={editor.create}>
            {t('places.create')}
          </Button>
        )
      }
      filters={
        <>
          <FilterSearch label={t('places.search')} onSearch={setQ} />
          <FilterSelect
            showSearch={{ optionFilterProp: 'label' }}
            label={t('places.street')}
            value={streetId}
            onChange={setStreetId}
            options={streets.options}
          />
          <FilterSelect
            label={t('places.kind')}
            value={kind}
            onChange={setKind}
            options={LIAISON_PLACE_KINDS.map((k) => ({ value: k, label: t(`placeKind.${k}`) }))}
          />
        </>
      }
      list={list}
      scroll={{ x: 1000 }}
      onEdit={canWrite ? editor.edit : undefined}
      actions={
        canWrite
          ? (p) => (
              <Button type="link" size="small" onClick={() => setAssigning(p)}>
                {t('places.assign')}
              </Button>
            )
          : undefined
      }
      actionsWidth={170}
      columns={[
        {
          title: t('places.kind'),
          dataIndex: 'kind',
          width: 120,
          render: (k: Place['kind']) => <Tag color={KIND_COLORS[k]}>{t(`placeKind.${k}`)}</Tag>,
        },
        {
          title: t('common:fields.name'),
          dataIndex: 'name',
          render: (n: string, p) => (
            <>
              {n}
              {p.sector && <div style={{ fontSize: '0.85em', color: '#595959' }}>{p.sector}</div>}
            </>
          ),
        },
        {
          title: t('places.street'),
          dataIndex: 'streetId',
          width: 100,
          render: (id: string) => streets.nameOf(id),
        },
        { title: t('places.address'), dataIndex: 'address' },
        { title: t('places.openingHours'), dataIndex: 'openingHours', width: 180 },
        {
          title: t('places.deputies'),
          dataIndex: 'deputies',
          width: 110,
          render: (ds: Ref[]) => t('places.deputyCount', { count: ds.length }),
        },
      ]}
    >
      <PlaceModal
        place={editor.record}
        open={editor.open}
        onClose={editor.close}
        onSaved={() => {
          editor.close();
          list.reload();
        }}
      />
      <AssignModal
        place={assigning}
        onClose={() => setAssigning(null)}
        onSaved={() => {
          setAssigning(null);
          list.reload();
        }}
      />
    </ListPage>
  );
}
