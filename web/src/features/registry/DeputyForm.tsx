// Forms of the deputy record: create/edit a deputy, add a mandate, suspend/terminate a mandate.
import { Alert, DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { CONGRESS_LEVELS, GENDERS, PARTIES } from '@minyi/domain/registry';
import { useResource } from '../../shell/components';
import { editDeputy, grantMandate, paths, registerDeputy, suspendMandate, terminateMandate } from './api';
import { FormModal } from '../../shell/FormModal';
import { compact, useStreets, useTerms, type DeputyRecord, type Mandate, type Ref } from './shared';

type DeputyValues = Omit<Partial<DeputyRecord>, 'birthDate'> & { birthDate?: Dayjs | null };

const EDITABLE = [
  'name',
  'gender',
  'birthDate',
  'ethnicity',
  'party',
  'occupation',
  'organization',
  'phone',
  'idNumber',
  'address',
  'bio',
] as const;

export function DeputyFormModal({
  open,
  deputy,
  onClose,
  onSaved,
}: {
  open: boolean;
  deputy?: DeputyRecord | null;
  onClose: () => void;
  onSaved: (d: { id: string }) => void;
}) {
  const { t } = useTranslation('registry');
  const [form] = Form.useForm<DeputyValues>();

  const save = (values: DeputyValues, idempotencyKey: string) => {
    const body: Record<string, unknown> = {};
    for (const k of EDITABLE) {
      const v =
        k === 'birthDate'
          ? values.birthDate
            ? values.birthDate.format('YYYY-MM-DD')
            : undefined
          : values[k];
      const before = deputy ? (deputy[k] ?? undefined) : undefined;
      // On edit, send only what changed (masked personal data is never sent back).
      if (deputy ? v !== before && v !== undefined : v !== undefined && v !== '') body[k] = v;
    }
    return deputy ? editDeputy(deputy.id, body) : registerDeputy(body, idempotencyKey);
  };

  return (
    <FormModal
      form={form}
      open={open}
      title={deputy ? t('deputies.edit') : t('deputies.create')}
      values={deputy ? { ...deputy, birthDate: deputy.birthDate ? dayjs(deputy.birthDate) : null } : null}
      initialValues={{ gender: 'male' }}
      save={save}
      onSaved={onSaved}
      onClose={onClose}
      successMessage={deputy ? t('common:actions.saved') : t('deputies.created')}
      okText={t('common:actions.save')}
      width={640}
    >
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
          columnGap: 16,
        }}
      >
        <Form.Item name="name" label={t('deputies.name')} rules={[{ required: true, max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="gender" label={t('deputies.gender')} rules={[{ required: true }]}>
          <Select options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))} />
        </Form.Item>
        <Form.Item name="birthDate" label={t('deputies.birthDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="ethnicity" label={t('deputies.ethnicity')}>
          <Input />
        </Form.Item>
        <Form.Item name="party" label={t('deputies.party')}>
          <Select allowClear options={PARTIES.map((p) => ({ value: p, label: p }))} />
        </Form.Item>
        <Form.Item name="occupation" label={t('deputies.occupation')}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('deputies.phone')}>
          <Input inputMode="tel" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('deputies.idNumber')}>
          <Input />
        </Form.Item>
      </div>
      <Form.Item name="organization" label={t('deputies.organization')}>
        <Input />
      </Form.Item>
      <Form.Item name="address" label={t('deputies.address')}>
        <Input />
      </Form.Item>
      <Form.Item name="bio" label={t('deputies.bio')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

interface MandateValues {
  level: string;
  termId?: string;
  delegation?: string;
  deputyGroup?: string;
  streetId?: string;
  electoralDistrictId?: string;
  liaisonPlaceId?: string;
  startedOn?: Dayjs | null;
}

export function MandateFormModal({
  open,
  deputyId,
  onClose,
  onSaved,
}: {
  open: boolean;
  deputyId: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('registry');
  const [form] = Form.useForm<MandateValues>();
  const streets = useStreets();
  const terms = useTerms();
  const streetId = Form.useWatch('streetId', form);
  const districts = useResource<{ items: Ref[] }>(
    open && streetId ? paths.findElectoralDistricts(streetId) : null,
  );
  const places = useResource<{ items: Ref[] }>(
    open && streetId ? paths.findLiaisonPlacesInStreet(streetId) : null,
  );

  const save = (v: MandateValues) =>
    grantMandate(
      deputyId,
      compact({ ...v, startedOn: v.startedOn ? v.startedOn.format('YYYY-MM-DD') : undefined }),
    );

  return (
    <FormModal
      form={form}
      open={open}
      title={t('mandate.add')}
      initialValues={{ level: 'district' }}
      save={save}
      onSaved={onSaved}
      onClose={onClose}
      resetAfterSave
      okText={t('common:actions.save')}
    >
      <Form.Item name="level" label={t('mandate.level')} rules={[{ required: true }]}>
        <Select options={CONGRESS_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))} />
      </Form.Item>
      <Form.Item name="termId" label={t('mandate.term')}>
        <Select
          allowClear
          options={(terms.data?.items ?? []).map((x) => ({
            value: x.id,
            label: t('mandate.termN', { number: x.number }),
          }))}
        />
      </Form.Item>
      <Form.Item name="streetId" label={t('mandate.street')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={streets.options}
          onChange={() => form.setFieldsValue({ electoralDistrictId: undefined, liaisonPlaceId: undefined })}
        />
      </Form.Item>
      <Form.Item name="electoralDistrictId" label={t('mandate.electoralDistrict')}>
        <Select
          allowClear
          disabled={!streetId}
          options={(districts.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
      <Form.Item name="liaisonPlaceId" label={t('mandate.liaisonPlace')}>
        <Select
          allowClear
          disabled={!streetId}
          options={(places.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
      <Form.Item name="delegation" label={t('mandate.delegation')}>
        <Input />
      </Form.Item>
      <Form.Item name="deputyGroup" label={t('mandate.deputyGroup')}>
        <Input />
      </Form.Item>
      <Form.Item name="startedOn" label={t('mandate.startedOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

type StatusValues = { reason: string; date: Dayjs };

/** Suspend or terminate a mandate, with the reason and the date (both required by the server). */
export function MandateStatusModal({
  mandate,
  action,
  onClose,
  onDone,
}: {
  mandate: Mandate | null;
  action: 'suspend' | 'terminate' | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('registry');
  const [form] = Form.useForm<StatusValues>();
  const save = async (v: StatusValues) => {
    if (!mandate || !action) return;
    await (action === 'suspend' ? suspendMandate : terminateMandate)(mandate.id, {
      reason: v.reason,
      date: v.date.format('YYYY-MM-DD'),
    });
  };

  return (
    <FormModal
      form={form}
      open={!!mandate && !!action}
      title={action === 'terminate' ? t('mandate.terminateTitle') : t('mandate.suspendTitle')}
      values={{ reason: '', date: dayjs() }}
      save={save}
      onSaved={onDone}
      onClose={onClose}
      successMessage={t('common:actions.done')}
      okButtonProps={{ danger: action === 'terminate' }}
      before={
        action === 'terminate' && (
          <Alert type="warning" showIcon title={t('mandate.terminateWarn')} style={{ marginBottom: 12 }} />
        )
      }
    >
      <Form.Item name="reason" label={t('mandate.reason')} rules={[{ required: true, max: 500 }]}>
        <Input.TextArea rows={3} data-testid="mandate-reason" />
      </Form.Item>
      <Form.Item name="date" label={t('mandate.date')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
