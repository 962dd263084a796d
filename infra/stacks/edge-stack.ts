import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib/core';
import {
  AllowedMethods,
  CachedMethods,
  CachePolicy,
  CacheHeaderBehavior,
  CacheQueryStringBehavior,
  Distribution,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
  type BehaviorOptions,
  type ICachePolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { RestApiOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { ApiKey, UsagePlan } from 'aws-cdk-lib/aws-apigateway';
import type { Construct } from 'constructs';
import type { DeploymentConfig } from '../config/deployment';
import { allRoutes } from '../../functions/routes';
import { API_STAGE_NAME } from '../../shared/http/openapi';
import { cachedBehaviours, cacheClasses, CACHE_KEY_HEADERS, type CacheClass } from '../../shared/http/edge-cache';
import { ERROR_CACHE_SECONDS, PUBLISHED_PREFIX } from '../../shared/domain/edge/published-files';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { PortalFunction, type PortalResources } from '../constructs/portal-function';
import { queueDefinitions } from '../definitions/queues';
import { CONSOLE_PATH, consoleContentSecurityPolicy, EDGE_ORIGIN_KEY_HEADER } from '../definitions/edge';

/**
 * One CloudFront distribution per deployment (issue 26): the console's static files (default
 * behaviour), the API under /v1/ (staff routes never cached, public reads cached by their class in
 * shared/http/edge-cache.ts), and published attachments from the media bucket under /published/.
 * Its web ACL lives in us-east-1 (EdgeFirewallStack); the API refuses requests that do not carry
 * the distribution's API key (api-stack.ts), so it cannot be reached around the firewall.
 */
export class EdgeStack extends Stack {
  readonly distribution: Distribution;
  readonly consoleBucket: Bucket;

  constructor(
    scope: Construct,
    id: string,
    props: StackProps & {
      config: DeploymentConfig;
      api: RestApi;
      media: IBucket;
      webAclArn: string;
      cognitoDomain: string;
      resources: PortalResources;
    },
  ) {
    super(scope, id, { ...props, crossRegionReferences: true });
    const { config } = props;

    // The console engineer's build output (console/dist) is copied under quan-tri/ by the deploy.
    this.consoleBucket = new Bucket(this, 'Console', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.consoleBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'The console build output, reproducible from the repository; it is read only through the distribution (OAC).',
    });

    const consoleHeaders = new ResponseHeadersPolicy(this, 'ConsoleHeaders', {
      comment: 'Strict security headers for the staff console',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: consoleContentSecurityPolicy({
            cognitoDomain: props.cognitoDomain,
            uploadOrigin: `https://${props.media.bucketRegionalDomainName}`,
          }),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: 'DENY' as never, override: true },
        referrerPolicy: { referrerPolicy: 'no-referrer' as never, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      },
    });

    const originKey = this.originKey(props.api);
    // API Gateway and the API key: the key travels from the distribution to the origin only.
    const apiOrigin = new RestApiOrigin(props.api, {
      originPath: '', // the behaviours' paths keep /v1, so Location and problem types resolve at the edge too
      customHeaders: { [EDGE_ORIGIN_KEY_HEADER]: originKey.secretValue.unsafeUnwrap() },
    });
    const staff: BehaviorOptions = {
      origin: apiOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      compress: true,
    };
    const policies = new Map<CacheClass, ICachePolicy>();
    const policyOf = (cacheClass: CacheClass) => {
      if (!policies.has(cacheClass)) {
        const seconds = cacheClasses[cacheClass].sharedSeconds;
        policies.set(
          cacheClass,
          new CachePolicy(this, `Public${cacheClass[0]!.toUpperCase()}${cacheClass.slice(1)}Cache`, {
            comment: `Public ${cacheClass} reads: ${seconds} s at the edge`,
            defaultTtl: Duration.seconds(seconds),
            minTtl: Duration.seconds(0),
            maxTtl: Duration.seconds(seconds),
            queryStringBehavior: CacheQueryStringBehavior.all(),
            headerBehavior: CacheHeaderBehavior.allowList(...CACHE_KEY_HEADERS),
            enableAcceptEncodingGzip: true,
            enableAcceptEncodingBrotli: true,
          }),
        );
      }
      return policies.get(cacheClass)!;
    };
    const additionalBehaviors: Record<string, BehaviorOptions> = {};
    for (const { pattern, cacheClass } of cachedBehaviours(allRoutes)) {
      // Public POSTs share some of these paths (asking a question): never cached, all headers forwarded.
      additionalBehaviors[`/${API_STAGE_NAME}${pattern}`] = cacheClass
        ? { ...staff, cachePolicy: policyOf(cacheClass), cachedMethods: CachedMethods.CACHE_GET_HEAD }
        : staff;
    }
    additionalBehaviors[`/${API_STAGE_NAME}/*`] = staff;
    additionalBehaviors[`/${PUBLISHED_PREFIX}*`] = {
      // Imported, so that CDK does not write the media bucket's policy from here (a cycle with the
      // data stack): the data stack grants the distribution `published/*` itself.
      origin: S3BucketOrigin.withOriginAccessControl(
        Bucket.fromBucketAttributes(this, 'Media', {
          bucketArn: props.media.bucketArn,
          bucketName: props.media.bucketName,
          bucketRegionalDomainName: props.media.bucketRegionalDomainName,
        }),
      ),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      compress: true,
    };

    const custom = config.edge;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Cổng TTĐT ${config.province.name} (${config.stage})`,
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.consoleBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: consoleHeaders,
        compress: true,
      },
      defaultRootObject: `${CONSOLE_PATH.slice(1)}index.html`,
      additionalBehaviors,
      // A 404 (an item not yet published) is kept briefly, so a publication needs no invalidation.
      errorResponses: [{ httpStatus: 404, ttl: Duration.seconds(ERROR_CACHE_SECONDS) }],
      webAclId: props.webAclArn,
      priceClass: PriceClass.PRICE_CLASS_200, // includes the Asia edges near Việt Nam
      httpVersion: HttpVersion.HTTP2_AND_3,
      minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      ...(custom
        ? {
            domainNames: [custom.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', custom.certificateArn),
          }
        : {}),
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR3',
      reason:
        'No access logs: they would hold every visitor\u2019s IP address (personal data) with no reader; the web ACL\u2019s metrics and sampled requests cover abuse.',
    });
    if (!custom) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'No custom domain configured yet (config `edge`): the default *.cloudfront.net certificate allows TLS 1.0 viewers until a domain and an us-east-1 certificate are set.',
      });
    }
    this.followContent(props.resources);
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'A provincial portal is read worldwide (overseas Vietnamese, foreign investors): no geo restriction.',
    });
  }

  /**
   * The edge queue's consumer (its queue and DLQ alarm are in the async stack): published files and
   * invalidations, batched over up to a minute, allowed to invalidate this distribution only.
   */
  private followContent(resources: PortalResources) {
    const def = queueDefinitions.edge;
    const consumer = new PortalFunction(this, 'EdgeConsumer', def.consumer, resources);
    consumer.addEnvironment('EDGE_DISTRIBUTION_ID', this.distribution.distributionId);
    consumer.addToRolePolicy(
      new PolicyStatement({
        actions: ['cloudfront:CreateInvalidation'],
        resources: [this.distribution.distributionArn],
      }),
    );
    consumer.addEventSource(
      new SqsEventSource(resources.queues.edge, {
        batchSize: def.batchSize,
        maxBatchingWindow: Duration.seconds(def.batchingWindowSeconds),
        reportBatchItemFailures: true,
      }),
    );
  }

  /**
   * The API's key, kept in Secrets Manager: CloudFront sends it as `x-api-key` to the origin, and
   * API Gateway refuses any request without it (403, problem+json) before a function runs: every
   * method requires it (api-stack.ts). It is the distribution's own credential; no caller sees it.
   * API keys and usage plans cost nothing, unlike a second (regional) web ACL checking an origin
   * header. Kept here, not in the API stack, which has no resources to spare (resource-budget.test.ts).
   */
  private originKey(api: RestApi): Secret {
    const secret = new Secret(this, 'OriginKey', {
      description: 'The API key CloudFront sends to the API (x-api-key)',
      generateSecretString: { passwordLength: 40, excludePunctuation: true },
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The key is set in the API key and the distribution\u2019s origin header by one deploy; rotating it means a new secret value and one deploy of this stack.',
    });
    const key = new ApiKey(this, 'ApiKey', {
      description: 'The distribution (CloudFront) only',
      value: secret.secretValue.unsafeUnwrap(),
    });
    new UsagePlan(this, 'EdgePlan', {
      description: 'The distribution: no quota; the stage throttles apply',
      apiStages: [{ api, stage: api.deploymentStage }],
    }).addApiKey(key);
    return secret;
  }
}
