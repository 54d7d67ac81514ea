// STUB: replaced by its owner.
export interface EntityDescriptor {
  name: string;
  plural: string;
}
