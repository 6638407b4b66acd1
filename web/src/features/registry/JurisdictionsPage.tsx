// The jurisdiction tree (district → streets → communities) and the electoral districts of each street.
import { useMemo, useState } from 'react';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Space,
  Spin,
  Tree,
} from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { REGISTRY_RULES } from '@minyi/domain/registry';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import {
  createElectoralDistrict,
  createJurisdiction,
  editElectoralDistrict,
  paths,
  renameJurisdiction,
} from './api';
import { FormModal, useEditor } from '../../shell/FormModal';
import { CrudTable } from '../../shell/ListPage';
import { compact, useCanWriteRegistry, type Jurisdiction } from './shared';

const CHILD_LEVEL: Record<string, Jurisdiction['level'] | undefined> = {
  province: 'city',
  city: 'district',
  district: 'street',
  street: 'community',
};

/** An electoral district elects one to three deputies (选举法 Art. 25). */
const SEATS = {
  min: REGISTRY_RULES.electoralDistrictMinSeats,
  max: REGISTRY_RULES.electoralDistrictMaxSeats,
};

interface District {
  id: string;
  name: string;
  streetId: string;
  seats: number;
  voterCount: number | null;
}

interface TreeNode {
  key: string;
  title: string;
  children?: TreeNode[];
}

type JurisdictionValues = { name: string; nameEn?: string; code?: string };

function JurisdictionModal({
  mode,
  node,
  onClose,
  onSaved,
}: {
  mode: 'create' | 'edit' | null;
  node: Jurisdiction | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('registry');
  const [form] = Form.useForm<JurisdictionValues>();
  const save = async (v: JurisdictionValues) => {
    if (!node) return;
    if (mode === 'edit') await renameJurisdiction(node.id, compact(v));
    else
      await createJurisdiction({
        ...compact(v),
        parentId: node.id,
        level: CHILD_LEVEL[node.level],
      });
  };
  return (
    <FormModal
      form={form}
      open={!!mode}
      title={mode === 'edit' ? t('jurisdictions.edit') : t('jurisdictions.addChild')}
      values={mode === 'edit' && node ? { name: node.name, nameEn: node.nameEn, code: node.code } : null}
      save={save}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('jurisdictions.name')} rules={[{ required: true, max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="nameEn" label={t('jurisdictions.nameEn')}>
        <Input />
      </Form.Item>
      <Form.Item name="code" label={t('jurisdictions.code')}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}

function DistrictModal({
  streetId,
  district,
  open,
  onClose,
  onSaved,
}: {
  streetId: string;
  district: District | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('registry');
  const [form] = Form.useForm<District>();
  const save = async (v: District) => {
    if (district) await editElectoralDistrict(district.id, compact(v));
    else await createElectoralDistrict({ ...compact(v), streetId });
  };
  return (
    <FormModal
      form={form}
      open={open}
      title={district ? district.name : t('jurisdictions.addDistrict')}
      values={district}
      initialValues={{ seats: 1 }}
      save={save}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('jurisdictions.districtName')} rules={[{ required: true, max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="seats"
        label={t('jurisdictions.seats')}
        extra={t('jurisdictions.seatsHint', { min: SEATS.min, max: SEATS.max })}
        rules={[
          {
            required: true,
            type: 'integer',
            min: SEATS.min,
            max: SEATS.max,
            message: t('jurisdictions.seatsHint', { min: SEATS.min, max: SEATS.max }),
          },
        ]}
      >
        <InputNumber min={SEATS.min} max={SEATS.max} precision={0} />
      </Form.Item>
      <Form.Item name="voterCount" label={t('jurisdictions.voterCount')}>
        <InputNumber min={0} style={{ width: 180 }} />
      </Form.Item>
    </FormModal>
  );
}

function StreetDistricts({ streetId }: { streetId: string }) {
  const { t } = useTranslation('registry');
  const canWrite = useCanWriteRegistry();
  const list = useResource<{ items: District[] }>(paths.findElectoralDistricts(streetId));
  const editor = useEditor<District>();
  return (
    <Card
      size="small"
      title={t('jurisdictions.districts')}
      extra={
        canWrite && (
          <Button size="small" icon={<PlusOutlined />} onClick={editor.create}>
            {t('jurisdictions.addDistrict')}
          </Button>
        )
      }
    >
      <CrudTable<District>
        label={t('jurisdictions.districts')}
        size="small"
        list={{
          items: list.data?.items ?? [],
          loading: list.loading,
          error: list.error,
          reload: list.reload,
        }}
        onEdit={canWrite ? editor.edit : undefined}
        actionsWidth={70}
        columns={[
          { title: t('jurisdictions.districtName'), dataIndex: 'name' },
          { title: t('jurisdictions.seats'), dataIndex: 'seats', width: 90 },
          {
            title: t('jurisdictions.voterCount'),
            dataIndex: 'voterCount',
            width: 110,
            render: (v: number | null) => v ?? '—',
          },
        ]}
      />
      <DistrictModal
        streetId={streetId}
        district={editor.record}
        open={editor.open}
        onClose={editor.close}
        onSaved={() => {
          editor.close();
          list.reload();
        }}
      />
    </Card>
  );
}

export default function JurisdictionsPage() {
  const { t, i18n } = useTranslation('registry');
  const canWrite = useCanWriteRegistry();
  const all = useResource<{ items: Jurisdiction[] }>(paths.findJurisdictions());
  const [selected, setSelected] = useState<string | null>(null);
  const [modal, setModal] = useState<'create' | 'edit' | null>(null);

  const items = useMemo(() => all.data?.items ?? [], [all.data]);
  const byId = useMemo(() => new Map(items.map((j) => [j.id, j])), [items]);
  const en = i18n.language === 'en';
  const label = (j: Jurisdiction) => (en && j.nameEn ? j.nameEn : j.name);
  const tree = useMemo(() => {
    const title = (j: Jurisdiction) => (en && j.nameEn ? j.nameEn : j.name);
    const kids = new Map<string | null, Jurisdiction[]>();
    for (const j of items) {
      const parent = j.parentId && byId.has(j.parentId) ? j.parentId : null;
      kids.set(parent, [...(kids.get(parent) ?? []), j]);
    }
    const build = (parent: string | null): TreeNode[] =>
      (kids.get(parent) ?? []).map((j) => ({
        key: j.id,
        title: title(j),
        children: kids.has(j.id) ? build(j.id) : undefined,
      }));
    return build(null);
  }, [items, byId, en]);

  const node = selected ? (byId.get(selected) ?? null) : null;
  const expanded = useMemo(
    () => items.filter((j) => j.level !== 'street' && j.level !== 'community').map((j) => j.id),
    [items],
  );

  return (
    <div>
      <PageHeader title={t('jurisdictions.title')} />
      <ErrorAlert error={all.error} onRetry={all.reload} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} lg={8}>
          <Card size="small" styles={{ body: { maxHeight: '70vh', overflow: 'auto' } }}>
            {all.loading ? (
              <Spin />
            ) : (
              <Tree
                treeData={tree}
                defaultExpandedKeys={expanded}
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => setSelected((keys[0] as string) ?? null)}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={14} lg={16}>
          {!node ? (
            <Empty description={t('jurisdictions.selectHint')} />
          ) : (
            <Space orientation="vertical" style={{ width: '100%' }} size="middle">
              <Card
                size="small"
                title={label(node)}
                extra={
                  canWrite && (
                    <Space>
                      <Button size="small" icon={<EditOutlined />} onClick={() => setModal('edit')}>
                        {t('jurisdictions.edit')}
                      </Button>
                      {CHILD_LEVEL[node.level] && (
                        <Button size="small" icon={<PlusOutlined />} onClick={() => setModal('create')}>
                          {t('jurisdictions.addChild')}
                        </Button>
                      )}
                    </Space>
                  )
                }
              >
                <Descriptions column={1} size="small">
                  <Descriptions.Item label={t('jurisdictions.level')}>
                    {t(`jurisdictionLevel.${node.level}`)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('jurisdictions.name')}>{node.name}</Descriptions.Item>
                  <Descriptions.Item label={t('jurisdictions.nameEn')}>
                    {node.nameEn || '—'}
                  </Descriptions.Item>
                  {node.code && (
                    <Descriptions.Item label={t('jurisdictions.code')}>{node.code}</Descriptions.Item>
                  )}
                  {node.parentId && byId.get(node.parentId) && (
                    <Descriptions.Item label={t('jurisdictions.parent')}>
                      {label(byId.get(node.parentId)!)}
                    </Descriptions.Item>
                  )}
                </Descriptions>
              </Card>
              {node.level === 'street' && <StreetDistricts streetId={node.id} />}
            </Space>
          )}
        </Col>
      </Row>
      <JurisdictionModal
        mode={modal}
        node={node}
        onClose={() => setModal(null)}
        onSaved={() => {
          setModal(null);
          all.reload();
        }}
      />
    </div>
  );
}
