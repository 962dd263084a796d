import { resolve } from 'node:path';
import { loadDeploymentConfig } from '../config/deployment';
import { synthesizeTemplates } from './templates';
import { readFacts } from './facts';
import { estimate, type Estimate } from './model';
import { loadWorkload } from './workload';
import { prices, REGION } from './prices';

/**
 * `npm run cost [-- workload.json …]`: synthesizes the deployment (PORTAL_CONFIG, as `cdk synth`)
 * and prints its monthly bill for each workload (default: the reference and the 10× one).
 */
const workloadsDir = resolve(import.meta.dirname, '../config/workloads');
const files =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : ['reference.json', 'ten-times.json'].map((f) => resolve(workloadsDir, f));
const facts = readFacts(synthesizeTemplates(loadDeploymentConfig()));

export function formatEstimate(e: Estimate): string {
  const rows = e.lines.map(
    (l) => `| ${l.component} | ${l.usd.toFixed(2)} | ${l.usdAfterFreeTier.toFixed(2)} | ${l.driver} |`,
  );
  return [
    `### ${e.workload}`,
    '',
    '| component | USD/month | after free tiers | driver |',
    '|---|--:|--:|---|',
    ...rows,
    `| **total** | **${e.total.toFixed(2)}** | **${e.totalAfterFreeTier.toFixed(2)}** | |`,
  ].join('\n');
}

const dates = [...new Set(Object.values(prices).map((p) => p.asOf))].join(', ');
console.log(
  `List prices ${REGION} (infra/cost/prices.ts, read ${dates}); templates synthesized from ${process.env.PORTAL_CONFIG ?? 'infra/config/deployment.json'}\n`,
);
for (const file of files) console.log(formatEstimate(estimate(facts, loadWorkload(file))) + '\n');
