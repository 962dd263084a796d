import { afterEach, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dynamoHeapMb, heapCapReached, startEmulators, type Emulators } from '../../infra/local/emulators';

/**
 * A lighter local stack (issue 22 #6): DynamoDB Local runs under a heap cap (DYNAMODB_LOCAL_HEAP_MB,
 * 256 MiB by default) for the suite, `npm start` and the bench alike, and reaching it ends the JVM
 * with a message that says so. The JVM's options are read back (its environment, and jcmd where the
 * JDK is installed); in-memory tables live in SQLite's native memory, outside the heap, so filling
 * one does not reach the cap.
 */
let emulators: Emulators | undefined;
const hasJcmd = () => {
  try {
    execFileSync('jcmd', ['-h'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
afterEach(async () => {
  vi.unstubAllEnvs();
  await emulators?.stop();
  emulators = undefined;
});

describe('DynamoDB Local heap cap', () => {
  it('reads the cap from DYNAMODB_LOCAL_HEAP_MB, 256 MiB by default, and refuses nonsense', () => {
    expect(dynamoHeapMb({})).toBe(256);
    expect(dynamoHeapMb({ DYNAMODB_LOCAL_HEAP_MB: '512' })).toBe(512);
    expect(() => dynamoHeapMb({ DYNAMODB_LOCAL_HEAP_MB: '12' })).toThrow(/at least 64/);
    expect(() => dynamoHeapMb({ DYNAMODB_LOCAL_HEAP_MB: 'lots' })).toThrow(/DYNAMODB_LOCAL_HEAP_MB/);
  });

  it('runs DynamoDB Local’s JVM under the cap, set to exit when it is reached', async () => {
    vi.stubEnv('DYNAMODB_LOCAL_HEAP_MB', '96');
    emulators = await startEmulators({ region: 'ap-southeast-1', sharedDb: false });
    // What the JVM was started with (its launcher reads JDK_JAVA_OPTIONS)…
    const environment = readFileSync(`/proc/${emulators.dynamodbPid}/environ`, 'utf8').split('\0');
    expect(environment.find((v) => v.startsWith('JDK_JAVA_OPTIONS='))).toMatch(/-Xmx96m -XX:\+ExitOnOutOfMemoryError$/);
    // …and, where the JDK's jcmd is installed (CI may have only the JRE), what the running JVM holds.
    if (hasJcmd()) {
      const flags = execFileSync('jcmd', [String(emulators.dynamodbPid), 'VM.flags'], { encoding: 'utf8' });
      expect(flags).toContain(`-XX:MaxHeapSize=${96 * 1024 * 1024}`);
      expect(flags).toContain('-XX:+ExitOnOutOfMemoryError');
    }
  }, 60_000);

  it('says plainly that the cap was reached, from what the JVM prints when it ends there', () => {
    const echoed = 'NOTE: Picked up JDK_JAVA_OPTIONS: -Xmx256m -XX:+ExitOnOutOfMemoryError\n';
    expect(heapCapReached(echoed, 256)).toBeUndefined();
    const ended = `${echoed}Terminating due to java.lang.OutOfMemoryError: Java heap space\n`;
    expect(heapCapReached(ended, 256)).toMatch(
      /^DynamoDB Local reached its heap cap of 256 MiB.*DYNAMODB_LOCAL_HEAP_MB/,
    );
  });
});
