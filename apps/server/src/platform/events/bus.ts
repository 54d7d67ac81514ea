// STUB: replaced by its owner.
export class EventBus {}
