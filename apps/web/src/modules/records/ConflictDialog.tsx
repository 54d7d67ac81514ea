// Shown when the server answers 412: someone saved the record after this page loaded it. The dialog shows, for
// each field in question, what this user tried to save and what is stored now, and offers to reload.
import { Alert, Modal, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityMeta } from '@guanxi/contracts';
import { readValue, valueText } from './fieldValues.ts';
import type { ApiRecord } from './records.api.ts';

export interface Conflict {
  /** The values this user tried to save, as API values. */
  mine: ApiRecord;
  /** The record as stored now (from the 412 answer). */
  theirs: ApiRecord;
  /** Fields this user changed. */
  fields: string[];
}

export function ConflictDialog({
  entity,
  conflict,
  onReload,
  onClose,
}: {
  entity: EntityMeta;
  conflict: Conflict;
  onReload: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const yesNo: [string, string] = [t('records.yes'), t('records.no')];
  // The fields this user edited, then any other field the other person changed.
  const changedByThem = entity.fields
    .filter((f) => !f.readOnly && JSON.stringify(readValue(conflict.mine, f)) !== JSON.stringify(readValue(conflict.theirs, f)))
    .map((f) => f.name);
  const names = [...new Set([...conflict.fields, ...changedByThem])];
  const rows = names
    .map((name) => entity.fields.find((f) => f.name === name))
    .filter((f) => f !== undefined)
    .map((field) => ({
      key: field.name,
      field: field.label,
      mine: field.name === 'ownerId' ? conflict.mine.ownerName : valueText(field, readValue(conflict.mine, field), yesNo),
      theirs: field.name === 'ownerId' ? conflict.theirs.ownerName : valueText(field, readValue(conflict.theirs, field), yesNo),
    }));
  const who = String((conflict.theirs.titles as Record<string, string> | undefined)?.updatedBy ?? t('records.conflict.someone'));

  return (
    <Modal
      open
      title={t('records.conflict.title')}
      okText={t('records.conflict.reload')}
      cancelText={t('records.conflict.keepEditing')}
      onOk={onReload}
      onCancel={onClose}
      width={640}
    >
      <Alert type="warning" showIcon title={t('records.conflict.text', { who })} style={{ marginBottom: 12 }} />
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('records.conflict.field'), dataIndex: 'field' },
          { title: t('records.conflict.mine'), dataIndex: 'mine' },
          { title: t('records.conflict.theirs'), dataIndex: 'theirs' },
        ]}
      />
    </Modal>
  );
}
