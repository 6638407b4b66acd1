// The routing table (category × street → lead unit and assisting units): list, add, edit, delete.
import { useState } from 'react';
import { App, Button, Form, List, Modal, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, problemMessage, type Abilities } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { deleteOpinionRoute, paths, setOpinionRoute } from './api';
import { useCategories, useCategoryName, useStreets } from './shared';

interface RoutingRule {
  id: string;
  category: string;
  streetId: string | null;
  leadUnitId: string;
  assistingUnitIds: string[];
}
interface RuleValues {
  category: string;
  streetId: string;
  leadUnitId: string;
  assistingUnitIds: string[];
}
/** The street select cannot hold null: this stands for "all streets". */
const ALL = '';

export default function RoutesPage() {
  const { t, i18n } = useTranslation('opinions');
  const en = i18n.language.startsWith('en');
  const { message } = App.useApp();
  const rules = useResource<{ items: RoutingRule[]; abilities: Abilities }>(paths.findOpinionRoutes());
  const units = useResource<{ items: { id: string; name: string; nameEn: string }[] }>(
    paths.findHandlingUnits(),
  );
  const categories = useCategories();
  const categoryName = useCategoryName();
  const streets = useStreets();
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<RuleValues>();
  const lead = Form.useWatch('leadUnitId', form);
  // A rule is keyed by category and street (saving one replaces the rule of that key), so editing
  // changes only its units; another key is another rule.
  const keyLocked = editing !== 'new';
  const canManage = !!rules.data?.abilities.manageRoutes;

  const named = (x: { name: string; nameEn?: string } | undefined) =>
    x && (en && x.nameEn ? x.nameEn : x.name);
  const unitName = (id: string) => named(units.data?.items.find((u) => u.id === id)) ?? id;
  const streetName = (id: string | null) =>
    id ? (named(streets.find((s) => s.id === id)) ?? id) : t('routes.allStreets');
  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: named(u) }));

  const open = (rule: RoutingRule | 'new') => {
    setEditing(rule);
    form.setFieldsValue(
      rule === 'new' ? { streetId: ALL, assistingUnitIds: [] } : { ...rule, streetId: rule.streetId ?? ALL },
    );
  };
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await setOpinionRoute({ ...v, streetId: v.streetId || null });
      message.success(t('common:actions.saved'));
      setEditing(null);
      rules.reload();
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (rule: RoutingRule) => {
    try {
      await deleteOpinionRoute(rule.id);
      message.success(t('routes.deleted'));
      rules.reload();
    } catch (err) {
      message.error(problemMessage(err));
    }
  };

  return (
    <div style={{ maxWidth: 860, margin: '0 auto' }}>
      <PageHeader
        title={t('routes.title')}
        sub={t('routes.intro')}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
              {t('routes.add')}
            </Button>
          )
        }
      />
      <ErrorAlert error={rules.error} onRetry={rules.reload} />
      <List
        loading={rules.loading}
        locale={{ emptyText: t('routes.empty') }}
        dataSource={rules.data?.items ?? []}
        renderItem={(rule) => (
          <List.Item
            key={rule.id}
            data-testid="routing-rule"
            actions={
              canManage
                ? [
                    <Button key="edit" size="small" onClick={() => open(rule)}>
                      {t('common:actions.edit')}
                    </Button>,
                    <Popconfirm
                      key="delete"
                      title={t('routes.confirmDelete')}
                      onConfirm={() => void remove(rule)}
                    >
                      <Button size="small" danger>
                        {t('common:actions.delete')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Typography.Text strong>{categoryName(rule.category)}</Typography.Text>
                  <Tag>{streetName(rule.streetId)}</Tag>
                </Space>
              }
              description={
                <>
                  <div>{t('routes.leadIs', { name: unitName(rule.leadUnitId) })}</div>
                  {rule.assistingUnitIds.length > 0 && (
                    <div>
                      {t('routes.assistingAre', {
                        names: rule.assistingUnitIds.map(unitName).join(en ? ', ' : '、'),
                      })}
                    </div>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={!!editing}
        title={editing === 'new' ? t('routes.add') : t('routes.edit')}
        okText={t('routes.save')}
        confirmLoading={busy}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item name="category" label={t('routes.category')} rules={[{ required: true }]}>
            <Select
              disabled={keyLocked}
              showSearch={{ optionFilterProp: 'label' }}
              options={categories.map((c) => ({ value: c.code, label: categoryName(c.code) }))}
            />
          </Form.Item>
          <Form.Item name="streetId" label={t('routes.street')}>
            <Select
              disabled={keyLocked}
              showSearch={{ optionFilterProp: 'label' }}
              options={[
                { value: ALL, label: t('routes.allStreets') },
                ...streets.map((s) => ({ value: s.id, label: named(s) })),
              ]}
            />
          </Form.Item>
          <Form.Item name="leadUnitId" label={t('routes.lead')} rules={[{ required: true }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
          </Form.Item>
          <Form.Item name="assistingUnitIds" label={t('routes.assisting')}>
            <Select
              mode="multiple"
              maxCount={10}
              showSearch={{ optionFilterProp: 'label' }}
              options={unitOptions.filter((o) => o.value !== lead)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
