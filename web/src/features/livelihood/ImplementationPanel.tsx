// The working forms of a project under implementation, each shown only when the API's abilities allow it:
// the lead unit's monthly progress with photos, the plan and milestones, an adjustment with the standing
// committee's approval, acceptance, and deputies' site inspections.
import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  Collapse,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Upload,
  type CollapseProps,
} from 'antd';
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, problemMessage, type Abilities } from '../../api';
import { useAuth } from '../../auth';
import { usePagedList } from '../../shell/components';
import type { ProjectStatus } from './types';
import {
  acceptLivelihoodProject,
  adjustLivelihoodProject,
  findPublicDeputies,
  paths,
  planLivelihoodProject,
  recordLivelihoodInspection,
  reportLivelihoodProgress,
  uploadFile,
} from './api';

export interface ImplementationProject {
  id: string;
  status: ProjectStatus;
  leadUnitId: string;
  budget: number;
  targetDate: string | null;
  milestones: { id?: string; title: string; targetDate: string; doneOn?: string | null }[];
  abilities: Abilities;
}

const thisMonth = () => new Date().toISOString().slice(0, 7);

export function ImplementationPanel({ p, reload }: { p: ImplementationProject; reload: () => void }) {
  const { t } = useTranslation('livelihood');
  const can = p.abilities;
  const running = p.status !== 'completed' && p.status !== 'accepted';
  const items: CollapseProps['items'] = [];
  if (can.reportProgress && running)
    items.push({
      key: 'progress',
      label: t('implementation.progressTitle'),
      children: <ProgressForm p={p} reload={reload} />,
    });
  if (can.plan && p.status !== 'accepted')
    items.push({
      key: 'plan',
      label: t('implementation.planTitle'),
      children: <PlanForm p={p} reload={reload} />,
    });
  if (can.adjust && running)
    items.push({
      key: 'adjust',
      label: t('implementation.adjustTitle'),
      children: <AdjustForm p={p} reload={reload} />,
    });
  if (can.recordInspection)
    items.push({
      key: 'inspection',
      label: t('implementation.inspectionTitle'),
      children: <InspectionForm p={p} reload={reload} />,
    });
  const acceptable = can.accept && p.status === 'completed';
  if (!items.length && !acceptable) return null;
  return (
    <Card size="small" title={t('implementation.title')} style={{ marginBottom: 16 }}>
      {acceptable && <AcceptButton p={p} reload={reload} />}
      {items.length > 0 && <Collapse size="small" items={items} />}
    </Card>
  );
}

/** Sends a form through `send`, marks the server's field errors on the form, and reloads the project on success. */
function useSubmit(form: ReturnType<typeof Form.useForm>[0], reload: () => void) {
  const { t } = useTranslation('livelihood');
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async (send: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await send();
      message.success(t('implementation.saved'));
      form.resetFields();
      reload();
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}

function ProgressForm({ p, reload }: { p: ImplementationProject; reload: () => void }) {
  const { t } = useTranslation('livelihood');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { busy, submit } = useSubmit(form, reload);
  const [photos, setPhotos] = useState<{ uid: string; id: string; name: string }[]>([]);
  // The plan's milestones not reached yet, to tick off with this report.
  const open = p.milestones.filter((m) => m.id && !m.doneOn);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ month: thisMonth(), status: 'onTrack' }}
      onFinish={(v: {
        month: string;
        percent: number;
        narrative: string;
        status: string;
        milestonesDone?: string[];
      }) =>
        submit(() =>
          reportLivelihoodProgress(p.id, {
            ...v,
            milestonesDone: v.milestonesDone ?? [],
            photoFileIds: photos.map((f) => f.id),
          }),
        ).then(() => setPhotos([]))
      }
    >
      <Space wrap>
        <Form.Item name="month" label={t('implementation.month')} rules={[{ required: true }]}>
          <Input type="month" data-testid="progress-month" />
        </Form.Item>
        <Form.Item name="percent" label={t('implementation.percent')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} addonAfter="%" data-testid="progress-percent" />
        </Form.Item>
      </Space>
      <Form.Item name="status" label={t('implementation.status')} rules={[{ required: true }]}>
        <Select
          options={(['onTrack', 'delayed', 'completed'] as const).map((s) => ({
            value: s,
            label: t(`projectStatus.${s}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="narrative"
        label={t('implementation.narrative')}
        rules={[{ required: true, max: 4000 }]}
      >
        <Input.TextArea rows={3} data-testid="progress-narrative" />
      </Form.Item>
      {open.length > 0 && (
        <Form.Item name="milestonesDone" label={t('implementation.milestonesDone')}>
          <Checkbox.Group
            data-testid="progress-milestones"
            options={open.map((m) => ({ value: m.id!, label: `${m.title} · ${m.targetDate}` }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="photoFileIds"
        label={t('implementation.photos')}
        extra={t('implementation.photosHint')}
      >
        <Upload
          accept="image/jpeg,image/png,image/webp"
          listType="picture"
          maxCount={10}
          fileList={photos.map((f) => ({ uid: f.uid, name: f.name, status: 'done' as const }))}
          customRequest={async ({ file, onSuccess, onError }) => {
            const fd = new FormData();
            fd.append('purpose', 'livelihood.progressPhoto');
            fd.append('file', file as Blob);
            try {
              const f = await uploadFile(fd);
              setPhotos((xs) => [
                ...xs,
                { uid: (file as { uid: string }).uid, id: f.id, name: f.originalName },
              ]);
              onSuccess?.(f);
            } catch (err) {
              message.error(problemMessage(err));
              onError?.(err as Error);
            }
          }}
          onRemove={(f) => setPhotos((xs) => xs.filter((x) => x.uid !== f.uid))}
        >
          <Button icon={<UploadOutlined />}>{t('implementation.upload')}</Button>
        </Upload>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="progress-submit">
        {t('implementation.submitProgress')}
      </Button>
    </Form>
  );
}

function PlanForm({ p, reload }: { p: ImplementationProject; reload: () => void }) {
  const { t } = useTranslation('livelihood');
  const [form] = Form.useForm();
  const { busy, submit } = useSubmit(form, reload);
  const units = usePagedList<{ id: string; name: string }>(paths.findHandlingUnits(), {}, 200);
  const initialValues = useMemo(
    () => ({
      leadUnitId: p.leadUnitId,
      budget: p.budget / 10_000,
      targetDate: p.targetDate ?? undefined,
      milestones: p.milestones.map((m) => ({ title: m.title, targetDate: m.targetDate })),
    }),
    [p],
  );
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(v: {
        leadUnitId: string;
        budget: number;
        targetDate?: string;
        milestones?: { title: string; targetDate: string }[];
      }) =>
        submit(() =>
          planLivelihoodProject(p.id, {
            leadUnitId: v.leadUnitId,
            budget: Math.round((v.budget ?? 0) * 10_000),
            ...(v.targetDate ? { targetDate: v.targetDate } : {}),
            milestones: v.milestones ?? [],
          }),
        )
      }
    >
      <Form.Item name="leadUnitId" label={t('progress.leadUnit')} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={units.loading}
          options={units.items.map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item name="budget" label={t('implementation.budget')} rules={[{ required: true }]}>
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="targetDate" label={t('progress.target')}>
          <Input type="date" />
        </Form.Item>
      </Space>
      <Form.List name="milestones">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} wrap align="start" style={{ display: 'flex' }}>
                <Form.Item
                  name={[f.name, 'title']}
                  label={t('implementation.milestone')}
                  rules={[{ required: true, max: 200 }]}
                >
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'targetDate']}
                  label={t('progress.target')}
                  rules={[{ required: true }]}
                >
                  <Input type="date" />
                </Form.Item>
                <Button
                  aria-label={t('implementation.removeMilestone')}
                  icon={<DeleteOutlined />}
                  onClick={() => remove(f.name)}
                  style={{ marginTop: 30 }}
                />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>
              {t('implementation.addMilestone')}
            </Button>
          </>
        )}
      </Form.List>
      <div>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('implementation.savePlan')}
        </Button>
      </div>
    </Form>
  );
}

function AdjustForm({ p, reload }: { p: ImplementationProject; reload: () => void }) {
  const { t } = useTranslation('livelihood');
  const [form] = Form.useForm();
  const { busy, submit } = useSubmit(form, reload);
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v: {
        reason: string;
        approvedOn: string;
        approvalReference: string;
        newTargetDate?: string;
      }) =>
        submit(() =>
          adjustLivelihoodProject(p.id, {
            reason: v.reason,
            approvedOn: v.approvedOn,
            approvalReference: v.approvalReference,
            ...(v.newTargetDate ? { newTargetDate: v.newTargetDate } : {}),
          }),
        )
      }
    >
      <Form.Item name="reason" label={t('implementation.reason')} rules={[{ required: true, max: 2000 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="approvedOn" label={t('implementation.approvedOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="newTargetDate" label={t('implementation.newTargetDate')}>
          <Input type="date" />
        </Form.Item>
      </Space>
      <Form.Item
        name="approvalReference"
        label={t('implementation.approvalReference')}
        extra={t('implementation.approvalHint')}
        rules={[{ required: true, max: 200 }]}
      >
        <Input />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('implementation.submitAdjust')}
      </Button>
    </Form>
  );
}

function AcceptButton({ p, reload }: { p: ImplementationProject; reload: () => void }) {
  const { t } = useTranslation('livelihood');
  const { message, modal } = App.useApp();
  return (
    <Button
      type="primary"
      block
      style={{ marginBottom: 12 }}
      onClick={() =>
        modal.confirm({
          title: t('implementation.acceptConfirm'),
          onOk: async () => {
            try {
              await acceptLivelihoodProject(p.id);
              message.success(t('implementation.saved'));
              reload();
            } catch (err) {
              message.error(problemMessage(err));
            }
          },
        })
      }
    >
      {t('implementation.accept')}
    </Button>
  );
}

function InspectionForm({ p, reload }: { p: ImplementationProject; reload: () => void }) {
  const { t } = useTranslation('livelihood');
  const { user } = useAuth();
  const [form] = Form.useForm();
  const { busy, submit } = useSubmit(form, reload);
  const [options, setOptions] = useState<{ value: string; label: string }[]>(
    user?.deputyId ? [{ value: user.deputyId, label: user.displayName || user.username }] : [],
  );
  const search = async (q: string) => {
    if (!q) return;
    const res = await findPublicDeputies(q);
    setOptions((prev) => {
      const picked = new Set<string>(form.getFieldValue('deputyIds') ?? []);
      return [
        ...prev.filter((o) => picked.has(o.value)),
        ...res.items.filter((d) => !picked.has(d.id)).map((d) => ({ value: d.id, label: d.name })),
      ];
    });
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{
        inspectedOn: new Date().toISOString().slice(0, 10),
        deputyIds: user?.deputyId ? [user.deputyId] : [],
        toUnit: false,
      }}
      onFinish={(v: { inspectedOn: string; deputyIds: string[]; findings: string; toUnit: boolean }) =>
        submit(() => recordLivelihoodInspection(p.id, v))
      }
    >
      <Form.Item name="inspectedOn" label={t('implementation.inspectedOn')} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item
        name="deputyIds"
        label={t('implementation.deputies')}
        rules={[{ required: true, type: 'array', min: 1 }]}
      >
        <Select
          mode="multiple"
          showSearch
          filterOption={false}
          onSearch={search}
          placeholder={t('implementation.searchDeputy')}
          options={options}
        />
      </Form.Item>
      <Form.Item name="findings" label={t('implementation.findings')} rules={[{ required: true, max: 4000 }]}>
        <Input.TextArea rows={3} data-testid="inspection-findings" />
      </Form.Item>
      <Form.Item name="toUnit" valuePropName="checked" extra={t('implementation.toUnitHint')}>
        <Checkbox data-testid="inspection-to-unit">{t('implementation.toUnit')}</Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('implementation.submitInspection')}
      </Button>
    </Form>
  );
}
