// The create-and-edit dialog every list page shares (see ListPage.tsx): one antd form in a modal that sends once per
// idempotency key, marks the server's field errors on the fields (anything else is a message), and tells
// the page when it saved. useEditor is the page's side: which record the dialog is open on.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { App as AntApp, Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, newIdempotencyKey, problemMessage } from '../api';

export interface FormModalProps<V extends object, R> {
  /** The caller's form, so that its fields may watch and set one another. */
  form: FormInstance<V>;
  open: boolean;
  title: ReactNode;
  /**
   * When given (null for a new record), the form is reset each time the dialog opens and filled with these.
   * Left out, the form keeps what was typed until it is saved or unmounted.
   */
  values?: Partial<V> | null;
  initialValues?: Partial<V>;
  /** Sends the values; `idempotencyKey` stays the same until a save succeeds. */
  save: (values: V, idempotencyKey: string) => Promise<R>;
  onSaved: (result: R) => void;
  onClose: () => void;
  /** Shown once saved; "saved" by default. */
  successMessage?: string;
  /** Empties the form once saved (a dialog that adds one record after another). */
  resetAfterSave?: boolean;
  /** The form is unmounted while the dialog is closed (default: kept mounted, so `form` stays connected). */
  destroyOnHidden?: boolean;
  width?: number;
  okText?: string;
  okButtonProps?: ButtonProps;
  /** Above the form, e.g. a warning. */
  before?: ReactNode;
  children: ReactNode;
}

export function FormModal<V extends object, R = unknown>({
  form,
  open,
  title,
  values,
  initialValues,
  save,
  onSaved,
  onClose,
  successMessage,
  resetAfterSave,
  destroyOnHidden,
  width,
  okText,
  okButtonProps,
  before,
  children,
}: FormModalProps<V, R>) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);
  // The values as they are when the dialog opens; later renders of the page do not refill the form.
  const latest = useRef(values);
  latest.current = values;
  useEffect(() => {
    if (!open || latest.current === undefined) return;
    form.resetFields();
    if (latest.current) form.setFieldsValue(latest.current);
  }, [open, form]);

  const submit = async (v: V) => {
    setBusy(true);
    try {
      const result = await save(v, key);
      setKey(newIdempotencyKey());
      void message.success(successMessage ?? t('common:actions.saved'));
      if (resetAfterSave) form.resetFields();
      onSaved(result);
    } catch (err) {
      if (!applyFieldErrors(form, err)) void message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={okText}
      okButtonProps={okButtonProps}
      width={width}
      forceRender={!destroyOnHidden}
      destroyOnHidden={destroyOnHidden}
    >
      {before}
      <Form<V> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}

/** Which record the page's dialog is open on: `create()` opens it empty, `edit(r)` on r. */
export function useEditor<T>() {
  const [state, setState] = useState<{ open: boolean; record: T | null }>({ open: false, record: null });
  return {
    open: state.open,
    record: state.record,
    create: () => setState({ open: true, record: null }),
    edit: (record: T) => setState({ open: true, record }),
    close: () => setState((s) => ({ ...s, open: false })),
  };
}
