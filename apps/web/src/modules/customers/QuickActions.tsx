// Quick actions on the customer card: log a call, log a visit, add a task — the activity form opened with the
// customer and the kind filled in (when the user may create activities) — and merging a duplicate into this one.
import { Button, Flex } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../../platform/meta.ts';
import type { DetailProps } from '../records/pageExtensions.ts';
import { MergeAction } from './MergeAction.tsx';

const ACTIONS = [
  { kind: 'call', label: 'customers.actions.logCall' },
  { kind: 'visit', label: 'customers.actions.logVisit' },
  { kind: 'task', label: 'customers.actions.newTask' },
] as const;

export function QuickActions({ entity, record }: DetailProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const activity = useMeta().data?.find((e) => e.name === 'activity');
  const logActivities = !!activity && (activity.permissions.create ?? 'none') !== 'none';
  if (!logActivities && !record.access?.update) return null;
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }} role="group" aria-label={t('customers.actions.title')}>
      {logActivities &&
        ACTIONS.map(({ kind, label }) => (
          <Button key={kind} onClick={() => void navigate(`/${activity!.plural}/new?customerId=${record.id}&kind=${kind}`)}>
            {t(label)}
          </Button>
        ))}
      <MergeAction entity={entity} record={record} />
    </Flex>
  );
}
