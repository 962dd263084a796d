import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { useLocalStack } from '../support/local-stack';
import { bundleOptions } from '../../infra/constructs/bundling';
import { functionEnvironment } from '../../infra/local/resources';
import { loadDeploymentConfig } from '../../infra/config/deployment';
import { functionDefinitions } from '../../functions/manifest';

/**
 * The bundle CDK deploys, not the source the local stack loads: built with the same esbuild
 * options (credential alias included), run in a fresh Node process against the local emulators.
 */
const local = useLocalStack();
const root = resolve(import.meta.dirname, '../..');

/** Builds `entry` as CDK does; `inputs` are the files that left bytes in the output (tree-shaken ones leave none). */
async function bundle(entry: string) {
  const dir = mkdtempSync(join(tmpdir(), 'lambda-bundle-'));
  const outfile = join(dir, 'index.mjs');
  const out = await build({
    ...bundleOptions,
    entryPoints: [resolve(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    logLevel: 'silent',
    metafile: true,
  });
  const inputs = Object.values(out.metafile.outputs).flatMap((o) =>
    Object.entries(o.inputs)
      .filter(([, i]) => i.bytesInOutput > 0)
      .map(([name]) => name),
  );
  return { dir, outfile, inputs };
}

const bundleHealth = () => bundle(functionDefinitions.health.entry);

function localEnvironment(): Record<string, string> {
  return {
    ...functionEnvironment(local.stack().endpoints, local.stack().resources, loadDeploymentConfig()),
    IDENTITY_PROVIDER: 'cognito',
    USER_POOL_ID: 'ap-southeast-1_bundle',
    USER_POOL_CLIENT_ID: 'bundle',
    LOG_LEVEL: 'SILENT',
  };
}

function invoke(dir: string, outfile: string, env: Record<string, string>) {
  const event = {
    resource: '/health',
    path: '/health',
    httpMethod: 'GET',
    headers: {},
    multiValueHeaders: {},
    queryStringParameters: null,
    pathParameters: null,
    body: null,
    isBase64Encoded: false,
    requestContext: { requestId: 'bundle-test', identity: { sourceIp: '127.0.0.1' }, path: '/v1/health', stage: 'v1' },
  };
  const script = join(dir, 'invoke.mjs');
  writeFileSync(
    script,
    `const { handler } = await import(${JSON.stringify(outfile)});\nconst res = await handler(${JSON.stringify(event)}, { awsRequestId: 'bundle-test', functionName: 'health', getRemainingTimeInMillis: () => 5000 });\nconsole.log(JSON.stringify(res));\n`,
  );
  const out = execFileSync(process.execPath, [script], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop()!) as { statusCode: number; body: string };
}

describe('the deployed bundle', () => {
  it('takes Lambda credentials from the environment only, and signs real DynamoDB calls with them', async () => {
    const { dir, outfile, inputs } = await bundleHealth();
    expect(inputs.some((i) => i.endsWith('shared/adapters/lambda-credentials.ts'))).toBe(true);
    expect(
      inputs.filter((i) =>
        /credential-provider-(node|ini|sso|process|web-identity)|nested-clients|client-s3|client-sqs|node_modules\/mnemonist\//.test(
          i,
        ),
      ),
    ).toEqual([]);

    const env = localEnvironment();
    const ok = invoke(dir, outfile, env);
    const body = JSON.parse(ok.body) as { checks: Record<string, { status: string; error?: string }> };
    expect(body.checks.table).toMatchObject({ status: 'ok' });

    const { AWS_ACCESS_KEY_ID: _dropped, ...withoutCredentials } = env;
    const refused = invoke(dir, outfile, withoutCredentials);
    expect(refused.statusCode).toBe(503);
    const refusedBody = JSON.parse(refused.body) as typeof body;
    expect(refusedBody.checks.table).toMatchObject({ status: 'error', error: 'CredentialsProviderError' });
    expect(refusedBody.checks.monitoring).toMatchObject({ status: 'error', error: 'LedgerUnreadable' });
  }, 30_000);

  it('leaves the AWS SDK out of the functions that call no AWS service', async () => {
    for (const name of ['openapi', 'policies'] as const) {
      const { inputs } = await bundle(functionDefinitions[name].entry);
      expect(
        inputs.filter((i) => /node_modules\/@(aws-sdk|smithy)\//.test(i)),
        name,
      ).toEqual([]);
    }
  }, 30_000);

  it('constructs S3 and SQS clients without the event-stream codec, and calls them', async () => {
    const { dir, outfile, inputs } = await bundle(functionDefinitions.dependencyCheck.entry);
    expect(inputs.some((i) => i.endsWith('infra/constructs/stubs/event-streams.ts'))).toBe(true);
    expect(inputs.filter((i) => i.includes('/submodules/event-streams/'))).toEqual([]);
    const script = join(dir, 'run.mjs');
    writeFileSync(
      script,
      `const { handler } = await import(${JSON.stringify(outfile)});\nconsole.log(JSON.stringify(await handler({ trigger: 'manual' })));\n`,
    );
    const summary = JSON.parse(
      execFileSync(process.execPath, [script], {
        env: { PATH: process.env.PATH ?? '', ...localEnvironment() },
        encoding: 'utf8',
      })
        .trim()
        .split('\n')
        .pop()!,
    ) as Record<string, unknown>;
    expect(summary).toMatchObject({ outcome: 'succeeded', table: 'ok', 'bucket:media': 'ok', 'bucket:backups': 'ok' });
    expect(
      Object.entries(summary)
        .filter(([k]) => k.startsWith('queue:'))
        .map(([, v]) => v),
    ).not.toContain('error');
    expect(Object.keys(summary).filter((k) => k.startsWith('queue:')).length).toBeGreaterThan(0);
  }, 30_000);

  it('cleans rich text with the bundled sanitiser: its parser only, no postcss, no DOM, no date helpers', async () => {
    const { dir, outfile, inputs } = await bundle('shared/domain/content/rich-text.ts');
    expect(
      inputs.filter((i) =>
        /node_modules\/(postcss|source-map-js|domhandler|domutils|dom-serializer|dayjs|parse-srcset)\//.test(i),
      ),
    ).toEqual([]);
    expect(inputs.some((i) => i.includes('node_modules/sanitize-html/'))).toBe(true);
    expect(inputs.some((i) => i.includes('node_modules/htmlparser2/dist/Tokenizer.js'))).toBe(true);
    const script = join(dir, 'clean.mjs');
    writeFileSync(
      script,
      `const { cleanRichText } = await import(${JSON.stringify(outfile)});\nconsole.log(JSON.stringify(cleanRichText(process.argv[2])));\n`,
    );
    const clean = (html: string) =>
      JSON.parse(execFileSync(process.execPath, [script, html], { encoding: 'utf8' }).trim()) as string;
    // A srcset is dropped by the allow-list before anything would parse it.
    expect(clean('<img src="a.png" srcset="b.png 2x, javascript:alert(1) 3x">')).toBe('<img src="a.png" />');
    expect(
      clean(
        '<p style="color:red" onclick="x()">Tin <b>mới</b><script>alert(1)</script><a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)></p>',
      ),
    ).toBe('<p>Tin <b>mới</b><a rel="noopener noreferrer nofollow">x</a><img src="x" /></p>');
    // Entities are decoded before the URL check (the parser's own tables), then re-escaped on output.
    expect(
      clean('<a href="jav&#x61;script&colon;alert(1)">y</a><p>Ti&ecirc;u &amp; &#x111;i&#x1EC3;m&nbsp;&lt;b&gt;</p>'),
    ).toBe('<a rel="noopener noreferrer nofollow">y</a><p>Tiêu &amp; điểm\u00a0&lt;b&gt;</p>');
  }, 30_000);
});
