// 客户团队 on the customer card: the owner as account manager and the colleagues the customer is shared with, each
// read-only or able to edit; those who may reassign the customer add and remove members (the server decides and
// its refusal is shown). Membership is the kit's record shares, so access follows it everywhere.
import { useState } from 'react';
import { App, Button, Card, Flex, List, Popconfirm, Select, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api.ts';
import { errorMessage } from '../../platform/formErrors.ts';
import type { DetailProps } from '../records/pageExtensions.ts';
import { recordKeys } from '../records/records.api.ts';
import { ReferenceSelect } from '../records/ReferenceSelect.tsx';
import { customerKeys, useTeam, type TeamMember } from './customers.api.ts';

export function TeamPanel({ entity, record }: DetailProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const team = useTeam(record.id);
  const [adding, setAdding] = useState(false);
  const [userId, setUserId] = useState<string | null>(null);
  const [access, setAccess] = useState<TeamMember['access']>('read');
  const [saving, setSaving] = useState(false);
  const manage = record.access?.assign ?? false;

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: customerKeys.team(record.id) }),
      queryClient.invalidateQueries({ queryKey: recordKeys.history(entity.plural, record.id) }),
    ]);

  const add = async () => {
    if (!userId) return;
    setSaving(true);
    try {
      await api.post(`/${entity.plural}/${record.id}/shares`, { userId, access, reason: 'team' });
      await refresh();
      setUserId(null);
      setAdding(false);
      void message.success(t('customers.team.added'));
    } catch (err) {
      void message.error(errorMessage(t, err));
    } finally {
      setSaving(false);
    }
  };

  const remove = async (member: TeamMember) => {
    try {
      await api.delete(`/${entity.plural}/${record.id}/shares/${member.userId}`);
      await refresh();
    } catch (err) {
      void message.error(errorMessage(t, err));
    }
  };

  const accessLabel = (a: TeamMember['access']) => (a === 'edit' ? t('customers.team.edit') : t('customers.team.read'));

  return (
    <Card
      size="small"
      title={t('customers.team.title')}
      role="region"
      aria-label={t('customers.team.title')}
      style={{ marginBottom: 16 }}
      extra={
        manage &&
        !adding && (
          <Button size="small" onClick={() => setAdding(true)}>
            {t('customers.team.add')}
          </Button>
        )
      }
    >
      <List
        size="small"
        dataSource={[null, ...(team.data ?? [])]}
        rowKey={(member) => member?.userId ?? 'owner'}
        renderItem={(member) =>
          member === null ? (
            <List.Item>
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>{record.ownerName ?? '—'}</Typography.Text>
                <Tag color="blue">{t('customers.team.manager')}</Tag>
              </Flex>
            </List.Item>
          ) : (
            <List.Item
              actions={
                manage
                  ? [
                      <Popconfirm
                        key="remove"
                        title={t('customers.team.removeTitle', { name: member.userName })}
                        okText={t('customers.team.remove')}
                        cancelText={t('records.cancel')}
                        onConfirm={() => remove(member)}
                      >
                        <Button type="text" size="small" aria-label={t('customers.team.removeLabel', { name: member.userName })}>
                          ✕
                        </Button>
                      </Popconfirm>,
                    ]
                  : undefined
              }
            >
              <Flex gap={8} wrap align="center" style={{ minWidth: 0 }}>
                <Typography.Text>{member.userName}</Typography.Text>
                <Tag color={member.access === 'edit' ? 'blue' : undefined}>{accessLabel(member.access)}</Tag>
                <Typography.Text type="secondary">
                  {member.teamRole ?? (member.reason === 'team' ? t('customers.team.member') : t('customers.team.shared'))}
                </Typography.Text>
              </Flex>
            </List.Item>
          )
        }
      />
      {adding && (
        <Flex gap={8} wrap align="center" style={{ marginTop: 12 }} role="group" aria-label={t('customers.team.add')}>
          <div style={{ flex: '1 1 200px', minWidth: 0, maxWidth: 320 }}>
            <ReferenceSelect
              reference="user"
              value={userId}
              onChange={setUserId}
              aria-label={t('customers.team.user')}
              placeholder={t('customers.team.user')}
            />
          </div>
          <Select
            aria-label={t('customers.team.access')}
            value={access}
            onChange={setAccess}
            style={{ width: 120 }}
            options={[
              { value: 'read', label: t('customers.team.read') },
              { value: 'edit', label: t('customers.team.edit') },
            ]}
          />
          <Button type="primary" disabled={!userId} loading={saving} onClick={() => void add()}>
            {t('customers.team.addRun')}
          </Button>
          <Button onClick={() => setAdding(false)}>{t('records.cancel')}</Button>
        </Flex>
      )}
    </Card>
  );
}
