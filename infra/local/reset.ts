import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * `npm run reset`: deletes the local stack's data (.local/, or LOCAL_DATA_DIR), so that the next
 * `npm start` creates the demo province afresh and prints new temporary passwords. Refuses while
 * a stack is running, and refuses a folder holding anything the local stack did not put there.
 */
const root = resolve(import.meta.dirname, '../..');
const dataDir = resolve(root, process.env.LOCAL_DATA_DIR ?? '.local');
const OURS = new Set(['dynamodb', 's3sqs', 'identity-secret', 'stack.json', 'demo-passwords.json']);

if (!existsSync(dataDir)) {
  console.log(`Nothing to reset: ${dataDir} does not exist.`);
  process.exit(0);
}
const stateFile = resolve(dataDir, 'stack.json');
if (existsSync(stateFile)) {
  const { api } = JSON.parse(readFileSync(stateFile, 'utf8')) as { api?: string };
  const running = api ? await fetch(`${api}/health`, { signal: AbortSignal.timeout(1000) }).then(() => true, () => false) : false;
  if (running) {
    console.error(`A local stack is running at ${api}: stop it (Ctrl-C) before npm run reset.`);
    process.exit(1);
  }
}
const foreign = readdirSync(dataDir).filter((name) => !OURS.has(name));
if (foreign.length > 0) {
  console.error(`${dataDir} holds files the local stack did not create (${foreign.join(', ')}); delete it by hand if you mean it.`);
  process.exit(1);
}
rmSync(dataDir, { recursive: true, force: true });
console.log(`Removed ${dataDir}: the next npm start creates the demo province and prints new temporary passwords.`);
