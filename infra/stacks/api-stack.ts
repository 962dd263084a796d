import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib/core';
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
import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
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
import { API_STAGE_NAME } from '../../shared/http/openapi';
import { greaterThanPattern, MAX_REQUEST_BODY_BYTES } from '../../shared/http/body-limit';
import { PortalFunction, type PortalResources } from '../constructs/portal-function';

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
      deployOptions: {
        stageName: API_STAGE_NAME,
        loggingLevel: MethodLoggingLevel.ERROR,
        dataTraceEnabled: false, // bodies may hold askers' personal data
        tracingEnabled: true,
        metricsEnabled: true,
        // The stage's default applies to each method on its own: public methods get the public
        // limits, and every signed-in method its own staff limits (methodOptions), so a public
        // burst never spends the console's or the agency systems' requests.
        throttlingRateLimit: publicApi.rateLimit,
        throttlingBurstLimit: publicApi.burstLimit,
        methodOptions: Object.fromEntries(
          allRoutes
            .filter((route) => route.auth === 'signed-in')
            .map((route) => [`${route.path}/${route.method}`, { throttlingRateLimit: staffApi.rateLimit, throttlingBurstLimit: staffApi.burstLimit }]),
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
    const gatewayOrigin: Record<string, string> = origins.length === 1 ? { 'Access-Control-Allow-Origin': `'${origins[0]}'` } : {};
    for (const response of gatewayResponses) {
      const body = problemBody(response.code, { lang: 'vi', requestId: '$context.requestId', basePath: '/$context.stage' });
      const headers = Object.fromEntries(
        Object.entries({ ...problemHeaders(body.status), 'content-type': 'application/problem+json' }).map(([name, value]) => [
          name.replace(/(^|-)\w/g, (c) => c.toUpperCase()),
          `'${value}'`,
        ]),
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
      if (functionDefinitions[key].kind !== 'http') throw new Error(`Route ${route.id} targets non-HTTP function ${key}`);
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
      const method = resource.addMethod(route.method, integration, {
        operationName: route.id,
        ...(route.auth === 'public' ? {} : { authorizer, authorizationType: AuthorizationType.COGNITO, authorizationScopes: acceptedScopes(route) }),
      });
      if (route.auth === 'public') {
        Validations.of(method).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${route.method} ${route.path} is public by design (${route.summary}).`,
        });
        Validations.of(method).acknowledge({
          id: 'AwsSolutions-COG4',
          reason: `${route.method} ${route.path} is public by design and has no user pool authorizer.`,
        });
      }
    }
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason: 'API Gateway\u2019s account-level logging role; the AWS-managed policy only writes logs.',
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG2',
      reason: 'Every request is validated in its function against the zod contract, which also names the failing field in problem+json.',
    });

    this.addFirewall();

    new Alarm(this, 'Api5xx', {
      alarmDescription: 'The API answers with server errors',
      metric: this.api.metricServerError({ period: Duration.minutes(5) }),
      threshold: 5,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new SnsAction(props.alarmTopic));
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

    // Percent of requests answered 5xx; below 20 requests in 5 minutes the count alarm above speaks instead.
    alarm('Api5xxRate', 'More than 5% of API requests answered with server errors (5XXError / Count)', new MathExpression({
      expression: 'IF(requests >= 20, 100 * errors / requests, 0)',
      usingMetrics: { errors: this.api.metricServerError({ period: five, statistic: 'Sum' }), requests: this.api.metricCount({ period: five, statistic: 'Sum' }) },
      period: five,
      label: 'API 5xx rate (%)',
    }), 5);

    const throttled = new MetricFilter(this, 'ApiThrottledFilter', {
      logGroup: accessLogs,
      filterPattern: FilterPattern.stringValue('$.status', '=', '429'),
      metricNamespace: 'Portal/Api',
      metricName: 'Throttled',
      metricValue: '1',
    });
    alarm('ApiThrottles', 'API Gateway throttles requests (429 in the access log)', throttled.metric({ period: five, statistic: 'Sum' }), 10);
    alarm('LambdaThrottles', 'Lambda throttles invocations (account concurrency)', new Metric({ namespace: 'AWS/Lambda', metricName: 'Throttles', period: five, statistic: 'Sum' }), 1);
    alarm('TableThrottles', 'DynamoDB throttles requests to the table (ThrottledRequests)', resources.table.metricThrottledRequestsForOperations({
      operations: [Operation.GET_ITEM, Operation.BATCH_GET_ITEM, Operation.QUERY, Operation.SCAN, Operation.PUT_ITEM, Operation.UPDATE_ITEM, Operation.DELETE_ITEM, Operation.BATCH_WRITE_ITEM, Operation.TRANSACT_WRITE_ITEMS],
      period: five,
    }), 1);
  }

  /**
   * AWS managed rule sets, our own body size rule and a per-IP rate limit (public forms attract
   * abuse). The common rule set's SizeRestrictions_BODY blocks bodies over 8 KB, far below the
   * API's 256 KiB (an article of 200,000 characters): it only counts here, and `BodyOverLimit`
   * blocks at the API's limit instead, read from Content-Length (WAF inspects at most 64 KB of a
   * body, so it cannot measure one of 256 KiB).
   */
  private addFirewall() {
    const visibility = (name: string) => ({
      cloudWatchMetricsEnabled: true,
      metricName: name,
      sampledRequestsEnabled: true,
    });
    const managed = (name: string, priority: number, countOnly: readonly string[] = []) => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          ...(countOnly.length > 0 && { ruleActionOverrides: countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } })) }),
        },
      },
      visibilityConfig: visibility(name),
    });
    // Blocks by our own rules answer problem+json like every other refusal (WAF allows only its
    // own content types: APPLICATION_JSON). Managed rule groups' blocks reach API Gateway's
    // WAF_FILTERED gateway response, which is problem+json too (shared/http/gateway-responses.ts).
    const rateLimited = problemBody('too_many_requests', { lang: 'vi', basePath: `/${API_STAGE_NAME}` });
    const tooLarge = problemBody('payload_too_large', { lang: 'vi', basePath: `/${API_STAGE_NAME}` });
    const acl = new CfnWebACL(this, 'Firewall', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('portal-api'),
      customResponseBodies: {
        'problem-too-many-requests': { contentType: 'APPLICATION_JSON', content: JSON.stringify(rateLimited) },
        'problem-payload-too-large': { contentType: 'APPLICATION_JSON', content: JSON.stringify(tooLarge) },
      },
      rules: [
        {
          name: 'BodyOverLimit',
          priority: 0,
          action: { block: { customResponse: { responseCode: tooLarge.status, customResponseBodyKey: 'problem-payload-too-large' } } },
          statement: {
            regexMatchStatement: {
              // singleHeader is untyped in the L1 construct: its key is written as CloudFormation spells it.
              fieldToMatch: { singleHeader: { Name: 'content-length' } },
              regexString: greaterThanPattern(MAX_REQUEST_BODY_BYTES),
              textTransformations: [{ priority: 0, type: 'NONE' }],
            },
          },
          visibilityConfig: visibility('BodyOverLimit'),
        },
        managed('AWSManagedRulesCommonRuleSet', 1, ['SizeRestrictions_BODY']),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 2),
        {
          name: 'RatePerIp',
          priority: 3,
          action: {
            block: {
              customResponse: {
                responseCode: rateLimited.status,
                customResponseBodyKey: 'problem-too-many-requests',
                responseHeaders: [{ name: 'retry-after', value: '300' }],
              },
            },
          },
          statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: 'IP' } },
          visibilityConfig: visibility('RatePerIp'),
        },
      ],
    });
    new CfnWebACLAssociation(this, 'FirewallAssociation', {
      resourceArn: this.api.deploymentStage.stageArn,
      webAclArn: acl.attrArn,
    });
  }
}
