// A user picker for the admin forms that shows a saved choice by name before any search.
import { ReferenceSelect } from '../../records/ReferenceSelect.tsx';
import { useUserSummary } from './salesAdmin.api.ts';

interface Props {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
}

export function UserPicker({ value, ...rest }: Props) {
  const user = useUserSummary(value);
  return (
    <ReferenceSelect
      reference="user"
      value={value}
      title={user.data ? `${user.data.displayName}（${user.data.username}）` : undefined}
      {...rest}
    />
  );
}
