// The standing committee, the chairpersons' meeting and the working committees, with their members. The
// offices offered follow the congress's level (地方组织法 Art. 47, 54); the chairpersons' meeting is computed.
import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Row,
  Select,
  Switch,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import {
  committeePositions,
  hasSecretaryGeneral,
  WORKING_COMMITTEE_KINDS,
  type CongressLevel,
} from '@minyi/domain/registry';
import { problemMessage } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import {
  appointCommitteeMember,
  createWorkingCommittee,
  editWorkingCommittee,
  endCommitteeMembership,
  paths,
} from './api';
import { FormModal, useEditor } from '../../shell/FormModal';
import { CrudTable } from '../../shell/ListPage';
import { compact, DeputySelect, useCanWriteRegistry, useStreets, useTerms, type Ref } from './shared';
import { shanghaiToday } from '../../shell/datetime';

type Body = 'standingCommittee' | 'chairpersonsMeeting' | 'workingCommittee';

interface Member {
  id: string;
  body: Body;
  workingCommitteeId: string | null;
  deputy: Ref;
  termId: string | null;
  position: string;
  startedOn: string | null;
  endedOn: string | null;
}

interface WorkingCommittee {
  id: string;
  kind: 'workingCommittee' | 'streetWorkingCommittee';
  name: string;
  nameEn: string;
  streetId: string | null;
  description: string;
}

/** The level of the signed-in user's congress (its standing committee's offices depend on it). */
function useCongressLevel(): CongressLevel | null {
  return useResource<{ level: CongressLevel }>(paths.getPublicCongress()).data?.level ?? null;
}

type MemberValues = { deputyId: string; position: string; termId?: string; startedOn?: Dayjs };

function AddMemberModal({
  body,
  level,
  workingCommitteeId,
  open,
  onClose,
  onSaved,
}: {
  body: Exclude<Body, 'chairpersonsMeeting'>;
  level: CongressLevel | null;
  workingCommitteeId?: string;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('registry');
  const [form] = Form.useForm<MemberValues>();
  const terms = useTerms();
  const save = (v: MemberValues) =>
    appointCommitteeMember(
      compact({
        body,
        workingCommitteeId,
        deputyId: v.deputyId,
        position: v.position,
        termId: v.termId,
        startedOn: v.startedOn?.format('YYYY-MM-DD'),
      }),
    );
  const current = terms.data?.items.find((x) => x.isCurrent);
  return (
    <FormModal
      form={form}
      open={open}
      title={t('committees.addMember')}
      initialValues={{ position: 'member', termId: current?.id }}
      save={save}
      onSaved={onSaved}
      onClose={onClose}
      resetAfterSave
      destroyOnHidden
    >
      <Form.Item name="deputyId" label={t('committees.deputy')} rules={[{ required: true }]}>
        <DeputySelect />
      </Form.Item>
      <Form.Item name="position" label={t('committees.position')} rules={[{ required: true }]}>
        <Select
          loading={!level}
          options={(level ? committeePositions(level, body) : []).map((p) => ({
            value: p,
            label: t(`position.${p}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="termId" label={t('terms.term')}>
        <Select
          allowClear
          options={(terms.data?.items ?? []).map((x) => ({
            value: x.id,
            label: t('terms.termN', { number: x.number }),
          }))}
        />
      </Form.Item>
      <Form.Item name="startedOn" label={t('committees.startedOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

function Members({ body, workingCommitteeId }: { body: Body; workingCommitteeId?: string }) {
  const { t } = useTranslation('registry');
  const { message } = AntApp.useApp();
  const level = useCongressLevel();
  // The chairpersons' meeting is read here only: its members are appointed as the standing committee's officers.
  const computed = body === 'chairpersonsMeeting';
  const canWrite = useCanWriteRegistry() && !computed;
  const [currentOnly, setCurrentOnly] = useState(true);
  const [adding, setAdding] = useState(false);
  const list = useResource<{ items: Member[] }>(
    paths.findCommitteeMembers({ body, workingCommitteeId, current: currentOnly ? 'true' : undefined }),
  );
  const end = async (m: Member) => {
    try {
      await endCommitteeMembership(m.id, shanghaiToday());
      void message.success(t('common:actions.done'));
      list.reload();
    } catch (err) {
      void message.error(problemMessage(err));
    }
  };
  const items = (list.data?.items ?? []).filter((m) => !currentOnly || !m.endedOn);
  return (
    <>
      {computed && level && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t(hasSecretaryGeneral(level) ? 'committees.meetingNoteWithSg' : 'committees.meetingNote')}
        />
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 16, marginBottom: 12 }}>
        <span>
          <Switch
            size="small"
            checked={currentOnly}
            onChange={setCurrentOnly}
            aria-label={t('committees.current')}
          />{' '}
          {t('committees.current')}
        </span>
        {canWrite && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('committees.addMember')}
          </Button>
        )}
      </div>
      <CrudTable<Member>
        label={t('committees.title')}
        size="small"
        list={{ items, loading: list.loading, error: list.error, reload: list.reload }}
        pagination={items.length > 50 ? { pageSize: 50 } : false}
        scroll={{ x: 520 }}
        actions={
          canWrite
            ? (m) =>
                !m.endedOn && (
                  <Popconfirm
                    title={t('committees.endConfirm', { name: m.deputy.name })}
                    onConfirm={() => void end(m)}
                  >
                    <Button size="small" type="link" danger>
                      {t('committees.end')}
                    </Button>
                  </Popconfirm>
                )
            : undefined
        }
        actionsWidth={70}
        columns={[
          { title: t('committees.deputy'), key: 'd', render: (_, m) => m.deputy.name },
          {
            title: t('committees.position'),
            dataIndex: 'position',
            render: (p: string) => t(`position.${p}`, { defaultValue: p }),
          },
          {
            title: t('committees.startedOn'),
            dataIndex: 'startedOn',
            render: (v: string | null) => v ?? '—',
          },
          { title: t('committees.endedOn'), dataIndex: 'endedOn', render: (v: string | null) => v ?? '—' },
        ]}
      />
      {!computed && (
        <AddMemberModal
          body={body}
          level={level}
          workingCommitteeId={workingCommitteeId}
          open={adding}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            list.reload();
          }}
        />
      )}
    </>
  );
}

function WorkingCommitteeModal({
  wc,
  open,
  onClose,
  onSaved,
}: {
  wc: WorkingCommittee | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('registry');
  const [form] = Form.useForm<WorkingCommittee>();
  const streets = useStreets();
  const kind = Form.useWatch('kind', form);
  const save = async (v: WorkingCommittee) => {
    if (wc)
      await editWorkingCommittee(
        wc.id,
        compact({ name: v.name, nameEn: v.nameEn, description: v.description }),
      );
    else await createWorkingCommittee(compact(v));
  };
  return (
    <FormModal
      form={form}
      open={open}
      title={wc ? t('committees.editWc') : t('committees.createWc')}
      values={wc}
      initialValues={{ kind: 'workingCommittee' }}
      save={save}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item name="kind" label={t('committees.kind')} rules={[{ required: true }]}>
        <Select
          disabled={!!wc}
          options={WORKING_COMMITTEE_KINDS.map((k) => ({ value: k, label: t(`wcKind.${k}`) }))}
        />
      </Form.Item>
      {kind === 'streetWorkingCommittee' && (
        <Form.Item name="streetId" label={t('committees.street')} rules={[{ required: true }]}>
          <Select disabled={!!wc} showSearch={{ optionFilterProp: 'label' }} options={streets.options} />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('common:fields.name')} rules={[{ required: true, max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="nameEn" label={t('common:fields.nameEn')}>
        <Input />
      </Form.Item>
      <Form.Item name="description" label={t('committees.description')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}

function WorkingCommittees() {
  const { t, i18n } = useTranslation('registry');
  const canWrite = useCanWriteRegistry();
  const list = useResource<{ items: WorkingCommittee[] }>(paths.findWorkingCommittees());
  const [selected, setSelected] = useState<string | null>(null);
  const editor = useEditor<WorkingCommittee>();
  const label = (w: WorkingCommittee) => (i18n.language === 'en' && w.nameEn ? w.nameEn : w.name);
  const sel = list.data?.items.find((w) => w.id === selected);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card
          size="small"
          title={t('committees.working')}
          extra={
            canWrite && (
              <Button size="small" icon={<PlusOutlined />} onClick={editor.create}>
                {t('committees.createWc')}
              </Button>
            )
          }
        >
          <ErrorAlert error={list.error} onRetry={list.reload} />
          <Table<WorkingCommittee>
            rowKey="id"
            size="small"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            pagination={false}
            onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer' } })}
            rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
            columns={[
              { title: t('common:fields.name'), key: 'n', render: (_, w) => label(w) },
              {
                title: t('committees.kind'),
                dataIndex: 'kind',
                width: 120,
                render: (k: string) => <Tag>{t(`wcKind.${k}`)}</Tag>,
              },
              ...(canWrite
                ? [
                    {
                      key: 'a',
                      width: 50,
                      render: (_: unknown, w: WorkingCommittee) => (
                        <Button
                          size="small"
                          type="text"
                          icon={<EditOutlined />}
                          aria-label={t('committees.editWc')}
                          onClick={(e) => {
                            e.stopPropagation();
                            editor.edit(w);
                          }}
                        />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card
          size="small"
          title={sel ? `${label(sel)} · ${t('committees.members')}` : t('committees.members')}
        >
          {sel ? (
            <>
              {sel.description && <p style={{ marginTop: 0 }}>{sel.description}</p>}
              <Members key={sel.id} body="workingCommittee" workingCommitteeId={sel.id} />
            </>
          ) : (
            t('committees.chooseWc')
          )}
        </Card>
      </Col>
      <WorkingCommitteeModal
        wc={editor.record}
        open={editor.open}
        onClose={editor.close}
        onSaved={() => {
          editor.close();
          list.reload();
        }}
      />
    </Row>
  );
}

export default function CommitteesPage() {
  const { t } = useTranslation('registry');
  return (
    <div>
      <PageHeader title={t('committees.title')} />
      <Tabs
        items={[
          { key: 'sc', label: t('body.standingCommittee'), children: <Members body="standingCommittee" /> },
          {
            key: 'cm',
            label: t('body.chairpersonsMeeting'),
            children: <Members body="chairpersonsMeeting" />,
          },
          { key: 'wc', label: t('committees.working'), children: <WorkingCommittees /> },
        ]}
      />
    </div>
  );
}
