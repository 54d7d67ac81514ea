// The navigation of the signed-in user, from the record types in /meta; while they load, the fixed links alone.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../../platform/meta.ts';
import { useSession } from '../session.ts';
import { buildNavModel, type NavModel } from './navModel.ts';

export function useNavModel(): NavModel {
  const { t } = useTranslation();
  const entities = useMeta().data;
  const isAdmin = useSession().data?.user.isAdmin === true;
  return useMemo(() => buildNavModel(entities ?? [], isAdmin, t), [entities, isAdmin, t]);
}
