// One field of a record as a reader sees it: option labels, tag chips, 是/否, grouped amounts, dates, links to the
// records a reference points at (by title), mail and phone links.
import { Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FieldMeta } from '@guanxi/contracts';
import { useMeta } from '../../platform/meta.ts';
import type { ApiRecord } from './records.api.ts';
import { readValue, valueText } from './fieldValues.ts';
import { tagLabel } from './tags.ts';

const empty = <Typography.Text type="secondary">—</Typography.Text>;

export function FieldValue({ record, field }: { record: ApiRecord; field: FieldMeta }) {
  const { t } = useTranslation();
  const meta = useMeta();
  const value = readValue(record, field);
  if (value === null || value === undefined || value === '') return empty;

  if (field.type === 'reference') {
    if (field.name === 'ownerId') return <>{record.ownerName ?? empty}</>;
    if (field.name === 'orgUnitId') return <>{record.orgUnitName ?? empty}</>;
    const title = (record.titles as Record<string, string> | undefined)?.[field.name];
    if (title === undefined) return <Typography.Text type="secondary">{t('records.hiddenReference')}</Typography.Text>;
    const target = meta.data?.find((e) => e.name === field.reference);
    return target ? <Link to={`/${target.plural}/${String(value)}`}>{title}</Link> : <>{title}</>;
  }
  if ((field.type === 'multiSelect' || field.type === 'tags') && Array.isArray(value))
    return (
      <>
        {value.map((v) => (
          <Tag key={String(v)} color={field.type === 'tags' ? 'blue' : undefined}>
            {tagLabel(field, String(v))}
          </Tag>
        ))}
      </>
    );
  if (field.type === 'email') return <a href={`mailto:${String(value)}`}>{String(value)}</a>;
  if (field.type === 'phone') return <a href={`tel:${String(value)}`}>{String(value)}</a>;
  if (field.type === 'longText') return <span style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</span>;
  return <>{valueText(field, value, [t('records.yes'), t('records.no')])}</>;
}
