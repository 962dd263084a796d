import { json } from '../../shared/http/contract';
import { httpFunction } from '../../shared/http/handler';
import { probeDependencies } from '../../shared/adapters/dependency-probe';
import { operationsRoutes } from './routes';

export const handler = httpFunction('health', operationsRoutes, {
  health: async () => {
    const checks = await probeDependencies();
    const healthy = Object.values(checks).every((c) => c.status === 'ok');
    return json(
      healthy ? 200 : 503,
      { status: healthy ? 'ok' : 'degraded', time: new Date().toISOString(), checks },
      { 'cache-control': 'no-store' },
    );
  },
});
