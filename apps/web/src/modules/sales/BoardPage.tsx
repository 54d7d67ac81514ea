// 商机看板: the opportunities of one pipeline as columns per stage, with counts and sums of what the user may see,
// narrowed to an org unit or to the user's own. A card moves by drag and drop or by its menu; the move shows at once
// and is rolled back, with the server's reason, when refused. Closing as lost asks for the loss reason first.
import { useRef, useState } from 'react';
import { App, Button, Flex, Form, Modal, Select, Space, Switch, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Board, BoardColumn as Column, Stage } from '@guanxi/contracts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useSession } from '../../app/session.ts';
import { useMeta } from '../../platform/meta.ts';
import { errorMessage } from '../../platform/formErrors.ts';
import { ReferenceSelect } from '../records/ReferenceSelect.tsx';
import { boardColumnPage, moveOpportunity, salesKeys, useBoard, usePipelines } from './sales.api.ts';
import { moveCard } from './boardMoves.ts';
import { BoardColumn, type DragState } from './BoardColumn.tsx';

type CardRef = Column['items'][number];

export function BoardPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const userId = useSession().data?.user.id;
  const lossReasons =
    useMeta()
      .data?.find((e) => e.name === 'opportunity')
      ?.fields.find((f) => f.name === 'lossReason')?.options ?? [];
  const pipelines = usePipelines();
  const pipeline = pipelines.data?.find((p) => p.id === params.get('pipeline')) ?? pipelines.data?.find((p) => p.isDefault);
  const orgUnitId = params.get('orgUnit');
  const mine = params.get('mine') === '1';
  const filters = new URLSearchParams();
  if (orgUnitId) filters.set('filter[orgUnitId][eq]', orgUnitId);
  if (mine && userId) filters.set('filter[ownerId][eq]', userId);
  const filterText = filters.toString();
  const key = salesKeys.board(pipeline?.id ?? '', filterText);
  const board = useBoard(pipeline?.id, filterText);
  const [losing, setLosing] = useState<{ card: CardRef; stage: Stage } | null>(null);
  const [loadingStage, setLoadingStage] = useState<string | null>(null);
  const [form] = Form.useForm<{ lossReason: string }>();
  const dragging = useRef<string | null>(null) as DragState;
  usePageTitle(t('sales.board.title'));

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const move = async (ref: CardRef, stage: Stage, lossReason?: string) => {
    const before = queryClient.getQueryData<Board>(key);
    const card = before?.columns.flatMap((c) => c.items).find((i) => i.id === ref.id);
    if (!before || !card || card.stageId === stage.id) return;
    if (stage.outcome === 'lost' && !lossReason) {
      form.resetFields();
      setLosing({ card, stage });
      return;
    }
    await queryClient.cancelQueries({ queryKey: key });
    queryClient.setQueryData<Board>(key, moveCard(before, String(card.id), stage.id));
    try {
      await moveOpportunity(String(card.id), Number(card.version), stage.id, lossReason);
      void message.success(t('sales.board.moved', { stage: stage.name }));
    } catch (err) {
      queryClient.setQueryData<Board>(key, before);
      void message.error(t('sales.board.refused', { reason: errorMessage(t, err) }));
    } finally {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  };

  const loadMore = async (column: Column) => {
    if (!pipeline || !column.nextCursor) return;
    setLoadingStage(column.stage.id);
    try {
      const page = await boardColumnPage(pipeline.id, column.stage.id, filterText, column.nextCursor);
      const more = page.columns[0];
      queryClient.setQueryData<Board>(key, (current) =>
        current && more
          ? {
              ...current,
              columns: current.columns.map((c) =>
                c.stage.id === column.stage.id ? { ...c, items: [...c.items, ...more.items], nextCursor: more.nextCursor } : c,
              ),
            }
          : current,
      );
    } catch (err) {
      void message.error(errorMessage(t, err));
    } finally {
      setLoadingStage(null);
    }
  };

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('sales.board.title')}
        </Typography.Title>
        <Button onClick={() => void navigate('/opportunities')}>{t('sales.board.list')}</Button>
      </Flex>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label={t('sales.board.pipeline')}
          style={{ minWidth: 180 }}
          value={pipeline?.id}
          options={(pipelines.data ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))}
          onChange={(id: string) => setParam('pipeline', id)}
        />
        <div style={{ minWidth: 200 }}>
          <ReferenceSelect
            reference="orgUnit"
            value={orgUnitId}
            onChange={(id) => setParam('orgUnit', id)}
            placeholder={t('sales.board.orgUnit')}
            aria-label={t('sales.board.orgUnit')}
          />
        </div>
        <Space>
          <Switch checked={mine} onChange={(on) => setParam('mine', on ? '1' : null)} aria-label={t('sales.board.mine')} />
          <Typography.Text>{t('sales.board.mine')}</Typography.Text>
        </Space>
      </Space>
      <div
        aria-busy={board.isFetching}
        style={{
          display: 'flex',
          gap: 12,
          overflowX: 'auto',
          scrollSnapType: 'x mandatory',
          paddingBottom: 8,
          alignItems: 'flex-start',
        }}
      >
        {board.data?.columns.map((column) => (
          <BoardColumn
            key={column.stage.id}
            dragging={dragging}
            column={column}
            stages={board.data.pipeline.stages}
            onMove={(card, stage) => void move(card, stage)}
            onMore={() => void loadMore(column)}
            loadingMore={loadingStage === column.stage.id}
          />
        ))}
      </div>
      <Modal
        open={!!losing}
        title={losing ? t('sales.board.lossTitle', { name: String(losing.card.name ?? '') }) : ''}
        onCancel={() => setLosing(null)}
        onOk={() => void form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={({ lossReason }) => {
            const pending = losing;
            setLosing(null);
            if (pending) void move(pending.card, pending.stage, lossReason);
          }}
        >
          <Form.Item
            name="lossReason"
            label={t('sales.board.lossReason')}
            rules={[{ required: true, message: t('sales.board.lossReasonRequired') }]}
          >
            <Select options={lossReasons} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
