// A visit's check-in: the server's time, the place the browser reports, and the visit marked done — one audited update.
import { AppError } from '../../platform/http/errors.ts';
import { getRecord, type KitContext } from '../../platform/entities/entity.read.ts';
import { updateRecord } from '../../platform/entities/entity.write.ts';

export async function checkInVisit(
  ctx: KitContext,
  id: string,
  place: { latitude?: number; longitude?: number; address?: string },
) {
  const visit = await getRecord(ctx, id);
  if (visit.kind !== 'visit')
    throw new AppError('VALIDATION_FAILED', 400, [{ field: 'kind', code: 'NOT_A_VISIT', message: 'NOT_A_VISIT' }]);
  return updateRecord(ctx, id, null, {
    checkInAt: new Date().toISOString(),
    status: 'done',
    ...(place.latitude !== undefined ? { checkInLatitude: place.latitude.toFixed(6) } : {}),
    ...(place.longitude !== undefined ? { checkInLongitude: place.longitude.toFixed(6) } : {}),
    ...(place.address ? { checkInAddress: place.address } : {}),
  });
}
