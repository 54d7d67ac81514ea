// Files attached to a record, for any record type's detail page (a module registers it with registerDetailExtension):
// each file with its size, when and by whom it was uploaded, a download link (the server sends it as a download), and
// — for those who may edit the record — upload with a progress bar and removal after a confirmation. Who may do what
// is the server's decision; the panel only hides what would be refused.
import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Flex, List, Popconfirm, Progress, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.ts';
import { errorMessage } from '../../platform/formErrors.ts';
import type { DetailProps } from './pageExtensions.ts';
import { formatDateTime } from './fieldValues.ts';
import { recordKeys } from './records.api.ts';
import {
  attachmentDownloadUrl,
  attachmentsKey,
  deleteAttachment,
  formatFileSize,
  uploadAttachment,
  useAttachments,
  type RecordAttachment,
} from './attachments.api.ts';
import { useAttachmentText } from './attachments.messages.ts';

export function AttachmentsPanel({ entity, record }: DetailProps) {
  const text = useAttachmentText();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const csrfToken = useSession().data?.csrfToken ?? null;
  const attachments = useAttachments(entity.plural, record.id);
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState<{ name: string; percent: number } | null>(null);
  const canEdit = record.access?.update ?? false;
  const items = attachments.data ?? [];

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: attachmentsKey(entity.plural, record.id) }),
      queryClient.invalidateQueries({ queryKey: recordKeys.history(entity.plural, record.id) }),
    ]);

  const upload = async (file: File) => {
    setUploading({ name: file.name, percent: 0 });
    try {
      await uploadAttachment(entity.plural, record.id, file, {
        csrfToken,
        locale: i18n.language,
        onProgress: (percent) => setUploading({ name: file.name, percent }),
      });
      await refresh();
      void message.success(text.uploaded(file.name));
    } catch (err) {
      void message.error(text.failed(errorMessage(t, err)));
    } finally {
      setUploading(null);
    }
  };

  const remove = async (attachment: RecordAttachment) => {
    try {
      await deleteAttachment(entity.plural, record.id, attachment.id);
      await refresh();
      void message.success(text.removed);
    } catch (err) {
      void message.error(errorMessage(t, err));
    }
  };

  return (
    <Card
      size="small"
      title={items.length ? text.titleCount(items.length) : text.title}
      role="region"
      aria-label={text.title}
      style={{ marginBottom: 16 }}
      extra={
        canEdit && (
          <Button size="small" loading={uploading !== null} onClick={() => input.current?.click()}>
            {text.upload}
          </Button>
        )
      }
    >
      {canEdit && (
        <input
          ref={input}
          type="file"
          hidden
          aria-label={text.upload}
          data-testid="attachment-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void upload(file);
          }}
        />
      )}
      {uploading && (
        <div role="status" style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{text.uploading(uploading.name)}</Typography.Text>
          <Progress percent={uploading.percent} size="small" />
        </div>
      )}
      {!canEdit && items.length > 0 && <Alert type="info" showIcon={false} message={text.readOnly} style={{ marginBottom: 8 }} />}
      <List
        size="small"
        aria-label={text.listLabel}
        loading={attachments.isPending}
        dataSource={items}
        locale={{ emptyText: text.empty }}
        rowKey="id"
        renderItem={(attachment) => (
          <List.Item
            actions={
              canEdit
                ? [
                    <Popconfirm
                      key="remove"
                      title={text.removeTitle(attachment.fileName)}
                      description={text.removeHint}
                      okText={text.remove}
                      okButtonProps={{ danger: true }}
                      cancelText={text.cancel}
                      onConfirm={() => remove(attachment)}
                    >
                      <Button type="text" size="small" danger aria-label={text.removeLabel(attachment.fileName)}>
                        {text.remove}
                      </Button>
                    </Popconfirm>,
                  ]
                : undefined
            }
          >
            <Flex vertical style={{ minWidth: 0 }}>
              <a
                href={attachmentDownloadUrl(entity.plural, record.id, attachment.id)}
                download={attachment.fileName}
                aria-label={text.download(attachment.fileName)}
                style={{ overflowWrap: 'anywhere' }}
              >
                {attachment.fileName}
              </a>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[formatFileSize(attachment.size), formatDateTime(attachment.createdAt), attachment.createdByName]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
