// Shared bits of the activities pages: the kind tag, the time span, and a picker of deputies by name.
import { useEffect, useState } from 'react';
import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shell/datetime';
import { findPublicDeputies } from './api';

export const KIND_COLOR: Record<string, string> = {
  inspection: 'blue',
  investigation: 'geekblue',
  lawEnforcementInspection: 'purple',
  council: 'green',
  lecture: 'cyan',
  forum: 'gold',
  jointActivity: 'magenta',
  voterRepresentativesMeeting: 'lime',
  reportToVoters: 'orange',
};

export function KindTag({ kind }: { kind: string }) {
  const { t } = useTranslation('activities');
  return <Tag color={KIND_COLOR[kind]}>{t(`kind.${kind}`, { defaultValue: kind })}</Tag>;
}

/** 2026-07-08 09:00–11:00 (the end's date when it is another day). */
export function span(startsAt: string, endsAt: string): string {
  const a = formatDateTime(startsAt);
  const b = formatDateTime(endsAt);
  return a.slice(0, 10) === b.slice(0, 10) ? `${a}–${b.slice(11)}` : `${a} – ${b}`;
}

/** Deputies found by name (the public list: names only), many at once. */
export function DeputyPicker({
  value,
  onChange,
  placeholder,
  testId,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  placeholder: string;
  testId?: string;
}) {
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    if (!q) return;
    let live = true;
    void findPublicDeputies(q).then((r) => {
      if (live)
        setOptions((old) => {
          const known = new Map(old.map((o) => [o.value, o]));
          for (const d of r.items) known.set(d.id, { value: d.id, label: d.name });
          return [...known.values()];
        });
    });
    return () => {
      live = false;
    };
  }, [q]);
  return (
    <Select
      mode="multiple"
      style={{ width: '100%' }}
      showSearch
      filterOption={false}
      onSearch={setQ}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={placeholder}
      aria-label={placeholder}
      data-testid={testId}
    />
  );
}
