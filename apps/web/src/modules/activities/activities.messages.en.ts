// English strings of the activity pages' own inputs.
export const activitiesEn = {
  related: {
    label: 'Related record',
    type: 'Record type',
    record: 'Search records',
    typeFirst: 'Choose a record type first',
  },
};
