// What the activities module adds to the generic record pages: one picker for an activity's related record
// (type, then the record) on its form and page, shown there as a link.
// Imported once by the app; registering is all it does.
import { registerFieldGroupInput } from '../records/pageExtensions.ts';
import { RelatedRecordInput } from './RelatedRecordInput.tsx';
import { RelatedRecordValue } from './RelatedRecordValue.tsx';

registerFieldGroupInput('activity', {
  fields: ['relatedType', 'relatedId'],
  label: (t) => t('activities.related.label'),
  Input: RelatedRecordInput,
  Value: RelatedRecordValue,
});
