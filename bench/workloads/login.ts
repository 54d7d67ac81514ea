// Workload `login`: POST /api/v1/auth/login as the dataset's users in turn — argon2id verification, throttle
// check, session row, security log. CPU-bound by design, so it runs with fewer connections.
import { findUser } from '../dataset.ts';
import { defineWorkload, roundRobin } from './workload.ts';

export const loginWorkload = defineWorkload({
  name: 'login',
  measures: 'POST /api/v1/auth/login with a correct password, rotating over the branch users (argon2id path)',
  maxConnections: 2,
  async setup(ctx) {
    // Every non-HQ user of the dataset, so no single username's row is the only one touched.
    const usernames = ctx.dataset.users.filter((u) => u.branch !== 'HQ').map((u) => u.username);
    if (usernames.length === 0) usernames.push(findUser(ctx.dataset, 'branch_manager').username);
    return { usernames };
  },
  requests(ctx, { usernames }) {
    const nextUsername = roundRobin(usernames);
    return [
      {
        method: 'POST',
        path: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ username: nextUsername(), password: ctx.dataset.password }),
        }),
      },
    ];
  },
  rawSql(_ctx, { usernames }, iteration) {
    return {
      text: 'SELECT id, password_hash, active FROM users WHERE username = $1',
      params: [usernames[iteration % usernames.length]],
    };
  },
  rawSqlNote: 'the user lookup only; no argon2 verification, throttle check, session insert or security log',
});
