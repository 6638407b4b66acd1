// The working-day calendar (/admin/calendar?year=Y): a year's rest days and adjusted working days by month,
// each with its source, and whether a State Council notice confirms the year or it is provisional. Congress
// staff and the system administrator enter or withdraw the year's notice and set the congress's own days.
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  type FormInstance,
  Input,
  List,
  Modal,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import {
  DeleteOutlined,
  EditOutlined,
  LeftOutlined,
  MinusCircleOutlined,
  PlusOutlined,
  RightOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import {
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
  type CalendarDay,
  type CalendarDayKind,
} from '@minyi/domain/calendar';
import { ApiError, applyFieldErrors, currentLang, problemMessage, type FieldProblem } from '../../api';
import { useAuth } from '../../auth';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { importCalendar, paths, removeCalendarDay, setCalendarDay, withdrawCalendarNotice } from './api';
import { invalidateCalendarYears, shanghaiYear, useCalendarYears } from '../../shell/deadline';
import { useIsMobile } from '../../shell/responsive';
import {
  countRanges,
  expandRanges,
  parseNoticeJson,
  rangesOf,
  type JsonProblem,
  type RangeRow,
} from './calendar-notice';

type Source = 'statute' | 'notice' | 'staff';

interface CalendarItem {
  date: string;
  kind: CalendarDayKind;
  name: string;
  source: Source;
  provisional: boolean;
}

interface CalendarYear {
  year: number;
  provisional: boolean;
  notice: { origin: 'shipped' | 'entered'; reference: string; enteredAt: string | null } | null;
  items: CalendarItem[];
}

const SOURCE_COLOR: Record<Source, string> = { statute: 'blue', notice: 'green', staff: 'purple' };
const KIND_COLOR: Record<CalendarDayKind, string> = { holiday: 'red', workday: 'default' };

const fmtTime = (iso: string | null) =>
  iso
    ? new Intl.DateTimeFormat('zh-CN', {
        timeZone: 'Asia/Shanghai',
        dateStyle: 'short',
        timeStyle: 'short',
        hourCycle: 'h23',
      }).format(new Date(iso))
    : '';
const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const weekday = (date: string) =>
  new Intl.DateTimeFormat(currentLang() === 'en' ? 'en-GB' : 'zh-CN', {
    weekday: 'short',
    timeZone: 'UTC',
  }).format(utc(date));
const monthName = (year: number, month: string) =>
  new Intl.DateTimeFormat(currentLang() === 'en' ? 'en-GB' : 'zh-CN', {
    month: 'long',
    timeZone: 'UTC',
  }).format(utc(`${year}-${month}-01`));

export default function CalendarPage() {
  const { t } = useTranslation('admin');
  const { message, modal } = AntApp.useApp();
  const { hasRole } = useAuth();
  // The calendar's answers carry no abilities; the server refuses everyone else (CALENDAR_KEEPERS).
  const canKeep = hasRole('congressStaff', 'systemAdmin');
  const [params, setParams] = useSearchParams();
  const thisYear = shanghaiYear(new Date());
  const asked = Number(params.get('year'));
  const year =
    Number.isInteger(asked) && asked >= CALENDAR_FIRST_YEAR && asked <= CALENDAR_LAST_YEAR ? asked : thisYear;
  const cal = useResource<CalendarYear>(paths.findCalendarDays(year));
  const data = cal.data?.year === year ? cal.data : null;
  const provisionalYears = useCalendarYears();
  const [noticeOpen, setNoticeOpen] = useState(false);
  const [own, setOwn] = useState<Partial<CalendarItem> | null>(null);

  const setYear = (y: number) => setParams({ year: String(y) });
  const changed = () => {
    cal.reload();
    invalidateCalendarYears();
  };

  const yearOptions = useMemo(() => {
    const first = Math.max(CALENDAR_FIRST_YEAR, Math.min(year, thisYear - 5));
    const last = Math.min(CALENDAR_LAST_YEAR, Math.max(year, thisYear + 3));
    return Array.from({ length: last - first + 1 }, (_, i) => first + i).map((y) => ({
      value: y,
      label: t(provisionalYears?.get(y) ? 'calendar.yearOptionProvisional' : 'calendar.yearOption', {
        year: y,
      }),
    }));
  }, [year, thisYear, provisionalYears, t]);

  const months = useMemo(() => {
    const out = new Map<string, CalendarItem[]>();
    for (const d of data?.items ?? []) {
      const m = d.date.slice(5, 7);
      out.set(m, [...(out.get(m) ?? []), d]);
    }
    return [...out.entries()];
  }, [data]);

  const withdraw = () =>
    modal.confirm({
      title: t('calendar.withdrawTitle', { year }),
      content: t('calendar.withdrawText'),
      okButtonProps: { danger: true, 'data-testid': 'calendar-withdraw-confirm' },
      onOk: async () => {
        try {
          await withdrawCalendarNotice(year);
          void message.success(t('calendar.withdrawn'));
          changed();
        } catch (err) {
          void message.error(problemMessage(err));
        }
      },
    });

  const removeOwn = async (date: string) => {
    try {
      await removeCalendarDay(date);
      void message.success(t('calendar.removed'));
      changed();
    } catch (err) {
      void message.error(problemMessage(err));
    }
  };

  const holidays = data?.items.filter((d) => d.kind === 'holiday').length ?? 0;
  const workdays = (data?.items.length ?? 0) - holidays;

  return (
    <div>
      <PageHeader
        title={t('calendar.title')}
        sub={t('calendar.subtitle')}
        extra={
          <>
            <Space.Compact>
              <Button
                icon={<LeftOutlined />}
                aria-label={t('calendar.prevYear')}
                disabled={year <= CALENDAR_FIRST_YEAR}
                onClick={() => setYear(year - 1)}
              />
              <Select
                value={year}
                options={yearOptions}
                onChange={setYear}
                style={{ minWidth: 150 }}
                aria-label={t('calendar.year')}
                data-testid="calendar-year"
              />
              <Button
                icon={<RightOutlined />}
                aria-label={t('calendar.nextYear')}
                disabled={year >= CALENDAR_LAST_YEAR}
                onClick={() => setYear(year + 1)}
              />
            </Space.Compact>
            {canKeep && (
              <Button icon={<PlusOutlined />} onClick={() => setOwn({})} data-testid="calendar-add-own">
                {t('calendar.addOwn')}
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={cal.error} onRetry={cal.reload} />
      {!data && cal.loading && (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <Spin />
        </div>
      )}
      {data && (
        <>
          {data.provisional || !data.notice ? (
            <Alert
              type="warning"
              showIcon
              data-testid="calendar-provisional"
              style={{ marginBottom: 16 }}
              title={t('calendar.provisionalTitle', { year })}
              description={
                <>
                  <div>{t('calendar.provisionalText', { year })}</div>
                  {canKeep && (
                    <Button
                      type="primary"
                      style={{ marginTop: 8 }}
                      onClick={() => setNoticeOpen(true)}
                      data-testid="calendar-enter-notice"
                    >
                      {t('calendar.enterNotice')}
                    </Button>
                  )}
                </>
              }
            />
          ) : (
            <Alert
              type="success"
              showIcon
              data-testid="calendar-confirmed"
              style={{ marginBottom: 16 }}
              title={t('calendar.confirmedTitle', { year })}
              description={
                <>
                  <div>
                    <span data-testid="calendar-reference">
                      {t('calendar.referenceLine', {
                        reference: data.notice.reference || t('calendar.noReference'),
                      })}
                    </span>{' '}
                    <Tag>
                      {data.notice.origin === 'shipped'
                        ? t('calendar.shipped')
                        : t('calendar.entered', { time: fmtTime(data.notice.enteredAt) })}
                    </Tag>
                  </div>
                  {canKeep && (
                    <Space wrap style={{ marginTop: 8 }}>
                      <Button onClick={() => setNoticeOpen(true)} data-testid="calendar-enter-notice">
                        {t('calendar.reenterNotice')}
                      </Button>
                      {data.notice.origin === 'entered' && (
                        <Button danger onClick={withdraw} data-testid="calendar-withdraw">
                          {t('calendar.withdrawNotice')}
                        </Button>
                      )}
                    </Space>
                  )}
                </>
              }
            />
          )}
          <Typography.Paragraph type="secondary" data-testid="calendar-summary">
            {t('calendar.summary', { holidays, workdays })}
          </Typography.Paragraph>
          {months.length === 0 ? (
            <Empty description={t('calendar.empty')} />
          ) : (
            <Row gutter={[12, 12]}>
              {months.map(([m, items]) => (
                <Col key={m} xs={24} md={12} xl={8}>
                  <Card size="small" title={monthName(year, m)} data-testid="calendar-month">
                    <List
                      size="small"
                      dataSource={items}
                      renderItem={(d) => (
                        <DayRow
                          key={d.date}
                          day={d}
                          canKeep={canKeep}
                          onEdit={() => setOwn(d)}
                          onRemove={() => void removeOwn(d.date)}
                        />
                      )}
                    />
                  </Card>
                </Col>
              ))}
            </Row>
          )}
          {canKeep && (
            <NoticeModal
              open={noticeOpen}
              data={data}
              onClose={() => setNoticeOpen(false)}
              onDone={() => {
                setNoticeOpen(false);
                changed();
              }}
            />
          )}
        </>
      )}
      {canKeep && (
        <OwnDayModal
          initial={own}
          year={year}
          onClose={() => setOwn(null)}
          onDone={() => {
            setOwn(null);
            changed();
          }}
        />
      )}
    </div>
  );
}

function DayRow({
  day,
  canKeep,
  onEdit,
  onRemove,
}: {
  day: CalendarItem;
  canKeep: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('admin');
  const action = !canKeep ? null : day.source === 'staff' ? (
    <Popconfirm title={t('calendar.removeOwnConfirm', { date: day.date })} onConfirm={onRemove}>
      <Button
        size="small"
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={t('calendar.removeOwn')}
        data-testid="calendar-remove-own"
      />
    </Popconfirm>
  ) : (
    <Tooltip title={t('calendar.editOwn')}>
      <Button
        size="small"
        type="text"
        icon={<EditOutlined />}
        aria-label={t('calendar.editOwn')}
        onClick={onEdit}
      />
    </Tooltip>
  );
  // Date, weekday, kind and name on the left (the name wraps when the row is narrow, as with large text on a
  // phone); the source and the action always at the end.
  return (
    <List.Item data-testid="calendar-day" data-date={day.date}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 6, width: '100%' }}>
        <div
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            columnGap: 6,
            rowGap: 2,
            flex: 1,
            minWidth: 0,
          }}
        >
          <span className="mono" style={{ whiteSpace: 'nowrap' }}>
            {day.date.slice(5)}
          </span>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {weekday(day.date)}
          </Typography.Text>
          <Tag color={KIND_COLOR[day.kind]} style={{ marginInlineEnd: 0 }}>
            {t(`calendar.kinds.${day.kind}`)}
          </Tag>
          <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{day.name}</span>
        </div>
        <Tooltip title={t(`calendar.sourceHints.${day.source}`)}>
          <Tag color={SOURCE_COLOR[day.source]} variant="filled" style={{ marginInlineEnd: 0 }} tabIndex={0}>
            {t(`calendar.sources.${day.source}`)}
          </Tag>
        </Tooltip>
        {action}
      </div>
    </List.Item>
  );
}

interface OwnForm {
  date: Dayjs;
  kind: CalendarDayKind;
  name: string;
}

/** Sets the congress's own arrangement for a date (PUT /calendar/days/:date). */
function OwnDayModal({
  initial,
  year,
  onClose,
  onDone,
}: {
  initial: Partial<CalendarItem> | null;
  year: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('admin');
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<OwnForm>();
  const mobile = useIsMobile();
  const [saving, setSaving] = useState(false);

  const submit = async (v: OwnForm) => {
    setSaving(true);
    try {
      await setCalendarDay(v.date.format('YYYY-MM-DD'), { kind: v.kind, name: v.name });
      void message.success(t('calendar.saved'));
      onDone();
    } catch (err) {
      if (!applyFieldErrors(form, err)) void message.error(problemMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!initial}
      title={t('calendar.ownTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'calendar-own-save' }}
    >
      <Typography.Paragraph type="secondary">{t('calendar.ownHint')}</Typography.Paragraph>
      <Form<OwnForm>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        preserve={false}
        initialValues={{
          date: initial?.date ? dayjs(initial.date) : undefined,
          // Editing a day proposes the other kind: that is what an own arrangement usually changes.
          kind: initial?.kind === 'holiday' ? 'workday' : 'holiday',
          name: initial?.name ?? '',
        }}
      >
        <Form.Item
          name="date"
          label={t('calendar.date')}
          rules={[{ required: true, message: t('calendar.required') }]}
        >
          <DatePicker
            style={{ width: '100%' }}
            defaultPickerValue={dayjs(`${year}-01-01`)}
            inputReadOnly={mobile}
            data-testid="calendar-own-date"
          />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('calendar.kind')}
          rules={[{ required: true, message: t('calendar.required') }]}
        >
          <Radio.Group
            options={(['holiday', 'workday'] as const).map((k) => ({
              value: k,
              label: t(`calendar.kindNames.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('calendar.name')}
          rules={[{ required: true, whitespace: true, message: t('calendar.required') }]}
        >
          <Input
            maxLength={100}
            placeholder={t('calendar.namePlaceholder')}
            data-testid="calendar-own-name"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface NoticeForm {
  reference: string;
  ranges: RangeRow[];
  json: string;
}

type Mode = 'ranges' | 'json';

/** Enters the year's State Council notice (POST /calendar/import), by ranges or as pasted JSON. */
function NoticeModal({
  open,
  data,
  onClose,
  onDone,
}: {
  open: boolean;
  data: CalendarYear;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('admin');
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<NoticeForm>();
  const [mode, setMode] = useState<Mode>('ranges');
  const [saving, setSaving] = useState(false);
  const ranges = Form.useWatch('ranges', form);
  const year = data.year;
  const mobile = useIsMobile();
  // Row paths such as ['ranges', 2, 'from'] are built at run time: the untyped instance takes them.
  const mark = (fields: { name: (string | number)[]; errors: string[] }[]) =>
    (form as FormInstance).setFields(fields);

  /** Expands the rows into days; marks the rows that are wrong and returns null when any is. */
  const fromRanges = (rows: RangeRow[]): { days: CalendarDay[]; rowOf: number[] } | null => {
    const { days, rowOf, problems } = expandRanges(rows, year);
    if (problems.length === 0) return { days, rowOf };
    mark(
      problems.map((p) => ({
        name: ['ranges', p.row, p.field],
        errors: [t(`calendar.${p.code}`, { year, date: p.date })],
      })),
    );
    return null;
  };

  /** Parses the pasted JSON; marks the field and returns null when it is wrong. */
  const fromJson = (text: string): { days: CalendarDay[]; reference?: string } | null => {
    const out = parseNoticeJson(text, year);
    if (out.problems.length === 0) return out;
    const says = (p: JsonProblem) =>
      p.code === 'invalid'
        ? t('calendar.jsonItem', { n: p.item, message: t(`calendar.jsonInvalid.${p.field}`) })
        : p.code === 'outsideYear'
          ? t('calendar.jsonItem', { n: p.item, message: t('calendar.outsideYear', { year }) })
          : t(
              p.code === 'notJson'
                ? 'calendar.jsonNotJson'
                : p.code === 'shape'
                  ? 'calendar.jsonShape'
                  : `calendar.${p.code}`,
            );
    mark([{ name: ['json'], errors: out.problems.slice(0, 5).map(says) }]);
    return null;
  };

  /** Puts the server's `days.i.field` problems on the row (or the JSON field) they came from. */
  const showServerErrors = (err: unknown, rowOf: number[] | null): boolean => {
    if (!(err instanceof ApiError) || !err.problem.errors?.length) return false;
    const fields: { name: (string | number)[]; errors: string[] }[] = [];
    const jsonErrors: string[] = [];
    const text = (e: FieldProblem) => (currentLang() === 'en' ? e.message.en : e.message.zh);
    for (const e of err.problem.errors) {
      const m = /^days\.(\d+)\.?(\w*)$/.exec(e.field);
      if (e.field === 'reference') fields.push({ name: ['reference'], errors: [text(e)] });
      else if (m && rowOf) {
        const field = m[2] === 'kind' || m[2] === 'name' ? m[2] : 'from';
        fields.push({ name: ['ranges', rowOf[Number(m[1])], field], errors: [text(e)] });
      } else if (m) jsonErrors.push(t('calendar.jsonItem', { n: Number(m[1]) + 1, message: text(e) }));
      else return false;
    }
    if (jsonErrors.length) fields.push({ name: ['json'], errors: jsonErrors.slice(0, 5) });
    mark(fields);
    return true;
  };

  const submit = async () => {
    let v: NoticeForm;
    try {
      v = await form.validateFields(mode === 'json' ? ['reference', 'json'] : undefined);
    } catch {
      return;
    }
    const all = form.getFieldsValue(true) as NoticeForm;
    let days: CalendarDay[];
    let rowOf: number[] | null = null;
    let reference = (v.reference ?? '').trim();
    if (mode === 'ranges') {
      const out = fromRanges(all.ranges ?? []);
      if (!out) return;
      if (out.days.length === 0) {
        void message.error(t('calendar.noDays'));
        return;
      }
      ({ days, rowOf } = out);
    } else {
      const out = fromJson(all.json ?? '');
      if (!out) return;
      days = out.days;
      if (!reference && out.reference) reference = out.reference;
    }
    setSaving(true);
    try {
      const res = await importCalendar({ days, reference });
      void message.success(t('calendar.imported', { count: res.imported, year }));
      onDone();
    } catch (err) {
      if (!showServerErrors(err, rowOf)) void message.error(problemMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const counts = useMemo(() => {
    const { holidays, workdays } = countRanges(ranges ?? []);
    return { days: holidays + workdays, holidays, workdays };
  }, [ranges]);

  const required = [{ required: true, message: t('calendar.required') }];
  // Column labels once on wide screens; on a phone every row wraps, so each keeps its labels.
  const labelled = (index: number) => mobile || index === 0;
  const itemStyle = { marginBottom: 12 };
  const inYear = (d: Dayjs) => d.year() !== year;

  return (
    <Modal
      open={open}
      title={t('calendar.noticeTitle', { year })}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={saving}
      destroyOnHidden
      width={760}
      okButtonProps={{ 'data-testid': 'calendar-notice-save' }}
    >
      <Typography.Paragraph type="secondary">{t('calendar.noticeHint')}</Typography.Paragraph>
      <Form<NoticeForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          reference: data.notice?.origin === 'entered' ? data.notice.reference : '',
          ranges: rangesOf(data.items),
          json: '',
        }}
      >
        <Form.Item name="reference" label={t('calendar.reference')} rules={[{ max: 200 }]}>
          <Input
            maxLength={200}
            placeholder={t('calendar.referencePlaceholder')}
            data-testid="calendar-notice-reference"
          />
        </Form.Item>
        <Tabs
          activeKey={mode}
          onChange={(k) => setMode(k as Mode)}
          items={[
            {
              key: 'ranges',
              label: t('calendar.tabRanges'),
              children: (
                <>
                  <Typography.Paragraph type="secondary">{t('calendar.prefilled')}</Typography.Paragraph>
                  <Form.List name="ranges">
                    {(rows, { add, remove }) => (
                      <>
                        {rows.map(({ key, name }, index) => (
                          <Row
                            key={key}
                            gutter={8}
                            align="top"
                            data-testid="calendar-range"
                            style={
                              mobile
                                ? { borderBottom: '1px solid #f0f0f0', marginBottom: 12, paddingBottom: 4 }
                                : undefined
                            }
                          >
                            <Col xs={14} sm={7}>
                              <Form.Item
                                name={[name, 'name']}
                                label={labelled(index) && t('calendar.rangeName')}
                                style={itemStyle}
                                rules={[
                                  { required: true, whitespace: true, message: t('calendar.required') },
                                  { max: 100 },
                                ]}
                              >
                                <Input
                                  maxLength={100}
                                  placeholder={t('calendar.rangeNamePlaceholder')}
                                  aria-label={t('calendar.rangeName')}
                                />
                              </Form.Item>
                            </Col>
                            <Col xs={10} sm={5}>
                              <Form.Item
                                name={[name, 'kind']}
                                label={labelled(index) && t('calendar.rangeKind')}
                                rules={required}
                                style={itemStyle}
                              >
                                <Select
                                  aria-label={t('calendar.rangeKind')}
                                  options={(['holiday', 'workday'] as const).map((k) => ({
                                    value: k,
                                    label: t(`calendar.kindNames.${k}`),
                                  }))}
                                />
                              </Form.Item>
                            </Col>
                            <Col xs={11} sm={5}>
                              <Form.Item
                                name={[name, 'from']}
                                label={labelled(index) && t('calendar.from')}
                                rules={required}
                                style={itemStyle}
                              >
                                <DatePicker
                                  aria-label={t('calendar.from')}
                                  style={{ width: '100%' }}
                                  disabledDate={inYear}
                                  defaultPickerValue={dayjs(`${year}-01-01`)}
                                  inputReadOnly={mobile}
                                />
                              </Form.Item>
                            </Col>
                            <Col xs={11} sm={6}>
                              <Form.Item
                                name={[name, 'to']}
                                label={labelled(index) && t('calendar.to')}
                                style={itemStyle}
                              >
                                <DatePicker
                                  aria-label={t('calendar.to')}
                                  placeholder={t('calendar.toPlaceholder')}
                                  style={{ width: '100%' }}
                                  disabledDate={inYear}
                                  defaultPickerValue={dayjs(`${year}-01-01`)}
                                  inputReadOnly={mobile}
                                />
                              </Form.Item>
                            </Col>
                            <Col xs={2} sm={1} style={{ paddingTop: labelled(index) ? 34 : 4 }}>
                              <Button
                                type="text"
                                danger
                                size="small"
                                icon={<MinusCircleOutlined />}
                                aria-label={t('calendar.removeRange')}
                                onClick={() => remove(name)}
                              />
                            </Col>
                          </Row>
                        ))}
                        <Button
                          type="dashed"
                          block
                          icon={<PlusOutlined />}
                          onClick={() => add({ name: '', kind: 'holiday', from: null, to: null })}
                          data-testid="calendar-add-range"
                        >
                          {t('calendar.addRange')}
                        </Button>
                        <Typography.Paragraph
                          type="secondary"
                          style={{ marginTop: 8 }}
                          data-testid="calendar-range-count"
                        >
                          {t('calendar.count', counts)}
                        </Typography.Paragraph>
                      </>
                    )}
                  </Form.List>
                </>
              ),
            },
            {
              key: 'json',
              label: t('calendar.tabJson'),
              children: (
                <Form.Item name="json" label={t('calendar.json')} extra={t('calendar.jsonHint')}>
                  <Input.TextArea
                    rows={8}
                    className="mono"
                    data-testid="calendar-notice-json"
                    placeholder={'[{"date":"2027-01-01","kind":"holiday","name":"元旦"}]'}
                  />
                </Form.Item>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}
