// The frame of every admin form dialog: a title, 保存 / 取消, a spinner while saving; 保存 submits the form.
import type { ReactNode } from 'react';
import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  saving: boolean;
  onSave: () => void;
  onClose: () => void;
  width?: number;
  children: ReactNode;
}

export function FormDialog({ title, saving, onSave, onClose, width, children }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      okText={t('admin.common.save')}
      cancelText={t('admin.common.cancel')}
      confirmLoading={saving}
      onOk={onSave}
      onCancel={onClose}
      destroyOnHidden
      width={width}
    >
      {children}
    </Modal>
  );
}
