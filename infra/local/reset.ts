import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { resolve } from 'node:path';

/**
 * `npm run reset`: deletes the local stack's data (.local/, or LOCAL_DATA_DIR), so that the next
 * `npm start` creates the demo province afresh and prints new temporary passwords. Refuses while
 * a stack is running, and refuses a folder holding anything the local stack did not put there.
 */
const root = resolve(import.meta.dirname, '../..');
const dataDir = resolve(root, process.env.LOCAL_DATA_DIR ?? '.local');
const listening = (url: URL) =>
  new Promise<boolean>((done) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    socket.setTimeout(3000);
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
    socket.once('timeout', () => (socket.destroy(), done(false)));
  });
const OURS = new Set(['dynamodb', 's3sqs', 'identity-secret', 'stack.json', 'demo-passwords.json', 'restores']);

if (!existsSync(dataDir)) {
  console.log(`Nothing to reset: ${dataDir} does not exist.`);
  process.exit(0);
}
const stateFile = resolve(dataDir, 'stack.json');
if (existsSync(stateFile)) {
  const { api } = JSON.parse(readFileSync(stateFile, 'utf8')) as { api?: string };
  // Something still listening on the stack's port means it runs (a connection, not a request: instant even when busy).
  const running = api ? await listening(new URL(api)) : false;
  if (running) {
    console.error(`A local stack is running at ${api}: stop it (Ctrl-C) before npm run reset.`);
    process.exit(1);
  }
}
const foreign = readdirSync(dataDir).filter((name) => !OURS.has(name));
if (foreign.length > 0) {
  console.error(
    `${dataDir} holds files the local stack did not create (${foreign.join(', ')}); delete it by hand if you mean it.`,
  );
  process.exit(1);
}
rmSync(dataDir, { recursive: true, force: true });
console.log(`Removed ${dataDir}: the next npm start creates the demo province and prints new temporary passwords.`);
