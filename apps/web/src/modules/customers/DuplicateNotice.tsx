// On the customer form: while the user types a name (or has a phone or e-mail filled in), likely duplicates the
// user may see are listed — same number first, then the same name without legal suffixes — with links, so a rep
// opens the existing customer instead of creating a twin.
import { Alert, Flex, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CustomerDuplicate as Duplicate } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';
import { useDebounced } from '../../platform/useDebounced.ts';
import type { FormNoticeProps } from '../records/pageExtensions.ts';

export function DuplicateNotice({ values, record }: FormNoticeProps) {
  const { t } = useTranslation();
  const name = useDebounced(typeof values.name === 'string' ? values.name.trim() : '', 400);
  const params = new URLSearchParams();
  if (name.length >= 2) params.set('name', name);
  if (record) params.set('excludeId', record.id);
  const query = params.toString();
  const duplicates = useQuery({
    queryKey: ['customers', 'duplicates', query],
    enabled: params.has('name'),
    queryFn: () => api.get<{ items: Duplicate[] }>(`/customers/duplicates?${query}`).then((r) => r.items),
  });
  const items = params.has('name') ? (duplicates.data ?? []) : [];
  if (!items.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      style={{ marginBottom: 16 }}
      title={t('customers.duplicates.title', { count: items.length })}
      description={
        <Flex vertical gap={4}>
          {items.map((d) => (
            <span key={d.id}>
              <Link to={`/customers/${d.id}`}>{d.name}</Link>
              <Typography.Text type="secondary">
                {' · '}
                {t(`customers.duplicates.${d.reason}`)}
                {d.ownerName ? ` · ${t('customers.duplicates.owner', { owner: d.ownerName })}` : ''}
              </Typography.Text>
            </span>
          ))}
        </Flex>
      }
    />
  );
}
