// Handling units: list with filters, create/edit with the categories of matters, Excel import and export.
import { useState } from 'react';
import { Button, Form, Input, Select, Switch, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { HANDLING_UNIT_KINDS, MATTER_CATEGORIES, MATTER_CATEGORY_LABELS } from '@minyi/domain/registry';
import { localized } from '../../api';
import { usePagedList } from '../../shell/components';
import {
  createHandlingUnit,
  editHandlingUnit,
  exportHandlingUnits,
  getHandlingUnitImportTemplate,
  importHandlingUnits,
  paths,
} from './api';
import { FilterSearch, FilterSelect, ListPage } from '../../shell/ListPage';
import { FormModal, useEditor } from '../../shell/FormModal';
import { compact, DownloadButton, ImportButton, useCanWriteRegistry, useStreets } from './shared';

interface Unit {
  id: string;
  name: string;
  nameEn: string;
  kind: string;
  categories: string[];
  streetId: string | null;
  contactName: string;
  contactPhone: string;
  active: boolean;
}

const categoryLabel = (c: string) =>
  localized(MATTER_CATEGORY_LABELS[c as keyof typeof MATTER_CATEGORY_LABELS] ?? { zh: c, en: c });

function UnitModal({
  unit,
  open,
  onClose,
  onSaved,
}: {
  unit: Unit | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('registry');
  const [form] = Form.useForm<Unit>();
  const streets = useStreets();
  const save = async (v: Unit, idempotencyKey: string) => {
    const body = {
      ...compact(v),
      categories: v.categories ?? [],
      streetId: v.streetId ?? null,
      active: v.active,
    };
    if (unit) await editHandlingUnit(unit.id, body);
    else await createHandlingUnit(body, idempotencyKey);
  };

  return (
    <FormModal
      form={form}
      open={open}
      title={unit ? t('units.edit') : t('units.create')}
      values={unit}
      initialValues={{ kind: 'governmentDepartment', categories: [], active: true }}
      save={save}
      onSaved={onSaved}
      onClose={onClose}
      okText={t('common:actions.save')}
      width={640}
    >
      <Form.Item name="name" label={t('common:fields.name')} rules={[{ required: true, max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="nameEn" label={t('common:fields.nameEn')}>
        <Input />
      </Form.Item>
      <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true }]}>
        <Select options={HANDLING_UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="categories" label={t('units.categories')}>
        <Select
          mode="multiple"
          options={MATTER_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))}
        />
      </Form.Item>
      <Form.Item name="streetId" label={t('units.street')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={streets.options} />
      </Form.Item>
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
          columnGap: 16,
        }}
      >
        <Form.Item name="contactName" label={t('units.contactName')}>
          <Input />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('units.contactPhone')}>
          <Input inputMode="tel" />
        </Form.Item>
      </div>
      <Form.Item name="active" label={t('units.active')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}

export default function HandlingUnitsPage() {
  const { t } = useTranslation('registry');
  const canWrite = useCanWriteRegistry();
  const streets = useStreets();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string | undefined>();
  const [category, setCategory] = useState<string | undefined>();
  const editor = useEditor<Unit>();
  const list = usePagedList<Unit>(paths.findHandlingUnits(), { q: q || undefined, kind, category }, 100);

  return (
    <ListPage<Unit>
      title={t('units.title')}
      extra={
        <>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={editor.create}>
              {t('units.create')}
            </Button>
          )}
          {canWrite && (
            <ImportButton
              importFile={importHandlingUnits}
              title={t('units.importTitle')}
              okKey="units.importOk"
              onDone={list.reload}
            />
          )}
          {canWrite && (
            <DownloadButton fetchFile={getHandlingUnitImportTemplate} label={t('deputies.template')} />
          )}
          <DownloadButton fetchFile={exportHandlingUnits} label={t('deputies.export')} />
        </>
      }
      filters={
        <>
          <FilterSearch label={t('units.search')} onSearch={setQ} />
          <FilterSelect
            label={t('units.kind')}
            value={kind}
            onChange={setKind}
            options={HANDLING_UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
          />
          <FilterSelect
            label={t('units.category')}
            value={category}
            onChange={setCategory}
            options={MATTER_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))}
          />
        </>
      }
      list={list}
      scroll={{ x: 900 }}
      onEdit={canWrite ? editor.edit : undefined}
      columns={[
        { title: t('common:fields.name'), dataIndex: 'name', width: 220 },
        {
          title: t('units.kind'),
          dataIndex: 'kind',
          width: 130,
          render: (k: string) => t(`unitKind.${k}`, { defaultValue: k }),
        },
        {
          title: t('units.categories'),
          dataIndex: 'categories',
          render: (cs: string[]) => cs.map((c) => <Tag key={c}>{categoryLabel(c)}</Tag>),
        },
        {
          title: t('units.street'),
          dataIndex: 'streetId',
          width: 110,
          render: (id: string | null) => streets.nameOf(id) || '—',
        },
        {
          title: t('units.contactName'),
          key: 'contact',
          width: 170,
          render: (_, u) => [u.contactName, u.contactPhone].filter(Boolean).join(' ') || '—',
        },
        {
          title: t('common:fields.status'),
          dataIndex: 'active',
          width: 80,
          render: (a: boolean) =>
            a ? <Tag color="green">{t('units.active')}</Tag> : <Tag>{t('units.inactive')}</Tag>,
        },
      ]}
    >
      <UnitModal
        unit={editor.record}
        open={editor.open}
        onClose={editor.close}
        onSaved={() => {
          editor.close();
          list.reload();
        }}
      />
    </ListPage>
  );
}
