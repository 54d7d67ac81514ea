// Reads the server's configuration from environment variables; every variable is listed in the README.
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecret: string | undefined;
  adminPassword: string | undefined;
  demo: boolean;
  /** Customers the demo grows to: the hand-written ones at first start, then generated ones in the background. */
  demoCustomers: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  bodyLimitBytes: number;
  logLevel: string;
  timeZone: string;
  jobPollMs: number;
  webDist: string | undefined;
  trustProxy: boolean;
  /** Largest file an import accepts. */
  importMaxBytes: number;
  /** Rows an import writes per transaction; the position it resumes from moves by this much. */
  importBatchSize: number;
  /** Largest file attached to a record. */
  attachmentMaxBytes: number;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFromEnv(env, 'PORT', 3000),
    host: env.HOST || '127.0.0.1',
    // npm runs workspace scripts inside apps/server; INIT_CWD is where the user typed the command.
    dataDir: path.resolve(env.INIT_CWD ?? process.cwd(), env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    sessionSecret: env.SESSION_SECRET || undefined,
    adminPassword: env.GUANXI_ADMIN_PASSWORD || undefined,
    demo: env.GUANXI_DEMO !== '0',
    demoCustomers: intFromEnv(env, 'GUANXI_DEMO_CUSTOMERS', 3000),
    sessionIdleMinutes: intFromEnv(env, 'SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: intFromEnv(env, 'SESSION_ABSOLUTE_HOURS', 12),
    bodyLimitBytes: intFromEnv(env, 'BODY_LIMIT_BYTES', 1024 * 1024),
    logLevel: env.LOG_LEVEL || 'info',
    timeZone: env.GUANXI_TIME_ZONE || 'Asia/Shanghai',
    jobPollMs: intFromEnv(env, 'JOB_POLL_MS', 1000),
    webDist: env.WEB_DIST || undefined,
    trustProxy: env.TRUST_PROXY === '1',
    importMaxBytes: intFromEnv(env, 'IMPORT_MAX_BYTES', 200 * 1024 * 1024),
    importBatchSize: Math.max(1, intFromEnv(env, 'IMPORT_BATCH_SIZE', 2000)),
    attachmentMaxBytes: intFromEnv(env, 'ATTACHMENT_MAX_BYTES', 20 * 1024 * 1024),
  };
}
