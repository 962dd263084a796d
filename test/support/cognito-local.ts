import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context as LambdaContext } from 'aws-lambda';
import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import pino from 'pino';
import { createServer } from 'cognito-local/lib/server/server';
import { Router } from 'cognito-local/lib/server/Router';
import { DefaultConfig, type Config } from 'cognito-local/lib/server/config';
import { CognitoError } from 'cognito-local/lib/errors';
import { DateClock, LambdaService, MessagesService, TriggersService } from 'cognito-local/lib/services';
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService';
import { CryptoService } from 'cognito-local/lib/services/crypto';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb';
import { MessageDeliveryService } from 'cognito-local/lib/services/messageDelivery/messageDelivery';
import { otp } from 'cognito-local/lib/services/otp';
import { JwtTokenGenerator } from 'cognito-local/lib/services/tokenGenerator';
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService';
import type { Services } from 'cognito-local/lib/services';
import { roles } from '../../shared/domain/roles';
import { passwordPolicy } from '../../shared/domain/accounts/password-policy';

/**
 * cognito-local (an emulator of Cognito's user-pool API) in this process, on a free port, with
 * its data in a temporary folder: no network, no Docker. What it does not do as Cognito does is
 * made explicit here:
 * - AliasExistsException: Cognito refuses a second user with the same verified e-mail when e-mail
 *   is a sign-in alias; cognito-local does not check aliases, so AdminCreateUser is wrapped to.
 * - A wrong password: Cognito answers NotAuthorizedException, cognito-local InvalidPasswordException
 *   (Cognito's answer to a password that breaks the policy); translated for the sign-in targets.
 * - AdminUserGlobalSignOut and AdminResetUserPassword are not implemented: they are answered
 *   with `{}` and recorded in `recorded`, so tests see what the adapter sent (not their effect).
 * - Lambda triggers are invoked in process (`triggers`), with the events cognito-local builds.
 * - Messages (temporary passwords, reset codes) are kept in `messages` instead of printed.
 */
export type TriggerHandler = (event: unknown, context: LambdaContext) => Promise<unknown>;

export interface CognitoLocal {
  readonly endpoint: string;
  readonly userPoolId: string;
  /** The console client as the auth stack configures it (USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH). */
  readonly clientId: string;
  readonly client: CognitoIdentityProviderClient;
  /** Codes delivered to users, newest last (the temporary password of AdminCreateUser, reset codes). */
  readonly messages: Array<{ username: string; code: string }>;
  readonly recorded: Array<{ target: string; request: Record<string, unknown> }>;
  /** Replace or remove trigger handlers while running. */
  readonly triggers: Partial<Record<'PostAuthentication' | 'PostConfirmation', TriggerHandler>>;
  stop(): Promise<void>;
}

const RECORDED_ONLY = new Set(['AdminUserGlobalSignOut', 'AdminResetUserPassword']);

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

type Ctx = { logger: pino.Logger };
type Route = (ctx: Ctx, req: Record<string, unknown>) => Promise<unknown>;

export async function startCognitoLocal(triggers: CognitoLocal['triggers'] = {}): Promise<CognitoLocal> {
  const directory = mkdtempSync(join(tmpdir(), 'cognito-local-'));
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const logger = pino({ level: 'silent' });
  const ctx: Ctx = { logger };
  const messages: CognitoLocal['messages'] = [];
  const recorded: CognitoLocal['recorded'] = [];

  const config: Config = {
    ...DefaultConfig,
    TriggerFunctions: { PostAuthentication: 'PostAuthentication', PostConfirmation: 'PostConfirmation' },
    UserPoolDefaults: {},
    ServerConfig: { port, hostname: '127.0.0.1', development: false },
    TokenConfig: { IssuerDomain: endpoint },
  };
  // Lambda as the SDK v2 client cognito-local calls: our handler, in process, failing as Lambda reports it.
  const lambdaClient = {
    invoke: (params: { FunctionName: 'PostAuthentication' | 'PostConfirmation'; Payload: string }) => ({
      promise: async () => {
        const handler = triggers[params.FunctionName];
        if (!handler) return { StatusCode: 200, Payload: params.Payload };
        try {
          const context = {
            awsRequestId: `cognito-local-${Date.now()}`,
            functionName: params.FunctionName,
          } as LambdaContext;
          return { StatusCode: 200, Payload: JSON.stringify(await handler(JSON.parse(params.Payload), context)) };
        } catch (error) {
          return {
            StatusCode: 200,
            FunctionError: 'Unhandled',
            Payload: JSON.stringify({ errorMessage: (error as Error).message }),
          };
        }
      },
    }),
  };
  const clock = new DateClock();
  const dataStores = new StormDBDataStoreFactory(directory);
  const cognito = await new CognitoServiceFactoryImpl(
    directory,
    dataStores,
    new UserPoolServiceFactoryImpl(clock, dataStores),
  ).create(ctx as never, {});
  const triggerService = new TriggersService(
    clock,
    cognito,
    new LambdaService(config.TriggerFunctions, lambdaClient as never),
    new CryptoService(config.KMSConfig),
  );
  const sender = {
    sendEmail: async (
      _ctx: unknown,
      user: { Username: string },
      _destination: string,
      message: { __code?: string },
    ) => {
      messages.push({ username: user.Username, code: message.__code ?? '' });
    },
    sendSms: async () => {},
  };
  const services: Services = {
    clock,
    cognito,
    config,
    messages: new MessagesService(triggerService, new MessageDeliveryService(sender as never)),
    otp,
    tokenGenerator: new JwtTokenGenerator(clock, triggerService, config.TokenConfig),
    triggers: triggerService,
  };

  const base = Router(services) as unknown as (target: string) => Route;
  const router = (target: string): Route => {
    if (RECORDED_ONLY.has(target)) {
      return async (_ctx, req) => {
        recorded.push({ target, request: req });
        return {};
      };
    }
    if (target === 'AdminCreateUser') return withAliasCheck(base(target));
    if (target === 'AdminInitiateAuth' || target === 'InitiateAuth') return withWrongPasswordAsCognito(base(target));
    return base(target);
  };
  const withWrongPasswordAsCognito =
    (signIn: Route): Route =>
    async (c, req) => {
      try {
        return await signIn(c, req);
      } catch (error) {
        if (error instanceof CognitoError && error.code === 'InvalidPasswordException')
          throw new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
        throw error;
      }
    };
  const withAliasCheck =
    (create: Route): Route =>
    async (c, req) => {
      const attributes = (req.UserAttributes ?? []) as Array<{ Name: string; Value: string }>;
      const email = attributes.find((a) => a.Name === 'email')?.Value?.toLowerCase();
      const verified = attributes.find((a) => a.Name === 'email_verified')?.Value === 'true';
      if (email && verified) {
        const pool = await cognito.getUserPool(c as never, String(req.UserPoolId));
        const taken = (await pool.listUsers(c as never)).some(
          (user) =>
            user.Attributes.some((a) => a.Name === 'email' && a.Value?.toLowerCase() === email) &&
            user.Attributes.some((a) => a.Name === 'email_verified' && a.Value === 'true'),
        );
        if (taken) throw new CognitoError('AliasExistsException', 'An account with the given email already exists.');
      }
      return create(c, req);
    };

  const http = (await createServer(router as never, logger as never, config.ServerConfig, services).start()) as Server;

  const client = new CognitoIdentityProviderClient({
    endpoint,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  // The pool as infra/stacks/auth-stack.ts builds it: username sign-in with an e-mail alias, the domain's password policy.
  const pool = await client.send(
    new CreateUserPoolCommand({
      PoolName: 'portal-test-staff',
      AliasAttributes: ['email'],
      Policies: {
        PasswordPolicy: {
          MinimumLength: passwordPolicy.minLength.value,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
          TemporaryPasswordValidityDays: passwordPolicy.temporaryPasswordValidityDays.value,
        },
      },
    }),
  );
  const userPoolId = pool.UserPool!.Id!;
  const appClient = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'Console',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  for (const role of roles) await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: role }));

  return {
    endpoint,
    userPoolId,
    clientId: appClient.UserPoolClient!.ClientId!,
    client,
    messages,
    recorded,
    triggers,
    async stop() {
      client.destroy();
      await new Promise((resolve) => http.close(resolve));
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * What API Gateway's Cognito authorizer does, for the local gateway: checks the token's RS256
 * signature against the pool's JWKS, its issuer and expiry, and passes the claims on as strings.
 */
export function cognitoAuthorizer(cognito: () => CognitoLocal) {
  return async (header: string | undefined): Promise<Record<string, string> | undefined> => {
    const token = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1];
    const [head, body, signature] = token?.split('.') ?? [];
    if (!head || !body || !signature) return undefined;
    const { endpoint, userPoolId } = cognito();
    const jwks = (await (await fetch(`${endpoint}/${userPoolId}/.well-known/jwks.json`)).json()) as {
      keys: Array<JsonWebKey & { kid: string }>;
    };
    const { kid, alg } = JSON.parse(Buffer.from(head, 'base64url').toString()) as { kid?: string; alg?: string };
    const jwk = jwks.keys.find((k) => k.kid === kid);
    if (alg !== 'RS256' || !jwk) return undefined;
    if (
      !verify(
        'RSA-SHA256',
        Buffer.from(`${head}.${body}`),
        createPublicKey({ key: jwk, format: 'jwk' }),
        Buffer.from(signature, 'base64url'),
      )
    )
      return undefined;
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    if (claims.iss !== `${endpoint}/${userPoolId}` || typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now())
      return undefined;
    return Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]));
  };
}
