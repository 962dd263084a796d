import { Duration, RemovalPolicy, Size, Stack, Validations, type StackProps } from 'aws-cdk-lib/core';
import { BINARY_MEDIA_TYPES, cloudFormationMediaType } from '../definitions/api';
import {
  AccessLogFormat,
  AuthorizationType,
  CfnAuthorizer,
  Deployment,
  EndpointType,
  LogGroupLogDestination,
  MethodLoggingLevel,
  ResponseType,
  RestApi,
  Stage,
  type StageOptions,
} from 'aws-cdk-lib/aws-apigateway';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
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
import type { FunctionKey } from '../../functions/manifest';
import { allowedOrigins, corsPolicy, PUBLIC_ORIGIN } from '../../shared/http/cors';
import { acceptedScopes } from '../../shared/http/contract';
import { gatewayResponses } from '../../shared/http/gateway-responses';
import { problemBody, problemHeaders } from '../../shared/http/problem';
import { cacheClassOf } from '../../shared/http/edge-cache';
import { MIN_COMPRESSION_BYTES } from '../../shared/http/compression';
import { API_STAGE_NAME } from '../../shared/http/openapi';
import type { PortalResources } from '../constructs/portal-function';
import { ApiFunctionsStack, ApiRoutesStack, areaOfFunction, routesByArea } from './api-areas';

/** The share of API requests X-Ray traces (the sampling rule). */
export const API_TRACE_SAMPLING_RATE = 0.02;
/** 1 when the API's server errors reach 5 in a period, or 5% of at least 20 requests. */
export const API_5XX_EXPRESSION = 'IF(errors >= 5 || (requests >= 20 && 100 * errors / requests >= 5), 1, 0)';

/**
 * The REST API: one resource per route of functions/routes.ts, one function per manifest key, the
 * functions and routes in nested stacks by area (api-areas.ts); here the API itself, its gateway
 * responses, authorizer, stage and alarms.
 */
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
    const stageOptions: StageOptions = {
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
    };
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
      // The stage is built below, once the area stacks' routes exist (deploy: false).
      deploy: false,
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
    // A CloudFormation authorizer the area stacks' methods name by id (one per API, whatever the areas).
    const authorizer = new CfnAuthorizer(this, 'StaffAuthorizer', {
      restApiId: this.api.restApiId,
      name: 'StaffAuthorizer',
      type: 'COGNITO_USER_POOLS',
      providerArns: [props.userPool.userPoolArn],
      identitySource: 'method.request.header.Authorization',
    });
    // The functions and routes by area, in nested stacks (api-areas.ts); the deployment waits for every route.
    const functions = new Map<FunctionKey, IFunction>();
    const httpKeys = [...new Set(allRoutes.map((r) => r.function))];
    for (const area of new Set(httpKeys.map(areaOfFunction))) {
      const stack = new ApiFunctionsStack(this, area, {
        keys: httpKeys.filter((k) => areaOfFunction(k) === area),
        resources: props.resources,
        api: this.api,
        reserved,
      });
      for (const [key, fn] of stack.functions) functions.set(key, fn);
    }
    const deployment = new Deployment(this, 'Deployment', {
      api: this.api,
      description: 'The routes of functions/routes.ts',
    });
    for (const [area, routes] of routesByArea(allRoutes)) {
      const stack = new ApiRoutesStack(this, area, {
        routes,
        allRoutes,
        api: this.api,
        authorizer: { authorizerId: authorizer.ref, authorizationType: AuthorizationType.COGNITO },
        functionOf: (key) => functions.get(key)!,
        preflight: { staff: staffPreflight, public: publicPreflight },
      });
      deployment.node.addDependency(stack);
      // They are this API's methods (CDK's check that the API has some reads this list).
      this.api.methods.push(...stack.methods);
    }
    // The stage's deployment changes when a route, its auth or CORS, or a function it calls is replaced:
    // the area stacks' methods are not seen by the RestApi (imported there), so their definition is hashed here.
    deployment.addToLogicalId({
      routes: allRoutes.map((r) => [r.id, r.method, r.path, r.auth, r.function, acceptedScopes(r), !!cacheClassOf(r)]),
      functions: [...functions.values()].map((fn) => fn.node.path),
      preflight: { staffPreflight, publicPreflight },
    });
    const stage = new Stage(this, 'Stage', { deployment, ...stageOptions });
    this.api.deploymentStage = stage;
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason: 'API Gateway\u2019s account-level logging role; the AWS-managed policy only writes logs.',
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG2',
      reason:
        'Every request is validated in its function against the zod contract, which also names the failing field in problem+json.',
    });
    for (const scope of [this.api, stage])
      Validations.of(scope).acknowledge({
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
