// Background work of sales planning: the weekly forecast snapshot (the schedule runs every 6 hours; the first run of
// a week writes the week's snapshot, the later ones find it and stop), so a restart never skips a week.
import type { FastifyInstance } from 'fastify';
import type {} from '../../../app.ts';
import { takeForecastSnapshot } from './planning.forecast.ts';

export const FORECAST_SNAPSHOT_JOB = 'sales.forecastSnapshot';

export function registerPlanningJobs(app: FastifyInstance): void {
  app.jobs
    .register(FORECAST_SNAPSHOT_JOB, async (_payload, { db, log }) => {
      const rows = await takeForecastSnapshot(db, app.config.timeZone);
      if (rows) log.info({ rows }, 'forecast snapshot taken');
    })
    .schedule(FORECAST_SNAPSHOT_JOB, 6 * 60 * 60);
}
