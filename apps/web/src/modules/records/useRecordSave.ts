// Saving part of a record from the detail page with the version it was loaded at: updates the cached record and
// lists, reports when it was saved, and turns a 412 into the conflict the page shows as a dialog.
import { useState } from 'react';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EntityMeta, FieldMeta } from '@guanxi/contracts';
import { api, ApiError } from '../../platform/api.ts';
import { errorMessage } from '../../platform/formErrors.ts';
import type { Conflict } from './ConflictDialog.tsx';
import { formPath, toApiBody } from './fieldValues.ts';
import { recordKeys, type ApiRecord } from './records.api.ts';

export function useRecordSave(entity: EntityMeta, record: ApiRecord | undefined) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  /** Saves one field (or a group of fields edited together); resolves to the message to show beside it, or null. */
  const save = async (saved: FieldMeta | FieldMeta[], values: Record<string, unknown>): Promise<string | null> => {
    if (!record) return null;
    const fields = Array.isArray(saved) ? saved : [saved];
    const body = toApiBody(fields, values);
    try {
      const updated = await api.patch<ApiRecord>(`/${entity.plural}/${record.id}`, body, { ifMatch: record.version });
      queryClient.setQueryData(recordKeys.one(entity.plural, record.id), updated);
      void queryClient.invalidateQueries({ queryKey: recordKeys.type(entity.plural), predicate: (q) => q.queryKey[2] !== 'one' });
      setSavedAt(new Date());
      return null;
    } catch (err) {
      if (err instanceof ApiError && err.status === 412 && err.current) {
        const mine = { ...record, ...body, custom: { ...record.custom, ...(body.custom as object | undefined) } } as ApiRecord;
        setConflict({ mine, theirs: err.current as ApiRecord, fields: fields.map((f) => f.name) });
        return t('records.conflict.short');
      }
      const paths = fields.flatMap((f) => [formPath(f).join('.'), f.name]);
      const detail = err instanceof ApiError ? err.details.find((d) => d.field && paths.includes(d.field)) : undefined;
      if (detail) return detail.message;
      void message.error(errorMessage(t, err));
      return errorMessage(t, err);
    }
  };

  const reload = async () => {
    if (!record) return;
    setConflict(null);
    await queryClient.invalidateQueries({ queryKey: recordKeys.one(entity.plural, record.id) });
  };

  return { save, savedAt, conflict, closeConflict: () => setConflict(null), reload };
}
