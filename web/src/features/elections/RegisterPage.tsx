// An election's voter register for the election office: the voters by name, district and status (the ID number
// masked), and what the staff do to it — take a voter off the list as the election committee confirmed (选举法
// Art. 27, with the kind, reason and decision), restore one, move one who moved to another district, and print
// a voter's card.
import { useState } from 'react';
import { App, Button, Form, Input, Select, Tag, Tooltip } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api';
import { useResource, usePagedList } from '../../shell/components';
import { FilterSearch, FilterSelect, ListPage } from '../../shell/ListPage';
import { FormModal } from '../../shell/FormModal';
import { formatDate, shanghaiToday } from '../../shell/datetime';
import { excludeElectionVoter, paths, restoreElectionVoter, transferElectionVoter } from './api';
import type { ElectionDetail, ExclusionKind, Voter } from './types';

const KINDS: ExclusionKind[] = ['deprivedOfRights', 'deceased', 'unableToExercise'];

interface Exclusion {
  kind: ExclusionKind;
  reason: string;
  decision: string;
  confirmedOn: string;
}

export default function RegisterPage() {
  const { id } = useParams();
  const { t } = useTranslation('elections');
  const { message, modal } = App.useApp();
  const { data: e } = useResource<ElectionDetail>(paths.getElection(id));
  const [query, setQuery] = useState<{ name?: string; districtId?: string; status?: string }>({});
  const list = usePagedList<Voter>(paths.findElectionVoters(id), query);
  const [excluding, setExcluding] = useState<Voter | null>(null);
  const [moving, setMoving] = useState<Voter | null>(null);
  const [excludeForm] = Form.useForm<Exclusion>();
  const [moveForm] = Form.useForm<{ districtId: string; group?: string }>();
  const districtName = (d: string | null) => e?.districts.find((x) => x.id === d)?.name ?? '';
  const can = e?.abilities ?? {};

  const restore = (v: Voter) =>
    modal.confirm({
      title: t('register.restoreConfirm', { name: v.name }),
      onOk: async () => {
        try {
          await restoreElectionVoter(id!, v.id);
          list.reload();
        } catch (err) {
          void message.error(problemMessage(err));
        }
      },
    });

  return (
    <ListPage<Voter>
      title={t('register.title')}
      sub={e && <Link to={`/elections/${e.id}`}>{e.title}</Link>}
      extra={e && <Link to={`/elections/${e.id}/complaints`}>{t('complaints.title')}</Link>}
      filters={
        <>
          <FilterSearch
            label={t('register.searchName')}
            onSearch={(name) => setQuery((q) => ({ ...q, name: name || undefined }))}
          />
          <FilterSelect
            label={t('register.district')}
            style={{ minWidth: 180 }}
            options={e?.districts.map((d) => ({ value: d.id, label: d.name }))}
            onChange={(districtId) => setQuery((q) => ({ ...q, districtId: districtId ?? undefined }))}
          />
          <FilterSelect
            label={t('register.status')}
            style={{ minWidth: 140 }}
            options={[
              { value: 'listed', label: t('register.listed') },
              { value: 'excluded', label: t('register.excluded') },
            ]}
            onChange={(status) => setQuery((q) => ({ ...q, status: status ?? undefined }))}
          />
        </>
      }
      list={list}
      scroll={{ x: 900 }}
      actionsWidth={220}
      columns={[
        { title: t('register.name'), dataIndex: 'name', key: 'name', fixed: 'left', width: 100 },
        {
          title: t('register.district'),
          key: 'district',
          render: (_, v) => (
            <>
              {districtName(v.districtId)}
              {v.transferredFrom && (
                <Tooltip title={t('register.movedFrom', { name: districtName(v.transferredFrom) })}>
                  <Tag style={{ marginLeft: 4 }}>{t('register.moved')}</Tag>
                </Tooltip>
              )}
            </>
          ),
        },
        { title: t('register.group'), dataIndex: 'groupName', key: 'group' },
        { title: t('register.sex'), key: 'sex', render: (_, v) => t(`register.${v.sex}`) },
        { title: t('register.idNumber'), dataIndex: 'idNumber', key: 'idNumber' },
        { title: t('register.card'), key: 'card', render: (_, v) => v.voterCardNo ?? '—' },
        {
          title: t('register.status'),
          key: 'status',
          render: (_, v) =>
            v.exclusion ? (
              <Tooltip
                title={`${v.exclusionReason ?? ''} · ${v.exclusionDecision ?? ''} · ${formatDate(v.excludedOn)}`}
              >
                <Tag color="red">{t(`exclusion.${v.exclusion}`)}</Tag>
              </Tooltip>
            ) : (
              <Tag color="green">{t('register.listed')}</Tag>
            ),
        },
      ]}
      actions={(v) => (
        <>
          {can.excludeVoter && !v.exclusion && (
            <Button type="link" size="small" onClick={() => setExcluding(v)} data-testid="exclude-voter">
              {t('register.exclude')}
            </Button>
          )}
          {can.restoreVoter && v.exclusion && (
            <Button type="link" size="small" onClick={() => restore(v)}>
              {t('register.restore')}
            </Button>
          )}
          {can.transferVoter && !v.exclusion && (
            <Button type="link" size="small" onClick={() => setMoving(v)}>
              {t('register.transfer')}
            </Button>
          )}
          {v.voterCardNo && !v.exclusion && (
            <Link to={`/elections/${id}/voters/${v.id}/card`}>{t('register.printCard')}</Link>
          )}
        </>
      )}
    >
      <FormModal<Exclusion, unknown>
        form={excludeForm}
        open={!!excluding}
        title={t('register.excludeTitle', { name: excluding?.name ?? '' })}
        values={null}
        initialValues={{ kind: 'deprivedOfRights', confirmedOn: shanghaiToday() }}
        save={(v) => excludeElectionVoter(id!, excluding!.id, v)}
        onSaved={() => {
          setExcluding(null);
          list.reload();
        }}
        onClose={() => setExcluding(null)}
      >
        <Form.Item name="kind" label={t('register.kind')} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`exclusion.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('register.reason')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Input.TextArea maxLength={500} rows={2} data-testid="exclusion-reason" />
        </Form.Item>
        <Form.Item
          name="decision"
          label={t('register.decision')}
          extra={t('register.decisionHint')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Input maxLength={200} data-testid="exclusion-decision" />
        </Form.Item>
        <Form.Item name="confirmedOn" label={t('register.confirmedOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </FormModal>

      <FormModal<{ districtId: string; group?: string }, unknown>
        form={moveForm}
        open={!!moving}
        title={t('register.transferTitle', { name: moving?.name ?? '' })}
        values={null}
        save={(v) => transferElectionVoter(id!, moving!.id, v)}
        onSaved={() => {
          setMoving(null);
          list.reload();
        }}
        onClose={() => setMoving(null)}
      >
        <Form.Item
          name="districtId"
          label={t('register.toDistrict')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Select
            options={e?.districts
              .filter((d) => d.id !== moving?.districtId)
              .map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="group" label={t('register.group')}>
          <Input maxLength={60} />
        </Form.Item>
      </FormModal>
    </ListPage>
  );
}
