// The expected dates of an order's stages (pure): counting from a base day — the order date when it is made, the day
// of the latest completion afterwards — each stage not yet done is expected its lead time after the one before it.
// The order's expected arrival is the expected day of its arrival stage (the last one marked so), or the day it was
// done. A stage completed late moves the base later and pushes every date after it; completed early, it pulls them.

export interface PlannedStage {
  stageId: string;
  leadTimeDays: number;
  isArrival: boolean;
  /** pending, partial, done. */
  status: string;
  expectedDate: string | null;
  /** The day a done stage was completed (organisation time zone), for the arrival when that stage is done. */
  completedOn?: string | null;
}

/** `date` (YYYY-MM-DD) plus `days`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Expected dates of the stages not done, from `base`; done stages keep theirs. Stages in pipeline order. */
export function planStages(stages: PlannedStage[], base: string): { dates: Map<string, string | null>; arrival: string | null } {
  const dates = new Map<string, string | null>();
  let day = base;
  for (const stage of stages) {
    if (stage.status === 'done') {
      dates.set(stage.stageId, stage.expectedDate);
      continue;
    }
    day = addDays(day, stage.leadTimeDays);
    dates.set(stage.stageId, day);
  }
  const arrivalStage = [...stages].reverse().find((s) => s.isArrival);
  let arrival: string | null = null;
  if (arrivalStage)
    arrival =
      arrivalStage.status === 'done'
        ? (arrivalStage.completedOn ?? dates.get(arrivalStage.stageId) ?? null)
        : (dates.get(arrivalStage.stageId) ?? null);
  return { dates, arrival };
}
