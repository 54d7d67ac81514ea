// A record's team (客户团队 on a customer, 商机团队 on an opportunity): the owner as account manager and the colleagues
// the record is shared with, each read-only or able to edit; those who may reassign the record add and remove members
// (the server decides and its refusal is shown). Membership is the kit's record shares (/<plural>/:id/shares), so
// access follows it everywhere. A module registers it with the words naming its kind of team.
import { useState } from 'react';
import { App, Button, Card, Flex, List, Popconfirm, Select, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../../platform/api.ts';
import { errorMessage } from '../../platform/formErrors.ts';
import type { DetailProps } from './pageExtensions.ts';
import { recordKeys, type TeamMember, useTeam } from './records.api.ts';
import { ReferenceSelect } from './ReferenceSelect.tsx';

/** The words that name the kind of team: its title, the notice after adding, the question before removing. */
export interface TeamLabels {
  title: string;
  added: string;
  removeTitle: (name: string) => string;
}

export function RecordTeamPanel({ entity, record, labels: labelsOf }: DetailProps & { labels: (t: TFunction) => TeamLabels }) {
  const { t } = useTranslation();
  const labels = labelsOf(t);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const team = useTeam(entity.plural, record.id);
  const [adding, setAdding] = useState(false);
  const [userId, setUserId] = useState<string | null>(null);
  const [access, setAccess] = useState<TeamMember['access']>('read');
  const [saving, setSaving] = useState(false);
  const manage = record.access?.assign ?? false;

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: recordKeys.team(entity.plural, record.id) }),
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
      void message.success(labels.added);
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

  const accessLabel = (a: TeamMember['access']) => (a === 'edit' ? t('records.team.edit') : t('records.team.read'));

  return (
    <Card
      size="small"
      title={labels.title}
      role="region"
      aria-label={labels.title}
      style={{ marginBottom: 16 }}
      extra={
        manage &&
        !adding && (
          <Button size="small" onClick={() => setAdding(true)}>
            {t('records.team.add')}
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
                <Tag color="blue">{t('records.team.manager')}</Tag>
              </Flex>
            </List.Item>
          ) : (
            <List.Item
              actions={
                manage
                  ? [
                      <Popconfirm
                        key="remove"
                        title={labels.removeTitle(member.userName)}
                        okText={t('records.team.remove')}
                        cancelText={t('records.cancel')}
                        onConfirm={() => remove(member)}
                      >
                        <Button type="text" size="small" aria-label={t('records.team.removeLabel', { name: member.userName })}>
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
                  {member.teamRole ?? (member.reason === 'team' ? t('records.team.member') : t('records.team.shared'))}
                </Typography.Text>
              </Flex>
            </List.Item>
          )
        }
      />
      {adding && (
        <Flex gap={8} wrap align="center" style={{ marginTop: 12 }} role="group" aria-label={t('records.team.add')}>
          <div style={{ flex: '1 1 200px', minWidth: 0, maxWidth: 320 }}>
            <ReferenceSelect
              reference="user"
              value={userId}
              onChange={setUserId}
              aria-label={t('records.team.user')}
              placeholder={t('records.team.user')}
            />
          </div>
          <Select
            aria-label={t('records.team.access')}
            value={access}
            onChange={setAccess}
            style={{ width: 120 }}
            options={[
              { value: 'read', label: t('records.team.read') },
              { value: 'edit', label: t('records.team.edit') },
            ]}
          />
          <Button type="primary" disabled={!userId} loading={saving} onClick={() => void add()}>
            {t('records.team.addRun')}
          </Button>
          <Button onClick={() => setAdding(false)}>{t('records.cancel')}</Button>
        </Flex>
      )}
    </Card>
  );
}
