import { Duration, RemovalPolicy, Size, Stack, Validations, type StackProps } from 'aws-cdk-lib/core';
import { BINARY_MEDIA_TYPES, cloudFormationMediaType } from '../definitions/api';
import {
  AccessLogFormat,
  AuthorizationType,
  CognitoUserPoolsAuthorizer,
  EndpointType,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  ResponseType,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { reservedConcurrency } from '../config/capacity-plan';
import { CfnSamplingRule } from 'aws-cdk-lib/aws-xray';
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  Metric,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { Operation } from 'aws-cdk-lib/aws-dynamodb';
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { allRoutes } from '../../functions/routes';
import { functionDefinitions, type FunctionKey } from '../../functions/manifest';
import { allowedOrigins, corsPolicy, isPublicPath, PUBLIC_ORIGIN } from '../../shared/http/cors';
import { acceptedScopes } from '../../shared/http/contract';
import { gatewayResponses } from '../../shared/http/gateway-responses';
import { problemBody, problemHeaders } from '../../shared/http/problem';
import { cacheClassOf } from '../../shared/http/edge-cache';
import { MIN_COMPRESSION_BYTES } from '../../shared/http/compression';
import { API_STAGE_NAME } from '../../shared/http/openapi';
import { PortalFunction, type PortalResources } from '../constructs/portal-function';

function acknowledgePublic(method: Construct, route: { method: string; path: string; summary: string }) {
  Validations.of(method).acknowledge({
    id: 'AwsSolutions-APIG4',
    reason: `${route.method} ${route.path} is public by design (${route.summary}).`,
  });
  Validations.of(method).acknowledge({
    id: 'AwsSolutions-COG4',
    reason: `${route.method} ${route.path} is public by design and has no user pool authorizer.`,
  });
}

/** The share of API requests X-Ray traces (the sampling rule). */
export const API_TRACE_SAMPLING_RATE = 0.02;
/** 1 when the API's server errors reach 5 in a period, or 5% of at least 20 requests. */
export const API_5XX_EXPRESSION = 'IF(errors >= 5 || (requests >= 20 && 100 * errors / requests >= 5), 1, 0)';

/** The REST API: one resource per route of functions/routes.ts, one function per manifest key. */
export class ApiStack extends Stack {
  readonly api: RestApi;

  constructor(
    scope: Construct,
    id: string,
    props: StackProps & { resources: PortalResources; alarmTopic: ITopic; userPool: IUserPool },
  ) {
    super(scope, id, props);
    const { config } = props.resources;
    const { publicApi, staffApi } = config.capacity;
    // Fails the synth, naming what to change, when the account cannot hold the reservations.
    const reserved = reservedConcurrency(config.capacity);

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.api = new RestApi(this, 'Api', {
      restApiName: `portal-${config.stage}`,
      description: `Cổng TTĐT ${config.province.name}`,
      endpointTypes: [EndpointType.REGIONAL],
      // Every type binary: a gzip-compressed sitemap or a Word report (isBase64Encoded) reaches any client as bytes
      // (infra/definitions/api.ts).
      binaryMediaTypes: BINARY_MEDIA_TYPES.map(cloudFormationMediaType),
      cloudWatchRole: true,
      // API Gateway compresses answers of at least this size for clients that accept it; the
      // local gateway applies the same rule (shared/http/compression.ts).
      minCompressionSize: Size.bytes(MIN_COMPRESSION_BYTES),
      deployOptions: {
        stageName: API_STAGE_NAME,
        loggingLevel: MethodLoggingLevel.ERROR,
        dataTraceEnabled: false, // bodies may hold askers' personal data
        // Sampled by the rule below; the functions follow the stage's decision (PassThrough).
        tracingEnabled: true,
        // Per-method metrics (5 per method, billed as custom metrics: ≈ $46 a month) are read by
        // nobody; the API-level ones the alarms read (5XXError, Count) are free and always on.
        metricsEnabled: false,
        // The stage's default applies to each method on its own: public methods get the public
        // limits, and every signed-in method its own staff limits (methodOptions), so a public
        // burst never spends the console's or the agency systems' requests.
        throttlingRateLimit: publicApi.rateLimit,
        throttlingBurstLimit: publicApi.burstLimit,
        methodOptions: Object.fromEntries(
          allRoutes
            .filter((route) => route.auth === 'signed-in')
            .map((route) => [
              `${route.path}/${route.method}`,
              { throttlingRateLimit: staffApi.rateLimit, throttlingBurstLimit: staffApi.burstLimit },
            ]),
        ),
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        // No caller IP or user in access logs: those are personal data.
        accessLogFormat: AccessLogFormat.jsonWithStandardFields({
          caller: false,
          httpMethod: true,
          ip: false,
          protocol: true,
          requestTime: true,
          resourcePath: true,
          responseLength: true,
          status: true,
          user: false,
        }),
      },
    });
    // Preflight only on resources that carry a route (not on every intermediate path segment).
    // Signed-in paths: only the configured origins (API Gateway answers each with its own origin);
    // public paths: `*` without credentials (shared/http/cors.ts).
    const origins = allowedOrigins(config.corsOrigins.join(','));
    const staffPreflight = {
      allowOrigins: origins.length > 0 ? origins : ['https://' + config.domain],
      allowHeaders: [...corsPolicy.allowHeaders],
      allowMethods: [...corsPolicy.allowMethods],
      maxAge: Duration.seconds(corsPolicy.maxAgeSeconds),
    };
    const publicPreflight = { ...staffPreflight, allowOrigins: [PUBLIC_ORIGIN], allowCredentials: false };
    const routesOn = (path: string) => allRoutes.filter((r) => r.path === path);

    // A gateway response cannot choose among several origins, and must not echo any: it names
    // the one configured origin, or none (a browser then sees a CORS error instead of the body).
    const gatewayOrigin: Record<string, string> =
      origins.length === 1 ? { 'Access-Control-Allow-Origin': `'${origins[0]}'` } : {};
    for (const response of gatewayResponses) {
      const body = problemBody(response.code, {
        lang: 'vi',
        requestId: '$context.requestId',
        basePath: '/$context.stage',
      });
      const headers = Object.fromEntries(
        Object.entries({ ...problemHeaders(body.status), 'content-type': 'application/problem+json' }).map(
          ([name, value]) => [name.replace(/(^|-)\w/g, (c) => c.toUpperCase()), `'${value}'`],
        ),
      );
      this.api.addGatewayResponse(response.type, {
        type: ResponseType.of(response.type),
        statusCode: String(body.status),
        responseHeaders: { ...headers, ...gatewayOrigin },
        templates: { 'application/json': JSON.stringify(body) },
      });
    }

    // Signed-in routes are authenticated by Cognito before any function runs; roles are checked in the function.
    const authorizer = new CognitoUserPoolsAuthorizer(this, 'StaffAuthorizer', { cognitoUserPools: [props.userPool] });
    // One integration per function, with one invoke permission scoped to this API (not two per route):
    // the API stack stays far below CloudFormation's 500-resource limit as routes grow.
    const integrations = new Map<FunctionKey, LambdaIntegration>();
    const withPreflight = new Set<string>();
    for (const route of allRoutes) {
      const key = route.function;
      if (functionDefinitions[key].kind !== 'http')
        throw new Error(`Route ${route.id} targets non-HTTP function ${key}`);
      let integration = integrations.get(key);
      if (!integration) {
        const fn = new PortalFunction(this, `${key[0]!.toUpperCase()}${key.slice(1)}Function`, key, props.resources);
        const reservation = reserved.get(key);
        if (reservation !== undefined) (fn.node.defaultChild as CfnFunction).reservedConcurrentExecutions = reservation;
        integration = new LambdaIntegration(fn, { scopePermissionToMethod: false });
        integrations.set(key, integration);
      }
      const resource = this.api.root.resourceForPath(route.path);
      if (!withPreflight.has(route.path)) {
        resource.addCorsPreflight(isPublicPath(routesOn(route.path)) ? publicPreflight : staffPreflight);
        withPreflight.add(route.path);
      }
      const options = {
        operationName: route.id,
        // Only the distribution holds the key (edge-stack.ts): the API cannot be called around its firewall.
        apiKeyRequired: true,
        ...(route.auth === 'public'
          ? {}
          : { authorizer, authorizationType: AuthorizationType.COGNITO, authorizationScopes: acceptedScopes(route) }),
      };
      const method = resource.addMethod(route.method, integration, options);
      // REST APIs do not answer HEAD by themselves, and on a cache miss CloudFront forwards the
      // viewer's method: cached public reads get a HEAD method (the handler answers it as GET without
      // the body). Only those: each method is a resource of this stack (resource-budget.test.ts).
      if (cacheClassOf(route))
        acknowledgePublic(
          resource.addMethod('HEAD', integration, { ...options, operationName: `${route.id}Head` }),
          route,
        );
      if (route.auth === 'public') acknowledgePublic(method, route);
    }
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason: 'API Gateway\u2019s account-level logging role; the AWS-managed policy only writes logs.',
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG2',
      reason:
        'Every request is validated in its function against the zod contract, which also names the failing field in problem+json.',
    });

    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG3',
      reason:
        'The web ACL is on the CloudFront distribution (us-east-1, edge-firewall-stack.ts); every method requires the distribution\u2019s API key (edge-stack.ts).',
    });
    this.addTraceSampling(config.stage);
    this.addOperationsAlarms(props.resources, accessLogs, props.alarmTopic);
  }

  /**
   * Issue 10 §4, through the operators' topic: the API's 5xx rate, and throttling wherever it can
   * happen — API Gateway's own throttle (429s, which it counts only among all 4XXErrors, so a
   * metric filter on the access log picks them out), Lambda's concurrency and DynamoDB's capacity.
   */
  private addOperationsAlarms(resources: PortalResources, accessLogs: LogGroup, topic: ITopic) {
    const five = Duration.minutes(5);
    const alarm = (id: string, description: string, metric: IMetric, threshold: number) =>
      new Alarm(this, id, {
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(new SnsAction(topic));

    // One alarm, two metrics, for what were two alarms (three metrics): 5 server errors in 5
    // minutes, or 5% of at least 20 requests.
    alarm(
      'Api5xxRate',
      'The API answers with server errors: 5 or more in 5 minutes, or more than 5% of requests (5XXError / Count)',
      new MathExpression({
        expression: API_5XX_EXPRESSION,
        usingMetrics: {
          errors: this.api.metricServerError({ period: five, statistic: 'Sum' }),
          requests: this.api.metricCount({ period: five, statistic: 'Sum' }),
        },
        period: five,
        label: 'API 5xx: count ≥ 5 or rate ≥ 5%',
      }),
      1,
    );

    const throttled = new MetricFilter(this, 'ApiThrottledFilter', {
      logGroup: accessLogs,
      filterPattern: FilterPattern.stringValue('$.status', '=', '429'),
      metricNamespace: 'Portal/Api',
      metricName: 'Throttled',
      metricValue: '1',
    });
    alarm(
      'ApiThrottles',
      'API Gateway throttles requests (429 in the access log)',
      throttled.metric({ period: five, statistic: 'Sum' }),
      10,
    );
    alarm(
      'LambdaThrottles',
      'Lambda throttles invocations (account concurrency)',
      new Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', period: five, statistic: 'Sum' }),
      1,
    );
    alarm(
      'TableThrottles',
      'DynamoDB throttles requests to the table (ThrottledRequests)',
      resources.table.metricThrottledRequestsForOperations({
        operations: [
          Operation.GET_ITEM,
          Operation.BATCH_GET_ITEM,
          Operation.QUERY,
          Operation.SCAN,
          Operation.PUT_ITEM,
          Operation.UPDATE_ITEM,
          Operation.DELETE_ITEM,
          Operation.BATCH_WRITE_ITEM,
          Operation.TRANSACT_WRITE_ITEMS,
        ],
        period: five,
      }),
      1,
    );
  }

  /**
   * X-Ray's default rule traces the first request of every second and 5% of the rest: nearly every
   * request at our volume (≈ $7 a month). This rule traces 2% of API requests and no reservoir:
   * enough to see where time goes; errors are found through the logs and alarms, not traces.
   */
  private addTraceSampling(stage: string) {
    new CfnSamplingRule(this, 'ApiTraceSampling', {
      samplingRule: {
        ruleName: `portal-${stage}-api`,
        priority: 100,
        fixedRate: API_TRACE_SAMPLING_RATE,
        reservoirSize: 0,
        serviceName: '*',
        serviceType: 'AWS::ApiGateway::Stage',
        host: '*',
        httpMethod: '*',
        urlPath: '*',
        resourceArn: '*',
        version: 1,
      },
    });
  }
}
