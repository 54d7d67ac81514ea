// An activity's related record on its page: the record's type and a link to it by title, or 无权查看 when the
// user may not read it.
import { Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DetailProps } from '../records/pageExtensions.ts';
import { useRelatedRecord } from './useRelatedRecord.ts';

export function RelatedRecordValue({ record }: DetailProps) {
  const { t } = useTranslation();
  const type = typeof record.relatedType === 'string' ? record.relatedType : undefined;
  const id = typeof record.relatedId === 'string' ? record.relatedId : null;
  const { target, title, hidden } = useRelatedRecord(type, id);
  if (!id) return <Typography.Text type="secondary">—</Typography.Text>;
  if (hidden) return <Typography.Text type="secondary">{t('records.hiddenReference')}</Typography.Text>;
  return (
    <span>
      <Typography.Text type="secondary">{target?.label} · </Typography.Text>
      {target && <Link to={`/${target.plural}/${id}`}>{title ?? t('records.selectedRecord')}</Link>}
    </span>
  );
}
