export const id = 880;
export const ids = [880];
export const modules = {

/***/ 2626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  L: () => (/* binding */ Route53Client)
});

// UNUSED EXPORTS: __Client

// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/middleware-user-agent/configurations.js
var configurations = __webpack_require__(846);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/middleware-host-header/hostHeaderMiddleware.js
var hostHeaderMiddleware = __webpack_require__(9007);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/middleware-user-agent/user-agent-middleware.js + 3 modules
var user_agent_middleware = __webpack_require__(721);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/middleware-logger/loggerMiddleware.js
var loggerMiddleware = __webpack_require__(5180);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/middleware-recursion-detection/getRecursionDetectionPlugin.js
var getRecursionDetectionPlugin = __webpack_require__(5688);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/legacy-root-exports/middleware-http-auth-scheme/getHttpAuthSchemeEndpointRuleSetPlugin.js
var getHttpAuthSchemeEndpointRuleSetPlugin = __webpack_require__(6727);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/legacy-root-exports/util-identity-and-auth/DefaultIdentityProviderConfig.js
var DefaultIdentityProviderConfig = __webpack_require__(7086);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/legacy-root-exports/middleware-http-signing/getHttpSigningMiddleware.js
var getHttpSigningMiddleware = __webpack_require__(6418);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/client/smithy-client/client.js
var client = __webpack_require__(8702);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/resolveRegionConfig.js + 3 modules
var resolveRegionConfig = __webpack_require__(7503);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/index.js + 7 modules
var endpoints = __webpack_require__(6173);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/protocols/middleware-content-length/contentLengthMiddleware.js
var contentLengthMiddleware = __webpack_require__(7041);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/configurations.js
var middleware_retry_configurations = __webpack_require__(8324);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/index.js + 12 modules
var retry = __webpack_require__(5261);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/schema/middleware/getSchemaSerdePlugin.js + 2 modules
var getSchemaSerdePlugin = __webpack_require__(2748);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/index.js + 3 modules
var httpAuthSchemes = __webpack_require__(3912);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/getSmithyContext.js
var getSmithyContext = __webpack_require__(8743);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/normalizeProvider.js
var normalizeProvider = __webpack_require__(9362);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/auth/httpAuthSchemeProvider.js


const defaultRoute53HttpAuthSchemeParametersProvider = async (config, context, input) => {
    return {
        operation: (0,getSmithyContext/* getSmithyContext */.u)(context).operation,
        region: await (0,normalizeProvider/* normalizeProvider */.t)(config.region)() || (() => {
            throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
        })(),
    };
};
function createAwsAuthSigv4HttpAuthOption(authParameters) {
    return {
        schemeId: "aws.auth#sigv4",
        signingProperties: {
            name: "route53",
            region: authParameters.region,
        },
        propertiesExtractor: (config, context) => ({
            signingProperties: {
                config,
                context,
            },
        }),
    };
}
const defaultRoute53HttpAuthSchemeProvider = (authParameters) => {
    const options = [];
    switch (authParameters.operation) {
        default: {
            options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
        }
    }
    return options;
};
const resolveHttpAuthSchemeConfig = (config) => {
    const config_0 = (0,httpAuthSchemes.resolveAwsSdkSigV4Config)(config);
    return Object.assign(config_0, {
        authSchemePreference: (0,normalizeProvider/* normalizeProvider */.t)(config.authSchemePreference ?? []),
    });
};

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/endpoint/EndpointParameters.js
var EndpointParameters = __webpack_require__(1730);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/package.json
const package_namespaceObject = {"rE":"3.1169.0"};
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/emitWarningIfUnsupportedVersion.js
var emitWarningIfUnsupportedVersion = __webpack_require__(5477);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/getDefaultSocketTimeout.js
var getDefaultSocketTimeout = __webpack_require__(9121);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/util-user-agent-node/defaultUserAgent.js + 2 modules
var defaultUserAgent = __webpack_require__(3837);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/util-user-agent-node/nodeAppIdConfigOptions.js
var nodeAppIdConfigOptions = __webpack_require__(7652);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/aws_sdk/NODE_AUTH_SCHEME_PREFERENCE_OPTIONS.js + 1 modules
var NODE_AUTH_SCHEME_PREFERENCE_OPTIONS = __webpack_require__(4943);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/credential-provider-node/dist-es/defaultProvider.js + 2 modules
var defaultProvider = __webpack_require__(9882);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/client/smithy-client/emitWarningIfUnsupportedVersion.js
var smithy_client_emitWarningIfUnsupportedVersion = __webpack_require__(1034);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/client/smithy-client/defaults-mode.js
var defaults_mode = __webpack_require__(479);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/defaults-mode/resolveDefaultsModeConfig.js + 1 modules
var resolveDefaultsModeConfig = __webpack_require__(8234);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/node-config-provider/configLoader.js + 3 modules
var configLoader = __webpack_require__(2974);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/config.js
var regionConfig_config = __webpack_require__(6152);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/config-resolver/endpointsConfig/NodeUseDualstackEndpointConfigOptions.js
var NodeUseDualstackEndpointConfigOptions = __webpack_require__(7580);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/config-resolver/endpointsConfig/NodeUseFipsEndpointConfigOptions.js
var NodeUseFipsEndpointConfigOptions = __webpack_require__(4254);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/util-retry/config.js
var util_retry_config = __webpack_require__(4353);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-body-length/calculateBodyLength.js
var calculateBodyLength = __webpack_require__(2127);
// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-es/node-http-handler.js + 5 modules
var node_http_handler = __webpack_require__(3291);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/stream-collector.js
var stream_collector = __webpack_require__(6660);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/aws_sdk/AwsSdkSigV4Signer.js + 2 modules
var AwsSdkSigV4Signer = __webpack_require__(2526);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/protocols/xml/AwsRestXmlProtocol.js
var AwsRestXmlProtocol = __webpack_require__(7230);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/checksum/sha256/Sha256Node.js
var Sha256Node = __webpack_require__(1875);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/client/smithy-client/NoOpLogger.js
var NoOpLogger = __webpack_require__(7545);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/parseUrl.js
var parseUrl = __webpack_require__(3934);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-base64/fromBase64.js
var fromBase64 = __webpack_require__(9700);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-base64/toBase64.js
var toBase64 = __webpack_require__(7305);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/fromUtf8.js
var fromUtf8 = __webpack_require__(7332);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/toUtf8.js
var toUtf8 = __webpack_require__(9809);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/aws.js
var aws = __webpack_require__(3117);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/cache/EndpointCache.js
var EndpointCache = __webpack_require__(8479);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/decideEndpoint.js
var decideEndpoint = __webpack_require__(2218);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/customEndpointFunctions.js
var customEndpointFunctions = __webpack_require__(1046);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/bdd/BinaryDecisionDiagram.js
var BinaryDecisionDiagram = __webpack_require__(5258);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/endpoint/bdd.js

const s = "ref", t = "authSchemes", u = "name", v = "signingRegion";
const a = -1, b = true, c = "isSet", d = "PartitionResult", e = "booleanEquals", f = "stringEquals", g = "getAttr", h = "sigv4", i = { [s]: "Endpoint" }, j = { "fn": g, "argv": [{ [s]: d }, "name"] }, k = { [s]: d }, l = { [t]: [{ [u]: h, [v]: "us-east-1" }] }, m = { [t]: [{ [u]: h, [v]: "cn-northwest-1" }] }, n = { [t]: [{ [u]: h, [v]: "us-gov-west-1" }] }, o = { [t]: [{ [u]: h, [v]: "eusc-de-east-1" }] }, p = { [t]: [{ [u]: h, [v]: "{PartitionResult#implicitGlobalRegion}" }] }, q = [{ [s]: "Region" }];
const _data = {
    conditions: [
        [c, [i]],
        [c, q],
        ["aws.partition", q, d],
        [e, [{ [s]: "UseFIPS" }, b]],
        [f, [j, "aws"]],
        [f, [j, "aws-cn"]],
        [f, [j, "aws-us-gov"]],
        [e, [{ [s]: "UseDualStack" }, b]],
        [e, [{ fn: g, argv: [k, "supportsFIPS"] }, b]],
        [f, [j, "aws-iso"]],
        [f, [j, "aws-iso-b"]],
        [f, [j, "aws-iso-e"]],
        [f, [j, "aws-iso-f"]],
        [f, [j, "aws-eusc"]],
        [e, [{ fn: g, argv: [k, "supportsDualStack"] }, b]]
    ],
    results: [
        [a],
        [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
        [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
        [i, {}],
        ["https://route53.amazonaws.com", l],
        ["https://route53-fips.amazonaws.com", l],
        ["https://route53.global.api.aws", l],
        ["https://route53-fips.global.api.aws", l],
        ["https://route53.amazonaws.com.cn", m],
        ["https://route53.global.api.amazonwebservices.com.cn", m],
        ["https://route53.us-gov.amazonaws.com", n],
        ["https://route53.us-gov.api.aws", n],
        ["https://route53.c2s.ic.gov", { [t]: [{ [u]: h, [v]: "us-iso-east-1" }] }],
        ["https://route53.sc2s.sgov.gov", { [t]: [{ [u]: h, [v]: "us-isob-east-1" }] }],
        ["https://route53.cloud.adc-e.uk", { [t]: [{ [u]: h, [v]: "eu-isoe-west-1" }] }],
        ["https://route53.csp.hci.ic.gov", { [t]: [{ [u]: h, [v]: "us-isof-south-1" }] }],
        ["https://route53.amazonaws.eu", o],
        ["https://route53.global.api.amazonwebservices.eu", o],
        ["https://route53-fips.{PartitionResult#dualStackDnsSuffix}", p],
        [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
        ["https://route53-fips.{PartitionResult#dnsSuffix}", p],
        [a, "FIPS is enabled but this partition does not support FIPS"],
        ["https://route53.{PartitionResult#dualStackDnsSuffix}", p],
        [a, "DualStack is enabled but this partition does not support DualStack"],
        ["https://route53.{PartitionResult#dnsSuffix}", p],
        [a, "Invalid Configuration: Missing Region"]
    ]
};
const root = 2;
const r = 100_000_000;
const nodes = new Int32Array([
    -1, 1, -1,
    0, 27, 3,
    1, 4, r + 25,
    2, 5, r + 25,
    3, 19, 6,
    4, 18, 7,
    5, 17, 8,
    6, 25, 9,
    7, 15, 10,
    9, r + 12, 11,
    10, r + 13, 12,
    11, r + 14, 13,
    12, r + 15, 14,
    13, r + 16, r + 24,
    13, r + 17, 16,
    14, r + 22, r + 23,
    7, r + 9, r + 8,
    7, r + 6, r + 4,
    4, 26, 20,
    6, 25, 21,
    7, 23, 22,
    8, r + 20, r + 21,
    8, 24, r + 19,
    14, r + 18, r + 19,
    7, r + 11, r + 10,
    7, r + 7, r + 5,
    3, r + 1, 28,
    7, r + 2, r + 3,
]);
const bdd = BinaryDecisionDiagram/* BinaryDecisionDiagram */.d.from(nodes, root, _data.conditions, _data.results);

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/endpoint/endpointResolver.js



const cache = new EndpointCache/* EndpointCache */.k({
    size: 50,
    params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"],
});
const defaultEndpointResolver = (endpointParams, context = {}) => {
    return cache.get(endpointParams, () => (0,decideEndpoint/* decideEndpoint */.c)(bdd, {
        endpointParams: endpointParams,
        logger: context.logger,
    }));
};
customEndpointFunctions/* customEndpointFunctions */.m.aws = aws/* awsEndpointFunctions */.U;

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(8308);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/runtimeConfig.shared.js









const getRuntimeConfig = (config) => {
    return {
        apiVersion: "2013-04-01",
        base64Decoder: config?.base64Decoder ?? fromBase64/* fromBase64 */.E,
        base64Encoder: config?.base64Encoder ?? toBase64/* toBase64 */.n,
        disableHostPrefix: config?.disableHostPrefix ?? false,
        endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
        extensions: config?.extensions ?? [],
        httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultRoute53HttpAuthSchemeProvider,
        httpAuthSchemes: config?.httpAuthSchemes ?? [
            {
                schemeId: "aws.auth#sigv4",
                identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
                signer: new AwsSdkSigV4Signer/* AwsSdkSigV4Signer */.f2(),
            },
        ],
        logger: config?.logger ?? new NoOpLogger/* NoOpLogger */.N(),
        protocol: config?.protocol ?? AwsRestXmlProtocol/* AwsRestXmlProtocol */.t,
        protocolSettings: config?.protocolSettings ?? {
            defaultNamespace: "com.amazonaws.route53",
            errorTypeRegistries: schemas_0/* errorTypeRegistries */.q1U,
            xmlNamespace: "https://route53.amazonaws.com/doc/2013-04-01/",
            version: "2013-04-01",
            serviceTarget: "AWSDnsV20130401",
        },
        serviceId: config?.serviceId ?? "Route 53",
        sha256: config?.sha256 ?? Sha256Node/* Sha256Node */.k,
        urlParser: config?.urlParser ?? parseUrl/* parseUrl */.D,
        utf8Decoder: config?.utf8Decoder ?? fromUtf8/* fromUtf8 */.a,
        utf8Encoder: config?.utf8Encoder ?? toUtf8/* toUtf8 */.P,
    };
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/runtimeConfig.js










const runtimeConfig_getRuntimeConfig = (config) => {
    (0,smithy_client_emitWarningIfUnsupportedVersion/* emitWarningIfUnsupportedVersion */.I)(process.version);
    const defaultsMode = (0,resolveDefaultsModeConfig/* resolveDefaultsModeConfig */.I)(config);
    const defaultConfigProvider = () => defaultsMode().then(defaults_mode/* loadConfigsForDefaultMode */.l);
    const clientSharedValues = getRuntimeConfig(config);
    (0,emitWarningIfUnsupportedVersion/* emitWarningIfUnsupportedVersion */.I)(process.version);
    const loaderConfig = {
        profile: config?.profile,
        logger: clientSharedValues.logger,
    };
    return {
        ...clientSharedValues,
        ...config,
        runtime: "node",
        defaultsMode,
        authSchemePreference: config?.authSchemePreference ?? (0,configLoader/* loadConfig */.Z)(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS/* NODE_AUTH_SCHEME_PREFERENCE_OPTIONS */.$, loaderConfig),
        bodyLengthChecker: config?.bodyLengthChecker ?? calculateBodyLength/* calculateBodyLength */.n,
        credentialDefaultProvider: config?.credentialDefaultProvider ?? defaultProvider/* defaultProvider */.v6,
        defaultSocketTimeout: (0,getDefaultSocketTimeout/* getDefaultSocketTimeout */.E)(config?.requestHandler, 300_000),
        defaultUserAgentProvider: config?.defaultUserAgentProvider ?? (0,defaultUserAgent/* createDefaultUserAgentProvider */.pf)({ serviceId: clientSharedValues.serviceId, clientVersion: package_namespaceObject.rE }),
        maxAttempts: config?.maxAttempts ?? (0,configLoader/* loadConfig */.Z)(middleware_retry_configurations/* NODE_MAX_ATTEMPT_CONFIG_OPTIONS */.qs, config),
        region: config?.region ?? (0,configLoader/* loadConfig */.Z)(regionConfig_config/* NODE_REGION_CONFIG_OPTIONS */.GG, { ...regionConfig_config/* NODE_REGION_CONFIG_FILE_OPTIONS */.zH, ...loaderConfig }),
        requestHandler: node_http_handler/* NodeHttpHandler */.$.create(config?.requestHandler ?? defaultConfigProvider),
        retryMode: config?.retryMode ??
            (0,configLoader/* loadConfig */.Z)({
                ...middleware_retry_configurations/* NODE_RETRY_MODE_CONFIG_OPTIONS */.kN,
                default: async () => (await defaultConfigProvider()).retryMode || util_retry_config/* DEFAULT_RETRY_MODE */.L0,
            }, config),
        streamCollector: config?.streamCollector ?? stream_collector/* streamCollector */.k,
        useDualstackEndpoint: config?.useDualstackEndpoint ?? (0,configLoader/* loadConfig */.Z)(NodeUseDualstackEndpointConfigOptions/* NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS */.e$, loaderConfig),
        useFipsEndpoint: config?.useFipsEndpoint ?? (0,configLoader/* loadConfig */.Z)(NodeUseFipsEndpointConfigOptions/* NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS */.Ko, loaderConfig),
        userAgentAppId: config?.userAgentAppId ?? (0,configLoader/* loadConfig */.Z)(nodeAppIdConfigOptions/* NODE_APP_ID_CONFIG_OPTIONS */.hV, loaderConfig),
    };
};

// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/region-config-resolver/extensions.js
var region_config_resolver_extensions = __webpack_require__(9999);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/client/smithy-client/extensions/defaultExtensionConfiguration.js
var defaultExtensionConfiguration = __webpack_require__(2912);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/protocols/protocol-http/extensions/httpExtensionConfiguration.js
var httpExtensionConfiguration = __webpack_require__(274);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/auth/httpAuthExtensionConfiguration.js
const getHttpAuthExtensionConfiguration = (runtimeConfig) => {
    const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
    let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
    let _credentials = runtimeConfig.credentials;
    return {
        setHttpAuthScheme(httpAuthScheme) {
            const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
            if (index === -1) {
                _httpAuthSchemes.push(httpAuthScheme);
            }
            else {
                _httpAuthSchemes.splice(index, 1, httpAuthScheme);
            }
        },
        httpAuthSchemes() {
            return _httpAuthSchemes;
        },
        setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
            _httpAuthSchemeProvider = httpAuthSchemeProvider;
        },
        httpAuthSchemeProvider() {
            return _httpAuthSchemeProvider;
        },
        setCredentials(credentials) {
            _credentials = credentials;
        },
        credentials() {
            return _credentials;
        },
    };
};
const resolveHttpAuthRuntimeConfig = (config) => {
    return {
        httpAuthSchemes: config.httpAuthSchemes(),
        httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
        credentials: config.credentials(),
    };
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/runtimeExtensions.js




const resolveRuntimeExtensions = (runtimeConfig, extensions) => {
    const extensionConfiguration = Object.assign((0,region_config_resolver_extensions/* getAwsRegionExtensionConfiguration */.R)(runtimeConfig), (0,defaultExtensionConfiguration/* getDefaultExtensionConfiguration */.xA)(runtimeConfig), (0,httpExtensionConfiguration/* getHttpHandlerExtensionConfiguration */.e)(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
    extensions.forEach((extension) => extension.configure(extensionConfiguration));
    return Object.assign(runtimeConfig, (0,region_config_resolver_extensions/* resolveAwsRegionExtensionConfiguration */.$)(extensionConfiguration), (0,defaultExtensionConfiguration/* resolveDefaultRuntimeConfig */.uv)(extensionConfiguration), (0,httpExtensionConfiguration/* resolveHttpHandlerRuntimeConfig */.j)(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/Route53Client.js













class Route53Client extends client/* Client */.K {
    config;
    constructor(...[configuration]) {
        const _config_0 = runtimeConfig_getRuntimeConfig(configuration || {});
        super(_config_0);
        this.initConfig = _config_0;
        const _config_1 = (0,EndpointParameters/* resolveClientEndpointParameters */.v)(_config_0);
        const _config_2 = (0,configurations/* resolveUserAgentConfig */.D)(_config_1);
        const _config_3 = (0,middleware_retry_configurations/* resolveRetryConfig */.$z)(_config_2);
        const _config_4 = (0,resolveRegionConfig/* resolveRegionConfig */.T)(_config_3);
        const _config_5 = (0,hostHeaderMiddleware/* resolveHostHeaderConfig */.OV)(_config_4);
        const _config_6 = (0,endpoints.resolveEndpointConfig)(_config_5);
        const _config_7 = resolveHttpAuthSchemeConfig(_config_6);
        const _config_8 = resolveRuntimeExtensions(_config_7, configuration?.extensions || []);
        this.config = _config_8;
        this.middlewareStack.use((0,getSchemaSerdePlugin/* getSchemaSerdePlugin */.wq)(this.config));
        this.middlewareStack.use((0,user_agent_middleware/* getUserAgentPlugin */.sM)(this.config));
        this.middlewareStack.use((0,retry.getRetryPlugin)(this.config));
        this.middlewareStack.use((0,contentLengthMiddleware/* getContentLengthPlugin */.vK)(this.config));
        this.middlewareStack.use((0,hostHeaderMiddleware/* getHostHeaderPlugin */.TC)(this.config));
        this.middlewareStack.use((0,loggerMiddleware/* getLoggerPlugin */.Y7)(this.config));
        this.middlewareStack.use((0,getRecursionDetectionPlugin/* getRecursionDetectionPlugin */.n)(this.config));
        this.middlewareStack.use((0,getHttpAuthSchemeEndpointRuleSetPlugin/* getHttpAuthSchemeEndpointRuleSetPlugin */.w)(this.config, {
            httpAuthSchemeParametersProvider: defaultRoute53HttpAuthSchemeParametersProvider,
            identityProviderConfigProvider: async (config) => new DefaultIdentityProviderConfig/* DefaultIdentityProviderConfig */.h({
                "aws.auth#sigv4": config.credentials,
            }),
        }));
        this.middlewareStack.use((0,getHttpSigningMiddleware/* getHttpSigningPlugin */.l)(this.config));
    }
    destroy() {
        super.destroy();
    }
}


/***/ }),

/***/ 2007:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lq: () => (/* binding */ _ep0),
  yt: () => (/* binding */ _mw0),
  Fw: () => (/* binding */ _mw1),
  G5: () => (/* binding */ command)
});

// UNUSED EXPORTS: _mw2

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/middleware-sdk-route53/dist-es/constants.js
const IDENTIFIER_PREFIX_PATTERN = /^\/(hostedzone|change|delegationset)\//;

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/middleware-sdk-route53/dist-es/id-normalizer.js

const IDENTIFIER_PARAMETERS = ["DelegationSetId", "HostedZoneId", "Id"];
function idNormalizerMiddleware() {
    return (next) => async (args) => {
        const input = { ...args.input };
        for (const paramName of IDENTIFIER_PARAMETERS) {
            const param = input[paramName];
            if (param) {
                input[paramName] = param.replace(IDENTIFIER_PREFIX_PATTERN, "");
            }
        }
        return next({
            ...args,
            input,
        });
    };
}
const idNormalizerMiddlewareOptions = {
    step: "initialize",
    tags: ["ROUTE53_IDS"],
    name: "idNormalizerMiddleware",
    override: true,
};
const getIdNormalizerPlugin = (unused) => ({
    applyToStack: (clientStack) => {
        clientStack.add(idNormalizerMiddleware(), idNormalizerMiddlewareOptions);
    },
});

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/middleware-sdk-route53/dist-es/change-resource-record-sets.js

function changeResourceRecordSetsMiddleware() {
    return (next) => async (args) => {
        const { ChangeBatch } = args.input;
        const Changes = [];
        for (const change of ChangeBatch?.Changes ?? []) {
            const { AliasTarget } = change.ResourceRecordSet ?? {};
            if (AliasTarget) {
                Changes.push({
                    ...change,
                    ResourceRecordSet: {
                        ...change.ResourceRecordSet,
                        AliasTarget: {
                            ...AliasTarget,
                            HostedZoneId: AliasTarget.HostedZoneId.replace(IDENTIFIER_PREFIX_PATTERN, ""),
                        },
                    },
                });
            }
            else {
                Changes.push(change);
            }
        }
        return next({
            ...args,
            input: {
                ...args.input,
                ChangeBatch: {
                    ...ChangeBatch,
                    Changes,
                },
            },
        });
    };
}
const changeResourceRecordSetsMiddlewareOptions = {
    step: "initialize",
    tags: ["ROUTE53_IDS", "CHANGE_RESOURCE_RECORD_SETS"],
    name: "changeResourceRecordSetsMiddleware",
    override: true,
};
const getChangeResourceRecordSetsPlugin = (unused) => ({
    applyToStack: (clientStack) => {
        clientStack.add(changeResourceRecordSetsMiddleware(), changeResourceRecordSetsMiddlewareOptions);
    },
});

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/client/smithy-client/client-command-builder.js
var client_command_builder = __webpack_require__(5816);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/index.js + 7 modules
var endpoints = __webpack_require__(6173);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/endpoint/EndpointParameters.js
var EndpointParameters = __webpack_require__(1730);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commandBuilder.js




const command = (0,client_command_builder/* makeBuilder */.k)(EndpointParameters/* commonParams */.S, "AWSDnsV20130401", "Route53Client", endpoints.getEndpointPlugin);
const _ep0 = {};
const _mw0 = (Command, cs, config, o) => [
    getIdNormalizerPlugin(config),
];
const _mw1 = (Command, cs, config, o) => [
    getChangeResourceRecordSetsPlugin(config),
    getIdNormalizerPlugin(config),
];
const _mw2 = (Command, cs, config, o) => [];


/***/ }),

/***/ 5081:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ ChangeResourceRecordSetsCommand)
/* harmony export */ });
/* harmony import */ var _commandBuilder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2007);
/* harmony import */ var _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8308);


class ChangeResourceRecordSetsCommand extends (0,_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G5)(_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._ep0 */ .lq, _commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._mw1 */ .Fw, "ChangeResourceRecordSets", _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__/* .ChangeResourceRecordSets$ */ .VZw) {
}


/***/ }),

/***/ 8911:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ ListHostedZonesByNameCommand)
/* harmony export */ });
/* harmony import */ var _commandBuilder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2007);
/* harmony import */ var _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8308);


class ListHostedZonesByNameCommand extends (0,_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G5)(_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._ep0 */ .lq, _commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._mw0 */ .yt, "ListHostedZonesByName", _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__/* .ListHostedZonesByName$ */ .vfj) {
}


/***/ }),

/***/ 6845:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ ListResourceRecordSetsCommand)
/* harmony export */ });
/* harmony import */ var _commandBuilder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2007);
/* harmony import */ var _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8308);


class ListResourceRecordSetsCommand extends (0,_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G5)(_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._ep0 */ .lq, _commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._mw0 */ .yt, "ListResourceRecordSets", _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__/* .ListResourceRecordSets$ */ .z6W) {
}


/***/ }),

/***/ 1730:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ commonParams),
/* harmony export */   v: () => (/* binding */ resolveClientEndpointParameters)
/* harmony export */ });
const resolveClientEndpointParameters = (options) => {
    return Object.assign(options, {
        useDualstackEndpoint: options.useDualstackEndpoint ?? false,
        useFipsEndpoint: options.useFipsEndpoint ?? false,
        defaultSigningName: "route53",
    });
};
const commonParams = {
    UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
    Endpoint: { type: "builtInParams", name: "endpoint" },
    Region: { type: "builtInParams", name: "region" },
    UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" },
};


/***/ }),

/***/ 8308:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VZw: () => (/* binding */ ChangeResourceRecordSets$),
  xmL: () => (/* binding */ GetChange$),
  vfj: () => (/* binding */ ListHostedZonesByName$),
  z6W: () => (/* binding */ ListResourceRecordSets$),
  q1U: () => (/* binding */ errorTypeRegistries)
});

// UNUSED EXPORTS: AccountLimit$, ActivateKeySigningKey$, ActivateKeySigningKeyRequest$, ActivateKeySigningKeyResponse$, AlarmIdentifier$, AliasTarget$, AssociateVPCWithHostedZone$, AssociateVPCWithHostedZoneRequest$, AssociateVPCWithHostedZoneResponse$, Change$, ChangeBatch$, ChangeCidrCollection$, ChangeCidrCollectionRequest$, ChangeCidrCollectionResponse$, ChangeInfo$, ChangeResourceRecordSetsRequest$, ChangeResourceRecordSetsResponse$, ChangeTagsForResource$, ChangeTagsForResourceRequest$, ChangeTagsForResourceResponse$, CidrBlockInUseException$, CidrBlockSummary$, CidrCollection$, CidrCollectionAlreadyExistsException$, CidrCollectionChange$, CidrCollectionInUseException$, CidrCollectionVersionMismatchException$, CidrRoutingConfig$, CloudWatchAlarmConfiguration$, CollectionSummary$, ConcurrentModification$, ConflictingDomainExists$, ConflictingTypes$, Coordinates$, CreateCidrCollection$, CreateCidrCollectionRequest$, CreateCidrCollectionResponse$, CreateHealthCheck$, CreateHealthCheckRequest$, CreateHealthCheckResponse$, CreateHostedZone$, CreateHostedZoneRequest$, CreateHostedZoneResponse$, CreateKeySigningKey$, CreateKeySigningKeyRequest$, CreateKeySigningKeyResponse$, CreateQueryLoggingConfig$, CreateQueryLoggingConfigRequest$, CreateQueryLoggingConfigResponse$, CreateResourceRecordSetProtections$, CreateResourceRecordSetProtectionsRequest$, CreateResourceRecordSetProtectionsResponse$, CreateReusableDelegationSet$, CreateReusableDelegationSetRequest$, CreateReusableDelegationSetResponse$, CreateTrafficPolicy$, CreateTrafficPolicyInstance$, CreateTrafficPolicyInstanceRequest$, CreateTrafficPolicyInstanceResponse$, CreateTrafficPolicyRequest$, CreateTrafficPolicyResponse$, CreateTrafficPolicyVersion$, CreateTrafficPolicyVersionRequest$, CreateTrafficPolicyVersionResponse$, CreateVPCAssociationAuthorization$, CreateVPCAssociationAuthorizationRequest$, CreateVPCAssociationAuthorizationResponse$, DNSSECNotFound$, DNSSECStatus$, DeactivateKeySigningKey$, DeactivateKeySigningKeyRequest$, DeactivateKeySigningKeyResponse$, DelegationSet$, DelegationSetAlreadyCreated$, DelegationSetAlreadyReusable$, DelegationSetInUse$, DelegationSetNotAvailable$, DelegationSetNotReusable$, DeleteCidrCollection$, DeleteCidrCollectionRequest$, DeleteCidrCollectionResponse$, DeleteHealthCheck$, DeleteHealthCheckRequest$, DeleteHealthCheckResponse$, DeleteHostedZone$, DeleteHostedZoneRequest$, DeleteHostedZoneResponse$, DeleteKeySigningKey$, DeleteKeySigningKeyRequest$, DeleteKeySigningKeyResponse$, DeleteQueryLoggingConfig$, DeleteQueryLoggingConfigRequest$, DeleteQueryLoggingConfigResponse$, DeleteResourceRecordSetProtections$, DeleteResourceRecordSetProtectionsRequest$, DeleteResourceRecordSetProtectionsResponse$, DeleteReusableDelegationSet$, DeleteReusableDelegationSetRequest$, DeleteReusableDelegationSetResponse$, DeleteTrafficPolicy$, DeleteTrafficPolicyInstance$, DeleteTrafficPolicyInstanceRequest$, DeleteTrafficPolicyInstanceResponse$, DeleteTrafficPolicyRequest$, DeleteTrafficPolicyResponse$, DeleteVPCAssociationAuthorization$, DeleteVPCAssociationAuthorizationRequest$, DeleteVPCAssociationAuthorizationResponse$, Dimension$, DisableHostedZoneDNSSEC$, DisableHostedZoneDNSSECRequest$, DisableHostedZoneDNSSECResponse$, DisassociateVPCFromHostedZone$, DisassociateVPCFromHostedZoneRequest$, DisassociateVPCFromHostedZoneResponse$, EnableHostedZoneDNSSEC$, EnableHostedZoneDNSSECRequest$, EnableHostedZoneDNSSECResponse$, GeoLocation$, GeoLocationDetails$, GeoProximityLocation$, GetAccountLimit$, GetAccountLimitRequest$, GetAccountLimitResponse$, GetChangeRequest$, GetChangeResponse$, GetCheckerIpRanges$, GetCheckerIpRangesRequest$, GetCheckerIpRangesResponse$, GetDNSSEC$, GetDNSSECRequest$, GetDNSSECResponse$, GetGeoLocation$, GetGeoLocationRequest$, GetGeoLocationResponse$, GetHealthCheck$, GetHealthCheckCount$, GetHealthCheckCountRequest$, GetHealthCheckCountResponse$, GetHealthCheckLastFailureReason$, GetHealthCheckLastFailureReasonRequest$, GetHealthCheckLastFailureReasonResponse$, GetHealthCheckRequest$, GetHealthCheckResponse$, GetHealthCheckStatus$, GetHealthCheckStatusRequest$, GetHealthCheckStatusResponse$, GetHostedZone$, GetHostedZoneCount$, GetHostedZoneCountRequest$, GetHostedZoneCountResponse$, GetHostedZoneLimit$, GetHostedZoneLimitRequest$, GetHostedZoneLimitResponse$, GetHostedZoneRequest$, GetHostedZoneResponse$, GetQueryLoggingConfig$, GetQueryLoggingConfigRequest$, GetQueryLoggingConfigResponse$, GetReusableDelegationSet$, GetReusableDelegationSetLimit$, GetReusableDelegationSetLimitRequest$, GetReusableDelegationSetLimitResponse$, GetReusableDelegationSetRequest$, GetReusableDelegationSetResponse$, GetTrafficPolicy$, GetTrafficPolicyInstance$, GetTrafficPolicyInstanceCount$, GetTrafficPolicyInstanceCountRequest$, GetTrafficPolicyInstanceCountResponse$, GetTrafficPolicyInstanceRequest$, GetTrafficPolicyInstanceResponse$, GetTrafficPolicyRequest$, GetTrafficPolicyResponse$, HealthCheck$, HealthCheckAlreadyExists$, HealthCheckConfig$, HealthCheckInUse$, HealthCheckObservation$, HealthCheckVersionMismatch$, HostedZone$, HostedZoneAlreadyExists$, HostedZoneConfig$, HostedZoneFailureReasons$, HostedZoneFeatures$, HostedZoneLimit$, HostedZoneNotEmpty$, HostedZoneNotFound$, HostedZoneNotPrivate$, HostedZoneOwner$, HostedZonePartiallyDelegated$, HostedZoneSummary$, IncompatibleVersion$, InsufficientCloudWatchLogsResourcePolicy$, InvalidArgument$, InvalidChangeBatch$, InvalidDomainName$, InvalidInput$, InvalidKMSArn$, InvalidKeySigningKeyName$, InvalidKeySigningKeyStatus$, InvalidPaginationToken$, InvalidResourceRecordSetProtectionBatch$, InvalidSigningStatus$, InvalidTrafficPolicyDocument$, InvalidVPCId$, KeySigningKey$, KeySigningKeyAlreadyExists$, KeySigningKeyInParentDSRecord$, KeySigningKeyInUse$, KeySigningKeyWithActiveStatusNotFound$, LastVPCAssociation$, LimitsExceeded$, LinkedService$, ListCidrBlocks$, ListCidrBlocksRequest$, ListCidrBlocksResponse$, ListCidrCollections$, ListCidrCollectionsRequest$, ListCidrCollectionsResponse$, ListCidrLocations$, ListCidrLocationsRequest$, ListCidrLocationsResponse$, ListGeoLocations$, ListGeoLocationsRequest$, ListGeoLocationsResponse$, ListHealthChecks$, ListHealthChecksRequest$, ListHealthChecksResponse$, ListHostedZones$, ListHostedZonesByNameRequest$, ListHostedZonesByNameResponse$, ListHostedZonesByVPC$, ListHostedZonesByVPCRequest$, ListHostedZonesByVPCResponse$, ListHostedZonesRequest$, ListHostedZonesResponse$, ListQueryLoggingConfigs$, ListQueryLoggingConfigsRequest$, ListQueryLoggingConfigsResponse$, ListResourceRecordSetProtections$, ListResourceRecordSetProtectionsRequest$, ListResourceRecordSetProtectionsResponse$, ListResourceRecordSetsRequest$, ListResourceRecordSetsResponse$, ListReusableDelegationSets$, ListReusableDelegationSetsRequest$, ListReusableDelegationSetsResponse$, ListTagsForResource$, ListTagsForResourceRequest$, ListTagsForResourceResponse$, ListTagsForResources$, ListTagsForResourcesRequest$, ListTagsForResourcesResponse$, ListTrafficPolicies$, ListTrafficPoliciesRequest$, ListTrafficPoliciesResponse$, ListTrafficPolicyInstances$, ListTrafficPolicyInstancesByHostedZone$, ListTrafficPolicyInstancesByHostedZoneRequest$, ListTrafficPolicyInstancesByHostedZoneResponse$, ListTrafficPolicyInstancesByPolicy$, ListTrafficPolicyInstancesByPolicyRequest$, ListTrafficPolicyInstancesByPolicyResponse$, ListTrafficPolicyInstancesRequest$, ListTrafficPolicyInstancesResponse$, ListTrafficPolicyVersions$, ListTrafficPolicyVersionsRequest$, ListTrafficPolicyVersionsResponse$, ListVPCAssociationAuthorizations$, ListVPCAssociationAuthorizationsRequest$, ListVPCAssociationAuthorizationsResponse$, LocationSummary$, NoSuchChange$, NoSuchCidrCollectionException$, NoSuchCidrLocationException$, NoSuchCloudWatchLogsLogGroup$, NoSuchDelegationSet$, NoSuchGeoLocation$, NoSuchHealthCheck$, NoSuchHostedZone$, NoSuchKeySigningKey$, NoSuchQueryLoggingConfig$, NoSuchTrafficPolicy$, NoSuchTrafficPolicyInstance$, NotAuthorizedException$, PriorRequestNotComplete$, ProtectionAlreadyExists$, ProtectionError$, PublicZoneVPCAssociation$, QueryLoggingConfig$, QueryLoggingConfigAlreadyExists$, ResourceRecord$, ResourceRecordSet$, ResourceRecordSetProtection$, ResourceRecordSetProtectionConfig$, ResourceRecordSetProtectionKey$, ResourceTagSet$, ReusableDelegationSetLimit$, Route53ServiceException$, StatusReport$, Tag$, TestDNSAnswer$, TestDNSAnswerRequest$, TestDNSAnswerResponse$, ThrottlingException$, TooManyHealthChecks$, TooManyHostedZones$, TooManyKeySigningKeys$, TooManyTrafficPolicies$, TooManyTrafficPolicyInstances$, TooManyTrafficPolicyVersionsForCurrentPolicy$, TooManyVPCAssociationAuthorizations$, TrafficPolicy$, TrafficPolicyAlreadyExists$, TrafficPolicyInUse$, TrafficPolicyInstance$, TrafficPolicyInstanceAlreadyExists$, TrafficPolicySummary$, UpdateHealthCheck$, UpdateHealthCheckRequest$, UpdateHealthCheckResponse$, UpdateHostedZoneComment$, UpdateHostedZoneCommentRequest$, UpdateHostedZoneCommentResponse$, UpdateHostedZoneFeatures$, UpdateHostedZoneFeaturesRequest$, UpdateHostedZoneFeaturesResponse$, UpdateTrafficPolicyComment$, UpdateTrafficPolicyCommentRequest$, UpdateTrafficPolicyCommentResponse$, UpdateTrafficPolicyInstance$, UpdateTrafficPolicyInstanceRequest$, UpdateTrafficPolicyInstanceResponse$, VPC$, VPCAssociationAuthorizationNotFound$, VPCAssociationNotFound$

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/schema/TypeRegistry.js
var TypeRegistry = __webpack_require__(5629);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/client/smithy-client/exceptions.js
var exceptions = __webpack_require__(4667);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/models/Route53ServiceException.js


class Route53ServiceException extends exceptions/* ServiceException */.T {
    static shapeId = "smithy.ts.sdk.synthetic.com.amazonaws.route53#Route53ServiceException";
    constructor(options) {
        super(options);
        Object.setPrototypeOf(this, Route53ServiceException.prototype);
    }
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/models/errors.js

class ConcurrentModification extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#ConcurrentModification";
    name = "ConcurrentModification";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ConcurrentModification",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ConcurrentModification.prototype);
    }
}
class InvalidInput extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#InvalidInput";
    name = "InvalidInput";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidInput",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidInput.prototype);
    }
}
class InvalidKeySigningKeyStatus extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#InvalidKeySigningKeyStatus";
    name = "InvalidKeySigningKeyStatus";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidKeySigningKeyStatus",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidKeySigningKeyStatus.prototype);
    }
}
class InvalidKMSArn extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#InvalidKMSArn";
    name = "InvalidKMSArn";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidKMSArn",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidKMSArn.prototype);
    }
}
class InvalidSigningStatus extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#InvalidSigningStatus";
    name = "InvalidSigningStatus";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidSigningStatus",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidSigningStatus.prototype);
    }
}
class NoSuchKeySigningKey extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#NoSuchKeySigningKey";
    name = "NoSuchKeySigningKey";
    $fault = "client";
    constructor(opts) {
        super({
            name: "NoSuchKeySigningKey",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NoSuchKeySigningKey.prototype);
    }
}
class ConflictingDomainExists extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#ConflictingDomainExists";
    name = "ConflictingDomainExists";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ConflictingDomainExists",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ConflictingDomainExists.prototype);
    }
}
class InvalidVPCId extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#InvalidVPCId";
    name = "InvalidVPCId";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidVPCId",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidVPCId.prototype);
    }
}
class LimitsExceeded extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#LimitsExceeded";
    name = "LimitsExceeded";
    $fault = "client";
    constructor(opts) {
        super({
            name: "LimitsExceeded",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, LimitsExceeded.prototype);
    }
}
class NoSuchHostedZone extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#NoSuchHostedZone";
    name = "NoSuchHostedZone";
    $fault = "client";
    constructor(opts) {
        super({
            name: "NoSuchHostedZone",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NoSuchHostedZone.prototype);
    }
}
class NotAuthorizedException extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#NotAuthorizedException";
    name = "NotAuthorizedException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "NotAuthorizedException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NotAuthorizedException.prototype);
    }
}
class PriorRequestNotComplete extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#PriorRequestNotComplete";
    name = "PriorRequestNotComplete";
    $fault = "client";
    constructor(opts) {
        super({
            name: "PriorRequestNotComplete",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, PriorRequestNotComplete.prototype);
    }
}
class PublicZoneVPCAssociation extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#PublicZoneVPCAssociation";
    name = "PublicZoneVPCAssociation";
    $fault = "client";
    constructor(opts) {
        super({
            name: "PublicZoneVPCAssociation",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, PublicZoneVPCAssociation.prototype);
    }
}
class CidrBlockInUseException extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#CidrBlockInUseException";
    name = "CidrBlockInUseException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "CidrBlockInUseException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, CidrBlockInUseException.prototype);
        this.Message = opts.Message;
    }
}
class CidrCollectionVersionMismatchException extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#CidrCollectionVersionMismatchException";
    name = "CidrCollectionVersionMismatchException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "CidrCollectionVersionMismatchException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, CidrCollectionVersionMismatchException.prototype);
        this.Message = opts.Message;
    }
}
class NoSuchCidrCollectionException extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#NoSuchCidrCollectionException";
    name = "NoSuchCidrCollectionException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "NoSuchCidrCollectionException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NoSuchCidrCollectionException.prototype);
        this.Message = opts.Message;
    }
}
class InvalidChangeBatch extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#InvalidChangeBatch";
    name = "InvalidChangeBatch";
    $fault = "client";
    messages;
    constructor(opts) {
        super({
            name: "InvalidChangeBatch",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidChangeBatch.prototype);
        this.messages = opts.messages;
    }
}
class NoSuchHealthCheck extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#NoSuchHealthCheck";
    name = "NoSuchHealthCheck";
    $fault = "client";
    constructor(opts) {
        super({
            name: "NoSuchHealthCheck",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NoSuchHealthCheck.prototype);
    }
}
class ThrottlingException extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#ThrottlingException";
    name = "ThrottlingException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ThrottlingException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ThrottlingException.prototype);
    }
}
class CidrCollectionAlreadyExistsException extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#CidrCollectionAlreadyExistsException";
    name = "CidrCollectionAlreadyExistsException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "CidrCollectionAlreadyExistsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, CidrCollectionAlreadyExistsException.prototype);
        this.Message = opts.Message;
    }
}
class HealthCheckAlreadyExists extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#HealthCheckAlreadyExists";
    name = "HealthCheckAlreadyExists";
    $fault = "client";
    constructor(opts) {
        super({
            name: "HealthCheckAlreadyExists",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, HealthCheckAlreadyExists.prototype);
    }
}
class TooManyHealthChecks extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#TooManyHealthChecks";
    name = "TooManyHealthChecks";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TooManyHealthChecks",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TooManyHealthChecks.prototype);
    }
}
class DelegationSetNotAvailable extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#DelegationSetNotAvailable";
    name = "DelegationSetNotAvailable";
    $fault = "client";
    constructor(opts) {
        super({
            name: "DelegationSetNotAvailable",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, DelegationSetNotAvailable.prototype);
    }
}
class DelegationSetNotReusable extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#DelegationSetNotReusable";
    name = "DelegationSetNotReusable";
    $fault = "client";
    constructor(opts) {
        super({
            name: "DelegationSetNotReusable",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, DelegationSetNotReusable.prototype);
    }
}
class HostedZoneAlreadyExists extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#HostedZoneAlreadyExists";
    name = "HostedZoneAlreadyExists";
    $fault = "client";
    constructor(opts) {
        super({
            name: "HostedZoneAlreadyExists",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, HostedZoneAlreadyExists.prototype);
    }
}
class InvalidDomainName extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#InvalidDomainName";
    name = "InvalidDomainName";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidDomainName",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidDomainName.prototype);
    }
}
class NoSuchDelegationSet extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#NoSuchDelegationSet";
    name = "NoSuchDelegationSet";
    $fault = "client";
    constructor(opts) {
        super({
            name: "NoSuchDelegationSet",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NoSuchDelegationSet.prototype);
    }
}
class TooManyHostedZones extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#TooManyHostedZones";
    name = "TooManyHostedZones";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TooManyHostedZones",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TooManyHostedZones.prototype);
    }
}
class InvalidArgument extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#InvalidArgument";
    name = "InvalidArgument";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidArgument",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidArgument.prototype);
    }
}
class InvalidKeySigningKeyName extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#InvalidKeySigningKeyName";
    name = "InvalidKeySigningKeyName";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidKeySigningKeyName",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidKeySigningKeyName.prototype);
    }
}
class KeySigningKeyAlreadyExists extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#KeySigningKeyAlreadyExists";
    name = "KeySigningKeyAlreadyExists";
    $fault = "client";
    constructor(opts) {
        super({
            name: "KeySigningKeyAlreadyExists",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, KeySigningKeyAlreadyExists.prototype);
    }
}
class TooManyKeySigningKeys extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#TooManyKeySigningKeys";
    name = "TooManyKeySigningKeys";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TooManyKeySigningKeys",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TooManyKeySigningKeys.prototype);
    }
}
class InsufficientCloudWatchLogsResourcePolicy extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#InsufficientCloudWatchLogsResourcePolicy";
    name = "InsufficientCloudWatchLogsResourcePolicy";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InsufficientCloudWatchLogsResourcePolicy",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InsufficientCloudWatchLogsResourcePolicy.prototype);
    }
}
class NoSuchCloudWatchLogsLogGroup extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#NoSuchCloudWatchLogsLogGroup";
    name = "NoSuchCloudWatchLogsLogGroup";
    $fault = "client";
    constructor(opts) {
        super({
            name: "NoSuchCloudWatchLogsLogGroup",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NoSuchCloudWatchLogsLogGroup.prototype);
    }
}
class QueryLoggingConfigAlreadyExists extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#QueryLoggingConfigAlreadyExists";
    name = "QueryLoggingConfigAlreadyExists";
    $fault = "client";
    constructor(opts) {
        super({
            name: "QueryLoggingConfigAlreadyExists",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, QueryLoggingConfigAlreadyExists.prototype);
    }
}
class InvalidResourceRecordSetProtectionBatch extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#InvalidResourceRecordSetProtectionBatch";
    name = "InvalidResourceRecordSetProtectionBatch";
    $fault = "client";
    Message;
    Errors;
    constructor(opts) {
        super({
            name: "InvalidResourceRecordSetProtectionBatch",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidResourceRecordSetProtectionBatch.prototype);
        this.Message = opts.Message;
        this.Errors = opts.Errors;
    }
}
class ProtectionAlreadyExists extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#ProtectionAlreadyExists";
    name = "ProtectionAlreadyExists";
    $fault = "client";
    Message;
    Errors;
    constructor(opts) {
        super({
            name: "ProtectionAlreadyExists",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ProtectionAlreadyExists.prototype);
        this.Message = opts.Message;
        this.Errors = opts.Errors;
    }
}
class DelegationSetAlreadyCreated extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#DelegationSetAlreadyCreated";
    name = "DelegationSetAlreadyCreated";
    $fault = "client";
    constructor(opts) {
        super({
            name: "DelegationSetAlreadyCreated",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, DelegationSetAlreadyCreated.prototype);
    }
}
class DelegationSetAlreadyReusable extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#DelegationSetAlreadyReusable";
    name = "DelegationSetAlreadyReusable";
    $fault = "client";
    constructor(opts) {
        super({
            name: "DelegationSetAlreadyReusable",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, DelegationSetAlreadyReusable.prototype);
    }
}
class HostedZoneNotFound extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#HostedZoneNotFound";
    name = "HostedZoneNotFound";
    $fault = "client";
    constructor(opts) {
        super({
            name: "HostedZoneNotFound",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, HostedZoneNotFound.prototype);
    }
}
class InvalidTrafficPolicyDocument extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#InvalidTrafficPolicyDocument";
    name = "InvalidTrafficPolicyDocument";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidTrafficPolicyDocument",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidTrafficPolicyDocument.prototype);
    }
}
class TooManyTrafficPolicies extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#TooManyTrafficPolicies";
    name = "TooManyTrafficPolicies";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TooManyTrafficPolicies",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TooManyTrafficPolicies.prototype);
    }
}
class TrafficPolicyAlreadyExists extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#TrafficPolicyAlreadyExists";
    name = "TrafficPolicyAlreadyExists";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TrafficPolicyAlreadyExists",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TrafficPolicyAlreadyExists.prototype);
    }
}
class NoSuchTrafficPolicy extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#NoSuchTrafficPolicy";
    name = "NoSuchTrafficPolicy";
    $fault = "client";
    constructor(opts) {
        super({
            name: "NoSuchTrafficPolicy",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NoSuchTrafficPolicy.prototype);
    }
}
class TooManyTrafficPolicyInstances extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#TooManyTrafficPolicyInstances";
    name = "TooManyTrafficPolicyInstances";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TooManyTrafficPolicyInstances",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TooManyTrafficPolicyInstances.prototype);
    }
}
class TrafficPolicyInstanceAlreadyExists extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#TrafficPolicyInstanceAlreadyExists";
    name = "TrafficPolicyInstanceAlreadyExists";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TrafficPolicyInstanceAlreadyExists",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TrafficPolicyInstanceAlreadyExists.prototype);
    }
}
class TooManyTrafficPolicyVersionsForCurrentPolicy extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#TooManyTrafficPolicyVersionsForCurrentPolicy";
    name = "TooManyTrafficPolicyVersionsForCurrentPolicy";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TooManyTrafficPolicyVersionsForCurrentPolicy",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TooManyTrafficPolicyVersionsForCurrentPolicy.prototype);
    }
}
class TooManyVPCAssociationAuthorizations extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#TooManyVPCAssociationAuthorizations";
    name = "TooManyVPCAssociationAuthorizations";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TooManyVPCAssociationAuthorizations",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TooManyVPCAssociationAuthorizations.prototype);
    }
}
class KeySigningKeyInParentDSRecord extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#KeySigningKeyInParentDSRecord";
    name = "KeySigningKeyInParentDSRecord";
    $fault = "client";
    constructor(opts) {
        super({
            name: "KeySigningKeyInParentDSRecord",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, KeySigningKeyInParentDSRecord.prototype);
    }
}
class KeySigningKeyInUse extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#KeySigningKeyInUse";
    name = "KeySigningKeyInUse";
    $fault = "client";
    constructor(opts) {
        super({
            name: "KeySigningKeyInUse",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, KeySigningKeyInUse.prototype);
    }
}
class CidrCollectionInUseException extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#CidrCollectionInUseException";
    name = "CidrCollectionInUseException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "CidrCollectionInUseException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, CidrCollectionInUseException.prototype);
        this.Message = opts.Message;
    }
}
class HealthCheckInUse extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#HealthCheckInUse";
    name = "HealthCheckInUse";
    $fault = "client";
    constructor(opts) {
        super({
            name: "HealthCheckInUse",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, HealthCheckInUse.prototype);
    }
}
class HostedZoneNotEmpty extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#HostedZoneNotEmpty";
    name = "HostedZoneNotEmpty";
    $fault = "client";
    constructor(opts) {
        super({
            name: "HostedZoneNotEmpty",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, HostedZoneNotEmpty.prototype);
    }
}
class NoSuchQueryLoggingConfig extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#NoSuchQueryLoggingConfig";
    name = "NoSuchQueryLoggingConfig";
    $fault = "client";
    constructor(opts) {
        super({
            name: "NoSuchQueryLoggingConfig",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NoSuchQueryLoggingConfig.prototype);
    }
}
class DelegationSetInUse extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#DelegationSetInUse";
    name = "DelegationSetInUse";
    $fault = "client";
    constructor(opts) {
        super({
            name: "DelegationSetInUse",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, DelegationSetInUse.prototype);
    }
}
class TrafficPolicyInUse extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#TrafficPolicyInUse";
    name = "TrafficPolicyInUse";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TrafficPolicyInUse",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TrafficPolicyInUse.prototype);
    }
}
class NoSuchTrafficPolicyInstance extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#NoSuchTrafficPolicyInstance";
    name = "NoSuchTrafficPolicyInstance";
    $fault = "client";
    constructor(opts) {
        super({
            name: "NoSuchTrafficPolicyInstance",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NoSuchTrafficPolicyInstance.prototype);
    }
}
class VPCAssociationAuthorizationNotFound extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#VPCAssociationAuthorizationNotFound";
    name = "VPCAssociationAuthorizationNotFound";
    $fault = "client";
    constructor(opts) {
        super({
            name: "VPCAssociationAuthorizationNotFound",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, VPCAssociationAuthorizationNotFound.prototype);
    }
}
class DNSSECNotFound extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#DNSSECNotFound";
    name = "DNSSECNotFound";
    $fault = "client";
    constructor(opts) {
        super({
            name: "DNSSECNotFound",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, DNSSECNotFound.prototype);
    }
}
class LastVPCAssociation extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#LastVPCAssociation";
    name = "LastVPCAssociation";
    $fault = "client";
    constructor(opts) {
        super({
            name: "LastVPCAssociation",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, LastVPCAssociation.prototype);
    }
}
class VPCAssociationNotFound extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#VPCAssociationNotFound";
    name = "VPCAssociationNotFound";
    $fault = "client";
    constructor(opts) {
        super({
            name: "VPCAssociationNotFound",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, VPCAssociationNotFound.prototype);
    }
}
class HostedZonePartiallyDelegated extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#HostedZonePartiallyDelegated";
    name = "HostedZonePartiallyDelegated";
    $fault = "client";
    constructor(opts) {
        super({
            name: "HostedZonePartiallyDelegated",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, HostedZonePartiallyDelegated.prototype);
    }
}
class KeySigningKeyWithActiveStatusNotFound extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#KeySigningKeyWithActiveStatusNotFound";
    name = "KeySigningKeyWithActiveStatusNotFound";
    $fault = "client";
    constructor(opts) {
        super({
            name: "KeySigningKeyWithActiveStatusNotFound",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, KeySigningKeyWithActiveStatusNotFound.prototype);
    }
}
class NoSuchChange extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#NoSuchChange";
    name = "NoSuchChange";
    $fault = "client";
    constructor(opts) {
        super({
            name: "NoSuchChange",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NoSuchChange.prototype);
    }
}
class NoSuchGeoLocation extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#NoSuchGeoLocation";
    name = "NoSuchGeoLocation";
    $fault = "client";
    constructor(opts) {
        super({
            name: "NoSuchGeoLocation",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NoSuchGeoLocation.prototype);
    }
}
class IncompatibleVersion extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#IncompatibleVersion";
    name = "IncompatibleVersion";
    $fault = "client";
    constructor(opts) {
        super({
            name: "IncompatibleVersion",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, IncompatibleVersion.prototype);
    }
}
class HostedZoneNotPrivate extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#HostedZoneNotPrivate";
    name = "HostedZoneNotPrivate";
    $fault = "client";
    constructor(opts) {
        super({
            name: "HostedZoneNotPrivate",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, HostedZoneNotPrivate.prototype);
    }
}
class NoSuchCidrLocationException extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#NoSuchCidrLocationException";
    name = "NoSuchCidrLocationException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "NoSuchCidrLocationException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NoSuchCidrLocationException.prototype);
        this.Message = opts.Message;
    }
}
class InvalidPaginationToken extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#InvalidPaginationToken";
    name = "InvalidPaginationToken";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidPaginationToken",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidPaginationToken.prototype);
    }
}
class HealthCheckVersionMismatch extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#HealthCheckVersionMismatch";
    name = "HealthCheckVersionMismatch";
    $fault = "client";
    constructor(opts) {
        super({
            name: "HealthCheckVersionMismatch",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, HealthCheckVersionMismatch.prototype);
    }
}
class ConflictingTypes extends Route53ServiceException {
    static shapeId = "com.amazonaws.route53#ConflictingTypes";
    name = "ConflictingTypes";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ConflictingTypes",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ConflictingTypes.prototype);
    }
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/schemas/schemas_0.js
const _A = "Action";
const _AI = "AlarmIdentifier";
const _AKSK = "ActivateKeySigningKey";
const _AKSKR = "ActivateKeySigningKeyRequest";
const _AKSKRc = "ActivateKeySigningKeyResponse";
const _AL = "AccountLimit";
const _AR = "AcceleratedRecovery";
const _ARS = "AcceleratedRecoveryStatus";
const _AT = "AliasTarget";
const _ATd = "AddTags";
const _AVPCWHZ = "AssociateVPCWithHostedZone";
const _AVPCWHZR = "AssociateVPCWithHostedZoneRequest";
const _AVPCWHZRs = "AssociateVPCWithHostedZoneResponse";
const _AWSR = "AWSRegion";
const _Ar = "Arn";
const _B = "Bias";
const _C = "Comment";
const _CB = "ChangeBatch";
const _CBIUE = "CidrBlockInUseException";
const _CBS = "CidrBlockSummary";
const _CBSi = "CidrBlockSummaries";
const _CBi = "CidrBlock";
const _CBid = "CidrBlocks";
const _CC = "CidrCollection";
const _CCAEE = "CidrCollectionAlreadyExistsException";
const _CCC = "CidrCollectionChange";
const _CCCR = "ChangeCidrCollectionRequest";
const _CCCRh = "ChangeCidrCollectionResponse";
const _CCCRr = "CreateCidrCollectionRequest";
const _CCCRre = "CreateCidrCollectionResponse";
const _CCCh = "ChangeCidrCollection";
const _CCCi = "CidrCollectionChanges";
const _CCCr = "CreateCidrCollection";
const _CCIUE = "CidrCollectionInUseException";
const _CCVME = "CidrCollectionVersionMismatchException";
const _CCi = "CidrCollections";
const _CCo = "ContinentCode";
const _CCou = "CountryCode";
const _CD = "CreatedDate";
const _CDE = "ConflictingDomainExists";
const _CHC = "ChildHealthChecks";
const _CHCL = "ChildHealthCheckList";
const _CHCR = "CreateHealthCheckRequest";
const _CHCRr = "CreateHealthCheckResponse";
const _CHCh = "ChildHealthCheck";
const _CHCr = "CreateHealthCheck";
const _CHZ = "CreateHostedZone";
const _CHZR = "CreateHostedZoneRequest";
const _CHZRr = "CreateHostedZoneResponse";
const _CI = "ChangeInfo";
const _CIR = "CheckerIpRanges";
const _CIo = "CollectionId";
const _CKSK = "CreateKeySigningKey";
const _CKSKR = "CreateKeySigningKeyRequest";
const _CKSKRr = "CreateKeySigningKeyResponse";
const _CL = "CidrList";
const _CLi = "CidrLocations";
const _CM = "ConcurrentModification";
const _CN = "ContinentName";
const _CNo = "CountryName";
const _CO = "ComparisonOperator";
const _CQLC = "CreateQueryLoggingConfig";
const _CQLCR = "CreateQueryLoggingConfigRequest";
const _CQLCRr = "CreateQueryLoggingConfigResponse";
const _CR = "CallerReference";
const _CRC = "CidrRoutingConfig";
const _CRDS = "CreateReusableDelegationSet";
const _CRDSR = "CreateReusableDelegationSetRequest";
const _CRDSRr = "CreateReusableDelegationSetResponse";
const _CRRS = "ChangeResourceRecordSets";
const _CRRSP = "CreateResourceRecordSetProtections";
const _CRRSPR = "CreateResourceRecordSetProtectionsRequest";
const _CRRSPRr = "CreateResourceRecordSetProtectionsResponse";
const _CRRSR = "ChangeResourceRecordSetsRequest";
const _CRRSRh = "ChangeResourceRecordSetsResponse";
const _CS = "CollectionSummary";
const _CSo = "CollectionSummaries";
const _CT = "ConflictingTypes";
const _CTFR = "ChangeTagsForResource";
const _CTFRR = "ChangeTagsForResourceRequest";
const _CTFRRh = "ChangeTagsForResourceResponse";
const _CTP = "CreateTrafficPolicy";
const _CTPI = "CreateTrafficPolicyInstance";
const _CTPIR = "CreateTrafficPolicyInstanceRequest";
const _CTPIRr = "CreateTrafficPolicyInstanceResponse";
const _CTPR = "CreateTrafficPolicyRequest";
const _CTPRr = "CreateTrafficPolicyResponse";
const _CTPV = "CreateTrafficPolicyVersion";
const _CTPVR = "CreateTrafficPolicyVersionRequest";
const _CTPVRr = "CreateTrafficPolicyVersionResponse";
const _CTh = "CheckedTime";
const _CV = "CollectionVersion";
const _CVPCAA = "CreateVPCAssociationAuthorization";
const _CVPCAAR = "CreateVPCAssociationAuthorizationRequest";
const _CVPCAARr = "CreateVPCAssociationAuthorizationResponse";
const _CWAC = "CloudWatchAlarmConfiguration";
const _CWLLGA = "CloudWatchLogsLogGroupArn";
const _Ch = "Change";
const _Cha = "Changes";
const _Ci = "Cidr";
const _Co = "Coordinates";
const _Cod = "Code";
const _Col = "Collection";
const _Con = "Config";
const _Cou = "Count";
const _D = "Dimensions";
const _DAM = "DigestAlgorithmMnemonic";
const _DAT = "DigestAlgorithmType";
const _DCC = "DeleteCidrCollection";
const _DCCR = "DeleteCidrCollectionRequest";
const _DCCRe = "DeleteCidrCollectionResponse";
const _DHC = "DeleteHealthCheck";
const _DHCR = "DeleteHealthCheckRequest";
const _DHCRe = "DeleteHealthCheckResponse";
const _DHZ = "DeleteHostedZone";
const _DHZDNSSEC = "DisableHostedZoneDNSSEC";
const _DHZDNSSECR = "DisableHostedZoneDNSSECRequest";
const _DHZDNSSECRi = "DisableHostedZoneDNSSECResponse";
const _DHZR = "DeleteHostedZoneRequest";
const _DHZRe = "DeleteHostedZoneResponse";
const _DKSK = "DeactivateKeySigningKey";
const _DKSKR = "DeactivateKeySigningKeyRequest";
const _DKSKRe = "DeactivateKeySigningKeyResponse";
const _DKSKRel = "DeleteKeySigningKeyRequest";
const _DKSKRele = "DeleteKeySigningKeyResponse";
const _DKSKe = "DeleteKeySigningKey";
const _DL = "DimensionList";
const _DNSKEYR = "DNSKEYRecord";
const _DNSN = "DNSName";
const _DNSSECNF = "DNSSECNotFound";
const _DNSSECS = "DNSSECStatus";
const _DQLC = "DeleteQueryLoggingConfig";
const _DQLCR = "DeleteQueryLoggingConfigRequest";
const _DQLCRe = "DeleteQueryLoggingConfigResponse";
const _DRDS = "DeleteReusableDelegationSet";
const _DRDSR = "DeleteReusableDelegationSetRequest";
const _DRDSRe = "DeleteReusableDelegationSetResponse";
const _DRRSP = "DeleteResourceRecordSetProtections";
const _DRRSPR = "DeleteResourceRecordSetProtectionsRequest";
const _DRRSPRe = "DeleteResourceRecordSetProtectionsResponse";
const _DS = "DelegationSet";
const _DSAC = "DelegationSetAlreadyCreated";
const _DSAR = "DelegationSetAlreadyReusable";
const _DSI = "DelegationSetId";
const _DSIU = "DelegationSetInUse";
const _DSNA = "DelegationSetNotAvailable";
const _DSNR = "DelegationSetNotReusable";
const _DSNS = "DelegationSetNameServers";
const _DSR = "DSRecord";
const _DSe = "DelegationSets";
const _DTP = "DeleteTrafficPolicy";
const _DTPI = "DeleteTrafficPolicyInstance";
const _DTPIR = "DeleteTrafficPolicyInstanceRequest";
const _DTPIRe = "DeleteTrafficPolicyInstanceResponse";
const _DTPR = "DeleteTrafficPolicyRequest";
const _DTPRe = "DeleteTrafficPolicyResponse";
const _DV = "DigestValue";
const _DVPCAA = "DeleteVPCAssociationAuthorization";
const _DVPCAAR = "DeleteVPCAssociationAuthorizationRequest";
const _DVPCAARe = "DeleteVPCAssociationAuthorizationResponse";
const _DVPCFHZ = "DisassociateVPCFromHostedZone";
const _DVPCFHZR = "DisassociateVPCFromHostedZoneRequest";
const _DVPCFHZRi = "DisassociateVPCFromHostedZoneResponse";
const _De = "Description";
const _Di = "Dimension";
const _Dis = "Disabled";
const _Do = "Document";
const _E = "Errors";
const _EAR = "EnableAcceleratedRecovery";
const _EDNSCSIP = "EDNS0ClientSubnetIP";
const _EDNSCSM = "EDNS0ClientSubnetMask";
const _EHZDNSSEC = "EnableHostedZoneDNSSEC";
const _EHZDNSSECR = "EnableHostedZoneDNSSECRequest";
const _EHZDNSSECRn = "EnableHostedZoneDNSSECResponse";
const _EM = "ErrorMessages";
const _EP = "EvaluationPeriods";
const _ESNI = "EnableSNI";
const _ETH = "EvaluateTargetHealth";
const _F = "Features";
const _FQDN = "FullyQualifiedDomainName";
const _FR = "FailureReasons";
const _FT = "FailureThreshold";
const _Fa = "Failover";
const _Fl = "Flag";
const _GAL = "GetAccountLimit";
const _GALR = "GetAccountLimitRequest";
const _GALRe = "GetAccountLimitResponse";
const _GC = "GetChange";
const _GCIR = "GetCheckerIpRanges";
const _GCIRR = "GetCheckerIpRangesRequest";
const _GCIRRe = "GetCheckerIpRangesResponse";
const _GCR = "GetChangeRequest";
const _GCRe = "GetChangeResponse";
const _GDNSSEC = "GetDNSSEC";
const _GDNSSECR = "GetDNSSECRequest";
const _GDNSSECRe = "GetDNSSECResponse";
const _GGL = "GetGeoLocation";
const _GGLR = "GetGeoLocationRequest";
const _GGLRe = "GetGeoLocationResponse";
const _GHC = "GetHealthCheck";
const _GHCC = "GetHealthCheckCount";
const _GHCCR = "GetHealthCheckCountRequest";
const _GHCCRe = "GetHealthCheckCountResponse";
const _GHCLFR = "GetHealthCheckLastFailureReason";
const _GHCLFRR = "GetHealthCheckLastFailureReasonRequest";
const _GHCLFRRe = "GetHealthCheckLastFailureReasonResponse";
const _GHCR = "GetHealthCheckRequest";
const _GHCRe = "GetHealthCheckResponse";
const _GHCS = "GetHealthCheckStatus";
const _GHCSR = "GetHealthCheckStatusRequest";
const _GHCSRe = "GetHealthCheckStatusResponse";
const _GHZ = "GetHostedZone";
const _GHZC = "GetHostedZoneCount";
const _GHZCR = "GetHostedZoneCountRequest";
const _GHZCRe = "GetHostedZoneCountResponse";
const _GHZL = "GetHostedZoneLimit";
const _GHZLR = "GetHostedZoneLimitRequest";
const _GHZLRe = "GetHostedZoneLimitResponse";
const _GHZR = "GetHostedZoneRequest";
const _GHZRe = "GetHostedZoneResponse";
const _GL = "GeoLocation";
const _GLD = "GeoLocationDetails";
const _GLDL = "GeoLocationDetailsList";
const _GPL = "GeoProximityLocation";
const _GQLC = "GetQueryLoggingConfig";
const _GQLCR = "GetQueryLoggingConfigRequest";
const _GQLCRe = "GetQueryLoggingConfigResponse";
const _GRDS = "GetReusableDelegationSet";
const _GRDSL = "GetReusableDelegationSetLimit";
const _GRDSLR = "GetReusableDelegationSetLimitRequest";
const _GRDSLRe = "GetReusableDelegationSetLimitResponse";
const _GRDSR = "GetReusableDelegationSetRequest";
const _GRDSRe = "GetReusableDelegationSetResponse";
const _GTP = "GetTrafficPolicy";
const _GTPI = "GetTrafficPolicyInstance";
const _GTPIC = "GetTrafficPolicyInstanceCount";
const _GTPICR = "GetTrafficPolicyInstanceCountRequest";
const _GTPICRe = "GetTrafficPolicyInstanceCountResponse";
const _GTPIR = "GetTrafficPolicyInstanceRequest";
const _GTPIRe = "GetTrafficPolicyInstanceResponse";
const _GTPR = "GetTrafficPolicyRequest";
const _GTPRe = "GetTrafficPolicyResponse";
const _HC = "HealthCheck";
const _HCAE = "HealthCheckAlreadyExists";
const _HCC = "HealthCheckConfig";
const _HCCe = "HealthCheckCount";
const _HCI = "HealthCheckId";
const _HCIU = "HealthCheckInUse";
const _HCO = "HealthCheckObservations";
const _HCOe = "HealthCheckObservation";
const _HCRL = "HealthCheckRegionList";
const _HCV = "HealthCheckVersion";
const _HCVM = "HealthCheckVersionMismatch";
const _HCe = "HealthChecks";
const _HT = "HealthThreshold";
const _HZ = "HostedZone";
const _HZAE = "HostedZoneAlreadyExists";
const _HZC = "HostedZoneConfig";
const _HZCo = "HostedZoneCount";
const _HZF = "HostedZoneFeatures";
const _HZFR = "HostedZoneFailureReasons";
const _HZI = "HostedZoneId";
const _HZIM = "HostedZoneIdMarker";
const _HZL = "HostedZoneLimit";
const _HZNE = "HostedZoneNotEmpty";
const _HZNF = "HostedZoneNotFound";
const _HZNP = "HostedZoneNotPrivate";
const _HZO = "HostedZoneOwner";
const _HZPD = "HostedZonePartiallyDelegated";
const _HZS = "HostedZoneSummary";
const _HZSo = "HostedZoneSummaries";
const _HZT = "HostedZoneType";
const _HZo = "HostedZones";
const _I = "Id";
const _IA = "InvalidArgument";
const _ICB = "InvalidChangeBatch";
const _ICWLRP = "InsufficientCloudWatchLogsResourcePolicy";
const _IDHS = "InsufficientDataHealthStatus";
const _IDN = "InvalidDomainName";
const _II = "InvalidInput";
const _IKMSA = "InvalidKMSArn";
const _IKSKN = "InvalidKeySigningKeyName";
const _IKSKS = "InvalidKeySigningKeyStatus";
const _IPA = "IPAddress";
const _IPT = "InvalidPaginationToken";
const _IRRSPB = "InvalidResourceRecordSetProtectionBatch";
const _ISS = "InvalidSigningStatus";
const _IT = "IsTruncated";
const _ITPD = "InvalidTrafficPolicyDocument";
const _IV = "IncompatibleVersion";
const _IVPCI = "InvalidVPCId";
const _In = "Inverted";
const _K = "Key";
const _KA = "KmsArn";
const _KMSA = "KeyManagementServiceArn";
const _KSK = "KeySigningKey";
const _KSKAE = "KeySigningKeyAlreadyExists";
const _KSKIPDSR = "KeySigningKeyInParentDSRecord";
const _KSKIU = "KeySigningKeyInUse";
const _KSKWASNF = "KeySigningKeyWithActiveStatusNotFound";
const _KSKe = "KeySigningKeys";
const _KT = "KeyTag";
const _L = "Latitude";
const _LCB = "ListCidrBlocks";
const _LCBR = "ListCidrBlocksRequest";
const _LCBRi = "ListCidrBlocksResponse";
const _LCC = "ListCidrCollections";
const _LCCR = "ListCidrCollectionsRequest";
const _LCCRi = "ListCidrCollectionsResponse";
const _LCL = "ListCidrLocations";
const _LCLR = "ListCidrLocationsRequest";
const _LCLRi = "ListCidrLocationsResponse";
const _LE = "LimitsExceeded";
const _LGL = "ListGeoLocations";
const _LGLR = "ListGeoLocationsRequest";
const _LGLRi = "ListGeoLocationsResponse";
const _LHC = "ListHealthChecks";
const _LHCR = "ListHealthChecksRequest";
const _LHCRi = "ListHealthChecksResponse";
const _LHZ = "ListHostedZones";
const _LHZBN = "ListHostedZonesByName";
const _LHZBNR = "ListHostedZonesByNameRequest";
const _LHZBNRi = "ListHostedZonesByNameResponse";
const _LHZBVPC = "ListHostedZonesByVPC";
const _LHZBVPCR = "ListHostedZonesByVPCRequest";
const _LHZBVPCRi = "ListHostedZonesByVPCResponse";
const _LHZR = "ListHostedZonesRequest";
const _LHZRi = "ListHostedZonesResponse";
const _LMD = "LastModifiedDate";
const _LN = "LocationName";
const _LQLC = "ListQueryLoggingConfigs";
const _LQLCR = "ListQueryLoggingConfigsRequest";
const _LQLCRi = "ListQueryLoggingConfigsResponse";
const _LRDS = "ListReusableDelegationSets";
const _LRDSR = "ListReusableDelegationSetsRequest";
const _LRDSRi = "ListReusableDelegationSetsResponse";
const _LRRS = "ListResourceRecordSets";
const _LRRSP = "ListResourceRecordSetProtections";
const _LRRSPR = "ListResourceRecordSetProtectionsRequest";
const _LRRSPRi = "ListResourceRecordSetProtectionsResponse";
const _LRRSR = "ListResourceRecordSetsRequest";
const _LRRSRi = "ListResourceRecordSetsResponse";
const _LS = "LinkedService";
const _LSo = "LocationSummary";
const _LSoc = "LocationSummaries";
const _LTFR = "ListTagsForResource";
const _LTFRR = "ListTagsForResourceRequest";
const _LTFRRi = "ListTagsForResourceResponse";
const _LTFRRis = "ListTagsForResourcesRequest";
const _LTFRRist = "ListTagsForResourcesResponse";
const _LTFRi = "ListTagsForResources";
const _LTP = "ListTrafficPolicies";
const _LTPI = "ListTrafficPolicyInstances";
const _LTPIBHZ = "ListTrafficPolicyInstancesByHostedZone";
const _LTPIBHZR = "ListTrafficPolicyInstancesByHostedZoneRequest";
const _LTPIBHZRi = "ListTrafficPolicyInstancesByHostedZoneResponse";
const _LTPIBP = "ListTrafficPolicyInstancesByPolicy";
const _LTPIBPR = "ListTrafficPolicyInstancesByPolicyRequest";
const _LTPIBPRi = "ListTrafficPolicyInstancesByPolicyResponse";
const _LTPIR = "ListTrafficPolicyInstancesRequest";
const _LTPIRi = "ListTrafficPolicyInstancesResponse";
const _LTPR = "ListTrafficPoliciesRequest";
const _LTPRi = "ListTrafficPoliciesResponse";
const _LTPV = "ListTrafficPolicyVersions";
const _LTPVR = "ListTrafficPolicyVersionsRequest";
const _LTPVRi = "ListTrafficPolicyVersionsResponse";
const _LV = "LatestVersion";
const _LVPCA = "LastVPCAssociation";
const _LVPCAA = "ListVPCAssociationAuthorizations";
const _LVPCAAR = "ListVPCAssociationAuthorizationsRequest";
const _LVPCAARi = "ListVPCAssociationAuthorizationsResponse";
const _LZG = "LocalZoneGroup";
const _Li = "Limit";
const _Lo = "Longitude";
const _Loc = "Location";
const _M = "Message";
const _MI = "MaxItems";
const _ML = "MeasureLatency";
const _MN = "MetricName";
const _MR = "MaxResults";
const _MVA = "MultiValueAnswer";
const _Ma = "Marker";
const _N = "Name";
const _NAE = "NotAuthorizedException";
const _NCC = "NextContinentCode";
const _NCCe = "NextCountryCode";
const _NDNSN = "NextDNSName";
const _NHZI = "NextHostedZoneId";
const _NM = "NextMarker";
const _NRI = "NextRecordIdentifier";
const _NRN = "NextRecordName";
const _NRT = "NextRecordType";
const _NS = "NameServers";
const _NSC = "NoSuchChange";
const _NSCCE = "NoSuchCidrCollectionException";
const _NSCLE = "NoSuchCidrLocationException";
const _NSCWLLG = "NoSuchCloudWatchLogsLogGroup";
const _NSCe = "NextSubdivisionCode";
const _NSDS = "NoSuchDelegationSet";
const _NSGL = "NoSuchGeoLocation";
const _NSHC = "NoSuchHealthCheck";
const _NSHZ = "NoSuchHostedZone";
const _NSKSK = "NoSuchKeySigningKey";
const _NSQLC = "NoSuchQueryLoggingConfig";
const _NSTP = "NoSuchTrafficPolicy";
const _NSTPI = "NoSuchTrafficPolicyInstance";
const _NSa = "NameServer";
const _NT = "NextToken";
const _Na = "Namespace";
const _Nam = "Nameserver";
const _O = "Owner";
const _OA = "OwningAccount";
const _OS = "OwningService";
const _P = "Period";
const _PAE = "ProtectionAlreadyExists";
const _PE = "ProtectionError";
const _PEr = "ProtectionErrors";
const _PK = "PublicKey";
const _PRNC = "PriorRequestNotComplete";
const _PZ = "PrivateZone";
const _PZVPCA = "PublicZoneVPCAssociation";
const _Po = "Port";
const _Pr = "Protections";
const _Pro = "Protocol";
const _QLC = "QueryLoggingConfig";
const _QLCAE = "QueryLoggingConfigAlreadyExists";
const _QLCu = "QueryLoggingConfigs";
const _R = "Region";
const _RC = "ResponseCode";
const _RCA = "RoutingControlArn";
const _RD = "RecordData";
const _RDE = "RecordDataEntry";
const _RDSL = "ReusableDelegationSetLimit";
const _RE = "ResetElements";
const _REN = "ResettableElementName";
const _RENL = "ResettableElementNameList";
const _RI = "ResourceId";
const _RIP = "ResolverIP";
const _RIe = "RequestInterval";
const _RIes = "ResourceIds";
const _RN = "RecordName";
const _RP = "ResourcePath";
const _RR = "ResourceRecord";
const _RRS = "ResourceRecordSet";
const _RRSC = "ResourceRecordSetCount";
const _RRSP = "ResourceRecordSetProtections";
const _RRSPC = "ResourceRecordSetProtectionConfig";
const _RRSPCB = "ResourceRecordSetProtectionConfigBatch";
const _RRSPK = "ResourceRecordSetProtectionKey";
const _RRSPKB = "ResourceRecordSetProtectionKeyBatch";
const _RRSPe = "ResourceRecordSetProtection";
const _RRSe = "ResourceRecordSets";
const _RRe = "ResourceRecords";
const _RT = "ResourceType";
const _RTK = "RemoveTagKeys";
const _RTS = "ResourceTagSet";
const _RTSL = "ResourceTagSetList";
const _RTSe = "ResourceTagSets";
const _RTe = "RecordType";
const _Re = "Regions";
const _S = "Status";
const _SA = "SubmittedAt";
const _SAM = "SigningAlgorithmMnemonic";
const _SAT = "SigningAlgorithmType";
const _SC = "SubdivisionCode";
const _SCC = "StartContinentCode";
const _SCCt = "StartCountryCode";
const _SI = "SetIdentifier";
const _SM = "StatusMessage";
const _SN = "SubdivisionName";
const _SP = "ServicePrincipal";
const _SR = "StatusReport";
const _SRI = "StartRecordIdentifier";
const _SRN = "StartRecordName";
const _SRT = "StartRecordType";
const _SS = "ServeSignature";
const _SSC = "StartSubdivisionCode";
const _SSe = "SearchString";
const _St = "Statistic";
const _Sta = "State";
const _T = "Type";
const _TDNSA = "TestDNSAnswer";
const _TDNSAR = "TestDNSAnswerRequest";
const _TDNSARe = "TestDNSAnswerResponse";
const _TE = "ThrottlingException";
const _TKL = "TagKeyList";
const _TL = "TagList";
const _TMHC = "TooManyHealthChecks";
const _TMHZ = "TooManyHostedZones";
const _TMKSK = "TooManyKeySigningKeys";
const _TMTP = "TooManyTrafficPolicies";
const _TMTPI = "TooManyTrafficPolicyInstances";
const _TMTPVFCP = "TooManyTrafficPolicyVersionsForCurrentPolicy";
const _TMVPCAA = "TooManyVPCAssociationAuthorizations";
const _TP = "TrafficPolicy";
const _TPAE = "TrafficPolicyAlreadyExists";
const _TPC = "TrafficPolicyCount";
const _TPI = "TrafficPolicyId";
const _TPIAE = "TrafficPolicyInstanceAlreadyExists";
const _TPIC = "TrafficPolicyInstanceCount";
const _TPII = "TrafficPolicyInstanceId";
const _TPIM = "TrafficPolicyIdMarker";
const _TPINM = "TrafficPolicyInstanceNameMarker";
const _TPITM = "TrafficPolicyInstanceTypeMarker";
const _TPIU = "TrafficPolicyInUse";
const _TPIr = "TrafficPolicyInstance";
const _TPIra = "TrafficPolicyInstances";
const _TPS = "TrafficPolicySummaries";
const _TPSr = "TrafficPolicySummary";
const _TPT = "TrafficPolicyType";
const _TPV = "TrafficPolicyVersion";
const _TPVM = "TrafficPolicyVersionMarker";
const _TPr = "TrafficPolicies";
const _TRIL = "TagResourceIdList";
const _TTL = "TTL";
const _Ta = "Tags";
const _Tag = "Tag";
const _Th = "Threshold";
const _UHC = "UpdateHealthCheck";
const _UHCR = "UpdateHealthCheckRequest";
const _UHCRp = "UpdateHealthCheckResponse";
const _UHZC = "UpdateHostedZoneComment";
const _UHZCR = "UpdateHostedZoneCommentRequest";
const _UHZCRp = "UpdateHostedZoneCommentResponse";
const _UHZF = "UpdateHostedZoneFeatures";
const _UHZFR = "UpdateHostedZoneFeaturesRequest";
const _UHZFRp = "UpdateHostedZoneFeaturesResponse";
const _UTPC = "UpdateTrafficPolicyComment";
const _UTPCR = "UpdateTrafficPolicyCommentRequest";
const _UTPCRp = "UpdateTrafficPolicyCommentResponse";
const _UTPI = "UpdateTrafficPolicyInstance";
const _UTPIR = "UpdateTrafficPolicyInstanceRequest";
const _UTPIRp = "UpdateTrafficPolicyInstanceResponse";
const _V = "Value";
const _VPC = "VPC";
const _VPCAANF = "VPCAssociationAuthorizationNotFound";
const _VPCANF = "VPCAssociationNotFound";
const _VPCI = "VPCId";
const _VPCR = "VPCRegion";
const _VPCs = "VPCs";
const _Ve = "Version";
const _W = "Weight";
const _aQE = "awsQueryError";
const _c = "client";
const _co = "continentcode";
const _cou = "countrycode";
const _d = "dnsname";
const _de = "delegationsetid";
const _e = "error";
const _ed = "edns0clientsubnetip";
const _edn = "edns0clientsubnetmask";
const _h = "hostedzoneid";
const _hE = "httpError";
const _hH = "httpHeader";
const _hQ = "httpQuery";
const _ho = "hostedzonetype";
const _ht = "http";
const _i = "identifier";
const _id = "id";
const _l = "location";
const _m = "message";
const _ma = "maxresults";
const _mar = "marker";
const _max = "maxitems";
const _me = "messages";
const _n = "nexttoken";
const _na = "name";
const _r = "recordname";
const _re = "recordtype";
const _res = "resolverip";
const _s = "smithy.ts.sdk.synthetic.com.amazonaws.route53";
const _st = "startcontinentcode";
const _sta = "startcountrycode";
const _star = "startsubdivisioncode";
const _su = "subdivisioncode";
const _t = "type";
const _tr = "trafficpolicyid";
const _tra = "trafficpolicyinstancename";
const _traf = "trafficpolicyinstancetype";
const _traff = "trafficpolicyversion";
const _v = "vpcid";
const _ve = "version";
const _vp = "vpcregion";
const _xN = "xmlName";
const n0 = "com.amazonaws.route53";



const _s_registry = new TypeRegistry/* TypeRegistry */.O(_s);
var Route53ServiceException$ = [-3, _s, "Route53ServiceException", 0, [], []];
_s_registry.registerError(Route53ServiceException$, Route53ServiceException);
const n0_registry = new TypeRegistry/* TypeRegistry */.O(n0);
var CidrBlockInUseException$ = [-3, n0, _CBIUE,
    { [_e]: _c, [_hE]: 400 },
    [_M],
    [0]
];
n0_registry.registerError(CidrBlockInUseException$, CidrBlockInUseException);
var CidrCollectionAlreadyExistsException$ = [-3, n0, _CCAEE,
    { [_e]: _c },
    [_M],
    [0]
];
n0_registry.registerError(CidrCollectionAlreadyExistsException$, CidrCollectionAlreadyExistsException);
var CidrCollectionInUseException$ = [-3, n0, _CCIUE,
    { [_e]: _c, [_hE]: 400 },
    [_M],
    [0]
];
n0_registry.registerError(CidrCollectionInUseException$, CidrCollectionInUseException);
var CidrCollectionVersionMismatchException$ = [-3, n0, _CCVME,
    { [_e]: _c, [_hE]: 409 },
    [_M],
    [0]
];
n0_registry.registerError(CidrCollectionVersionMismatchException$, CidrCollectionVersionMismatchException);
var ConcurrentModification$ = [-3, n0, _CM,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(ConcurrentModification$, ConcurrentModification);
var ConflictingDomainExists$ = [-3, n0, _CDE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ConflictingDomainExists$, ConflictingDomainExists);
var ConflictingTypes$ = [-3, n0, _CT,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(ConflictingTypes$, ConflictingTypes);
var DelegationSetAlreadyCreated$ = [-3, n0, _DSAC,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(DelegationSetAlreadyCreated$, DelegationSetAlreadyCreated);
var DelegationSetAlreadyReusable$ = [-3, n0, _DSAR,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(DelegationSetAlreadyReusable$, DelegationSetAlreadyReusable);
var DelegationSetInUse$ = [-3, n0, _DSIU,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(DelegationSetInUse$, DelegationSetInUse);
var DelegationSetNotAvailable$ = [-3, n0, _DSNA,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(DelegationSetNotAvailable$, DelegationSetNotAvailable);
var DelegationSetNotReusable$ = [-3, n0, _DSNR,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(DelegationSetNotReusable$, DelegationSetNotReusable);
var DNSSECNotFound$ = [-3, n0, _DNSSECNF,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(DNSSECNotFound$, DNSSECNotFound);
var HealthCheckAlreadyExists$ = [-3, n0, _HCAE,
    { [_e]: _c, [_hE]: 409 },
    [_m],
    [0]
];
n0_registry.registerError(HealthCheckAlreadyExists$, HealthCheckAlreadyExists);
var HealthCheckInUse$ = [-3, n0, _HCIU,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(HealthCheckInUse$, HealthCheckInUse);
var HealthCheckVersionMismatch$ = [-3, n0, _HCVM,
    { [_e]: _c, [_hE]: 409 },
    [_m],
    [0]
];
n0_registry.registerError(HealthCheckVersionMismatch$, HealthCheckVersionMismatch);
var HostedZoneAlreadyExists$ = [-3, n0, _HZAE,
    { [_e]: _c, [_hE]: 409 },
    [_m],
    [0]
];
n0_registry.registerError(HostedZoneAlreadyExists$, HostedZoneAlreadyExists);
var HostedZoneNotEmpty$ = [-3, n0, _HZNE,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(HostedZoneNotEmpty$, HostedZoneNotEmpty);
var HostedZoneNotFound$ = [-3, n0, _HZNF,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(HostedZoneNotFound$, HostedZoneNotFound);
var HostedZoneNotPrivate$ = [-3, n0, _HZNP,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(HostedZoneNotPrivate$, HostedZoneNotPrivate);
var HostedZonePartiallyDelegated$ = [-3, n0, _HZPD,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(HostedZonePartiallyDelegated$, HostedZonePartiallyDelegated);
var IncompatibleVersion$ = [-3, n0, _IV,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(IncompatibleVersion$, IncompatibleVersion);
var InsufficientCloudWatchLogsResourcePolicy$ = [-3, n0, _ICWLRP,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(InsufficientCloudWatchLogsResourcePolicy$, InsufficientCloudWatchLogsResourcePolicy);
var InvalidArgument$ = [-3, n0, _IA,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidArgument$, InvalidArgument);
var InvalidChangeBatch$ = [-3, n0, _ICB,
    { [_e]: _c },
    [_me, _m],
    [[() => ErrorMessages, 0], 0]
];
n0_registry.registerError(InvalidChangeBatch$, InvalidChangeBatch);
var InvalidDomainName$ = [-3, n0, _IDN,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(InvalidDomainName$, InvalidDomainName);
var InvalidInput$ = [-3, n0, _II,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(InvalidInput$, InvalidInput);
var InvalidKeySigningKeyName$ = [-3, n0, _IKSKN,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(InvalidKeySigningKeyName$, InvalidKeySigningKeyName);
var InvalidKeySigningKeyStatus$ = [-3, n0, _IKSKS,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(InvalidKeySigningKeyStatus$, InvalidKeySigningKeyStatus);
var InvalidKMSArn$ = [-3, n0, _IKMSA,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidKMSArn$, InvalidKMSArn);
var InvalidPaginationToken$ = [-3, n0, _IPT,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(InvalidPaginationToken$, InvalidPaginationToken);
var InvalidResourceRecordSetProtectionBatch$ = [-3, n0, _IRRSPB,
    { [_aQE]: [`InvalidResourceRecordSetProtectionBatch`, 400], [_e]: _c, [_hE]: 400 },
    [_E, _M],
    [[() => ProtectionErrors, 0], 0], 1
];
n0_registry.registerError(InvalidResourceRecordSetProtectionBatch$, InvalidResourceRecordSetProtectionBatch);
var InvalidSigningStatus$ = [-3, n0, _ISS,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidSigningStatus$, InvalidSigningStatus);
var InvalidTrafficPolicyDocument$ = [-3, n0, _ITPD,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(InvalidTrafficPolicyDocument$, InvalidTrafficPolicyDocument);
var InvalidVPCId$ = [-3, n0, _IVPCI,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(InvalidVPCId$, InvalidVPCId);
var KeySigningKeyAlreadyExists$ = [-3, n0, _KSKAE,
    { [_e]: _c, [_hE]: 409 },
    [_m],
    [0]
];
n0_registry.registerError(KeySigningKeyAlreadyExists$, KeySigningKeyAlreadyExists);
var KeySigningKeyInParentDSRecord$ = [-3, n0, _KSKIPDSR,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(KeySigningKeyInParentDSRecord$, KeySigningKeyInParentDSRecord);
var KeySigningKeyInUse$ = [-3, n0, _KSKIU,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(KeySigningKeyInUse$, KeySigningKeyInUse);
var KeySigningKeyWithActiveStatusNotFound$ = [-3, n0, _KSKWASNF,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(KeySigningKeyWithActiveStatusNotFound$, KeySigningKeyWithActiveStatusNotFound);
var LastVPCAssociation$ = [-3, n0, _LVPCA,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(LastVPCAssociation$, LastVPCAssociation);
var LimitsExceeded$ = [-3, n0, _LE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(LimitsExceeded$, LimitsExceeded);
var NoSuchChange$ = [-3, n0, _NSC,
    { [_e]: _c, [_hE]: 404 },
    [_m],
    [0]
];
n0_registry.registerError(NoSuchChange$, NoSuchChange);
var NoSuchCidrCollectionException$ = [-3, n0, _NSCCE,
    { [_e]: _c, [_hE]: 404 },
    [_M],
    [0]
];
n0_registry.registerError(NoSuchCidrCollectionException$, NoSuchCidrCollectionException);
var NoSuchCidrLocationException$ = [-3, n0, _NSCLE,
    { [_e]: _c, [_hE]: 404 },
    [_M],
    [0]
];
n0_registry.registerError(NoSuchCidrLocationException$, NoSuchCidrLocationException);
var NoSuchCloudWatchLogsLogGroup$ = [-3, n0, _NSCWLLG,
    { [_e]: _c, [_hE]: 404 },
    [_m],
    [0]
];
n0_registry.registerError(NoSuchCloudWatchLogsLogGroup$, NoSuchCloudWatchLogsLogGroup);
var NoSuchDelegationSet$ = [-3, n0, _NSDS,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(NoSuchDelegationSet$, NoSuchDelegationSet);
var NoSuchGeoLocation$ = [-3, n0, _NSGL,
    { [_e]: _c, [_hE]: 404 },
    [_m],
    [0]
];
n0_registry.registerError(NoSuchGeoLocation$, NoSuchGeoLocation);
var NoSuchHealthCheck$ = [-3, n0, _NSHC,
    { [_e]: _c, [_hE]: 404 },
    [_m],
    [0]
];
n0_registry.registerError(NoSuchHealthCheck$, NoSuchHealthCheck);
var NoSuchHostedZone$ = [-3, n0, _NSHZ,
    { [_e]: _c, [_hE]: 404 },
    [_m],
    [0]
];
n0_registry.registerError(NoSuchHostedZone$, NoSuchHostedZone);
var NoSuchKeySigningKey$ = [-3, n0, _NSKSK,
    { [_e]: _c, [_hE]: 404 },
    [_m],
    [0]
];
n0_registry.registerError(NoSuchKeySigningKey$, NoSuchKeySigningKey);
var NoSuchQueryLoggingConfig$ = [-3, n0, _NSQLC,
    { [_e]: _c, [_hE]: 404 },
    [_m],
    [0]
];
n0_registry.registerError(NoSuchQueryLoggingConfig$, NoSuchQueryLoggingConfig);
var NoSuchTrafficPolicy$ = [-3, n0, _NSTP,
    { [_e]: _c, [_hE]: 404 },
    [_m],
    [0]
];
n0_registry.registerError(NoSuchTrafficPolicy$, NoSuchTrafficPolicy);
var NoSuchTrafficPolicyInstance$ = [-3, n0, _NSTPI,
    { [_e]: _c, [_hE]: 404 },
    [_m],
    [0]
];
n0_registry.registerError(NoSuchTrafficPolicyInstance$, NoSuchTrafficPolicyInstance);
var NotAuthorizedException$ = [-3, n0, _NAE,
    { [_e]: _c, [_hE]: 401 },
    [_m],
    [0]
];
n0_registry.registerError(NotAuthorizedException$, NotAuthorizedException);
var PriorRequestNotComplete$ = [-3, n0, _PRNC,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(PriorRequestNotComplete$, PriorRequestNotComplete);
var ProtectionAlreadyExists$ = [-3, n0, _PAE,
    { [_aQE]: [`ProtectionAlreadyExists`, 409], [_e]: _c, [_hE]: 409 },
    [_E, _M],
    [[() => ProtectionErrors, 0], 0], 1
];
n0_registry.registerError(ProtectionAlreadyExists$, ProtectionAlreadyExists);
var PublicZoneVPCAssociation$ = [-3, n0, _PZVPCA,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(PublicZoneVPCAssociation$, PublicZoneVPCAssociation);
var QueryLoggingConfigAlreadyExists$ = [-3, n0, _QLCAE,
    { [_e]: _c, [_hE]: 409 },
    [_m],
    [0]
];
n0_registry.registerError(QueryLoggingConfigAlreadyExists$, QueryLoggingConfigAlreadyExists);
var ThrottlingException$ = [-3, n0, _TE,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(ThrottlingException$, ThrottlingException);
var TooManyHealthChecks$ = [-3, n0, _TMHC,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(TooManyHealthChecks$, TooManyHealthChecks);
var TooManyHostedZones$ = [-3, n0, _TMHZ,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(TooManyHostedZones$, TooManyHostedZones);
var TooManyKeySigningKeys$ = [-3, n0, _TMKSK,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(TooManyKeySigningKeys$, TooManyKeySigningKeys);
var TooManyTrafficPolicies$ = [-3, n0, _TMTP,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(TooManyTrafficPolicies$, TooManyTrafficPolicies);
var TooManyTrafficPolicyInstances$ = [-3, n0, _TMTPI,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(TooManyTrafficPolicyInstances$, TooManyTrafficPolicyInstances);
var TooManyTrafficPolicyVersionsForCurrentPolicy$ = [-3, n0, _TMTPVFCP,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(TooManyTrafficPolicyVersionsForCurrentPolicy$, TooManyTrafficPolicyVersionsForCurrentPolicy);
var TooManyVPCAssociationAuthorizations$ = [-3, n0, _TMVPCAA,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(TooManyVPCAssociationAuthorizations$, TooManyVPCAssociationAuthorizations);
var TrafficPolicyAlreadyExists$ = [-3, n0, _TPAE,
    { [_e]: _c, [_hE]: 409 },
    [_m],
    [0]
];
n0_registry.registerError(TrafficPolicyAlreadyExists$, TrafficPolicyAlreadyExists);
var TrafficPolicyInstanceAlreadyExists$ = [-3, n0, _TPIAE,
    { [_e]: _c, [_hE]: 409 },
    [_m],
    [0]
];
n0_registry.registerError(TrafficPolicyInstanceAlreadyExists$, TrafficPolicyInstanceAlreadyExists);
var TrafficPolicyInUse$ = [-3, n0, _TPIU,
    { [_e]: _c, [_hE]: 400 },
    [_m],
    [0]
];
n0_registry.registerError(TrafficPolicyInUse$, TrafficPolicyInUse);
var VPCAssociationAuthorizationNotFound$ = [-3, n0, _VPCAANF,
    { [_e]: _c, [_hE]: 404 },
    [_m],
    [0]
];
n0_registry.registerError(VPCAssociationAuthorizationNotFound$, VPCAssociationAuthorizationNotFound);
var VPCAssociationNotFound$ = [-3, n0, _VPCANF,
    { [_e]: _c, [_hE]: 404 },
    [_m],
    [0]
];
n0_registry.registerError(VPCAssociationNotFound$, VPCAssociationNotFound);
const errorTypeRegistries = [
    _s_registry,
    n0_registry,
];
var AccountLimit$ = [3, n0, _AL,
    0,
    [_T, _V],
    [0, 1], 2
];
var ActivateKeySigningKeyRequest$ = [3, n0, _AKSKR,
    0,
    [_HZI, _N],
    [[0, 1], [0, 1]], 2
];
var ActivateKeySigningKeyResponse$ = [3, n0, _AKSKRc,
    0,
    [_CI],
    [() => ChangeInfo$], 1
];
var AlarmIdentifier$ = [3, n0, _AI,
    0,
    [_R, _N],
    [0, 0], 2
];
var AliasTarget$ = [3, n0, _AT,
    0,
    [_HZI, _DNSN, _ETH],
    [0, 0, 2], 3
];
var AssociateVPCWithHostedZoneRequest$ = [3, n0, _AVPCWHZR,
    0,
    [_HZI, _VPC, _C],
    [[0, 1], () => VPC$, 0], 2
];
var AssociateVPCWithHostedZoneResponse$ = [3, n0, _AVPCWHZRs,
    0,
    [_CI],
    [() => ChangeInfo$], 1
];
var Change$ = [3, n0, _Ch,
    0,
    [_A, _RRS],
    [0, [() => ResourceRecordSet$, 0]], 2
];
var ChangeBatch$ = [3, n0, _CB,
    0,
    [_Cha, _C],
    [[() => Changes, 0], 0], 1
];
var ChangeCidrCollectionRequest$ = [3, n0, _CCCR,
    0,
    [_I, _Cha, _CV],
    [[0, 1], [() => CidrCollectionChanges, 0], 1], 2
];
var ChangeCidrCollectionResponse$ = [3, n0, _CCCRh,
    0,
    [_I],
    [0], 1
];
var ChangeInfo$ = [3, n0, _CI,
    0,
    [_I, _S, _SA, _C],
    [0, 0, 4, 0], 3
];
var ChangeResourceRecordSetsRequest$ = [3, n0, _CRRSR,
    0,
    [_HZI, _CB],
    [[0, 1], [() => ChangeBatch$, 0]], 2
];
var ChangeResourceRecordSetsResponse$ = [3, n0, _CRRSRh,
    0,
    [_CI],
    [() => ChangeInfo$], 1
];
var ChangeTagsForResourceRequest$ = [3, n0, _CTFRR,
    0,
    [_RT, _RI, _ATd, _RTK],
    [[0, 1], [0, 1], [() => TagList, 0], [() => TagKeyList, 0]], 2
];
var ChangeTagsForResourceResponse$ = [3, n0, _CTFRRh,
    0,
    [],
    []
];
var CidrBlockSummary$ = [3, n0, _CBS,
    0,
    [_CBi, _LN],
    [0, 0]
];
var CidrCollection$ = [3, n0, _CC,
    0,
    [_Ar, _I, _N, _Ve],
    [0, 0, 0, 1]
];
var CidrCollectionChange$ = [3, n0, _CCC,
    0,
    [_LN, _A, _CL],
    [0, 0, [() => CidrList, 0]], 3
];
var CidrRoutingConfig$ = [3, n0, _CRC,
    0,
    [_CIo, _LN],
    [0, 0], 2
];
var CloudWatchAlarmConfiguration$ = [3, n0, _CWAC,
    0,
    [_EP, _Th, _CO, _P, _MN, _Na, _St, _D],
    [1, 1, 0, 1, 0, 0, 0, [() => DimensionList, 0]], 7
];
var CollectionSummary$ = [3, n0, _CS,
    0,
    [_Ar, _I, _N, _Ve],
    [0, 0, 0, 1]
];
var Coordinates$ = [3, n0, _Co,
    0,
    [_L, _Lo],
    [0, 0], 2
];
var CreateCidrCollectionRequest$ = [3, n0, _CCCRr,
    0,
    [_N, _CR],
    [0, 0], 2
];
var CreateCidrCollectionResponse$ = [3, n0, _CCCRre,
    0,
    [_Col, _Loc],
    [() => CidrCollection$, [0, { [_hH]: _Loc }]]
];
var CreateHealthCheckRequest$ = [3, n0, _CHCR,
    0,
    [_CR, _HCC],
    [0, [() => HealthCheckConfig$, 0]], 2
];
var CreateHealthCheckResponse$ = [3, n0, _CHCRr,
    0,
    [_HC, _Loc],
    [[() => HealthCheck$, 0], [0, { [_hH]: _Loc }]], 2
];
var CreateHostedZoneRequest$ = [3, n0, _CHZR,
    0,
    [_N, _CR, _VPC, _HZC, _DSI],
    [0, 0, () => VPC$, () => HostedZoneConfig$, 0], 2
];
var CreateHostedZoneResponse$ = [3, n0, _CHZRr,
    0,
    [_HZ, _CI, _DS, _Loc, _VPC],
    [() => HostedZone$, () => ChangeInfo$, [() => DelegationSet$, 0], [0, { [_hH]: _Loc }], () => VPC$], 4
];
var CreateKeySigningKeyRequest$ = [3, n0, _CKSKR,
    0,
    [_CR, _HZI, _KMSA, _N, _S],
    [0, 0, 0, 0, 0], 5
];
var CreateKeySigningKeyResponse$ = [3, n0, _CKSKRr,
    0,
    [_CI, _KSK, _Loc],
    [() => ChangeInfo$, () => KeySigningKey$, [0, { [_hH]: _Loc }]], 3
];
var CreateQueryLoggingConfigRequest$ = [3, n0, _CQLCR,
    0,
    [_HZI, _CWLLGA],
    [0, 0], 2
];
var CreateQueryLoggingConfigResponse$ = [3, n0, _CQLCRr,
    0,
    [_QLC, _Loc],
    [() => QueryLoggingConfig$, [0, { [_hH]: _Loc }]], 2
];
var CreateResourceRecordSetProtectionsRequest$ = [3, n0, _CRRSPR,
    0,
    [_HZI, _Pr],
    [[0, 1], [() => ResourceRecordSetProtectionConfigBatch, 0]], 2
];
var CreateResourceRecordSetProtectionsResponse$ = [3, n0, _CRRSPRr,
    0,
    [],
    []
];
var CreateReusableDelegationSetRequest$ = [3, n0, _CRDSR,
    0,
    [_CR, _HZI],
    [0, 0], 1
];
var CreateReusableDelegationSetResponse$ = [3, n0, _CRDSRr,
    0,
    [_DS, _Loc],
    [[() => DelegationSet$, 0], [0, { [_hH]: _Loc }]], 2
];
var CreateTrafficPolicyInstanceRequest$ = [3, n0, _CTPIR,
    0,
    [_HZI, _N, _TTL, _TPI, _TPV],
    [0, 0, 1, 0, 1], 5
];
var CreateTrafficPolicyInstanceResponse$ = [3, n0, _CTPIRr,
    0,
    [_TPIr, _Loc],
    [() => TrafficPolicyInstance$, [0, { [_hH]: _Loc }]], 2
];
var CreateTrafficPolicyRequest$ = [3, n0, _CTPR,
    0,
    [_N, _Do, _C],
    [0, 0, 0], 2
];
var CreateTrafficPolicyResponse$ = [3, n0, _CTPRr,
    0,
    [_TP, _Loc],
    [() => TrafficPolicy$, [0, { [_hH]: _Loc }]], 2
];
var CreateTrafficPolicyVersionRequest$ = [3, n0, _CTPVR,
    0,
    [_I, _Do, _C],
    [[0, 1], 0, 0], 2
];
var CreateTrafficPolicyVersionResponse$ = [3, n0, _CTPVRr,
    0,
    [_TP, _Loc],
    [() => TrafficPolicy$, [0, { [_hH]: _Loc }]], 2
];
var CreateVPCAssociationAuthorizationRequest$ = [3, n0, _CVPCAAR,
    0,
    [_HZI, _VPC],
    [[0, 1], () => VPC$], 2
];
var CreateVPCAssociationAuthorizationResponse$ = [3, n0, _CVPCAARr,
    0,
    [_HZI, _VPC],
    [0, () => VPC$], 2
];
var DeactivateKeySigningKeyRequest$ = [3, n0, _DKSKR,
    0,
    [_HZI, _N],
    [[0, 1], [0, 1]], 2
];
var DeactivateKeySigningKeyResponse$ = [3, n0, _DKSKRe,
    0,
    [_CI],
    [() => ChangeInfo$], 1
];
var DelegationSet$ = [3, n0, _DS,
    0,
    [_NS, _I, _CR],
    [[() => DelegationSetNameServers, 0], 0, 0], 1
];
var DeleteCidrCollectionRequest$ = [3, n0, _DCCR,
    0,
    [_I],
    [[0, 1]], 1
];
var DeleteCidrCollectionResponse$ = [3, n0, _DCCRe,
    0,
    [],
    []
];
var DeleteHealthCheckRequest$ = [3, n0, _DHCR,
    0,
    [_HCI],
    [[0, 1]], 1
];
var DeleteHealthCheckResponse$ = [3, n0, _DHCRe,
    0,
    [],
    []
];
var DeleteHostedZoneRequest$ = [3, n0, _DHZR,
    0,
    [_I],
    [[0, 1]], 1
];
var DeleteHostedZoneResponse$ = [3, n0, _DHZRe,
    0,
    [_CI],
    [() => ChangeInfo$], 1
];
var DeleteKeySigningKeyRequest$ = [3, n0, _DKSKRel,
    0,
    [_HZI, _N],
    [[0, 1], [0, 1]], 2
];
var DeleteKeySigningKeyResponse$ = [3, n0, _DKSKRele,
    0,
    [_CI],
    [() => ChangeInfo$], 1
];
var DeleteQueryLoggingConfigRequest$ = [3, n0, _DQLCR,
    0,
    [_I],
    [[0, 1]], 1
];
var DeleteQueryLoggingConfigResponse$ = [3, n0, _DQLCRe,
    0,
    [],
    []
];
var DeleteResourceRecordSetProtectionsRequest$ = [3, n0, _DRRSPR,
    0,
    [_HZI, _Pr],
    [[0, 1], [() => ResourceRecordSetProtectionKeyBatch, 0]], 2
];
var DeleteResourceRecordSetProtectionsResponse$ = [3, n0, _DRRSPRe,
    0,
    [],
    []
];
var DeleteReusableDelegationSetRequest$ = [3, n0, _DRDSR,
    0,
    [_I],
    [[0, 1]], 1
];
var DeleteReusableDelegationSetResponse$ = [3, n0, _DRDSRe,
    0,
    [],
    []
];
var DeleteTrafficPolicyInstanceRequest$ = [3, n0, _DTPIR,
    0,
    [_I],
    [[0, 1]], 1
];
var DeleteTrafficPolicyInstanceResponse$ = [3, n0, _DTPIRe,
    0,
    [],
    []
];
var DeleteTrafficPolicyRequest$ = [3, n0, _DTPR,
    0,
    [_I, _Ve],
    [[0, 1], [1, 1]], 2
];
var DeleteTrafficPolicyResponse$ = [3, n0, _DTPRe,
    0,
    [],
    []
];
var DeleteVPCAssociationAuthorizationRequest$ = [3, n0, _DVPCAAR,
    0,
    [_HZI, _VPC],
    [[0, 1], () => VPC$], 2
];
var DeleteVPCAssociationAuthorizationResponse$ = [3, n0, _DVPCAARe,
    0,
    [],
    []
];
var Dimension$ = [3, n0, _Di,
    0,
    [_N, _V],
    [0, 0], 2
];
var DisableHostedZoneDNSSECRequest$ = [3, n0, _DHZDNSSECR,
    0,
    [_HZI],
    [[0, 1]], 1
];
var DisableHostedZoneDNSSECResponse$ = [3, n0, _DHZDNSSECRi,
    0,
    [_CI],
    [() => ChangeInfo$], 1
];
var DisassociateVPCFromHostedZoneRequest$ = [3, n0, _DVPCFHZR,
    0,
    [_HZI, _VPC, _C],
    [[0, 1], () => VPC$, 0], 2
];
var DisassociateVPCFromHostedZoneResponse$ = [3, n0, _DVPCFHZRi,
    0,
    [_CI],
    [() => ChangeInfo$], 1
];
var DNSSECStatus$ = [3, n0, _DNSSECS,
    0,
    [_SS, _SM],
    [0, 0]
];
var EnableHostedZoneDNSSECRequest$ = [3, n0, _EHZDNSSECR,
    0,
    [_HZI],
    [[0, 1]], 1
];
var EnableHostedZoneDNSSECResponse$ = [3, n0, _EHZDNSSECRn,
    0,
    [_CI],
    [() => ChangeInfo$], 1
];
var GeoLocation$ = [3, n0, _GL,
    0,
    [_CCo, _CCou, _SC],
    [0, 0, 0]
];
var GeoLocationDetails$ = [3, n0, _GLD,
    0,
    [_CCo, _CN, _CCou, _CNo, _SC, _SN],
    [0, 0, 0, 0, 0, 0]
];
var GeoProximityLocation$ = [3, n0, _GPL,
    0,
    [_AWSR, _LZG, _Co, _B],
    [0, 0, () => Coordinates$, 1]
];
var GetAccountLimitRequest$ = [3, n0, _GALR,
    0,
    [_T],
    [[0, 1]], 1
];
var GetAccountLimitResponse$ = [3, n0, _GALRe,
    0,
    [_Li, _Cou],
    [() => AccountLimit$, 1], 2
];
var GetChangeRequest$ = [3, n0, _GCR,
    0,
    [_I],
    [[0, 1]], 1
];
var GetChangeResponse$ = [3, n0, _GCRe,
    0,
    [_CI],
    [() => ChangeInfo$], 1
];
var GetCheckerIpRangesRequest$ = [3, n0, _GCIRR,
    0,
    [],
    []
];
var GetCheckerIpRangesResponse$ = [3, n0, _GCIRRe,
    0,
    [_CIR],
    [64 | 0], 1
];
var GetDNSSECRequest$ = [3, n0, _GDNSSECR,
    0,
    [_HZI],
    [[0, 1]], 1
];
var GetDNSSECResponse$ = [3, n0, _GDNSSECRe,
    0,
    [_S, _KSKe],
    [() => DNSSECStatus$, () => KeySigningKeys], 2
];
var GetGeoLocationRequest$ = [3, n0, _GGLR,
    0,
    [_CCo, _CCou, _SC],
    [[0, { [_hQ]: _co }], [0, { [_hQ]: _cou }], [0, { [_hQ]: _su }]]
];
var GetGeoLocationResponse$ = [3, n0, _GGLRe,
    0,
    [_GLD],
    [() => GeoLocationDetails$], 1
];
var GetHealthCheckCountRequest$ = [3, n0, _GHCCR,
    0,
    [],
    []
];
var GetHealthCheckCountResponse$ = [3, n0, _GHCCRe,
    0,
    [_HCCe],
    [1], 1
];
var GetHealthCheckLastFailureReasonRequest$ = [3, n0, _GHCLFRR,
    0,
    [_HCI],
    [[0, 1]], 1
];
var GetHealthCheckLastFailureReasonResponse$ = [3, n0, _GHCLFRRe,
    0,
    [_HCO],
    [[() => HealthCheckObservations, 0]], 1
];
var GetHealthCheckRequest$ = [3, n0, _GHCR,
    0,
    [_HCI],
    [[0, 1]], 1
];
var GetHealthCheckResponse$ = [3, n0, _GHCRe,
    0,
    [_HC],
    [[() => HealthCheck$, 0]], 1
];
var GetHealthCheckStatusRequest$ = [3, n0, _GHCSR,
    0,
    [_HCI],
    [[0, 1]], 1
];
var GetHealthCheckStatusResponse$ = [3, n0, _GHCSRe,
    0,
    [_HCO],
    [[() => HealthCheckObservations, 0]], 1
];
var GetHostedZoneCountRequest$ = [3, n0, _GHZCR,
    0,
    [],
    []
];
var GetHostedZoneCountResponse$ = [3, n0, _GHZCRe,
    0,
    [_HZCo],
    [1], 1
];
var GetHostedZoneLimitRequest$ = [3, n0, _GHZLR,
    0,
    [_T, _HZI],
    [[0, 1], [0, 1]], 2
];
var GetHostedZoneLimitResponse$ = [3, n0, _GHZLRe,
    0,
    [_Li, _Cou],
    [() => HostedZoneLimit$, 1], 2
];
var GetHostedZoneRequest$ = [3, n0, _GHZR,
    0,
    [_I],
    [[0, 1]], 1
];
var GetHostedZoneResponse$ = [3, n0, _GHZRe,
    0,
    [_HZ, _DS, _VPCs],
    [() => HostedZone$, [() => DelegationSet$, 0], [() => VPCs, 0]], 1
];
var GetQueryLoggingConfigRequest$ = [3, n0, _GQLCR,
    0,
    [_I],
    [[0, 1]], 1
];
var GetQueryLoggingConfigResponse$ = [3, n0, _GQLCRe,
    0,
    [_QLC],
    [() => QueryLoggingConfig$], 1
];
var GetReusableDelegationSetLimitRequest$ = [3, n0, _GRDSLR,
    0,
    [_T, _DSI],
    [[0, 1], [0, 1]], 2
];
var GetReusableDelegationSetLimitResponse$ = [3, n0, _GRDSLRe,
    0,
    [_Li, _Cou],
    [() => ReusableDelegationSetLimit$, 1], 2
];
var GetReusableDelegationSetRequest$ = [3, n0, _GRDSR,
    0,
    [_I],
    [[0, 1]], 1
];
var GetReusableDelegationSetResponse$ = [3, n0, _GRDSRe,
    0,
    [_DS],
    [[() => DelegationSet$, 0]], 1
];
var GetTrafficPolicyInstanceCountRequest$ = [3, n0, _GTPICR,
    0,
    [],
    []
];
var GetTrafficPolicyInstanceCountResponse$ = [3, n0, _GTPICRe,
    0,
    [_TPIC],
    [1], 1
];
var GetTrafficPolicyInstanceRequest$ = [3, n0, _GTPIR,
    0,
    [_I],
    [[0, 1]], 1
];
var GetTrafficPolicyInstanceResponse$ = [3, n0, _GTPIRe,
    0,
    [_TPIr],
    [() => TrafficPolicyInstance$], 1
];
var GetTrafficPolicyRequest$ = [3, n0, _GTPR,
    0,
    [_I, _Ve],
    [[0, 1], [1, 1]], 2
];
var GetTrafficPolicyResponse$ = [3, n0, _GTPRe,
    0,
    [_TP],
    [() => TrafficPolicy$], 1
];
var HealthCheck$ = [3, n0, _HC,
    0,
    [_I, _CR, _HCC, _HCV, _LS, _CWAC],
    [0, 0, [() => HealthCheckConfig$, 0], 1, () => LinkedService$, [() => CloudWatchAlarmConfiguration$, 0]], 4
];
var HealthCheckConfig$ = [3, n0, _HCC,
    0,
    [_T, _IPA, _Po, _RP, _FQDN, _SSe, _RIe, _FT, _ML, _In, _Dis, _HT, _CHC, _ESNI, _Re, _AI, _IDHS, _RCA],
    [0, 0, 1, 0, 0, 0, 1, 1, 2, 2, 2, 1, [() => ChildHealthCheckList, 0], 2, [() => HealthCheckRegionList, 0], () => AlarmIdentifier$, 0, 0], 1
];
var HealthCheckObservation$ = [3, n0, _HCOe,
    0,
    [_R, _IPA, _SR],
    [0, 0, () => StatusReport$]
];
var HostedZone$ = [3, n0, _HZ,
    0,
    [_I, _N, _CR, _Con, _RRSC, _LS, _F],
    [0, 0, 0, () => HostedZoneConfig$, 1, () => LinkedService$, () => HostedZoneFeatures$], 3
];
var HostedZoneConfig$ = [3, n0, _HZC,
    0,
    [_C, _PZ],
    [0, 2]
];
var HostedZoneFailureReasons$ = [3, n0, _HZFR,
    0,
    [_AR],
    [0]
];
var HostedZoneFeatures$ = [3, n0, _HZF,
    0,
    [_ARS, _FR],
    [0, () => HostedZoneFailureReasons$]
];
var HostedZoneLimit$ = [3, n0, _HZL,
    0,
    [_T, _V],
    [0, 1], 2
];
var HostedZoneOwner$ = [3, n0, _HZO,
    0,
    [_OA, _OS],
    [0, 0]
];
var HostedZoneSummary$ = [3, n0, _HZS,
    0,
    [_HZI, _N, _O],
    [0, 0, () => HostedZoneOwner$], 3
];
var KeySigningKey$ = [3, n0, _KSK,
    0,
    [_N, _KA, _Fl, _SAM, _SAT, _DAM, _DAT, _KT, _DV, _PK, _DSR, _DNSKEYR, _S, _SM, _CD, _LMD],
    [0, 0, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 4, 4]
];
var LinkedService$ = [3, n0, _LS,
    0,
    [_SP, _De],
    [0, 0]
];
var ListCidrBlocksRequest$ = [3, n0, _LCBR,
    0,
    [_CIo, _LN, _NT, _MR],
    [[0, 1], [0, { [_hQ]: _l }], [0, { [_hQ]: _n }], [1, { [_hQ]: _ma }]], 1
];
var ListCidrBlocksResponse$ = [3, n0, _LCBRi,
    0,
    [_NT, _CBid],
    [0, () => CidrBlockSummaries]
];
var ListCidrCollectionsRequest$ = [3, n0, _LCCR,
    0,
    [_NT, _MR],
    [[0, { [_hQ]: _n }], [1, { [_hQ]: _ma }]]
];
var ListCidrCollectionsResponse$ = [3, n0, _LCCRi,
    0,
    [_NT, _CCi],
    [0, () => CollectionSummaries]
];
var ListCidrLocationsRequest$ = [3, n0, _LCLR,
    0,
    [_CIo, _NT, _MR],
    [[0, 1], [0, { [_hQ]: _n }], [1, { [_hQ]: _ma }]], 1
];
var ListCidrLocationsResponse$ = [3, n0, _LCLRi,
    0,
    [_NT, _CLi],
    [0, () => LocationSummaries]
];
var ListGeoLocationsRequest$ = [3, n0, _LGLR,
    0,
    [_SCC, _SCCt, _SSC, _MI],
    [[0, { [_hQ]: _st }], [0, { [_hQ]: _sta }], [0, { [_hQ]: _star }], [1, { [_hQ]: _max }]]
];
var ListGeoLocationsResponse$ = [3, n0, _LGLRi,
    0,
    [_GLDL, _IT, _MI, _NCC, _NCCe, _NSCe],
    [[() => GeoLocationDetailsList, 0], 2, 1, 0, 0, 0], 3
];
var ListHealthChecksRequest$ = [3, n0, _LHCR,
    0,
    [_Ma, _MI],
    [[0, { [_hQ]: _mar }], [1, { [_hQ]: _max }]]
];
var ListHealthChecksResponse$ = [3, n0, _LHCRi,
    0,
    [_HCe, _Ma, _IT, _MI, _NM],
    [[() => HealthChecks, 0], 0, 2, 1, 0], 4
];
var ListHostedZonesByNameRequest$ = [3, n0, _LHZBNR,
    0,
    [_DNSN, _HZI, _MI],
    [[0, { [_hQ]: _d }], [0, { [_hQ]: _h }], [1, { [_hQ]: _max }]]
];
var ListHostedZonesByNameResponse$ = [3, n0, _LHZBNRi,
    0,
    [_HZo, _IT, _MI, _DNSN, _HZI, _NDNSN, _NHZI],
    [[() => HostedZones, 0], 2, 1, 0, 0, 0, 0], 3
];
var ListHostedZonesByVPCRequest$ = [3, n0, _LHZBVPCR,
    0,
    [_VPCI, _VPCR, _MI, _NT],
    [[0, { [_hQ]: _v }], [0, { [_hQ]: _vp }], [1, { [_hQ]: _max }], [0, { [_hQ]: _n }]], 2
];
var ListHostedZonesByVPCResponse$ = [3, n0, _LHZBVPCRi,
    0,
    [_HZSo, _MI, _NT],
    [[() => HostedZoneSummaries, 0], 1, 0], 2
];
var ListHostedZonesRequest$ = [3, n0, _LHZR,
    0,
    [_Ma, _MI, _DSI, _HZT],
    [[0, { [_hQ]: _mar }], [1, { [_hQ]: _max }], [0, { [_hQ]: _de }], [0, { [_hQ]: _ho }]]
];
var ListHostedZonesResponse$ = [3, n0, _LHZRi,
    0,
    [_HZo, _Ma, _IT, _MI, _NM],
    [[() => HostedZones, 0], 0, 2, 1, 0], 4
];
var ListQueryLoggingConfigsRequest$ = [3, n0, _LQLCR,
    0,
    [_HZI, _NT, _MR],
    [[0, { [_hQ]: _h }], [0, { [_hQ]: _n }], [1, { [_hQ]: _ma }]]
];
var ListQueryLoggingConfigsResponse$ = [3, n0, _LQLCRi,
    0,
    [_QLCu, _NT],
    [[() => QueryLoggingConfigs, 0], 0], 1
];
var ListResourceRecordSetProtectionsRequest$ = [3, n0, _LRRSPR,
    0,
    [_HZI, _SRN, _SRT, _MR, _NT],
    [[0, 1], [0, { [_hQ]: _na }], [0, { [_hQ]: _t }], [1, { [_hQ]: _ma }], [0, { [_hQ]: _n }]], 1
];
var ListResourceRecordSetProtectionsResponse$ = [3, n0, _LRRSPRi,
    0,
    [_RRSP, _NT],
    [[() => ResourceRecordSetProtections, 0], 0], 1
];
var ListResourceRecordSetsRequest$ = [3, n0, _LRRSR,
    0,
    [_HZI, _SRN, _SRT, _SRI, _MI],
    [[0, 1], [0, { [_hQ]: _na }], [0, { [_hQ]: _t }], [0, { [_hQ]: _i }], [1, { [_hQ]: _max }]], 1
];
var ListResourceRecordSetsResponse$ = [3, n0, _LRRSRi,
    0,
    [_RRSe, _IT, _MI, _NRN, _NRT, _NRI],
    [[() => ResourceRecordSets, 0], 2, 1, 0, 0, 0], 3
];
var ListReusableDelegationSetsRequest$ = [3, n0, _LRDSR,
    0,
    [_Ma, _MI],
    [[0, { [_hQ]: _mar }], [1, { [_hQ]: _max }]]
];
var ListReusableDelegationSetsResponse$ = [3, n0, _LRDSRi,
    0,
    [_DSe, _Ma, _IT, _MI, _NM],
    [[() => DelegationSets, 0], 0, 2, 1, 0], 4
];
var ListTagsForResourceRequest$ = [3, n0, _LTFRR,
    0,
    [_RT, _RI],
    [[0, 1], [0, 1]], 2
];
var ListTagsForResourceResponse$ = [3, n0, _LTFRRi,
    0,
    [_RTS],
    [[() => ResourceTagSet$, 0]], 1
];
var ListTagsForResourcesRequest$ = [3, n0, _LTFRRis,
    0,
    [_RT, _RIes],
    [[0, 1], [() => TagResourceIdList, 0]], 2
];
var ListTagsForResourcesResponse$ = [3, n0, _LTFRRist,
    0,
    [_RTSe],
    [[() => ResourceTagSetList, 0]], 1
];
var ListTrafficPoliciesRequest$ = [3, n0, _LTPR,
    0,
    [_TPIM, _MI],
    [[0, { [_hQ]: _tr }], [1, { [_hQ]: _max }]]
];
var ListTrafficPoliciesResponse$ = [3, n0, _LTPRi,
    0,
    [_TPS, _IT, _TPIM, _MI],
    [[() => TrafficPolicySummaries, 0], 2, 0, 1], 4
];
var ListTrafficPolicyInstancesByHostedZoneRequest$ = [3, n0, _LTPIBHZR,
    0,
    [_HZI, _TPINM, _TPITM, _MI],
    [[0, { [_hQ]: _id }], [0, { [_hQ]: _tra }], [0, { [_hQ]: _traf }], [1, { [_hQ]: _max }]], 1
];
var ListTrafficPolicyInstancesByHostedZoneResponse$ = [3, n0, _LTPIBHZRi,
    0,
    [_TPIra, _IT, _MI, _TPINM, _TPITM],
    [[() => TrafficPolicyInstances, 0], 2, 1, 0, 0], 3
];
var ListTrafficPolicyInstancesByPolicyRequest$ = [3, n0, _LTPIBPR,
    0,
    [_TPI, _TPV, _HZIM, _TPINM, _TPITM, _MI],
    [[0, { [_hQ]: _id }], [1, { [_hQ]: _ve }], [0, { [_hQ]: _h }], [0, { [_hQ]: _tra }], [0, { [_hQ]: _traf }], [1, { [_hQ]: _max }]], 2
];
var ListTrafficPolicyInstancesByPolicyResponse$ = [3, n0, _LTPIBPRi,
    0,
    [_TPIra, _IT, _MI, _HZIM, _TPINM, _TPITM],
    [[() => TrafficPolicyInstances, 0], 2, 1, 0, 0, 0], 3
];
var ListTrafficPolicyInstancesRequest$ = [3, n0, _LTPIR,
    0,
    [_HZIM, _TPINM, _TPITM, _MI],
    [[0, { [_hQ]: _h }], [0, { [_hQ]: _tra }], [0, { [_hQ]: _traf }], [1, { [_hQ]: _max }]]
];
var ListTrafficPolicyInstancesResponse$ = [3, n0, _LTPIRi,
    0,
    [_TPIra, _IT, _MI, _HZIM, _TPINM, _TPITM],
    [[() => TrafficPolicyInstances, 0], 2, 1, 0, 0, 0], 3
];
var ListTrafficPolicyVersionsRequest$ = [3, n0, _LTPVR,
    0,
    [_I, _TPVM, _MI],
    [[0, 1], [0, { [_hQ]: _traff }], [1, { [_hQ]: _max }]], 1
];
var ListTrafficPolicyVersionsResponse$ = [3, n0, _LTPVRi,
    0,
    [_TPr, _IT, _TPVM, _MI],
    [[() => TrafficPolicies, 0], 2, 0, 1], 4
];
var ListVPCAssociationAuthorizationsRequest$ = [3, n0, _LVPCAAR,
    0,
    [_HZI, _NT, _MR],
    [[0, 1], [0, { [_hQ]: _n }], [1, { [_hQ]: _ma }]], 1
];
var ListVPCAssociationAuthorizationsResponse$ = [3, n0, _LVPCAARi,
    0,
    [_HZI, _VPCs, _NT],
    [0, [() => VPCs, 0], 0], 2
];
var LocationSummary$ = [3, n0, _LSo,
    0,
    [_LN],
    [0]
];
var ProtectionError$ = [3, n0, _PE,
    0,
    [_RN, _RTe, _Cod, _M],
    [0, 0, 0, 0], 4
];
var QueryLoggingConfig$ = [3, n0, _QLC,
    0,
    [_I, _HZI, _CWLLGA],
    [0, 0, 0], 3
];
var ResourceRecord$ = [3, n0, _RR,
    0,
    [_V],
    [0], 1
];
var ResourceRecordSet$ = [3, n0, _RRS,
    0,
    [_N, _T, _SI, _W, _R, _GL, _Fa, _MVA, _TTL, _RRe, _AT, _HCI, _TPII, _CRC, _GPL],
    [0, 0, 0, 1, 0, () => GeoLocation$, 0, 2, 1, [() => ResourceRecords, 0], () => AliasTarget$, 0, 0, () => CidrRoutingConfig$, () => GeoProximityLocation$], 2
];
var ResourceRecordSetProtection$ = [3, n0, _RRSPe,
    0,
    [_RN, _RTe, _C],
    [0, 0, 0], 2
];
var ResourceRecordSetProtectionConfig$ = [3, n0, _RRSPC,
    0,
    [_RN, _RTe, _C],
    [0, 0, 0], 2
];
var ResourceRecordSetProtectionKey$ = [3, n0, _RRSPK,
    0,
    [_RN, _RTe],
    [0, 0], 2
];
var ResourceTagSet$ = [3, n0, _RTS,
    0,
    [_RT, _RI, _Ta],
    [0, 0, [() => TagList, 0]]
];
var ReusableDelegationSetLimit$ = [3, n0, _RDSL,
    0,
    [_T, _V],
    [0, 1], 2
];
var StatusReport$ = [3, n0, _SR,
    0,
    [_S, _CTh],
    [0, 4]
];
var Tag$ = [3, n0, _Tag,
    0,
    [_K, _V],
    [0, 0]
];
var TestDNSAnswerRequest$ = [3, n0, _TDNSAR,
    0,
    [_HZI, _RN, _RTe, _RIP, _EDNSCSIP, _EDNSCSM],
    [[0, { [_hQ]: _h }], [0, { [_hQ]: _r }], [0, { [_hQ]: _re }], [0, { [_hQ]: _res }], [0, { [_hQ]: _ed }], [0, { [_hQ]: _edn }]], 3
];
var TestDNSAnswerResponse$ = [3, n0, _TDNSARe,
    0,
    [_Nam, _RN, _RTe, _RD, _RC, _Pro],
    [0, 0, 0, [() => RecordData, 0], 0, 0], 6
];
var TrafficPolicy$ = [3, n0, _TP,
    0,
    [_I, _Ve, _N, _T, _Do, _C],
    [0, 1, 0, 0, 0, 0], 5
];
var TrafficPolicyInstance$ = [3, n0, _TPIr,
    0,
    [_I, _HZI, _N, _TTL, _Sta, _M, _TPI, _TPV, _TPT],
    [0, 0, 0, 1, 0, 0, 0, 1, 0], 9
];
var TrafficPolicySummary$ = [3, n0, _TPSr,
    0,
    [_I, _N, _T, _LV, _TPC],
    [0, 0, 0, 1, 1], 5
];
var UpdateHealthCheckRequest$ = [3, n0, _UHCR,
    0,
    [_HCI, _HCV, _IPA, _Po, _RP, _FQDN, _SSe, _FT, _In, _Dis, _HT, _CHC, _ESNI, _Re, _AI, _IDHS, _RE],
    [[0, 1], 1, 0, 1, 0, 0, 0, 1, 2, 2, 1, [() => ChildHealthCheckList, 0], 2, [() => HealthCheckRegionList, 0], () => AlarmIdentifier$, 0, [() => ResettableElementNameList, 0]], 1
];
var UpdateHealthCheckResponse$ = [3, n0, _UHCRp,
    0,
    [_HC],
    [[() => HealthCheck$, 0]], 1
];
var UpdateHostedZoneCommentRequest$ = [3, n0, _UHZCR,
    0,
    [_I, _C],
    [[0, 1], 0], 1
];
var UpdateHostedZoneCommentResponse$ = [3, n0, _UHZCRp,
    0,
    [_HZ],
    [() => HostedZone$], 1
];
var UpdateHostedZoneFeaturesRequest$ = [3, n0, _UHZFR,
    0,
    [_HZI, _EAR],
    [[0, 1], 2], 1
];
var UpdateHostedZoneFeaturesResponse$ = [3, n0, _UHZFRp,
    0,
    [],
    []
];
var UpdateTrafficPolicyCommentRequest$ = [3, n0, _UTPCR,
    0,
    [_I, _Ve, _C],
    [[0, 1], [1, 1], 0], 3
];
var UpdateTrafficPolicyCommentResponse$ = [3, n0, _UTPCRp,
    0,
    [_TP],
    [() => TrafficPolicy$], 1
];
var UpdateTrafficPolicyInstanceRequest$ = [3, n0, _UTPIR,
    0,
    [_I, _TTL, _TPI, _TPV],
    [[0, 1], 1, 0, 1], 4
];
var UpdateTrafficPolicyInstanceResponse$ = [3, n0, _UTPIRp,
    0,
    [_TPIr],
    [() => TrafficPolicyInstance$], 1
];
var VPC$ = [3, n0, _VPC,
    0,
    [_VPCR, _VPCI],
    [0, 0]
];
var Changes = [1, n0, _Cha,
    0, [() => Change$,
        { [_xN]: _Ch }]
];
var CheckerIpRanges = (/* unused pure expression or super */ null && (64 | 0));
var ChildHealthCheckList = [1, n0, _CHCL,
    0, [0,
        { [_xN]: _CHCh }]
];
var CidrBlockSummaries = [1, n0, _CBSi,
    0, () => CidrBlockSummary$
];
var CidrCollectionChanges = [1, n0, _CCCi,
    0, [() => CidrCollectionChange$,
        0]
];
var CidrList = [1, n0, _CL,
    0, [0,
        { [_xN]: _Ci }]
];
var CollectionSummaries = [1, n0, _CSo,
    0, () => CollectionSummary$
];
var DelegationSetNameServers = [1, n0, _DSNS,
    0, [0,
        { [_xN]: _NSa }]
];
var DelegationSets = [1, n0, _DSe,
    0, [() => DelegationSet$,
        { [_xN]: _DS }]
];
var DimensionList = [1, n0, _DL,
    0, [() => Dimension$,
        { [_xN]: _Di }]
];
var ErrorMessages = [1, n0, _EM,
    0, [0,
        { [_xN]: _M }]
];
var GeoLocationDetailsList = [1, n0, _GLDL,
    0, [() => GeoLocationDetails$,
        { [_xN]: _GLD }]
];
var HealthCheckObservations = [1, n0, _HCO,
    0, [() => HealthCheckObservation$,
        { [_xN]: _HCOe }]
];
var HealthCheckRegionList = [1, n0, _HCRL,
    0, [0,
        { [_xN]: _R }]
];
var HealthChecks = [1, n0, _HCe,
    0, [() => HealthCheck$,
        { [_xN]: _HC }]
];
var HostedZones = [1, n0, _HZo,
    0, [() => HostedZone$,
        { [_xN]: _HZ }]
];
var HostedZoneSummaries = [1, n0, _HZSo,
    0, [() => HostedZoneSummary$,
        { [_xN]: _HZS }]
];
var KeySigningKeys = [1, n0, _KSKe,
    0, () => KeySigningKey$
];
var LocationSummaries = [1, n0, _LSoc,
    0, () => LocationSummary$
];
var ProtectionErrors = [1, n0, _PEr,
    0, [() => ProtectionError$,
        { [_xN]: _PE }]
];
var QueryLoggingConfigs = [1, n0, _QLCu,
    0, [() => QueryLoggingConfig$,
        { [_xN]: _QLC }]
];
var RecordData = [1, n0, _RD,
    0, [0,
        { [_xN]: _RDE }]
];
var ResettableElementNameList = [1, n0, _RENL,
    0, [0,
        { [_xN]: _REN }]
];
var ResourceRecords = [1, n0, _RRe,
    0, [() => ResourceRecord$,
        { [_xN]: _RR }]
];
var ResourceRecordSetProtectionConfigBatch = [1, n0, _RRSPCB,
    0, [() => ResourceRecordSetProtectionConfig$,
        { [_xN]: _RRSPC }]
];
var ResourceRecordSetProtectionKeyBatch = [1, n0, _RRSPKB,
    0, [() => ResourceRecordSetProtectionKey$,
        { [_xN]: _RRSPK }]
];
var ResourceRecordSetProtections = [1, n0, _RRSP,
    0, [() => ResourceRecordSetProtection$,
        { [_xN]: _RRSPe }]
];
var ResourceRecordSets = [1, n0, _RRSe,
    0, [() => ResourceRecordSet$,
        { [_xN]: _RRS }]
];
var ResourceTagSetList = [1, n0, _RTSL,
    0, [() => ResourceTagSet$,
        { [_xN]: _RTS }]
];
var TagKeyList = [1, n0, _TKL,
    0, [0,
        { [_xN]: _K }]
];
var TagList = [1, n0, _TL,
    0, [() => Tag$,
        { [_xN]: _Tag }]
];
var TagResourceIdList = [1, n0, _TRIL,
    0, [0,
        { [_xN]: _RI }]
];
var TrafficPolicies = [1, n0, _TPr,
    0, [() => TrafficPolicy$,
        { [_xN]: _TP }]
];
var TrafficPolicyInstances = [1, n0, _TPIra,
    0, [() => TrafficPolicyInstance$,
        { [_xN]: _TPIr }]
];
var TrafficPolicySummaries = [1, n0, _TPS,
    0, [() => TrafficPolicySummary$,
        { [_xN]: _TPSr }]
];
var VPCs = [1, n0, _VPCs,
    0, [() => VPC$,
        { [_xN]: _VPC }]
];
var ActivateKeySigningKey$ = [9, n0, _AKSK,
    { [_ht]: ["POST", "/2013-04-01/keysigningkey/{HostedZoneId}/{Name}/activate", 200] }, () => ActivateKeySigningKeyRequest$, () => ActivateKeySigningKeyResponse$
];
var AssociateVPCWithHostedZone$ = [9, n0, _AVPCWHZ,
    { [_ht]: ["POST", "/2013-04-01/hostedzone/{HostedZoneId}/associatevpc", 200] }, () => AssociateVPCWithHostedZoneRequest$, () => AssociateVPCWithHostedZoneResponse$
];
var ChangeCidrCollection$ = [9, n0, _CCCh,
    { [_ht]: ["POST", "/2013-04-01/cidrcollection/{Id}", 200] }, () => ChangeCidrCollectionRequest$, () => ChangeCidrCollectionResponse$
];
var ChangeResourceRecordSets$ = [9, n0, _CRRS,
    { [_ht]: ["POST", "/2013-04-01/hostedzone/{HostedZoneId}/rrset", 200] }, () => ChangeResourceRecordSetsRequest$, () => ChangeResourceRecordSetsResponse$
];
var ChangeTagsForResource$ = [9, n0, _CTFR,
    { [_ht]: ["POST", "/2013-04-01/tags/{ResourceType}/{ResourceId}", 200] }, () => ChangeTagsForResourceRequest$, () => ChangeTagsForResourceResponse$
];
var CreateCidrCollection$ = [9, n0, _CCCr,
    { [_ht]: ["POST", "/2013-04-01/cidrcollection", 201] }, () => CreateCidrCollectionRequest$, () => CreateCidrCollectionResponse$
];
var CreateHealthCheck$ = [9, n0, _CHCr,
    { [_ht]: ["POST", "/2013-04-01/healthcheck", 201] }, () => CreateHealthCheckRequest$, () => CreateHealthCheckResponse$
];
var CreateHostedZone$ = [9, n0, _CHZ,
    { [_ht]: ["POST", "/2013-04-01/hostedzone", 201] }, () => CreateHostedZoneRequest$, () => CreateHostedZoneResponse$
];
var CreateKeySigningKey$ = [9, n0, _CKSK,
    { [_ht]: ["POST", "/2013-04-01/keysigningkey", 201] }, () => CreateKeySigningKeyRequest$, () => CreateKeySigningKeyResponse$
];
var CreateQueryLoggingConfig$ = [9, n0, _CQLC,
    { [_ht]: ["POST", "/2013-04-01/queryloggingconfig", 201] }, () => CreateQueryLoggingConfigRequest$, () => CreateQueryLoggingConfigResponse$
];
var CreateResourceRecordSetProtections$ = [9, n0, _CRRSP,
    { [_ht]: ["POST", "/2013-04-01/hostedzone/{HostedZoneId}/rrsetprotection", 200] }, () => CreateResourceRecordSetProtectionsRequest$, () => CreateResourceRecordSetProtectionsResponse$
];
var CreateReusableDelegationSet$ = [9, n0, _CRDS,
    { [_ht]: ["POST", "/2013-04-01/delegationset", 201] }, () => CreateReusableDelegationSetRequest$, () => CreateReusableDelegationSetResponse$
];
var CreateTrafficPolicy$ = [9, n0, _CTP,
    { [_ht]: ["POST", "/2013-04-01/trafficpolicy", 201] }, () => CreateTrafficPolicyRequest$, () => CreateTrafficPolicyResponse$
];
var CreateTrafficPolicyInstance$ = [9, n0, _CTPI,
    { [_ht]: ["POST", "/2013-04-01/trafficpolicyinstance", 201] }, () => CreateTrafficPolicyInstanceRequest$, () => CreateTrafficPolicyInstanceResponse$
];
var CreateTrafficPolicyVersion$ = [9, n0, _CTPV,
    { [_ht]: ["POST", "/2013-04-01/trafficpolicy/{Id}", 201] }, () => CreateTrafficPolicyVersionRequest$, () => CreateTrafficPolicyVersionResponse$
];
var CreateVPCAssociationAuthorization$ = [9, n0, _CVPCAA,
    { [_ht]: ["POST", "/2013-04-01/hostedzone/{HostedZoneId}/authorizevpcassociation", 200] }, () => CreateVPCAssociationAuthorizationRequest$, () => CreateVPCAssociationAuthorizationResponse$
];
var DeactivateKeySigningKey$ = [9, n0, _DKSK,
    { [_ht]: ["POST", "/2013-04-01/keysigningkey/{HostedZoneId}/{Name}/deactivate", 200] }, () => DeactivateKeySigningKeyRequest$, () => DeactivateKeySigningKeyResponse$
];
var DeleteCidrCollection$ = [9, n0, _DCC,
    { [_ht]: ["DELETE", "/2013-04-01/cidrcollection/{Id}", 200] }, () => DeleteCidrCollectionRequest$, () => DeleteCidrCollectionResponse$
];
var DeleteHealthCheck$ = [9, n0, _DHC,
    { [_ht]: ["DELETE", "/2013-04-01/healthcheck/{HealthCheckId}", 200] }, () => DeleteHealthCheckRequest$, () => DeleteHealthCheckResponse$
];
var DeleteHostedZone$ = [9, n0, _DHZ,
    { [_ht]: ["DELETE", "/2013-04-01/hostedzone/{Id}", 200] }, () => DeleteHostedZoneRequest$, () => DeleteHostedZoneResponse$
];
var DeleteKeySigningKey$ = [9, n0, _DKSKe,
    { [_ht]: ["DELETE", "/2013-04-01/keysigningkey/{HostedZoneId}/{Name}", 200] }, () => DeleteKeySigningKeyRequest$, () => DeleteKeySigningKeyResponse$
];
var DeleteQueryLoggingConfig$ = [9, n0, _DQLC,
    { [_ht]: ["DELETE", "/2013-04-01/queryloggingconfig/{Id}", 200] }, () => DeleteQueryLoggingConfigRequest$, () => DeleteQueryLoggingConfigResponse$
];
var DeleteResourceRecordSetProtections$ = [9, n0, _DRRSP,
    { [_ht]: ["POST", "/2013-04-01/hostedzone/{HostedZoneId}/rrsetprotection/delete", 200] }, () => DeleteResourceRecordSetProtectionsRequest$, () => DeleteResourceRecordSetProtectionsResponse$
];
var DeleteReusableDelegationSet$ = [9, n0, _DRDS,
    { [_ht]: ["DELETE", "/2013-04-01/delegationset/{Id}", 200] }, () => DeleteReusableDelegationSetRequest$, () => DeleteReusableDelegationSetResponse$
];
var DeleteTrafficPolicy$ = [9, n0, _DTP,
    { [_ht]: ["DELETE", "/2013-04-01/trafficpolicy/{Id}/{Version}", 200] }, () => DeleteTrafficPolicyRequest$, () => DeleteTrafficPolicyResponse$
];
var DeleteTrafficPolicyInstance$ = [9, n0, _DTPI,
    { [_ht]: ["DELETE", "/2013-04-01/trafficpolicyinstance/{Id}", 200] }, () => DeleteTrafficPolicyInstanceRequest$, () => DeleteTrafficPolicyInstanceResponse$
];
var DeleteVPCAssociationAuthorization$ = [9, n0, _DVPCAA,
    { [_ht]: ["POST", "/2013-04-01/hostedzone/{HostedZoneId}/deauthorizevpcassociation", 200] }, () => DeleteVPCAssociationAuthorizationRequest$, () => DeleteVPCAssociationAuthorizationResponse$
];
var DisableHostedZoneDNSSEC$ = [9, n0, _DHZDNSSEC,
    { [_ht]: ["POST", "/2013-04-01/hostedzone/{HostedZoneId}/disable-dnssec", 200] }, () => DisableHostedZoneDNSSECRequest$, () => DisableHostedZoneDNSSECResponse$
];
var DisassociateVPCFromHostedZone$ = [9, n0, _DVPCFHZ,
    { [_ht]: ["POST", "/2013-04-01/hostedzone/{HostedZoneId}/disassociatevpc", 200] }, () => DisassociateVPCFromHostedZoneRequest$, () => DisassociateVPCFromHostedZoneResponse$
];
var EnableHostedZoneDNSSEC$ = [9, n0, _EHZDNSSEC,
    { [_ht]: ["POST", "/2013-04-01/hostedzone/{HostedZoneId}/enable-dnssec", 200] }, () => EnableHostedZoneDNSSECRequest$, () => EnableHostedZoneDNSSECResponse$
];
var GetAccountLimit$ = [9, n0, _GAL,
    { [_ht]: ["GET", "/2013-04-01/accountlimit/{Type}", 200] }, () => GetAccountLimitRequest$, () => GetAccountLimitResponse$
];
var GetChange$ = [9, n0, _GC,
    { [_ht]: ["GET", "/2013-04-01/change/{Id}", 200] }, () => GetChangeRequest$, () => GetChangeResponse$
];
var GetCheckerIpRanges$ = [9, n0, _GCIR,
    { [_ht]: ["GET", "/2013-04-01/checkeripranges", 200] }, () => GetCheckerIpRangesRequest$, () => GetCheckerIpRangesResponse$
];
var GetDNSSEC$ = [9, n0, _GDNSSEC,
    { [_ht]: ["GET", "/2013-04-01/hostedzone/{HostedZoneId}/dnssec", 200] }, () => GetDNSSECRequest$, () => GetDNSSECResponse$
];
var GetGeoLocation$ = [9, n0, _GGL,
    { [_ht]: ["GET", "/2013-04-01/geolocation", 200] }, () => GetGeoLocationRequest$, () => GetGeoLocationResponse$
];
var GetHealthCheck$ = [9, n0, _GHC,
    { [_ht]: ["GET", "/2013-04-01/healthcheck/{HealthCheckId}", 200] }, () => GetHealthCheckRequest$, () => GetHealthCheckResponse$
];
var GetHealthCheckCount$ = [9, n0, _GHCC,
    { [_ht]: ["GET", "/2013-04-01/healthcheckcount", 200] }, () => GetHealthCheckCountRequest$, () => GetHealthCheckCountResponse$
];
var GetHealthCheckLastFailureReason$ = [9, n0, _GHCLFR,
    { [_ht]: ["GET", "/2013-04-01/healthcheck/{HealthCheckId}/lastfailurereason", 200] }, () => GetHealthCheckLastFailureReasonRequest$, () => GetHealthCheckLastFailureReasonResponse$
];
var GetHealthCheckStatus$ = [9, n0, _GHCS,
    { [_ht]: ["GET", "/2013-04-01/healthcheck/{HealthCheckId}/status", 200] }, () => GetHealthCheckStatusRequest$, () => GetHealthCheckStatusResponse$
];
var GetHostedZone$ = [9, n0, _GHZ,
    { [_ht]: ["GET", "/2013-04-01/hostedzone/{Id}", 200] }, () => GetHostedZoneRequest$, () => GetHostedZoneResponse$
];
var GetHostedZoneCount$ = [9, n0, _GHZC,
    { [_ht]: ["GET", "/2013-04-01/hostedzonecount", 200] }, () => GetHostedZoneCountRequest$, () => GetHostedZoneCountResponse$
];
var GetHostedZoneLimit$ = [9, n0, _GHZL,
    { [_ht]: ["GET", "/2013-04-01/hostedzonelimit/{HostedZoneId}/{Type}", 200] }, () => GetHostedZoneLimitRequest$, () => GetHostedZoneLimitResponse$
];
var GetQueryLoggingConfig$ = [9, n0, _GQLC,
    { [_ht]: ["GET", "/2013-04-01/queryloggingconfig/{Id}", 200] }, () => GetQueryLoggingConfigRequest$, () => GetQueryLoggingConfigResponse$
];
var GetReusableDelegationSet$ = [9, n0, _GRDS,
    { [_ht]: ["GET", "/2013-04-01/delegationset/{Id}", 200] }, () => GetReusableDelegationSetRequest$, () => GetReusableDelegationSetResponse$
];
var GetReusableDelegationSetLimit$ = [9, n0, _GRDSL,
    { [_ht]: ["GET", "/2013-04-01/reusabledelegationsetlimit/{DelegationSetId}/{Type}", 200] }, () => GetReusableDelegationSetLimitRequest$, () => GetReusableDelegationSetLimitResponse$
];
var GetTrafficPolicy$ = [9, n0, _GTP,
    { [_ht]: ["GET", "/2013-04-01/trafficpolicy/{Id}/{Version}", 200] }, () => GetTrafficPolicyRequest$, () => GetTrafficPolicyResponse$
];
var GetTrafficPolicyInstance$ = [9, n0, _GTPI,
    { [_ht]: ["GET", "/2013-04-01/trafficpolicyinstance/{Id}", 200] }, () => GetTrafficPolicyInstanceRequest$, () => GetTrafficPolicyInstanceResponse$
];
var GetTrafficPolicyInstanceCount$ = [9, n0, _GTPIC,
    { [_ht]: ["GET", "/2013-04-01/trafficpolicyinstancecount", 200] }, () => GetTrafficPolicyInstanceCountRequest$, () => GetTrafficPolicyInstanceCountResponse$
];
var ListCidrBlocks$ = [9, n0, _LCB,
    { [_ht]: ["GET", "/2013-04-01/cidrcollection/{CollectionId}/cidrblocks", 200] }, () => ListCidrBlocksRequest$, () => ListCidrBlocksResponse$
];
var ListCidrCollections$ = [9, n0, _LCC,
    { [_ht]: ["GET", "/2013-04-01/cidrcollection", 200] }, () => ListCidrCollectionsRequest$, () => ListCidrCollectionsResponse$
];
var ListCidrLocations$ = [9, n0, _LCL,
    { [_ht]: ["GET", "/2013-04-01/cidrcollection/{CollectionId}", 200] }, () => ListCidrLocationsRequest$, () => ListCidrLocationsResponse$
];
var ListGeoLocations$ = [9, n0, _LGL,
    { [_ht]: ["GET", "/2013-04-01/geolocations", 200] }, () => ListGeoLocationsRequest$, () => ListGeoLocationsResponse$
];
var ListHealthChecks$ = [9, n0, _LHC,
    { [_ht]: ["GET", "/2013-04-01/healthcheck", 200] }, () => ListHealthChecksRequest$, () => ListHealthChecksResponse$
];
var ListHostedZones$ = [9, n0, _LHZ,
    { [_ht]: ["GET", "/2013-04-01/hostedzone", 200] }, () => ListHostedZonesRequest$, () => ListHostedZonesResponse$
];
var ListHostedZonesByName$ = [9, n0, _LHZBN,
    { [_ht]: ["GET", "/2013-04-01/hostedzonesbyname", 200] }, () => ListHostedZonesByNameRequest$, () => ListHostedZonesByNameResponse$
];
var ListHostedZonesByVPC$ = [9, n0, _LHZBVPC,
    { [_ht]: ["GET", "/2013-04-01/hostedzonesbyvpc", 200] }, () => ListHostedZonesByVPCRequest$, () => ListHostedZonesByVPCResponse$
];
var ListQueryLoggingConfigs$ = [9, n0, _LQLC,
    { [_ht]: ["GET", "/2013-04-01/queryloggingconfig", 200] }, () => ListQueryLoggingConfigsRequest$, () => ListQueryLoggingConfigsResponse$
];
var ListResourceRecordSetProtections$ = [9, n0, _LRRSP,
    { [_ht]: ["GET", "/2013-04-01/hostedzone/{HostedZoneId}/rrsetprotection", 200] }, () => ListResourceRecordSetProtectionsRequest$, () => ListResourceRecordSetProtectionsResponse$
];
var ListResourceRecordSets$ = [9, n0, _LRRS,
    { [_ht]: ["GET", "/2013-04-01/hostedzone/{HostedZoneId}/rrset", 200] }, () => ListResourceRecordSetsRequest$, () => ListResourceRecordSetsResponse$
];
var ListReusableDelegationSets$ = [9, n0, _LRDS,
    { [_ht]: ["GET", "/2013-04-01/delegationset", 200] }, () => ListReusableDelegationSetsRequest$, () => ListReusableDelegationSetsResponse$
];
var ListTagsForResource$ = [9, n0, _LTFR,
    { [_ht]: ["GET", "/2013-04-01/tags/{ResourceType}/{ResourceId}", 200] }, () => ListTagsForResourceRequest$, () => ListTagsForResourceResponse$
];
var ListTagsForResources$ = [9, n0, _LTFRi,
    { [_ht]: ["POST", "/2013-04-01/tags/{ResourceType}", 200] }, () => ListTagsForResourcesRequest$, () => ListTagsForResourcesResponse$
];
var ListTrafficPolicies$ = [9, n0, _LTP,
    { [_ht]: ["GET", "/2013-04-01/trafficpolicies", 200] }, () => ListTrafficPoliciesRequest$, () => ListTrafficPoliciesResponse$
];
var ListTrafficPolicyInstances$ = [9, n0, _LTPI,
    { [_ht]: ["GET", "/2013-04-01/trafficpolicyinstances", 200] }, () => ListTrafficPolicyInstancesRequest$, () => ListTrafficPolicyInstancesResponse$
];
var ListTrafficPolicyInstancesByHostedZone$ = [9, n0, _LTPIBHZ,
    { [_ht]: ["GET", "/2013-04-01/trafficpolicyinstances/hostedzone", 200] }, () => ListTrafficPolicyInstancesByHostedZoneRequest$, () => ListTrafficPolicyInstancesByHostedZoneResponse$
];
var ListTrafficPolicyInstancesByPolicy$ = [9, n0, _LTPIBP,
    { [_ht]: ["GET", "/2013-04-01/trafficpolicyinstances/trafficpolicy", 200] }, () => ListTrafficPolicyInstancesByPolicyRequest$, () => ListTrafficPolicyInstancesByPolicyResponse$
];
var ListTrafficPolicyVersions$ = [9, n0, _LTPV,
    { [_ht]: ["GET", "/2013-04-01/trafficpolicies/{Id}/versions", 200] }, () => ListTrafficPolicyVersionsRequest$, () => ListTrafficPolicyVersionsResponse$
];
var ListVPCAssociationAuthorizations$ = [9, n0, _LVPCAA,
    { [_ht]: ["GET", "/2013-04-01/hostedzone/{HostedZoneId}/authorizevpcassociation", 200] }, () => ListVPCAssociationAuthorizationsRequest$, () => ListVPCAssociationAuthorizationsResponse$
];
var TestDNSAnswer$ = [9, n0, _TDNSA,
    { [_ht]: ["GET", "/2013-04-01/testdnsanswer", 200] }, () => TestDNSAnswerRequest$, () => TestDNSAnswerResponse$
];
var UpdateHealthCheck$ = [9, n0, _UHC,
    { [_ht]: ["POST", "/2013-04-01/healthcheck/{HealthCheckId}", 200] }, () => UpdateHealthCheckRequest$, () => UpdateHealthCheckResponse$
];
var UpdateHostedZoneComment$ = [9, n0, _UHZC,
    { [_ht]: ["POST", "/2013-04-01/hostedzone/{Id}", 200] }, () => UpdateHostedZoneCommentRequest$, () => UpdateHostedZoneCommentResponse$
];
var UpdateHostedZoneFeatures$ = [9, n0, _UHZF,
    { [_ht]: ["POST", "/2013-04-01/hostedzone/{HostedZoneId}/features", 200] }, () => UpdateHostedZoneFeaturesRequest$, () => UpdateHostedZoneFeaturesResponse$
];
var UpdateTrafficPolicyComment$ = [9, n0, _UTPC,
    { [_ht]: ["POST", "/2013-04-01/trafficpolicy/{Id}/{Version}", 200] }, () => UpdateTrafficPolicyCommentRequest$, () => UpdateTrafficPolicyCommentResponse$
];
var UpdateTrafficPolicyInstance$ = [9, n0, _UTPI,
    { [_ht]: ["POST", "/2013-04-01/trafficpolicyinstance/{Id}", 200] }, () => UpdateTrafficPolicyInstanceRequest$, () => UpdateTrafficPolicyInstanceResponse$
];


/***/ }),

/***/ 6235:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  I: () => (/* binding */ waitUntilResourceRecordSetsChanged)
});

// UNUSED EXPORTS: waitForResourceRecordSetsChanged

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/client/util-waiter/waiter.js
var waiter = __webpack_require__(2922);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/client/util-waiter/createWaiter.js + 3 modules
var util_waiter_createWaiter = __webpack_require__(8015);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commandBuilder.js + 3 modules
var commandBuilder = __webpack_require__(2007);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(8308);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/GetChangeCommand.js


class GetChangeCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "GetChange", schemas_0/* GetChange$ */.xmL) {
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/waiters/waitForResourceRecordSetsChanged.js


const checkState = async (client, input) => {
    let reason;
    try {
        let result = await client.send(new GetChangeCommand(input));
        reason = result;
        try {
            const returnComparator = () => {
                return result.ChangeInfo.Status;
            };
            if (returnComparator() === "INSYNC") {
                return { state: waiter/* WaiterState */.IX.SUCCESS, reason };
            }
        }
        catch (e) { }
    }
    catch (exception) {
        reason = exception;
    }
    return { state: waiter/* WaiterState */.IX.RETRY, reason };
};
const waitForResourceRecordSetsChanged = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 120 };
    return createWaiter({ ...serviceDefaults, ...params }, input, checkState);
};
const waitUntilResourceRecordSetsChanged = async (params, input) => {
    const serviceDefaults = { minDelay: 30, maxDelay: 120 };
    const result = await (0,util_waiter_createWaiter/* createWaiter */.$)({ ...serviceDefaults, ...params }, input, checkState);
    return (0,waiter/* checkExceptions */.No)(result);
};


/***/ }),

/***/ 5477:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ emitWarningIfUnsupportedVersion),
/* harmony export */   w: () => (/* binding */ state)
/* harmony export */ });
const state = {
    warningEmitted: false,
};
const emitWarningIfUnsupportedVersion = (version) => {
    if (version && !state.warningEmitted) {
        if (process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED === "true") {
            state.warningEmitted = true;
            return;
        }
        const userMajorVersion = parseInt(version.substring(1, version.indexOf(".")));
        const vv = 22;
        if (userMajorVersion < vv) {
            state.warningEmitted = true;
            process.emitWarning(`NodeVersionSupportWarning: The AWS SDK for JavaScript (v3)
versions published after the first week of January 2027
will require node >=${vv}. You are running node ${version}.

To continue receiving updates to AWS services, bug fixes,
and security updates please upgrade to node >=${vv}.

More information can be found at: https://a.co/c895JFp`);
        }
    }
};


/***/ }),

/***/ 9121:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ getDefaultSocketTimeout)
/* harmony export */ });
const isDefaultSocketTimeoutEnabled = () => typeof process === "object" && process?.env?.AWS_ENABLE_DEFAULT_SOCKET_TIMEOUT_2026 === "true";
const getDefaultSocketTimeout = (requestHandler, timeoutMs) => {
    if (!isDefaultSocketTimeoutEnabled()) {
        return undefined;
    }
    if (typeof requestHandler?.handle === "function") {
        return undefined;
    }
    return timeoutMs;
};


/***/ }),

/***/ 9007:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CT: () => (/* binding */ hostHeaderMiddleware),
/* harmony export */   OV: () => (/* binding */ resolveHostHeaderConfig),
/* harmony export */   TC: () => (/* binding */ getHostHeaderPlugin),
/* harmony export */   _A: () => (/* binding */ hostHeaderMiddlewareOptions)
/* harmony export */ });
/* harmony import */ var _smithy_core_protocols__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9725);

function resolveHostHeaderConfig(input) {
    return input;
}
const hostHeaderMiddleware = (options) => (next) => async (args) => {
    if (!_smithy_core_protocols__WEBPACK_IMPORTED_MODULE_0__/* .HttpRequest */ .K.isInstance(args.request)) {
        return next(args);
    }
    const { request } = args;
    const { handlerProtocol = "" } = options.requestHandler.metadata || {};
    if (handlerProtocol.indexOf("h2") >= 0 && !request.headers[":authority"]) {
        delete request.headers["host"];
        request.headers[":authority"] = request.hostname + (request.port ? ":" + request.port : "");
    }
    else if (!request.headers["host"]) {
        let host = request.hostname;
        if (request.port != null) {
            host += `:${request.port}`;
        }
        request.headers["host"] = host;
    }
    return next(args);
};
const hostHeaderMiddlewareOptions = {
    name: "hostHeaderMiddleware",
    step: "build",
    priority: "low",
    tags: ["HOST"],
    override: true,
};
const getHostHeaderPlugin = (options) => ({
    applyToStack: (clientStack) => {
        clientStack.add(hostHeaderMiddleware(options), hostHeaderMiddlewareOptions);
    },
});


/***/ }),

/***/ 5180:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pj: () => (/* binding */ loggerMiddleware),
/* harmony export */   Y7: () => (/* binding */ getLoggerPlugin),
/* harmony export */   vN: () => (/* binding */ loggerMiddlewareOptions)
/* harmony export */ });
/* harmony import */ var _smithy_core_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7545);

const loggerMiddleware = () => (next, context) => async (args) => {
    try {
        const response = await next(args);
        const { logger } = context;
        const isNoOpLogger = logger instanceof _smithy_core_client__WEBPACK_IMPORTED_MODULE_0__/* .NoOpLogger */ .N;
        if (logger && !isNoOpLogger) {
            const { clientName, commandName, dynamoDbDocumentClientOptions = {} } = context;
            const { overrideInputFilterSensitiveLog, overrideOutputFilterSensitiveLog } = dynamoDbDocumentClientOptions;
            const inputFilterSensitiveLog = overrideInputFilterSensitiveLog ?? context.inputFilterSensitiveLog;
            const outputFilterSensitiveLog = overrideOutputFilterSensitiveLog ?? context.outputFilterSensitiveLog;
            const { $metadata, ...outputWithoutMetadata } = response.output;
            logger.info?.({
                clientName,
                commandName,
                input: inputFilterSensitiveLog(args.input),
                output: outputFilterSensitiveLog(outputWithoutMetadata),
                metadata: $metadata,
            });
        }
        return response;
    }
    catch (error) {
        const { clientName, commandName, logger, dynamoDbDocumentClientOptions = {} } = context;
        const { overrideInputFilterSensitiveLog } = dynamoDbDocumentClientOptions;
        const inputFilterSensitiveLog = overrideInputFilterSensitiveLog ?? context.inputFilterSensitiveLog;
        logger?.error?.({
            clientName,
            commandName,
            input: inputFilterSensitiveLog(args.input),
            error,
            metadata: error.$metadata,
        });
        throw error;
    }
};
const loggerMiddlewareOptions = {
    name: "loggerMiddleware",
    tags: ["LOGGER"],
    step: "initialize",
    override: true,
};
const getLoggerPlugin = (options) => ({
    applyToStack: (clientStack) => {
        clientStack.add(loggerMiddleware(), loggerMiddlewareOptions);
    },
});


/***/ }),

/***/ 7902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ recursionDetectionMiddlewareOptions)
/* harmony export */ });
const recursionDetectionMiddlewareOptions = {
    step: "build",
    tags: ["RECURSION_DETECTION", "TRACE_CONTEXT_PROPAGATION"],
    name: "recursionDetectionMiddleware",
    override: true,
    priority: "low",
};


/***/ }),

/***/ 5688:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ getRecursionDetectionPlugin)
/* harmony export */ });
/* harmony import */ var _configuration__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7902);
/* harmony import */ var _recursionDetectionMiddleware__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8341);


const getRecursionDetectionPlugin = (options) => ({
    applyToStack: (clientStack) => {
        clientStack.add((0,_recursionDetectionMiddleware__WEBPACK_IMPORTED_MODULE_0__/* .recursionDetectionMiddleware */ .c)(), _configuration__WEBPACK_IMPORTED_MODULE_1__/* .recursionDetectionMiddlewareOptions */ .W);
    },
});


/***/ }),

/***/ 8341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ recursionDetectionMiddleware)
/* harmony export */ });
/* harmony import */ var _aws_lambda_invoke_store__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9320);
/* harmony import */ var _smithy_core_protocols__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9725);


const AWS_LAMBDA_FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";
const _X_AMZN_TRACE_ID = "_X_AMZN_TRACE_ID";
const X_AMZN_TRACE_ID = "X-Amzn-Trace-Id";
const TRACEPARENT = "traceparent";
const TRACESTATE = "tracestate";
const BAGGAGE = "baggage";
const recursionDetectionMiddleware = () => (next) => async (args) => {
    const { request } = args;
    if (!_smithy_core_protocols__WEBPACK_IMPORTED_MODULE_1__/* .HttpRequest */ .K.isInstance(request)) {
        return next(args);
    }
    let invokeStore;
    {
        const traceIdHeader = Object.keys(request.headers ?? {}).find((h) => h.toLowerCase() === X_AMZN_TRACE_ID.toLowerCase()) ??
            X_AMZN_TRACE_ID;
        if (!request.headers.hasOwnProperty(traceIdHeader)) {
            const functionName = process.env[AWS_LAMBDA_FUNCTION_NAME];
            const traceIdFromEnv = process.env[_X_AMZN_TRACE_ID];
            invokeStore ??= await _aws_lambda_invoke_store__WEBPACK_IMPORTED_MODULE_0__/* .InvokeStore */ .A.getInstanceAsync();
            const traceIdFromInvokeStore = invokeStore?.getXRayTraceId();
            const traceId = traceIdFromInvokeStore ?? traceIdFromEnv;
            const nonEmptyString = (str) => typeof str === "string" && str.length > 0;
            if (nonEmptyString(functionName) && nonEmptyString(traceId)) {
                request.headers[X_AMZN_TRACE_ID] = traceId;
            }
        }
    }
    {
        sanitizeTraceHeaders(request.headers);
        const existingTraceparent = request.headers[TRACEPARENT];
        if (!existingTraceparent) {
            const traceparent = (invokeStore ??= await _aws_lambda_invoke_store__WEBPACK_IMPORTED_MODULE_0__/* .InvokeStore */ .A.getInstanceAsync())?.getTraceparent?.();
            if (traceparent) {
                request.headers[TRACEPARENT] = traceparent;
                const tracestate = invokeStore?.getTracestate?.();
                if (tracestate) {
                    request.headers[TRACESTATE] = tracestate;
                }
                const baggage = invokeStore?.getBaggage?.();
                if (baggage) {
                    request.headers[BAGGAGE] = baggage;
                }
            }
        }
    }
    return next(args);
};
function sanitizeTraceHeaders(headers) {
    for (const header of Object.keys(headers)) {
        const lower = header.toLowerCase();
        if (header !== lower && (lower === TRACEPARENT || lower === TRACESTATE || lower === BAGGAGE)) {
            headers[lower] = headers[header];
            delete headers[header];
        }
    }
}


/***/ }),

/***/ 846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ resolveUserAgentConfig),
/* harmony export */   b: () => (/* binding */ DEFAULT_UA_APP_ID)
/* harmony export */ });
/* harmony import */ var _smithy_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3926);

const DEFAULT_UA_APP_ID = undefined;
function isValidUserAgentAppId(appId) {
    if (appId === undefined) {
        return true;
    }
    return typeof appId === "string" && appId.length <= 50;
}
function resolveUserAgentConfig(input) {
    const normalizedAppIdProvider = (0,_smithy_core__WEBPACK_IMPORTED_MODULE_0__/* .normalizeProvider */ .t)(input.userAgentAppId ?? DEFAULT_UA_APP_ID);
    const { customUserAgent } = input;
    return Object.assign(input, {
        customUserAgent: typeof customUserAgent === "string" ? [[customUserAgent]] : customUserAgent,
        userAgentAppId: async () => {
            const appId = await normalizedAppIdProvider();
            if (!isValidUserAgentAppId(appId)) {
                const logger = input.logger?.constructor?.name === "NoOpLogger" || !input.logger ? console : input.logger;
                if (typeof appId !== "string") {
                    logger?.warn("userAgentAppId must be a string or undefined.");
                }
                else if (appId.length > 50) {
                    logger?.warn("The provided userAgentAppId exceeds the maximum length of 50 characters.");
                }
            }
            return appId;
        },
    });
}


/***/ }),

/***/ 721:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  l6: () => (/* binding */ getUserAgentMiddlewareOptions),
  sM: () => (/* binding */ getUserAgentPlugin),
  Le: () => (/* binding */ userAgentMiddleware)
});

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/httpRequest.js
var httpRequest = __webpack_require__(9725);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partition.js + 1 modules
var partition = __webpack_require__(3305);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/util-retry/config.js
var util_retry_config = __webpack_require__(4353);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/setFeature.js
var setFeature = __webpack_require__(8102);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/middleware-user-agent/check-features.js


const ACCOUNT_ID_ENDPOINT_REGEX = /\d{12}\.ddb/;
async function checkFeatures(context, config, args) {
    const request = args.request;
    if (request?.headers?.["smithy-protocol"] === "rpc-v2-cbor") {
        (0,setFeature/* setFeature */.J)(context, "PROTOCOL_RPC_V2_CBOR", "M");
    }
    if (typeof config.retryStrategy === "function") {
        const retryStrategy = await config.retryStrategy();
        if (typeof retryStrategy.mode === "string") {
            switch (retryStrategy.mode) {
                case util_retry_config/* RETRY_MODES */.cm.ADAPTIVE:
                    (0,setFeature/* setFeature */.J)(context, "RETRY_MODE_ADAPTIVE", "F");
                    break;
                case util_retry_config/* RETRY_MODES */.cm.STANDARD:
                    (0,setFeature/* setFeature */.J)(context, "RETRY_MODE_STANDARD", "E");
                    break;
            }
        }
    }
    if (typeof config.accountIdEndpointMode === "function") {
        const endpointV2 = context.endpointV2;
        if (String(endpointV2?.url?.hostname).match(ACCOUNT_ID_ENDPOINT_REGEX)) {
            (0,setFeature/* setFeature */.J)(context, "ACCOUNT_ID_ENDPOINT", "O");
        }
        switch (await config.accountIdEndpointMode?.()) {
            case "disabled":
                (0,setFeature/* setFeature */.J)(context, "ACCOUNT_ID_MODE_DISABLED", "Q");
                break;
            case "preferred":
                (0,setFeature/* setFeature */.J)(context, "ACCOUNT_ID_MODE_PREFERRED", "P");
                break;
            case "required":
                (0,setFeature/* setFeature */.J)(context, "ACCOUNT_ID_MODE_REQUIRED", "R");
                break;
        }
    }
    const identity = context.__smithy_context?.selectedHttpAuthScheme?.identity;
    if (identity?.$source) {
        const credentials = identity;
        if (credentials.accountId) {
            (0,setFeature/* setFeature */.J)(context, "RESOLVED_ACCOUNT_ID", "T");
        }
        for (const [key, value] of Object.entries(credentials.$source ?? {})) {
            (0,setFeature/* setFeature */.J)(context, key, value);
        }
    }
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/middleware-user-agent/constants.js
const USER_AGENT = "user-agent";
const X_AMZ_USER_AGENT = "x-amz-user-agent";
const SPACE = " ";
const UA_NAME_SEPARATOR = "/";
const UA_NAME_ESCAPE_REGEX = /[^!$%&'*+\-.^_`|~\w]/g;
const UA_VALUE_ESCAPE_REGEX = /[^!$%&'*+\-.^_`|~\w#]/g;
const UA_ESCAPE_CHAR = "-";

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/middleware-user-agent/encode-features.js
const BYTE_LIMIT = 1024;
function encodeFeatures(features) {
    let buffer = "";
    for (const key in features) {
        const val = features[key];
        if (buffer.length + val.length + 1 <= BYTE_LIMIT) {
            if (buffer.length) {
                buffer += "," + val;
            }
            else {
                buffer += val;
            }
            continue;
        }
        break;
    }
    return buffer;
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/middleware-user-agent/user-agent-middleware.js





const userAgentMiddleware = (options) => (next, context) => async (args) => {
    const { request } = args;
    if (!httpRequest/* HttpRequest */.K.isInstance(request)) {
        return next(args);
    }
    const { headers } = request;
    const userAgent = context?.userAgent?.map(escapeUserAgent) || [];
    const defaultUserAgent = (await options.defaultUserAgentProvider()).map(escapeUserAgent);
    await checkFeatures(context, options, args);
    const awsContext = context;
    defaultUserAgent.push(`m/${encodeFeatures(Object.assign({}, context.__smithy_context?.features, awsContext.__aws_sdk_context?.features))}`);
    const customUserAgent = options?.customUserAgent?.map(escapeUserAgent) || [];
    const appId = await options.userAgentAppId();
    if (appId) {
        defaultUserAgent.push(escapeUserAgent([`app`, `${appId}`]));
    }
    const prefix = (0,partition/* getUserAgentPrefix */.vL)();
    const sdkUserAgentValue = (prefix ? [prefix] : [])
        .concat([...defaultUserAgent, ...userAgent, ...customUserAgent])
        .join(SPACE);
    const normalUAValue = [
        ...defaultUserAgent.filter((section) => section.startsWith("aws-sdk-")),
        ...customUserAgent,
    ].join(SPACE);
    if (options.runtime !== "browser") {
        if (normalUAValue) {
            headers[X_AMZ_USER_AGENT] = headers[X_AMZ_USER_AGENT]
                ? `${headers[USER_AGENT]} ${normalUAValue}`
                : normalUAValue;
        }
        headers[USER_AGENT] = sdkUserAgentValue;
    }
    else {
        headers[X_AMZ_USER_AGENT] = sdkUserAgentValue;
    }
    return next({
        ...args,
        request,
    });
};
const escapeUserAgent = (userAgentPair) => {
    const name = userAgentPair[0]
        .split(UA_NAME_SEPARATOR)
        .map((part) => part.replace(UA_NAME_ESCAPE_REGEX, UA_ESCAPE_CHAR))
        .join(UA_NAME_SEPARATOR);
    const version = userAgentPair[1]?.replace(UA_VALUE_ESCAPE_REGEX, UA_ESCAPE_CHAR);
    const prefixSeparatorIndex = name.indexOf(UA_NAME_SEPARATOR);
    const prefix = name.substring(0, prefixSeparatorIndex);
    let uaName = name.substring(prefixSeparatorIndex + 1);
    if (prefix === "api") {
        uaName = uaName.toLowerCase();
    }
    return [prefix, uaName, version]
        .filter((item) => item && item.length > 0)
        .reduce((acc, item, index) => {
        switch (index) {
            case 0:
                return item;
            case 1:
                return `${acc}/${item}`;
            default:
                return `${acc}#${item}`;
        }
    }, "");
};
const getUserAgentMiddlewareOptions = {
    name: "getUserAgentMiddleware",
    step: "build",
    priority: "low",
    tags: ["SET_USER_AGENT", "USER_AGENT"],
    override: true,
};
const getUserAgentPlugin = (config) => ({
    applyToStack: (clientStack) => {
        clientStack.add(userAgentMiddleware(config), getUserAgentMiddlewareOptions);
    },
});


/***/ }),

/***/ 9999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ resolveAwsRegionExtensionConfiguration),
/* harmony export */   R: () => (/* binding */ getAwsRegionExtensionConfiguration)
/* harmony export */ });
const getAwsRegionExtensionConfiguration = (runtimeConfig) => {
    return {
        setRegion(region) {
            runtimeConfig.region = region;
        },
        region() {
            return runtimeConfig.region;
        },
    };
};
const resolveAwsRegionExtensionConfiguration = (awsRegionExtensionConfiguration) => {
    return {
        region: awsRegionExtensionConfiguration.region(),
    };
};


/***/ }),

/***/ 249:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ setCredentialFeature)
/* harmony export */ });
function setCredentialFeature(credentials, feature, value) {
    if (!credentials.$source) {
        credentials.$source = {};
    }
    credentials.$source[feature] = value;
    return credentials;
}


/***/ }),

/***/ 8102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ setFeature)
/* harmony export */ });
function setFeature(context, feature, value) {
    if (!context.__aws_sdk_context) {
        context.__aws_sdk_context = {
            features: {},
        };
    }
    else if (!context.__aws_sdk_context.features) {
        context.__aws_sdk_context.features = {};
    }
    context.__aws_sdk_context.features[feature] = value;
}


/***/ }),

/***/ 3117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ awsEndpointFunctions)
/* harmony export */ });
/* harmony import */ var _smithy_core_endpoints__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1046);
/* harmony import */ var _lib_aws_isVirtualHostableS3Bucket__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1547);
/* harmony import */ var _lib_aws_parseArn__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6330);
/* harmony import */ var _lib_aws_partition__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3305);




const awsEndpointFunctions = {
    isVirtualHostableS3Bucket: _lib_aws_isVirtualHostableS3Bucket__WEBPACK_IMPORTED_MODULE_0__/* .isVirtualHostableS3Bucket */ .Y,
    parseArn: _lib_aws_parseArn__WEBPACK_IMPORTED_MODULE_1__/* .parseArn */ .L,
    partition: _lib_aws_partition__WEBPACK_IMPORTED_MODULE_2__/* .partition */ .jB,
};
_smithy_core_endpoints__WEBPACK_IMPORTED_MODULE_3__/* .customEndpointFunctions */ .m.aws = awsEndpointFunctions;


/***/ }),

/***/ 1547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ isVirtualHostableS3Bucket)
/* harmony export */ });
/* harmony import */ var _smithy_core_endpoints__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4280);
/* harmony import */ var _isIpAddress__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6676);


const isVirtualHostableS3Bucket = (value, allowSubDomains = false) => {
    if (allowSubDomains) {
        for (const label of value.split(".")) {
            if (!isVirtualHostableS3Bucket(label)) {
                return false;
            }
        }
        return true;
    }
    if (!(0,_smithy_core_endpoints__WEBPACK_IMPORTED_MODULE_0__/* .isValidHostLabel */ .X)(value)) {
        return false;
    }
    if (value.length < 3 || value.length > 63) {
        return false;
    }
    if (value !== value.toLowerCase()) {
        return false;
    }
    if ((0,_isIpAddress__WEBPACK_IMPORTED_MODULE_1__/* .isIpAddress */ .o)(value)) {
        return false;
    }
    return true;
};


/***/ }),

/***/ 6330:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ parseArn)
/* harmony export */ });
const ARN_DELIMITER = ":";
const RESOURCE_DELIMITER = "/";
const parseArn = (value) => {
    const segments = value.split(ARN_DELIMITER);
    if (segments.length < 6) {
        return null;
    }
    const [arn, partition, service, region, accountId, ...resourcePath] = segments;
    if (arn !== "arn" || partition === "" || service === "" || resourcePath.join(ARN_DELIMITER) === "") {
        return null;
    }
    const resourceId = resourcePath.map((resource) => resource.split(RESOURCE_DELIMITER)).flat();
    return {
        partition,
        service,
        region,
        accountId,
        resourceId,
    };
};


/***/ }),

/***/ 3305:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vL: () => (/* binding */ getUserAgentPrefix),
  jB: () => (/* binding */ partition),
  nA: () => (/* binding */ setPartitionInfo),
  Nu: () => (/* binding */ useDefaultPartitionInfo)
});

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partitions.js
const partitionsInfo = {
    "partitions": [
        {
            "id": "aws",
            "outputs": {
                "dnsSuffix": "amazonaws.com",
                "dualStackDnsSuffix": "api.aws",
                "implicitGlobalRegion": "us-east-1",
                "name": "aws",
                "supportsDualStack": true,
                "supportsFIPS": true
            },
            "regionRegex": "^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$",
            "regions": {
                "af-south-1": {
                    "description": "Africa (Cape Town)"
                },
                "ap-east-1": {
                    "description": "Asia Pacific (Hong Kong)"
                },
                "ap-east-2": {
                    "description": "Asia Pacific (Taipei)"
                },
                "ap-northeast-1": {
                    "description": "Asia Pacific (Tokyo)"
                },
                "ap-northeast-2": {
                    "description": "Asia Pacific (Seoul)"
                },
                "ap-northeast-3": {
                    "description": "Asia Pacific (Osaka)"
                },
                "ap-south-1": {
                    "description": "Asia Pacific (Mumbai)"
                },
                "ap-south-2": {
                    "description": "Asia Pacific (Hyderabad)"
                },
                "ap-southeast-1": {
                    "description": "Asia Pacific (Singapore)"
                },
                "ap-southeast-2": {
                    "description": "Asia Pacific (Sydney)"
                },
                "ap-southeast-3": {
                    "description": "Asia Pacific (Jakarta)"
                },
                "ap-southeast-4": {
                    "description": "Asia Pacific (Melbourne)"
                },
                "ap-southeast-5": {
                    "description": "Asia Pacific (Malaysia)"
                },
                "ap-southeast-6": {
                    "description": "Asia Pacific (New Zealand)"
                },
                "ap-southeast-7": {
                    "description": "Asia Pacific (Thailand)"
                },
                "aws-global": {
                    "description": "aws global region"
                },
                "ca-central-1": {
                    "description": "Canada (Central)"
                },
                "ca-west-1": {
                    "description": "Canada West (Calgary)"
                },
                "eu-central-1": {
                    "description": "Europe (Frankfurt)"
                },
                "eu-central-2": {
                    "description": "Europe (Zurich)"
                },
                "eu-north-1": {
                    "description": "Europe (Stockholm)"
                },
                "eu-south-1": {
                    "description": "Europe (Milan)"
                },
                "eu-south-2": {
                    "description": "Europe (Spain)"
                },
                "eu-west-1": {
                    "description": "Europe (Ireland)"
                },
                "eu-west-2": {
                    "description": "Europe (London)"
                },
                "eu-west-3": {
                    "description": "Europe (Paris)"
                },
                "il-central-1": {
                    "description": "Israel (Tel Aviv)"
                },
                "me-central-1": {
                    "description": "Middle East (UAE)"
                },
                "me-south-1": {
                    "description": "Middle East (Bahrain)"
                },
                "me-west-1": {
                    "description": "Middle East (Saudi Arabia)"
                },
                "mx-central-1": {
                    "description": "Mexico (Central)"
                },
                "sa-east-1": {
                    "description": "South America (Sao Paulo)"
                },
                "sa-west-1": {
                    "description": "South America (Chile)"
                },
                "us-east-1": {
                    "description": "US East (N. Virginia)"
                },
                "us-east-2": {
                    "description": "US East (Ohio)"
                },
                "us-west-1": {
                    "description": "US West (N. California)"
                },
                "us-west-2": {
                    "description": "US West (Oregon)"
                }
            }
        },
        {
            "id": "aws-cn",
            "outputs": {
                "dnsSuffix": "amazonaws.com.cn",
                "dualStackDnsSuffix": "api.amazonwebservices.com.cn",
                "implicitGlobalRegion": "cn-northwest-1",
                "name": "aws-cn",
                "supportsDualStack": true,
                "supportsFIPS": true
            },
            "regionRegex": "^cn\\-\\w+\\-\\d+$",
            "regions": {
                "aws-cn-global": {
                    "description": "aws-cn global region"
                },
                "cn-north-1": {
                    "description": "China (Beijing)"
                },
                "cn-northwest-1": {
                    "description": "China (Ningxia)"
                }
            }
        },
        {
            "id": "aws-eusc",
            "outputs": {
                "dnsSuffix": "amazonaws.eu",
                "dualStackDnsSuffix": "api.amazonwebservices.eu",
                "implicitGlobalRegion": "eusc-de-east-1",
                "name": "aws-eusc",
                "supportsDualStack": true,
                "supportsFIPS": true
            },
            "regionRegex": "^eusc\\-(de)\\-\\w+\\-\\d+$",
            "regions": {
                "eusc-de-east-1": {
                    "description": "AWS European Sovereign Cloud (Germany)"
                }
            }
        },
        {
            "id": "aws-iso",
            "outputs": {
                "dnsSuffix": "c2s.ic.gov",
                "dualStackDnsSuffix": "api.aws.ic.gov",
                "implicitGlobalRegion": "us-iso-east-1",
                "name": "aws-iso",
                "supportsDualStack": true,
                "supportsFIPS": true
            },
            "regionRegex": "^us\\-iso\\-\\w+\\-\\d+$",
            "regions": {
                "aws-iso-global": {
                    "description": "aws-iso global region"
                },
                "us-iso-east-1": {
                    "description": "US ISO East"
                },
                "us-iso-west-1": {
                    "description": "US ISO WEST"
                }
            }
        },
        {
            "id": "aws-iso-b",
            "outputs": {
                "dnsSuffix": "sc2s.sgov.gov",
                "dualStackDnsSuffix": "api.aws.scloud",
                "implicitGlobalRegion": "us-isob-east-1",
                "name": "aws-iso-b",
                "supportsDualStack": true,
                "supportsFIPS": true
            },
            "regionRegex": "^us\\-isob\\-\\w+\\-\\d+$",
            "regions": {
                "aws-iso-b-global": {
                    "description": "aws-iso-b global region"
                },
                "us-isob-east-1": {
                    "description": "US ISOB East (Ohio)"
                },
                "us-isob-west-1": {
                    "description": "US ISOB West"
                }
            }
        },
        {
            "id": "aws-iso-e",
            "outputs": {
                "dnsSuffix": "cloud.adc-e.uk",
                "dualStackDnsSuffix": "api.cloud-aws.adc-e.uk",
                "implicitGlobalRegion": "eu-isoe-west-1",
                "name": "aws-iso-e",
                "supportsDualStack": true,
                "supportsFIPS": true
            },
            "regionRegex": "^eu\\-isoe\\-\\w+\\-\\d+$",
            "regions": {
                "aws-iso-e-global": {
                    "description": "aws-iso-e global region"
                },
                "eu-isoe-west-1": {
                    "description": "EU ISOE West"
                }
            }
        },
        {
            "id": "aws-iso-f",
            "outputs": {
                "dnsSuffix": "csp.hci.ic.gov",
                "dualStackDnsSuffix": "api.aws.hci.ic.gov",
                "implicitGlobalRegion": "us-isof-south-1",
                "name": "aws-iso-f",
                "supportsDualStack": true,
                "supportsFIPS": true
            },
            "regionRegex": "^us\\-isof\\-\\w+\\-\\d+$",
            "regions": {
                "aws-iso-f-global": {
                    "description": "aws-iso-f global region"
                },
                "us-isof-east-1": {
                    "description": "US ISOF EAST"
                },
                "us-isof-south-1": {
                    "description": "US ISOF SOUTH"
                }
            }
        },
        {
            "id": "aws-us-gov",
            "outputs": {
                "dnsSuffix": "amazonaws.com",
                "dualStackDnsSuffix": "api.aws",
                "implicitGlobalRegion": "us-gov-west-1",
                "name": "aws-us-gov",
                "supportsDualStack": true,
                "supportsFIPS": true
            },
            "regionRegex": "^us\\-gov\\-\\w+\\-\\d+$",
            "regions": {
                "aws-us-gov-global": {
                    "description": "aws-us-gov global region"
                },
                "us-gov-east-1": {
                    "description": "AWS GovCloud (US-East)"
                },
                "us-gov-west-1": {
                    "description": "AWS GovCloud (US-West)"
                }
            }
        }
    ],
    "version": "1.1"
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/util-endpoints/lib/aws/partition.js

let selectedPartitionsInfo = partitionsInfo;
let selectedUserAgentPrefix = "";
const partition = (value) => {
    const { partitions } = selectedPartitionsInfo;
    for (const partition of partitions) {
        const { regions, outputs } = partition;
        for (const [region, regionData] of Object.entries(regions)) {
            if (region === value) {
                return {
                    ...outputs,
                    ...regionData,
                };
            }
        }
    }
    for (const partition of partitions) {
        const { regionRegex, outputs } = partition;
        if (new RegExp(regionRegex).test(value)) {
            return {
                ...outputs,
            };
        }
    }
    const DEFAULT_PARTITION = partitions.find((partition) => partition.id === "aws");
    if (!DEFAULT_PARTITION) {
        throw new Error("Provided region was not found in the partition array or regex," +
            " and default partition with id 'aws' doesn't exist.");
    }
    return {
        ...DEFAULT_PARTITION.outputs,
    };
};
const setPartitionInfo = (partitionsInfo, userAgentPrefix = "") => {
    selectedPartitionsInfo = partitionsInfo;
    selectedUserAgentPrefix = userAgentPrefix;
};
const useDefaultPartitionInfo = () => {
    setPartitionInfo(partitionsInfo, "");
};
const getUserAgentPrefix = () => selectedUserAgentPrefix;


/***/ }),

/***/ 6315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ crtAvailability)
/* harmony export */ });
const crtAvailability = {
    isCrtAvailable: false,
};


/***/ }),

/***/ 3837:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pf: () => (/* binding */ createDefaultUserAgentProvider),
  mJ: () => (/* binding */ defaultUserAgent)
});

// UNUSED EXPORTS: crtAvailability

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:process"
var external_node_process_ = __webpack_require__(1708);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/util-user-agent-node/getRuntimeUserAgentPair.js

const getRuntimeUserAgentPair = () => {
    const runtimesToCheck = ["deno", "bun", "llrt"];
    for (const runtime of runtimesToCheck) {
        if (external_node_process_.versions[runtime]) {
            return [`md/${runtime}`, external_node_process_.versions[runtime]];
        }
    }
    return ["md/nodejs", external_node_process_.versions.node];
};

// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/util-user-agent-node/crt-availability.js
var crt_availability = __webpack_require__(6315);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/util-user-agent-node/is-crt-available.js

const isCrtAvailable = () => {
    if (crt_availability/* crtAvailability */.D.isCrtAvailable) {
        return ["md/crt-avail"];
    }
    return null;
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/util-user-agent-node/defaultUserAgent.js





const createDefaultUserAgentProvider = ({ serviceId, clientVersion }) => {
    const runtimeUserAgentPair = getRuntimeUserAgentPair();
    return async (config) => {
        const sections = [
            ["aws-sdk-js", clientVersion],
            ["ua", "2.1"],
            [`os/${(0,external_node_os_.platform)()}`, (0,external_node_os_.release)()],
            ["lang/js"],
            runtimeUserAgentPair,
        ];
        const crtAvailable = isCrtAvailable();
        if (crtAvailable) {
            sections.push(crtAvailable);
        }
        if (serviceId) {
            sections.push([`api/${serviceId}`, clientVersion]);
        }
        if (external_node_process_.env.AWS_EXECUTION_ENV) {
            sections.push([`exec-env/${external_node_process_.env.AWS_EXECUTION_ENV}`]);
        }
        const appId = await config?.userAgentAppId?.();
        const resolvedUserAgent = appId ? [...sections, [`app/${appId}`]] : [...sections];
        return resolvedUserAgent;
    };
};
const defaultUserAgent = createDefaultUserAgentProvider;


/***/ }),

/***/ 7652:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CP: () => (/* binding */ UA_APP_ID_INI_NAME),
/* harmony export */   PF: () => (/* binding */ UA_APP_ID_ENV_NAME),
/* harmony export */   hV: () => (/* binding */ NODE_APP_ID_CONFIG_OPTIONS)
/* harmony export */ });
/* harmony import */ var _middleware_user_agent_configurations__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(846);

const UA_APP_ID_ENV_NAME = "AWS_SDK_UA_APP_ID";
const UA_APP_ID_INI_NAME = "sdk_ua_app_id";
const UA_APP_ID_INI_NAME_DEPRECATED = "sdk-ua-app-id";
const NODE_APP_ID_CONFIG_OPTIONS = {
    environmentVariableSelector: (env) => env[UA_APP_ID_ENV_NAME],
    configFileSelector: (profile) => profile[UA_APP_ID_INI_NAME] ?? profile[UA_APP_ID_INI_NAME_DEPRECATED],
    default: _middleware_user_agent_configurations__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_UA_APP_ID */ .b,
};


/***/ }),

/***/ 4881:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ AwsSdkSigV4ASigner)
/* harmony export */ });
/* harmony import */ var _smithy_core_protocols__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9725);
/* harmony import */ var _utils__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3786);
/* harmony import */ var _AwsSdkSigV4Signer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2526);



class AwsSdkSigV4ASigner extends _AwsSdkSigV4Signer__WEBPACK_IMPORTED_MODULE_0__/* .AwsSdkSigV4Signer */ .f2 {
    async sign(httpRequest, identity, signingProperties) {
        if (!_smithy_core_protocols__WEBPACK_IMPORTED_MODULE_1__/* .HttpRequest */ .K.isInstance(httpRequest)) {
            throw new Error("The request is not an instance of `HttpRequest` and cannot be signed");
        }
        const { config, signer, signingRegion, signingRegionSet, signingName } = await (0,_AwsSdkSigV4Signer__WEBPACK_IMPORTED_MODULE_0__/* .validateSigningProperties */ .pz)(signingProperties);
        const configResolvedSigningRegionSet = await config.sigv4aSigningRegionSet?.();
        const multiRegionOverride = (configResolvedSigningRegionSet ??
            signingRegionSet ?? [signingRegion]).join(",");
        const noSkewCorrection = (await config.disableClockSkewCorrection?.()) === true;
        signingProperties._disableClockSkewCorrection = noSkewCorrection;
        if (!noSkewCorrection) {
            signingProperties._preRequestSystemClockOffset = config.systemClockOffset;
            signingProperties._requestSentAt = Date.now();
        }
        const signedRequest = await signer.sign(httpRequest, {
            signingDate: noSkewCorrection ? new Date() : (0,_utils__WEBPACK_IMPORTED_MODULE_2__/* .getSkewCorrectedDate */ .C)(config.systemClockOffset),
            signingRegion: multiRegionOverride,
            signingService: signingName,
        });
        return signedRequest;
    }
}


/***/ }),

/***/ 2526:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PG: () => (/* binding */ AWSSDKSigV4Signer),
  f2: () => (/* binding */ AwsSdkSigV4Signer),
  pz: () => (/* binding */ validateSigningProperties)
});

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/httpRequest.js
var transport_httpRequest = __webpack_require__(9725);
// EXTERNAL MODULE: ./node_modules/@smithy/types/dist-es/middleware.js
var middleware = __webpack_require__(7418);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/utils/getSkewCorrectedDate.js
var getSkewCorrectedDate = __webpack_require__(3786);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/httpResponse.js
var httpResponse = __webpack_require__(5401);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/utils/getDateHeader.js

const getDateHeader = (response) => httpResponse/* HttpResponse */.c.isInstance(response) ? (response.headers?.date ?? response.headers?.Date) : undefined;
const getAgeHeader = (response) => httpResponse/* HttpResponse */.c.isInstance(response) ? (response.headers?.age ?? response.headers?.Age) : undefined;

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/utils/getUpdatedSystemClockOffset.js
const getUpdatedSystemClockOffset = (clockTime, currentSystemClockOffset, timeRequestSent, ageHeader) => {
    if (ageHeader !== undefined) {
        return currentSystemClockOffset;
    }
    const serverTime = Date.parse(clockTime);
    if (Number.isNaN(serverTime)) {
        return currentSystemClockOffset;
    }
    const timeResponseReceived = Date.now();
    if (timeRequestSent !== undefined && timeResponseReceived - timeRequestSent > 900_000) {
        return currentSystemClockOffset;
    }
    return serverTime - timeResponseReceived;
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/aws_sdk/AwsSdkSigV4Signer.js



const throwSigningPropertyError = (name, property) => {
    if (!property) {
        throw new Error(`Property \`${name}\` is not resolved for AWS SDK SigV4Auth`);
    }
    return property;
};
const hasEventStreamOutput = (signingProperties) => {
    const context = signingProperties.context;
    const eventStream = context?.[middleware/* SMITHY_CONTEXT_KEY */.V]
        ?.eventStream;
    return eventStream?.output === true;
};
const validateSigningProperties = async (signingProperties) => {
    const context = throwSigningPropertyError("context", signingProperties.context);
    const config = throwSigningPropertyError("config", signingProperties.config);
    const authScheme = context.endpointV2?.properties?.authSchemes?.[0];
    const signerFunction = throwSigningPropertyError("signer", config.signer);
    const signer = await signerFunction(authScheme);
    const signingRegion = signingProperties?.signingRegion;
    const signingRegionSet = signingProperties?.signingRegionSet;
    const signingName = signingProperties?.signingName;
    return {
        config,
        signer,
        signingRegion,
        signingRegionSet,
        signingName,
    };
};
class AwsSdkSigV4Signer {
    async sign(httpRequest, identity, signingProperties) {
        if (!transport_httpRequest/* HttpRequest */.K.isInstance(httpRequest)) {
            throw new Error("The request is not an instance of `HttpRequest` and cannot be signed");
        }
        const validatedProps = await validateSigningProperties(signingProperties);
        const { config, signer } = validatedProps;
        let { signingRegion, signingName } = validatedProps;
        const handlerExecutionContext = signingProperties.context;
        if (handlerExecutionContext?.authSchemes?.length ?? 0 > 1) {
            const [first, second] = handlerExecutionContext.authSchemes;
            if (first?.name === "sigv4a" && second?.name === "sigv4") {
                signingRegion = second?.signingRegion ?? signingRegion;
                signingName = second?.signingName ?? signingName;
            }
        }
        const noSkewCorrection = (await config.disableClockSkewCorrection?.()) === true;
        signingProperties._disableClockSkewCorrection = noSkewCorrection;
        const skipSkewSampling = noSkewCorrection || hasEventStreamOutput(signingProperties);
        signingProperties._skipClockSkewSampling = skipSkewSampling;
        if (!skipSkewSampling) {
            signingProperties._preRequestSystemClockOffset = config.systemClockOffset;
            signingProperties._requestSentAt = Date.now();
        }
        const signedRequest = await signer.sign(httpRequest, {
            signingDate: noSkewCorrection ? new Date() : (0,getSkewCorrectedDate/* getSkewCorrectedDate */.C)(config.systemClockOffset),
            signingRegion: signingRegion,
            signingService: signingName,
        });
        return signedRequest;
    }
    errorHandler(signingProperties) {
        return (error) => {
            const errorException = error;
            if (!signingProperties._skipClockSkewSampling && !signingProperties._disableClockSkewCorrection) {
                const serverTime = errorException.ServerTime ?? getDateHeader(errorException.$response);
                if (serverTime) {
                    const config = throwSigningPropertyError("config", signingProperties.config);
                    const preRequestOffset = signingProperties._preRequestSystemClockOffset;
                    const timeRequestSent = signingProperties._requestSentAt;
                    const ageHeader = getAgeHeader(errorException.$response);
                    const newOffset = getUpdatedSystemClockOffset(serverTime, config.systemClockOffset, timeRequestSent, ageHeader);
                    config.systemClockOffset = newOffset;
                    const skewExceedsThreshold = Math.abs(newOffset) >= 240_000;
                    const isLocalCorrection = newOffset !== preRequestOffset;
                    const isConcurrentCorrection = preRequestOffset !== undefined && preRequestOffset !== newOffset;
                    if (skewExceedsThreshold && (isLocalCorrection || isConcurrentCorrection) && errorException.$metadata) {
                        errorException.$metadata.clockSkewCorrected = true;
                    }
                }
            }
            throw error;
        };
    }
    successHandler(httpResponse, signingProperties) {
        if (signingProperties._skipClockSkewSampling || signingProperties._disableClockSkewCorrection) {
            return;
        }
        const dateHeader = getDateHeader(httpResponse);
        if (dateHeader) {
            const config = throwSigningPropertyError("config", signingProperties.config);
            const timeRequestSent = signingProperties._requestSentAt;
            const ageHeader = getAgeHeader(httpResponse);
            config.systemClockOffset = getUpdatedSystemClockOffset(dateHeader, config.systemClockOffset, timeRequestSent, ageHeader);
        }
    }
}
const AWSSDKSigV4Signer = AwsSdkSigV4Signer;


/***/ }),

/***/ 4943:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $: () => (/* binding */ NODE_AUTH_SCHEME_PREFERENCE_OPTIONS)
});

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/utils/getArrayForCommaSeparatedString.js
const getArrayForCommaSeparatedString = (str) => typeof str === "string" && str.length > 0 ? str.split(",").map((item) => item.trim()) : [];

// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/utils/getBearerTokenEnvKey.js
var getBearerTokenEnvKey = __webpack_require__(7419);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/aws_sdk/NODE_AUTH_SCHEME_PREFERENCE_OPTIONS.js


const NODE_AUTH_SCHEME_PREFERENCE_ENV_KEY = "AWS_AUTH_SCHEME_PREFERENCE";
const NODE_AUTH_SCHEME_PREFERENCE_CONFIG_KEY = "auth_scheme_preference";
const NODE_AUTH_SCHEME_PREFERENCE_OPTIONS = {
    environmentVariableSelector: (env, options) => {
        if (options?.signingName) {
            const bearerTokenKey = (0,getBearerTokenEnvKey/* getBearerTokenEnvKey */.R)(options.signingName);
            if (bearerTokenKey in env) {
                return ["httpBearerAuth"];
            }
        }
        if (!(NODE_AUTH_SCHEME_PREFERENCE_ENV_KEY in env)) {
            return undefined;
        }
        return getArrayForCommaSeparatedString(env[NODE_AUTH_SCHEME_PREFERENCE_ENV_KEY]);
    },
    configFileSelector: (profile) => {
        if (!(NODE_AUTH_SCHEME_PREFERENCE_CONFIG_KEY in profile)) {
            return undefined;
        }
        return getArrayForCommaSeparatedString(profile[NODE_AUTH_SCHEME_PREFERENCE_CONFIG_KEY]);
    },
    default: [],
};


/***/ }),

/***/ 6839:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ NODE_SIGV4A_CONFIG_OPTIONS),
/* harmony export */   O: () => (/* binding */ resolveAwsSdkSigV4AConfig)
/* harmony export */ });
/* harmony import */ var _smithy_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3926);
/* harmony import */ var _smithy_core_config__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1342);


const resolveAwsSdkSigV4AConfig = (config) => {
    config.sigv4aSigningRegionSet = (0,_smithy_core__WEBPACK_IMPORTED_MODULE_0__/* .normalizeProvider */ .t)(config.sigv4aSigningRegionSet);
    return config;
};
const NODE_SIGV4A_CONFIG_OPTIONS = {
    environmentVariableSelector(env) {
        if (env.AWS_SIGV4A_SIGNING_REGION_SET) {
            return env.AWS_SIGV4A_SIGNING_REGION_SET.split(",").map((_) => _.trim());
        }
        throw new _smithy_core_config__WEBPACK_IMPORTED_MODULE_1__/* .ProviderError */ .m("AWS_SIGV4A_SIGNING_REGION_SET not set in env.", {
            tryNextLink: true,
        });
    },
    configFileSelector(profile) {
        if (profile.sigv4a_signing_region_set) {
            return (profile.sigv4a_signing_region_set ?? "").split(",").map((_) => _.trim());
        }
        throw new _smithy_core_config__WEBPACK_IMPORTED_MODULE_1__/* .ProviderError */ .m("sigv4a_signing_region_set not set in profile.", {
            tryNextLink: true,
        });
    },
    default: undefined,
};


/***/ }),

/***/ 3912:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AWSSDKSigV4Signer: () => (/* reexport */ AwsSdkSigV4Signer/* AWSSDKSigV4Signer */.PG),
  AwsSdkSigV4ASigner: () => (/* reexport */ AwsSdkSigV4ASigner/* AwsSdkSigV4ASigner */.S),
  AwsSdkSigV4Signer: () => (/* reexport */ AwsSdkSigV4Signer/* AwsSdkSigV4Signer */.f2),
  NODE_AUTH_SCHEME_PREFERENCE_OPTIONS: () => (/* reexport */ NODE_AUTH_SCHEME_PREFERENCE_OPTIONS/* NODE_AUTH_SCHEME_PREFERENCE_OPTIONS */.$),
  NODE_SIGV4A_CONFIG_OPTIONS: () => (/* reexport */ resolveAwsSdkSigV4AConfig/* NODE_SIGV4A_CONFIG_OPTIONS */.A),
  getBearerTokenEnvKey: () => (/* reexport */ getBearerTokenEnvKey/* getBearerTokenEnvKey */.R),
  resolveAWSSDKSigV4Config: () => (/* binding */ resolveAWSSDKSigV4Config),
  resolveAwsSdkSigV4AConfig: () => (/* reexport */ resolveAwsSdkSigV4AConfig/* resolveAwsSdkSigV4AConfig */.O),
  resolveAwsSdkSigV4Config: () => (/* binding */ resolveAwsSdkSigV4Config),
  validateSigningProperties: () => (/* reexport */ AwsSdkSigV4Signer/* validateSigningProperties */.pz)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/aws_sdk/AwsSdkSigV4Signer.js + 2 modules
var AwsSdkSigV4Signer = __webpack_require__(2526);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/aws_sdk/AwsSdkSigV4ASigner.js
var AwsSdkSigV4ASigner = __webpack_require__(4881);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/aws_sdk/NODE_AUTH_SCHEME_PREFERENCE_OPTIONS.js + 1 modules
var NODE_AUTH_SCHEME_PREFERENCE_OPTIONS = __webpack_require__(4943);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/aws_sdk/resolveAwsSdkSigV4AConfig.js
var resolveAwsSdkSigV4AConfig = __webpack_require__(6839);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/utils/getBearerTokenEnvKey.js
var getBearerTokenEnvKey = __webpack_require__(7419);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/client/setCredentialFeature.js
var setCredentialFeature = __webpack_require__(249);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/normalizeProvider.js
var normalizeProvider = __webpack_require__(3926);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/legacy-root-exports/util-identity-and-auth/memoizeIdentityProvider.js
var memoizeIdentityProvider = __webpack_require__(4649);
// EXTERNAL MODULE: ./node_modules/@smithy/signature-v4/dist-es/SignatureV4.js + 11 modules
var SignatureV4 = __webpack_require__(7476);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/aws_sdk/resolveAwsSdkSigV4Config.js



const bindResolveAwsSdkSigV4Config = (defaultDisableClockSkewCorrection) => (config) => {
    let inputCredentials = config.credentials;
    let isUserSupplied = !!config.credentials;
    let resolvedCredentials = undefined;
    Object.defineProperty(config, "credentials", {
        set(credentials) {
            if (credentials && credentials !== inputCredentials && credentials !== resolvedCredentials) {
                isUserSupplied = true;
            }
            inputCredentials = credentials;
            const memoizedProvider = normalizeCredentialProvider(config, {
                credentials: inputCredentials,
                credentialDefaultProvider: config.credentialDefaultProvider,
            });
            const boundProvider = bindCallerConfig(config, memoizedProvider);
            if (isUserSupplied && !boundProvider.attributed) {
                const isCredentialObject = typeof inputCredentials === "object" && inputCredentials !== null;
                resolvedCredentials = async (options) => {
                    const creds = await boundProvider(options);
                    const attributedCreds = creds;
                    if (isCredentialObject && (!attributedCreds.$source || Object.keys(attributedCreds.$source).length === 0)) {
                        return (0,setCredentialFeature/* setCredentialFeature */.g)(attributedCreds, "CREDENTIALS_CODE", "e");
                    }
                    return attributedCreds;
                };
                resolvedCredentials.memoized = boundProvider.memoized;
                resolvedCredentials.configBound = boundProvider.configBound;
                resolvedCredentials.attributed = true;
            }
            else {
                resolvedCredentials = boundProvider;
            }
        },
        get() {
            return resolvedCredentials;
        },
        enumerable: true,
        configurable: true,
    });
    config.credentials = inputCredentials;
    const { signingEscapePath = true, systemClockOffset = config.systemClockOffset || 0, sha256, } = config;
    let signer;
    if (config.signer) {
        signer = (0,normalizeProvider/* normalizeProvider */.t)(config.signer);
    }
    else if (config.regionInfoProvider) {
        signer = () => (0,normalizeProvider/* normalizeProvider */.t)(config.region)()
            .then(async (region) => [
            (await config.regionInfoProvider(region, {
                useFipsEndpoint: await config.useFipsEndpoint(),
                useDualstackEndpoint: await config.useDualstackEndpoint(),
            })) || {},
            region,
        ])
            .then(([regionInfo, region]) => {
            const { signingRegion, signingService } = regionInfo;
            config.signingRegion = config.signingRegion || signingRegion || region;
            config.signingName = config.signingName || signingService || config.serviceId;
            const params = {
                ...config,
                credentials: config.credentials,
                region: config.signingRegion,
                service: config.signingName,
                sha256,
                uriEscapePath: signingEscapePath,
            };
            const SignerCtor = config.signerConstructor || SignatureV4/* SignatureV4 */.B;
            return new SignerCtor(params);
        });
    }
    else {
        signer = async (authScheme) => {
            authScheme = Object.assign({}, {
                name: "sigv4",
                signingName: config.signingName || config.defaultSigningName,
                signingRegion: await (0,normalizeProvider/* normalizeProvider */.t)(config.region)(),
                properties: {},
            }, authScheme);
            const signingRegion = authScheme.signingRegion;
            const signingService = authScheme.signingName;
            config.signingRegion = config.signingRegion || signingRegion;
            config.signingName = config.signingName || signingService || config.serviceId;
            const params = {
                ...config,
                credentials: config.credentials,
                region: config.signingRegion,
                service: config.signingName,
                sha256,
                uriEscapePath: signingEscapePath,
            };
            const SignerCtor = config.signerConstructor || SignatureV4/* SignatureV4 */.B;
            return new SignerCtor(params);
        };
    }
    const resolvedConfig = Object.assign(config, {
        systemClockOffset,
        signingEscapePath,
        signer,
        disableClockSkewCorrection: (0,normalizeProvider/* normalizeProvider */.t)(config.disableClockSkewCorrection ?? defaultDisableClockSkewCorrection),
    });
    return resolvedConfig;
};
function normalizeCredentialProvider(config, { credentials, credentialDefaultProvider }) {
    let credentialsProvider;
    if (credentials) {
        if (!credentials?.memoized) {
            credentialsProvider = (0,memoizeIdentityProvider/* memoizeIdentityProvider */.K4)(credentials, memoizeIdentityProvider/* isIdentityExpired */.OC, memoizeIdentityProvider/* doesIdentityRequireRefresh */.e);
        }
        else {
            credentialsProvider = credentials;
        }
    }
    else {
        if (credentialDefaultProvider) {
            credentialsProvider = (0,normalizeProvider/* normalizeProvider */.t)(credentialDefaultProvider(Object.assign({}, config, {
                parentClientConfig: config,
            })));
        }
        else {
            credentialsProvider = async () => {
                throw new Error("@aws-sdk/core::resolveAwsSdkSigV4Config - `credentials` not provided and no credentialDefaultProvider was configured.");
            };
        }
    }
    credentialsProvider.memoized = true;
    return credentialsProvider;
}
function bindCallerConfig(config, credentialsProvider) {
    if (credentialsProvider.configBound) {
        return credentialsProvider;
    }
    const fn = async (options) => credentialsProvider({ ...options, callerClientConfig: config });
    fn.memoized = credentialsProvider.memoized;
    fn.configBound = true;
    return fn;
}

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/node-config-provider/configLoader.js + 3 modules
var configLoader = __webpack_require__(2974);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/util-config-provider/booleanSelector.js
var booleanSelector = __webpack_require__(9498);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/util-config-provider/types.js
var types = __webpack_require__(6402);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/aws_sdk/clock-skew-node-config.js

const ENV_DISABLE_CLOCK_SKEW_CORRECTION = "AWS_DISABLE_CLOCK_SKEW_CORRECTION";
const CONFIG_DISABLE_CLOCK_SKEW_CORRECTION = "disable_clock_skew_correction";
const NODE_DISABLE_CLOCK_SKEW_CORRECTION_CONFIG_OPTIONS = {
    environmentVariableSelector: (env) => (0,booleanSelector/* booleanSelector */.Q)(env, ENV_DISABLE_CLOCK_SKEW_CORRECTION, types/* SelectorType */.c.ENV),
    configFileSelector: (profile) => (0,booleanSelector/* booleanSelector */.Q)(profile, CONFIG_DISABLE_CLOCK_SKEW_CORRECTION, types/* SelectorType */.c.CONFIG),
    default: false,
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/aws_sdk/clock-skew-defaults.js


const DEFAULT_DISABLE_CLOCK_SKEW_CORRECTION = (0,configLoader/* loadConfig */.Z)(NODE_DISABLE_CLOCK_SKEW_CORRECTION_CONFIG_OPTIONS);

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/httpAuthSchemes/index.js




const resolveAwsSdkSigV4Config = bindResolveAwsSdkSigV4Config(DEFAULT_DISABLE_CLOCK_SKEW_CORRECTION);
const resolveAWSSDKSigV4Config = resolveAwsSdkSigV4Config;


/***/ }),

/***/ 7419:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ getBearerTokenEnvKey)
/* harmony export */ });
const getBearerTokenEnvKey = (signingName) => `AWS_BEARER_TOKEN_${signingName.replace(/[\s-]/g, "_").toUpperCase()}`;


/***/ }),

/***/ 3786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ getSkewCorrectedDate)
/* harmony export */ });
const getSkewCorrectedDate = (systemClockOffset) => new Date(Date.now() + systemClockOffset);


/***/ }),

/***/ 6881:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ SerdeContextConfig)
/* harmony export */ });
class SerdeContextConfig {
    serdeContext;
    setSerdeContext(serdeContext) {
        this.serdeContext = serdeContext;
    }
}


/***/ }),

/***/ 4017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ ProtocolLib)
/* harmony export */ });
/* harmony import */ var _smithy_core_client__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4667);
/* harmony import */ var _smithy_core_schema__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5629);
/* harmony import */ var _smithy_core_schema__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5125);


class ProtocolLib {
    queryCompat;
    errorRegistry;
    constructor(queryCompat = false) {
        this.queryCompat = queryCompat;
    }
    resolveRestContentType(defaultContentType, inputSchema) {
        const members = inputSchema.getMemberSchemas();
        const httpPayloadMember = Object.values(members).find((m) => {
            return !!m.getMergedTraits().httpPayload;
        });
        if (httpPayloadMember) {
            const mediaType = httpPayloadMember.getMergedTraits().mediaType;
            if (mediaType) {
                return mediaType;
            }
            else if (httpPayloadMember.isStringSchema()) {
                return "text/plain";
            }
            else if (httpPayloadMember.isBlobSchema()) {
                return "application/octet-stream";
            }
            else {
                return defaultContentType;
            }
        }
        else if (!inputSchema.isUnitSchema()) {
            const hasBody = Object.values(members).find((m) => {
                const { httpQuery, httpQueryParams, httpHeader, httpLabel, httpPrefixHeaders } = m.getMergedTraits();
                const noPrefixHeaders = httpPrefixHeaders === void 0;
                return !httpQuery && !httpQueryParams && !httpHeader && !httpLabel && noPrefixHeaders;
            });
            if (hasBody) {
                return defaultContentType;
            }
        }
    }
    async getErrorSchemaOrThrowBaseException(errorIdentifier, defaultNamespace, response, dataObject, metadata, getErrorSchema) {
        let errorName = errorIdentifier;
        if (errorIdentifier.includes("#")) {
            [, errorName] = errorIdentifier.split("#");
        }
        const errorMetadata = {
            $metadata: metadata,
            $fault: response.statusCode < 500 ? "client" : "server",
        };
        if (!this.errorRegistry) {
            throw new Error("@aws-sdk/core/protocols - error handler not initialized.");
        }
        try {
            const errorSchema = getErrorSchema?.(this.errorRegistry, errorName) ??
                this.errorRegistry.getSchema(errorIdentifier);
            return { errorSchema, errorMetadata };
        }
        catch (e) {
            dataObject.message = dataObject.message ?? dataObject.Message ?? "UnknownError";
            const synthetic = this.errorRegistry;
            const baseExceptionSchema = synthetic.getBaseException();
            if (baseExceptionSchema) {
                const ErrorCtor = synthetic.getErrorCtor(baseExceptionSchema) ?? Error;
                throw this.decorateServiceException(Object.assign(new ErrorCtor({ name: errorName }), errorMetadata), dataObject);
            }
            const d = dataObject;
            const message = d?.message ?? d?.Message ?? d?.Error?.Message ?? d?.Error?.message;
            throw this.decorateServiceException(Object.assign(new Error(message), {
                name: errorName,
            }, errorMetadata), dataObject);
        }
    }
    compose(composite, errorIdentifier, defaultNamespace) {
        let namespace = defaultNamespace;
        if (errorIdentifier.includes("#")) {
            [namespace] = errorIdentifier.split("#");
        }
        const staticRegistry = _smithy_core_schema__WEBPACK_IMPORTED_MODULE_0__/* .TypeRegistry */ .O.for(namespace);
        const defaultSyntheticRegistry = _smithy_core_schema__WEBPACK_IMPORTED_MODULE_0__/* .TypeRegistry */ .O.for("smithy.ts.sdk.synthetic." + defaultNamespace);
        composite.copyFrom(staticRegistry);
        composite.copyFrom(defaultSyntheticRegistry);
        this.errorRegistry = composite;
    }
    decorateServiceException(exception, additions = {}) {
        if (this.queryCompat) {
            const msg = exception.Message ?? additions.Message;
            const error = (0,_smithy_core_client__WEBPACK_IMPORTED_MODULE_1__/* .decorateServiceException */ .M)(exception, additions);
            if (msg) {
                error.message = msg;
            }
            const errorObj = error.Error ?? {};
            errorObj.Type = error.Error?.Type;
            errorObj.Code = error.Error?.Code;
            errorObj.Message = error.Error?.message ?? error.Error?.Message ?? msg;
            error.Error = errorObj;
            const reqId = error.$metadata.requestId;
            if (reqId) {
                error.RequestId = reqId;
            }
            return error;
        }
        return (0,_smithy_core_client__WEBPACK_IMPORTED_MODULE_1__/* .decorateServiceException */ .M)(exception, additions);
    }
    setQueryCompatError(output, response) {
        const queryErrorHeader = response.headers?.["x-amzn-query-error"];
        if (output !== undefined && queryErrorHeader != null) {
            const [Code, Type] = queryErrorHeader.split(";");
            const keys = Object.keys(output);
            const Error = {
                Code,
                Type,
            };
            output.Code = Code;
            output.Type = Type;
            for (let i = 0; i < keys.length; i++) {
                const k = keys[i];
                Error[k === "message" ? "Message" : k] = output[k];
            }
            delete Error.__type;
            output.Error = Error;
        }
    }
    queryCompatOutput(queryCompatErrorData, errorData) {
        if (queryCompatErrorData.Error) {
            errorData.Error = queryCompatErrorData.Error;
        }
        if (queryCompatErrorData.Type) {
            errorData.Type = queryCompatErrorData.Type;
        }
        if (queryCompatErrorData.Code) {
            errorData.Code = queryCompatErrorData.Code;
        }
    }
    findQueryCompatibleError(registry, errorName) {
        try {
            return registry.getSchema(errorName);
        }
        catch (e) {
            return registry.find((schema) => _smithy_core_schema__WEBPACK_IMPORTED_MODULE_2__/* .NormalizedSchema */ .l1.of(schema).getMergedTraits().awsQueryError?.[0] === errorName);
        }
    }
}


/***/ }),

/***/ 7230:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ AwsRestXmlProtocol)
/* harmony export */ });
/* harmony import */ var _smithy_core_protocols__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4745);
/* harmony import */ var _smithy_core_protocols__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2437);
/* harmony import */ var _smithy_core_protocols__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6214);
/* harmony import */ var _smithy_core_schema__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5125);
/* harmony import */ var _ProtocolLib__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4017);
/* harmony import */ var _parseXmlBody__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2268);
/* harmony import */ var _XmlCodec__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9831);





class AwsRestXmlProtocol extends _smithy_core_protocols__WEBPACK_IMPORTED_MODULE_0__/* .HttpBindingProtocol */ .s {
    codec;
    serializer;
    deserializer;
    mixin = new _ProtocolLib__WEBPACK_IMPORTED_MODULE_1__/* .ProtocolLib */ .U();
    constructor(options) {
        super(options);
        const settings = {
            timestampFormat: {
                useTrait: true,
                default: 5,
            },
            httpBindings: true,
            xmlNamespace: options.xmlNamespace,
            serviceNamespace: options.defaultNamespace,
        };
        this.codec = new _XmlCodec__WEBPACK_IMPORTED_MODULE_2__/* .XmlCodec */ .c(settings);
        this.serializer = new _smithy_core_protocols__WEBPACK_IMPORTED_MODULE_3__/* .HttpInterceptingShapeSerializer */ ._(this.codec.createSerializer(), settings);
        this.deserializer = new _smithy_core_protocols__WEBPACK_IMPORTED_MODULE_4__/* .HttpInterceptingShapeDeserializer */ .z(this.codec.createDeserializer(), settings);
    }
    getPayloadCodec() {
        return this.codec;
    }
    getShapeId() {
        return "aws.protocols#restXml";
    }
    async serializeRequest(operationSchema, input, context) {
        const request = await super.serializeRequest(operationSchema, input, context);
        const inputSchema = _smithy_core_schema__WEBPACK_IMPORTED_MODULE_5__/* .NormalizedSchema */ .l1.of(operationSchema.input);
        if (!request.headers["content-type"]) {
            const contentType = this.mixin.resolveRestContentType(this.getDefaultContentType(), inputSchema);
            if (contentType) {
                request.headers["content-type"] = contentType;
            }
        }
        if (typeof request.body === "string" &&
            request.headers["content-type"] === this.getDefaultContentType() &&
            !request.body.startsWith("<?xml ") &&
            !this.hasUnstructuredPayloadBinding(inputSchema)) {
            request.body = '<?xml version="1.0" encoding="UTF-8"?>' + request.body;
        }
        return request;
    }
    async deserializeResponse(operationSchema, context, response) {
        return super.deserializeResponse(operationSchema, context, response);
    }
    async handleError(operationSchema, context, response, dataObject, metadata) {
        const errorIdentifier = (0,_parseXmlBody__WEBPACK_IMPORTED_MODULE_6__/* .loadRestXmlErrorCode */ .FZ)(response, dataObject) ?? "Unknown";
        this.mixin.compose(this.compositeErrorRegistry, errorIdentifier, this.options.defaultNamespace);
        if (dataObject.Error && typeof dataObject.Error === "object") {
            for (const key of Object.keys(dataObject.Error)) {
                dataObject[key] = dataObject.Error[key];
                if (key.toLowerCase() === "message") {
                    dataObject.message = dataObject.Error[key];
                }
            }
        }
        if (dataObject.RequestId && !metadata.requestId) {
            metadata.requestId = dataObject.RequestId;
        }
        const { errorSchema, errorMetadata } = await this.mixin.getErrorSchemaOrThrowBaseException(errorIdentifier, this.options.defaultNamespace, response, dataObject, metadata);
        const ns = _smithy_core_schema__WEBPACK_IMPORTED_MODULE_5__/* .NormalizedSchema */ .l1.of(errorSchema);
        const message = dataObject.Error?.message ??
            dataObject.Error?.Message ??
            dataObject.message ??
            dataObject.Message ??
            "UnknownError";
        const ErrorCtor = this.compositeErrorRegistry.getErrorCtor(errorSchema) ?? Error;
        const exception = new ErrorCtor({});
        await this.deserializeHttpMessage(errorSchema, context, response, dataObject);
        const output = {};
        const errorDeserializer = this.codec.createDeserializer();
        for (const [name, member] of ns.structIterator()) {
            const target = member.getMergedTraits().xmlName ?? name;
            const value = dataObject.Error?.[target] ?? dataObject[target];
            output[name] = errorDeserializer.readSchema(member, value);
        }
        throw this.mixin.decorateServiceException(Object.assign(exception, errorMetadata, {
            $fault: ns.getMergedTraits().error,
            message,
        }, output), dataObject);
    }
    getDefaultContentType() {
        return "application/xml";
    }
    hasUnstructuredPayloadBinding(ns) {
        for (const [, member] of ns.structIterator()) {
            if (member.getMergedTraits().httpPayload) {
                return !(member.isStructSchema() || member.isMapSchema() || member.isListSchema());
            }
        }
        return false;
    }
}


/***/ }),

/***/ 9831:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ XmlCodec)
/* harmony export */ });
/* harmony import */ var _ConfigurableSerdeContext__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6881);
/* harmony import */ var _XmlShapeDeserializer__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3409);
/* harmony import */ var _XmlShapeSerializer__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(452);



class XmlCodec extends _ConfigurableSerdeContext__WEBPACK_IMPORTED_MODULE_0__/* .SerdeContextConfig */ .B {
    settings;
    constructor(settings) {
        super();
        this.settings = settings;
    }
    createSerializer() {
        const serializer = new _XmlShapeSerializer__WEBPACK_IMPORTED_MODULE_1__/* .XmlShapeSerializer */ .v(this.settings);
        serializer.setSerdeContext(this.serdeContext);
        return serializer;
    }
    createDeserializer() {
        const deserializer = new _XmlShapeDeserializer__WEBPACK_IMPORTED_MODULE_2__/* .XmlShapeDeserializer */ ._(this.settings);
        deserializer.setSerdeContext(this.serdeContext);
        return deserializer;
    }
}


/***/ }),

/***/ 3409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _: () => (/* binding */ XmlShapeDeserializer)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/xml-builder/dist-es/xml-parser.js
var xml_parser = __webpack_require__(5293);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/client/smithy-client/get-value-from-text-node.js
var get_value_from_text_node = __webpack_require__(1709);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/protocols/serde/FromStringShapeDeserializer.js
var FromStringShapeDeserializer = __webpack_require__(6815);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/schema/schemas/NormalizedSchema.js
var NormalizedSchema = __webpack_require__(5125);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/toUtf8.js
var toUtf8 = __webpack_require__(9809);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/protocols/ConfigurableSerdeContext.js
var ConfigurableSerdeContext = __webpack_require__(6881);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/protocols/UnionSerde.js
class UnionSerde {
    from;
    to;
    keys;
    constructor(from, to) {
        this.from = from;
        this.to = to;
        const keys = Object.keys(this.from);
        const set = new Set(keys);
        set.delete("__type");
        this.keys = set;
    }
    mark(key) {
        this.keys.delete(key);
    }
    hasUnknown() {
        return this.keys.size === 1 && Object.keys(this.to).length === 0;
    }
    writeUnknown() {
        if (this.hasUnknown()) {
            const k = this.keys.values().next().value;
            const v = this.from[k];
            this.to.$unknown = [k, v];
        }
    }
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/protocols/writeKey.js
function writeKey(obj) {
    Object.defineProperty(obj, "__proto__", { value: undefined, writable: true, enumerable: true, configurable: true });
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/protocols/xml/XmlShapeDeserializer.js








class XmlShapeDeserializer extends ConfigurableSerdeContext/* SerdeContextConfig */.B {
    settings;
    stringDeserializer;
    constructor(settings) {
        super();
        this.settings = settings;
        this.stringDeserializer = new FromStringShapeDeserializer/* FromStringShapeDeserializer */.k(settings);
    }
    setSerdeContext(serdeContext) {
        this.serdeContext = serdeContext;
        this.stringDeserializer.setSerdeContext(serdeContext);
    }
    read(schema, bytes, key) {
        const ns = NormalizedSchema/* NormalizedSchema */.l1.of(schema);
        const memberSchemas = ns.getMemberSchemas();
        const isEventPayload = ns.isStructSchema() &&
            ns.isMemberSchema() &&
            !!Object.values(memberSchemas).find((memberNs) => {
                return !!memberNs.getMemberTraits().eventPayload;
            });
        if (isEventPayload) {
            const output = {};
            const memberName = Object.keys(memberSchemas)[0];
            const eventMemberSchema = memberSchemas[memberName];
            if (eventMemberSchema.isBlobSchema()) {
                output[memberName] = bytes;
            }
            else {
                output[memberName] = this.read(memberSchemas[memberName], bytes);
            }
            return output;
        }
        const xmlString = (this.serdeContext?.utf8Encoder ?? toUtf8/* toUtf8 */.P)(bytes);
        const parsedObject = this.parseXml(xmlString);
        return this.readSchema(schema, key ? parsedObject[key] : parsedObject);
    }
    readSchema(_schema, value) {
        const ns = NormalizedSchema/* NormalizedSchema */.l1.of(_schema);
        if (ns.isUnitSchema()) {
            return;
        }
        const traits = ns.getMergedTraits();
        if (ns.isListSchema() && !Array.isArray(value)) {
            return this.readSchema(ns, [value]);
        }
        if (value == null) {
            return value;
        }
        if (typeof value === "object") {
            const flat = !!traits.xmlFlattened;
            if (ns.isListSchema()) {
                const listValue = ns.getValueSchema();
                const buffer = [];
                const sourceKey = listValue.getMergedTraits().xmlName ?? "member";
                const source = flat ? value : (value[0] ?? value)[sourceKey];
                if (source == null) {
                    return buffer;
                }
                const sourceArray = Array.isArray(source) ? source : [source];
                for (const v of sourceArray) {
                    buffer.push(this.readSchema(listValue, v));
                }
                return buffer;
            }
            const buffer = {};
            if (ns.isMapSchema()) {
                const keyNs = ns.getKeySchema();
                const memberNs = ns.getValueSchema();
                let entries;
                if (flat) {
                    entries = Array.isArray(value) ? value : [value];
                }
                else {
                    entries = Array.isArray(value.entry) ? value.entry : [value.entry];
                }
                const keyProperty = keyNs.getMergedTraits().xmlName ?? "key";
                const valueProperty = memberNs.getMergedTraits().xmlName ?? "value";
                for (const entry of entries) {
                    const key = entry[keyProperty];
                    const value = entry[valueProperty];
                    if (key === "__proto__") {
                        writeKey(buffer);
                    }
                    buffer[key] = this.readSchema(memberNs, value);
                }
                return buffer;
            }
            if (ns.isStructSchema()) {
                const union = ns.isUnionSchema();
                let unionSerde;
                if (union) {
                    unionSerde = new UnionSerde(value, buffer);
                }
                for (const [memberName, memberSchema] of ns.structIterator()) {
                    const memberTraits = memberSchema.getMergedTraits();
                    const xmlObjectKey = !memberTraits.httpPayload
                        ? (memberSchema.getMemberTraits().xmlName ?? memberName)
                        : (memberTraits.xmlName ?? memberSchema.getName());
                    if (union) {
                        unionSerde.mark(xmlObjectKey);
                    }
                    if (value[xmlObjectKey] != null) {
                        buffer[memberName] = this.readSchema(memberSchema, value[xmlObjectKey]);
                    }
                }
                if (union) {
                    unionSerde.writeUnknown();
                }
                return buffer;
            }
            if (ns.isDocumentSchema()) {
                return value;
            }
            throw new Error(`@aws-sdk/core/protocols - xml deserializer unhandled schema type for ${ns.getName(true)}`);
        }
        if (ns.isListSchema()) {
            return [];
        }
        if (ns.isMapSchema() || ns.isStructSchema()) {
            return {};
        }
        return this.stringDeserializer.read(ns, value);
    }
    parseXml(xml) {
        if (xml.length) {
            let parsedObj;
            try {
                parsedObj = (0,xml_parser/* parseXML */.h)(xml);
            }
            catch (e) {
                if (e && typeof e === "object") {
                    Object.defineProperty(e, "$responseBodyText", {
                        value: xml,
                    });
                }
                throw e;
            }
            const textNodeName = "#text";
            const key = Object.keys(parsedObj)[0];
            const parsedObjToReturn = parsedObj[key];
            if (parsedObjToReturn[textNodeName]) {
                parsedObjToReturn[key] = parsedObjToReturn[textNodeName];
                delete parsedObjToReturn[textNodeName];
            }
            return (0,get_value_from_text_node/* getValueFromTextNode */.r)(parsedObjToReturn);
        }
        return {};
    }
}


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v: () => (/* binding */ XmlShapeSerializer)
});

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/xml-builder/dist-es/escape-attribute.js
const ATTR_ESCAPE_RE = /[&<>"]/g;
const ATTR_ESCAPE_MAP = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
};
function escapeAttribute(value) {
    return value.replace(ATTR_ESCAPE_RE, (ch) => ATTR_ESCAPE_MAP[ch]);
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/xml-builder/dist-es/escape-element.js
const ELEMENT_ESCAPE_RE = /[&"'<>\r\n\u0085\u2028]/g;
const ELEMENT_ESCAPE_MAP = {
    "&": "&amp;",
    '"': "&quot;",
    "'": "&apos;",
    "<": "&lt;",
    ">": "&gt;",
    "\r": "&#x0D;",
    "\n": "&#x0A;",
    "\u0085": "&#x85;",
    "\u2028": "&#x2028;",
};
function escapeElement(value) {
    return value.replace(ELEMENT_ESCAPE_RE, (ch) => ELEMENT_ESCAPE_MAP[ch]);
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/xml-builder/dist-es/XmlText.js

class XmlText {
    value;
    constructor(value) {
        this.value = value;
    }
    toString() {
        return escapeElement("" + this.value);
    }
}

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/xml-builder/dist-es/XmlNode.js


class XmlNode {
    name;
    children;
    attributes = {};
    static of(name, childText, withName) {
        const node = new XmlNode(name);
        if (childText !== undefined) {
            node.addChildNode(new XmlText(childText));
        }
        if (withName !== undefined) {
            node.withName(withName);
        }
        return node;
    }
    constructor(name, children = []) {
        this.name = name;
        this.children = children;
    }
    withName(name) {
        this.name = name;
        return this;
    }
    addAttribute(name, value) {
        this.attributes[name] = value;
        return this;
    }
    addChildNode(child) {
        this.children.push(child);
        return this;
    }
    removeAttribute(name) {
        delete this.attributes[name];
        return this;
    }
    n(name) {
        this.name = name;
        return this;
    }
    c(child) {
        this.children.push(child);
        return this;
    }
    a(name, value) {
        if (value != null) {
            this.attributes[name] = value;
        }
        return this;
    }
    cc(input, field, withName = field) {
        if (input[field] != null) {
            const node = XmlNode.of(field, input[field]).withName(withName);
            this.c(node);
        }
    }
    l(input, listName, memberName, valueProvider) {
        if (input[listName] != null) {
            const nodes = valueProvider();
            nodes.map((node) => {
                node.withName(memberName);
                this.c(node);
            });
        }
    }
    lc(input, listName, memberName, valueProvider) {
        if (input[listName] != null) {
            const nodes = valueProvider();
            const containerNode = new XmlNode(memberName);
            nodes.map((node) => {
                containerNode.c(node);
            });
            this.c(containerNode);
        }
    }
    toString() {
        const hasChildren = Boolean(this.children.length);
        let xmlText = `<${this.name}`;
        const attributes = this.attributes;
        for (const attributeName of Object.keys(attributes)) {
            const attribute = attributes[attributeName];
            if (attribute != null) {
                xmlText += ` ${attributeName}="${escapeAttribute("" + attribute)}"`;
            }
        }
        return (xmlText += !hasChildren ? "/>" : `>${this.children.map((c) => c.toString()).join("")}</${this.name}>`);
    }
}

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/protocols/serde/determineTimestampFormat.js
var determineTimestampFormat = __webpack_require__(3888);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/schema/schemas/NormalizedSchema.js
var NormalizedSchema = __webpack_require__(5125);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/date-utils.js
var date_utils = __webpack_require__(4494);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-base64/fromBase64.js
var fromBase64 = __webpack_require__(9700);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-base64/toBase64.js
var toBase64 = __webpack_require__(7305);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/value/NumericValue.js
var NumericValue = __webpack_require__(7004);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/index.js + 20 modules
var serde = __webpack_require__(9651);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/protocols/ConfigurableSerdeContext.js
var ConfigurableSerdeContext = __webpack_require__(6881);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/protocols/xml/XmlShapeSerializer.js






class XmlShapeSerializer extends ConfigurableSerdeContext/* SerdeContextConfig */.B {
    settings;
    stringBuffer;
    byteBuffer;
    buffer;
    constructor(settings) {
        super();
        this.settings = settings;
    }
    write(schema, value) {
        const ns = NormalizedSchema/* NormalizedSchema */.l1.of(schema);
        if (ns.isStringSchema() && typeof value === "string") {
            this.stringBuffer = value;
        }
        else if (ns.isBlobSchema()) {
            this.byteBuffer =
                "byteLength" in value
                    ? value
                    : (this.serdeContext?.base64Decoder ?? fromBase64/* fromBase64 */.E)(value);
        }
        else {
            this.buffer = this.writeStruct(ns, value, undefined);
            const traits = ns.getMergedTraits();
            if (traits.httpPayload && !traits.xmlName) {
                this.buffer.withName(ns.getName());
            }
        }
    }
    flush() {
        if (this.byteBuffer !== undefined) {
            const bytes = this.byteBuffer;
            delete this.byteBuffer;
            return bytes;
        }
        if (this.stringBuffer !== undefined) {
            const str = this.stringBuffer;
            delete this.stringBuffer;
            return str;
        }
        const buffer = this.buffer;
        if (this.settings.xmlNamespace) {
            if (!buffer?.attributes?.["xmlns"]) {
                buffer.addAttribute("xmlns", this.settings.xmlNamespace);
            }
        }
        delete this.buffer;
        return buffer.toString();
    }
    writeStruct(ns, value, parentXmlns) {
        const traits = ns.getMergedTraits();
        const name = ns.isMemberSchema() && !traits.httpPayload
            ? (ns.getMemberTraits().xmlName ?? ns.getMemberName())
            : (traits.xmlName ?? ns.getName());
        if (!name || !ns.isStructSchema()) {
            throw new Error(`@aws-sdk/core/protocols - xml serializer, cannot write struct with empty name or non-struct, schema=${ns.getName(true)}.`);
        }
        const structXmlNode = XmlNode.of(name);
        const [xmlnsAttr, xmlns] = this.getXmlnsAttribute(ns, parentXmlns);
        for (const [memberName, memberSchema] of ns.structIterator()) {
            const val = value[memberName];
            if (val != null || memberSchema.isIdempotencyToken()) {
                if (memberSchema.getMergedTraits().xmlAttribute) {
                    structXmlNode.addAttribute(memberSchema.getMergedTraits().xmlName ?? memberName, this.writeSimple(memberSchema, val));
                    continue;
                }
                if (memberSchema.isListSchema()) {
                    this.writeList(memberSchema, val, structXmlNode, xmlns);
                }
                else if (memberSchema.isMapSchema()) {
                    this.writeMap(memberSchema, val, structXmlNode, xmlns);
                }
                else if (memberSchema.isStructSchema()) {
                    structXmlNode.addChildNode(this.writeStruct(memberSchema, val, xmlns));
                }
                else {
                    const memberNode = XmlNode.of(memberSchema.getMergedTraits().xmlName ?? memberSchema.getMemberName());
                    this.writeSimpleInto(memberSchema, val, memberNode, xmlns);
                    structXmlNode.addChildNode(memberNode);
                }
            }
        }
        const { $unknown } = value;
        if ($unknown && ns.isUnionSchema() && Array.isArray($unknown) && Object.keys(value).length === 1) {
            const [k, v] = $unknown;
            const node = XmlNode.of(k);
            if (typeof v !== "string") {
                if (value instanceof XmlNode || value instanceof XmlText) {
                    structXmlNode.addChildNode(value);
                }
                else {
                    throw new Error(`@aws-sdk - $unknown union member in XML requires ` +
                        `value of type string, @aws-sdk/xml-builder::XmlNode or XmlText.`);
                }
            }
            this.writeSimpleInto(0, v, node, xmlns);
            structXmlNode.addChildNode(node);
        }
        if (xmlns) {
            structXmlNode.addAttribute(xmlnsAttr, xmlns);
        }
        return structXmlNode;
    }
    writeList(listMember, array, container, parentXmlns) {
        if (!listMember.isMemberSchema()) {
            throw new Error(`@aws-sdk/core/protocols - xml serializer, cannot write non-member list: ${listMember.getName(true)}`);
        }
        const listTraits = listMember.getMergedTraits();
        const listValueSchema = listMember.getValueSchema();
        const listValueTraits = listValueSchema.getMergedTraits();
        const sparse = !!listValueTraits.sparse;
        const flat = !!listTraits.xmlFlattened;
        const [xmlnsAttr, xmlns] = this.getXmlnsAttribute(listMember, parentXmlns);
        const writeItem = (container, value) => {
            if (listValueSchema.isListSchema()) {
                this.writeList(listValueSchema, Array.isArray(value) ? value : [value], container, xmlns);
            }
            else if (listValueSchema.isMapSchema()) {
                this.writeMap(listValueSchema, value, container, xmlns);
            }
            else if (listValueSchema.isStructSchema()) {
                const struct = this.writeStruct(listValueSchema, value, xmlns);
                container.addChildNode(struct.withName(flat ? (listTraits.xmlName ?? listMember.getMemberName()) : (listValueTraits.xmlName ?? "member")));
            }
            else {
                const listItemNode = XmlNode.of(flat ? (listTraits.xmlName ?? listMember.getMemberName()) : (listValueTraits.xmlName ?? "member"));
                this.writeSimpleInto(listValueSchema, value, listItemNode, xmlns);
                container.addChildNode(listItemNode);
            }
        };
        if (flat) {
            for (const value of array) {
                if (sparse || value != null) {
                    writeItem(container, value);
                }
            }
        }
        else {
            const listNode = XmlNode.of(listTraits.xmlName ?? listMember.getMemberName());
            if (xmlns) {
                listNode.addAttribute(xmlnsAttr, xmlns);
            }
            for (const value of array) {
                if (sparse || value != null) {
                    writeItem(listNode, value);
                }
            }
            container.addChildNode(listNode);
        }
    }
    writeMap(mapMember, map, container, parentXmlns, containerIsMap = false) {
        if (!mapMember.isMemberSchema()) {
            throw new Error(`@aws-sdk/core/protocols - xml serializer, cannot write non-member map: ${mapMember.getName(true)}`);
        }
        const mapTraits = mapMember.getMergedTraits();
        const mapKeySchema = mapMember.getKeySchema();
        const mapKeyTraits = mapKeySchema.getMergedTraits();
        const keyTag = mapKeyTraits.xmlName ?? "key";
        const mapValueSchema = mapMember.getValueSchema();
        const mapValueTraits = mapValueSchema.getMergedTraits();
        const valueTag = mapValueTraits.xmlName ?? "value";
        const sparse = !!mapValueTraits.sparse;
        const flat = !!mapTraits.xmlFlattened;
        const [xmlnsAttr, xmlns] = this.getXmlnsAttribute(mapMember, parentXmlns);
        const addKeyValue = (entry, key, val) => {
            const keyNode = XmlNode.of(keyTag, key);
            const [keyXmlnsAttr, keyXmlns] = this.getXmlnsAttribute(mapKeySchema, xmlns);
            if (keyXmlns) {
                keyNode.addAttribute(keyXmlnsAttr, keyXmlns);
            }
            entry.addChildNode(keyNode);
            let valueNode = XmlNode.of(valueTag);
            if (mapValueSchema.isListSchema()) {
                this.writeList(mapValueSchema, val, valueNode, xmlns);
            }
            else if (mapValueSchema.isMapSchema()) {
                this.writeMap(mapValueSchema, val, valueNode, xmlns, true);
            }
            else if (mapValueSchema.isStructSchema()) {
                valueNode = this.writeStruct(mapValueSchema, val, xmlns);
            }
            else {
                this.writeSimpleInto(mapValueSchema, val, valueNode, xmlns);
            }
            entry.addChildNode(valueNode);
        };
        if (flat) {
            for (const key in map) {
                const val = map[key];
                if (sparse || val != null) {
                    const entry = XmlNode.of(mapTraits.xmlName ?? mapMember.getMemberName());
                    addKeyValue(entry, key, val);
                    container.addChildNode(entry);
                }
            }
        }
        else {
            let mapNode;
            if (!containerIsMap) {
                mapNode = XmlNode.of(mapTraits.xmlName ?? mapMember.getMemberName());
                if (xmlns) {
                    mapNode.addAttribute(xmlnsAttr, xmlns);
                }
                container.addChildNode(mapNode);
            }
            for (const key in map) {
                const val = map[key];
                if (sparse || val != null) {
                    const entry = XmlNode.of("entry");
                    addKeyValue(entry, key, val);
                    (containerIsMap ? container : mapNode).addChildNode(entry);
                }
            }
        }
    }
    writeSimple(_schema, value) {
        if (null === value) {
            throw new Error("@aws-sdk/core/protocols - (XML serializer) cannot write null value.");
        }
        const ns = NormalizedSchema/* NormalizedSchema */.l1.of(_schema);
        let nodeContents = null;
        if (value && typeof value === "object") {
            if (ns.isBlobSchema()) {
                nodeContents = (this.serdeContext?.base64Encoder ?? toBase64/* toBase64 */.n)(value);
            }
            else if (ns.isTimestampSchema() && value instanceof Date) {
                const format = (0,determineTimestampFormat/* determineTimestampFormat */.V)(ns, this.settings);
                switch (format) {
                    case 5:
                        nodeContents = value.toISOString().replace(".000Z", "Z");
                        break;
                    case 6:
                        nodeContents = (0,date_utils/* dateToUtcString */.JV)(value);
                        break;
                    case 7:
                        nodeContents = String(value.getTime() / 1000);
                        break;
                    default:
                        console.warn("Missing timestamp format, using http date", value);
                        nodeContents = (0,date_utils/* dateToUtcString */.JV)(value);
                        break;
                }
            }
            else if (ns.isBigDecimalSchema() && value) {
                if (value instanceof NumericValue/* NumericValue */.D) {
                    return value.string;
                }
                return String(value);
            }
            else if (ns.isMapSchema() || ns.isListSchema()) {
                throw new Error("@aws-sdk/core/protocols - xml serializer, cannot call _write() on List/Map schema, call writeList or writeMap() instead.");
            }
            else {
                throw new Error(`@aws-sdk/core/protocols - xml serializer, unhandled schema type for object value and schema: ${ns.getName(true)}`);
            }
        }
        if (ns.isBooleanSchema() || ns.isNumericSchema() || ns.isBigIntegerSchema() || ns.isBigDecimalSchema()) {
            nodeContents = String(value);
        }
        if (ns.isStringSchema()) {
            if (value === undefined && ns.isIdempotencyToken()) {
                nodeContents = (0,serde.generateIdempotencyToken)();
            }
            else {
                nodeContents = String(value);
            }
        }
        if (nodeContents === null) {
            throw new Error(`Unhandled schema-value pair ${ns.getName(true)}=${value}`);
        }
        return nodeContents;
    }
    writeSimpleInto(_schema, value, into, parentXmlns) {
        const nodeContents = this.writeSimple(_schema, value);
        const ns = NormalizedSchema/* NormalizedSchema */.l1.of(_schema);
        const content = new XmlText(nodeContents);
        const [xmlnsAttr, xmlns] = this.getXmlnsAttribute(ns, parentXmlns);
        if (xmlns) {
            into.addAttribute(xmlnsAttr, xmlns);
        }
        into.addChildNode(content);
    }
    getXmlnsAttribute(ns, parentXmlns) {
        const traits = ns.getMergedTraits();
        const [prefix, xmlns] = traits.xmlNamespace ?? [];
        if (xmlns && xmlns !== parentXmlns) {
            return [prefix ? `xmlns:${prefix}` : "xmlns", xmlns];
        }
        return [void 0, void 0];
    }
}


/***/ }),

/***/ 2268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FZ: () => (/* binding */ loadRestXmlErrorCode),
  t_: () => (/* binding */ parseXmlBody),
  FI: () => (/* binding */ parseXmlErrorBody)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/xml-builder/dist-es/xml-parser.js
var xml_parser = __webpack_require__(5293);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/client/smithy-client/get-value-from-text-node.js
var get_value_from_text_node = __webpack_require__(1709);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/protocols/collect-stream-body.js
var collect_stream_body = __webpack_require__(9620);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/toUtf8.js
var toUtf8 = __webpack_require__(9809);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/protocols/common.js


const collectBodyString = (streamBody, context) => (0,collect_stream_body/* collectBody */.P)(streamBody, context).then((body) => (context?.utf8Encoder ?? toUtf8/* toUtf8 */.P)(body));

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/core/dist-es/submodules/protocols/xml/parseXmlBody.js



const parseXmlBody = (streamBody, context) => collectBodyString(streamBody, context).then((encoded) => {
    if (encoded.length) {
        let parsedObj;
        try {
            parsedObj = (0,xml_parser/* parseXML */.h)(encoded);
        }
        catch (e) {
            if (e && typeof e === "object") {
                Object.defineProperty(e, "$responseBodyText", {
                    value: encoded,
                });
            }
            throw e;
        }
        const textNodeName = "#text";
        const key = Object.keys(parsedObj)[0];
        const parsedObjToReturn = parsedObj[key];
        if (parsedObjToReturn[textNodeName]) {
            parsedObjToReturn[key] = parsedObjToReturn[textNodeName];
            delete parsedObjToReturn[textNodeName];
        }
        return (0,get_value_from_text_node/* getValueFromTextNode */.r)(parsedObjToReturn);
    }
    return {};
});
const parseXmlErrorBody = async (errorBody, context) => {
    const value = await parseXmlBody(errorBody, context);
    if (value.Error) {
        value.Error.message = value.Error.message ?? value.Error.Message;
    }
    return value;
};
const loadRestXmlErrorCode = (output, data) => {
    if (data?.Error?.Code !== undefined) {
        return data.Error.Code;
    }
    if (data?.Code !== undefined) {
        return data.Code;
    }
    if (output.statusCode == 404) {
        return "NotFound";
    }
};


/***/ }),

/***/ 3099:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pi: () => (/* binding */ ENV_SECRET),
/* harmony export */   sF: () => (/* binding */ fromEnv),
/* harmony export */   yG: () => (/* binding */ ENV_KEY)
/* harmony export */ });
/* unused harmony exports ENV_SESSION, ENV_EXPIRATION, ENV_CREDENTIAL_SCOPE, ENV_ACCOUNT_ID */
/* harmony import */ var _aws_sdk_core_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(249);
/* harmony import */ var _smithy_core_config__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1436);


const ENV_KEY = "AWS_ACCESS_KEY_ID";
const ENV_SECRET = "AWS_SECRET_ACCESS_KEY";
const ENV_SESSION = "AWS_SESSION_TOKEN";
const ENV_EXPIRATION = "AWS_CREDENTIAL_EXPIRATION";
const ENV_CREDENTIAL_SCOPE = "AWS_CREDENTIAL_SCOPE";
const ENV_ACCOUNT_ID = "AWS_ACCOUNT_ID";
const fromEnv = (init) => async () => {
    init?.logger?.debug("@aws-sdk/credential-provider-env - fromEnv");
    const accessKeyId = process.env[ENV_KEY];
    const secretAccessKey = process.env[ENV_SECRET];
    const sessionToken = process.env[ENV_SESSION];
    const expiry = process.env[ENV_EXPIRATION];
    const credentialScope = process.env[ENV_CREDENTIAL_SCOPE];
    const accountId = process.env[ENV_ACCOUNT_ID];
    if (accessKeyId && secretAccessKey) {
        const credentials = {
            accessKeyId,
            secretAccessKey,
            ...(sessionToken && { sessionToken }),
            ...(expiry && { expiration: new Date(expiry) }),
            ...(credentialScope && { credentialScope }),
            ...(accountId && { accountId }),
        };
        (0,_aws_sdk_core_client__WEBPACK_IMPORTED_MODULE_0__/* .setCredentialFeature */ .g)(credentials, "CREDENTIALS_ENV_VARS", "g");
        return credentials;
    }
    throw new _smithy_core_config__WEBPACK_IMPORTED_MODULE_1__/* .CredentialsProviderError */ .C("Unable to find environment variable credentials.", { logger: init?.logger });
};


/***/ }),

/***/ 9882:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  v6: () => (/* binding */ defaultProvider)
});

// UNUSED EXPORTS: credentialsTreatedAsExpired, credentialsWillNeedRefresh

// EXTERNAL MODULE: ./node_modules/@aws-sdk/credential-provider-env/dist-es/fromEnv.js
var fromEnv = __webpack_require__(3099);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getProfileName.js
var getProfileName = __webpack_require__(2365);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/property-provider/CredentialsProviderError.js
var CredentialsProviderError = __webpack_require__(1436);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/property-provider/chain.js
var chain = __webpack_require__(8062);
;// CONCATENATED MODULE: ./node_modules/@aws-sdk/credential-provider-node/dist-es/remoteProvider.js

const ENV_IMDS_DISABLED = "AWS_EC2_METADATA_DISABLED";
const remoteProvider = async (init) => {
    const { ENV_CMDS_FULL_URI, ENV_CMDS_RELATIVE_URI, fromContainerMetadata, fromInstanceMetadata } = await __webpack_require__.e(/* import() */ 966).then(__webpack_require__.bind(__webpack_require__, 4966));
    if (process.env[ENV_CMDS_RELATIVE_URI] || process.env[ENV_CMDS_FULL_URI]) {
        init.logger?.debug("@aws-sdk/credential-provider-node - remoteProvider::fromHttp/fromContainerMetadata");
        const { fromHttp } = await __webpack_require__.e(/* import() */ 459).then(__webpack_require__.bind(__webpack_require__, 7459));
        return (0,chain/* chain */.c)(fromHttp(init), fromContainerMetadata(init));
    }
    if (process.env[ENV_IMDS_DISABLED] && process.env[ENV_IMDS_DISABLED] !== "false") {
        return async () => {
            throw new CredentialsProviderError/* CredentialsProviderError */.C("EC2 Instance Metadata Service access disabled", { logger: init.logger });
        };
    }
    init.logger?.debug("@aws-sdk/credential-provider-node - remoteProvider::fromInstanceMetadata");
    return fromInstanceMetadata(init);
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/credential-provider-node/dist-es/runtime/memoize-chain.js
function memoizeChain(providers, treatAsExpired) {
    const chain = internalCreateChain(providers);
    let activeLock;
    let passiveLock;
    let credentials;
    let forceRefreshLock;
    const provider = async (options) => {
        if (options?.forceRefresh) {
            if (!forceRefreshLock) {
                forceRefreshLock = chain(options)
                    .then((c) => {
                    credentials = c;
                })
                    .finally(() => {
                    forceRefreshLock = undefined;
                });
            }
            await forceRefreshLock;
            return credentials;
        }
        if (credentials?.expiration) {
            if (credentials?.expiration?.getTime() < Date.now()) {
                credentials = undefined;
            }
        }
        if (activeLock) {
            await activeLock;
        }
        else if (!credentials || treatAsExpired?.(credentials)) {
            if (credentials) {
                if (!passiveLock) {
                    passiveLock = chain(options)
                        .then((c) => {
                        credentials = c;
                    })
                        .catch(() => {
                    })
                        .finally(() => {
                        passiveLock = undefined;
                    });
                }
            }
            else {
                activeLock = chain(options)
                    .then((c) => {
                    credentials = c;
                })
                    .finally(() => {
                    activeLock = undefined;
                });
                return provider(options);
            }
        }
        return credentials;
    };
    return provider;
}
const internalCreateChain = (providers) => async (awsIdentityProperties) => {
    let lastProviderError;
    for (const provider of providers) {
        try {
            return await provider(awsIdentityProperties);
        }
        catch (err) {
            lastProviderError = err;
            if (err?.tryNextLink) {
                continue;
            }
            throw err;
        }
    }
    throw lastProviderError;
};

;// CONCATENATED MODULE: ./node_modules/@aws-sdk/credential-provider-node/dist-es/defaultProvider.js




let multipleCredentialSourceWarningEmitted = false;
const defaultProvider = (init = {}) => memoizeChain([
    async () => {
        const profile = init.profile ?? process.env[getProfileName/* ENV_PROFILE */.Ch];
        if (profile) {
            const envStaticCredentialsAreSet = process.env[fromEnv/* ENV_KEY */.yG] && process.env[fromEnv/* ENV_SECRET */.pi];
            if (envStaticCredentialsAreSet) {
                if (!multipleCredentialSourceWarningEmitted) {
                    const warnFn = init.logger?.warn && init.logger?.constructor?.name !== "NoOpLogger"
                        ? init.logger.warn.bind(init.logger)
                        : console.warn;
                    warnFn(`@aws-sdk/credential-provider-node - defaultProvider::fromEnv WARNING:
    Multiple credential sources detected: 
    Both AWS_PROFILE and the pair AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY static credentials are set.
    This SDK will proceed with the AWS_PROFILE value.
    
    However, a future version may change this behavior to prefer the ENV static credentials.
    Please ensure that your environment only sets either the AWS_PROFILE or the
    AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY pair.
`);
                    multipleCredentialSourceWarningEmitted = true;
                }
            }
            throw new CredentialsProviderError/* CredentialsProviderError */.C("AWS_PROFILE is set, skipping fromEnv provider.", {
                logger: init.logger,
                tryNextLink: true,
            });
        }
        init.logger?.debug("@aws-sdk/credential-provider-node - defaultProvider::fromEnv");
        return (0,fromEnv/* fromEnv */.sF)(init)();
    },
    async (awsIdentityProperties) => {
        init.logger?.debug("@aws-sdk/credential-provider-node - defaultProvider::fromSSO");
        const { ssoStartUrl, ssoAccountId, ssoRegion, ssoRoleName, ssoSession } = init;
        if (!ssoStartUrl && !ssoAccountId && !ssoRegion && !ssoRoleName && !ssoSession) {
            throw new CredentialsProviderError/* CredentialsProviderError */.C("Skipping SSO provider in default chain (inputs do not include SSO fields).", { logger: init.logger });
        }
        const { fromSSO } = await __webpack_require__.e(/* import() */ 895).then(__webpack_require__.bind(__webpack_require__, 8895));
        return fromSSO(init)(awsIdentityProperties);
    },
    async (awsIdentityProperties) => {
        init.logger?.debug("@aws-sdk/credential-provider-node - defaultProvider::fromIni");
        const { fromIni } = await __webpack_require__.e(/* import() */ 236).then(__webpack_require__.bind(__webpack_require__, 6236));
        return fromIni(init)(awsIdentityProperties);
    },
    async (awsIdentityProperties) => {
        init.logger?.debug("@aws-sdk/credential-provider-node - defaultProvider::fromProcess");
        const { fromProcess } = await __webpack_require__.e(/* import() */ 575).then(__webpack_require__.bind(__webpack_require__, 3575));
        return fromProcess(init)(awsIdentityProperties);
    },
    async (awsIdentityProperties) => {
        init.logger?.debug("@aws-sdk/credential-provider-node - defaultProvider::fromTokenFile");
        const { fromTokenFile } = await __webpack_require__.e(/* import() */ 715).then(__webpack_require__.bind(__webpack_require__, 8715));
        return fromTokenFile(init)(awsIdentityProperties);
    },
    async () => {
        init.logger?.debug("@aws-sdk/credential-provider-node - defaultProvider::remoteProvider");
        return (await remoteProvider(init))();
    },
    async () => {
        throw new CredentialsProviderError/* CredentialsProviderError */.C("Could not load credentials from any providers", {
            tryNextLink: false,
            logger: init.logger,
        });
    },
], credentialsTreatedAsExpired);
const credentialsWillNeedRefresh = (credentials) => credentials?.expiration !== undefined;
const credentialsTreatedAsExpired = (credentials) => credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300000;


/***/ }),

/***/ 5293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ parseXML)
/* harmony export */ });
function writeKey(obj) {
    Object.defineProperty(obj, "__proto__", { value: undefined, writable: true, enumerable: true, configurable: true });
}
function parseXML(xml) {
    const state = new AwsXmlParser(xml);
    return state.parse();
}
class AwsXmlParser {
    x;
    i = 0;
    z;
    constructor(x) {
        this.x = x;
        this.x = x.replace(/\r\n?/g, "\n");
        this.z = this.x.length;
    }
    parse() {
        const p = this;
        const { z } = p;
        while (p.i < z) {
            p.trim();
            if (p.i >= z) {
                break;
            }
            if (p.isNext("<?")) {
                p.readTo("?>");
                p.trim();
            }
            else if (p.isNext("<!--")) {
                p.readTo("-->");
                p.trim();
            }
            else if (p.isNext("<!DOCTYPE", false)) {
                p.skipDoctype();
                p.trim();
            }
            else if (p.x[p.i] === "<") {
                const root = p.parseTag();
                return { [root.tag]: root.value };
            }
            else {
                throw new Error("@aws-sdk XML parse error: unexpected content.");
            }
        }
        throw new Error("@aws-sdk XML parse error: no root element.");
    }
    isNext(s, caseSensitive = true) {
        const p = this;
        if (caseSensitive) {
            return p.x.startsWith(s, p.i);
        }
        return p.x.toLowerCase().startsWith(s.toLowerCase(), p.i);
    }
    readTo(stop) {
        const p = this;
        const _i = p.x.indexOf(stop, p.i);
        if (_i === -1) {
            throw new Error(`@aws-sdk XML parse error: expected "${stop}" not found.`);
        }
        const result = p.x.slice(p.i, _i);
        p.i = _i + stop.length;
        return result;
    }
    trim() {
        const p = this;
        while (p.i < p.z && " \t\r\n".includes(p.x[p.i])) {
            ++p.i;
        }
    }
    readAttrValue() {
        const p = this;
        const quote = p.x[p.i];
        ++p.i;
        let value = "";
        while (p.i < p.z && p.x[p.i] !== quote) {
            value += p.x[p.i++];
        }
        ++p.i;
        return p.decodeEntities(value);
    }
    parseTag() {
        const p = this;
        ++p.i;
        let tag = "";
        while (p.i < p.z && !" \t\r\n>/".includes(p.x[p.i])) {
            tag += p.x[p.i++];
        }
        let hasAttrs = false;
        const attrs = {};
        while (p.i < p.z) {
            p.trim();
            if (">/".includes(p.x[p.i])) {
                break;
            }
            let name = "";
            while (p.i < p.z && !"= \t\r\n>/?".includes(p.x[p.i])) {
                name += p.x[p.i++];
            }
            p.trim();
            if (p.x[p.i] !== "=") {
                break;
            }
            ++p.i;
            p.trim();
            if (name === "__proto__") {
                writeKey(attrs);
            }
            attrs[name] = p.readAttrValue();
            hasAttrs = true;
        }
        if (p.i >= p.z) {
            throw new Error("@aws-sdk XML parse error: unexpected end of input.");
        }
        if (p.x[p.i] === "/") {
            ++p.i;
            if (p.i >= p.z || p.x[p.i] !== ">") {
                throw new Error("@aws-sdk XML parse error: expected > at the end of self-closing tag.");
            }
            ++p.i;
            return { tag, value: hasAttrs ? attrs : "" };
        }
        if (p.x[p.i] !== ">") {
            throw new Error("@aws-sdk XML parse error: expected > at the end of opening tag.");
        }
        ++p.i;
        const textParts = [];
        const childTags = [];
        let hasElementChild = false;
        while (p.i < p.z) {
            if (p.isNext("</")) {
                break;
            }
            if (p.x[p.i] === "<") {
                if (p.isNext("<!--")) {
                    p.readTo("-->");
                }
                else if (p.isNext("<![CDATA[")) {
                    p.i += 9;
                    textParts.push(p.readTo("]]>"));
                }
                else if (p.isNext("<?")) {
                    p.readTo("?>");
                }
                else {
                    hasElementChild = true;
                    childTags.push(p.parseTag());
                }
            }
            else {
                let text = "";
                while (p.i < p.z && p.x[p.i] !== "<") {
                    text += p.x[p.i++];
                }
                textParts.push(p.decodeEntities(text));
            }
        }
        if (!p.isNext("</")) {
            throw new Error(`@aws-sdk XML parse error: missing closing tag </${tag}>.`);
        }
        p.i += 2;
        const closeTag = p.readTo(">").trim();
        if (closeTag !== tag) {
            throw new Error(`@aws-sdk XML parse error: mismatched tags <${tag}> and </${closeTag}>.`);
        }
        if (!hasAttrs && textParts.length === 0 && !hasElementChild) {
            return { tag, value: "" };
        }
        if (!hasAttrs && !hasElementChild) {
            const text = textParts.length === 1 ? textParts[0] : textParts.join("");
            if (text.trim() === "" && text.includes("\n")) {
                return { tag, value: "" };
            }
            return { tag, value: text };
        }
        const obj = {};
        for (const text of textParts) {
            if (text.trim() === "" && text.includes("\n")) {
                continue;
            }
            obj["#text"] = "#text" in obj ? obj["#text"] + text : text;
        }
        for (const child of childTags) {
            if (child.tag === "__proto__") {
                writeKey(obj);
            }
            if (child.tag in obj) {
                if (Array.isArray(obj[child.tag])) {
                    obj[child.tag].push(child.value);
                }
                else {
                    obj[child.tag] = [obj[child.tag], child.value];
                }
            }
            else {
                obj[child.tag] = child.value;
            }
        }
        for (const [k, v] of Object.entries(attrs)) {
            if (k === "__proto__") {
                writeKey(obj);
            }
            obj[k] = v;
        }
        return { tag, value: obj };
    }
    static ENTITIES = {
        amp: "&",
        lt: "<",
        gt: ">",
        quot: '"',
        apos: "'",
    };
    skipDoctype() {
        const p = this;
        p.i += 9;
        let depth = 0;
        while (p.i < p.z) {
            const c = p.x[p.i];
            if (c === "[") {
                ++depth;
            }
            else if (c === "]") {
                --depth;
            }
            else if (c === ">" && depth === 0) {
                ++p.i;
                return;
            }
            ++p.i;
        }
        throw new Error("@aws-sdk XML parse error: unclosed DOCTYPE.");
    }
    decodeEntities(s) {
        return s.replace(/&(?:#x([0-9a-fA-F]{1,6})|#(\d{1,7})|([a-zA-Z][a-zA-Z0-9]{0,30}));/g, (_, hex, dec, named) => {
            if (hex) {
                return String.fromCharCode(parseInt(hex, 16));
            }
            if (dec) {
                return String.fromCharCode(parseInt(dec, 10));
            }
            return AwsXmlParser.ENTITIES[named] ?? "";
        });
    }
}


/***/ }),

/***/ 9320:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;


const PROTECTED_KEYS = {
    REQUEST_ID: Symbol.for("_AWS_LAMBDA_REQUEST_ID"),
    X_RAY_TRACE_ID: Symbol.for("_AWS_LAMBDA_X_RAY_TRACE_ID"),
    TENANT_ID: Symbol.for("_AWS_LAMBDA_TENANT_ID"),
    TRACEPARENT: Symbol.for("_AWS_LAMBDA_TRACEPARENT"),
    TRACESTATE: Symbol.for("_AWS_LAMBDA_TRACESTATE"),
    BAGGAGE: Symbol.for("_AWS_LAMBDA_BAGGAGE"),
};
const NO_GLOBAL_AWS_LAMBDA = ["true", "1"].includes(process.env?.AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA ?? "");
if (!NO_GLOBAL_AWS_LAMBDA) {
    globalThis.awslambda = globalThis.awslambda || {};
}
class InvokeStoreBase {
    static PROTECTED_KEYS = PROTECTED_KEYS;
    isProtectedKey(key) {
        return Object.values(PROTECTED_KEYS).includes(key);
    }
    getRequestId() {
        return this.get(PROTECTED_KEYS.REQUEST_ID) ?? "-";
    }
    getXRayTraceId() {
        return this.get(PROTECTED_KEYS.X_RAY_TRACE_ID);
    }
    getTenantId() {
        return this.get(PROTECTED_KEYS.TENANT_ID);
    }
    getTraceparent() {
        return this.get(PROTECTED_KEYS.TRACEPARENT);
    }
    getTracestate() {
        return this.get(PROTECTED_KEYS.TRACESTATE);
    }
    getBaggage() {
        return this.get(PROTECTED_KEYS.BAGGAGE);
    }
}
class InvokeStoreSingle extends InvokeStoreBase {
    currentContext;
    getContext() {
        return this.currentContext;
    }
    hasContext() {
        return this.currentContext !== undefined;
    }
    get(key) {
        return this.currentContext?.[key];
    }
    set(key, value) {
        if (this.isProtectedKey(key)) {
            throw new Error(`Cannot modify protected Lambda context field: ${String(key)}`);
        }
        this.currentContext = this.currentContext || {};
        this.currentContext[key] = value;
    }
    run(context, fn) {
        this.currentContext = context;
        return fn();
    }
}
class InvokeStoreMulti extends InvokeStoreBase {
    als;
    static async create() {
        const instance = new InvokeStoreMulti();
        const asyncHooks = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 6698, 23));
        instance.als = new asyncHooks.AsyncLocalStorage();
        return instance;
    }
    getContext() {
        return this.als.getStore();
    }
    hasContext() {
        return this.als.getStore() !== undefined;
    }
    get(key) {
        return this.als.getStore()?.[key];
    }
    set(key, value) {
        if (this.isProtectedKey(key)) {
            throw new Error(`Cannot modify protected Lambda context field: ${String(key)}`);
        }
        const store = this.als.getStore();
        if (!store) {
            throw new Error("No context available");
        }
        store[key] = value;
    }
    run(context, fn) {
        return this.als.run(context, fn);
    }
}
exports.A = void 0;
(function (InvokeStore) {
    let instance = null;
    async function getInstanceAsync(forceInvokeStoreMulti) {
        if (!instance) {
            instance = (async () => {
                const isMulti = forceInvokeStoreMulti === true || "AWS_LAMBDA_MAX_CONCURRENCY" in process.env;
                const newInstance = isMulti
                    ? await InvokeStoreMulti.create()
                    : new InvokeStoreSingle();
                if (!NO_GLOBAL_AWS_LAMBDA && globalThis.awslambda?.InvokeStore) {
                    return globalThis.awslambda.InvokeStore;
                }
                else if (!NO_GLOBAL_AWS_LAMBDA && globalThis.awslambda) {
                    globalThis.awslambda.InvokeStore = newInstance;
                    return newInstance;
                }
                else {
                    return newInstance;
                }
            })();
        }
        return instance;
    }
    InvokeStore.getInstanceAsync = getInstanceAsync;
    InvokeStore._testing = process.env.AWS_LAMBDA_BENCHMARK_MODE === "1"
        ? {
            reset: () => {
                instance = null;
                if (globalThis.awslambda?.InvokeStore) {
                    delete globalThis.awslambda.InvokeStore;
                }
                globalThis.awslambda = { InvokeStore: undefined };
            },
        }
        : undefined;
})(exports.A || (exports.A = {}));

__webpack_unused_export__ = InvokeStoreBase;


/***/ }),

/***/ 6727:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ httpAuthSchemeEndpointRuleSetMiddlewareOptions),
/* harmony export */   w: () => (/* binding */ getHttpAuthSchemeEndpointRuleSetPlugin)
/* harmony export */ });
/* harmony import */ var _httpAuthSchemeMiddleware__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2324);

const httpAuthSchemeEndpointRuleSetMiddlewareOptions = {
    step: "serialize",
    tags: ["HTTP_AUTH_SCHEME"],
    name: "httpAuthSchemeMiddleware",
    override: true,
    relation: "before",
    toMiddleware: "endpointV2Middleware",
};
const getHttpAuthSchemeEndpointRuleSetPlugin = (config, { httpAuthSchemeParametersProvider, identityProviderConfigProvider, }) => ({
    applyToStack: (clientStack) => {
        clientStack.addRelativeTo((0,_httpAuthSchemeMiddleware__WEBPACK_IMPORTED_MODULE_0__/* .httpAuthSchemeMiddleware */ .E)(config, {
            httpAuthSchemeParametersProvider,
            identityProviderConfigProvider,
        }), httpAuthSchemeEndpointRuleSetMiddlewareOptions);
    },
});


/***/ }),

/***/ 2324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E: () => (/* binding */ httpAuthSchemeMiddleware)
});

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/getSmithyContext.js
var getSmithyContext = __webpack_require__(8743);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/legacy-root-exports/middleware-http-auth-scheme/resolveAuthOptions.js
const resolveAuthOptions = (candidateAuthOptions, authSchemePreference) => {
    if (!authSchemePreference || authSchemePreference.length === 0) {
        return candidateAuthOptions;
    }
    const preferredAuthOptions = [];
    for (const preferredSchemeName of authSchemePreference) {
        for (const candidateAuthOption of candidateAuthOptions) {
            const candidateAuthSchemeName = candidateAuthOption.schemeId.split("#")[1];
            if (candidateAuthSchemeName === preferredSchemeName) {
                preferredAuthOptions.push(candidateAuthOption);
            }
        }
    }
    for (const candidateAuthOption of candidateAuthOptions) {
        if (!preferredAuthOptions.find(({ schemeId }) => schemeId === candidateAuthOption.schemeId)) {
            preferredAuthOptions.push(candidateAuthOption);
        }
    }
    return preferredAuthOptions;
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/legacy-root-exports/middleware-http-auth-scheme/httpAuthSchemeMiddleware.js


function convertHttpAuthSchemesToMap(httpAuthSchemes) {
    const map = new Map();
    for (const scheme of httpAuthSchemes) {
        map.set(scheme.schemeId, scheme);
    }
    return map;
}
const httpAuthSchemeMiddleware = (config, mwOptions) => (next, context) => async (args) => {
    const options = config.httpAuthSchemeProvider(await mwOptions.httpAuthSchemeParametersProvider(config, context, args.input));
    const authSchemePreference = config.authSchemePreference ? await config.authSchemePreference() : [];
    const resolvedOptions = resolveAuthOptions(options, authSchemePreference);
    const authSchemes = convertHttpAuthSchemesToMap(config.httpAuthSchemes);
    const smithyContext = (0,getSmithyContext/* getSmithyContext */.u)(context);
    const failureReasons = [];
    for (const option of resolvedOptions) {
        const scheme = authSchemes.get(option.schemeId);
        if (!scheme) {
            failureReasons.push(`HttpAuthScheme \`${option.schemeId}\` was not enabled for this service.`);
            continue;
        }
        const identityProvider = scheme.identityProvider(await mwOptions.identityProviderConfigProvider(config));
        if (!identityProvider) {
            failureReasons.push(`HttpAuthScheme \`${option.schemeId}\` did not have an IdentityProvider configured.`);
            continue;
        }
        const { identityProperties = {}, signingProperties = {} } = option.propertiesExtractor?.(config, context) || {};
        option.identityProperties = Object.assign(option.identityProperties || {}, identityProperties);
        option.signingProperties = Object.assign(option.signingProperties || {}, signingProperties);
        smithyContext.selectedHttpAuthScheme = {
            httpAuthOption: option,
            identity: await identityProvider(option.identityProperties),
            signer: scheme.signer,
        };
        break;
    }
    if (!smithyContext.selectedHttpAuthScheme) {
        throw new Error(failureReasons.join("\n"));
    }
    return next(args);
};


/***/ }),

/***/ 6418:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ httpSigningMiddlewareOptions),
/* harmony export */   l: () => (/* binding */ getHttpSigningPlugin)
/* harmony export */ });
/* harmony import */ var _httpSigningMiddleware__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5710);

const httpSigningMiddlewareOptions = {
    step: "finalizeRequest",
    tags: ["HTTP_SIGNING"],
    name: "httpSigningMiddleware",
    aliases: ["apiKeyMiddleware", "tokenMiddleware", "awsAuthMiddleware"],
    override: true,
    relation: "after",
    toMiddleware: "retryMiddleware",
};
const getHttpSigningPlugin = (config) => ({
    applyToStack: (clientStack) => {
        clientStack.addRelativeTo((0,_httpSigningMiddleware__WEBPACK_IMPORTED_MODULE_0__/* .httpSigningMiddleware */ .s)(config), httpSigningMiddlewareOptions);
    },
});


/***/ }),

/***/ 5710:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ httpSigningMiddleware)
/* harmony export */ });
/* harmony import */ var _smithy_core_protocols__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9725);
/* harmony import */ var _smithy_core_transport__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8743);


const defaultErrorHandler = (signingProperties) => (error) => {
    throw error;
};
const defaultSuccessHandler = (httpResponse, signingProperties) => { };
const httpSigningMiddleware = (config) => (next, context) => async (args) => {
    if (!_smithy_core_protocols__WEBPACK_IMPORTED_MODULE_0__/* .HttpRequest */ .K.isInstance(args.request)) {
        return next(args);
    }
    const smithyContext = (0,_smithy_core_transport__WEBPACK_IMPORTED_MODULE_1__/* .getSmithyContext */ .u)(context);
    const scheme = smithyContext.selectedHttpAuthScheme;
    if (!scheme) {
        throw new Error(`No HttpAuthScheme was selected: unable to sign request`);
    }
    const { httpAuthOption: { signingProperties = {} }, identity, signer, } = scheme;
    const output = await next({
        ...args,
        request: await signer.sign(args.request, identity, signingProperties),
    }).catch((signer.errorHandler || defaultErrorHandler)(signingProperties));
    (signer.successHandler || defaultSuccessHandler)(output.response, signingProperties);
    return output;
};


/***/ }),

/***/ 7086:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ DefaultIdentityProviderConfig)
/* harmony export */ });
/* harmony import */ var _smithy_core_transport__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2990);

class DefaultIdentityProviderConfig {
    authSchemes = new Map();
    constructor(config) {
        for (const key in config) {
            if (!(0,_smithy_core_transport__WEBPACK_IMPORTED_MODULE_0__/* .hasOwn */ .$)(config, key)) {
                continue;
            }
            const value = config[key];
            if (value !== undefined) {
                this.authSchemes.set(key, value);
            }
        }
    }
    getIdentityProvider(schemeId) {
        return this.authSchemes.get(schemeId);
    }
}


/***/ }),

/***/ 4649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K4: () => (/* binding */ memoizeIdentityProvider),
/* harmony export */   OC: () => (/* binding */ isIdentityExpired),
/* harmony export */   OS: () => (/* binding */ createIsIdentityExpiredFunction),
/* harmony export */   e: () => (/* binding */ doesIdentityRequireRefresh),
/* harmony export */   rl: () => (/* binding */ EXPIRATION_MS)
/* harmony export */ });
const createIsIdentityExpiredFunction = (expirationMs) => function isIdentityExpired(identity) {
    return doesIdentityRequireRefresh(identity) && identity.expiration.getTime() - Date.now() < expirationMs;
};
const EXPIRATION_MS = 300_000;
const isIdentityExpired = createIsIdentityExpiredFunction(EXPIRATION_MS);
const doesIdentityRequireRefresh = (identity) => identity.expiration !== undefined;
const memoizeIdentityProvider = (provider, isExpired, requiresRefresh) => {
    if (provider === undefined) {
        return undefined;
    }
    const normalizedProvider = typeof provider !== "function" ? async () => Promise.resolve(provider) : provider;
    let resolved;
    let pending;
    let hasResult;
    let isConstant = false;
    const coalesceProvider = async (options) => {
        if (!pending) {
            pending = normalizedProvider(options);
        }
        try {
            resolved = await pending;
            hasResult = true;
            isConstant = false;
        }
        finally {
            pending = undefined;
        }
        return resolved;
    };
    if (isExpired === undefined) {
        return async (options) => {
            if (!hasResult || options?.forceRefresh) {
                resolved = await coalesceProvider(options);
            }
            return resolved;
        };
    }
    return async (options) => {
        if (!hasResult || options?.forceRefresh) {
            resolved = await coalesceProvider(options);
        }
        if (isConstant) {
            return resolved;
        }
        if (!requiresRefresh(resolved)) {
            isConstant = true;
            return resolved;
        }
        if (isExpired(resolved)) {
            await coalesceProvider(options);
            return resolved;
        }
        return resolved;
    };
};


/***/ }),

/***/ 3926:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ normalizeProvider)
/* harmony export */ });
const normalizeProvider = (input) => {
    if (typeof input === "function") {
        return input;
    }
    const promisified = Promise.resolve(input);
    return () => promisified;
};


/***/ }),

/***/ 3284:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ Sha256Js)
/* harmony export */ });
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3243);

const BLOCK = 64;
const DIGEST_LENGTH = 32;
const MAX_HASHABLE_LENGTH = 2 ** 53 - 1;
class Sha256Js {
    digestLength = DIGEST_LENGTH;
    state = Int32Array.from(INIT);
    w;
    buffer = new Uint8Array(64);
    bufferLength = 0;
    bytesHashed = 0;
    finished = false;
    inner;
    outer;
    constructor(secret) {
        if (secret) {
            const key = Sha256Js.normalizeKey(secret);
            this.inner = new Sha256Js();
            this.outer = new Sha256Js();
            const { inner, outer } = this;
            const pad = new Uint8Array(BLOCK * 2);
            for (let i = 0; i < BLOCK; ++i) {
                pad[i] = 0x36 ^ key[i];
                pad[i + BLOCK] = 0x5c ^ key[i];
            }
            inner.update(pad.subarray(0, BLOCK));
            outer.update(pad.subarray(BLOCK));
        }
    }
    update(data) {
        if (this.finished) {
            throw new Error("Attempted to update an already finished HMAC.");
        }
        if (this.inner) {
            this.inner.update(data);
            return;
        }
        const chunk = (0,_smithy_core_serde__WEBPACK_IMPORTED_MODULE_0__/* .toUint8Array */ .F)(data);
        let position = 0;
        let { byteLength } = chunk;
        this.bytesHashed += byteLength;
        if (this.bytesHashed * 8 > MAX_HASHABLE_LENGTH) {
            throw new Error("Cannot hash more than 2^53 - 1 bits");
        }
        while (byteLength > 0) {
            this.buffer[this.bufferLength++] = chunk[position++];
            byteLength--;
            if (this.bufferLength === BLOCK) {
                this.hashBuffer();
                this.bufferLength = 0;
            }
        }
    }
    async digest() {
        const { inner, outer } = this;
        if (inner && outer) {
            if (this.finished) {
                throw new Error("Attempted to digest an already finished HMAC.");
            }
            this.finished = true;
            const innerDigest = inner.digestSync();
            outer.update(innerDigest);
            return outer.digestSync();
        }
        return this.digestSync();
    }
    reset() {
        this.state = Int32Array.from(INIT);
        this.buffer = new Uint8Array(64);
        this.bufferLength = 0;
        this.bytesHashed = 0;
    }
    digestSync() {
        const state = this.state.slice();
        const buffer = this.buffer.slice();
        let bufferLength = this.bufferLength;
        const bitsHashed = this.bytesHashed * 8;
        const bufferView = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
        bufferView.setUint8(bufferLength++, 0x80);
        if ((bufferLength - 1) % BLOCK >= BLOCK - 8) {
            for (let i = bufferLength; i < BLOCK; ++i) {
                bufferView.setUint8(i, 0);
            }
            this.hashBufferWith(state, buffer);
            bufferLength = 0;
        }
        for (let i = bufferLength; i < BLOCK - 8; ++i) {
            bufferView.setUint8(i, 0);
        }
        bufferView.setUint32(BLOCK - 8, Math.floor(bitsHashed / 0x100000000), false);
        bufferView.setUint32(BLOCK - 4, bitsHashed, false);
        this.hashBufferWith(state, buffer);
        const out = new Uint8Array(DIGEST_LENGTH);
        for (let i = 0; i < 8; ++i) {
            out[i * 4] = (state[i] >>> 24) & 0xff;
            out[i * 4 + 1] = (state[i] >>> 16) & 0xff;
            out[i * 4 + 2] = (state[i] >>> 8) & 0xff;
            out[i * 4 + 3] = (state[i] >>> 0) & 0xff;
        }
        return out;
    }
    static normalizeKey(secret) {
        const key = (0,_smithy_core_serde__WEBPACK_IMPORTED_MODULE_0__/* .toUint8Array */ .F)(secret);
        if (key.byteLength > BLOCK) {
            const h = new Sha256Js();
            h.update(key);
            const out = h.digestSync();
            const padded = new Uint8Array(BLOCK);
            padded.set(out);
            return padded;
        }
        if (key.byteLength < BLOCK) {
            const padded = new Uint8Array(BLOCK);
            padded.set(key);
            return padded;
        }
        return key;
    }
    hashBuffer() {
        this.hashBufferWith(this.state, this.buffer);
    }
    hashBufferWith(state, buffer) {
        const w = (this.w ??= new Int32Array(64));
        let s0 = state[0], s1 = state[1], s2 = state[2], s3 = state[3], s4 = state[4], s5 = state[5], s6 = state[6], s7 = state[7];
        for (let i = 0; i < BLOCK; ++i) {
            if (i < 16) {
                w[i] =
                    ((buffer[i * 4] & 0xff) << 24) |
                        ((buffer[i * 4 + 1] & 0xff) << 16) |
                        ((buffer[i * 4 + 2] & 0xff) << 8) |
                        (buffer[i * 4 + 3] & 0xff);
            }
            else {
                let u = w[i - 2];
                const t1 = ((u >>> 17) | (u << 15)) ^ ((u >>> 19) | (u << 13)) ^ (u >>> 10);
                u = w[i - 15];
                const t2 = ((u >>> 7) | (u << 25)) ^ ((u >>> 18) | (u << 14)) ^ (u >>> 3);
                w[i] = ((t1 + w[i - 7]) | 0) + ((t2 + w[i - 16]) | 0);
            }
            const t1 = ((((((s4 >>> 6) | (s4 << 26)) ^ ((s4 >>> 11) | (s4 << 21)) ^ ((s4 >>> 25) | (s4 << 7))) +
                ((s4 & s5) ^ (~s4 & s6))) |
                0) +
                ((s7 + ((K[i] + w[i]) | 0)) | 0)) |
                0;
            const t2 = ((((s0 >>> 2) | (s0 << 30)) ^ ((s0 >>> 13) | (s0 << 19)) ^ ((s0 >>> 22) | (s0 << 10))) +
                ((s0 & s1) ^ (s0 & s2) ^ (s1 & s2))) |
                0;
            s7 = s6;
            s6 = s5;
            s5 = s4;
            s4 = (s3 + t1) | 0;
            s3 = s2;
            s2 = s1;
            s1 = s0;
            s0 = (t1 + t2) | 0;
        }
        state[0] += s0;
        state[1] += s1;
        state[2] += s2;
        state[3] += s3;
        state[4] += s4;
        state[5] += s5;
        state[6] += s6;
        state[7] += s7;
    }
}
const INIT = new Int32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);
const K = new Int32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);


/***/ }),

/***/ 1875:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ Sha256Node)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _Sha256Js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3284);


const hasNativeCrypto = (() => {
    try {
        (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256");
        return true;
    }
    catch {
        return false;
    }
})();
const Sha256Node = hasNativeCrypto ? buildNativeClass() : _Sha256Js__WEBPACK_IMPORTED_MODULE_1__/* .Sha256Js */ .D;
function buildNativeClass() {
    return class Sha256Node {
        digestLength = 32;
        secret;
        hash;
        isHmac;
        finished = false;
        constructor(secret) {
            this.secret = secret;
            this.isHmac = !!secret;
            this.hash = this.createHash();
        }
        update(data) {
            if (this.finished) {
                throw new Error("Attempted to update an already finished hash.");
            }
            this.hash.update(data);
        }
        async digest() {
            let buf;
            if (this.isHmac) {
                this.finished = true;
                buf = this.hash.digest();
            }
            else {
                buf = this.hash.copy().digest();
            }
            return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
        }
        reset() {
            this.hash = this.createHash();
            this.finished = false;
        }
        createHash() {
            return this.secret ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)("sha256", toBuffer(this.secret)) : (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256");
        }
    };
}
function toBuffer(data) {
    if (typeof data === "string") {
        return data;
    }
    if (ArrayBuffer.isView(data)) {
        return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    }
    return Buffer.from(data);
}


/***/ }),

/***/ 7520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ constructStack)
/* harmony export */ });
const getAllAliases = (name, aliases) => {
    const _aliases = [];
    if (name) {
        _aliases.push(name);
    }
    if (aliases) {
        for (const alias of aliases) {
            _aliases.push(alias);
        }
    }
    return _aliases;
};
const getMiddlewareNameWithAliases = (name, aliases) => {
    return `${name || "anonymous"}${aliases && aliases.length > 0 ? ` (a.k.a. ${aliases.join(",")})` : ""}`;
};
const constructStack = () => {
    let absoluteEntries = [];
    let relativeEntries = [];
    let identifyOnResolve = false;
    const entriesNameSet = new Set();
    const sort = (entries) => entries.sort((a, b) => stepWeights[b.step] - stepWeights[a.step] ||
        priorityWeights[b.priority || "normal"] - priorityWeights[a.priority || "normal"]);
    const removeByName = (toRemove) => {
        let isRemoved = false;
        const filterCb = (entry) => {
            const aliases = getAllAliases(entry.name, entry.aliases);
            if (aliases.includes(toRemove)) {
                isRemoved = true;
                for (const alias of aliases) {
                    entriesNameSet.delete(alias);
                }
                return false;
            }
            return true;
        };
        absoluteEntries = absoluteEntries.filter(filterCb);
        relativeEntries = relativeEntries.filter(filterCb);
        return isRemoved;
    };
    const removeByReference = (toRemove) => {
        let isRemoved = false;
        const filterCb = (entry) => {
            if (entry.middleware === toRemove) {
                isRemoved = true;
                for (const alias of getAllAliases(entry.name, entry.aliases)) {
                    entriesNameSet.delete(alias);
                }
                return false;
            }
            return true;
        };
        absoluteEntries = absoluteEntries.filter(filterCb);
        relativeEntries = relativeEntries.filter(filterCb);
        return isRemoved;
    };
    const cloneTo = (toStack) => {
        absoluteEntries.forEach((entry) => {
            toStack.add(entry.middleware, { ...entry });
        });
        relativeEntries.forEach((entry) => {
            toStack.addRelativeTo(entry.middleware, { ...entry });
        });
        toStack.identifyOnResolve?.(stack.identifyOnResolve());
        return toStack;
    };
    const expandRelativeMiddlewareList = (from) => {
        const expandedMiddlewareList = [];
        from.before.forEach((entry) => {
            if (entry.before.length === 0 && entry.after.length === 0) {
                expandedMiddlewareList.push(entry);
            }
            else {
                expandedMiddlewareList.push(...expandRelativeMiddlewareList(entry));
            }
        });
        expandedMiddlewareList.push(from);
        from.after.reverse().forEach((entry) => {
            if (entry.before.length === 0 && entry.after.length === 0) {
                expandedMiddlewareList.push(entry);
            }
            else {
                expandedMiddlewareList.push(...expandRelativeMiddlewareList(entry));
            }
        });
        return expandedMiddlewareList;
    };
    const getMiddlewareList = (debug = false) => {
        const normalizedAbsoluteEntries = [];
        const normalizedRelativeEntries = [];
        const normalizedEntriesNameMap = {};
        absoluteEntries.forEach((entry) => {
            const normalizedEntry = {
                ...entry,
                before: [],
                after: [],
            };
            for (const alias of getAllAliases(normalizedEntry.name, normalizedEntry.aliases)) {
                normalizedEntriesNameMap[alias] = normalizedEntry;
            }
            normalizedAbsoluteEntries.push(normalizedEntry);
        });
        relativeEntries.forEach((entry) => {
            const normalizedEntry = {
                ...entry,
                before: [],
                after: [],
            };
            for (const alias of getAllAliases(normalizedEntry.name, normalizedEntry.aliases)) {
                normalizedEntriesNameMap[alias] = normalizedEntry;
            }
            normalizedRelativeEntries.push(normalizedEntry);
        });
        normalizedRelativeEntries.forEach((entry) => {
            if (entry.toMiddleware) {
                const toMiddleware = normalizedEntriesNameMap[entry.toMiddleware];
                if (toMiddleware === undefined) {
                    if (debug) {
                        return;
                    }
                    throw new Error(`${entry.toMiddleware} is not found when adding ` +
                        `${getMiddlewareNameWithAliases(entry.name, entry.aliases)} ` +
                        `middleware ${entry.relation} ${entry.toMiddleware}`);
                }
                if (entry.relation === "after") {
                    toMiddleware.after.push(entry);
                }
                if (entry.relation === "before") {
                    toMiddleware.before.push(entry);
                }
            }
        });
        const mainChain = sort(normalizedAbsoluteEntries)
            .map(expandRelativeMiddlewareList)
            .reduce((wholeList, expandedMiddlewareList) => {
            wholeList.push(...expandedMiddlewareList);
            return wholeList;
        }, []);
        return mainChain;
    };
    const stack = {
        add: (middleware, options = {}) => {
            const { name, override, aliases: _aliases } = options;
            const entry = {
                step: "initialize",
                priority: "normal",
                middleware,
                ...options,
            };
            const aliases = getAllAliases(name, _aliases);
            if (aliases.length > 0) {
                if (aliases.some((alias) => entriesNameSet.has(alias))) {
                    if (!override) {
                        throw new Error(`Duplicate middleware name '${getMiddlewareNameWithAliases(name, _aliases)}'`);
                    }
                    for (const alias of aliases) {
                        const toOverrideIndex = absoluteEntries.findIndex((entry) => entry.name === alias || entry.aliases?.some((a) => a === alias));
                        if (toOverrideIndex === -1) {
                            continue;
                        }
                        const toOverride = absoluteEntries[toOverrideIndex];
                        if (toOverride.step !== entry.step || entry.priority !== toOverride.priority) {
                            throw new Error(`"${getMiddlewareNameWithAliases(toOverride.name, toOverride.aliases)}" middleware with ` +
                                `${toOverride.priority} priority in ${toOverride.step} step cannot ` +
                                `be overridden by "${getMiddlewareNameWithAliases(name, _aliases)}" middleware with ` +
                                `${entry.priority} priority in ${entry.step} step.`);
                        }
                        absoluteEntries.splice(toOverrideIndex, 1);
                    }
                }
                for (const alias of aliases) {
                    entriesNameSet.add(alias);
                }
            }
            absoluteEntries.push(entry);
        },
        addRelativeTo: (middleware, options) => {
            const { name, override, aliases: _aliases } = options;
            const entry = {
                middleware,
                ...options,
            };
            const aliases = getAllAliases(name, _aliases);
            if (aliases.length > 0) {
                if (aliases.some((alias) => entriesNameSet.has(alias))) {
                    if (!override) {
                        throw new Error(`Duplicate middleware name '${getMiddlewareNameWithAliases(name, _aliases)}'`);
                    }
                    for (const alias of aliases) {
                        const toOverrideIndex = relativeEntries.findIndex((entry) => entry.name === alias || entry.aliases?.some((a) => a === alias));
                        if (toOverrideIndex === -1) {
                            continue;
                        }
                        const toOverride = relativeEntries[toOverrideIndex];
                        if (toOverride.toMiddleware !== entry.toMiddleware || toOverride.relation !== entry.relation) {
                            throw new Error(`"${getMiddlewareNameWithAliases(toOverride.name, toOverride.aliases)}" middleware ` +
                                `${toOverride.relation} "${toOverride.toMiddleware}" middleware cannot be overridden ` +
                                `by "${getMiddlewareNameWithAliases(name, _aliases)}" middleware ${entry.relation} ` +
                                `"${entry.toMiddleware}" middleware.`);
                        }
                        relativeEntries.splice(toOverrideIndex, 1);
                    }
                }
                for (const alias of aliases) {
                    entriesNameSet.add(alias);
                }
            }
            relativeEntries.push(entry);
        },
        clone: () => cloneTo(constructStack()),
        use: (plugin) => {
            plugin.applyToStack(stack);
        },
        remove: (toRemove) => {
            if (typeof toRemove === "string") {
                return removeByName(toRemove);
            }
            else {
                return removeByReference(toRemove);
            }
        },
        removeByTag: (toRemove) => {
            let isRemoved = false;
            const filterCb = (entry) => {
                const { tags, name, aliases: _aliases } = entry;
                if (tags && tags.includes(toRemove)) {
                    const aliases = getAllAliases(name, _aliases);
                    for (const alias of aliases) {
                        entriesNameSet.delete(alias);
                    }
                    isRemoved = true;
                    return false;
                }
                return true;
            };
            absoluteEntries = absoluteEntries.filter(filterCb);
            relativeEntries = relativeEntries.filter(filterCb);
            return isRemoved;
        },
        concat: (from) => {
            const cloned = cloneTo(constructStack());
            cloned.use(from);
            cloned.identifyOnResolve(identifyOnResolve || cloned.identifyOnResolve() || (from.identifyOnResolve?.() ?? false));
            return cloned;
        },
        applyToStack: cloneTo,
        identify: () => {
            return getMiddlewareList(true).map((mw) => {
                const step = mw.step ??
                    mw.relation +
                        " " +
                        mw.toMiddleware;
                return getMiddlewareNameWithAliases(mw.name, mw.aliases) + " - " + step;
            });
        },
        identifyOnResolve(toggle) {
            if (typeof toggle === "boolean") {
                identifyOnResolve = toggle;
            }
            return identifyOnResolve;
        },
        resolve: (handler, context) => {
            for (const middleware of getMiddlewareList()
                .map((entry) => entry.middleware)
                .reverse()) {
                handler = middleware(handler, context);
            }
            if (identifyOnResolve) {
                console.log(stack.identify());
            }
            return handler;
        },
    };
    return stack;
};
const stepWeights = {
    initialize: 5,
    serialize: 4,
    build: 3,
    finalizeRequest: 2,
    deserialize: 1,
};
const priorityWeights = {
    high: 3,
    normal: 2,
    low: 1,
};


/***/ }),

/***/ 7545:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ NoOpLogger)
/* harmony export */ });
class NoOpLogger {
    trace() { }
    debug() { }
    info() { }
    warn() { }
    error() { }
}


/***/ }),

/***/ 5816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ makeBuilder)
/* harmony export */ });
/* harmony import */ var _command__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5772);

function makeBuilder(common, service, name, ep) {
    return function makeCommand(added, plugins, op, $, smithyContext = {}) {
        const epMerged = Object.assign({}, common, added);
        return _command__WEBPACK_IMPORTED_MODULE_0__/* .Command */ .u.classBuilder()
            .ep(epMerged)
            .m(function (CommandCtor, clientStack, config, options) {
            const list = plugins.call(this, CommandCtor, clientStack, config, options);
            list.unshift(ep(config, CommandCtor.getEndpointParameterInstructions()));
            return list;
        })
            .s(service, op, smithyContext)
            .n(name, op.charAt(0).toUpperCase() + op.slice(1) + "Command")
            .sc($)
            .build();
    };
}


/***/ }),

/***/ 8702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ Client)
/* harmony export */ });
/* harmony import */ var _middleware_stack_MiddlewareStack__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7520);

class Client {
    config;
    middlewareStack = (0,_middleware_stack_MiddlewareStack__WEBPACK_IMPORTED_MODULE_0__/* .constructStack */ .o)();
    initConfig;
    handlers;
    constructor(config) {
        this.config = config;
        const { protocol, protocolSettings } = config;
        if (protocolSettings) {
            if (typeof protocol === "function") {
                config.protocol = new protocol(protocolSettings);
            }
        }
    }
    send(command, optionsOrCb, cb) {
        const options = typeof optionsOrCb !== "function" ? optionsOrCb : undefined;
        const callback = typeof optionsOrCb === "function" ? optionsOrCb : cb;
        const useHandlerCache = options === undefined && this.config.cacheMiddleware === true;
        let handler;
        if (useHandlerCache) {
            if (!this.handlers) {
                this.handlers = new WeakMap();
            }
            const handlers = this.handlers;
            if (handlers.has(command.constructor)) {
                handler = handlers.get(command.constructor);
            }
            else {
                handler = command.resolveMiddleware(this.middlewareStack, this.config, options);
                handlers.set(command.constructor, handler);
            }
        }
        else {
            delete this.handlers;
            handler = command.resolveMiddleware(this.middlewareStack, this.config, options);
        }
        if (callback) {
            handler(command)
                .then((result) => callback(null, result.output), (err) => callback(err))
                .catch(() => { });
        }
        else {
            return handler(command).then((result) => result.output);
        }
    }
    destroy() {
        this.config?.requestHandler?.destroy?.();
        delete this.handlers;
    }
}


/***/ }),

/***/ 5772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ Command)
/* harmony export */ });
/* harmony import */ var _smithy_types__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7418);
/* harmony import */ var _middleware_stack_MiddlewareStack__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7520);
/* harmony import */ var _schemaLogFilter__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2948);
/* harmony import */ var _smithy_core_schema__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5125);




const operationEventStreamMarker = Symbol.for("@smithy/op-event-stream");
class Command {
    middlewareStack = (0,_middleware_stack_MiddlewareStack__WEBPACK_IMPORTED_MODULE_0__/* .constructStack */ .o)();
    schema;
    static classBuilder() {
        return new ClassBuilder();
    }
    resolveMiddlewareWithContext(clientStack, configuration, options, { middlewareFn, clientName, commandName, inputFilterSensitiveLog, outputFilterSensitiveLog, smithyContext, additionalContext, CommandCtor, }) {
        for (const mw of middlewareFn.bind(this)(CommandCtor, clientStack, configuration, options)) {
            this.middlewareStack.use(mw);
        }
        const stack = clientStack.concat(this.middlewareStack);
        const { logger } = configuration;
        const additionalSmithyContext = additionalContext[_smithy_types__WEBPACK_IMPORTED_MODULE_1__/* .SMITHY_CONTEXT_KEY */ .V];
        const handlerExecutionContext = {
            logger,
            clientName,
            commandName,
            inputFilterSensitiveLog,
            outputFilterSensitiveLog,
            ...additionalContext,
            [_smithy_types__WEBPACK_IMPORTED_MODULE_1__/* .SMITHY_CONTEXT_KEY */ .V]: {
                ...additionalSmithyContext,
                commandInstance: this,
                ...smithyContext,
                ...(options?.metricsRecorder === undefined ? {} : { metricsRecorder: options.metricsRecorder }),
                ...(options?.abortSignal === undefined ? {} : { abortSignal: options.abortSignal }),
            },
        };
        const { requestHandler } = configuration;
        let requestOptions = options ?? {};
        if (requestOptions.metricsRecorder) {
            requestOptions = { ...requestOptions };
            delete requestOptions.metricsRecorder;
        }
        let isEventStream;
        const schema = this.schema;
        const marker = schema?.[operationEventStreamMarker];
        if (marker !== undefined) {
            isEventStream = marker;
        }
        else if (schema) {
            if (Array.isArray(schema) && schema[0] === 9) {
                const [, , , , input$, output$] = schema;
                isEventStream = schema[operationEventStreamMarker] = Boolean(_smithy_core_schema__WEBPACK_IMPORTED_MODULE_2__/* .NormalizedSchema */ .l1.of(input$).getEventStreamMember() || _smithy_core_schema__WEBPACK_IMPORTED_MODULE_2__/* .NormalizedSchema */ .l1.of(output$).getEventStreamMember());
            }
        }
        if (isEventStream) {
            requestOptions = {
                isEventStream,
                ...requestOptions,
            };
        }
        return stack.resolve((request) => requestHandler.handle(request.request, requestOptions), handlerExecutionContext);
    }
}
class ClassBuilder {
    _init = () => { };
    _ep = {};
    _middlewareFn = () => [];
    _commandName = "";
    _clientName = "";
    _additionalContext = {};
    _smithyContext = {};
    _inputFilterSensitiveLog = undefined;
    _outputFilterSensitiveLog = undefined;
    _serializer = null;
    _deserializer = null;
    _operationSchema;
    init(cb) {
        this._init = cb;
    }
    ep(endpointParameterInstructions) {
        this._ep = endpointParameterInstructions;
        return this;
    }
    m(middlewareSupplier) {
        this._middlewareFn = middlewareSupplier;
        return this;
    }
    s(service, operation, smithyContext = {}) {
        this._smithyContext = {
            service,
            operation,
            ...smithyContext,
        };
        return this;
    }
    c(additionalContext = {}) {
        this._additionalContext = additionalContext;
        return this;
    }
    n(clientName, commandName) {
        this._clientName = clientName;
        this._commandName = commandName;
        return this;
    }
    f(inputFilter = (_) => _, outputFilter = (_) => _) {
        this._inputFilterSensitiveLog = inputFilter;
        this._outputFilterSensitiveLog = outputFilter;
        return this;
    }
    ser(serializer) {
        this._serializer = serializer;
        return this;
    }
    de(deserializer) {
        this._deserializer = deserializer;
        return this;
    }
    sc(operation) {
        this._operationSchema = operation;
        this._smithyContext.operationSchema = operation;
        return this;
    }
    build() {
        const closure = this;
        let CommandRef;
        return (CommandRef = class extends Command {
            input;
            static getEndpointParameterInstructions() {
                return closure._ep;
            }
            constructor(...[input]) {
                super();
                this.input = input ?? {};
                closure._init(this);
                this.schema = closure._operationSchema;
            }
            resolveMiddleware(stack, configuration, options) {
                const op = closure._operationSchema;
                const input = op?.[4] ?? op?.input;
                const output = op?.[5] ?? op?.output;
                return this.resolveMiddlewareWithContext(stack, configuration, options, {
                    CommandCtor: CommandRef,
                    middlewareFn: closure._middlewareFn,
                    clientName: closure._clientName,
                    commandName: closure._commandName,
                    inputFilterSensitiveLog: closure._inputFilterSensitiveLog ?? (op ? _schemaLogFilter__WEBPACK_IMPORTED_MODULE_3__/* .schemaLogFilter */ .G.bind(null, input) : (_) => _),
                    outputFilterSensitiveLog: closure._outputFilterSensitiveLog ?? (op ? _schemaLogFilter__WEBPACK_IMPORTED_MODULE_3__/* .schemaLogFilter */ .G.bind(null, output) : (_) => _),
                    smithyContext: closure._smithyContext,
                    additionalContext: closure._additionalContext,
                });
            }
            serialize = closure._serializer;
            deserialize = closure._deserializer;
        });
    }
}


/***/ }),

/***/ 479:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ loadConfigsForDefaultMode)
/* harmony export */ });
const loadConfigsForDefaultMode = (mode) => {
    switch (mode) {
        case "standard":
            return {
                retryMode: "standard",
                connectionTimeout: 3100,
            };
        case "in-region":
            return {
                retryMode: "standard",
                connectionTimeout: 1100,
            };
        case "cross-region":
            return {
                retryMode: "standard",
                connectionTimeout: 3100,
            };
        case "mobile":
            return {
                retryMode: "standard",
                connectionTimeout: 30000,
            };
        default:
            return {};
    }
};


/***/ }),

/***/ 1034:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ emitWarningIfUnsupportedVersion)
/* harmony export */ });
let warningEmitted = false;
const emitWarningIfUnsupportedVersion = (version) => {
    if (version && !warningEmitted && parseInt(version.substring(1, version.indexOf("."))) < 16) {
        warningEmitted = true;
    }
};


/***/ }),

/***/ 4667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ decorateServiceException),
/* harmony export */   T: () => (/* binding */ ServiceException)
/* harmony export */ });
class ServiceException extends Error {
    static shapeId = "smithy.ts.sdk.synthetic.nonamespace.client#ServiceException";
    $fault;
    $response;
    $retryable;
    $metadata;
    constructor(options) {
        super(options.message);
        Object.setPrototypeOf(this, Object.getPrototypeOf(this).constructor.prototype);
        this.name = options.name;
        this.$fault = options.$fault;
        this.$metadata = options.$metadata;
    }
    static isInstance(value) {
        if (!value) {
            return false;
        }
        const candidate = value;
        return (ServiceException.prototype.isPrototypeOf(candidate) ||
            (Boolean(candidate.$fault) &&
                Boolean(candidate.$metadata) &&
                (candidate.$fault === "client" || candidate.$fault === "server")));
    }
    static [Symbol.hasInstance](instance) {
        if (!instance) {
            return false;
        }
        const candidate = instance;
        if (this === ServiceException) {
            return ServiceException.isInstance(instance);
        }
        if (ServiceException.isInstance(instance)) {
            if (this.prototype.isPrototypeOf(instance)) {
                return true;
            }
            const targetId = Object.prototype.hasOwnProperty.call(this, "shapeId")
                ? this.shapeId
                : undefined;
            let candidateHasShapeId = false;
            if (targetId) {
                let proto = Object.getPrototypeOf(candidate);
                while (proto && proto !== Object.prototype) {
                    const ctor = proto.constructor;
                    const candidateId = ctor !== ServiceException && Object.prototype.hasOwnProperty.call(ctor, "shapeId")
                        ? ctor?.shapeId
                        : undefined;
                    if (candidateId) {
                        candidateHasShapeId = true;
                        if (candidateId === targetId) {
                            return true;
                        }
                    }
                    proto = Object.getPrototypeOf(proto);
                }
            }
            if (targetId && candidateHasShapeId) {
                return false;
            }
            const targetName = this.name;
            if (targetName && targetName.length >= 6) {
                if (candidate.name === targetName) {
                    return true;
                }
                let proto = Object.getPrototypeOf(candidate);
                while (proto && proto !== Object.prototype) {
                    const ctorName = proto.constructor?.name;
                    if (ctorName && ctorName !== "Error" && ctorName === targetName) {
                        return true;
                    }
                    proto = Object.getPrototypeOf(proto);
                }
            }
        }
        return false;
    }
}
const decorateServiceException = (exception, additions = {}) => {
    Object.entries(additions)
        .filter(([, v]) => v !== undefined)
        .forEach(([k, v]) => {
        if (exception[k] == undefined || exception[k] === "") {
            exception[k] = v;
        }
    });
    const message = exception.message || exception.Message || "UnknownError";
    exception.message = message;
    delete exception.Message;
    return exception;
};


/***/ }),

/***/ 6385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M2: () => (/* binding */ getChecksumConfiguration),
/* harmony export */   MS: () => (/* binding */ resolveChecksumRuntimeConfig)
/* harmony export */ });
/* harmony import */ var _smithy_core_transport__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2990);
/* harmony import */ var _smithy_types__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6968);



const knownAlgorithms = Object.values(_smithy_types__WEBPACK_IMPORTED_MODULE_0__/* .AlgorithmId */ .dB);
const getChecksumConfiguration = (runtimeConfig) => {
    const checksumAlgorithms = [];
    for (const id in _smithy_types__WEBPACK_IMPORTED_MODULE_0__/* .AlgorithmId */ .dB) {
        if (!(0,_smithy_core_transport__WEBPACK_IMPORTED_MODULE_1__/* .hasOwn */ .$)(_smithy_types__WEBPACK_IMPORTED_MODULE_0__/* .AlgorithmId */ .dB, id)) {
            continue;
        }
        const algorithmId = _smithy_types__WEBPACK_IMPORTED_MODULE_0__/* .AlgorithmId */ .dB[id];
        if (runtimeConfig[algorithmId] === undefined) {
            continue;
        }
        checksumAlgorithms.push({
            algorithmId: () => algorithmId,
            checksumConstructor: () => runtimeConfig[algorithmId],
        });
    }
    for (const [id, ChecksumCtor] of Object.entries(runtimeConfig.checksumAlgorithms ?? {})) {
        checksumAlgorithms.push({
            algorithmId: () => id,
            checksumConstructor: () => ChecksumCtor,
        });
    }
    return {
        addChecksumAlgorithm(algo) {
            runtimeConfig.checksumAlgorithms = runtimeConfig.checksumAlgorithms ?? {};
            const id = algo.algorithmId();
            const ctor = algo.checksumConstructor();
            if (knownAlgorithms.includes(id)) {
                runtimeConfig.checksumAlgorithms[id.toUpperCase()] = ctor;
            }
            else {
                runtimeConfig.checksumAlgorithms[id] = ctor;
            }
            checksumAlgorithms.push(algo);
        },
        checksumAlgorithms() {
            return checksumAlgorithms;
        },
    };
};
const resolveChecksumRuntimeConfig = (clientConfig) => {
    const runtimeConfig = {};
    clientConfig.checksumAlgorithms().forEach((checksumAlgorithm) => {
        const id = checksumAlgorithm.algorithmId();
        if (knownAlgorithms.includes(id)) {
            runtimeConfig[id] = checksumAlgorithm.checksumConstructor();
        }
    });
    return runtimeConfig;
};


/***/ }),

/***/ 2912:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uv: () => (/* binding */ resolveDefaultRuntimeConfig),
/* harmony export */   xA: () => (/* binding */ getDefaultExtensionConfiguration),
/* harmony export */   xr: () => (/* binding */ getDefaultClientConfiguration)
/* harmony export */ });
/* harmony import */ var _checksum__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6385);
/* harmony import */ var _retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(558);


const getDefaultExtensionConfiguration = (runtimeConfig) => {
    return Object.assign((0,_checksum__WEBPACK_IMPORTED_MODULE_0__/* .getChecksumConfiguration */ .M2)(runtimeConfig), (0,_retry__WEBPACK_IMPORTED_MODULE_1__/* .getRetryConfiguration */ .x)(runtimeConfig));
};
const getDefaultClientConfiguration = getDefaultExtensionConfiguration;
const resolveDefaultRuntimeConfig = (config) => {
    return Object.assign((0,_checksum__WEBPACK_IMPORTED_MODULE_0__/* .resolveChecksumRuntimeConfig */ .MS)(config), (0,_retry__WEBPACK_IMPORTED_MODULE_1__/* .resolveRetryRuntimeConfig */ .Q)(config));
};


/***/ }),

/***/ 558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ resolveRetryRuntimeConfig),
/* harmony export */   x: () => (/* binding */ getRetryConfiguration)
/* harmony export */ });
const getRetryConfiguration = (runtimeConfig) => {
    return {
        setRetryStrategy(retryStrategy) {
            runtimeConfig.retryStrategy = retryStrategy;
        },
        retryStrategy() {
            return runtimeConfig.retryStrategy;
        },
    };
};
const resolveRetryRuntimeConfig = (retryStrategyConfiguration) => {
    const runtimeConfig = {};
    runtimeConfig.retryStrategy = retryStrategyConfiguration.retryStrategy();
    return runtimeConfig;
};


/***/ }),

/***/ 1709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ getValueFromTextNode)
/* harmony export */ });
/* harmony import */ var _smithy_core_transport__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2990);

const getValueFromTextNode = (obj) => {
    const textNodeName = "#text";
    for (const key in obj) {
        if (!(0,_smithy_core_transport__WEBPACK_IMPORTED_MODULE_0__/* .hasOwn */ .$)(obj, key)) {
            continue;
        }
        if (obj[key][textNodeName] !== undefined) {
            obj[key] = obj[key][textNodeName];
        }
        else if (typeof obj[key] === "object" && obj[key] !== null) {
            obj[key] = getValueFromTextNode(obj[key]);
        }
    }
    return obj;
};


/***/ }),

/***/ 2948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ schemaLogFilter)
/* harmony export */ });
/* harmony import */ var _smithy_core_schema__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5125);

const SENSITIVE_STRING = "***SensitiveInformation***";
function schemaLogFilter(schema, data) {
    if (data == null) {
        return data;
    }
    const ns = _smithy_core_schema__WEBPACK_IMPORTED_MODULE_0__/* .NormalizedSchema */ .l1.of(schema);
    if (ns.getMergedTraits().sensitive) {
        return SENSITIVE_STRING;
    }
    if (ns.isListSchema()) {
        const valueSchema = ns.getValueSchema();
        if (valueSchema.getMergedTraits().sensitive) {
            return SENSITIVE_STRING;
        }
        if (Array.isArray(data)) {
            return data.map((value) => schemaLogFilter(valueSchema, value));
        }
    }
    else if (ns.isMapSchema()) {
        const valueSchema = ns.getValueSchema();
        if (ns.getKeySchema().getMergedTraits().sensitive || valueSchema.getMergedTraits().sensitive) {
            return SENSITIVE_STRING;
        }
        if (typeof data === "object") {
            return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, schemaLogFilter(valueSchema, value)]));
        }
    }
    else if (ns.isStructSchema() && typeof data === "object") {
        const object = data;
        const newObject = {};
        for (const [member, memberNs] of ns.structIterator()) {
            if (object[member] != null) {
                newObject[member] = schemaLogFilter(memberNs, object[member]);
            }
        }
        return newObject;
    }
    return data;
}


/***/ }),

/***/ 475:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ getCircularReplacer)
/* harmony export */ });
const getCircularReplacer = () => {
    const seen = new WeakSet();
    return (key, value) => {
        if (typeof value === "object" && value !== null) {
            if (seen.has(value)) {
                return "[Circular]";
            }
            seen.add(value);
        }
        return value;
    };
};


/***/ }),

/***/ 8015:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $: () => (/* binding */ createWaiter)
});

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/client/util-waiter/circularReplacer.js
var circularReplacer = __webpack_require__(475);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/client/util-waiter/utils/sleep.js
const sleep = (seconds) => {
    return new Promise((resolve) => setTimeout(resolve, seconds * 1000));
};

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/client/util-waiter/waiter.js
var waiter = __webpack_require__(2922);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/client/util-waiter/poller.js



const runPolling = async ({ minDelay, maxDelay, maxWaitTime, abortController, client, abortSignal }, input, acceptorChecks) => {
    const observedResponses = {};
    const [minDelayMs, maxDelayMs] = [minDelay * 1000, maxDelay * 1000];
    let currentAttempt = 0;
    const waitUntil = Date.now() + maxWaitTime * 1000;
    const warn403Time = Date.now() + 60_000;
    let didWarn403 = false;
    while (true) {
        if (currentAttempt > 0) {
            const delayMs = exponentialBackoffWithJitter(minDelayMs, maxDelayMs, currentAttempt, waitUntil);
            if (abortController?.signal?.aborted || abortSignal?.aborted) {
                const message = "AbortController signal aborted.";
                observedResponses[message] |= 0;
                observedResponses[message] += 1;
                return { state: waiter/* WaiterState */.IX.ABORTED, observedResponses };
            }
            if (Date.now() + delayMs > waitUntil) {
                return { state: waiter/* WaiterState */.IX.TIMEOUT, observedResponses };
            }
            await sleep(delayMs / 1_000);
        }
        const { state, reason } = await acceptorChecks(client, input);
        if (reason) {
            const message = createMessageFromResponse(reason);
            observedResponses[message] |= 0;
            observedResponses[message] += 1;
        }
        if (state !== waiter/* WaiterState */.IX.RETRY) {
            return { state, reason, final: reason, observedResponses };
        }
        currentAttempt += 1;
        if (!didWarn403 && Date.now() >= warn403Time) {
            checkWarn403(observedResponses, client);
            didWarn403 = true;
        }
    }
};
const checkWarn403 = (observedResponses = {}, client) => {
    const orderedErrors = Object.keys(observedResponses);
    let maxCount = 0;
    let count403 = 0;
    for (const response of orderedErrors) {
        const n = observedResponses[response] | 0;
        maxCount = Math.max(n, maxCount);
        if (response.startsWith("403:")) {
            count403 += n;
        }
    }
    const clientLogger = client?.config?.logger;
    const warningLogger = typeof clientLogger?.warn === "function" && !clientLogger.constructor?.name?.includes?.("NoOpLogger")
        ? clientLogger
        : console;
    if (count403 >= 3 || orderedErrors[orderedErrors.length - 1]?.startsWith("403:")) {
        warningLogger.warn(`@smithy/util-waiter WARN - 403 status code encountered during waiter polling.`);
    }
};
const createMessageFromResponse = (reason) => {
    const status = reason?.$response?.statusCode ?? reason?.$metadata?.httpStatusCode;
    if (reason?.$responseBodyText) {
        return `${status ? status + ": " : ""}Deserialization error for body: ${reason.$responseBodyText}`;
    }
    if (status) {
        if (reason?.$response || reason?.message) {
            return `${status ?? "Unknown"}: ${reason?.message}`;
        }
        return `${status}: OK`;
    }
    return String(reason?.message ?? JSON.stringify(reason, (0,circularReplacer/* getCircularReplacer */.O)()) ?? "Unknown");
};
const exponentialBackoffWithJitter = (minDelayMs, maxDelayMs, attempt, waitUntil) => {
    const attemptCountCeiling = Math.log(maxDelayMs / minDelayMs) / Math.log(2) + 1;
    if (attempt > attemptCountCeiling) {
        return maxDelayMs;
    }
    const delay = minDelayMs * 2 ** (attempt - 1);
    const capped = Math.min(delay, maxDelayMs);
    const waitFor = randomInRange(minDelayMs, capped);
    if (Date.now() + waitFor > waitUntil) {
        const timeRemaining = waitUntil - Date.now();
        return Math.max(0, timeRemaining - 500);
    }
    return waitFor;
};
const randomInRange = (min, max) => min + Math.random() * (max - min);

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/client/util-waiter/utils/validate.js
const validateWaiterOptions = (options) => {
    if (options.maxWaitTime <= 0) {
        throw new Error(`WaiterConfiguration.maxWaitTime must be greater than 0`);
    }
    else if (options.minDelay <= 0) {
        throw new Error(`WaiterConfiguration.minDelay must be greater than 0`);
    }
    else if (options.maxDelay <= 0) {
        throw new Error(`WaiterConfiguration.maxDelay must be greater than 0`);
    }
    else if (options.maxWaitTime <= options.minDelay) {
        throw new Error(`WaiterConfiguration.maxWaitTime [${options.maxWaitTime}] must be greater than WaiterConfiguration.minDelay [${options.minDelay}] for this waiter`);
    }
    else if (options.maxDelay < options.minDelay) {
        throw new Error(`WaiterConfiguration.maxDelay [${options.maxDelay}] must be greater than WaiterConfiguration.minDelay [${options.minDelay}] for this waiter`);
    }
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/client/util-waiter/createWaiter.js



const abortTimeout = (abortSignal) => {
    let onAbort;
    const promise = new Promise((resolve) => {
        onAbort = () => resolve({ state: waiter/* WaiterState */.IX.ABORTED });
        if (typeof abortSignal.addEventListener === "function") {
            abortSignal.addEventListener("abort", onAbort);
        }
        else {
            abortSignal.onabort = onAbort;
        }
    });
    return {
        clearListener() {
            if (typeof abortSignal.removeEventListener === "function") {
                abortSignal.removeEventListener("abort", onAbort);
            }
        },
        aborted: promise,
    };
};
const createWaiter = async (options, input, acceptorChecks) => {
    const params = {
        ...waiter/* waiterServiceDefaults */.C8,
        ...options,
    };
    validateWaiterOptions(params);
    const exitConditions = [runPolling(params, input, acceptorChecks)];
    const finalize = [];
    if (options.abortSignal) {
        const { aborted, clearListener } = abortTimeout(options.abortSignal);
        finalize.push(clearListener);
        exitConditions.push(aborted);
    }
    if (options.abortController?.signal) {
        const { aborted, clearListener } = abortTimeout(options.abortController.signal);
        finalize.push(clearListener);
        exitConditions.push(aborted);
    }
    return Promise.race(exitConditions).then((result) => {
        for (const fn of finalize) {
            fn();
        }
        return result;
    });
};


/***/ }),

/***/ 2922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C8: () => (/* binding */ waiterServiceDefaults),
/* harmony export */   IX: () => (/* binding */ WaiterState),
/* harmony export */   No: () => (/* binding */ checkExceptions)
/* harmony export */ });
/* harmony import */ var _circularReplacer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(475);

const waiterServiceDefaults = {
    minDelay: 2,
    maxDelay: 120,
};
var WaiterState;
(function (WaiterState) {
    WaiterState["ABORTED"] = "ABORTED";
    WaiterState["FAILURE"] = "FAILURE";
    WaiterState["SUCCESS"] = "SUCCESS";
    WaiterState["RETRY"] = "RETRY";
    WaiterState["TIMEOUT"] = "TIMEOUT";
})(WaiterState || (WaiterState = {}));
const checkExceptions = (result) => {
    if (result.state === WaiterState.ABORTED) {
        const abortError = new Error(`${JSON.stringify({
            ...result,
            reason: "Request was aborted",
        }, (0,_circularReplacer__WEBPACK_IMPORTED_MODULE_0__/* .getCircularReplacer */ .O)())}`);
        abortError.name = "AbortError";
        throw abortError;
    }
    else if (result.state === WaiterState.TIMEOUT) {
        const timeoutError = new Error(`${JSON.stringify({
            ...result,
            reason: "Waiter has timed out",
        }, (0,_circularReplacer__WEBPACK_IMPORTED_MODULE_0__/* .getCircularReplacer */ .O)())}`);
        timeoutError.name = "TimeoutError";
        throw timeoutError;
    }
    else if (result.state !== WaiterState.SUCCESS) {
        throw new Error(`${JSON.stringify(result, (0,_circularReplacer__WEBPACK_IMPORTED_MODULE_0__/* .getCircularReplacer */ .O)())}`);
    }
    return result;
};


/***/ }),

/***/ 7580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N5: () => (/* binding */ ENV_USE_DUALSTACK_ENDPOINT),
/* harmony export */   VW: () => (/* binding */ DEFAULT_USE_DUALSTACK_ENDPOINT),
/* harmony export */   cE: () => (/* binding */ CONFIG_USE_DUALSTACK_ENDPOINT),
/* harmony export */   e$: () => (/* binding */ NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS),
/* harmony export */   rq: () => (/* binding */ nodeDualstackConfigSelectors)
/* harmony export */ });
/* harmony import */ var _util_config_provider_booleanSelector__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9498);
/* harmony import */ var _util_config_provider_types__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6402);


const ENV_USE_DUALSTACK_ENDPOINT = "AWS_USE_DUALSTACK_ENDPOINT";
const CONFIG_USE_DUALSTACK_ENDPOINT = "use_dualstack_endpoint";
const DEFAULT_USE_DUALSTACK_ENDPOINT = false;
const NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS = {
    environmentVariableSelector: (env) => (0,_util_config_provider_booleanSelector__WEBPACK_IMPORTED_MODULE_0__/* .booleanSelector */ .Q)(env, ENV_USE_DUALSTACK_ENDPOINT, _util_config_provider_types__WEBPACK_IMPORTED_MODULE_1__/* .SelectorType */ .c.ENV),
    configFileSelector: (profile) => (0,_util_config_provider_booleanSelector__WEBPACK_IMPORTED_MODULE_0__/* .booleanSelector */ .Q)(profile, CONFIG_USE_DUALSTACK_ENDPOINT, _util_config_provider_types__WEBPACK_IMPORTED_MODULE_1__/* .SelectorType */ .c.CONFIG),
    default: false,
};
const nodeDualstackConfigSelectors = {
    environmentVariableSelector: (env) => (0,_util_config_provider_booleanSelector__WEBPACK_IMPORTED_MODULE_0__/* .booleanSelector */ .Q)(env, ENV_USE_DUALSTACK_ENDPOINT, _util_config_provider_types__WEBPACK_IMPORTED_MODULE_1__/* .SelectorType */ .c.ENV),
    configFileSelector: (profile) => (0,_util_config_provider_booleanSelector__WEBPACK_IMPORTED_MODULE_0__/* .booleanSelector */ .Q)(profile, CONFIG_USE_DUALSTACK_ENDPOINT, _util_config_provider_types__WEBPACK_IMPORTED_MODULE_1__/* .SelectorType */ .c.CONFIG),
    default: undefined,
};


/***/ }),

/***/ 4254:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hj: () => (/* binding */ DEFAULT_USE_FIPS_ENDPOINT),
/* harmony export */   Ko: () => (/* binding */ NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS),
/* harmony export */   Oi: () => (/* binding */ CONFIG_USE_FIPS_ENDPOINT),
/* harmony export */   hl: () => (/* binding */ nodeFipsConfigSelectors),
/* harmony export */   rw: () => (/* binding */ ENV_USE_FIPS_ENDPOINT)
/* harmony export */ });
/* harmony import */ var _util_config_provider_booleanSelector__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9498);
/* harmony import */ var _util_config_provider_types__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6402);


const ENV_USE_FIPS_ENDPOINT = "AWS_USE_FIPS_ENDPOINT";
const CONFIG_USE_FIPS_ENDPOINT = "use_fips_endpoint";
const DEFAULT_USE_FIPS_ENDPOINT = false;
const NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS = {
    environmentVariableSelector: (env) => (0,_util_config_provider_booleanSelector__WEBPACK_IMPORTED_MODULE_0__/* .booleanSelector */ .Q)(env, ENV_USE_FIPS_ENDPOINT, _util_config_provider_types__WEBPACK_IMPORTED_MODULE_1__/* .SelectorType */ .c.ENV),
    configFileSelector: (profile) => (0,_util_config_provider_booleanSelector__WEBPACK_IMPORTED_MODULE_0__/* .booleanSelector */ .Q)(profile, CONFIG_USE_FIPS_ENDPOINT, _util_config_provider_types__WEBPACK_IMPORTED_MODULE_1__/* .SelectorType */ .c.CONFIG),
    default: false,
};
const nodeFipsConfigSelectors = {
    environmentVariableSelector: (env) => (0,_util_config_provider_booleanSelector__WEBPACK_IMPORTED_MODULE_0__/* .booleanSelector */ .Q)(env, ENV_USE_FIPS_ENDPOINT, _util_config_provider_types__WEBPACK_IMPORTED_MODULE_1__/* .SelectorType */ .c.ENV),
    configFileSelector: (profile) => (0,_util_config_provider_booleanSelector__WEBPACK_IMPORTED_MODULE_0__/* .booleanSelector */ .Q)(profile, CONFIG_USE_FIPS_ENDPOINT, _util_config_provider_types__WEBPACK_IMPORTED_MODULE_1__/* .SelectorType */ .c.CONFIG),
    default: undefined,
};


/***/ }),

/***/ 6152:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fc: () => (/* binding */ REGION_ENV_NAME),
/* harmony export */   GG: () => (/* binding */ NODE_REGION_CONFIG_OPTIONS),
/* harmony export */   OR: () => (/* binding */ REGION_INI_NAME),
/* harmony export */   zH: () => (/* binding */ NODE_REGION_CONFIG_FILE_OPTIONS)
/* harmony export */ });
/* harmony import */ var _getInstanceMetadataRegion__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3366);

const REGION_ENV_NAME = "AWS_REGION";
const REGION_INI_NAME = "region";
const NODE_REGION_CONFIG_OPTIONS = {
    environmentVariableSelector: (env) => env[REGION_ENV_NAME],
    configFileSelector: (profile) => profile[REGION_INI_NAME],
    default: async () => {
        const region = await (0,_getInstanceMetadataRegion__WEBPACK_IMPORTED_MODULE_0__/* .getInstanceMetadataRegion */ .b)();
        if (region) {
            return region;
        }
        throw new Error("Region is missing");
    },
};
const NODE_REGION_CONFIG_FILE_OPTIONS = {
    preferredFile: "credentials",
};


/***/ }),

/***/ 3366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ getInstanceMetadataRegion)
/* harmony export */ });
/* harmony import */ var _defaults_mode_constants__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(729);

const TIMEOUT_MS = 1000;
const NEG_CACHE_TTL_MS = 60_000;
let negativeCacheUntil = 0;
const getInstanceMetadataRegion = async () => {
    if (process.env[_defaults_mode_constants__WEBPACK_IMPORTED_MODULE_0__/* .ENV_IMDS_DISABLED */ .tn]) {
        return undefined;
    }
    if (Date.now() < negativeCacheUntil) {
        return undefined;
    }
    try {
        const endpoint = resolveImdsEndpoint();
        const token = (await imdsRequest({
            ...endpoint,
            path: _defaults_mode_constants__WEBPACK_IMPORTED_MODULE_0__/* .IMDS_TOKEN_PATH */ .EG,
            method: "PUT",
            headers: {
                [_defaults_mode_constants__WEBPACK_IMPORTED_MODULE_0__/* .X_AWS_EC2_METADATA_TOKEN_TTL */ .nF]: "21600",
            },
        })).toString();
        const region = (await imdsRequest({
            ...endpoint,
            path: _defaults_mode_constants__WEBPACK_IMPORTED_MODULE_0__/* .IMDS_REGION_PATH */ .FT,
            method: "GET",
            headers: {
                [_defaults_mode_constants__WEBPACK_IMPORTED_MODULE_0__/* .X_AWS_EC2_METADATA_TOKEN */ .cC]: token,
            },
        }))
            .toString()
            .trim();
        return region || cacheNegativeAndReturnUndefined();
    }
    catch {
        return cacheNegativeAndReturnUndefined();
    }
};
const cacheNegativeAndReturnUndefined = () => {
    negativeCacheUntil = Date.now() + NEG_CACHE_TTL_MS;
    return undefined;
};
const resolveImdsEndpoint = () => {
    const envEndpoint = process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT;
    if (envEndpoint) {
        const url = new URL(envEndpoint);
        return {
            hostname: url.hostname.replace(/^\[(.+)]$/, "$1"),
            port: url.port ? Number(url.port) : undefined,
        };
    }
    if (process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE === "IPv6") {
        return { hostname: "fd00:ec2::254" };
    }
    return { hostname: "169.254.169.254" };
};
const imdsRequest = async (options) => {
    const { request } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 23));
    return new Promise((resolve, reject) => {
        const req = request({
            hostname: options.hostname,
            port: options.port,
            path: options.path,
            method: options.method,
            headers: options.headers,
            timeout: TIMEOUT_MS,
            signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        req.on("error", (err) => {
            reject(err);
            req.destroy();
        });
        req.on("timeout", () => {
            reject(new Error("TimeoutError from instance metadata service"));
            req.destroy();
        });
        req.on("response", (res) => {
            const { statusCode = 400 } = res;
            if (statusCode < 200 || statusCode >= 300) {
                reject(Object.assign(new Error("Error response received from instance metadata service"), { statusCode }));
                req.destroy();
                return;
            }
            const chunks = [];
            res.on("data", (chunk) => chunks.push(chunk));
            res.on("end", () => {
                resolve(Buffer.concat(chunks));
                req.destroy();
            });
        });
        req.end();
    });
};


/***/ }),

/***/ 7503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  T: () => (/* binding */ resolveRegionConfig)
});

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/isValidHostLabel.js
var isValidHostLabel = __webpack_require__(4280);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/checkRegion.js

const validRegions = new Set();
const checkRegion = (region, check = isValidHostLabel/* isValidHostLabel */.X) => {
    if (!validRegions.has(region) && !check(region)) {
        if (region === "*") {
            console.warn(`@smithy/config-resolver WARN - Please use the caller region instead of "*". See "sigv4a" in https://github.com/aws/aws-sdk-js-v3/blob/main/supplemental-docs/CLIENTS.md.`);
        }
        else {
            throw new Error(`Region not accepted: region="${region}" is not a valid hostname component.`);
        }
    }
    else {
        validRegions.add(region);
    }
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/isFipsRegion.js
const isFipsRegion = (region) => typeof region === "string" && (region.startsWith("fips-") || region.endsWith("-fips"));

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/getRealRegion.js

const getRealRegion = (region) => isFipsRegion(region)
    ? ["fips-aws-global", "aws-fips"].includes(region)
        ? "us-east-1"
        : region.replace(/fips-(dkr-|prod-)?|-fips/, "")
    : region;

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/resolveRegionConfig.js



const resolveRegionConfig = (input) => {
    const { region, useFipsEndpoint } = input;
    if (!region) {
        throw new Error("Region is missing");
    }
    return Object.assign(input, {
        region: async () => {
            const providedRegion = typeof region === "function" ? await region() : region;
            const realRegion = getRealRegion(providedRegion);
            checkRegion(realRegion);
            return realRegion;
        },
        useFipsEndpoint: async () => {
            const providedRegion = typeof region === "string" ? region : await region();
            if (isFipsRegion(providedRegion)) {
                return true;
            }
            return typeof useFipsEndpoint !== "function" ? Promise.resolve(!!useFipsEndpoint) : useFipsEndpoint();
        },
    });
};


/***/ }),

/***/ 729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EG: () => (/* binding */ IMDS_TOKEN_PATH),
/* harmony export */   FT: () => (/* binding */ IMDS_REGION_PATH),
/* harmony export */   J9: () => (/* binding */ AWS_EXECUTION_ENV),
/* harmony export */   RY: () => (/* binding */ AWS_DEFAULT_REGION_ENV),
/* harmony export */   US: () => (/* binding */ DEFAULTS_MODE_OPTIONS),
/* harmony export */   cC: () => (/* binding */ X_AWS_EC2_METADATA_TOKEN),
/* harmony export */   dr: () => (/* binding */ AWS_REGION_ENV),
/* harmony export */   nF: () => (/* binding */ X_AWS_EC2_METADATA_TOKEN_TTL),
/* harmony export */   tn: () => (/* binding */ ENV_IMDS_DISABLED)
/* harmony export */ });
const AWS_EXECUTION_ENV = "AWS_EXECUTION_ENV";
const AWS_REGION_ENV = "AWS_REGION";
const AWS_DEFAULT_REGION_ENV = "AWS_DEFAULT_REGION";
const ENV_IMDS_DISABLED = "AWS_EC2_METADATA_DISABLED";
const DEFAULTS_MODE_OPTIONS = ["in-region", "cross-region", "mobile", "standard", "legacy"];
const IMDS_REGION_PATH = "/latest/meta-data/placement/region";
const IMDS_TOKEN_PATH = "/latest/api/token";
const X_AWS_EC2_METADATA_TOKEN = "x-aws-ec2-metadata-token";
const X_AWS_EC2_METADATA_TOKEN_TTL = "x-aws-ec2-metadata-token-ttl-seconds";


/***/ }),

/***/ 8234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  I: () => (/* binding */ resolveDefaultsModeConfig)
});

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/config.js
var config = __webpack_require__(6152);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/getInstanceMetadataRegion.js
var getInstanceMetadataRegion = __webpack_require__(3366);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/node-config-provider/configLoader.js + 3 modules
var configLoader = __webpack_require__(2974);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/property-provider/memoize.js
var memoize = __webpack_require__(4759);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/defaults-mode/constants.js
var constants = __webpack_require__(729);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/defaults-mode/defaultsModeConfig.js
const AWS_DEFAULTS_MODE_ENV = "AWS_DEFAULTS_MODE";
const AWS_DEFAULTS_MODE_CONFIG = "defaults_mode";
const NODE_DEFAULTS_MODE_CONFIG_OPTIONS = {
    environmentVariableSelector: (env) => {
        return env[AWS_DEFAULTS_MODE_ENV];
    },
    configFileSelector: (profile) => {
        return profile[AWS_DEFAULTS_MODE_CONFIG];
    },
    default: "legacy",
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/defaults-mode/resolveDefaultsModeConfig.js






const resolveDefaultsModeConfig = ({ region = (0,configLoader/* loadConfig */.Z)(config/* NODE_REGION_CONFIG_OPTIONS */.GG), defaultsMode = (0,configLoader/* loadConfig */.Z)(NODE_DEFAULTS_MODE_CONFIG_OPTIONS), } = {}) => (0,memoize/* memoize */.B)(async () => {
    const mode = typeof defaultsMode === "function" ? await defaultsMode() : defaultsMode;
    switch (mode?.toLowerCase()) {
        case "auto":
            return resolveNodeDefaultsModeAuto(region);
        case "in-region":
        case "cross-region":
        case "mobile":
        case "standard":
        case "legacy":
            return Promise.resolve(mode?.toLocaleLowerCase());
        case undefined:
            return Promise.resolve("legacy");
        default:
            throw new Error(`Invalid parameter for "defaultsMode", expect ${constants/* DEFAULTS_MODE_OPTIONS */.US.join(", ")}, got ${mode}`);
    }
});
const resolveNodeDefaultsModeAuto = async (clientRegion) => {
    if (clientRegion) {
        const resolvedRegion = typeof clientRegion === "function" ? await clientRegion() : clientRegion;
        const inferredRegion = await inferPhysicalRegion();
        if (!inferredRegion) {
            return "standard";
        }
        if (resolvedRegion === inferredRegion) {
            return "in-region";
        }
        else {
            return "cross-region";
        }
    }
    return "standard";
};
const inferPhysicalRegion = async () => {
    if (process.env[constants/* AWS_EXECUTION_ENV */.J9] && (process.env[constants/* AWS_REGION_ENV */.dr] || process.env[constants/* AWS_DEFAULT_REGION_ENV */.RY])) {
        return process.env[constants/* AWS_REGION_ENV */.dr] ?? process.env[constants/* AWS_DEFAULT_REGION_ENV */.RY];
    }
    return (0,getInstanceMetadataRegion/* getInstanceMetadataRegion */.b)();
};


/***/ }),

/***/ 2974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Z: () => (/* binding */ loadConfig)
});

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/property-provider/chain.js
var chain = __webpack_require__(8062);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/property-provider/memoize.js
var memoize = __webpack_require__(4759);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/property-provider/CredentialsProviderError.js
var CredentialsProviderError = __webpack_require__(1436);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/node-config-provider/getSelectorName.js
function getSelectorName(functionString) {
    try {
        const constants = new Set(Array.from(functionString.match(/([A-Z_]){3,}/g) ?? []));
        constants.delete("CONFIG");
        constants.delete("CONFIG_PREFIX_SEPARATOR");
        constants.delete("ENV");
        return [...constants].join(", ");
    }
    catch (ignored) {
        return functionString;
    }
}

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/node-config-provider/fromEnv.js


const fromEnv = (envVarSelector, options) => async () => {
    try {
        const config = envVarSelector(process.env, options);
        if (config === undefined) {
            throw new Error();
        }
        return config;
    }
    catch (e) {
        throw new CredentialsProviderError/* CredentialsProviderError */.C(e.message || `Not found in ENV: ${getSelectorName(envVarSelector.toString())}`, { logger: options?.logger });
    }
};

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getProfileName.js
var getProfileName = __webpack_require__(2365);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/loadSharedConfigFiles.js + 2 modules
var loadSharedConfigFiles = __webpack_require__(3692);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/node-config-provider/fromSharedConfigFiles.js




const fromSharedConfigFiles = (configSelector, { preferredFile = "config", ...init } = {}) => async () => {
    const profile = (0,getProfileName/* getProfileName */.Bz)(init);
    const { configFile, credentialsFile } = await (0,loadSharedConfigFiles/* loadSharedConfigFiles */.p)(init);
    const profileFromCredentials = credentialsFile[profile] || {};
    const profileFromConfig = configFile[profile] || {};
    const mergedProfile = preferredFile === "config"
        ? { ...profileFromCredentials, ...profileFromConfig }
        : { ...profileFromConfig, ...profileFromCredentials };
    try {
        const cfgFile = preferredFile === "config" ? configFile : credentialsFile;
        const configValue = configSelector(mergedProfile, cfgFile);
        if (configValue === undefined) {
            throw new Error();
        }
        return configValue;
    }
    catch (e) {
        throw new CredentialsProviderError/* CredentialsProviderError */.C(e.message || `Not found in config files w/ profile [${profile}]: ${getSelectorName(configSelector.toString())}`, { logger: init.logger });
    }
};

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/node-config-provider/fromStatic.js
var fromStatic = __webpack_require__(5001);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/node-config-provider/configLoader.js





const loadConfig = ({ environmentVariableSelector, configFileSelector, default: defaultValue }, configuration = {}) => {
    const { signingName, logger } = configuration;
    const envOptions = { signingName, logger };
    return (0,memoize/* memoize */.B)((0,chain/* chain */.c)(fromEnv(environmentVariableSelector, envOptions), fromSharedConfigFiles(configFileSelector, configuration), (0,fromStatic/* fromStatic */.V)(defaultValue)));
};


/***/ }),

/***/ 5001:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ fromStatic)
/* harmony export */ });
/* harmony import */ var _property_provider_fromValue__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9014);

const isFunction = (func) => typeof func === "function";
const fromStatic = (defaultValue) => isFunction(defaultValue) ? async () => await defaultValue() : (0,_property_provider_fromValue__WEBPACK_IMPORTED_MODULE_0__/* .fromValue */ .Y)(defaultValue);


/***/ }),

/***/ 1436:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ CredentialsProviderError)
/* harmony export */ });
/* harmony import */ var _ProviderError__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1342);

class CredentialsProviderError extends _ProviderError__WEBPACK_IMPORTED_MODULE_0__/* .ProviderError */ .m {
    name = "CredentialsProviderError";
    constructor(message, options = true) {
        super(message, options);
        Object.setPrototypeOf(this, CredentialsProviderError.prototype);
    }
}


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ ProviderError)
/* harmony export */ });
class ProviderError extends Error {
    name = "ProviderError";
    tryNextLink;
    constructor(message, options = true) {
        let logger;
        let tryNextLink = true;
        if (typeof options === "boolean") {
            logger = undefined;
            tryNextLink = options;
        }
        else if (options != null && typeof options === "object") {
            logger = options.logger;
            tryNextLink = options.tryNextLink ?? true;
        }
        super(message);
        this.tryNextLink = tryNextLink;
        Object.setPrototypeOf(this, ProviderError.prototype);
        logger?.debug?.(`@smithy/property-provider ${tryNextLink ? "->" : "(!)"} ${message}`);
    }
    static from(error, options = true) {
        return Object.assign(new this(error.message, options), error);
    }
}


/***/ }),

/***/ 8062:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ chain)
/* harmony export */ });
/* harmony import */ var _ProviderError__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1342);

const chain = (...providers) => async () => {
    if (providers.length === 0) {
        throw new _ProviderError__WEBPACK_IMPORTED_MODULE_0__/* .ProviderError */ .m("No providers in chain");
    }
    let lastProviderError;
    for (const provider of providers) {
        try {
            const credentials = await provider();
            return credentials;
        }
        catch (err) {
            lastProviderError = err;
            if (err?.tryNextLink) {
                continue;
            }
            throw err;
        }
    }
    throw lastProviderError;
};


/***/ }),

/***/ 9014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ fromValue)
/* harmony export */ });
const fromValue = (staticValue) => () => Promise.resolve(staticValue);


/***/ }),

/***/ 4759:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ memoize)
/* harmony export */ });
const memoize = (provider, isExpired, requiresRefresh) => {
    let resolved;
    let pending;
    let hasResult;
    let isConstant = false;
    const coalesceProvider = async () => {
        if (!pending) {
            pending = provider();
        }
        try {
            resolved = await pending;
            hasResult = true;
            isConstant = false;
        }
        finally {
            pending = undefined;
        }
        return resolved;
    };
    if (isExpired === undefined) {
        return async (options) => {
            if (!hasResult || options?.forceRefresh) {
                resolved = await coalesceProvider();
            }
            return resolved;
        };
    }
    return async (options) => {
        if (!hasResult || options?.forceRefresh) {
            resolved = await coalesceProvider();
        }
        if (isConstant) {
            return resolved;
        }
        if (requiresRefresh && !requiresRefresh(resolved)) {
            isConstant = true;
            return resolved;
        }
        if (isExpired(resolved)) {
            await coalesceProvider();
            return resolved;
        }
        return resolved;
    };
};


/***/ }),

/***/ 6814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ CONFIG_PREFIX_SEPARATOR)
/* harmony export */ });
const CONFIG_PREFIX_SEPARATOR = ".";


/***/ }),

/***/ 6184:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ getConfigFilepath)
/* harmony export */ });
/* unused harmony export ENV_CONFIG_PATH */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _getHomeDir__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3901);


const ENV_CONFIG_PATH = "AWS_CONFIG_FILE";
const getConfigFilepath = () => process.env[ENV_CONFIG_PATH] || (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)((0,_getHomeDir__WEBPACK_IMPORTED_MODULE_1__/* .getHomeDir */ .R)(), ".aws", "config");


/***/ }),

/***/ 3901:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ getHomeDir)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


const homeDirCache = {};
const getHomeDirCacheKey = () => {
    if (process && process.geteuid) {
        return `${process.geteuid()}`;
    }
    return "DEFAULT";
};
const getHomeDir = () => {
    const { HOME, USERPROFILE, HOMEPATH, HOMEDRIVE = `C:${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}` } = process.env;
    if (HOME) {
        return HOME;
    }
    if (USERPROFILE) {
        return USERPROFILE;
    }
    if (HOMEPATH) {
        return `${HOMEDRIVE}${HOMEPATH}`;
    }
    const homeDirCacheKey = getHomeDirCacheKey();
    if (!homeDirCache[homeDirCacheKey]) {
        homeDirCache[homeDirCacheKey] = (0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)();
    }
    return homeDirCache[homeDirCacheKey];
};


/***/ }),

/***/ 2365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bz: () => (/* binding */ getProfileName),
/* harmony export */   Ch: () => (/* binding */ ENV_PROFILE),
/* harmony export */   KG: () => (/* binding */ DEFAULT_PROFILE)
/* harmony export */ });
const ENV_PROFILE = "AWS_PROFILE";
const DEFAULT_PROFILE = "default";
const getProfileName = (init) => init.profile || process.env[ENV_PROFILE] || DEFAULT_PROFILE;


/***/ }),

/***/ 3692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  p: () => (/* binding */ loadSharedConfigFiles)
});

// UNUSED EXPORTS: CONFIG_PREFIX_SEPARATOR

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@smithy/types/dist-es/profile.js
var profile = __webpack_require__(8669);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/constants.js
var constants = __webpack_require__(6814);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getConfigData.js


const getConfigData = (data) => Object.entries(data)
    .filter(([key]) => {
    const indexOfSeparator = key.indexOf(constants/* CONFIG_PREFIX_SEPARATOR */.Q);
    if (indexOfSeparator === -1) {
        return false;
    }
    return Object.values(profile/* IniSectionType */.I).includes(key.substring(0, indexOfSeparator));
})
    .reduce((acc, [key, value]) => {
    const indexOfSeparator = key.indexOf(constants/* CONFIG_PREFIX_SEPARATOR */.Q);
    const updatedKey = key.substring(0, indexOfSeparator) === profile/* IniSectionType */.I.PROFILE ? key.substring(indexOfSeparator + 1) : key;
    acc[updatedKey] = value;
    return acc;
}, {
    ...(data.default && { default: data.default }),
});

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getConfigFilepath.js
var getConfigFilepath = __webpack_require__(6184);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getHomeDir.js
var getHomeDir = __webpack_require__(3901);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/getCredentialsFilepath.js


const ENV_CREDENTIALS_PATH = "AWS_SHARED_CREDENTIALS_FILE";
const getCredentialsFilepath = () => process.env[ENV_CREDENTIALS_PATH] || (0,external_node_path_.join)((0,getHomeDir/* getHomeDir */.R)(), ".aws", "credentials");

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/parseIni.js
var parseIni = __webpack_require__(6892);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/readFile.js
var readFile = __webpack_require__(2149);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/loadSharedConfigFiles.js







const swallowError = () => ({});

const loadSharedConfigFiles = async (init = {}) => {
    const { filepath = getCredentialsFilepath(), configFilepath = (0,getConfigFilepath/* getConfigFilepath */.g)() } = init;
    const homeDir = (0,getHomeDir/* getHomeDir */.R)();
    const relativeHomeDirPrefix = "~/";
    let resolvedFilepath = filepath;
    if (filepath.startsWith(relativeHomeDirPrefix)) {
        resolvedFilepath = (0,external_node_path_.join)(homeDir, filepath.slice(2));
    }
    let resolvedConfigFilepath = configFilepath;
    if (configFilepath.startsWith(relativeHomeDirPrefix)) {
        resolvedConfigFilepath = (0,external_node_path_.join)(homeDir, configFilepath.slice(2));
    }
    const parsedFiles = await Promise.all([
        (0,readFile/* readFile */.TA)(resolvedConfigFilepath, {
            ignoreCache: init.ignoreCache,
        })
            .then(parseIni/* parseIni */.A)
            .then(getConfigData)
            .catch(swallowError),
        (0,readFile/* readFile */.TA)(resolvedFilepath, {
            ignoreCache: init.ignoreCache,
        })
            .then(parseIni/* parseIni */.A)
            .catch(swallowError),
    ]);
    return {
        configFile: parsedFiles[0],
        credentialsFile: parsedFiles[1],
    };
};


/***/ }),

/***/ 6892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ parseIni)
/* harmony export */ });
/* harmony import */ var _smithy_types__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8669);
/* harmony import */ var _constants__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6814);


const prefixKeyRegex = /^([\w-]+)\s(["'])?([\w-@+.%:/]+)\2$/;
const profileNameBlockList = ["__proto__", "profile __proto__"];
const parseIni = (iniData) => {
    const map = {};
    let currentSection;
    let currentSubSection;
    for (const iniLine of iniData.split(/\r?\n/)) {
        const trimmedLine = iniLine.split(/(^|\s)[;#]/)[0].trim();
        const isSection = trimmedLine[0] === "[" && trimmedLine[trimmedLine.length - 1] === "]";
        if (isSection) {
            currentSection = undefined;
            currentSubSection = undefined;
            const sectionName = trimmedLine.substring(1, trimmedLine.length - 1);
            const matches = prefixKeyRegex.exec(sectionName);
            if (matches) {
                const [, prefix, , name] = matches;
                if (Object.values(_smithy_types__WEBPACK_IMPORTED_MODULE_0__/* .IniSectionType */ .I).includes(prefix)) {
                    currentSection = [prefix, name].join(_constants__WEBPACK_IMPORTED_MODULE_1__/* .CONFIG_PREFIX_SEPARATOR */ .Q);
                }
            }
            else {
                currentSection = sectionName;
            }
            if (profileNameBlockList.includes(sectionName)) {
                throw new Error(`Found invalid profile name "${sectionName}"`);
            }
        }
        else if (currentSection) {
            const indexOfEqualsSign = trimmedLine.indexOf("=");
            if (![0, -1].includes(indexOfEqualsSign)) {
                const [name, value] = [
                    trimmedLine.substring(0, indexOfEqualsSign).trim(),
                    trimmedLine.substring(indexOfEqualsSign + 1).trim(),
                ];
                if (value === "") {
                    currentSubSection = name;
                }
                else {
                    if (currentSubSection && iniLine.trimStart() === iniLine) {
                        currentSubSection = undefined;
                    }
                    map[currentSection] = map[currentSection] || {};
                    const key = currentSubSection ? [currentSubSection, name].join(_constants__WEBPACK_IMPORTED_MODULE_1__/* .CONFIG_PREFIX_SEPARATOR */ .Q) : name;
                    map[currentSection][key] = value;
                }
            }
        }
    }
    return map;
};


/***/ }),

/***/ 2149:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jj: () => (/* binding */ fileIntercept),
/* harmony export */   TA: () => (/* binding */ readFile)
/* harmony export */ });
/* unused harmony export filePromises */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);

const filePromises = {};
const fileIntercept = {};
const readFile = (path, options) => {
    if (fileIntercept[path] !== undefined) {
        return fileIntercept[path];
    }
    if (!filePromises[path] || options?.ignoreCache) {
        filePromises[path] = (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, "utf8");
    }
    return filePromises[path];
};


/***/ }),

/***/ 9498:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ booleanSelector)
/* harmony export */ });
const booleanSelector = (obj, key, type) => {
    if (!(key in obj)) {
        return undefined;
    }
    if (obj[key] === "true") {
        return true;
    }
    if (obj[key] === "false") {
        return false;
    }
    throw new Error(`Cannot load ${type} "${key}". Expected "true" or "false", got ${obj[key]}.`);
};


/***/ }),

/***/ 6402:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ SelectorType)
/* harmony export */ });
var SelectorType;
(function (SelectorType) {
    SelectorType["ENV"] = "env";
    SelectorType["CONFIG"] = "shared config entry";
})(SelectorType || (SelectorType = {}));


/***/ }),

/***/ 6173:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BinaryDecisionDiagram: () => (/* reexport */ BinaryDecisionDiagram/* BinaryDecisionDiagram */.d),
  EndpointCache: () => (/* reexport */ EndpointCache/* EndpointCache */.k),
  EndpointError: () => (/* reexport */ EndpointError/* EndpointError */.c),
  customEndpointFunctions: () => (/* reexport */ customEndpointFunctions/* customEndpointFunctions */.m),
  decideEndpoint: () => (/* reexport */ decideEndpoint/* decideEndpoint */.c),
  endpointMiddleware: () => (/* binding */ endpointMiddleware),
  endpointMiddlewareOptions: () => (/* reexport */ endpointMiddlewareOptions),
  getEndpointFromInstructions: () => (/* binding */ getEndpointFromInstructions),
  getEndpointPlugin: () => (/* binding */ getEndpointPlugin),
  isIpAddress: () => (/* reexport */ isIpAddress/* isIpAddress */.o),
  isValidHostLabel: () => (/* reexport */ isValidHostLabel/* isValidHostLabel */.X),
  middlewareEndpointToEndpointV1: () => (/* reexport */ toEndpointV1/* toEndpointV1 */.a),
  resolveEndpoint: () => (/* reexport */ resolveEndpoint/* resolveEndpoint */.s),
  resolveEndpointConfig: () => (/* binding */ resolveEndpointConfig),
  resolveEndpointRequiredConfig: () => (/* reexport */ resolveEndpointRequiredConfig),
  resolveParams: () => (/* reexport */ adaptors_getEndpointFromInstructions/* resolveParams */.x),
  toEndpointV1: () => (/* reexport */ toEndpointV1/* toEndpointV1 */.a)
});

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/node-config-provider/configLoader.js + 3 modules
var configLoader = __webpack_require__(2974);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader/constants.js
var constants = __webpack_require__(6814);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/adaptors/getEndpointUrlConfig.js

const ENV_ENDPOINT_URL = "AWS_ENDPOINT_URL";
const CONFIG_ENDPOINT_URL = "endpoint_url";
const getEndpointUrlConfig = (serviceId) => ({
    environmentVariableSelector: (env) => {
        const serviceSuffixParts = serviceId.split(" ").map((w) => w.toUpperCase());
        const serviceEndpointUrl = env[[ENV_ENDPOINT_URL, ...serviceSuffixParts].join("_")];
        if (serviceEndpointUrl) {
            return serviceEndpointUrl;
        }
        const endpointUrl = env[ENV_ENDPOINT_URL];
        if (endpointUrl) {
            return endpointUrl;
        }
        return undefined;
    },
    configFileSelector: (profile, config) => {
        if (profile.services) {
            const servicesSectionKey = ["services", profile.services].join(constants/* CONFIG_PREFIX_SEPARATOR */.Q);
            if (!config || !config[servicesSectionKey]) {
                throw new Error(`The services section "${profile.services}" specified in the profile is not present in the shared configuration file.`);
            }
            const servicesSection = config[servicesSectionKey];
            const servicePrefixParts = serviceId.split(" ").map((w) => w.toLowerCase());
            const endpointUrl = servicesSection[[servicePrefixParts.join("_"), CONFIG_ENDPOINT_URL].join(constants/* CONFIG_PREFIX_SEPARATOR */.Q)];
            if (endpointUrl) {
                return endpointUrl;
            }
        }
        const endpointUrl = profile[CONFIG_ENDPOINT_URL];
        if (endpointUrl) {
            return endpointUrl;
        }
        return undefined;
    },
    default: undefined,
});

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/util-config-provider/booleanSelector.js
var booleanSelector = __webpack_require__(9498);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/config/util-config-provider/types.js
var types = __webpack_require__(6402);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/adaptors/getIgnoreConfiguredEndpointUrls.js

const ENV_IGNORE_CONFIGURED_ENDPOINT_URLS = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";
const CONFIG_IGNORE_CONFIGURED_ENDPOINT_URLS = "ignore_configured_endpoint_urls";
const ignoreConfiguredEndpointUrlsConfigSelectors = {
    environmentVariableSelector: (env) => (0,booleanSelector/* booleanSelector */.Q)(env, ENV_IGNORE_CONFIGURED_ENDPOINT_URLS, types/* SelectorType */.c.ENV),
    configFileSelector: (profile) => (0,booleanSelector/* booleanSelector */.Q)(profile, CONFIG_IGNORE_CONFIGURED_ENDPOINT_URLS, types/* SelectorType */.c.CONFIG),
    default: false,
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/adaptors/getEndpointFromConfig.js



const getEndpointFromConfig = async (serviceId) => {
    const ignore = await (0,configLoader/* loadConfig */.Z)(ignoreConfiguredEndpointUrlsConfigSelectors)();
    if (ignore) {
        return undefined;
    }
    return (0,configLoader/* loadConfig */.Z)(getEndpointUrlConfig(serviceId ?? ""))();
};

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/adaptors/getEndpointFromInstructions.js + 2 modules
var adaptors_getEndpointFromInstructions = __webpack_require__(7436);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/getSmithyContext.js
var getSmithyContext = __webpack_require__(8743);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/endpointMiddleware.js


function setFeature(context, feature, value) {
    if (!context.__smithy_context) {
        context.__smithy_context = { features: {} };
    }
    else if (!context.__smithy_context.features) {
        context.__smithy_context.features = {};
    }
    context.__smithy_context.features[feature] = value;
}
function bindEndpointMiddleware(getEndpointFromConfig) {
    const getEndpointFromInstructions = (0,adaptors_getEndpointFromInstructions/* bindGetEndpointFromInstructions */.g)(getEndpointFromConfig);
    return ({ config, instructions, }) => {
        return (next, context) => async (args) => {
            if (config.isCustomEndpoint) {
                setFeature(context, "ENDPOINT_OVERRIDE", "N");
            }
            const endpoint = await getEndpointFromInstructions(args.input, {
                getEndpointParameterInstructions() {
                    return instructions;
                },
            }, { ...config }, context);
            context.endpointV2 = endpoint;
            context.authSchemes = endpoint.properties?.authSchemes;
            const authScheme = context.authSchemes?.[0];
            if (authScheme) {
                context["signing_region"] = authScheme.signingRegion;
                context["signing_service"] = authScheme.signingName;
                const smithyContext = (0,getSmithyContext/* getSmithyContext */.u)(context);
                const httpAuthOption = smithyContext?.selectedHttpAuthScheme?.httpAuthOption;
                if (httpAuthOption) {
                    httpAuthOption.signingProperties = Object.assign(httpAuthOption.signingProperties || {}, {
                        signing_region: authScheme.signingRegion,
                        signingRegion: authScheme.signingRegion,
                        signing_service: authScheme.signingName,
                        signingName: authScheme.signingName,
                        signingRegionSet: authScheme.signingRegionSet,
                    }, authScheme.properties);
                }
            }
            return next({
                ...args,
            });
        };
    };
}

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/getEndpointPlugin.js

const serializerMiddlewareOption = {
    name: "serializerMiddleware",
    step: "serialize",
    tags: ["SERIALIZER"],
    override: true,
};
const endpointMiddlewareOptions = {
    step: "serialize",
    tags: ["ENDPOINT_PARAMETERS", "ENDPOINT_V2", "ENDPOINT"],
    name: "endpointV2Middleware",
    override: true,
    relation: "before",
    toMiddleware: serializerMiddlewareOption.name,
};
function bindGetEndpointPlugin(getEndpointFromConfig) {
    const endpointMiddleware = bindEndpointMiddleware(getEndpointFromConfig);
    return (config, instructions) => ({
        applyToStack: (clientStack) => {
            clientStack.addRelativeTo(endpointMiddleware({
                config,
                instructions,
            }), endpointMiddlewareOptions);
        },
    });
}

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/normalizeProvider.js
var normalizeProvider = __webpack_require__(9362);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/toEndpointV1.js
var toEndpointV1 = __webpack_require__(3055);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/resolveEndpointConfig.js


function bindResolveEndpointConfig(getEndpointFromConfig) {
    return (input) => {
        const tls = input.tls ?? true;
        const { endpoint, useDualstackEndpoint, useFipsEndpoint } = input;
        const customEndpointProvider = endpoint != null ? async () => (0,toEndpointV1/* toEndpointV1 */.a)(await (0,normalizeProvider/* normalizeProvider */.t)(endpoint)()) : undefined;
        const isCustomEndpoint = !!endpoint;
        const resolvedConfig = Object.assign(input, {
            endpoint: customEndpointProvider,
            tls,
            isCustomEndpoint,
            useDualstackEndpoint: (0,normalizeProvider/* normalizeProvider */.t)(useDualstackEndpoint ?? false),
            useFipsEndpoint: (0,normalizeProvider/* normalizeProvider */.t)(useFipsEndpoint ?? false),
            ignoreConfiguredEndpointUrls: !!input.ignoreConfiguredEndpointUrls,
        });
        let configuredEndpointPromise = undefined;
        resolvedConfig.serviceConfiguredEndpoint = async () => {
            if (input.serviceId && !configuredEndpointPromise) {
                configuredEndpointPromise = getEndpointFromConfig(input.serviceId);
            }
            return configuredEndpointPromise;
        };
        return resolvedConfig;
    };
}

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/bdd/BinaryDecisionDiagram.js
var BinaryDecisionDiagram = __webpack_require__(5258);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/cache/EndpointCache.js
var EndpointCache = __webpack_require__(8479);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/decideEndpoint.js
var decideEndpoint = __webpack_require__(2218);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/isIpAddress.js
var isIpAddress = __webpack_require__(6676);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/isValidHostLabel.js
var isValidHostLabel = __webpack_require__(4280);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/customEndpointFunctions.js
var customEndpointFunctions = __webpack_require__(1046);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/resolveEndpoint.js + 4 modules
var resolveEndpoint = __webpack_require__(9071);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/types/EndpointError.js
var EndpointError = __webpack_require__(3868);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/resolveEndpointRequiredConfig.js
const resolveEndpointRequiredConfig = (input) => {
    const { endpoint } = input;
    if (endpoint === undefined) {
        input.endpoint = async () => {
            throw new Error("@smithy/middleware-endpoint: (default endpointRuleSet) endpoint is not set - you must configure an endpoint.");
        };
    }
    return input;
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/index.js














const getEndpointFromInstructions = (0,adaptors_getEndpointFromInstructions/* bindGetEndpointFromInstructions */.g)(getEndpointFromConfig);
const resolveEndpointConfig = bindResolveEndpointConfig(getEndpointFromConfig);
const endpointMiddleware = bindEndpointMiddleware(getEndpointFromConfig);
const getEndpointPlugin = bindGetEndpointPlugin(getEndpointFromConfig);






/***/ }),

/***/ 7436:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g: () => (/* binding */ bindGetEndpointFromInstructions),
  x: () => (/* binding */ resolveParams)
});

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/service-customizations/s3.js
const resolveParamsForS3 = async (endpointParams) => {
    const bucket = endpointParams?.Bucket || "";
    if (typeof endpointParams.Bucket === "string") {
        endpointParams.Bucket = bucket.replace(/#/g, encodeURIComponent("#")).replace(/\?/g, encodeURIComponent("?"));
    }
    if (isArnBucketName(bucket)) {
        if (endpointParams.ForcePathStyle === true) {
            throw new Error("Path-style addressing cannot be used with ARN buckets");
        }
    }
    else if (!isDnsCompatibleBucketName(bucket) ||
        (bucket.indexOf(".") !== -1 && !String(endpointParams.Endpoint).startsWith("http:")) ||
        bucket.toLowerCase() !== bucket ||
        bucket.length < 3) {
        endpointParams.ForcePathStyle = true;
    }
    if (endpointParams.DisableMultiRegionAccessPoints) {
        endpointParams.disableMultiRegionAccessPoints = true;
        endpointParams.DisableMRAP = true;
    }
    return endpointParams;
};
const DOMAIN_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_ADDRESS_PATTERN = /(\d+\.){3}\d+/;
const DOTS_PATTERN = /\.\./;
const DOT_PATTERN = /\./;
const S3_HOSTNAME_PATTERN = /^(.+\.)?s3(-fips)?(\.dualstack)?[.-]([a-z0-9-]+)\./;
const isDnsCompatibleBucketName = (bucketName) => DOMAIN_PATTERN.test(bucketName) && !IP_ADDRESS_PATTERN.test(bucketName) && !DOTS_PATTERN.test(bucketName);
const isArnBucketName = (bucketName) => {
    const [arn, partition, service, , , bucket] = bucketName.split(":");
    const isArn = arn === "arn" && bucketName.split(":").length >= 6;
    const isValidArn = Boolean(isArn && partition && service && bucket);
    if (isArn && !isValidArn) {
        throw new Error(`Invalid ARN: ${bucketName} was an invalid ARN.`);
    }
    return isValidArn;
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/adaptors/createConfigValueProvider.js
const createConfigValueProvider = (configKey, canonicalEndpointParamKey, config, isClientContextParam = false) => {
    const configProvider = async () => {
        let configValue;
        if (isClientContextParam) {
            const clientContextParams = config.clientContextParams;
            const nestedValue = clientContextParams?.[configKey];
            configValue = nestedValue ?? config[configKey] ?? config[canonicalEndpointParamKey];
        }
        else {
            configValue = config[configKey] ?? config[canonicalEndpointParamKey];
        }
        if (typeof configValue === "function") {
            return configValue();
        }
        return configValue;
    };
    if (configKey === "credentialScope" || canonicalEndpointParamKey === "CredentialScope") {
        return async () => {
            const credentials = typeof config.credentials === "function" ? await config.credentials() : config.credentials;
            const configValue = credentials?.credentialScope ?? credentials?.CredentialScope;
            return configValue;
        };
    }
    if (configKey === "accountId" || canonicalEndpointParamKey === "AccountId") {
        return async () => {
            const credentials = typeof config.credentials === "function" ? await config.credentials() : config.credentials;
            const configValue = credentials?.accountId ?? credentials?.AccountId;
            return configValue;
        };
    }
    if (configKey === "endpoint" || canonicalEndpointParamKey === "endpoint") {
        return async () => {
            if (config.isCustomEndpoint === false) {
                return undefined;
            }
            const endpoint = await configProvider();
            if (endpoint && typeof endpoint === "object") {
                if ("url" in endpoint) {
                    return endpoint.url.href;
                }
                if ("hostname" in endpoint) {
                    const { protocol, hostname, port, path } = endpoint;
                    return `${protocol}//${hostname}${port ? ":" + port : ""}${path}`;
                }
            }
            return endpoint;
        };
    }
    return configProvider;
};

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/toEndpointV1.js
var toEndpointV1 = __webpack_require__(3055);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/middleware-endpoint/adaptors/getEndpointFromInstructions.js



function bindGetEndpointFromInstructions(getEndpointFromConfig) {
    return async (commandInput, instructionsSupplier, clientConfig, context) => {
        if (!clientConfig.isCustomEndpoint && !clientConfig.ignoreConfiguredEndpointUrls) {
            let endpointFromConfig;
            if (clientConfig.serviceConfiguredEndpoint) {
                endpointFromConfig = await clientConfig.serviceConfiguredEndpoint();
            }
            else {
                endpointFromConfig = await getEndpointFromConfig(clientConfig.serviceId);
            }
            if (endpointFromConfig) {
                clientConfig.endpoint = () => Promise.resolve((0,toEndpointV1/* toEndpointV1 */.a)(endpointFromConfig));
                clientConfig.isCustomEndpoint = true;
                context?.logger?.debug?.(`@smithy/core/endpoints - resolved endpoint from config: ${endpointFromConfig}`);
            }
        }
        const endpointParams = await resolveParams(commandInput, instructionsSupplier, clientConfig);
        if (typeof clientConfig.endpointProvider !== "function") {
            throw new Error("config.endpointProvider is not set.");
        }
        const endpoint = clientConfig.endpointProvider(endpointParams, context);
        if (clientConfig.isCustomEndpoint && clientConfig.endpoint) {
            const customEndpoint = await clientConfig.endpoint();
            if (customEndpoint?.headers) {
                endpoint.headers ??= {};
                for (const [name, value] of Object.entries(customEndpoint.headers)) {
                    endpoint.headers[name] = Array.isArray(value) ? value : [value];
                }
            }
        }
        return endpoint;
    };
}
const resolveParams = async (commandInput, instructionsSupplier, clientConfig) => {
    const endpointParams = {};
    const instructions = instructionsSupplier?.getEndpointParameterInstructions?.() || {};
    for (const [name, instruction] of Object.entries(instructions)) {
        switch (instruction.type) {
            case "staticContextParams":
                endpointParams[name] = instruction.value;
                break;
            case "contextParams":
                endpointParams[name] = commandInput[instruction.name];
                break;
            case "clientContextParams":
            case "builtInParams":
                endpointParams[name] = await createConfigValueProvider(instruction.name, name, clientConfig, instruction.type !== "builtInParams")();
                break;
            case "operationContextParams":
                endpointParams[name] = instruction.get(commandInput);
                break;
            default:
                throw new Error("Unrecognized endpoint parameter instruction: " + JSON.stringify(instruction));
        }
    }
    if (Object.keys(instructions).length === 0) {
        Object.assign(endpointParams, clientConfig);
    }
    if (String(clientConfig.serviceId).toLowerCase() === "s3") {
        await resolveParamsForS3(endpointParams);
    }
    return endpointParams;
};


/***/ }),

/***/ 5258:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ BinaryDecisionDiagram)
/* harmony export */ });
class BinaryDecisionDiagram {
    nodes;
    root;
    conditions;
    results;
    constructor(bdd, root, conditions, results) {
        this.nodes = bdd;
        this.root = root;
        this.conditions = conditions;
        this.results = results;
    }
    static from(bdd, root, conditions, results) {
        return new BinaryDecisionDiagram(bdd, root, conditions, results);
    }
}


/***/ }),

/***/ 8479:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ EndpointCache)
/* harmony export */ });
class EndpointCache {
    capacity;
    data = new Map();
    parameters = [];
    constructor({ size, params }) {
        this.capacity = size ?? 50;
        if (params) {
            this.parameters = params;
        }
    }
    get(endpointParams, resolver) {
        const key = this.hash(endpointParams);
        if (key === false) {
            return resolver();
        }
        if (!this.data.has(key)) {
            if (this.data.size > this.capacity + 10) {
                const keys = this.data.keys();
                let i = 0;
                while (true) {
                    const { value, done } = keys.next();
                    this.data.delete(value);
                    if (done || ++i > 10) {
                        break;
                    }
                }
            }
            this.data.set(key, resolver());
        }
        return this.data.get(key);
    }
    size() {
        return this.data.size;
    }
    hash(endpointParams) {
        let buffer = "";
        const { parameters } = this;
        if (parameters.length === 0) {
            return false;
        }
        for (const param of parameters) {
            const raw = endpointParams[param];
            const val = raw == null ? "\0" : String(raw);
            if (val.includes("|;")) {
                return false;
            }
            buffer += val + "|;";
        }
        return buffer;
    }
}


/***/ }),

/***/ 1565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ debugId)
/* harmony export */ });
const debugId = "endpoints";


/***/ }),

/***/ 1350:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ toDebugString)
/* harmony export */ });
function toDebugString(input) {
    if (typeof input !== "object" || input == null) {
        return input;
    }
    if ("ref" in input) {
        return `$${toDebugString(input.ref)}`;
    }
    if ("fn" in input) {
        return `${input.fn}(${(input.argv || []).map(toDebugString).join(", ")})`;
    }
    return JSON.stringify(input, null, 2);
}


/***/ }),

/***/ 2218:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ decideEndpoint)
/* harmony export */ });
/* harmony import */ var _types__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3868);
/* harmony import */ var _utils_evaluateCondition__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8961);
/* harmony import */ var _utils_evaluateExpression__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1444);
/* harmony import */ var _utils_getEndpointHeaders__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6820);
/* harmony import */ var _utils_getEndpointProperties__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7737);
/* harmony import */ var _utils_getEndpointUrl__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3255);






const RESULT = 100_000_000;
const decideEndpoint = (bdd, options) => {
    const { nodes, root, results, conditions } = bdd;
    let ref = root;
    const referenceRecord = {};
    const closure = {
        referenceRecord,
        endpointParams: options.endpointParams,
        logger: options.logger,
    };
    while (ref !== 1 && ref !== -1 && ref < RESULT) {
        const node_i = 3 * (Math.abs(ref) - 1);
        const [condition_i, highRef, lowRef] = [nodes[node_i], nodes[node_i + 1], nodes[node_i + 2]];
        const [fn, argv, assign] = conditions[condition_i];
        const evaluation = (0,_utils_evaluateCondition__WEBPACK_IMPORTED_MODULE_0__/* .evaluateCondition */ .F)({ fn, assign, argv }, closure);
        if (evaluation.toAssign) {
            const { name, value } = evaluation.toAssign;
            referenceRecord[name] = value;
        }
        ref = ref >= 0 === evaluation.result ? highRef : lowRef;
    }
    if (ref >= RESULT) {
        const result = results[ref - RESULT];
        if (result[0] === -1) {
            const [, errorExpression] = result;
            throw new _types__WEBPACK_IMPORTED_MODULE_1__/* .EndpointError */ .c((0,_utils_evaluateExpression__WEBPACK_IMPORTED_MODULE_2__/* .evaluateExpression */ .O4)(errorExpression, "Error", closure));
        }
        const [url, properties, headers] = result;
        return {
            url: (0,_utils_getEndpointUrl__WEBPACK_IMPORTED_MODULE_3__/* .getEndpointUrl */ .t)(url, closure),
            properties: (0,_utils_getEndpointProperties__WEBPACK_IMPORTED_MODULE_4__/* .getEndpointProperties */ .Fb)(properties, closure),
            headers: (0,_utils_getEndpointHeaders__WEBPACK_IMPORTED_MODULE_5__/* .getEndpointHeaders */ .w)(headers ?? {}, closure),
        };
    }
    throw new _types__WEBPACK_IMPORTED_MODULE_1__/* .EndpointError */ .c(`No matching endpoint.`);
};


/***/ }),

/***/ 8466:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i: () => (/* binding */ getAttr)
});

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/types/EndpointError.js
var EndpointError = __webpack_require__(3868);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/getAttrPathList.js

const getAttrPathList = (path) => {
    const parts = path.split(".");
    const pathList = [];
    for (const part of parts) {
        const squareBracketIndex = part.indexOf("[");
        if (squareBracketIndex !== -1) {
            if (part.indexOf("]") !== part.length - 1) {
                throw new EndpointError/* EndpointError */.c(`Path: '${path}' does not end with ']'`);
            }
            const arrayIndex = part.slice(squareBracketIndex + 1, -1);
            if (Number.isNaN(parseInt(arrayIndex))) {
                throw new EndpointError/* EndpointError */.c(`Invalid array index: '${arrayIndex}' in path: '${path}'`);
            }
            if (squareBracketIndex !== 0) {
                pathList.push(part.slice(0, squareBracketIndex));
            }
            pathList.push(arrayIndex);
        }
        else {
            pathList.push(part);
        }
    }
    return pathList;
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/getAttr.js


const getAttr = (value, path) => getAttrPathList(path).reduce((acc, index) => {
    if (typeof acc !== "object") {
        throw new EndpointError/* EndpointError */.c(`Index '${index}' in '${path}' not found in '${JSON.stringify(value)}'`);
    }
    else if (Array.isArray(acc)) {
        const i = parseInt(index);
        return acc[i < 0 ? acc.length + i : i];
    }
    return acc[index];
}, value);


/***/ }),

/***/ 6676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ isIpAddress)
/* harmony export */ });
const IP_V4_REGEX = new RegExp(`^(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)){3}$`);
const isIpAddress = (value) => IP_V4_REGEX.test(value) || (value.startsWith("[") && value.endsWith("]"));


/***/ }),

/***/ 9071:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  s: () => (/* binding */ resolveEndpoint)
});

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/hasOwn.js
var hasOwn = __webpack_require__(2990);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/debug/debugId.js
var debugId = __webpack_require__(1565);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/debug/toDebugString.js
var toDebugString = __webpack_require__(1350);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/types/EndpointError.js
var EndpointError = __webpack_require__(3868);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateCondition.js
var evaluateCondition = __webpack_require__(8961);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateConditions.js


const evaluateConditions = (conditions = [], options) => {
    const conditionsReferenceRecord = {};
    const conditionOptions = {
        ...options,
        referenceRecord: { ...options.referenceRecord },
    };
    let didAssign = false;
    for (const condition of conditions) {
        const { result, toAssign } = (0,evaluateCondition/* evaluateCondition */.F)(condition, conditionOptions);
        if (!result) {
            return { result };
        }
        if (toAssign) {
            didAssign = true;
            conditionsReferenceRecord[toAssign.name] = toAssign.value;
            conditionOptions.referenceRecord[toAssign.name] = toAssign.value;
            options.logger?.debug?.(`${debugId/* debugId */.z} assign: ${toAssign.name} := ${(0,toDebugString/* toDebugString */.m)(toAssign.value)}`);
        }
    }
    if (didAssign) {
        return { result: true, referenceRecord: conditionsReferenceRecord };
    }
    return { result: true };
};

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/getEndpointHeaders.js
var getEndpointHeaders = __webpack_require__(6820);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/getEndpointProperties.js
var getEndpointProperties = __webpack_require__(7737);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/getEndpointUrl.js
var getEndpointUrl = __webpack_require__(3255);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateEndpointRule.js





const evaluateEndpointRule = (endpointRule, options) => {
    const { conditions, endpoint } = endpointRule;
    const { result, referenceRecord } = evaluateConditions(conditions, options);
    if (!result) {
        return;
    }
    const endpointRuleOptions = referenceRecord
        ? {
            ...options,
            referenceRecord: { ...options.referenceRecord, ...referenceRecord },
        }
        : options;
    const { url, properties, headers } = endpoint;
    options.logger?.debug?.(`${debugId/* debugId */.z} Resolving endpoint from template: ${(0,toDebugString/* toDebugString */.m)(endpoint)}`);
    const endpointToReturn = { url: (0,getEndpointUrl/* getEndpointUrl */.t)(url, endpointRuleOptions) };
    if (headers != null) {
        endpointToReturn.headers = (0,getEndpointHeaders/* getEndpointHeaders */.w)(headers, endpointRuleOptions);
    }
    if (properties != null) {
        endpointToReturn.properties = (0,getEndpointProperties/* getEndpointProperties */.Fb)(properties, endpointRuleOptions);
    }
    return endpointToReturn;
};

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateExpression.js + 13 modules
var evaluateExpression = __webpack_require__(1444);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateErrorRule.js



const evaluateErrorRule = (errorRule, options) => {
    const { conditions, error } = errorRule;
    const { result, referenceRecord } = evaluateConditions(conditions, options);
    if (!result) {
        return;
    }
    const errorRuleOptions = referenceRecord
        ? {
            ...options,
            referenceRecord: { ...options.referenceRecord, ...referenceRecord },
        }
        : options;
    throw new EndpointError/* EndpointError */.c((0,evaluateExpression/* evaluateExpression */.O4)(error, "Error", errorRuleOptions));
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateRules.js




const evaluateRules = (rules, options) => {
    for (const rule of rules) {
        if (rule.type === "endpoint") {
            const endpointOrUndefined = evaluateEndpointRule(rule, options);
            if (endpointOrUndefined) {
                return endpointOrUndefined;
            }
        }
        else if (rule.type === "error") {
            evaluateErrorRule(rule, options);
        }
        else if (rule.type === "tree") {
            const endpointOrUndefined = group.evaluateTreeRule(rule, options);
            if (endpointOrUndefined) {
                return endpointOrUndefined;
            }
        }
        else {
            throw new EndpointError/* EndpointError */.c(`Unknown endpoint rule: ${rule}`);
        }
    }
    throw new EndpointError/* EndpointError */.c(`Rules evaluation failed`);
};
const evaluateTreeRule = (treeRule, options) => {
    const { conditions, rules } = treeRule;
    const { result, referenceRecord } = evaluateConditions(conditions, options);
    if (!result) {
        return;
    }
    const treeRuleOptions = referenceRecord
        ? { ...options, referenceRecord: { ...options.referenceRecord, ...referenceRecord } }
        : options;
    return group.evaluateRules(rules, treeRuleOptions);
};
const group = {
    evaluateRules,
    evaluateTreeRule,
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/resolveEndpoint.js




const resolveEndpoint = (ruleSetObject, options) => {
    const { endpointParams, logger } = options;
    const { parameters, rules } = ruleSetObject;
    options.logger?.debug?.(`${debugId/* debugId */.z} Initial EndpointParams: ${(0,toDebugString/* toDebugString */.m)(endpointParams)}`);
    for (const paramKey in parameters) {
        if (!(0,hasOwn/* hasOwn */.$)(parameters, paramKey)) {
            continue;
        }
        const parameter = parameters[paramKey];
        const endpointParam = endpointParams[paramKey];
        if (endpointParam == null && parameter.default != null) {
            endpointParams[paramKey] = parameter.default;
            continue;
        }
        if (parameter.required && endpointParam == null) {
            throw new EndpointError/* EndpointError */.c(`Missing required parameter: '${paramKey}'`);
        }
    }
    const endpoint = evaluateRules(rules, { endpointParams, logger, referenceRecord: {} });
    options.logger?.debug?.(`${debugId/* debugId */.z} Resolved endpoint: ${(0,toDebugString/* toDebugString */.m)(endpoint)}`);
    return endpoint;
};


/***/ }),

/***/ 3868:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ EndpointError)
/* harmony export */ });
class EndpointError extends Error {
    constructor(message) {
        super(message);
        this.name = "EndpointError";
    }
}


/***/ }),

/***/ 1046:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ customEndpointFunctions)
/* harmony export */ });
const customEndpointFunctions = {};


/***/ }),

/***/ 8961:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ evaluateCondition)
/* harmony export */ });
/* harmony import */ var _debug__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1565);
/* harmony import */ var _debug__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1350);
/* harmony import */ var _types__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3868);
/* harmony import */ var _callFunction__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1444);



const evaluateCondition = (condition, options) => {
    const { assign } = condition;
    if (assign && assign in options.referenceRecord) {
        throw new _types__WEBPACK_IMPORTED_MODULE_0__/* .EndpointError */ .c(`'${assign}' is already defined in Reference Record.`);
    }
    const value = (0,_callFunction__WEBPACK_IMPORTED_MODULE_1__/* .callFunction */ .Tx)(condition, options);
    options.logger?.debug?.(`${_debug__WEBPACK_IMPORTED_MODULE_2__/* .debugId */ .z} evaluateCondition: ${(0,_debug__WEBPACK_IMPORTED_MODULE_3__/* .toDebugString */ .m)(condition)} = ${(0,_debug__WEBPACK_IMPORTED_MODULE_3__/* .toDebugString */ .m)(value)}`);
    const result = value === "" ? true : !!value;
    if (assign != null) {
        return { result, toAssign: { name: assign, value } };
    }
    return { result };
};


/***/ }),

/***/ 1444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Tx: () => (/* binding */ callFunction),
  O4: () => (/* binding */ evaluateExpression)
});

// UNUSED EXPORTS: group

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/types/EndpointError.js
var EndpointError = __webpack_require__(3868);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/customEndpointFunctions.js
var customEndpointFunctions = __webpack_require__(1046);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/booleanEquals.js
const booleanEquals = (value1, value2) => value1 === value2;

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/coalesce.js
function coalesce(...args) {
    for (const arg of args) {
        if (arg != null) {
            return arg;
        }
    }
    return undefined;
}

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/getAttr.js + 1 modules
var getAttr = __webpack_require__(8466);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/isSet.js
const isSet = (value) => value != null;

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/isValidHostLabel.js
var isValidHostLabel = __webpack_require__(4280);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/ite.js
function ite(condition, trueValue, falseValue) {
    return condition ? trueValue : falseValue;
}

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/not.js
const not = (value) => !value;

;// CONCATENATED MODULE: ./node_modules/@smithy/types/dist-es/endpoint.js
var EndpointURLScheme;
(function (EndpointURLScheme) {
    EndpointURLScheme["HTTP"] = "http";
    EndpointURLScheme["HTTPS"] = "https";
})(EndpointURLScheme || (EndpointURLScheme = {}));

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/isIpAddress.js
var isIpAddress = __webpack_require__(6676);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/parseURL.js


const DEFAULT_PORTS = {
    [EndpointURLScheme.HTTP]: 80,
    [EndpointURLScheme.HTTPS]: 443,
};
const parseURL = (value) => {
    const whatwgURL = (() => {
        try {
            if (value instanceof URL) {
                return value;
            }
            if (typeof value === "object" && "hostname" in value) {
                const { hostname, port, protocol = "", path = "", query = {} } = value;
                const url = new URL(`${protocol}//${hostname}${port ? `:${port}` : ""}${path}`);
                url.search = Object.entries(query)
                    .map(([k, v]) => `${k}=${v}`)
                    .join("&");
                return url;
            }
            return new URL(value);
        }
        catch (ignored) {
            return null;
        }
    })();
    if (!whatwgURL) {
        console.error(`Unable to parse ${JSON.stringify(value)} as a whatwg URL.`);
        return null;
    }
    const urlString = whatwgURL.href;
    const { host, hostname, pathname, protocol, search } = whatwgURL;
    if (search) {
        return null;
    }
    const scheme = protocol.slice(0, -1);
    if (!Object.values(EndpointURLScheme).includes(scheme)) {
        return null;
    }
    const isIp = (0,isIpAddress/* isIpAddress */.o)(hostname);
    const inputContainsDefaultPort = urlString.includes(`${host}:${DEFAULT_PORTS[scheme]}`) ||
        (typeof value === "string" && value.includes(`${host}:${DEFAULT_PORTS[scheme]}`));
    const authority = `${host}${inputContainsDefaultPort ? `:${DEFAULT_PORTS[scheme]}` : ``}`;
    return {
        scheme,
        authority,
        path: pathname,
        normalizedPath: pathname.endsWith("/") ? pathname : `${pathname}/`,
        isIp,
    };
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/split.js
function split(value, delimiter, limit) {
    if (limit === 1) {
        return [value];
    }
    if (value === "") {
        return [""];
    }
    const parts = value.split(delimiter);
    if (limit === 0) {
        return parts;
    }
    return parts.slice(0, limit - 1).concat(parts.slice(1).join(delimiter));
}

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/stringEquals.js
const stringEquals = (value1, value2) => value1 === value2;

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/substring.js
const substring = (input, start, stop, reverse) => {
    if (input == null || start >= stop || input.length < stop || /[^\u0000-\u007f]/.test(input)) {
        return null;
    }
    if (!reverse) {
        return input.substring(start, stop);
    }
    return input.substring(input.length - stop, input.length - start);
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/lib/uriEncode.js
const uriEncode = (value) => encodeURIComponent(value).replace(/[!*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/endpointFunctions.js

const endpointFunctions = {
    booleanEquals: booleanEquals,
    coalesce: coalesce,
    getAttr: getAttr/* getAttr */.i,
    isSet: isSet,
    isValidHostLabel: isValidHostLabel/* isValidHostLabel */.X,
    ite: ite,
    not: not,
    parseURL: parseURL,
    split: split,
    stringEquals: stringEquals,
    substring: substring,
    uriEncode: uriEncode,
};

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateTemplate.js
var evaluateTemplate = __webpack_require__(9680);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/getReferenceValue.js
const getReferenceValue = ({ ref }, options) => {
    return options.referenceRecord[ref] ?? options.endpointParams[ref];
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/endpoints/util-endpoints/utils/evaluateExpression.js





const evaluateExpression = (obj, keyName, options) => {
    if (typeof obj === "string") {
        return (0,evaluateTemplate/* evaluateTemplate */.M)(obj, options);
    }
    else if (obj["fn"]) {
        return group.callFunction(obj, options);
    }
    else if (obj["ref"]) {
        return getReferenceValue(obj, options);
    }
    throw new EndpointError/* EndpointError */.c(`'${keyName}': ${String(obj)} is not a string, function or reference.`);
};
const callFunction = ({ fn, argv }, options) => {
    const evaluatedArgs = Array(argv.length);
    for (let i = 0; i < evaluatedArgs.length; ++i) {
        const arg = argv[i];
        if (typeof arg === "boolean" || typeof arg === "number") {
            evaluatedArgs[i] = arg;
        }
        else {
            evaluatedArgs[i] = group.evaluateExpression(arg, "arg", options);
        }
    }
    const namespaceSeparatorIndex = fn.indexOf(".");
    if (namespaceSeparatorIndex !== -1) {
        const namespaceFunctions = customEndpointFunctions/* customEndpointFunctions */.m[fn.slice(0, namespaceSeparatorIndex)];
        const customFunction = namespaceFunctions?.[fn.slice(namespaceSeparatorIndex + 1)];
        if (typeof customFunction === "function") {
            return customFunction(...evaluatedArgs);
        }
    }
    const callable = endpointFunctions[fn];
    if (typeof callable === "function") {
        return callable(...evaluatedArgs);
    }
    throw new Error(`function ${fn} not loaded in endpointFunctions.`);
};
const group = {
    evaluateExpression,
    callFunction,
};


/***/ }),

/***/ 9680:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ evaluateTemplate)
/* harmony export */ });
/* harmony import */ var _lib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8466);

const evaluateTemplate = (template, options) => {
    const evaluatedTemplateArr = [];
    const { referenceRecord, endpointParams } = options;
    let currentIndex = 0;
    while (currentIndex < template.length) {
        const openingBraceIndex = template.indexOf("{", currentIndex);
        if (openingBraceIndex === -1) {
            evaluatedTemplateArr.push(template.slice(currentIndex));
            break;
        }
        evaluatedTemplateArr.push(template.slice(currentIndex, openingBraceIndex));
        const closingBraceIndex = template.indexOf("}", openingBraceIndex);
        if (closingBraceIndex === -1) {
            evaluatedTemplateArr.push(template.slice(openingBraceIndex));
            break;
        }
        if (template[openingBraceIndex + 1] === "{" && template[closingBraceIndex + 1] === "}") {
            evaluatedTemplateArr.push(template.slice(openingBraceIndex + 1, closingBraceIndex));
            currentIndex = closingBraceIndex + 2;
        }
        const parameterName = template.substring(openingBraceIndex + 1, closingBraceIndex);
        if (parameterName.includes("#")) {
            const [refName, attrName] = parameterName.split("#");
            evaluatedTemplateArr.push((0,_lib__WEBPACK_IMPORTED_MODULE_0__/* .getAttr */ .i)((referenceRecord[refName] ?? endpointParams[refName]), attrName));
        }
        else {
            evaluatedTemplateArr.push((referenceRecord[parameterName] ?? endpointParams[parameterName]));
        }
        currentIndex = closingBraceIndex + 1;
    }
    return evaluatedTemplateArr.join("");
};


/***/ }),

/***/ 6820:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ getEndpointHeaders)
/* harmony export */ });
/* harmony import */ var _types__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3868);
/* harmony import */ var _evaluateExpression__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1444);


const getEndpointHeaders = (headers, options) => Object.entries(headers ?? {}).reduce((acc, [headerKey, headerVal]) => {
    acc[headerKey] = headerVal.map((headerValEntry) => {
        const processedExpr = (0,_evaluateExpression__WEBPACK_IMPORTED_MODULE_0__/* .evaluateExpression */ .O4)(headerValEntry, "Header value entry", options);
        if (typeof processedExpr !== "string") {
            throw new _types__WEBPACK_IMPORTED_MODULE_1__/* .EndpointError */ .c(`Header '${headerKey}' value '${processedExpr}' is not a string`);
        }
        return processedExpr;
    });
    return acc;
}, {});


/***/ }),

/***/ 7737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fb: () => (/* binding */ getEndpointProperties)
/* harmony export */ });
/* unused harmony exports getEndpointProperty, group */
/* harmony import */ var _types__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3868);
/* harmony import */ var _evaluateTemplate__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9680);


const getEndpointProperties = (properties, options) => Object.entries(properties).reduce((acc, [propertyKey, propertyVal]) => {
    acc[propertyKey] = group.getEndpointProperty(propertyVal, options);
    return acc;
}, {});
const getEndpointProperty = (property, options) => {
    if (Array.isArray(property)) {
        return property.map((propertyEntry) => getEndpointProperty(propertyEntry, options));
    }
    switch (typeof property) {
        case "string":
            return (0,_evaluateTemplate__WEBPACK_IMPORTED_MODULE_0__/* .evaluateTemplate */ .M)(property, options);
        case "object":
            if (property === null) {
                throw new _types__WEBPACK_IMPORTED_MODULE_1__/* .EndpointError */ .c(`Unexpected endpoint property: ${property}`);
            }
            return group.getEndpointProperties(property, options);
        case "boolean":
            return property;
        default:
            throw new _types__WEBPACK_IMPORTED_MODULE_1__/* .EndpointError */ .c(`Unexpected endpoint property type: ${typeof property}`);
    }
};
const group = {
    getEndpointProperty,
    getEndpointProperties,
};


/***/ }),

/***/ 3255:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ getEndpointUrl)
/* harmony export */ });
/* harmony import */ var _types__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3868);
/* harmony import */ var _evaluateExpression__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1444);


const getEndpointUrl = (endpointUrl, options) => {
    const expression = (0,_evaluateExpression__WEBPACK_IMPORTED_MODULE_0__/* .evaluateExpression */ .O4)(endpointUrl, "Endpoint URL", options);
    if (typeof expression === "string") {
        try {
            return new URL(expression);
        }
        catch (error) {
            console.error(`Failed to construct URL with ${expression}`, error);
            throw error;
        }
    }
    throw new _types__WEBPACK_IMPORTED_MODULE_1__/* .EndpointError */ .c(`Endpoint URL must be a string, got ${typeof expression}`);
};


/***/ }),

/***/ 4699:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ HttpBindingNormalizedSchema),
/* harmony export */   K: () => (/* binding */ getHttpOperationBindings)
/* harmony export */ });
/* harmony import */ var _smithy_core_schema__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5125);
/* harmony import */ var _smithy_core_schema__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4844);
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(412);


const HTTP_BINDINGS = Symbol.for("@smithy/schema-x");
class HttpBindingNormalizedSchema extends _smithy_core_schema__WEBPACK_IMPORTED_MODULE_0__/* .NormalizedSchema */ .l1 {
    static identity = Symbol.for("@smithy/HttpBindingNormalizedSchema");
    identity = HttpBindingNormalizedSchema.identity;
    bindings;
    constructor(schema) {
        super(schema);
    }
    static of(schema) {
        const ns = _smithy_core_schema__WEBPACK_IMPORTED_MODULE_0__/* .NormalizedSchema */ .l1.of(schema);
        if (ns.identity === HttpBindingNormalizedSchema.identity) {
            return ns;
        }
        const schemaCache = ns.isMemberSchema() ? ns : ns.getSchema();
        const cache = typeof schemaCache === "object" && schemaCache !== null ? schemaCache : ns;
        return (cache[HTTP_BINDINGS] ??= new HttpBindingNormalizedSchema(ns));
    }
    getHttpBindingLocation(traits) {
        if (traits.httpPayload) {
            return 0b100_100;
        }
        if (traits.httpLabel) {
            return 0b100_001;
        }
        if (traits.httpHeader) {
            return 0b100_110;
        }
        if (typeof traits.httpPrefixHeaders === "string") {
            return 0b100_111;
        }
        if (traits.httpQuery) {
            return 0b100_010;
        }
        if (traits.httpQueryParams) {
            return 0b100_011;
        }
        if (traits.httpResponseCode) {
            return 0b100_101;
        }
        return 0b100_000;
    }
    getHttpBindingValue(location, traits, nested = false) {
        const raw = this.getSchema();
        const type = typeof raw === "number" ? raw & 0xff : this.isListSchema() ? 0b0100_0000 : 0xff;
        const slot = location & 0b111;
        const media = (traits.mediaType ? (traits.mediaType === "application/json" || traits.mediaType.endsWith("+json") ? 2 : 1) : 0);
        const stream = (traits.streaming || type === 42 ? (this.isStructSchema() ? 2 : 1) : 0);
        const timestamp = (type >= 4 && type <= 7
            ? slot >= 6
                ? 2
                : slot > 0 && slot < 4
                    ? 1
                    : 0
            : 0);
        let flags = type |
            (media << 8) |
            ((traits.idempotencyToken ? 1 : 0) << 10) |
            (stream << 11) |
            ((traits.sparse ? 1 : 0) << 13) |
            (timestamp << 14) |
            ((traits.hostLabel ? 1 : 0) << 17) |
            ((location === 0b100_100 && typeof raw !== "object" ? 1 : 0) << 18);
        const category = type & 0b1100_0000;
        const collectionValue = slot & 0b010 && (category === 0b0100_0000 || (!nested && slot & 1))
            ? this.getHttpBindingCollectionValue(location, traits)
            : undefined;
        const valueType = (collectionValue?.[1] ?? 0) & 0xff;
        flags |=
            (slot >= 6 &&
                (valueType === 4 || valueType === 6)
                ? 1
                : 0) << 16;
        return [this, flags, collectionValue];
    }
    getHttpBindingCollectionValue(location, traits = this.getMergedTraits()) {
        const valueSchema = HttpBindingNormalizedSchema.of(this.getValueSchema());
        return valueSchema.getHttpBindingValue(location, { ...valueSchema.getMergedTraits(), ...traits }, true);
    }
    getHttpBindings() {
        const source = this.getSchema();
        return typeof source !== "object" || source === null ? EMPTY_BINDINGS : (this.bindings ??= buildHttpBindings(this));
    }
}
const buildHttpBindings = (schema) => {
    const bodyMemberNames = [];
    const bodyMemberSchemas = [];
    const requestBodyMemberNames = [];
    const requestBodyMemberSchemas = [];
    const memberBindings = [];
    const byName = {};
    const headers = {};
    const prefixHeaders = [];
    const responseBindings = { headers, prefixHeaders };
    const bindings = {
        request: { memberBindings, byName },
        response: {
            bodyMemberNames,
            bindings: responseBindings,
        },
    };
    const { request, response } = bindings;
    for (const [name, member] of schema.structIterator()) {
        const bindingSchema = HttpBindingNormalizedSchema.of(member);
        const traits = bindingSchema.getMergedTraits();
        const location = bindingSchema.getHttpBindingLocation(traits);
        const wireName = traits.httpHeader?.toLowerCase() ?? traits.httpPrefixHeaders?.toLowerCase() ?? traits.httpQuery;
        const value = bindingSchema.getHttpBindingValue(location, traits);
        const binding = [name, value, location, wireName];
        if (name === "__proto__") {
            (0,_smithy_core_serde__WEBPACK_IMPORTED_MODULE_1__/* .writeKey */ .T)(byName);
        }
        byName[name] = binding;
        if ((value[1] >> 10) & 1) {
            request.hasIdempotency = true;
        }
        memberBindings.push(binding);
        const slot = location & 0b111;
        if (slot === 0) {
            requestBodyMemberNames.push(name);
            requestBodyMemberSchemas.push(member);
        }
        if ((slot & 0b100) === 0) {
            bodyMemberNames.push(name);
            bodyMemberSchemas.push(member);
        }
        else if ((slot & 0b110) === 0b100) {
            if (slot & 0b001) {
                responseBindings.statusCode = binding;
            }
            else {
                responseBindings.payload = binding;
                const type = value[1] & 0xff;
                request.contentTypeInstruction =
                    traits.mediaType ??
                        (type === 0
                            ? "text/plain"
                            : type === 21 || type === 42
                                ? "application/octet-stream"
                                : null);
            }
        }
        else if (slot & 0b001) {
            request.hasPrefixHeaders = true;
            prefixHeaders.push(binding);
        }
        else {
            if (wireName === "__proto__") {
                (0,_smithy_core_serde__WEBPACK_IMPORTED_MODULE_1__/* .writeKey */ .T)(headers);
            }
            headers[wireName] = binding;
        }
    }
    if (request.contentTypeInstruction === undefined && requestBodyMemberNames.length) {
        request.contentTypeInstruction = null;
    }
    request.syntheticBodySchema = createBodySchema(schema, requestBodyMemberNames, requestBodyMemberSchemas);
    response.syntheticBodySchema = createBodySchema(schema, bodyMemberNames, bodyMemberSchemas);
    return bindings;
};
const buildPathSegments = (path) => {
    const segments = [];
    let offset = 0;
    for (const match of path.matchAll(/\{([^{}+]+)(\+)?\}/g)) {
        if (match.index > offset) {
            segments.push([path.slice(offset, match.index), 0]);
        }
        segments.push([match[1], match[2] ? 2 : 1]);
        offset = match.index + match[0].length;
    }
    if (segments.length && offset < path.length) {
        segments.push([path.slice(offset), 0]);
    }
    return segments.length ? segments : undefined;
};
const buildHttpOperationBindings = (schema) => {
    const { http, endpoint } = (0,_smithy_core_schema__WEBPACK_IMPORTED_MODULE_2__/* .translateTraits */ .c)(schema.traits ?? {});
    const [path, search] = http?.[1].split("?") ?? [];
    return [
        http?.[0],
        path,
        search ? [...new URLSearchParams(search)] : [],
        path ? buildPathSegments(path) : undefined,
        endpoint?.[0],
    ];
};
const EMPTY_BINDINGS = {
    request: { memberBindings: [], byName: {} },
    response: {
        bodyMemberNames: [],
        bindings: { headers: {}, prefixHeaders: [] },
    },
};
const getHttpOperationBindings = (schema) => (schema[HTTP_BINDINGS] ??= buildHttpOperationBindings(schema));
const createBodySchema = (schema, memberNames, memberSchemas) => {
    if (!memberNames.length) {
        return undefined;
    }
    const source = schema.getSchema();
    const body = [
        3,
        source[1],
        source[2],
        schema.getMergedTraits(),
        memberNames,
        memberSchemas,
    ];
    const required = source[6];
    const bodyRequired = required && memberNames.reduce((count, name) => count + (source[4].indexOf(name) < required ? 1 : 0), 0);
    if (bodyRequired) {
        body[6] = bodyRequired;
    }
    return body;
};


/***/ }),

/***/ 4745:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ HttpBindingProtocol)
/* harmony export */ });
/* harmony import */ var _smithy_core_transport__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9725);
/* harmony import */ var _smithy_core_transport__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2990);
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6494);
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7774);
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9796);
/* harmony import */ var _HttpBindingNormalizedSchema__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4699);
/* harmony import */ var _HttpProtocol__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2186);
/* harmony import */ var _collect_stream_body__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9620);
/* harmony import */ var _extended_encode_uri_component__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(979);






class HttpBindingProtocol extends _HttpProtocol__WEBPACK_IMPORTED_MODULE_0__/* .HttpProtocol */ .t {
    async serializeRequest(operationSchema, _input, context) {
        const input = _input && typeof _input === "object" ? _input : {};
        const query = {};
        const headers = {};
        const endpoint = await context.endpoint();
        const ns = _HttpBindingNormalizedSchema__WEBPACK_IMPORTED_MODULE_1__/* .HttpBindingNormalizedSchema */ .C.of(operationSchema?.input);
        const bindings = ns.getHttpBindings().request;
        const operation = (0,_HttpBindingNormalizedSchema__WEBPACK_IMPORTED_MODULE_1__/* .getHttpOperationBindings */ .K)(operationSchema);
        const request = new _smithy_core_transport__WEBPACK_IMPORTED_MODULE_2__/* .HttpRequest */ .K({ query, headers });
        if (endpoint) {
            this.updateServiceEndpoint(request, endpoint);
            this.setHostPrefix(request, operationSchema, input, operation);
            const [method, path, staticQuery] = operation;
            if (method) {
                request.method = method;
                request.path = request.path === "/" ? path : request.path + path;
                for (const [key, value] of staticQuery) {
                    query[key] = value;
                }
            }
        }
        request.query = query;
        const eventStream = this.serializeHttpBindings(input, request, bindings, operation);
        if (eventStream) {
            request.body = await this.serializeEventStream({ eventStream, requestSchema: ns });
        }
        return request;
    }
    serializeHttpBindings(input, request, bindings, operation) {
        const serializer = this.serializer;
        const directSerializer = typeof serializer.writeCodec === "function"
            ? serializer
            : undefined;
        const query = request.query;
        const headers = request.headers;
        const bodySchema = bindings.syntheticBodySchema;
        let hasBodyValue = false;
        let payload;
        let eventStream;
        let labels;
        const names = Object.getOwnPropertyNames(input);
        const prototype = Object.getPrototypeOf(input);
        const sparse = (prototype === Object.prototype || prototype === null) &&
            !bindings.hasIdempotency &&
            !bindings.hasPrefixHeaders &&
            names.length * 2 < bindings.memberBindings.length;
        const length = sparse ? names.length : bindings.memberBindings.length;
        for (let i = 0; i < length; ++i) {
            const binding = sparse
                ? (0,_smithy_core_transport__WEBPACK_IMPORTED_MODULE_3__/* .hasOwn */ .$)(bindings.byName, names[i])
                    ? bindings.byName[names[i]]
                    : undefined
                : bindings.memberBindings[i];
            if (!binding) {
                continue;
            }
            const value = binding[1];
            const memberName = binding[0];
            const memberNs = value[0];
            const flags = value[1];
            const collectionValue = value[2];
            const location = binding[2];
            const wireName = binding[3];
            const inputMemberValue = input[memberName];
            if (inputMemberValue == null && !((flags >> 10) & 1)) {
                continue;
            }
            if (location === 0b100_100) {
                const stream = (flags >> 11) & 0b11;
                if (stream) {
                    if (stream === 2) {
                        eventStream = inputMemberValue || undefined;
                    }
                    else {
                        payload = inputMemberValue;
                    }
                }
                else {
                    if (directSerializer) {
                        directSerializer.writeCodec(memberNs, inputMemberValue);
                    }
                    else {
                        serializer.write(memberNs, inputMemberValue);
                    }
                    payload = serializer.flush();
                }
            }
            else if (location === 0b100_001 || location === 0b100_110) {
                const serialized = this.serializeHttpValue(value, inputMemberValue, location, directSerializer);
                if (location === 0b100_001) {
                    (labels ??= Object.create(null))[memberName] = serialized;
                }
                else {
                    headers[wireName] = serialized;
                }
            }
            else if (location === 0b100_111) {
                for (const key in inputMemberValue) {
                    if (!(0,_smithy_core_transport__WEBPACK_IMPORTED_MODULE_3__/* .hasOwn */ .$)(inputMemberValue, key)) {
                        continue;
                    }
                    const amalgam = wireName + key;
                    headers[amalgam.toLowerCase()] = this.serializeHttpValue(collectionValue, inputMemberValue[key], 0b100_110, directSerializer, directSerializer ? collectionValue[0] : [collectionValue[0], { httpHeader: amalgam }]);
                }
            }
            else if ((location & 0b111_110) === 0b100_010) {
                this.serializeQuery(value, inputMemberValue, wireName, query, directSerializer);
            }
            else {
                hasBodyValue = true;
            }
        }
        const operationPath = operation[1];
        const pathSegments = operation[3];
        if (operationPath && pathSegments && request.path.endsWith(operationPath)) {
            request.path = request.path.slice(0, -operationPath.length) + this.serializePath(pathSegments, labels, bindings);
        }
        if (hasBodyValue && bodySchema) {
            if (directSerializer) {
                directSerializer.writeCodec(bodySchema, input);
            }
            else {
                serializer.write(bodySchema, input);
            }
            payload = serializer.flush();
        }
        request.body = payload;
        return eventStream;
    }
    serializeQuery(value, data, wireName, query, directSerializer) {
        const [ns, flags, collectionValue] = value;
        const traits = directSerializer ? undefined : ns.getMergedTraits();
        if (wireName === undefined) {
            for (const key in data) {
                if (!(0,_smithy_core_transport__WEBPACK_IMPORTED_MODULE_3__/* .hasOwn */ .$)(data, key) || key in query) {
                    continue;
                }
                if (!directSerializer) {
                    Object.assign(collectionValue[0].getMergedTraits(), {
                        ...traits,
                        httpQuery: key,
                        httpQueryParams: undefined,
                    });
                }
                this.serializeQuery(collectionValue, data[key], key, query, directSerializer);
            }
            return;
        }
        if ((flags & 0b1100_0000) === 0b0100_0000) {
            const buffer = [];
            for (const item of data) {
                const serialized = this.serializeHttpValue(collectionValue, item, 0b100_010, directSerializer, directSerializer ? collectionValue[0] : [collectionValue[0], traits]);
                if ((flags >> 13) & 1 || serialized !== undefined) {
                    buffer.push(serialized);
                }
            }
            query[wireName] = buffer;
        }
        else {
            query[wireName] = this.serializeHttpValue(value, data, 0b100_010, directSerializer, directSerializer ? ns : [ns, traits]);
        }
    }
    serializeHttpValue(value, data, location, directSerializer, schema = value[0]) {
        const flags = value[1];
        const type = flags & 0xff;
        if (directSerializer &&
            !(flags & 0x700) &&
            (type <= 2 ||
                type === 17 ||
                type === 19)) {
            return String(data);
        }
        if (directSerializer) {
            directSerializer.writeHttpBinding(value, data, location);
        }
        else {
            this.serializer.write(schema, data);
        }
        return this.serializer.flush();
    }
    serializePath(segments, labels, bindings) {
        let path = "";
        for (const [value, kind] of segments) {
            if (kind === 0) {
                path += value;
                continue;
            }
            const replacement = labels?.[value];
            if (replacement === undefined) {
                if ((0,_smithy_core_transport__WEBPACK_IMPORTED_MODULE_3__/* .hasOwn */ .$)(bindings.byName, value) && bindings.byName[value][2] === 0b100_001) {
                    throw new Error(`No value provided for input HTTP label: ${value}.`);
                }
                path += `{${value}${kind === 2 ? "+" : ""}}`;
            }
            else {
                path +=
                    kind === 2
                        ? replacement.split("/").map(_extended_encode_uri_component__WEBPACK_IMPORTED_MODULE_4__/* .extendedEncodeURIComponent */ .$).join("/")
                        : (0,_extended_encode_uri_component__WEBPACK_IMPORTED_MODULE_4__/* .extendedEncodeURIComponent */ .$)(replacement);
            }
        }
        return path;
    }
    async deserializeResponse(operationSchema, context, response) {
        const deserializer = this.deserializer;
        const directDeserializer = typeof deserializer.readCodec === "function"
            ? deserializer
            : undefined;
        const ns = _HttpBindingNormalizedSchema__WEBPACK_IMPORTED_MODULE_1__/* .HttpBindingNormalizedSchema */ .C.of(operationSchema.output);
        const responseBindings = ns.getHttpBindings().response;
        const dataObject = {};
        if (response.statusCode >= 300) {
            const bytes = await (0,_collect_stream_body__WEBPACK_IMPORTED_MODULE_5__/* .collectBody */ .P)(response.body, context);
            if (bytes.byteLength > 0) {
                Object.assign(dataObject, await deserializer.read(15, bytes));
            }
            await this.handleError(operationSchema, context, response, dataObject, this.deserializeMetadata(response));
            throw new Error("@smithy/core/protocols - HTTP Protocol error handler failed to throw.");
        }
        const nonHttpBindingMembers = await this.deserializeHttpMessage(ns, context, response, dataObject);
        if (nonHttpBindingMembers.length) {
            const bytes = await (0,_collect_stream_body__WEBPACK_IMPORTED_MODULE_5__/* .collectBody */ .P)(response.body, context);
            if (bytes.byteLength > 0) {
                const dataFromBody = await (directDeserializer
                    ? directDeserializer.readCodec(responseBindings.syntheticBodySchema, bytes)
                    : deserializer.read(responseBindings.syntheticBodySchema, bytes));
                for (const member of nonHttpBindingMembers) {
                    if (dataFromBody[member] != null) {
                        dataObject[member] = dataFromBody[member];
                    }
                }
            }
        }
        else if (!responseBindings.bindings.payload) {
            await (0,_collect_stream_body__WEBPACK_IMPORTED_MODULE_5__/* .collectBody */ .P)(response.body, context);
        }
        dataObject.$metadata = this.deserializeMetadata(response);
        return dataObject;
    }
    async deserializeHttpMessage(schema, context, response, arg4, arg5) {
        const dataObject = arg4 instanceof Set ? arg5 : arg4;
        const deserializer = this.deserializer;
        const directDeserializer = typeof deserializer.readCodec === "function"
            ? deserializer
            : undefined;
        const ns = _HttpBindingNormalizedSchema__WEBPACK_IMPORTED_MODULE_1__/* .HttpBindingNormalizedSchema */ .C.of(schema);
        const { bodyMemberNames, bindings: { payload, statusCode, headers: responseHeaders, prefixHeaders }, } = ns.getHttpBindings().response;
        const headers = response.headers;
        if (payload) {
            const [memberName, value] = payload;
            const [memberSchema, flags] = value;
            const stream = (flags >> 11) & 0b11;
            if (stream) {
                if (stream === 2) {
                    dataObject[memberName] = await this.deserializeEventStream({
                        response,
                        responseSchema: ns,
                    });
                }
                else {
                    dataObject[memberName] = (0,_smithy_core_serde__WEBPACK_IMPORTED_MODULE_6__/* .sdkStreamMixin */ .c)(response.body);
                }
            }
            else if (response.body) {
                const bytes = await (0,_collect_stream_body__WEBPACK_IMPORTED_MODULE_5__/* .collectBody */ .P)(response.body, context);
                if (bytes.byteLength > 0) {
                    dataObject[memberName] = await (directDeserializer
                        ? directDeserializer.readPayload(value, bytes)
                        : deserializer.read(memberSchema, bytes));
                }
            }
        }
        for (const header in headers) {
            if (!(0,_smithy_core_transport__WEBPACK_IMPORTED_MODULE_3__/* .hasOwn */ .$)(headers, header)) {
                continue;
            }
            const lower = header.toLowerCase();
            const headerValue = headers[header];
            if (lower !== header) {
                delete headers[header];
                headers[lower] = headerValue;
            }
            const binding = (0,_smithy_core_transport__WEBPACK_IMPORTED_MODULE_3__/* .hasOwn */ .$)(responseHeaders, lower) ? responseHeaders[lower] : undefined;
            if (!binding) {
                continue;
            }
            const [memberName, [memberSchema, flags, collectionValue], , wireName] = binding;
            if (collectionValue) {
                const sections = (flags >> 16) & 1 ? (0,_smithy_core_serde__WEBPACK_IMPORTED_MODULE_7__/* .splitEvery */ .U)(headerValue, ",", 2) : (0,_smithy_core_serde__WEBPACK_IMPORTED_MODULE_8__/* .splitHeader */ .G)(headerValue);
                const list = [];
                for (const section of sections) {
                    list.push(directDeserializer
                        ? directDeserializer.readHttpBinding(collectionValue, section.trim(), 0b100_110)
                        : await deserializer.read([collectionValue[0], { httpHeader: wireName }], section.trim()));
                }
                dataObject[memberName] = list;
            }
            else {
                dataObject[memberName] = directDeserializer
                    ? directDeserializer.readHttpBinding(binding[1], headerValue, 0b100_110)
                    : await deserializer.read(memberSchema, headerValue);
            }
        }
        for (const [memberName, [, , collectionValue], , wireName] of prefixHeaders) {
            dataObject[memberName] = {};
            for (const header in headers) {
                if (!(0,_smithy_core_transport__WEBPACK_IMPORTED_MODULE_3__/* .hasOwn */ .$)(headers, header)) {
                    continue;
                }
                if (!header.startsWith(wireName)) {
                    continue;
                }
                const headerValue = headers[header];
                dataObject[memberName][header.slice(wireName.length)] = directDeserializer
                    ? directDeserializer.readHttpBinding(collectionValue, headerValue, 0b100_110)
                    : await deserializer.read([collectionValue[0], { httpHeader: header }], headerValue);
            }
        }
        if (statusCode) {
            dataObject[statusCode[0]] = response.statusCode;
        }
        return bodyMemberNames;
    }
}


/***/ }),

/***/ 2186:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ HttpProtocol)
/* harmony export */ });
/* harmony import */ var _smithy_core_transport__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9725);
/* harmony import */ var _smithy_core_transport__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5401);
/* harmony import */ var _smithy_core_transport__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2990);
/* harmony import */ var _smithy_core_transport__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2247);
/* harmony import */ var _smithy_core_schema__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5629);
/* harmony import */ var _SerdeContext__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5506);
/* harmony import */ var _HttpBindingNormalizedSchema__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4699);




class HttpProtocol extends _SerdeContext__WEBPACK_IMPORTED_MODULE_0__/* .SerdeContext */ .f {
    options;
    compositeErrorRegistry;
    constructor(options) {
        super();
        this.options = options;
        this.compositeErrorRegistry = new _smithy_core_schema__WEBPACK_IMPORTED_MODULE_1__/* .TypeRegistry */ .O(options.defaultNamespace);
        for (const etr of options.errorTypeRegistries ?? []) {
            this.compositeErrorRegistry.copyFrom(etr);
        }
    }
    getRequestType() {
        return _smithy_core_transport__WEBPACK_IMPORTED_MODULE_2__/* .HttpRequest */ .K;
    }
    getResponseType() {
        return _smithy_core_transport__WEBPACK_IMPORTED_MODULE_3__/* .HttpResponse */ .c;
    }
    setSerdeContext(serdeContext) {
        this.serdeContext = serdeContext;
        this.serializer.setSerdeContext(serdeContext);
        this.deserializer.setSerdeContext(serdeContext);
        if (this.getPayloadCodec()) {
            this.getPayloadCodec().setSerdeContext(serdeContext);
        }
    }
    updateServiceEndpoint(request, endpoint) {
        if ("url" in endpoint) {
            request.protocol = endpoint.url.protocol;
            request.hostname = endpoint.url.hostname;
            request.port = endpoint.url.port ? Number(endpoint.url.port) : undefined;
            request.path = endpoint.url.pathname;
            request.fragment = endpoint.url.hash || void 0;
            request.username = endpoint.url.username || void 0;
            request.password = endpoint.url.password || void 0;
            if (!request.query) {
                request.query = {};
            }
            for (const [k, v] of endpoint.url.searchParams.entries()) {
                request.query[k] = v;
            }
            if (endpoint.headers) {
                for (const name in endpoint.headers) {
                    if (!(0,_smithy_core_transport__WEBPACK_IMPORTED_MODULE_4__/* .hasOwn */ .$)(endpoint.headers, name)) {
                        continue;
                    }
                    request.headers[name] = endpoint.headers[name].join(", ");
                }
            }
            return request;
        }
        else {
            request.protocol = endpoint.protocol;
            request.hostname = endpoint.hostname;
            request.port = endpoint.port ? Number(endpoint.port) : undefined;
            request.path = endpoint.path;
            request.query = {
                ...endpoint.query,
            };
            if (endpoint.headers) {
                for (const name in endpoint.headers) {
                    if (!(0,_smithy_core_transport__WEBPACK_IMPORTED_MODULE_4__/* .hasOwn */ .$)(endpoint.headers, name)) {
                        continue;
                    }
                    request.headers[name] = endpoint.headers[name];
                }
            }
            return request;
        }
    }
    setHostPrefix(request, operationSchema, input, operation = (0,_HttpBindingNormalizedSchema__WEBPACK_IMPORTED_MODULE_5__/* .getHttpOperationBindings */ .K)(operationSchema)) {
        if (this.serdeContext?.disableHostPrefix) {
            return;
        }
        const hostPrefix = operation[4];
        if (typeof hostPrefix !== "string") {
            return;
        }
        let resolvedHostPrefix = hostPrefix;
        for (const [name, [, flags]] of _HttpBindingNormalizedSchema__WEBPACK_IMPORTED_MODULE_5__/* .HttpBindingNormalizedSchema */ .C.of(operationSchema.input).getHttpBindings().request
            .memberBindings) {
            if (!((flags >> 17) & 1)) {
                continue;
            }
            const replacement = input[name];
            if (typeof replacement !== "string") {
                throw new Error(`@smithy/core/schema - ${name} in input must be a string as hostLabel.`);
            }
            resolvedHostPrefix = resolvedHostPrefix.replace(`{${name}}`, replacement);
        }
        request.hostname = resolvedHostPrefix + request.hostname;
        if (!(0,_smithy_core_transport__WEBPACK_IMPORTED_MODULE_6__/* .isValidHostname */ .o)(request.hostname)) {
            throw new Error(`[${request.hostname}] is not a valid hostname.`);
        }
    }
    deserializeMetadata(output) {
        return {
            httpStatusCode: output.statusCode,
            requestId: output.headers["x-amzn-requestid"] ?? output.headers["x-amzn-request-id"] ?? output.headers["x-amz-request-id"],
            extendedRequestId: output.headers["x-amz-id-2"],
            cfId: output.headers["x-amz-cf-id"],
        };
    }
    resolveError(name, namespaces, registries) {
        const defaultErrorSchema = [-3, "", "Error", 0, [], [], 0];
        let schema;
        for (const registry of registries) {
            for (const ns of namespaces) {
                try {
                    if (ns === "*") {
                        schema = registry.getSchema(name);
                    }
                    else {
                        schema = registry.getSchema(ns + "#" + name);
                    }
                    const errorCtor = registry.getErrorCtor(schema);
                    if (errorCtor) {
                        return [schema, errorCtor, "modeled"];
                    }
                    else {
                        const syntheticErrorSchema = registry.getBaseException();
                        if (syntheticErrorSchema) {
                            const syntheticErrorCtor = registry.getErrorCtor(syntheticErrorSchema);
                            if (syntheticErrorCtor) {
                                return [schema, syntheticErrorCtor, "synthetic"];
                            }
                        }
                    }
                }
                catch (ignored) {
                }
            }
        }
        for (const registry of registries) {
            const syntheticErrorSchema = registry.getBaseException();
            if (syntheticErrorSchema) {
                const syntheticErrorCtor = registry.getErrorCtor(syntheticErrorSchema);
                if (syntheticErrorCtor) {
                    return [syntheticErrorSchema, syntheticErrorCtor, "synthetic"];
                }
            }
        }
        return [defaultErrorSchema, Error, "native"];
    }
    async serializeEventStream({ eventStream, requestSchema, initialRequest, }) {
        const eventStreamSerde = await this.loadEventStreamCapability();
        return eventStreamSerde.serializeEventStream({
            eventStream,
            requestSchema,
            initialRequest,
        });
    }
    async deserializeEventStream({ response, responseSchema, initialResponseContainer, }) {
        const eventStreamSerde = await this.loadEventStreamCapability();
        return eventStreamSerde.deserializeEventStream({
            response,
            responseSchema,
            initialResponseContainer,
        });
    }
    async loadEventStreamCapability() {
        const { EventStreamSerde, eventStreamSerdeProvider } = await __webpack_require__.e(/* import() */ 543).then(__webpack_require__.bind(__webpack_require__, 8543));
        const marshaller = this.resolveEventStreamMarshaller(eventStreamSerdeProvider);
        return new EventStreamSerde({
            marshaller,
            serializer: this.serializer,
            deserializer: this.deserializer,
            serdeContext: this.serdeContext,
            defaultContentType: this.getDefaultContentType(),
            compositeErrorRegistry: this.compositeErrorRegistry,
        });
    }
    getDefaultContentType() {
        throw new Error(`@smithy/core/protocols - ${this.constructor.name} getDefaultContentType() implementation missing.`);
    }
    async deserializeHttpMessage(schema, context, response, arg4, arg5) {
        void schema;
        void context;
        void response;
        void arg4;
        void arg5;
        return [];
    }
    getEventStreamMarshaller() {
        const context = this.serdeContext;
        if (!context.eventStreamMarshaller) {
            throw new Error("@smithy/core - HttpProtocol: eventStreamMarshaller missing in serdeContext.");
        }
        return context.eventStreamMarshaller;
    }
    resolveEventStreamMarshaller(importedProvider) {
        const context = this.serdeContext;
        if (context.eventStreamMarshaller) {
            return context.eventStreamMarshaller;
        }
        return importedProvider(this.serdeContext);
    }
}


/***/ }),

/***/ 5506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ SerdeContext)
/* harmony export */ });
class SerdeContext {
    serdeContext;
    setSerdeContext(serdeContext) {
        this.serdeContext = serdeContext;
    }
}


/***/ }),

/***/ 9620:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ collectBody)
/* harmony export */ });
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9651);

const collectBody = async (streamBody = new Uint8Array(), context) => {
    if (streamBody instanceof Uint8Array) {
        return _smithy_core_serde__WEBPACK_IMPORTED_MODULE_0__.Uint8ArrayBlobAdapter.mutate(streamBody);
    }
    if (!streamBody) {
        return _smithy_core_serde__WEBPACK_IMPORTED_MODULE_0__.Uint8ArrayBlobAdapter.mutate(new Uint8Array());
    }
    const fromContext = context.streamCollector(streamBody);
    return _smithy_core_serde__WEBPACK_IMPORTED_MODULE_0__.Uint8ArrayBlobAdapter.mutate(await fromContext);
};


/***/ }),

/***/ 979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ extendedEncodeURIComponent)
/* harmony export */ });
function extendedEncodeURIComponent(str) {
    if (/^[\w.~-]+$/.test(str)) {
        return str;
    }
    return encodeURIComponent(str).replace(/[!'()*]/g, function (c) {
        return "%" + c.charCodeAt(0).toString(16).toUpperCase();
    });
}


/***/ }),

/***/ 7041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e6: () => (/* binding */ contentLengthMiddlewareOptions),
/* harmony export */   vK: () => (/* binding */ getContentLengthPlugin),
/* harmony export */   wE: () => (/* binding */ contentLengthMiddleware)
/* harmony export */ });
/* harmony import */ var _smithy_core_transport__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9725);

const CONTENT_LENGTH_HEADER = "content-length";
function contentLengthMiddleware(bodyLengthChecker) {
    return (next) => async (args) => {
        const request = args.request;
        if (_smithy_core_transport__WEBPACK_IMPORTED_MODULE_0__/* .HttpRequest */ .K.isInstance(request)) {
            const { body, headers } = request;
            if (body &&
                Object.keys(headers)
                    .map((str) => str.toLowerCase())
                    .indexOf(CONTENT_LENGTH_HEADER) === -1) {
                try {
                    const length = bodyLengthChecker(body);
                    if (length != null) {
                        request.headers = {
                            ...request.headers,
                            [CONTENT_LENGTH_HEADER]: String(length),
                        };
                    }
                }
                catch (ignored) {
                }
            }
        }
        return next({
            ...args,
            request,
        });
    };
}
const contentLengthMiddlewareOptions = {
    step: "build",
    tags: ["SET_CONTENT_LENGTH", "CONTENT_LENGTH"],
    name: "contentLengthMiddleware",
    override: true,
};
const getContentLengthPlugin = (options) => ({
    applyToStack: (clientStack) => {
        clientStack.add(contentLengthMiddleware(options.bodyLengthChecker), contentLengthMiddlewareOptions);
    },
});


/***/ }),

/***/ 274:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ getHttpHandlerExtensionConfiguration),
/* harmony export */   j: () => (/* binding */ resolveHttpHandlerRuntimeConfig)
/* harmony export */ });
const getHttpHandlerExtensionConfiguration = (runtimeConfig) => {
    if (runtimeConfig.logger && runtimeConfig.logger.constructor?.name !== "NoOpLogger") {
        runtimeConfig.requestHandler?.updateHttpClientConfig?.(Symbol.for("logger"), runtimeConfig.logger);
    }
    if (runtimeConfig.defaultSocketTimeout) {
        runtimeConfig.requestHandler?.updateHttpClientConfig?.(Symbol.for("@smithy/defaultSocketTimeout"), runtimeConfig.defaultSocketTimeout);
    }
    return {
        setHttpHandler(handler) {
            runtimeConfig.requestHandler = handler;
        },
        httpHandler() {
            return runtimeConfig.requestHandler;
        },
        updateHttpClientConfig(key, value) {
            runtimeConfig.requestHandler?.updateHttpClientConfig(key, value);
        },
        httpHandlerConfigs() {
            return runtimeConfig.requestHandler.httpHandlerConfigs();
        },
    };
};
const resolveHttpHandlerRuntimeConfig = (httpHandlerExtensionConfiguration) => {
    return {
        requestHandler: httpHandlerExtensionConfiguration.httpHandler(),
    };
};


/***/ }),

/***/ 2107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ buildQueryString)
/* harmony export */ });
/* harmony import */ var _util_uri_escape_escape_uri__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6856);

function buildQueryString(query) {
    const parts = [];
    for (let key of Object.keys(query).sort()) {
        const value = query[key];
        key = (0,_util_uri_escape_escape_uri__WEBPACK_IMPORTED_MODULE_0__/* .escapeUri */ .o)(key);
        if (Array.isArray(value)) {
            for (let i = 0, iLen = value.length; i < iLen; i++) {
                parts.push(`${key}=${(0,_util_uri_escape_escape_uri__WEBPACK_IMPORTED_MODULE_0__/* .escapeUri */ .o)(value[i])}`);
            }
        }
        else {
            let qsEntry = key;
            if (value || typeof value === "string") {
                qsEntry += `=${(0,_util_uri_escape_escape_uri__WEBPACK_IMPORTED_MODULE_0__/* .escapeUri */ .o)(value)}`;
            }
            parts.push(qsEntry);
        }
    }
    return parts.join("&");
}


/***/ }),

/***/ 6815:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ FromStringShapeDeserializer)
/* harmony export */ });
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9796);
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9700);
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4018);
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9809);
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1899);
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7004);
/* harmony import */ var _HttpBindingNormalizedSchema__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4699);
/* harmony import */ var _SerdeContext__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5506);



class FromStringShapeDeserializer extends _SerdeContext__WEBPACK_IMPORTED_MODULE_0__/* .SerdeContext */ .f {
    settings;
    constructor(settings) {
        super();
        this.settings = settings;
    }
    read(_schema, data) {
        const ns = _HttpBindingNormalizedSchema__WEBPACK_IMPORTED_MODULE_1__/* .HttpBindingNormalizedSchema */ .C.of(_schema);
        const traits = ns.getMergedTraits();
        const location = ns.getHttpBindingLocation(traits);
        return this.readHttpBinding(ns.getHttpBindingValue(location, traits), data, location);
    }
    readHttpBinding([ns, flags, collectionValue], data, location) {
        const schema = flags & 0xff;
        if ((schema & 0b1100_0000) === 0b0100_0000) {
            collectionValue ??= ns.getHttpBindingCollectionValue(location);
            return (0,_smithy_core_serde__WEBPACK_IMPORTED_MODULE_2__/* .splitHeader */ .G)(data).map((item) => this.readHttpBinding(collectionValue, item, location));
        }
        switch (schema) {
            case 21:
            case 42:
                return (this.serdeContext?.base64Decoder ?? _smithy_core_serde__WEBPACK_IMPORTED_MODULE_3__/* .fromBase64 */ .E)(data);
            case 4:
            case 5:
            case 6:
            case 7: {
                const bindingFormat = this.settings.httpBindings ? (flags >> 14) & 0b11 : 0;
                const format = this.settings.timestampFormat.useTrait && schema > 4
                    ? schema
                    : bindingFormat
                        ? bindingFormat + 4
                        : this.settings.timestampFormat.default;
                switch (format) {
                    case 5:
                        return (0,_smithy_core_serde__WEBPACK_IMPORTED_MODULE_4__/* ._parseRfc3339DateTimeWithOffset */ .eH)(data);
                    case 6:
                        return (0,_smithy_core_serde__WEBPACK_IMPORTED_MODULE_4__/* ._parseRfc7231DateTime */ .Gj)(data);
                    case 7:
                        return (0,_smithy_core_serde__WEBPACK_IMPORTED_MODULE_4__/* ._parseEpochTimestamp */ .UK)(data);
                    default:
                        console.warn("Missing timestamp format, parsing value with Date constructor:", data);
                        return new Date(data);
                }
            }
            case 0: {
                const media = (flags >> 8) & 0b11;
                if (!media) {
                    return data;
                }
                let intermediateValue = data;
                if ((location & 0b110) === 0b110) {
                    intermediateValue = (this.serdeContext?.utf8Encoder ?? _smithy_core_serde__WEBPACK_IMPORTED_MODULE_5__/* .toUtf8 */ .P)((this.serdeContext?.base64Decoder ?? _smithy_core_serde__WEBPACK_IMPORTED_MODULE_3__/* .fromBase64 */ .E)(intermediateValue));
                }
                return media === 2 ? _smithy_core_serde__WEBPACK_IMPORTED_MODULE_6__/* .LazyJsonString */ .A.from(intermediateValue) : intermediateValue;
            }
            case 1:
                return Number(data);
            case 2:
                return data.toLowerCase() === "true";
            case 17:
                return BigInt(data);
            case 19:
                return new _smithy_core_serde__WEBPACK_IMPORTED_MODULE_7__/* .NumericValue */ .D(data, "bigDecimal");
            default:
                return data;
        }
    }
}


/***/ }),

/***/ 6214:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ HttpInterceptingShapeDeserializer)
/* harmony export */ });
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9809);
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7332);
/* harmony import */ var _HttpBindingNormalizedSchema__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4699);
/* harmony import */ var _SerdeContext__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5506);
/* harmony import */ var _FromStringShapeDeserializer__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6815);




class HttpInterceptingShapeDeserializer extends _SerdeContext__WEBPACK_IMPORTED_MODULE_0__/* .SerdeContext */ .f {
    codecDeserializer;
    stringDeserializer;
    constructor(codecDeserializer, codecSettings) {
        super();
        this.codecDeserializer = codecDeserializer;
        this.stringDeserializer = new _FromStringShapeDeserializer__WEBPACK_IMPORTED_MODULE_1__/* .FromStringShapeDeserializer */ .k(codecSettings);
    }
    setSerdeContext(serdeContext) {
        this.stringDeserializer.setSerdeContext(serdeContext);
        this.codecDeserializer.setSerdeContext(serdeContext);
        this.serdeContext = serdeContext;
    }
    read(schema, data) {
        const ns = _HttpBindingNormalizedSchema__WEBPACK_IMPORTED_MODULE_2__/* .HttpBindingNormalizedSchema */ .C.of(schema);
        const traits = ns.getMergedTraits();
        if (traits.httpHeader || traits.httpResponseCode) {
            const value = ns.getHttpBindingValue(0b100_110, traits);
            return this.readHttpBinding(value, data, 0b100_110);
        }
        if (traits.httpPayload) {
            return this.readPayload(ns.getHttpBindingValue(0b100_100, traits), data);
        }
        return this.readCodec(ns, data);
    }
    readHttpBinding(binding, data, location) {
        const value = typeof data === "string" ? data : (this.serdeContext?.utf8Encoder ?? _smithy_core_serde__WEBPACK_IMPORTED_MODULE_3__/* .toUtf8 */ .P)(data);
        return this.stringDeserializer.readHttpBinding(binding, value, location);
    }
    readPayload([schema, flags], data) {
        const type = flags & 0xff;
        if (type === 21 || type === 42) {
            return typeof data === "string" ? (this.serdeContext?.utf8Decoder ?? _smithy_core_serde__WEBPACK_IMPORTED_MODULE_4__/* .fromUtf8 */ .a)(data) : data;
        }
        if (type === 0) {
            return typeof data === "string" ? data : (this.serdeContext?.utf8Encoder ?? _smithy_core_serde__WEBPACK_IMPORTED_MODULE_3__/* .toUtf8 */ .P)(data);
        }
        return this.readCodec(schema, data);
    }
    readCodec(schema, data) {
        return this.codecDeserializer.read(schema, data);
    }
}


/***/ }),

/***/ 2437:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ HttpInterceptingShapeSerializer)
/* harmony export */ });
/* harmony import */ var _HttpBindingNormalizedSchema__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4699);
/* harmony import */ var _ToStringShapeSerializer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9800);


class HttpInterceptingShapeSerializer {
    codecSerializer;
    stringSerializer;
    buffer;
    constructor(codecSerializer, codecSettings, stringSerializer = new _ToStringShapeSerializer__WEBPACK_IMPORTED_MODULE_0__/* .ToStringShapeSerializer */ .A(codecSettings)) {
        this.codecSerializer = codecSerializer;
        this.stringSerializer = stringSerializer;
    }
    setSerdeContext(serdeContext) {
        this.codecSerializer.setSerdeContext(serdeContext);
        this.stringSerializer.setSerdeContext(serdeContext);
    }
    write(schema, value) {
        const ns = _HttpBindingNormalizedSchema__WEBPACK_IMPORTED_MODULE_1__/* .HttpBindingNormalizedSchema */ .C.of(schema);
        const traits = ns.getMergedTraits();
        if (traits.httpHeader || traits.httpLabel || traits.httpQuery) {
            const location = ns.getHttpBindingLocation(traits);
            this.writeHttpBinding(ns.getHttpBindingValue(location, traits), value, location);
            return;
        }
        this.writeCodec(ns, value);
    }
    writeHttpBinding(binding, value, location) {
        this.stringSerializer.writeHttpBinding(binding, value, location);
        this.buffer = this.stringSerializer.flush();
    }
    writeCodec(schema, value) {
        this.codecSerializer.write(schema, value);
    }
    flush() {
        if (this.buffer !== undefined) {
            const buffer = this.buffer;
            this.buffer = undefined;
            return buffer;
        }
        return this.codecSerializer.flush();
    }
}


/***/ }),

/***/ 9800:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ ToStringShapeSerializer)
/* harmony export */ });
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4494);
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7305);
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5528);
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1899);
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9651);
/* harmony import */ var _HttpBindingNormalizedSchema__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4699);
/* harmony import */ var _SerdeContext__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5506);



class ToStringShapeSerializer extends _SerdeContext__WEBPACK_IMPORTED_MODULE_0__/* .SerdeContext */ .f {
    settings;
    stringBuffer = "";
    constructor(settings) {
        super();
        this.settings = settings;
    }
    write(schema, value) {
        const ns = _HttpBindingNormalizedSchema__WEBPACK_IMPORTED_MODULE_1__/* .HttpBindingNormalizedSchema */ .C.of(schema);
        const traits = ns.getMergedTraits();
        const location = ns.getHttpBindingLocation(traits);
        this.writeHttpBinding(ns.getHttpBindingValue(location, traits), value, location);
    }
    writeHttpBinding([ns, flags, collectionValue], value, location) {
        const schema = flags & 0xff;
        switch (typeof value) {
            case "object":
                if (value === null) {
                    this.stringBuffer = "null";
                    return;
                }
                if (schema >= 4 && schema <= 7) {
                    if (!(value instanceof Date)) {
                        throw new Error(`@smithy/core/protocols - received non-Date value ${value} when schema expected Date in ${ns.getName(true)}`);
                    }
                    const bindingFormat = this.settings.httpBindings ? (flags >> 14) & 0b11 : 0;
                    const format = this.settings.timestampFormat.useTrait && schema > 4
                        ? schema
                        : bindingFormat
                            ? bindingFormat + 4
                            : this.settings.timestampFormat.default;
                    switch (format) {
                        case 5:
                            this.stringBuffer = value.toISOString().replace(".000Z", "Z");
                            break;
                        case 6:
                            this.stringBuffer = (0,_smithy_core_serde__WEBPACK_IMPORTED_MODULE_2__/* .dateToUtcString */ .JV)(value);
                            break;
                        case 7:
                            this.stringBuffer = String(value.getTime() / 1000);
                            break;
                        default:
                            console.warn("Missing timestamp format, using epoch seconds", value);
                            this.stringBuffer = String(value.getTime() / 1000);
                    }
                    return;
                }
                if ((schema === 21 || schema === 42) &&
                    "byteLength" in value) {
                    this.stringBuffer = (this.serdeContext?.base64Encoder ?? _smithy_core_serde__WEBPACK_IMPORTED_MODULE_3__/* .toBase64 */ .n)(value);
                    return;
                }
                if ((schema & 0b1100_0000) === 0b0100_0000 && Array.isArray(value)) {
                    collectionValue ??= ns.getHttpBindingCollectionValue(location);
                    const valueSchemaType = collectionValue[1] & 0xff;
                    const isTimestamp = valueSchemaType >= 4 &&
                        valueSchemaType <= 7;
                    let buffer = "";
                    for (const item of value) {
                        this.writeHttpBinding(collectionValue, item, location);
                        const headerItem = this.flush();
                        if (buffer) {
                            buffer += ", ";
                        }
                        buffer += isTimestamp ? headerItem : (0,_smithy_core_serde__WEBPACK_IMPORTED_MODULE_4__/* .quoteHeader */ .m)(headerItem);
                    }
                    this.stringBuffer = buffer;
                    return;
                }
                this.stringBuffer = JSON.stringify(value, null, 2);
                break;
            case "string":
                const media = (flags >> 8) & 0b11;
                let intermediateValue = value;
                if (media === 2) {
                    intermediateValue = _smithy_core_serde__WEBPACK_IMPORTED_MODULE_5__/* .LazyJsonString */ .A.from(intermediateValue);
                }
                if (media && (location & 0b110) === 0b110) {
                    this.stringBuffer = (this.serdeContext?.base64Encoder ?? _smithy_core_serde__WEBPACK_IMPORTED_MODULE_3__/* .toBase64 */ .n)(intermediateValue.toString());
                    return;
                }
                this.stringBuffer = value;
                break;
            default:
                this.stringBuffer = (flags >> 10) & 1 ? (0,_smithy_core_serde__WEBPACK_IMPORTED_MODULE_6__.generateIdempotencyToken)() : String(value);
        }
    }
    flush() {
        const buffer = this.stringBuffer;
        this.stringBuffer = "";
        return buffer;
    }
}


/***/ }),

/***/ 3888:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ determineTimestampFormat)
/* harmony export */ });
function determineTimestampFormat(ns, settings) {
    if (settings.timestampFormat.useTrait) {
        const schema = ns.getSchema();
        if (schema === 5 ||
            schema === 6 ||
            schema === 7) {
            return schema;
        }
    }
    const { httpLabel, httpPrefixHeaders, httpHeader, httpQuery } = ns.getMergedTraits();
    const bindingFormat = settings.httpBindings
        ? typeof httpPrefixHeaders === "string" || Boolean(httpHeader)
            ? 6
            : Boolean(httpQuery) || Boolean(httpLabel)
                ? 5
                : undefined
        : undefined;
    return bindingFormat ?? settings.timestampFormat.default;
}


/***/ }),

/***/ 6856:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ escapeUri)
/* harmony export */ });
const escapeUri = (uri) => encodeURIComponent(uri).replace(/[!'()*]/g, hexEncode);
const hexEncode = (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;


/***/ }),

/***/ 5261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AdaptiveRetryStrategy: () => (/* reexport */ AdaptiveRetryStrategy/* AdaptiveRetryStrategy */.Y),
  CONFIG_MAX_ATTEMPTS: () => (/* reexport */ configurations/* CONFIG_MAX_ATTEMPTS */.RK),
  CONFIG_RETRY_MODE: () => (/* reexport */ configurations/* CONFIG_RETRY_MODE */.iW),
  ConfiguredRetryStrategy: () => (/* reexport */ ConfiguredRetryStrategy),
  DEFAULT_MAX_ATTEMPTS: () => (/* reexport */ config/* DEFAULT_MAX_ATTEMPTS */.Gz),
  DEFAULT_RETRY_DELAY_BASE: () => (/* reexport */ constants/* DEFAULT_RETRY_DELAY_BASE */.bp),
  DEFAULT_RETRY_MODE: () => (/* reexport */ config/* DEFAULT_RETRY_MODE */.L0),
  DefaultRateLimiter: () => (/* reexport */ DefaultRateLimiter/* DefaultRateLimiter */.Q),
  DeprecatedAdaptiveRetryStrategy: () => (/* reexport */ AdaptiveRetryStrategy_AdaptiveRetryStrategy),
  DeprecatedStandardRetryStrategy: () => (/* reexport */ StandardRetryStrategy_StandardRetryStrategy),
  ENV_MAX_ATTEMPTS: () => (/* reexport */ configurations/* ENV_MAX_ATTEMPTS */.Sk),
  ENV_RETRY_MODE: () => (/* reexport */ configurations/* ENV_RETRY_MODE */.Jw),
  INITIAL_RETRY_TOKENS: () => (/* reexport */ constants/* INITIAL_RETRY_TOKENS */.Df),
  INVOCATION_ID_HEADER: () => (/* reexport */ constants/* INVOCATION_ID_HEADER */.l5),
  MAXIMUM_RETRY_DELAY: () => (/* reexport */ constants/* MAXIMUM_RETRY_DELAY */.G8),
  NODE_MAX_ATTEMPT_CONFIG_OPTIONS: () => (/* reexport */ configurations/* NODE_MAX_ATTEMPT_CONFIG_OPTIONS */.qs),
  NODE_RETRY_MODE_CONFIG_OPTIONS: () => (/* reexport */ configurations/* NODE_RETRY_MODE_CONFIG_OPTIONS */.kN),
  NO_RETRY_INCREMENT: () => (/* reexport */ constants/* NO_RETRY_INCREMENT */.XP),
  REQUEST_HEADER: () => (/* reexport */ constants/* REQUEST_HEADER */.ok),
  RETRY_COST: () => (/* reexport */ constants/* RETRY_COST */.XS),
  RETRY_MODES: () => (/* reexport */ config/* RETRY_MODES */.cm),
  Retry: () => (/* reexport */ retries_2026_config/* Retry */.f),
  StandardRetryStrategy: () => (/* reexport */ StandardRetryStrategy/* StandardRetryStrategy */.r),
  THROTTLING_RETRY_DELAY_BASE: () => (/* reexport */ constants/* THROTTLING_RETRY_DELAY_BASE */.jh),
  TIMEOUT_RETRY_COST: () => (/* reexport */ constants/* TIMEOUT_RETRY_COST */.Rn),
  defaultDelayDecider: () => (/* reexport */ defaultDelayDecider),
  defaultRetryDecider: () => (/* reexport */ defaultRetryDecider),
  getOmitRetryHeadersPlugin: () => (/* reexport */ getOmitRetryHeadersPlugin),
  getRetryAfterHint: () => (/* reexport */ getRetryAfterHint),
  getRetryPlugin: () => (/* binding */ getRetryPlugin),
  isBrowserNetworkError: () => (/* reexport */ service_error_classification/* isBrowserNetworkError */.NL),
  isClockSkewCorrectedError: () => (/* reexport */ service_error_classification/* isClockSkewCorrectedError */.Wg),
  isClockSkewError: () => (/* reexport */ service_error_classification/* isClockSkewError */.h5),
  isNodeJsHttp2TransientError: () => (/* reexport */ service_error_classification/* isNodeJsHttp2TransientError */.ye),
  isRetryableByTrait: () => (/* reexport */ service_error_classification/* isRetryableByTrait */.S0),
  isServerError: () => (/* reexport */ service_error_classification/* isServerError */.GQ),
  isThrottlingError: () => (/* reexport */ service_error_classification/* isThrottlingError */.Qb),
  isTransientError: () => (/* reexport */ service_error_classification/* isTransientError */.bV),
  omitRetryHeadersMiddleware: () => (/* reexport */ omitRetryHeadersMiddleware),
  omitRetryHeadersMiddlewareOptions: () => (/* reexport */ omitRetryHeadersMiddlewareOptions),
  resolveRetryConfig: () => (/* reexport */ configurations/* resolveRetryConfig */.$z),
  retryMiddleware: () => (/* binding */ retryMiddleware),
  retryMiddlewareOptions: () => (/* reexport */ retryMiddlewareOptions)
});

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/isStreamingPayload/isStreamingPayload.js

const isStreamingPayload = (request) => request?.body instanceof external_node_stream_.Readable ||
    (typeof ReadableStream !== "undefined" && request?.body instanceof ReadableStream);

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/client/smithy-client/NoOpLogger.js
var NoOpLogger = __webpack_require__(7545);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/httpRequest.js
var httpRequest = __webpack_require__(9725);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/index.js + 20 modules
var serde = __webpack_require__(9651);
// EXTERNAL MODULE: ./node_modules/@smithy/types/dist-es/middleware.js
var middleware = __webpack_require__(7418);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/service-error-classification/service-error-classification.js + 1 modules
var service_error_classification = __webpack_require__(6878);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/util-retry/race.js
const race = (promise, signal) => {
    if (!signal) {
        return promise;
    }
    let cleanup = () => { };
    const aborted = new Promise((_, reject) => {
        const handler = () => reject(createAbortError(signal));
        if (signal.aborted) {
            handler();
        }
        else if (typeof signal.addEventListener === "function") {
            signal.addEventListener("abort", handler, { once: true });
            cleanup = () => signal.removeEventListener("abort", handler);
        }
        else {
            signal.onabort = handler;
        }
    });
    return Promise.race([promise, aborted]).finally(cleanup);
};
const createAbortError = (signal) => {
    const reason = signal.reason;
    if (reason instanceof Error) {
        return Object.assign(new Error("Request aborted"), { name: "AbortError", cause: reason });
    }
    return Object.assign(new Error(reason ? String(reason) : "Request aborted"), { name: "AbortError" });
};
const isAbortError = (error) => typeof error === "object" && error !== null && "name" in error && error.name === "AbortError";

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/util-retry/constants.js
var constants = __webpack_require__(2814);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/hasOwn.js
var hasOwn = __webpack_require__(2990);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/httpResponse.js
var httpResponse = __webpack_require__(5401);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/date-utils.js
var date_utils = __webpack_require__(4494);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/parseRetryAfterHeader.js



function parseRetryAfterHeader(response, logger) {
    if (!httpResponse/* HttpResponse */.c.isInstance(response)) {
        return;
    }
    for (const header in response.headers) {
        if (!(0,hasOwn/* hasOwn */.$)(response.headers, header)) {
            continue;
        }
        const h = header.toLowerCase();
        if (h === "retry-after") {
            const retryAfter = response.headers[header];
            let retryAfterSeconds = NaN;
            if (retryAfter.endsWith("GMT")) {
                try {
                    const date = (0,date_utils/* parseRfc7231DateTime */.xE)(retryAfter);
                    retryAfterSeconds = (date.getTime() - Date.now()) / 1000;
                }
                catch (e) {
                    logger?.trace?.("Failed to parse retry-after header");
                    logger?.trace?.(e);
                }
            }
            else if (retryAfter.match(/ GMT, ((\d+)|(\d+\.\d+))$/)) {
                retryAfterSeconds = Number(retryAfter.match(/ GMT, ([\d.]+)$/)?.[1]);
            }
            else if (retryAfter.match(/^((\d+)|(\d+\.\d+))$/)) {
                retryAfterSeconds = Number(retryAfter);
            }
            else if (Date.parse(retryAfter) >= Date.now()) {
                retryAfterSeconds = (Date.parse(retryAfter) - Date.now()) / 1000;
            }
            if (isNaN(retryAfterSeconds)) {
                return;
            }
            return new Date(Date.now() + retryAfterSeconds * 1000);
        }
        else if (h === "x-amz-retry-after") {
            const v = response.headers[header];
            const backoffMilliseconds = Number(v);
            if (isNaN(backoffMilliseconds)) {
                logger?.trace?.(`Failed to parse x-amz-retry-after=${v}`);
                return;
            }
            return new Date(Date.now() + backoffMilliseconds);
        }
    }
}
function getRetryAfterHint(response, logger) {
    return parseRetryAfterHeader(response, logger);
}

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/util.js
const asSdkError = (error) => {
    if (error instanceof Error) {
        return error;
    }
    if (error instanceof Object) {
        return Object.assign(new Error(), error);
    }
    if (typeof error === "string") {
        return new Error(error);
    }
    return new Error(`AWS SDK error wrapper for ${error}`);
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/retryMiddleware.js









function bindRetryMiddleware(isStreamingPayload) {
    return (options) => (next, context) => async (args) => {
        let retryStrategy = await options.retryStrategy();
        const maxAttempts = await options.maxAttempts();
        const abortSignal = context[middleware/* SMITHY_CONTEXT_KEY */.V]?.abortSignal;
        if (isRetryStrategyV2(retryStrategy)) {
            retryStrategy = retryStrategy;
            const retryTokenScope = (context["partition_id"] ?? "") + (context.__retryLongPoll ? ":longpoll" : "");
            let retryToken = await race(retryStrategy.acquireInitialRetryToken(retryTokenScope), abortSignal);
            let lastError = new Error();
            let attempts = 0;
            let totalRetryDelay = 0;
            const { request } = args;
            const isRequest = httpRequest/* HttpRequest */.K.isInstance(request);
            if (isRequest) {
                request.headers[constants/* INVOCATION_ID_HEADER */.l5] = (0,serde.v4)();
            }
            while (true) {
                try {
                    if (isRequest) {
                        request.headers[constants/* REQUEST_HEADER */.ok] = `attempt=${attempts + 1}; max=${maxAttempts}`;
                    }
                    const { response, output } = await next(args);
                    retryStrategy.recordSuccess(retryToken);
                    output.$metadata.attempts = attempts + 1;
                    output.$metadata.totalRetryDelay = totalRetryDelay;
                    return { response, output };
                }
                catch (e) {
                    const retryErrorInfo = getRetryErrorInfo(e, options.logger);
                    lastError = asSdkError(e);
                    if (isRequest && isStreamingPayload(request)) {
                        (context.logger instanceof NoOpLogger/* NoOpLogger */.N ? console : context.logger)?.warn("An error was encountered in a non-retryable streaming request.");
                        throw lastError;
                    }
                    try {
                        if (abortSignal?.aborted) {
                            throw lastError;
                        }
                        retryToken = await race(retryStrategy.refreshRetryTokenForRetry(retryToken, retryErrorInfo), abortSignal);
                    }
                    catch (refreshError) {
                        if (refreshError !== lastError && abortSignal?.aborted && isAbortError(refreshError)) {
                            throw refreshError;
                        }
                        if (!lastError.$metadata) {
                            lastError.$metadata = {};
                        }
                        lastError.$metadata.attempts = attempts + 1;
                        lastError.$metadata.totalRetryDelay = totalRetryDelay;
                        throw lastError;
                    }
                    attempts = retryToken.getRetryCount();
                    const delay = retryToken.getRetryDelay();
                    totalRetryDelay += (retryToken?.$retryLog?.acquisitionDelay ?? 0) + delay;
                    if (delay > 0) {
                        await race(new Promise((resolve) => setTimeout(resolve, delay)), abortSignal);
                    }
                }
            }
        }
        else {
            retryStrategy = retryStrategy;
            if (retryStrategy?.mode) {
                context.userAgent = [...(context.userAgent || []), ["cfg/retry-mode", retryStrategy.mode]];
            }
            return retryStrategy.retry(next, args);
        }
    };
}
const isRetryStrategyV2 = (retryStrategy) => typeof retryStrategy.acquireInitialRetryToken !== "undefined" &&
    typeof retryStrategy.refreshRetryTokenForRetry !== "undefined" &&
    typeof retryStrategy.recordSuccess !== "undefined";
const getRetryErrorInfo = (error, logger) => {
    const errorInfo = {
        error,
        errorType: getRetryErrorType(error),
    };
    const retryAfterHint = parseRetryAfterHeader(error.$response, logger);
    if (retryAfterHint) {
        errorInfo.retryAfterHint = retryAfterHint;
    }
    return errorInfo;
};
const getRetryErrorType = (error) => {
    if ((0,service_error_classification/* isThrottlingError */.Qb)(error)) {
        return "THROTTLING";
    }
    if ((0,service_error_classification/* isTransientError */.bV)(error)) {
        return "TRANSIENT";
    }
    if ((0,service_error_classification/* isServerError */.GQ)(error)) {
        return "SERVER_ERROR";
    }
    return "CLIENT_ERROR";
};
const retryMiddlewareOptions = {
    name: "retryMiddleware",
    tags: ["RETRY"],
    step: "finalizeRequest",
    priority: "high",
    override: true,
};
function bindGetRetryPlugin(isStreamingPayload) {
    const retryMiddleware = bindRetryMiddleware(isStreamingPayload);
    return (options) => ({
        applyToStack: (clientStack) => {
            clientStack.add(retryMiddleware(options), retryMiddlewareOptions);
        },
    });
}

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/util-retry/AdaptiveRetryStrategy.js
var AdaptiveRetryStrategy = __webpack_require__(7914);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/util-retry/StandardRetryStrategy.js + 2 modules
var StandardRetryStrategy = __webpack_require__(9191);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/util-retry/retries-2026-config.js
var retries_2026_config = __webpack_require__(1683);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/util-retry/ConfiguredRetryStrategy.js


class ConfiguredRetryStrategy extends StandardRetryStrategy/* StandardRetryStrategy */.r {
    computeNextBackoffDelay;
    constructor(maxAttempts, computeNextBackoffDelay = retries_2026_config/* Retry */.f.delay()) {
        super(typeof maxAttempts === "function" ? maxAttempts : async () => maxAttempts);
        if (typeof computeNextBackoffDelay === "number") {
            this.computeNextBackoffDelay = () => computeNextBackoffDelay;
        }
        else {
            this.computeNextBackoffDelay = computeNextBackoffDelay;
        }
        this.retryBackoffStrategy.computeNextBackoffDelay = (completedAttempt) => {
            const nextAttempt = completedAttempt + 1;
            return this.computeNextBackoffDelay(nextAttempt);
        };
    }
}

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/util-retry/DefaultRateLimiter.js
var DefaultRateLimiter = __webpack_require__(8566);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/util-retry/config.js
var config = __webpack_require__(4353);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/retry-pre-sra-deprecated/defaultRetryQuota.js

const getDefaultRetryQuota = (initialRetryTokens, options) => {
    const MAX_CAPACITY = initialRetryTokens;
    const noRetryIncrement = options?.noRetryIncrement ?? constants/* NO_RETRY_INCREMENT */.XP;
    const retryCost = options?.retryCost ?? constants/* RETRY_COST */.XS;
    const timeoutRetryCost = options?.timeoutRetryCost ?? constants/* TIMEOUT_RETRY_COST */.Rn;
    let availableCapacity = initialRetryTokens;
    const getCapacityAmount = (error) => (error.name === "TimeoutError" ? timeoutRetryCost : retryCost);
    const hasRetryTokens = (error) => getCapacityAmount(error) <= availableCapacity;
    const retrieveRetryTokens = (error) => {
        if (!hasRetryTokens(error)) {
            throw new Error("No retry token available");
        }
        const capacityAmount = getCapacityAmount(error);
        availableCapacity -= capacityAmount;
        return capacityAmount;
    };
    const releaseRetryTokens = (capacityReleaseAmount) => {
        availableCapacity += capacityReleaseAmount ?? noRetryIncrement;
        availableCapacity = Math.min(availableCapacity, MAX_CAPACITY);
    };
    return Object.freeze({
        hasRetryTokens,
        retrieveRetryTokens,
        releaseRetryTokens,
    });
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/retry-pre-sra-deprecated/delayDecider.js

const defaultDelayDecider = (delayBase, attempts) => Math.floor(Math.min(constants/* MAXIMUM_RETRY_DELAY */.G8, Math.random() * 2 ** attempts * delayBase));

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/retry-pre-sra-deprecated/retryDecider.js

const defaultRetryDecider = (error) => {
    if (!error) {
        return false;
    }
    return (0,service_error_classification/* isRetryableByTrait */.S0)(error) || (0,service_error_classification/* isClockSkewError */.h5)(error) || (0,service_error_classification/* isThrottlingError */.Qb)(error) || (0,service_error_classification/* isTransientError */.bV)(error);
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/retry-pre-sra-deprecated/StandardRetryStrategy.js









class StandardRetryStrategy_StandardRetryStrategy {
    maxAttemptsProvider;
    retryDecider;
    delayDecider;
    retryQuota;
    mode = config/* RETRY_MODES */.cm.STANDARD;
    constructor(maxAttemptsProvider, options) {
        this.maxAttemptsProvider = maxAttemptsProvider;
        this.retryDecider = options?.retryDecider ?? defaultRetryDecider;
        this.delayDecider = options?.delayDecider ?? defaultDelayDecider;
        this.retryQuota = options?.retryQuota ?? getDefaultRetryQuota(constants/* INITIAL_RETRY_TOKENS */.Df);
    }
    shouldRetry(error, attempts, maxAttempts) {
        return attempts < maxAttempts && this.retryDecider(error) && this.retryQuota.hasRetryTokens(error);
    }
    async getMaxAttempts() {
        let maxAttempts;
        try {
            maxAttempts = await this.maxAttemptsProvider();
        }
        catch (ignored) {
            maxAttempts = config/* DEFAULT_MAX_ATTEMPTS */.Gz;
        }
        return maxAttempts;
    }
    async retry(next, args, options) {
        let retryTokenAmount;
        let attempts = 0;
        let totalDelay = 0;
        const maxAttempts = await this.getMaxAttempts();
        const { request } = args;
        if (httpRequest/* HttpRequest */.K.isInstance(request)) {
            request.headers[constants/* INVOCATION_ID_HEADER */.l5] = (0,serde.v4)();
        }
        while (true) {
            try {
                if (httpRequest/* HttpRequest */.K.isInstance(request)) {
                    request.headers[constants/* REQUEST_HEADER */.ok] = `attempt=${attempts + 1}; max=${maxAttempts}`;
                }
                if (options?.beforeRequest) {
                    await options.beforeRequest();
                }
                const { response, output } = await next(args);
                if (options?.afterRequest) {
                    options.afterRequest(response);
                }
                this.retryQuota.releaseRetryTokens(retryTokenAmount);
                output.$metadata.attempts = attempts + 1;
                output.$metadata.totalRetryDelay = totalDelay;
                return { response, output };
            }
            catch (e) {
                const err = asSdkError(e);
                attempts++;
                if (this.shouldRetry(err, attempts, maxAttempts)) {
                    retryTokenAmount = this.retryQuota.retrieveRetryTokens(err);
                    const delayFromDecider = this.delayDecider((0,service_error_classification/* isThrottlingError */.Qb)(err) ? constants/* THROTTLING_RETRY_DELAY_BASE */.jh : constants/* DEFAULT_RETRY_DELAY_BASE */.bp, attempts);
                    const delayFromResponse = getDelayFromRetryAfterHeader(err.$response);
                    const delay = Math.max(delayFromResponse || 0, delayFromDecider);
                    totalDelay += delay;
                    await new Promise((resolve) => setTimeout(resolve, delay));
                    continue;
                }
                if (!err.$metadata) {
                    err.$metadata = {};
                }
                err.$metadata.attempts = attempts;
                err.$metadata.totalRetryDelay = totalDelay;
                throw err;
            }
        }
    }
}
const getDelayFromRetryAfterHeader = (response) => {
    if (!httpResponse/* HttpResponse */.c.isInstance(response)) {
        return;
    }
    const retryAfterHeaderName = Object.keys(response.headers).find((key) => key.toLowerCase() === "retry-after");
    if (!retryAfterHeaderName) {
        return;
    }
    const retryAfter = response.headers[retryAfterHeaderName];
    const retryAfterSeconds = Number(retryAfter);
    if (!Number.isNaN(retryAfterSeconds)) {
        return Math.min(retryAfterSeconds * 1000, 20_000);
    }
    const retryAfterDate = new Date(retryAfter);
    return Math.min(retryAfterDate.getTime() - Date.now(), 20_000);
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/retry-pre-sra-deprecated/AdaptiveRetryStrategy.js



class AdaptiveRetryStrategy_AdaptiveRetryStrategy extends StandardRetryStrategy_StandardRetryStrategy {
    rateLimiter;
    constructor(maxAttemptsProvider, options) {
        const { rateLimiter, ...superOptions } = options ?? {};
        super(maxAttemptsProvider, superOptions);
        this.rateLimiter = rateLimiter ?? new DefaultRateLimiter/* DefaultRateLimiter */.Q();
        this.mode = config/* RETRY_MODES */.cm.ADAPTIVE;
    }
    async retry(next, args) {
        return super.retry(next, args, {
            beforeRequest: async () => {
                return this.rateLimiter.getSendToken();
            },
            afterRequest: (response) => {
                this.rateLimiter.updateClientSendingRate(response);
            },
        });
    }
}

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/configurations.js
var configurations = __webpack_require__(8324);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/omitRetryHeadersMiddleware.js


const omitRetryHeadersMiddleware = () => (next) => async (args) => {
    const { request } = args;
    if (httpRequest/* HttpRequest */.K.isInstance(request)) {
        delete request.headers[constants/* INVOCATION_ID_HEADER */.l5];
        delete request.headers[constants/* REQUEST_HEADER */.ok];
    }
    return next(args);
};
const omitRetryHeadersMiddlewareOptions = {
    name: "omitRetryHeadersMiddleware",
    tags: ["RETRY", "HEADERS", "OMIT_RETRY_HEADERS"],
    relation: "before",
    toMiddleware: "awsAuthMiddleware",
    override: true,
};
const getOmitRetryHeadersPlugin = (options) => ({
    applyToStack: (clientStack) => {
        clientStack.addRelativeTo(omitRetryHeadersMiddleware(), omitRetryHeadersMiddlewareOptions);
    },
});

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/index.js


















const retryMiddleware = bindRetryMiddleware(isStreamingPayload);
const getRetryPlugin = bindGetRetryPlugin(isStreamingPayload);


/***/ }),

/***/ 8324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $z: () => (/* binding */ resolveRetryConfig),
/* harmony export */   Jw: () => (/* binding */ ENV_RETRY_MODE),
/* harmony export */   RK: () => (/* binding */ CONFIG_MAX_ATTEMPTS),
/* harmony export */   Sk: () => (/* binding */ ENV_MAX_ATTEMPTS),
/* harmony export */   iW: () => (/* binding */ CONFIG_RETRY_MODE),
/* harmony export */   kN: () => (/* binding */ NODE_RETRY_MODE_CONFIG_OPTIONS),
/* harmony export */   qs: () => (/* binding */ NODE_MAX_ATTEMPT_CONFIG_OPTIONS)
/* harmony export */ });
/* harmony import */ var _smithy_core_client__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9362);
/* harmony import */ var _util_retry_AdaptiveRetryStrategy__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7914);
/* harmony import */ var _util_retry_StandardRetryStrategy__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9191);
/* harmony import */ var _util_retry_config__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4353);
/* harmony import */ var _util_retry_retries_2026_config__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1683);





const ENV_MAX_ATTEMPTS = "AWS_MAX_ATTEMPTS";
const CONFIG_MAX_ATTEMPTS = "max_attempts";
const NODE_MAX_ATTEMPT_CONFIG_OPTIONS = {
    environmentVariableSelector: (env) => {
        const value = env[ENV_MAX_ATTEMPTS];
        if (!value) {
            return undefined;
        }
        const maxAttempt = parseInt(value);
        if (Number.isNaN(maxAttempt)) {
            throw new Error(`Environment variable ${ENV_MAX_ATTEMPTS} mast be a number, got "${value}"`);
        }
        return maxAttempt;
    },
    configFileSelector: (profile) => {
        const value = profile[CONFIG_MAX_ATTEMPTS];
        if (!value) {
            return undefined;
        }
        const maxAttempt = parseInt(value);
        if (Number.isNaN(maxAttempt)) {
            throw new Error(`Shared config file entry ${CONFIG_MAX_ATTEMPTS} mast be a number, got "${value}"`);
        }
        return maxAttempt;
    },
    default: _util_retry_config__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_MAX_ATTEMPTS */ .Gz,
};
const resolveRetryConfig = (input, defaults) => {
    const { retryStrategy, retryMode } = input;
    const { defaultMaxAttempts = _util_retry_config__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_MAX_ATTEMPTS */ .Gz, defaultBaseDelay = _util_retry_retries_2026_config__WEBPACK_IMPORTED_MODULE_1__/* .Retry */ .f.delay() } = defaults ?? {};
    const maxAttemptsProvider = (0,_smithy_core_client__WEBPACK_IMPORTED_MODULE_2__/* .normalizeProvider */ .t)(input.maxAttempts ?? defaultMaxAttempts);
    let controller = retryStrategy
        ? Promise.resolve(retryStrategy)
        : undefined;
    const getDefault = async () => {
        const maxAttempts = await maxAttemptsProvider();
        const adaptive = (await (0,_smithy_core_client__WEBPACK_IMPORTED_MODULE_2__/* .normalizeProvider */ .t)(retryMode)()) === _util_retry_config__WEBPACK_IMPORTED_MODULE_0__/* .RETRY_MODES */ .cm.ADAPTIVE;
        if (adaptive) {
            return new _util_retry_AdaptiveRetryStrategy__WEBPACK_IMPORTED_MODULE_3__/* .AdaptiveRetryStrategy */ .Y(maxAttemptsProvider, {
                maxAttempts,
                baseDelay: defaultBaseDelay,
            });
        }
        return new _util_retry_StandardRetryStrategy__WEBPACK_IMPORTED_MODULE_4__/* .StandardRetryStrategy */ .r({
            maxAttempts,
            baseDelay: defaultBaseDelay,
        });
    };
    return Object.assign(input, {
        maxAttempts: maxAttemptsProvider,
        retryStrategy: () => (controller ??= getDefault()),
    });
};
const ENV_RETRY_MODE = "AWS_RETRY_MODE";
const CONFIG_RETRY_MODE = "retry_mode";
const NODE_RETRY_MODE_CONFIG_OPTIONS = {
    environmentVariableSelector: (env) => env[ENV_RETRY_MODE],
    configFileSelector: (profile) => profile[CONFIG_RETRY_MODE],
    default: _util_retry_config__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_RETRY_MODE */ .L0,
};


/***/ }),

/***/ 6878:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  NL: () => (/* binding */ isBrowserNetworkError),
  Wg: () => (/* binding */ isClockSkewCorrectedError),
  h5: () => (/* binding */ isClockSkewError),
  ye: () => (/* binding */ isNodeJsHttp2TransientError),
  S0: () => (/* binding */ isRetryableByTrait),
  GQ: () => (/* binding */ isServerError),
  Qb: () => (/* binding */ isThrottlingError),
  bV: () => (/* binding */ isTransientError)
});

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/service-error-classification/constants.js
const CLOCK_SKEW_ERROR_CODES = [
    "AccessDeniedException",
    "AuthFailure",
    "InvalidSignatureException",
    "RequestExpired",
    "RequestInTheFuture",
    "RequestTimeTooSkewed",
    "SignatureDoesNotMatch",
];
const THROTTLING_ERROR_CODES = [
    "BandwidthLimitExceeded",
    "EC2ThrottledException",
    "LimitExceededException",
    "PriorRequestNotComplete",
    "ProvisionedThroughputExceededException",
    "RequestLimitExceeded",
    "RequestThrottled",
    "RequestThrottledException",
    "SlowDown",
    "ThrottledException",
    "Throttling",
    "ThrottlingException",
    "TooManyRequestsException",
    "TransactionInProgressException",
];
const TRANSIENT_ERROR_CODES = ["TimeoutError", "RequestTimeout", "RequestTimeoutException"];
const TRANSIENT_ERROR_STATUS_CODES = [500, 502, 503, 504];
const NODEJS_TIMEOUT_ERROR_CODES = ["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT"];
const NODEJS_NETWORK_ERROR_CODES = ["EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"];

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/service-error-classification/service-error-classification.js

const isRetryableByTrait = (error) => error?.$retryable !== undefined;
const isClockSkewError = (error) => CLOCK_SKEW_ERROR_CODES.includes(error.name);
const isClockSkewCorrectedError = (error) => error.$metadata?.clockSkewCorrected;
const isBrowserNetworkError = (error) => {
    const errorMessages = new Set([
        "Failed to fetch",
        "NetworkError when attempting to fetch resource",
        "The Internet connection appears to be offline",
        "Load failed",
        "Network request failed",
    ]);
    const isValid = error && error instanceof TypeError;
    if (!isValid) {
        return false;
    }
    return errorMessages.has(error.message);
};
const isThrottlingError = (error) => error.$metadata?.httpStatusCode === 429 ||
    THROTTLING_ERROR_CODES.includes(error.name) ||
    error.$retryable?.throttling == true;
const isTransientError = (error, depth = 0) => error?.name !== "AbortError" &&
    (isRetryableByTrait(error) ||
        isClockSkewCorrectedError(error) ||
        (error.name === "InvalidSignatureException" && error.message?.includes("Signature expired")) ||
        TRANSIENT_ERROR_CODES.includes(error.name) ||
        NODEJS_TIMEOUT_ERROR_CODES.includes(error?.code || "") ||
        NODEJS_NETWORK_ERROR_CODES.includes(error?.code || "") ||
        TRANSIENT_ERROR_STATUS_CODES.includes(error.$metadata?.httpStatusCode || 0) ||
        isBrowserNetworkError(error) ||
        isNodeJsHttp2TransientError(error) ||
        (error.cause !== undefined && depth <= 10 && isTransientError(error.cause, depth + 1)));
const isServerError = (error) => {
    if (error.$metadata?.httpStatusCode !== undefined) {
        const statusCode = error.$metadata.httpStatusCode;
        if (500 <= statusCode && statusCode <= 599 && !isTransientError(error)) {
            return true;
        }
        return false;
    }
    return false;
};
function isNodeJsHttp2TransientError(error) {
    return error.code === "ERR_HTTP2_STREAM_ERROR" && error.message.includes("NGHTTP2_REFUSED_STREAM");
}


/***/ }),

/***/ 7914:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ AdaptiveRetryStrategy)
/* harmony export */ });
/* harmony import */ var _DefaultRateLimiter__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8566);
/* harmony import */ var _StandardRetryStrategy__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9191);
/* harmony import */ var _config__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4353);



class AdaptiveRetryStrategy {
    mode = _config__WEBPACK_IMPORTED_MODULE_0__/* .RETRY_MODES */ .cm.ADAPTIVE;
    rateLimiter;
    standardRetryStrategy;
    constructor(maxAttemptsProvider, options) {
        const { rateLimiter } = options ?? {};
        this.rateLimiter = rateLimiter ?? new _DefaultRateLimiter__WEBPACK_IMPORTED_MODULE_1__/* .DefaultRateLimiter */ .Q();
        this.standardRetryStrategy = options
            ? new _StandardRetryStrategy__WEBPACK_IMPORTED_MODULE_2__/* .StandardRetryStrategy */ .r({
                maxAttempts: typeof maxAttemptsProvider === "number" ? maxAttemptsProvider : 3,
                ...options,
            })
            : new _StandardRetryStrategy__WEBPACK_IMPORTED_MODULE_2__/* .StandardRetryStrategy */ .r(maxAttemptsProvider);
    }
    async acquireInitialRetryToken(retryTokenScope) {
        const token = await this.standardRetryStrategy.acquireInitialRetryToken(retryTokenScope);
        await this.rateLimiter.getSendToken();
        return token;
    }
    async refreshRetryTokenForRetry(tokenToRenew, errorInfo) {
        this.rateLimiter.updateClientSendingRate(errorInfo);
        const token = await this.standardRetryStrategy.refreshRetryTokenForRetry(tokenToRenew, errorInfo);
        await this.rateLimiter.getSendToken();
        return token;
    }
    recordSuccess(token) {
        this.rateLimiter.updateClientSendingRate({});
        this.standardRetryStrategy.recordSuccess(token);
    }
    async maxAttemptsProvider() {
        return this.standardRetryStrategy.maxAttempts();
    }
}


/***/ }),

/***/ 8566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ DefaultRateLimiter)
/* harmony export */ });
/* harmony import */ var _service_error_classification_service_error_classification__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6878);

class DefaultRateLimiter {
    static setTimeoutFn = (fn, delay) => setTimeout(fn, delay);
    beta;
    minCapacity;
    minFillRate;
    scaleConstant;
    smooth;
    enabled = false;
    availableTokens = 0;
    lastMaxRate = 0;
    measuredTxRate = 0;
    requestCount = 0;
    fillRate;
    lastThrottleTime;
    lastTimestamp = 0;
    lastTxRateBucket;
    maxCapacity;
    timeWindow = 0;
    constructor(options) {
        this.beta = options?.beta ?? 0.7;
        this.minCapacity = options?.minCapacity ?? 1;
        this.minFillRate = options?.minFillRate ?? 0.5;
        this.scaleConstant = options?.scaleConstant ?? 0.4;
        this.smooth = options?.smooth ?? 0.8;
        this.lastThrottleTime = this.getCurrentTimeInSeconds();
        this.lastTxRateBucket = Math.floor(this.getCurrentTimeInSeconds());
        this.fillRate = this.minFillRate;
        this.maxCapacity = this.minCapacity;
    }
    async getSendToken() {
        return this.acquireTokenBucket(1);
    }
    updateClientSendingRate(response) {
        let calculatedRate;
        this.updateMeasuredRate();
        const retryErrorInfo = response;
        const isThrottling = retryErrorInfo?.errorType === "THROTTLING" || (0,_service_error_classification_service_error_classification__WEBPACK_IMPORTED_MODULE_0__/* .isThrottlingError */ .Qb)(retryErrorInfo?.error ?? response);
        if (isThrottling) {
            const rateToUse = !this.enabled ? this.measuredTxRate : Math.min(this.measuredTxRate, this.fillRate);
            this.lastMaxRate = rateToUse;
            this.calculateTimeWindow();
            this.lastThrottleTime = this.getCurrentTimeInSeconds();
            calculatedRate = this.cubicThrottle(rateToUse);
            this.enableTokenBucket();
        }
        else {
            this.calculateTimeWindow();
            calculatedRate = this.cubicSuccess(this.getCurrentTimeInSeconds());
        }
        const newRate = Math.min(calculatedRate, 2 * this.measuredTxRate);
        this.updateTokenBucketRate(newRate);
    }
    getCurrentTimeInSeconds() {
        return Date.now() / 1000;
    }
    async acquireTokenBucket(amount) {
        if (!this.enabled) {
            return;
        }
        this.refillTokenBucket();
        while (amount > this.availableTokens) {
            const delay = ((amount - this.availableTokens) / this.fillRate) * 1000;
            await new Promise((resolve) => DefaultRateLimiter.setTimeoutFn(resolve, delay));
            this.refillTokenBucket();
        }
        this.availableTokens = this.availableTokens - amount;
    }
    refillTokenBucket() {
        const timestamp = this.getCurrentTimeInSeconds();
        if (!this.lastTimestamp) {
            this.lastTimestamp = timestamp;
            return;
        }
        const fillAmount = (timestamp - this.lastTimestamp) * this.fillRate;
        this.availableTokens = Math.min(this.maxCapacity, this.availableTokens + fillAmount);
        this.lastTimestamp = timestamp;
    }
    calculateTimeWindow() {
        this.timeWindow = this.getPrecise(Math.pow((this.lastMaxRate * (1 - this.beta)) / this.scaleConstant, 1 / 3));
    }
    cubicThrottle(rateToUse) {
        return this.getPrecise(rateToUse * this.beta);
    }
    cubicSuccess(timestamp) {
        return this.getPrecise(this.scaleConstant * Math.pow(timestamp - this.lastThrottleTime - this.timeWindow, 3) + this.lastMaxRate);
    }
    enableTokenBucket() {
        this.enabled = true;
    }
    updateTokenBucketRate(newRate) {
        this.refillTokenBucket();
        this.fillRate = Math.max(newRate, this.minFillRate);
        this.maxCapacity = Math.max(newRate, this.minCapacity);
        this.availableTokens = Math.min(this.availableTokens, this.maxCapacity);
    }
    updateMeasuredRate() {
        const t = this.getCurrentTimeInSeconds();
        const timeBucket = Math.floor(t * 2) / 2;
        this.requestCount++;
        if (timeBucket > this.lastTxRateBucket) {
            const currentRate = this.requestCount / (timeBucket - this.lastTxRateBucket);
            this.measuredTxRate = this.getPrecise(currentRate * this.smooth + this.measuredTxRate * (1 - this.smooth));
            this.requestCount = 0;
            this.lastTxRateBucket = timeBucket;
        }
    }
    getPrecise(num) {
        return parseFloat(num.toFixed(8));
    }
}


/***/ }),

/***/ 9191:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  r: () => (/* binding */ StandardRetryStrategy)
});

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/util-retry/constants.js
var constants = __webpack_require__(2814);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/util-retry/retries-2026-config.js
var retries_2026_config = __webpack_require__(1683);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/util-retry/DefaultRetryBackoffStrategy.js


class DefaultRetryBackoffStrategy {
    x = retries_2026_config/* Retry */.f.delay();
    computeNextBackoffDelay(i) {
        const b = Math.random();
        const r = 2;
        const t_i = b * Math.min(this.x * r ** i, constants/* MAXIMUM_RETRY_DELAY */.G8);
        return Math.floor(t_i);
    }
    setDelayBase(delay) {
        this.x = delay;
    }
}

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/util-retry/DefaultRetryToken.js

class DefaultRetryToken {
    delay;
    count;
    cost;
    longPoll;
    $retryLog = {
        acquisitionDelay: 0,
    };
    constructor(delay, count, cost, longPoll) {
        this.delay = delay;
        this.count = count;
        this.cost = cost;
        this.longPoll = longPoll;
    }
    getRetryCount() {
        return this.count;
    }
    getRetryDelay() {
        return Math.min(constants/* MAXIMUM_RETRY_DELAY */.G8, this.delay);
    }
    getRetryCost() {
        return this.cost;
    }
    isLongPoll() {
        return this.longPoll;
    }
}

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/util-retry/config.js
var config = __webpack_require__(4353);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/retry/util-retry/StandardRetryStrategy.js





const refusal = {
    incompatible: 1,
    attempts: 2,
    capacity: 3,
};
class StandardRetryStrategy {
    mode = config/* RETRY_MODES */.cm.STANDARD;
    retryBackoffStrategy;
    capacity = constants/* INITIAL_RETRY_TOKENS */.Df;
    maxAttemptsProvider;
    baseDelay;
    constructor(arg1) {
        if (typeof arg1 === "number") {
            this.maxAttemptsProvider = async () => arg1;
        }
        else if (typeof arg1 === "function") {
            this.maxAttemptsProvider = arg1;
        }
        else if (arg1 && typeof arg1 === "object") {
            this.maxAttemptsProvider = async () => arg1.maxAttempts;
            this.baseDelay = arg1.baseDelay;
            this.retryBackoffStrategy = arg1.backoff;
        }
        this.maxAttemptsProvider ??= async () => config/* DEFAULT_MAX_ATTEMPTS */.Gz;
        this.baseDelay ??= retries_2026_config/* Retry */.f.delay();
        this.retryBackoffStrategy ??= new DefaultRetryBackoffStrategy();
    }
    async acquireInitialRetryToken(retryTokenScope) {
        return new DefaultRetryToken(retries_2026_config/* Retry */.f.delay(), 0, undefined, retryTokenScope.includes(":longpoll"));
    }
    async refreshRetryTokenForRetry(token, errorInfo) {
        const maxAttempts = await this.getMaxAttempts();
        const retryCode = this.retryCode(token, errorInfo, maxAttempts);
        const shouldRetry = retryCode === 0;
        const isLongPoll = token.isLongPoll?.();
        if (shouldRetry || isLongPoll) {
            const errorType = errorInfo.errorType;
            this.retryBackoffStrategy.setDelayBase(errorType === "THROTTLING" ? retries_2026_config/* Retry */.f.throttlingDelay() : this.baseDelay);
            const delayFromErrorType = this.retryBackoffStrategy.computeNextBackoffDelay(token.getRetryCount());
            let retryDelay = delayFromErrorType;
            if (errorInfo.retryAfterHint instanceof Date) {
                retryDelay = Math.max(delayFromErrorType, Math.min(errorInfo.retryAfterHint.getTime() - Date.now(), delayFromErrorType + 5_000));
            }
            if (!shouldRetry) {
                const longPollBackoff = retryCode === refusal.capacity && isLongPoll ? retryDelay : 0;
                if (longPollBackoff > 0) {
                    await new Promise((r) => setTimeout(r, longPollBackoff));
                }
            }
            else {
                const capacityCost = this.getCapacityCost(errorType);
                this.capacity -= capacityCost;
                const nextToken = new DefaultRetryToken(0, token.getRetryCount() + 1, capacityCost, token.isLongPoll?.() ?? false);
                await new Promise((r) => setTimeout(r, retryDelay));
                nextToken.$retryLog.acquisitionDelay = retryDelay;
                return nextToken;
            }
        }
        throw new Error("No retry token available");
    }
    recordSuccess(token) {
        this.capacity = Math.min(constants/* INITIAL_RETRY_TOKENS */.Df, this.capacity + (token.getRetryCost() ?? constants/* NO_RETRY_INCREMENT */.XP));
    }
    getCapacity() {
        return this.capacity;
    }
    async maxAttempts() {
        return this.maxAttemptsProvider();
    }
    async getMaxAttempts() {
        try {
            return await this.maxAttemptsProvider();
        }
        catch (ignored) {
            console.warn(`Max attempts provider could not resolve. Using default of ${config/* DEFAULT_MAX_ATTEMPTS */.Gz}`);
            return config/* DEFAULT_MAX_ATTEMPTS */.Gz;
        }
    }
    retryCode(tokenToRenew, errorInfo, maxAttempts) {
        const attempts = tokenToRenew.getRetryCount() + 1;
        const retryableStatus = this.isRetryableError(errorInfo.errorType) ? 0 : refusal.incompatible;
        const attemptStatus = attempts < maxAttempts ? 0 : refusal.attempts;
        const capacityStatus = this.capacity >= this.getCapacityCost(errorInfo.errorType) ? 0 : refusal.capacity;
        return retryableStatus || attemptStatus || capacityStatus;
    }
    getCapacityCost(errorType) {
        return errorType === retries_2026_config/* Retry */.f.modifiedCostType() ? retries_2026_config/* Retry */.f.throttlingCost() : retries_2026_config/* Retry */.f.cost();
    }
    isRetryableError(errorType) {
        return errorType === "THROTTLING" || errorType === "TRANSIENT";
    }
}


/***/ }),

/***/ 4353:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gz: () => (/* binding */ DEFAULT_MAX_ATTEMPTS),
/* harmony export */   L0: () => (/* binding */ DEFAULT_RETRY_MODE),
/* harmony export */   cm: () => (/* binding */ RETRY_MODES)
/* harmony export */ });
var RETRY_MODES;
(function (RETRY_MODES) {
    RETRY_MODES["STANDARD"] = "standard";
    RETRY_MODES["ADAPTIVE"] = "adaptive";
})(RETRY_MODES || (RETRY_MODES = {}));
const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_RETRY_MODE = RETRY_MODES.STANDARD;


/***/ }),

/***/ 2814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Df: () => (/* binding */ INITIAL_RETRY_TOKENS),
/* harmony export */   G8: () => (/* binding */ MAXIMUM_RETRY_DELAY),
/* harmony export */   Rn: () => (/* binding */ TIMEOUT_RETRY_COST),
/* harmony export */   XP: () => (/* binding */ NO_RETRY_INCREMENT),
/* harmony export */   XS: () => (/* binding */ RETRY_COST),
/* harmony export */   bp: () => (/* binding */ DEFAULT_RETRY_DELAY_BASE),
/* harmony export */   jh: () => (/* binding */ THROTTLING_RETRY_DELAY_BASE),
/* harmony export */   l5: () => (/* binding */ INVOCATION_ID_HEADER),
/* harmony export */   ok: () => (/* binding */ REQUEST_HEADER)
/* harmony export */ });
const DEFAULT_RETRY_DELAY_BASE = 100;
const MAXIMUM_RETRY_DELAY = 20 * 1000;
const THROTTLING_RETRY_DELAY_BASE = 500;
const INITIAL_RETRY_TOKENS = 500;
const RETRY_COST = 5;
const TIMEOUT_RETRY_COST = 10;
const NO_RETRY_INCREMENT = 1;
const INVOCATION_ID_HEADER = "amz-sdk-invocation-id";
const REQUEST_HEADER = "amz-sdk-request";


/***/ }),

/***/ 1683:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ Retry)
/* harmony export */ });
class Retry {
    static v2026 = true;
    static delay() {
        return 50;
    }
    static throttlingDelay() {
        return 1_000;
    }
    static cost() {
        return 14;
    }
    static throttlingCost() {
        return 5;
    }
    static modifiedCostType() {
        return "THROTTLING";
    }
}


/***/ }),

/***/ 5629:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ TypeRegistry)
/* harmony export */ });
class TypeRegistry {
    namespace;
    schemas;
    exceptions;
    static registries = new Map();
    constructor(namespace, schemas = new Map(), exceptions = new Map()) {
        this.namespace = namespace;
        this.schemas = schemas;
        this.exceptions = exceptions;
        if (!TypeRegistry.registries.has(namespace)) {
            TypeRegistry.registries.set(namespace, this);
        }
    }
    static for(namespace) {
        return TypeRegistry.registries.get(namespace) ?? new TypeRegistry(namespace);
    }
    copyFrom(other) {
        const { schemas, exceptions } = this;
        for (const [k, v] of other.schemas) {
            if (!schemas.has(k)) {
                schemas.set(k, v);
            }
        }
        for (const [k, v] of other.exceptions) {
            if (!exceptions.has(k)) {
                exceptions.set(k, v);
            }
        }
    }
    register(shapeId, schema) {
        const qualifiedName = this.normalizeShapeId(shapeId);
        for (const r of [this, TypeRegistry.for(qualifiedName.split("#")[0])]) {
            if (!r.schemas.has(qualifiedName)) {
                r.schemas.set(qualifiedName, schema);
            }
        }
    }
    getSchema(shapeId) {
        const id = this.normalizeShapeId(shapeId);
        if (!this.schemas.has(id)) {
            if (!shapeId.includes("#")) {
                const suffix = "#" + shapeId;
                const candidates = [];
                for (const [shapeId, schema] of this.schemas.entries()) {
                    if (shapeId.endsWith(suffix)) {
                        candidates.push(schema);
                    }
                }
                if (candidates.length === 1) {
                    return candidates[0];
                }
            }
            throw new Error(`@smithy/core/schema - schema not found for ${id}`);
        }
        return this.schemas.get(id);
    }
    registerError(es, ctor) {
        const $error = es;
        const ns = $error[1];
        const qualifiedName = ns + "#" + $error[2];
        if (!ctor.hasOwnProperty?.("shapeId")) {
            ctor.shapeId = qualifiedName;
        }
        for (const r of [this, TypeRegistry.for(ns)]) {
            if (!r.schemas.has(qualifiedName) && !r.exceptions.has($error)) {
                r.schemas.set(qualifiedName, $error);
                r.exceptions.set($error, ctor);
            }
        }
    }
    getErrorCtor(es) {
        const $error = es;
        if (this.exceptions.has($error)) {
            return this.exceptions.get($error);
        }
        const registry = TypeRegistry.for($error[1]);
        return registry.exceptions.get($error);
    }
    getBaseException() {
        for (const exceptionKey of this.exceptions.keys()) {
            if (Array.isArray(exceptionKey)) {
                const [, ns, name] = exceptionKey;
                const id = ns + "#" + name;
                if (id.startsWith("smithy.ts.sdk.synthetic.") && id.endsWith("ServiceException")) {
                    return exceptionKey;
                }
            }
        }
        return undefined;
    }
    find(predicate) {
        for (const schema of this.schemas.values()) {
            if (predicate(schema)) {
                return schema;
            }
        }
        return undefined;
    }
    clear() {
        this.schemas.clear();
        this.exceptions.clear();
    }
    normalizeShapeId(shapeId) {
        if (shapeId.includes("#")) {
            return shapeId;
        }
        return this.namespace + "#" + shapeId;
    }
}


/***/ }),

/***/ 6204:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ deref)
/* harmony export */ });
const deref = (schemaRef) => {
    if (typeof schemaRef === "function") {
        return schemaRef();
    }
    return schemaRef;
};


/***/ }),

/***/ 2748:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  hl: () => (/* binding */ deserializerMiddlewareOption),
  wq: () => (/* binding */ getSchemaSerdePlugin),
  Ou: () => (/* binding */ serializerMiddlewareOption)
});

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/getSmithyContext.js
var getSmithyContext = __webpack_require__(8743);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/httpResponse.js
var httpResponse = __webpack_require__(5401);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/schema/schemas/operation.js
var operation = __webpack_require__(8366);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/schema/middleware/schemaDeserializationMiddleware.js


const schemaDeserializationMiddleware = (config) => (next, context) => async (args) => {
    const { response } = await next(args);
    const { operationSchema } = (0,getSmithyContext/* getSmithyContext */.u)(context);
    const [, ns, n, t, i, o] = operationSchema ?? [];
    try {
        const parsed = await config.protocol.deserializeResponse((0,operation/* operation */.M)(ns, n, t, i, o), {
            ...config,
            ...context,
        }, response);
        return {
            response,
            output: parsed,
        };
    }
    catch (error) {
        Object.defineProperty(error, "$response", {
            value: response,
            enumerable: false,
            writable: false,
            configurable: false,
        });
        if (!("$metadata" in error)) {
            const hint = `Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.`;
            try {
                error.message += "\n  " + hint;
            }
            catch (ignored) {
                if (!context.logger || context.logger?.constructor?.name === "NoOpLogger") {
                    console.warn(hint);
                }
                else {
                    context.logger?.warn?.(hint);
                }
            }
            if (typeof error.$responseBodyText !== "undefined") {
                if (error.$response) {
                    error.$response.body = error.$responseBodyText;
                }
            }
            try {
                if (httpResponse/* HttpResponse */.c.isInstance(response)) {
                    const { headers = {}, statusCode } = response;
                    const headerEntries = Object.entries(headers);
                    error.$metadata = {
                        httpStatusCode: statusCode,
                        requestId: findHeader(/^x-[\w-]+-request-?id$/, headerEntries),
                        extendedRequestId: findHeader(/^x-[\w-]+-id-2$/, headerEntries),
                        cfId: findHeader(/^x-[\w-]+-cf-id$/, headerEntries),
                    };
                }
            }
            catch (ignored) {
            }
        }
        throw error;
    }
};
const findHeader = (pattern, headers) => {
    return (headers.find(([k]) => {
        return k.match(pattern);
    }) || [void 0, void 1])[1];
};

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/toEndpointV1.js
var toEndpointV1 = __webpack_require__(3055);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/schema/middleware/schemaSerializationMiddleware.js


const schemaSerializationMiddleware = (config) => (next, context) => async (args) => {
    const { operationSchema } = (0,getSmithyContext/* getSmithyContext */.u)(context);
    const [, ns, n, t, i, o] = operationSchema ?? [];
    const endpoint = context.endpointV2
        ? async () => (0,toEndpointV1/* toEndpointV1 */.a)(context.endpointV2)
        : config.endpoint;
    const request = await config.protocol.serializeRequest((0,operation/* operation */.M)(ns, n, t, i, o), args.input, {
        ...config,
        ...context,
        endpoint,
    });
    return next({
        ...args,
        request,
    });
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/schema/middleware/getSchemaSerdePlugin.js


const deserializerMiddlewareOption = {
    name: "deserializerMiddleware",
    step: "deserialize",
    tags: ["DESERIALIZER"],
    override: true,
};
const serializerMiddlewareOption = {
    name: "serializerMiddleware",
    step: "serialize",
    tags: ["SERIALIZER"],
    override: true,
};
function getSchemaSerdePlugin(config) {
    return {
        applyToStack: (commandStack) => {
            commandStack.add(schemaSerializationMiddleware(config), serializerMiddlewareOption);
            commandStack.add(schemaDeserializationMiddleware(config), deserializerMiddlewareOption);
            config.protocol.setSerdeContext(config);
        },
    };
}


/***/ }),

/***/ 5125:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cd: () => (/* binding */ simpleSchemaCacheN),
/* harmony export */   j0: () => (/* binding */ simpleSchemaCacheS),
/* harmony export */   l1: () => (/* binding */ NormalizedSchema),
/* harmony export */   ui: () => (/* binding */ isStaticSchema)
/* harmony export */ });
/* harmony import */ var _deref__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6204);
/* harmony import */ var _translateTraits__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4844);


const anno = {
    it: Symbol.for("@smithy/nor-struct-it"),
    ns: Symbol.for("@smithy/ns"),
};
const simpleSchemaCacheN = [];
const simpleSchemaCacheS = {};
class NormalizedSchema {
    ref;
    memberName;
    static symbol = Symbol.for("@smithy/nor");
    symbol = NormalizedSchema.symbol;
    name;
    schema;
    _isMemberSchema;
    traits;
    memberTraits;
    normalizedTraits;
    constructor(ref, memberName) {
        this.ref = ref;
        this.memberName = memberName;
        const traitStack = [];
        let _ref = ref;
        let schema = ref;
        this._isMemberSchema = false;
        while (isMemberSchema(_ref)) {
            traitStack.push(_ref[1]);
            _ref = _ref[0];
            schema = (0,_deref__WEBPACK_IMPORTED_MODULE_0__/* .deref */ .L)(_ref);
            this._isMemberSchema = true;
        }
        if (traitStack.length > 0) {
            this.memberTraits = {};
            for (let i = traitStack.length - 1; i >= 0; --i) {
                const traitSet = traitStack[i];
                Object.assign(this.memberTraits, (0,_translateTraits__WEBPACK_IMPORTED_MODULE_1__/* .translateTraits */ .c)(traitSet));
            }
        }
        else {
            this.memberTraits = 0;
        }
        if (schema instanceof NormalizedSchema) {
            const computedMemberTraits = this.memberTraits;
            Object.assign(this, schema);
            this.memberTraits = Object.assign({}, computedMemberTraits, schema.getMemberTraits(), this.getMemberTraits());
            this.normalizedTraits = void 0;
            this.memberName = memberName ?? schema.memberName;
            return;
        }
        this.schema = (0,_deref__WEBPACK_IMPORTED_MODULE_0__/* .deref */ .L)(schema);
        if (isStaticSchema(this.schema)) {
            this.name = `${this.schema[1]}#${this.schema[2]}`;
            this.traits = this.schema[3];
        }
        else {
            this.name = this.memberName ?? String(schema);
            this.traits = 0;
        }
        if (this._isMemberSchema && !memberName) {
            throw new Error(`@smithy/core/schema - NormalizedSchema member init ${this.getName(true)} missing member name.`);
        }
    }
    static [Symbol.hasInstance](lhs) {
        const isPrototype = this.prototype.isPrototypeOf(lhs);
        if (!isPrototype && typeof lhs === "object" && lhs !== null) {
            const ns = lhs;
            return ns.symbol === this.symbol;
        }
        return isPrototype;
    }
    static of(ref) {
        const keyAble = typeof ref === "function" || (typeof ref === "object" && ref !== null);
        if (typeof ref === "number") {
            if (simpleSchemaCacheN[ref]) {
                return simpleSchemaCacheN[ref];
            }
        }
        else if (typeof ref === "string") {
            if (simpleSchemaCacheS[ref]) {
                return simpleSchemaCacheS[ref];
            }
        }
        else if (keyAble) {
            if (ref[anno.ns]) {
                return ref[anno.ns];
            }
        }
        const sc = (0,_deref__WEBPACK_IMPORTED_MODULE_0__/* .deref */ .L)(ref);
        if (sc instanceof NormalizedSchema) {
            return sc;
        }
        if (isMemberSchema(sc)) {
            const [ns, traits] = sc;
            if (ns instanceof NormalizedSchema) {
                Object.assign(ns.getMergedTraits(), (0,_translateTraits__WEBPACK_IMPORTED_MODULE_1__/* .translateTraits */ .c)(traits));
                return ns;
            }
            throw new Error(`@smithy/core/schema - may not init unwrapped member schema=${JSON.stringify(ref, null, 2)}.`);
        }
        const ns = new NormalizedSchema(sc);
        if (keyAble) {
            return (ref[anno.ns] = ns);
        }
        if (typeof sc === "string") {
            return (simpleSchemaCacheS[sc] = ns);
        }
        if (typeof sc === "number") {
            return (simpleSchemaCacheN[sc] = ns);
        }
        return ns;
    }
    getSchema() {
        const sc = this.schema;
        if (Array.isArray(sc) && sc[0] === 0) {
            return sc[4];
        }
        return sc;
    }
    getName(withNamespace = false) {
        const { name } = this;
        const short = !withNamespace && name && name.includes("#");
        return short ? name.split("#")[1] : name || undefined;
    }
    getMemberName() {
        return this.memberName;
    }
    isMemberSchema() {
        return this._isMemberSchema;
    }
    isListSchema() {
        const sc = this.getSchema();
        return typeof sc === "number"
            ? sc >= 64 && sc < 128
            : sc[0] === 1;
    }
    isMapSchema() {
        const sc = this.getSchema();
        return typeof sc === "number"
            ? sc >= 128 && sc <= 0b1111_1111
            : sc[0] === 2;
    }
    isStructSchema() {
        const sc = this.getSchema();
        if (typeof sc !== "object") {
            return false;
        }
        const id = sc[0];
        return (id === 3 ||
            id === -3 ||
            id === 4);
    }
    isUnionSchema() {
        const sc = this.getSchema();
        if (typeof sc !== "object") {
            return false;
        }
        return sc[0] === 4;
    }
    isBlobSchema() {
        const sc = this.getSchema();
        return sc === 21 || sc === 42;
    }
    isTimestampSchema() {
        const sc = this.getSchema();
        return (typeof sc === "number" &&
            sc >= 4 &&
            sc <= 7);
    }
    isUnitSchema() {
        return this.getSchema() === "unit";
    }
    isDocumentSchema() {
        return this.getSchema() === 15;
    }
    isStringSchema() {
        return this.getSchema() === 0;
    }
    isBooleanSchema() {
        return this.getSchema() === 2;
    }
    isNumericSchema() {
        return this.getSchema() === 1;
    }
    isBigIntegerSchema() {
        return this.getSchema() === 17;
    }
    isBigDecimalSchema() {
        return this.getSchema() === 19;
    }
    isStreaming() {
        const { streaming } = this.getMergedTraits();
        return !!streaming || this.getSchema() === 42;
    }
    isIdempotencyToken() {
        return !!this.getMergedTraits().idempotencyToken;
    }
    getMergedTraits() {
        return (this.normalizedTraits ??
            (this.normalizedTraits = {
                ...this.getOwnTraits(),
                ...this.getMemberTraits(),
            }));
    }
    getMemberTraits() {
        return (0,_translateTraits__WEBPACK_IMPORTED_MODULE_1__/* .translateTraits */ .c)(this.memberTraits);
    }
    getOwnTraits() {
        return (0,_translateTraits__WEBPACK_IMPORTED_MODULE_1__/* .translateTraits */ .c)(this.traits);
    }
    getKeySchema() {
        const [isDoc, isMap] = [this.isDocumentSchema(), this.isMapSchema()];
        if (!isDoc && !isMap) {
            throw new Error(`@smithy/core/schema - cannot get key for non-map: ${this.getName(true)}`);
        }
        const schema = this.getSchema();
        const memberSchema = isDoc
            ? 15
            : (schema[4] ?? 0);
        return member([memberSchema, 0], "key");
    }
    getValueSchema() {
        const sc = this.getSchema();
        const [isDoc, isMap, isList] = [this.isDocumentSchema(), this.isMapSchema(), this.isListSchema()];
        const memberSchema = typeof sc === "number"
            ? 0b0011_1111 & sc
            : sc && typeof sc === "object" && (isMap || isList)
                ? sc[3 + sc[0]]
                : isDoc
                    ? 15
                    : void 0;
        if (memberSchema != null) {
            return member([memberSchema, 0], isMap ? "value" : "member");
        }
        throw new Error(`@smithy/core/schema - ${this.getName(true)} has no value member.`);
    }
    getMemberSchema(memberName) {
        const struct = this.getSchema();
        if (this.isStructSchema() && struct[4].includes(memberName)) {
            const i = struct[4].indexOf(memberName);
            const memberSchema = struct[5][i];
            return member(isMemberSchema(memberSchema) ? memberSchema : [memberSchema, 0], memberName);
        }
        if (this.isDocumentSchema()) {
            return member([15, 0], memberName);
        }
        throw new Error(`@smithy/core/schema - ${this.getName(true)} has no member=${memberName}.`);
    }
    getMemberSchemas() {
        const buffer = {};
        try {
            for (const [k, v] of this.structIterator()) {
                buffer[k] = v;
            }
        }
        catch (ignored) { }
        return buffer;
    }
    getEventStreamMember() {
        if (this.isStructSchema()) {
            for (const [memberName, memberSchema] of this.structIterator()) {
                if (memberSchema.isStreaming() && memberSchema.isStructSchema()) {
                    return memberName;
                }
            }
        }
        return "";
    }
    *structIterator() {
        if (this.isUnitSchema()) {
            return;
        }
        if (!this.isStructSchema()) {
            throw new Error("@smithy/core/schema - cannot iterate non-struct schema.");
        }
        const struct = this.getSchema();
        const z = struct[4].length;
        let it = struct[anno.it];
        if (it && z === it.length) {
            yield* it;
            return;
        }
        it = Array(z);
        for (let i = 0; i < z; ++i) {
            const k = struct[4][i];
            const v = member([struct[5][i], 0], k);
            yield (it[i] = [k, v]);
        }
        struct[anno.it] = it;
    }
}
function member(memberSchema, memberName) {
    if (memberSchema instanceof NormalizedSchema) {
        return Object.assign(memberSchema, {
            memberName,
            _isMemberSchema: true,
        });
    }
    const internalCtorAccess = NormalizedSchema;
    return new internalCtorAccess(memberSchema, memberName);
}
const isMemberSchema = (sc) => Array.isArray(sc) && sc.length === 2;
const isStaticSchema = (sc) => Array.isArray(sc) && sc.length >= 5;


/***/ }),

/***/ 8366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ operation)
/* harmony export */ });
const operation = (namespace, name, traits, input, output) => ({
    name,
    namespace,
    traits,
    input,
    output,
});


/***/ }),

/***/ 4844:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ traitsCache),
/* harmony export */   c: () => (/* binding */ translateTraits)
/* harmony export */ });
const traitsCache = [];
function translateTraits(indicator) {
    if (typeof indicator === "object") {
        return indicator;
    }
    indicator = indicator | 0;
    if (traitsCache[indicator]) {
        return traitsCache[indicator];
    }
    const traits = {};
    let i = 0;
    for (const trait of [
        "httpLabel",
        "idempotent",
        "idempotencyToken",
        "sensitive",
        "httpPayload",
        "httpResponseCode",
        "httpQueryParams",
    ]) {
        if (((indicator >> i++) & 1) === 1) {
            traits[trait] = 1;
        }
    }
    return (traitsCache[indicator] = traits);
}


/***/ }),

/***/ 351:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ concatBytes)
/* harmony export */ });
function concatBytes(arrays, length) {
    if (length === undefined) {
        length = 0;
        for (const bytes of arrays) {
            length += bytes.byteLength;
        }
    }
    const result = new Uint8Array(length);
    let offset = 0;
    for (const buf of arrays) {
        result.set(buf, offset);
        offset += buf.byteLength;
    }
    return result;
}


/***/ }),

/***/ 4494:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EI: () => (/* binding */ parseRfc3339DateTime),
/* harmony export */   JV: () => (/* binding */ dateToUtcString),
/* harmony export */   l3: () => (/* binding */ parseEpochTimestamp),
/* harmony export */   t_: () => (/* binding */ parseRfc3339DateTimeWithOffset),
/* harmony export */   xE: () => (/* binding */ parseRfc7231DateTime)
/* harmony export */ });
/* harmony import */ var _parse_utils__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2511);

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function dateToUtcString(date) {
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth();
    const dayOfWeek = date.getUTCDay();
    const dayOfMonthInt = date.getUTCDate();
    const hoursInt = date.getUTCHours();
    const minutesInt = date.getUTCMinutes();
    const secondsInt = date.getUTCSeconds();
    const dayOfMonthString = dayOfMonthInt < 10 ? `0${dayOfMonthInt}` : `${dayOfMonthInt}`;
    const hoursString = hoursInt < 10 ? `0${hoursInt}` : `${hoursInt}`;
    const minutesString = minutesInt < 10 ? `0${minutesInt}` : `${minutesInt}`;
    const secondsString = secondsInt < 10 ? `0${secondsInt}` : `${secondsInt}`;
    return `${DAYS[dayOfWeek]}, ${dayOfMonthString} ${MONTHS[month]} ${year} ${hoursString}:${minutesString}:${secondsString} GMT`;
}
const RFC3339 = new RegExp(/^(\d{4})-(\d{2})-(\d{2})[tT](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?[zZ]$/);
const parseRfc3339DateTime = (value) => {
    if (value === null || value === undefined) {
        return undefined;
    }
    if (typeof value !== "string") {
        throw new TypeError("RFC-3339 date-times must be expressed as strings");
    }
    const match = RFC3339.exec(value);
    if (!match) {
        throw new TypeError("Invalid RFC-3339 date-time value");
    }
    const [_, yearStr, monthStr, dayStr, hours, minutes, seconds, fractionalMilliseconds] = match;
    const year = (0,_parse_utils__WEBPACK_IMPORTED_MODULE_0__/* .strictParseShort */ .zi)(stripLeadingZeroes(yearStr));
    const month = parseDateValue(monthStr, "month", 1, 12);
    const day = parseDateValue(dayStr, "day", 1, 31);
    return buildDate(year, month, day, { hours, minutes, seconds, fractionalMilliseconds });
};
const RFC3339_WITH_OFFSET = new RegExp(/^(\d{4})-(\d{2})-(\d{2})[tT](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(([-+]\d{2}:\d{2})|[zZ])$/);
const parseRfc3339DateTimeWithOffset = (value) => {
    if (value === null || value === undefined) {
        return undefined;
    }
    if (typeof value !== "string") {
        throw new TypeError("RFC-3339 date-times must be expressed as strings");
    }
    const match = RFC3339_WITH_OFFSET.exec(value);
    if (!match) {
        throw new TypeError("Invalid RFC-3339 date-time value");
    }
    const [_, yearStr, monthStr, dayStr, hours, minutes, seconds, fractionalMilliseconds, offsetStr] = match;
    const year = (0,_parse_utils__WEBPACK_IMPORTED_MODULE_0__/* .strictParseShort */ .zi)(stripLeadingZeroes(yearStr));
    const month = parseDateValue(monthStr, "month", 1, 12);
    const day = parseDateValue(dayStr, "day", 1, 31);
    const date = buildDate(year, month, day, { hours, minutes, seconds, fractionalMilliseconds });
    if (offsetStr.toUpperCase() != "Z") {
        date.setTime(date.getTime() - parseOffsetToMilliseconds(offsetStr));
    }
    return date;
};
const IMF_FIXDATE = new RegExp(/^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))? GMT$/);
const RFC_850_DATE = new RegExp(/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{2})-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(\d{2}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))? GMT$/);
const ASC_TIME = new RegExp(/^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ( [1-9]|\d{2}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))? (\d{4})$/);
const parseRfc7231DateTime = (value) => {
    if (value === null || value === undefined) {
        return undefined;
    }
    if (typeof value !== "string") {
        throw new TypeError("RFC-7231 date-times must be expressed as strings");
    }
    let match = IMF_FIXDATE.exec(value);
    if (match) {
        const [_, dayStr, monthStr, yearStr, hours, minutes, seconds, fractionalMilliseconds] = match;
        return buildDate((0,_parse_utils__WEBPACK_IMPORTED_MODULE_0__/* .strictParseShort */ .zi)(stripLeadingZeroes(yearStr)), parseMonthByShortName(monthStr), parseDateValue(dayStr, "day", 1, 31), { hours, minutes, seconds, fractionalMilliseconds });
    }
    match = RFC_850_DATE.exec(value);
    if (match) {
        const [_, dayStr, monthStr, yearStr, hours, minutes, seconds, fractionalMilliseconds] = match;
        return adjustRfc850Year(buildDate(parseTwoDigitYear(yearStr), parseMonthByShortName(monthStr), parseDateValue(dayStr, "day", 1, 31), {
            hours,
            minutes,
            seconds,
            fractionalMilliseconds,
        }));
    }
    match = ASC_TIME.exec(value);
    if (match) {
        const [_, monthStr, dayStr, hours, minutes, seconds, fractionalMilliseconds, yearStr] = match;
        return buildDate((0,_parse_utils__WEBPACK_IMPORTED_MODULE_0__/* .strictParseShort */ .zi)(stripLeadingZeroes(yearStr)), parseMonthByShortName(monthStr), parseDateValue(dayStr.trimLeft(), "day", 1, 31), { hours, minutes, seconds, fractionalMilliseconds });
    }
    throw new TypeError("Invalid RFC-7231 date-time value");
};
const parseEpochTimestamp = (value) => {
    if (value === null || value === undefined) {
        return undefined;
    }
    let valueAsDouble;
    if (typeof value === "number") {
        valueAsDouble = value;
    }
    else if (typeof value === "string") {
        valueAsDouble = (0,_parse_utils__WEBPACK_IMPORTED_MODULE_0__/* .strictParseDouble */ .OZ)(value);
    }
    else if (typeof value === "object" && value.tag === 1) {
        valueAsDouble = value.value;
    }
    else {
        throw new TypeError("Epoch timestamps must be expressed as floating point numbers or their string representation");
    }
    if (Number.isNaN(valueAsDouble) || valueAsDouble === Infinity || valueAsDouble === -Infinity) {
        throw new TypeError("Epoch timestamps must be valid, non-Infinite, non-NaN numerics");
    }
    return new Date(Math.round(valueAsDouble * 1000));
};
const buildDate = (year, month, day, time) => {
    const adjustedMonth = month - 1;
    validateDayOfMonth(year, adjustedMonth, day);
    return new Date(Date.UTC(year, adjustedMonth, day, parseDateValue(time.hours, "hour", 0, 23), parseDateValue(time.minutes, "minute", 0, 59), parseDateValue(time.seconds, "seconds", 0, 60), parseMilliseconds(time.fractionalMilliseconds)));
};
const parseTwoDigitYear = (value) => {
    const thisYear = new Date().getUTCFullYear();
    const valueInThisCentury = Math.floor(thisYear / 100) * 100 + (0,_parse_utils__WEBPACK_IMPORTED_MODULE_0__/* .strictParseShort */ .zi)(stripLeadingZeroes(value));
    if (valueInThisCentury < thisYear) {
        return valueInThisCentury + 100;
    }
    return valueInThisCentury;
};
const FIFTY_YEARS_IN_MILLIS = 50 * 365 * 24 * 60 * 60 * 1000;
const adjustRfc850Year = (input) => {
    if (input.getTime() - new Date().getTime() > FIFTY_YEARS_IN_MILLIS) {
        return new Date(Date.UTC(input.getUTCFullYear() - 100, input.getUTCMonth(), input.getUTCDate(), input.getUTCHours(), input.getUTCMinutes(), input.getUTCSeconds(), input.getUTCMilliseconds()));
    }
    return input;
};
const parseMonthByShortName = (value) => {
    const monthIdx = MONTHS.indexOf(value);
    if (monthIdx < 0) {
        throw new TypeError(`Invalid month: ${value}`);
    }
    return monthIdx + 1;
};
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const validateDayOfMonth = (year, month, day) => {
    let maxDays = DAYS_IN_MONTH[month];
    if (month === 1 && isLeapYear(year)) {
        maxDays = 29;
    }
    if (day > maxDays) {
        throw new TypeError(`Invalid day for ${MONTHS[month]} in ${year}: ${day}`);
    }
};
const isLeapYear = (year) => {
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
};
const parseDateValue = (value, type, lower, upper) => {
    const dateVal = (0,_parse_utils__WEBPACK_IMPORTED_MODULE_0__/* .strictParseByte */ .tW)(stripLeadingZeroes(value));
    if (dateVal < lower || dateVal > upper) {
        throw new TypeError(`${type} must be between ${lower} and ${upper}, inclusive`);
    }
    return dateVal;
};
const parseMilliseconds = (value) => {
    if (value === null || value === undefined) {
        return 0;
    }
    return (0,_parse_utils__WEBPACK_IMPORTED_MODULE_0__/* .strictParseFloat32 */ .UO)("0." + value) * 1000;
};
const parseOffsetToMilliseconds = (value) => {
    const directionStr = value[0];
    let direction = 1;
    if (directionStr == "+") {
        direction = 1;
    }
    else if (directionStr == "-") {
        direction = -1;
    }
    else {
        throw new TypeError(`Offset direction, ${directionStr}, must be "+" or "-"`);
    }
    const hour = Number(value.substring(1, 3));
    const minute = Number(value.substring(4, 6));
    return direction * (hour * 60 + minute) * 60 * 1000;
};
const stripLeadingZeroes = (value) => {
    let idx = 0;
    while (idx < value.length - 1 && value.charAt(idx) === "0") {
        idx++;
    }
    if (idx === 0) {
        return value;
    }
    return value.slice(idx);
};


/***/ }),

/***/ 9651:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ChecksumStream: () => (/* reexport */ ChecksumStream),
  Hash: () => (/* reexport */ Hash),
  LazyJsonString: () => (/* reexport */ lazy_json/* LazyJsonString */.A),
  NumericValue: () => (/* reexport */ NumericValue/* NumericValue */.D),
  Uint8ArrayBlobAdapter: () => (/* binding */ Uint8ArrayBlobAdapter),
  _parseEpochTimestamp: () => (/* reexport */ schema_date_utils/* _parseEpochTimestamp */.UK),
  _parseRfc3339DateTimeWithOffset: () => (/* reexport */ schema_date_utils/* _parseRfc3339DateTimeWithOffset */.eH),
  _parseRfc7231DateTime: () => (/* reexport */ schema_date_utils/* _parseRfc7231DateTime */.Gj),
  calculateBodyLength: () => (/* reexport */ calculateBodyLength/* calculateBodyLength */.n),
  concatBytes: () => (/* reexport */ concatBytes/* concatBytes */.I),
  copyDocumentWithTransform: () => (/* reexport */ copyDocumentWithTransform),
  createBufferedReadable: () => (/* reexport */ createBufferedReadable_createBufferedReadable),
  createChecksumStream: () => (/* reexport */ createChecksumStream_createChecksumStream),
  dateToUtcString: () => (/* reexport */ date_utils/* dateToUtcString */.JV),
  deserializerMiddleware: () => (/* reexport */ deserializerMiddleware),
  deserializerMiddlewareOption: () => (/* reexport */ deserializerMiddlewareOption),
  expectBoolean: () => (/* reexport */ parse_utils/* expectBoolean */.ak),
  expectByte: () => (/* reexport */ parse_utils/* expectByte */.Gr),
  expectFloat32: () => (/* reexport */ parse_utils/* expectFloat32 */.bC),
  expectInt: () => (/* reexport */ parse_utils/* expectInt */.vH),
  expectInt32: () => (/* reexport */ parse_utils/* expectInt32 */.ET),
  expectLong: () => (/* reexport */ parse_utils/* expectLong */.Yy),
  expectNonNull: () => (/* reexport */ parse_utils/* expectNonNull */.Y0),
  expectNumber: () => (/* reexport */ parse_utils/* expectNumber */.r$),
  expectObject: () => (/* reexport */ parse_utils/* expectObject */.Xk),
  expectShort: () => (/* reexport */ parse_utils/* expectShort */.S7),
  expectString: () => (/* reexport */ parse_utils/* expectString */.lK),
  expectUnion: () => (/* reexport */ parse_utils/* expectUnion */.tN),
  fromArrayBuffer: () => (/* reexport */ buffer_from/* fromArrayBuffer */.Q),
  fromBase64: () => (/* reexport */ fromBase64/* fromBase64 */.E),
  fromHex: () => (/* reexport */ hex_encoding/* fromHex */.a),
  fromString: () => (/* reexport */ buffer_from/* fromString */.s),
  fromUtf8: () => (/* reexport */ fromUtf8/* fromUtf8 */.a),
  generateIdempotencyToken: () => (/* binding */ generateIdempotencyToken),
  getAwsChunkedEncodingStream: () => (/* reexport */ getAwsChunkedEncodingStream_getAwsChunkedEncodingStream),
  getSerdePlugin: () => (/* reexport */ getSerdePlugin),
  handleFloat: () => (/* reexport */ parse_utils/* handleFloat */.zY),
  hasOwn: () => (/* reexport */ hasOwn/* hasOwn */.$),
  headStream: () => (/* reexport */ headStream_headStream),
  isArrayBuffer: () => (/* reexport */ is_array_buffer/* isArrayBuffer */.m),
  isBlob: () => (/* reexport */ stream_type_check/* isBlob */.q),
  isReadableStream: () => (/* reexport */ stream_type_check/* isReadableStream */.H),
  limitedParseDouble: () => (/* reexport */ parse_utils/* limitedParseDouble */.JW),
  limitedParseFloat: () => (/* reexport */ parse_utils/* limitedParseFloat */.Mo),
  limitedParseFloat32: () => (/* reexport */ parse_utils/* limitedParseFloat32 */.Zx),
  logger: () => (/* reexport */ parse_utils/* logger */.vF),
  nv: () => (/* reexport */ NumericValue.nv),
  parseBoolean: () => (/* reexport */ parse_utils/* parseBoolean */.yG),
  parseEpochTimestamp: () => (/* reexport */ date_utils/* parseEpochTimestamp */.l3),
  parseRfc3339DateTime: () => (/* reexport */ date_utils/* parseRfc3339DateTime */.EI),
  parseRfc3339DateTimeWithOffset: () => (/* reexport */ date_utils/* parseRfc3339DateTimeWithOffset */.t_),
  parseRfc7231DateTime: () => (/* reexport */ date_utils/* parseRfc7231DateTime */.xE),
  quoteHeader: () => (/* reexport */ quote_header/* quoteHeader */.m),
  sdkStreamMixin: () => (/* reexport */ sdk_stream_mixin/* sdkStreamMixin */.c),
  serializerMiddleware: () => (/* reexport */ serializerMiddleware),
  serializerMiddlewareOption: () => (/* reexport */ serializerMiddlewareOption),
  splitEvery: () => (/* reexport */ split_every/* splitEvery */.U),
  splitHeader: () => (/* reexport */ split_header/* splitHeader */.G),
  splitStream: () => (/* reexport */ splitStream_splitStream),
  streamCollector: () => (/* reexport */ stream_collector/* streamCollector */.k),
  strictParseByte: () => (/* reexport */ parse_utils/* strictParseByte */.tW),
  strictParseDouble: () => (/* reexport */ parse_utils/* strictParseDouble */.OZ),
  strictParseFloat: () => (/* reexport */ parse_utils/* strictParseFloat */.vi),
  strictParseFloat32: () => (/* reexport */ parse_utils/* strictParseFloat32 */.UO),
  strictParseInt: () => (/* reexport */ parse_utils/* strictParseInt */.Su),
  strictParseInt32: () => (/* reexport */ parse_utils/* strictParseInt32 */.xW),
  strictParseLong: () => (/* reexport */ parse_utils/* strictParseLong */.V0),
  strictParseShort: () => (/* reexport */ parse_utils/* strictParseShort */.zi),
  toBase64: () => (/* reexport */ toBase64/* toBase64 */.n),
  toHex: () => (/* reexport */ hex_encoding/* toHex */.n),
  toUint8Array: () => (/* reexport */ toUint8Array/* toUint8Array */.F),
  toUtf8: () => (/* reexport */ toUtf8/* toUtf8 */.P),
  v4: () => (/* binding */ v4),
  writeKey: () => (/* reexport */ writeKey/* writeKey */.T)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-base64/fromBase64.js
var fromBase64 = __webpack_require__(9700);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-base64/toBase64.js
var toBase64 = __webpack_require__(7305);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/blob/Uint8ArrayBlobAdapter.js
function bindUint8ArrayBlobAdapter(toUtf8, fromUtf8, toBase64, fromBase64) {
    return class Uint8ArrayBlobAdapter extends Uint8Array {
        static fromString(source, encoding = "utf-8") {
            if (typeof source === "string") {
                if (encoding === "base64") {
                    return Uint8ArrayBlobAdapter.mutate(fromBase64(source));
                }
                return Uint8ArrayBlobAdapter.mutate(fromUtf8(source));
            }
            throw new Error(`Unsupported conversion from ${typeof source} to Uint8ArrayBlobAdapter.`);
        }
        static mutate(source) {
            Object.setPrototypeOf(source, Uint8ArrayBlobAdapter.prototype);
            return source;
        }
        transformToString(encoding = "utf-8") {
            if (encoding === "base64") {
                return toBase64(this);
            }
            return toUtf8(this);
        }
    };
}

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/fromUtf8.js
var fromUtf8 = __webpack_require__(7332);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/toUtf8.js
var toUtf8 = __webpack_require__(9809);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/uuid/v4.js
const decimalToHex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
function bindV4(getRandomValues) {
    if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") {
        return () => crypto.randomUUID();
    }
    return () => {
        const rnds = new Uint8Array(16);
        getRandomValues(rnds);
        rnds[6] = (rnds[6] & 0x0f) | 0x40;
        rnds[8] = (rnds[8] & 0x3f) | 0x80;
        return (decimalToHex[rnds[0]] +
            decimalToHex[rnds[1]] +
            decimalToHex[rnds[2]] +
            decimalToHex[rnds[3]] +
            "-" +
            decimalToHex[rnds[4]] +
            decimalToHex[rnds[5]] +
            "-" +
            decimalToHex[rnds[6]] +
            decimalToHex[rnds[7]] +
            "-" +
            decimalToHex[rnds[8]] +
            decimalToHex[rnds[9]] +
            "-" +
            decimalToHex[rnds[10]] +
            decimalToHex[rnds[11]] +
            decimalToHex[rnds[12]] +
            decimalToHex[rnds[13]] +
            decimalToHex[rnds[14]] +
            decimalToHex[rnds[15]]);
    };
}

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/copyDocumentWithTransform.js
const copyDocumentWithTransform = (source, _schemaRef, _transform = (_) => _) => source;

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/date-utils.js
var date_utils = __webpack_require__(4494);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/lazy-json.js
var lazy_json = __webpack_require__(1899);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/parse-utils.js
var parse_utils = __webpack_require__(2511);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/quote-header.js
var quote_header = __webpack_require__(5528);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/schema-serde-lib/schema-date-utils.js
var schema_date_utils = __webpack_require__(4018);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/split-every.js
var split_every = __webpack_require__(7774);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/split-header.js
var split_header = __webpack_require__(9796);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/value/NumericValue.js
var NumericValue = __webpack_require__(7004);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-hex-encoding/hex-encoding.js
var hex_encoding = __webpack_require__(68);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-body-length/calculateBodyLength.js
var calculateBodyLength = __webpack_require__(2127);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/toUint8Array.js
var toUint8Array = __webpack_require__(3243);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/concatBytes.js
var concatBytes = __webpack_require__(351);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-buffer-from/buffer-from.js
var buffer_from = __webpack_require__(6664);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/is-array-buffer/is-array-buffer.js
var is_array_buffer = __webpack_require__(1719);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/httpResponse.js
var httpResponse = __webpack_require__(5401);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/middleware-serde/deserializerMiddleware.js

const deserializerMiddleware = (options, deserializer) => (next, context) => async (args) => {
    const { response } = await next(args);
    try {
        const parsed = await deserializer(response, options);
        return {
            response,
            output: parsed,
        };
    }
    catch (error) {
        Object.defineProperty(error, "$response", {
            value: response,
            enumerable: false,
            writable: false,
            configurable: false,
        });
        if (!("$metadata" in error)) {
            const hint = `Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.`;
            try {
                error.message += "\n  " + hint;
            }
            catch (ignored) {
                if (!context.logger || context.logger?.constructor?.name === "NoOpLogger") {
                    console.warn(hint);
                }
                else {
                    context.logger?.warn?.(hint);
                }
            }
            if (typeof error.$responseBodyText !== "undefined") {
                if (error.$response) {
                    error.$response.body = error.$responseBodyText;
                }
            }
            try {
                if (httpResponse/* HttpResponse */.c.isInstance(response)) {
                    const { headers = {} } = response;
                    const headerEntries = Object.entries(headers);
                    error.$metadata = {
                        httpStatusCode: response.statusCode,
                        requestId: findHeader(/^x-[\w-]+-request-?id$/, headerEntries),
                        extendedRequestId: findHeader(/^x-[\w-]+-id-2$/, headerEntries),
                        cfId: findHeader(/^x-[\w-]+-cf-id$/, headerEntries),
                    };
                }
            }
            catch (ignored) {
            }
        }
        throw error;
    }
};
const findHeader = (pattern, headers) => {
    return (headers.find(([k]) => {
        return k.match(pattern);
    }) || [void 0, void 1])[1];
};

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/toEndpointV1.js
var toEndpointV1 = __webpack_require__(3055);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/middleware-serde/serializerMiddleware.js

const serializerMiddleware = (options, serializer) => (next, context) => async (args) => {
    const endpointConfig = options;
    const endpoint = context.endpointV2
        ? async () => (0,toEndpointV1/* toEndpointV1 */.a)(context.endpointV2)
        : endpointConfig.endpoint;
    if (!endpoint) {
        throw new Error("No valid endpoint provider available.");
    }
    const request = await serializer(args.input, { ...options, endpoint });
    return next({
        ...args,
        request,
    });
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/middleware-serde/serdePlugin.js


const deserializerMiddlewareOption = {
    name: "deserializerMiddleware",
    step: "deserialize",
    tags: ["DESERIALIZER"],
    override: true,
};
const serializerMiddlewareOption = {
    name: "serializerMiddleware",
    step: "serialize",
    tags: ["SERIALIZER"],
    override: true,
};
function getSerdePlugin(config, serializer, deserializer) {
    return {
        applyToStack: (commandStack) => {
            commandStack.add(deserializerMiddleware(config, deserializer), deserializerMiddlewareOption);
            commandStack.add(serializerMiddleware(config, serializer), serializerMiddlewareOption);
        },
    };
}

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/hash-node/hash-node.js



class Hash {
    algorithmIdentifier;
    secret;
    hash;
    constructor(algorithmIdentifier, secret) {
        this.algorithmIdentifier = algorithmIdentifier;
        this.secret = secret;
        this.reset();
    }
    update(toHash, encoding) {
        this.hash.update((0,toUint8Array/* toUint8Array */.F)(castSourceData(toHash, encoding)));
    }
    digest() {
        return Promise.resolve(this.hash.digest());
    }
    reset() {
        this.hash = this.secret
            ? (0,external_node_crypto_.createHmac)(this.algorithmIdentifier, castSourceData(this.secret))
            : (0,external_node_crypto_.createHash)(this.algorithmIdentifier);
    }
}
function castSourceData(toCast, encoding) {
    if (Buffer.isBuffer(toCast)) {
        return toCast;
    }
    if (typeof toCast === "string") {
        return (0,buffer_from/* fromString */.s)(toCast, encoding);
    }
    if (ArrayBuffer.isView(toCast)) {
        return (0,buffer_from/* fromArrayBuffer */.Q)(toCast.buffer, toCast.byteOffset, toCast.byteLength);
    }
    return (0,buffer_from/* fromArrayBuffer */.Q)(toCast);
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/checksum/ChecksumStream.js


class ChecksumStream extends external_node_stream_.Readable {
    expectedChecksum;
    checksumSourceLocation;
    checksum;
    source;
    base64Encoder;
    constructor({ expectedChecksum, checksum, source, checksumSourceLocation, base64Encoder, }) {
        super();
        if (typeof source.pipe !== "function") {
            throw new Error(`@smithy/util-stream: unsupported source type ${source?.constructor?.name ?? source} in ChecksumStream.`);
        }
        this.source = source;
        this.base64Encoder = base64Encoder ?? toBase64/* toBase64 */.n;
        this.expectedChecksum = expectedChecksum;
        this.checksum = checksum;
        this.checksumSourceLocation = checksumSourceLocation;
        this.source.on("data", this.onSourceData);
        this.source.on("end", this.onSourceEnd);
        this.source.on("error", this.onSourceError);
        this.source.on("close", this.onSourceClose);
        this.source.pause();
    }
    onSourceData = (chunk) => {
        if (this.destroyed) {
            return;
        }
        try {
            this.checksum.update(chunk);
        }
        catch (e) {
            this.destroy(e);
            return;
        }
        if (!this.push(chunk)) {
            this.source.pause();
        }
    };
    onSourceEnd = async () => {
        if (this.destroyed) {
            return;
        }
        try {
            const digest = await this.checksum.digest();
            const received = this.base64Encoder(digest);
            if (this.expectedChecksum !== received) {
                this.destroy(new Error(`Checksum mismatch: expected "${this.expectedChecksum}" but received "${received}"` +
                    ` in response header "${this.checksumSourceLocation}".`));
                return;
            }
        }
        catch (e) {
            this.destroy(e);
            return;
        }
        this.push(null);
    };
    onSourceError = (error) => {
        this.destroy(error);
    };
    onSourceClose = () => {
        if (!this.destroyed && !this.source.readableEnded) {
            this.destroy(new Error("Connection lost or stream closed before all data was received."));
        }
    };
    _read(_size) {
        this.source.resume();
    }
    _destroy(error, callback) {
        this.source?.removeListener("data", this.onSourceData);
        this.source?.removeListener("end", this.onSourceEnd);
        this.source?.removeListener("error", this.onSourceError);
        this.source?.removeListener("close", this.onSourceClose);
        this.source?.destroy();
        callback(error);
    }
}

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/stream-type-check.js
var stream_type_check = __webpack_require__(1658);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-base64/toBase64.browser.js + 2 modules
var toBase64_browser = __webpack_require__(4270);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/checksum/ChecksumStream.browser.js
const ReadableStreamRef = typeof ReadableStream === "function" ? ReadableStream : function () { };
class ChecksumStream_browser_ChecksumStream extends ReadableStreamRef {
}

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/checksum/createChecksumStream.browser.js



const createChecksumStream = ({ expectedChecksum, checksum, source, checksumSourceLocation, base64Encoder, }) => {
    if (!(0,stream_type_check/* isReadableStream */.H)(source)) {
        throw new Error(`@smithy/util-stream: unsupported source type ${source?.constructor?.name ?? source} in ChecksumStream.`);
    }
    const encoder = base64Encoder ?? toBase64_browser/* toBase64 */.n;
    if (typeof TransformStream !== "function") {
        throw new Error("@smithy/util-stream: unable to instantiate ChecksumStream because API unavailable: ReadableStream/TransformStream.");
    }
    const transform = new TransformStream({
        start() { },
        async transform(chunk, controller) {
            checksum.update(chunk);
            controller.enqueue(chunk);
        },
        async flush(controller) {
            const digest = await checksum.digest();
            const received = encoder(digest);
            if (expectedChecksum !== received) {
                const error = new Error(`Checksum mismatch: expected "${expectedChecksum}" but received "${received}"` +
                    ` in response header "${checksumSourceLocation}".`);
                controller.error(error);
            }
            else {
                controller.terminate();
            }
        },
    });
    source.pipeThrough(transform);
    const readable = transform.readable;
    Object.setPrototypeOf(readable, ChecksumStream_browser_ChecksumStream.prototype);
    return readable;
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/checksum/createChecksumStream.js



function createChecksumStream_createChecksumStream(init) {
    if (typeof ReadableStream === "function" && (0,stream_type_check/* isReadableStream */.H)(init.source)) {
        return createChecksumStream(init);
    }
    return new ChecksumStream(init);
}

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/ByteArrayCollector.js
class ByteArrayCollector {
    allocByteArray;
    byteLength = 0;
    byteArrays = [];
    constructor(allocByteArray) {
        this.allocByteArray = allocByteArray;
    }
    push(byteArray) {
        this.byteArrays.push(byteArray);
        this.byteLength += byteArray.byteLength;
    }
    flush() {
        if (this.byteArrays.length === 1) {
            const bytes = this.byteArrays[0];
            this.reset();
            return bytes;
        }
        const aggregation = this.allocByteArray(this.byteLength);
        let cursor = 0;
        for (let i = 0; i < this.byteArrays.length; ++i) {
            const bytes = this.byteArrays[i];
            aggregation.set(bytes, cursor);
            cursor += bytes.byteLength;
        }
        this.reset();
        return aggregation;
    }
    reset() {
        this.byteArrays = [];
        this.byteLength = 0;
    }
}

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/createBufferedReadable.browser.js

function createBufferedReadableStream(upstream, size, logger) {
    const reader = upstream.getReader();
    let streamBufferingLoggedWarning = false;
    let bytesSeen = 0;
    const buffers = ["", new ByteArrayCollector((size) => new Uint8Array(size))];
    let mode = -1;
    const pull = async (controller) => {
        const { value, done } = await reader.read();
        const chunk = value;
        if (done) {
            if (mode !== -1) {
                const remainder = flush(buffers, mode);
                if (sizeOf(remainder) > 0) {
                    controller.enqueue(remainder);
                }
            }
            controller.close();
        }
        else {
            const chunkMode = modeOf(chunk, false);
            if (mode !== chunkMode) {
                if (mode >= 0) {
                    controller.enqueue(flush(buffers, mode));
                }
                mode = chunkMode;
            }
            if (mode === -1) {
                controller.enqueue(chunk);
                return;
            }
            const chunkSize = sizeOf(chunk);
            bytesSeen += chunkSize;
            const bufferSize = sizeOf(buffers[mode]);
            if (chunkSize >= size && bufferSize === 0) {
                controller.enqueue(chunk);
            }
            else {
                const newSize = merge(buffers, mode, chunk);
                if (!streamBufferingLoggedWarning && bytesSeen > size * 2) {
                    streamBufferingLoggedWarning = true;
                    logger?.warn(`@smithy/util-stream - stream chunk size ${chunkSize} is below threshold of ${size}, automatically buffering.`);
                }
                if (newSize >= size) {
                    controller.enqueue(flush(buffers, mode));
                }
                else {
                    await pull(controller);
                }
            }
        }
    };
    return new ReadableStream({
        pull,
    });
}
const createBufferedReadable = (/* unused pure expression or super */ null && (createBufferedReadableStream));
function merge(buffers, mode, chunk) {
    switch (mode) {
        case 0:
            buffers[0] += chunk;
            return sizeOf(buffers[0]);
        case 1:
        case 2:
            buffers[mode].push(chunk);
            return sizeOf(buffers[mode]);
    }
}
function flush(buffers, mode) {
    switch (mode) {
        case 0:
            const s = buffers[0];
            buffers[0] = "";
            return s;
        case 1:
        case 2:
            return buffers[mode].flush();
    }
    throw new Error(`@smithy/util-stream - invalid index ${mode} given to flush()`);
}
function sizeOf(chunk) {
    return chunk?.byteLength ?? chunk?.length ?? 0;
}
function modeOf(chunk, allowBuffer = true) {
    if (allowBuffer && typeof Buffer !== "undefined" && chunk instanceof Buffer) {
        return 2;
    }
    if (chunk instanceof Uint8Array) {
        return 1;
    }
    if (typeof chunk === "string") {
        return 0;
    }
    return -1;
}

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/createBufferedReadable.js




function createBufferedReadable_createBufferedReadable(upstream, size, logger) {
    if ((0,stream_type_check/* isReadableStream */.H)(upstream)) {
        return createBufferedReadableStream(upstream, size, logger);
    }
    const downstream = new external_node_stream_.Readable({ read() { } });
    let streamBufferingLoggedWarning = false;
    let bytesSeen = 0;
    const buffers = [
        "",
        new ByteArrayCollector((size) => new Uint8Array(size)),
        new ByteArrayCollector((size) => Buffer.from(new Uint8Array(size))),
    ];
    let mode = -1;
    upstream.on("data", (chunk) => {
        const chunkMode = modeOf(chunk, true);
        if (mode !== chunkMode) {
            if (mode >= 0) {
                downstream.push(flush(buffers, mode));
            }
            mode = chunkMode;
        }
        if (mode === -1) {
            downstream.push(chunk);
            return;
        }
        const chunkSize = sizeOf(chunk);
        bytesSeen += chunkSize;
        const bufferSize = sizeOf(buffers[mode]);
        if (chunkSize >= size && bufferSize === 0) {
            downstream.push(chunk);
        }
        else {
            const newSize = merge(buffers, mode, chunk);
            if (!streamBufferingLoggedWarning && bytesSeen > size * 2) {
                streamBufferingLoggedWarning = true;
                logger?.warn(`@smithy/util-stream - stream chunk size ${chunkSize} is below threshold of ${size}, automatically buffering.`);
            }
            if (newSize >= size) {
                downstream.push(flush(buffers, mode));
            }
        }
    });
    upstream.on("end", () => {
        if (mode !== -1) {
            const remainder = flush(buffers, mode);
            if (sizeOf(remainder) > 0) {
                downstream.push(remainder);
            }
        }
        downstream.push(null);
    });
    return downstream;
}

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/getAwsChunkedEncodingStream.browser.js
const getAwsChunkedEncodingStream = (readableStream, options) => {
    const { base64Encoder, bodyLengthChecker, checksumAlgorithmFn, checksumLocationName, streamHasher } = options;
    const checksumRequired = base64Encoder !== undefined &&
        bodyLengthChecker !== undefined &&
        checksumAlgorithmFn !== undefined &&
        checksumLocationName !== undefined &&
        streamHasher !== undefined;
    const digest = checksumRequired ? streamHasher(checksumAlgorithmFn, readableStream) : undefined;
    Promise.resolve(digest).catch(() => {
    });
    const reader = readableStream.getReader();
    return new ReadableStream({
        async pull(controller) {
            const { value, done } = await reader.read();
            if (done) {
                controller.enqueue(`0\r\n`);
                if (checksumRequired) {
                    const checksum = base64Encoder(await digest);
                    controller.enqueue(`${checksumLocationName}:${checksum}\r\n`);
                    controller.enqueue(`\r\n`);
                }
                controller.close();
            }
            else {
                controller.enqueue(`${(bodyLengthChecker(value) || 0).toString(16)}\r\n${value}\r\n`);
            }
        },
    });
};

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/getAwsChunkedEncodingStream.js



function getAwsChunkedEncodingStream_getAwsChunkedEncodingStream(stream, options) {
    const readable = stream;
    const readableStream = stream;
    if ((0,stream_type_check/* isReadableStream */.H)(readableStream)) {
        return getAwsChunkedEncodingStream(readableStream, options);
    }
    const { base64Encoder, bodyLengthChecker, checksumAlgorithmFn, checksumLocationName, streamHasher } = options;
    const checksumRequired = base64Encoder !== undefined &&
        checksumAlgorithmFn !== undefined &&
        checksumLocationName !== undefined &&
        streamHasher !== undefined;
    const digest = checksumRequired ? streamHasher(checksumAlgorithmFn, readable) : undefined;
    Promise.resolve(digest).catch(() => {
    });
    const awsChunkedEncodingStream = new external_node_stream_.Readable({
        read() {
            readable.resume();
        },
    });
    readable.on("data", (data) => {
        const length = bodyLengthChecker(data) || 0;
        if (length === 0) {
            return;
        }
        awsChunkedEncodingStream.push(`${length.toString(16)}\r\n`);
        awsChunkedEncodingStream.push(data);
        if (!awsChunkedEncodingStream.push("\r\n")) {
            readable.pause();
        }
    });
    readable.on("error", (err) => {
        awsChunkedEncodingStream.destroy(err);
    });
    readable.pause();
    readable.on("end", async () => {
        try {
            awsChunkedEncodingStream.push(`0\r\n`);
            if (checksumRequired) {
                const checksum = base64Encoder(await digest);
                awsChunkedEncodingStream.push(`${checksumLocationName}:${checksum}\r\n`);
                awsChunkedEncodingStream.push(`\r\n`);
            }
            awsChunkedEncodingStream.push(null);
        }
        catch (err) {
            awsChunkedEncodingStream.destroy(err);
        }
    });
    return awsChunkedEncodingStream;
}

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/headStream.browser.js
async function headStream(stream, bytes) {
    let byteLengthCounter = 0;
    const chunks = [];
    const reader = stream.getReader();
    let isDone = false;
    while (!isDone) {
        const { done, value } = await reader.read();
        if (value) {
            chunks.push(value);
            byteLengthCounter += value?.byteLength ?? 0;
        }
        if (byteLengthCounter >= bytes) {
            break;
        }
        isDone = done;
    }
    reader.releaseLock();
    const collected = new Uint8Array(Math.min(bytes, byteLengthCounter));
    let offset = 0;
    for (const chunk of chunks) {
        if (chunk.byteLength > collected.byteLength - offset) {
            collected.set(chunk.subarray(0, collected.byteLength - offset), offset);
            break;
        }
        else {
            collected.set(chunk, offset);
        }
        offset += chunk.length;
    }
    return collected;
}

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/headStream.js




const headStream_headStream = (stream, bytes) => {
    if ((0,stream_type_check/* isReadableStream */.H)(stream)) {
        return headStream(stream, bytes);
    }
    return new Promise((resolve, reject) => {
        const collector = new Collector();
        collector.limit = bytes;
        stream.pipe(collector);
        stream.on("error", (err) => {
            collector.end();
            reject(err);
        });
        collector.on("error", reject);
        collector.on("finish", function () {
            const bytes = (0,concatBytes/* concatBytes */.I)(this.buffers);
            resolve(bytes);
        });
    });
};
class Collector extends external_node_stream_.Writable {
    buffers = [];
    limit = Infinity;
    bytesBuffered = 0;
    _write(chunk, encoding, callback) {
        this.buffers.push(chunk);
        this.bytesBuffered += chunk.byteLength ?? 0;
        if (this.bytesBuffered >= this.limit) {
            const excess = this.bytesBuffered - this.limit;
            const tailBuffer = this.buffers[this.buffers.length - 1];
            this.buffers[this.buffers.length - 1] = tailBuffer.subarray(0, tailBuffer.byteLength - excess);
            this.emit("finish");
        }
        callback();
    }
}

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/sdk-stream-mixin.js + 2 modules
var sdk_stream_mixin = __webpack_require__(6494);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/splitStream.browser.js
async function splitStream(stream) {
    if (typeof stream.stream === "function") {
        stream = stream.stream();
    }
    const readableStream = stream;
    return readableStream.tee();
}

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/splitStream.js



async function splitStream_splitStream(stream) {
    if ((0,stream_type_check/* isReadableStream */.H)(stream) || (0,stream_type_check/* isBlob */.q)(stream)) {
        return splitStream(stream);
    }
    const stream1 = new external_node_stream_.PassThrough();
    const stream2 = new external_node_stream_.PassThrough();
    stream.pipe(stream1);
    stream.pipe(stream2);
    return [stream1, stream2];
}

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/stream-collector.js
var stream_collector = __webpack_require__(6660);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/hasOwn.js
var hasOwn = __webpack_require__(2990);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/writeKey.js
var writeKey = __webpack_require__(412);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/index.js




























class Uint8ArrayBlobAdapter extends bindUint8ArrayBlobAdapter(toUtf8/* toUtf8 */.P, fromUtf8/* fromUtf8 */.a, toBase64/* toBase64 */.n, fromBase64/* fromBase64 */.E) {
}









const _getRandomValues = external_node_crypto_.getRandomValues;
const v4 = bindV4(_getRandomValues);
const generateIdempotencyToken = v4;




/***/ }),

/***/ 1719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ isArrayBuffer)
/* harmony export */ });
const isArrayBuffer = (arg) => (typeof ArrayBuffer === "function" && arg instanceof ArrayBuffer) ||
    Object.prototype.toString.call(arg) === "[object ArrayBuffer]";


/***/ }),

/***/ 1899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ LazyJsonString)
/* harmony export */ });
const LazyJsonString = function LazyJsonString(val) {
    const str = Object.assign(new String(val), {
        deserializeJSON() {
            return JSON.parse(String(val));
        },
        toString() {
            return String(val);
        },
        toJSON() {
            return String(val);
        },
    });
    return str;
};
LazyJsonString.from = (object) => {
    if (object && typeof object === "object" && (object instanceof LazyJsonString || "deserializeJSON" in object)) {
        return object;
    }
    else if (typeof object === "string" || Object.getPrototypeOf(object) === String.prototype) {
        return LazyJsonString(String(object));
    }
    return LazyJsonString(JSON.stringify(object));
};
LazyJsonString.fromObject = LazyJsonString.from;


/***/ }),

/***/ 2511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ET: () => (/* binding */ expectInt32),
/* harmony export */   Gr: () => (/* binding */ expectByte),
/* harmony export */   JW: () => (/* binding */ limitedParseDouble),
/* harmony export */   Mo: () => (/* binding */ limitedParseFloat),
/* harmony export */   OZ: () => (/* binding */ strictParseDouble),
/* harmony export */   S7: () => (/* binding */ expectShort),
/* harmony export */   Su: () => (/* binding */ strictParseInt),
/* harmony export */   UO: () => (/* binding */ strictParseFloat32),
/* harmony export */   V0: () => (/* binding */ strictParseLong),
/* harmony export */   Xk: () => (/* binding */ expectObject),
/* harmony export */   Y0: () => (/* binding */ expectNonNull),
/* harmony export */   Yy: () => (/* binding */ expectLong),
/* harmony export */   Zx: () => (/* binding */ limitedParseFloat32),
/* harmony export */   ak: () => (/* binding */ expectBoolean),
/* harmony export */   bC: () => (/* binding */ expectFloat32),
/* harmony export */   lK: () => (/* binding */ expectString),
/* harmony export */   r$: () => (/* binding */ expectNumber),
/* harmony export */   tN: () => (/* binding */ expectUnion),
/* harmony export */   tW: () => (/* binding */ strictParseByte),
/* harmony export */   vF: () => (/* binding */ logger),
/* harmony export */   vH: () => (/* binding */ expectInt),
/* harmony export */   vi: () => (/* binding */ strictParseFloat),
/* harmony export */   xW: () => (/* binding */ strictParseInt32),
/* harmony export */   yG: () => (/* binding */ parseBoolean),
/* harmony export */   zY: () => (/* binding */ handleFloat),
/* harmony export */   zi: () => (/* binding */ strictParseShort)
/* harmony export */ });
/* harmony import */ var _smithy_core_transport__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2990);

const parseBoolean = (value) => {
    switch (value) {
        case "true":
            return true;
        case "false":
            return false;
        default:
            throw new Error(`Unable to parse boolean value "${value}"`);
    }
};
const expectBoolean = (value) => {
    if (value === null || value === undefined) {
        return undefined;
    }
    if (typeof value === "number") {
        if (value === 0 || value === 1) {
            logger.warn(stackTraceWarning(`Expected boolean, got ${typeof value}: ${value}`));
        }
        if (value === 0) {
            return false;
        }
        if (value === 1) {
            return true;
        }
    }
    if (typeof value === "string") {
        const lower = value.toLowerCase();
        if (lower === "false" || lower === "true") {
            logger.warn(stackTraceWarning(`Expected boolean, got ${typeof value}: ${value}`));
        }
        if (lower === "false") {
            return false;
        }
        if (lower === "true") {
            return true;
        }
    }
    if (typeof value === "boolean") {
        return value;
    }
    throw new TypeError(`Expected boolean, got ${typeof value}: ${value}`);
};
const expectNumber = (value) => {
    if (value === null || value === undefined) {
        return undefined;
    }
    if (typeof value === "string") {
        const parsed = parseFloat(value);
        if (!Number.isNaN(parsed)) {
            if (String(parsed) !== String(value)) {
                logger.warn(stackTraceWarning(`Expected number but observed string: ${value}`));
            }
            return parsed;
        }
    }
    if (typeof value === "number") {
        return value;
    }
    throw new TypeError(`Expected number, got ${typeof value}: ${value}`);
};
const MAX_FLOAT = Math.ceil(2 ** 127 * (2 - 2 ** -23));
const expectFloat32 = (value) => {
    const expected = expectNumber(value);
    if (expected !== undefined && !Number.isNaN(expected) && expected !== Infinity && expected !== -Infinity) {
        if (Math.abs(expected) > MAX_FLOAT) {
            throw new TypeError(`Expected 32-bit float, got ${value}`);
        }
    }
    return expected;
};
const expectLong = (value) => {
    if (value === null || value === undefined) {
        return undefined;
    }
    if (Number.isInteger(value) && !Number.isNaN(value)) {
        return value;
    }
    throw new TypeError(`Expected integer, got ${typeof value}: ${value}`);
};
const expectInt = expectLong;
const expectInt32 = (value) => expectSizedInt(value, 32);
const expectShort = (value) => expectSizedInt(value, 16);
const expectByte = (value) => expectSizedInt(value, 8);
const expectSizedInt = (value, size) => {
    const expected = expectLong(value);
    if (expected !== undefined && castInt(expected, size) !== expected) {
        throw new TypeError(`Expected ${size}-bit integer, got ${value}`);
    }
    return expected;
};
const castInt = (value, size) => {
    switch (size) {
        case 32:
            return Int32Array.of(value)[0];
        case 16:
            return Int16Array.of(value)[0];
        case 8:
            return Int8Array.of(value)[0];
    }
};
const expectNonNull = (value, location) => {
    if (value === null || value === undefined) {
        if (location) {
            throw new TypeError(`Expected a non-null value for ${location}`);
        }
        throw new TypeError("Expected a non-null value");
    }
    return value;
};
const expectObject = (value) => {
    if (value === null || value === undefined) {
        return undefined;
    }
    if (typeof value === "object" && !Array.isArray(value)) {
        return value;
    }
    const receivedType = Array.isArray(value) ? "array" : typeof value;
    throw new TypeError(`Expected object, got ${receivedType}: ${value}`);
};
const expectString = (value) => {
    if (value === null || value === undefined) {
        return undefined;
    }
    if (typeof value === "string") {
        return value;
    }
    if (["boolean", "number", "bigint"].includes(typeof value)) {
        logger.warn(stackTraceWarning(`Expected string, got ${typeof value}: ${value}`));
        return String(value);
    }
    throw new TypeError(`Expected string, got ${typeof value}: ${value}`);
};
const expectUnion = (value) => {
    if (value === null || value === undefined) {
        return undefined;
    }
    const asObject = expectObject(value);
    const setKeys = [];
    for (const k in asObject) {
        if (!(0,_smithy_core_transport__WEBPACK_IMPORTED_MODULE_0__/* .hasOwn */ .$)(asObject, k)) {
            continue;
        }
        if (asObject[k] != null) {
            setKeys.push(k);
        }
    }
    if (setKeys.length === 0) {
        throw new TypeError(`Unions must have exactly one non-null member. None were found.`);
    }
    if (setKeys.length > 1) {
        throw new TypeError(`Unions must have exactly one non-null member. Keys ${setKeys} were not null.`);
    }
    return asObject;
};
const strictParseDouble = (value) => {
    if (typeof value == "string") {
        return expectNumber(parseNumber(value));
    }
    return expectNumber(value);
};
const strictParseFloat = strictParseDouble;
const strictParseFloat32 = (value) => {
    if (typeof value == "string") {
        return expectFloat32(parseNumber(value));
    }
    return expectFloat32(value);
};
const NUMBER_REGEX = /(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)|(-?Infinity)|(NaN)/g;
const parseNumber = (value) => {
    const matches = value.match(NUMBER_REGEX);
    if (matches === null || matches[0].length !== value.length) {
        throw new TypeError(`Expected real number, got implicit NaN`);
    }
    return parseFloat(value);
};
const limitedParseDouble = (value) => {
    if (typeof value == "string") {
        return parseFloatString(value);
    }
    return expectNumber(value);
};
const handleFloat = limitedParseDouble;
const limitedParseFloat = limitedParseDouble;
const limitedParseFloat32 = (value) => {
    if (typeof value == "string") {
        return parseFloatString(value);
    }
    return expectFloat32(value);
};
const parseFloatString = (value) => {
    switch (value) {
        case "NaN":
            return NaN;
        case "Infinity":
            return Infinity;
        case "-Infinity":
            return -Infinity;
        default:
            throw new Error(`Unable to parse float value: ${value}`);
    }
};
const strictParseLong = (value) => {
    if (typeof value === "string") {
        return expectLong(parseNumber(value));
    }
    return expectLong(value);
};
const strictParseInt = strictParseLong;
const strictParseInt32 = (value) => {
    if (typeof value === "string") {
        return expectInt32(parseNumber(value));
    }
    return expectInt32(value);
};
const strictParseShort = (value) => {
    if (typeof value === "string") {
        return expectShort(parseNumber(value));
    }
    return expectShort(value);
};
const strictParseByte = (value) => {
    if (typeof value === "string") {
        return expectByte(parseNumber(value));
    }
    return expectByte(value);
};
const stackTraceWarning = (message) => {
    return String(new TypeError(message).stack || message)
        .split("\n")
        .slice(0, 5)
        .filter((s) => !s.includes("stackTraceWarning"))
        .join("\n");
};
const logger = {
    warn: console.warn,
};


/***/ }),

/***/ 5528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ quoteHeader)
/* harmony export */ });
function quoteHeader(part) {
    if (part.includes(",") || part.includes('"')) {
        part = `"${part.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
    }
    return part;
}


/***/ }),

/***/ 4018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gj: () => (/* binding */ _parseRfc7231DateTime),
/* harmony export */   UK: () => (/* binding */ _parseEpochTimestamp),
/* harmony export */   eH: () => (/* binding */ _parseRfc3339DateTimeWithOffset)
/* harmony export */ });
const ddd = `(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:[ne|u?r]?s?day)?`;
const mmm = `(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)`;
const time = `(\\d?\\d):(\\d{2}):(\\d{2})(?:\\.(\\d+))?`;
const date = `(\\d?\\d)`;
const year = `(\\d{4})`;
const RFC3339_WITH_OFFSET = new RegExp(/^(\d{4})-(\d\d)-(\d\d)[tT](\d\d):(\d\d):(\d\d)(\.(\d+))?(([-+]\d\d:\d\d)|[zZ])$/);
const IMF_FIXDATE_NATIVE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?:0[1-9]|[12]\d|3[01]) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [1-9]\d{3} (?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d GMT$/;
const IMF_FIXDATE = new RegExp(`^${ddd}, ${date} ${mmm} ${year} ${time} GMT$`);
const RFC_850_DATE = new RegExp(`^${ddd}, ${date}-${mmm}-(\\d\\d) ${time} GMT$`);
const ASC_TIME = new RegExp(`^${ddd} ${mmm} ( [1-9]|\\d\\d) ${time} ${year}$`);
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const _parseEpochTimestamp = (value) => {
    if (value == null) {
        return void 0;
    }
    let num = NaN;
    if (typeof value === "number") {
        num = value;
    }
    else if (typeof value === "string") {
        if (!/^-?\d*\.?\d+$/.test(value)) {
            throw new TypeError(`parseEpochTimestamp - numeric string invalid.`);
        }
        num = Number.parseFloat(value);
    }
    else if (typeof value === "object" && value.tag === 1) {
        num = value.value;
    }
    if (isNaN(num) || Math.abs(num) === Infinity) {
        throw new TypeError("Epoch timestamps must be valid finite numbers.");
    }
    return new Date(Math.round(num * 1000));
};
const _parseRfc3339DateTimeWithOffset = (value) => {
    if (value == null) {
        return void 0;
    }
    if (typeof value !== "string") {
        throw new TypeError("RFC3339 timestamps must be strings");
    }
    const matches = RFC3339_WITH_OFFSET.exec(value);
    if (!matches) {
        throw new TypeError(`Invalid RFC3339 timestamp format ${value}`);
    }
    const [, yearStr, monthStr, dayStr, hours, minutes, seconds, , ms, offsetStr] = matches;
    range(monthStr, 1, 12);
    range(dayStr, 1, 31);
    range(hours, 0, 23);
    range(minutes, 0, 59);
    range(seconds, 0, 60);
    const date = new Date(Date.UTC(Number(yearStr), Number(monthStr) - 1, Number(dayStr), Number(hours), Number(minutes), Number(seconds), Number(ms) ? Math.round(parseFloat(`0.${ms}`) * 1000) : 0));
    date.setUTCFullYear(Number(yearStr));
    if (offsetStr.toUpperCase() != "Z") {
        const [, sign, offsetH, offsetM] = /([+-])(\d\d):(\d\d)/.exec(offsetStr) || [void 0, "+", 0, 0];
        const scalar = sign === "-" ? 1 : -1;
        date.setTime(date.getTime() + scalar * (Number(offsetH) * 60 * 60 * 1000 + Number(offsetM) * 60 * 1000));
    }
    return date;
};
const _parseRfc7231DateTime = (value) => {
    if (value == null) {
        return void 0;
    }
    if (typeof value !== "string") {
        throw new TypeError("RFC7231 timestamps must be strings.");
    }
    if (IMF_FIXDATE_NATIVE.test(value)) {
        return new Date(value);
    }
    let day;
    let month;
    let year;
    let hour;
    let minute;
    let second;
    let fraction;
    let matches;
    if ((matches = IMF_FIXDATE.exec(value))) {
        [, day, month, year, hour, minute, second, fraction] = matches;
    }
    else if ((matches = RFC_850_DATE.exec(value))) {
        [, day, month, year, hour, minute, second, fraction] = matches;
        year = (Number(year) + 1900).toString();
    }
    else if ((matches = ASC_TIME.exec(value))) {
        [, month, day, hour, minute, second, fraction, year] = matches;
    }
    if (year && second) {
        const timestamp = Date.UTC(Number(year), months.indexOf(month), Number(day), Number(hour), Number(minute), Number(second), fraction ? Math.round(parseFloat(`0.${fraction}`) * 1000) : 0);
        range(day, 1, 31);
        range(hour, 0, 23);
        range(minute, 0, 59);
        range(second, 0, 60);
        const date = new Date(timestamp);
        date.setUTCFullYear(Number(year));
        return date;
    }
    throw new TypeError(`Invalid RFC7231 date-time value ${value}.`);
};
function range(v, min, max) {
    const _v = Number(v);
    if (_v < min || _v > max) {
        throw new Error(`Value ${_v} out of range [${min}, ${max}]`);
    }
}


/***/ }),

/***/ 7774:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ splitEvery)
/* harmony export */ });
function splitEvery(value, delimiter, numDelimiters) {
    if (numDelimiters <= 0 || !Number.isInteger(numDelimiters)) {
        throw new Error("Invalid number of delimiters (" + numDelimiters + ") for splitEvery.");
    }
    const segments = value.split(delimiter);
    if (numDelimiters === 1) {
        return segments;
    }
    const compoundSegments = [];
    let currentSegment = "";
    for (let i = 0; i < segments.length; i++) {
        if (currentSegment === "") {
            currentSegment = segments[i];
        }
        else {
            currentSegment += delimiter + segments[i];
        }
        if ((i + 1) % numDelimiters === 0) {
            compoundSegments.push(currentSegment);
            currentSegment = "";
        }
    }
    if (currentSegment !== "") {
        compoundSegments.push(currentSegment);
    }
    return compoundSegments;
}


/***/ }),

/***/ 9796:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ splitHeader)
/* harmony export */ });
const splitHeader = (value) => {
    const z = value.length;
    const values = [];
    let withinQuotes = false;
    let escaped = false;
    let anchor = 0;
    for (let i = 0; i < z; ++i) {
        const char = value[i];
        switch (char) {
            case `"`:
                if (!escaped) {
                    withinQuotes = !withinQuotes;
                }
                break;
            case ",":
                if (!withinQuotes) {
                    values.push(value.slice(anchor, i));
                    anchor = i + 1;
                }
                break;
            default:
        }
        escaped = char === "\\" && !escaped;
    }
    values.push(value.slice(anchor));
    return values.map((v) => {
        v = v.trim();
        const z = v.length;
        if (z < 2) {
            return v;
        }
        if (v[0] === `"` && v[z - 1] === `"`) {
            v = v.slice(1, z - 1);
            return v.replace(/\\(["\\])/g, "$1");
        }
        return v.replace(/\\"/g, '"');
    });
};


/***/ }),

/***/ 9700:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ fromBase64)
/* harmony export */ });
/* harmony import */ var _util_buffer_from_buffer_from__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6664);

const BASE64_REGEX = /^[A-Za-z0-9+/]*={0,2}$/;
const fromBase64 = (input) => {
    if ((input.length * 3) % 4 !== 0) {
        throw new TypeError(`Incorrect padding on base64 string.`);
    }
    if (!BASE64_REGEX.exec(input)) {
        throw new TypeError(`Invalid base64 string.`);
    }
    const buffer = (0,_util_buffer_from_buffer_from__WEBPACK_IMPORTED_MODULE_0__/* .fromString */ .s)(input, "base64");
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
};


/***/ }),

/***/ 4270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n: () => (/* binding */ toBase64)
});

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/fromUtf8.browser.js
const fromUtf8 = (input) => new TextEncoder().encode(input);

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-base64/constants-for-browser.js
const chars = `ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/`;
const alphabetByEncoding = Object.entries(chars).reduce((acc, [i, c]) => {
    acc[c] = Number(i);
    return acc;
}, {});
const alphabetByValue = chars.split("");
const bitsPerLetter = 6;
const bitsPerByte = 8;
const maxLetterValue = 0b111111;

;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-base64/toBase64.browser.js


function toBase64(_input) {
    let input;
    if (typeof _input === "string") {
        input = fromUtf8(_input);
    }
    else {
        input = _input;
    }
    const isArrayLike = typeof input === "object" && typeof input.length === "number";
    const isUint8Array = typeof input === "object" &&
        typeof input.byteOffset === "number" &&
        typeof input.byteLength === "number";
    if (!isArrayLike && !isUint8Array) {
        throw new Error("@smithy/util-base64: toBase64 encoder function only accepts string | Uint8Array.");
    }
    let str = "";
    for (let i = 0; i < input.length; i += 3) {
        let bits = 0;
        let bitLength = 0;
        for (let j = i, limit = Math.min(i + 3, input.length); j < limit; j++) {
            bits |= input[j] << ((limit - j - 1) * bitsPerByte);
            bitLength += bitsPerByte;
        }
        const bitClusterCount = Math.ceil(bitLength / bitsPerLetter);
        bits <<= bitClusterCount * bitsPerLetter - bitLength;
        for (let k = 1; k <= bitClusterCount; k++) {
            const offset = (bitClusterCount - k) * bitsPerLetter;
            str += alphabetByValue[(bits & (maxLetterValue << offset)) >> offset];
        }
        str += "==".slice(0, 4 - bitClusterCount);
    }
    return str;
}


/***/ }),

/***/ 7305:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ toBase64)
/* harmony export */ });
/* harmony import */ var _util_buffer_from_buffer_from__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6664);
/* harmony import */ var _util_utf8_fromUtf8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7332);


const toBase64 = (_input) => {
    let input;
    if (typeof _input === "string") {
        input = (0,_util_utf8_fromUtf8__WEBPACK_IMPORTED_MODULE_0__/* .fromUtf8 */ .a)(_input);
    }
    else {
        input = _input;
    }
    if (typeof input !== "object" || typeof input.byteOffset !== "number" || typeof input.byteLength !== "number") {
        throw new Error("@smithy/util-base64: toBase64 encoder function only accepts string | Uint8Array.");
    }
    return (0,_util_buffer_from_buffer_from__WEBPACK_IMPORTED_MODULE_1__/* .fromArrayBuffer */ .Q)(input.buffer, input.byteOffset, input.byteLength).toString("base64");
};


/***/ }),

/***/ 2127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ calculateBodyLength)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

const calculateBodyLength = (body) => {
    if (!body) {
        return 0;
    }
    if (typeof body === "string") {
        return Buffer.byteLength(body);
    }
    else if (typeof body.byteLength === "number") {
        return body.byteLength;
    }
    else if (typeof body.size === "number") {
        return body.size;
    }
    else if (typeof body.start === "number" && typeof body.end === "number") {
        return body.end + 1 - body.start;
    }
    else if (body instanceof node_fs__WEBPACK_IMPORTED_MODULE_0__.ReadStream) {
        if (body.path != null) {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(body.path).size;
        }
        else if (typeof body.fd === "number") {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(body.fd).size;
        }
    }
    throw new Error(`Body Length computation failed for ${body}`);
};


/***/ }),

/***/ 6664:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ fromArrayBuffer),
/* harmony export */   s: () => (/* binding */ fromString)
/* harmony export */ });
/* harmony import */ var _is_array_buffer_is_array_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1719);

const fromArrayBuffer = (input, offset = 0, length = input.byteLength - offset) => {
    if (!(0,_is_array_buffer_is_array_buffer__WEBPACK_IMPORTED_MODULE_0__/* .isArrayBuffer */ .m)(input)) {
        throw new TypeError(`The "input" argument must be ArrayBuffer. Received type ${typeof input} (${input})`);
    }
    return Buffer.from(input, offset, length);
};
const fromString = (input, encoding) => {
    if (typeof input !== "string") {
        throw new TypeError(`The "input" argument must be of type string. Received type ${typeof input} (${input})`);
    }
    return encoding ? Buffer.from(input, encoding) : Buffer.from(input);
};


/***/ }),

/***/ 68:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ fromHex),
/* harmony export */   n: () => (/* binding */ toHex)
/* harmony export */ });
const SHORT_TO_HEX = {};
const HEX_TO_SHORT = {};
for (let i = 0; i < 256; i++) {
    let encodedByte = i.toString(16).toLowerCase();
    if (encodedByte.length === 1) {
        encodedByte = `0${encodedByte}`;
    }
    SHORT_TO_HEX[i] = encodedByte;
    HEX_TO_SHORT[encodedByte] = i;
}
function fromHex(encoded) {
    if (encoded.length % 2 !== 0) {
        throw new Error("Hex encoded strings must have an even number length");
    }
    const out = new Uint8Array(encoded.length / 2);
    for (let i = 0; i < encoded.length; i += 2) {
        const encodedByte = encoded.slice(i, i + 2).toLowerCase();
        if (encodedByte in HEX_TO_SHORT) {
            out[i / 2] = HEX_TO_SHORT[encodedByte];
        }
        else {
            throw new Error(`Cannot decode unrecognized sequence ${encodedByte} as hexadecimal`);
        }
    }
    return out;
}
function toHex(bytes) {
    let out = "";
    for (let i = 0; i < bytes.byteLength; i++) {
        out += SHORT_TO_HEX[bytes[i]];
    }
    return out;
}


/***/ }),

/***/ 6494:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  c: () => (/* binding */ sdk_stream_mixin_sdkStreamMixin)
});

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-buffer-from/buffer-from.js
var buffer_from = __webpack_require__(6664);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-base64/toBase64.browser.js + 2 modules
var toBase64_browser = __webpack_require__(4270);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-hex-encoding/hex-encoding.js
var hex_encoding = __webpack_require__(68);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/toUtf8.browser.js
const toUtf8 = (input) => {
    if (typeof input === "string") {
        return input;
    }
    if (typeof input !== "object" || typeof input.byteOffset !== "number" || typeof input.byteLength !== "number") {
        throw new Error("@smithy/util-utf8: toUtf8 encoder function only accepts string | Uint8Array.");
    }
    return new TextDecoder("utf-8").decode(input);
};

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/stream-collector.browser.js
var stream_collector_browser = __webpack_require__(2522);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/stream-type-check.js
var stream_type_check = __webpack_require__(1658);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/sdk-stream-mixin.browser.js





const ERR_MSG_STREAM_HAS_BEEN_TRANSFORMED = "The stream has already been transformed.";
const sdkStreamMixin = (stream) => {
    if (!isBlobInstance(stream) && !(0,stream_type_check/* isReadableStream */.H)(stream)) {
        const name = stream?.__proto__?.constructor?.name || stream;
        throw new Error(`Unexpected stream implementation, expect Blob or ReadableStream, got ${name}`);
    }
    let transformed = false;
    const transformToByteArray = async () => {
        if (transformed) {
            throw new Error(ERR_MSG_STREAM_HAS_BEEN_TRANSFORMED);
        }
        transformed = true;
        return await (0,stream_collector_browser/* streamCollector */.kv)(stream);
    };
    const blobToWebStream = (blob) => {
        if (typeof blob.stream !== "function") {
            throw new Error("Cannot transform payload Blob to web stream. Please make sure the Blob.stream() is polyfilled.\n" +
                "If you are using React Native, this API is not yet supported, see: https://react-native.canny.io/feature-requests/p/fetch-streaming-body");
        }
        return blob.stream();
    };
    return Object.assign(stream, {
        transformToByteArray: transformToByteArray,
        transformToString: async (encoding) => {
            const buf = await transformToByteArray();
            if (encoding === "base64") {
                return (0,toBase64_browser/* toBase64 */.n)(buf);
            }
            else if (encoding === "hex") {
                return (0,hex_encoding/* toHex */.n)(buf);
            }
            else if (encoding === undefined || encoding === "utf8" || encoding === "utf-8") {
                return toUtf8(buf);
            }
            else if (typeof TextDecoder === "function") {
                return new TextDecoder(encoding).decode(buf);
            }
            else {
                throw new Error("TextDecoder is not available, please make sure polyfill is provided.");
            }
        },
        transformToWebStream: () => {
            if (transformed) {
                throw new Error(ERR_MSG_STREAM_HAS_BEEN_TRANSFORMED);
            }
            transformed = true;
            if (isBlobInstance(stream)) {
                return blobToWebStream(stream);
            }
            else if ((0,stream_type_check/* isReadableStream */.H)(stream)) {
                return stream;
            }
            else {
                throw new Error(`Cannot transform payload to web stream, got ${stream}`);
            }
        },
    });
};
const isBlobInstance = (stream) => typeof Blob === "function" && stream instanceof Blob;

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/stream-collector.js
var stream_collector = __webpack_require__(6660);
;// CONCATENATED MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-stream/sdk-stream-mixin.js




const sdk_stream_mixin_ERR_MSG_STREAM_HAS_BEEN_TRANSFORMED = "The stream has already been transformed.";
const sdk_stream_mixin_sdkStreamMixin = (stream) => {
    if (!(stream instanceof external_node_stream_.Readable)) {
        try {
            return sdkStreamMixin(stream);
        }
        catch (ignored) {
            const name = stream?.__proto__?.constructor?.name || stream;
            throw new Error(`Unexpected stream implementation, expect Stream.Readable instance, got ${name}`);
        }
    }
    let transformed = false;
    const transformToByteArray = async () => {
        if (transformed) {
            throw new Error(sdk_stream_mixin_ERR_MSG_STREAM_HAS_BEEN_TRANSFORMED);
        }
        transformed = true;
        return await (0,stream_collector/* streamCollector */.k)(stream);
    };
    return Object.assign(stream, {
        transformToByteArray,
        transformToString: async (encoding) => {
            const buf = await transformToByteArray();
            if (encoding === undefined || Buffer.isEncoding(encoding)) {
                return (0,buffer_from/* fromArrayBuffer */.Q)(buf.buffer, buf.byteOffset, buf.byteLength).toString(encoding);
            }
            else {
                const decoder = new TextDecoder(encoding);
                return decoder.decode(buf);
            }
        },
        transformToWebStream: () => {
            if (transformed) {
                throw new Error(sdk_stream_mixin_ERR_MSG_STREAM_HAS_BEEN_TRANSFORMED);
            }
            if (stream.readableFlowing !== null) {
                throw new Error("The stream has been consumed by other callbacks.");
            }
            if (typeof external_node_stream_.Readable.toWeb !== "function") {
                throw new Error("Readable.toWeb() is not supported. Please ensure a polyfill is available.");
            }
            transformed = true;
            return external_node_stream_.Readable.toWeb(stream);
        },
    });
};


/***/ }),

/***/ 2522:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bq: () => (/* binding */ collectReadableStream),
/* harmony export */   kS: () => (/* binding */ collectBlob),
/* harmony export */   kv: () => (/* binding */ streamCollector)
/* harmony export */ });
/* harmony import */ var _concatBytes__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(351);
/* harmony import */ var _stream_type_check__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1658);


const streamCollector = async (stream) => {
    if ((0,_stream_type_check__WEBPACK_IMPORTED_MODULE_0__/* .isBlob */ .q)(stream)) {
        return collectBlob(stream);
    }
    return collectReadableStream(stream);
};
async function collectBlob(blob) {
    return blob.arrayBuffer().then((ab) => new Uint8Array(ab));
}
async function collectReadableStream(stream) {
    const chunks = [];
    const reader = stream.getReader();
    let length = 0;
    while (true) {
        const { done, value } = await reader.read();
        if (value) {
            chunks.push(value);
            length += value.length;
        }
        if (done) {
            break;
        }
    }
    return (0,_concatBytes__WEBPACK_IMPORTED_MODULE_1__/* .concatBytes */ .I)(chunks, length);
}


/***/ }),

/***/ 6660:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ streamCollector)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _concatBytes__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(351);
/* harmony import */ var _stream_collector_browser__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2522);
/* harmony import */ var _stream_type_check__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1658);




const streamCollector = (stream) => {
    if ((0,_stream_type_check__WEBPACK_IMPORTED_MODULE_1__/* .isBlob */ .q)(stream)) {
        return (0,_stream_collector_browser__WEBPACK_IMPORTED_MODULE_2__/* .collectBlob */ .kS)(stream);
    }
    if ((0,_stream_type_check__WEBPACK_IMPORTED_MODULE_1__/* .isReadableStream */ .H)(stream)) {
        return (0,_stream_collector_browser__WEBPACK_IMPORTED_MODULE_2__/* .collectReadableStream */ .Bq)(stream);
    }
    return new Promise((resolve, reject) => {
        const collector = new Collector();
        const nodeStream = stream;
        nodeStream.pipe(collector);
        nodeStream.on("error", (err) => {
            collector.end();
            reject(err);
        });
        collector.on("error", reject);
        collector.on("finish", function () {
            const bytes = (0,_concatBytes__WEBPACK_IMPORTED_MODULE_3__/* .concatBytes */ .I)(this.bufferedBytes);
            resolve(bytes);
        });
    });
};
class Collector extends node_stream__WEBPACK_IMPORTED_MODULE_0__.Writable {
    bufferedBytes = [];
    _write(chunk, encoding, callback) {
        this.bufferedBytes.push(chunk);
        callback();
    }
}


/***/ }),

/***/ 1658:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ isReadableStream),
/* harmony export */   q: () => (/* binding */ isBlob)
/* harmony export */ });
const isReadableStream = (stream) => typeof ReadableStream === "function" &&
    (stream?.constructor?.name === ReadableStream.name || stream instanceof ReadableStream);
const isBlob = (blob) => {
    return typeof Blob === "function" && (blob?.constructor?.name === Blob.name || blob instanceof Blob);
};


/***/ }),

/***/ 7332:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ fromUtf8)
/* harmony export */ });
/* harmony import */ var _util_buffer_from_buffer_from__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6664);

const fromUtf8 = (input) => {
    const buf = (0,_util_buffer_from_buffer_from__WEBPACK_IMPORTED_MODULE_0__/* .fromString */ .s)(input, "utf8");
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength / Uint8Array.BYTES_PER_ELEMENT);
};


/***/ }),

/***/ 3243:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ toUint8Array)
/* harmony export */ });
/* harmony import */ var _fromUtf8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7332);

const toUint8Array = (data) => {
    if (data instanceof Uint8Array) {
        return data;
    }
    if (typeof data === "string") {
        return (0,_fromUtf8__WEBPACK_IMPORTED_MODULE_0__/* .fromUtf8 */ .a)(data);
    }
    if (ArrayBuffer.isView(data)) {
        return new Uint8Array(data.buffer, data.byteOffset, data.byteLength / Uint8Array.BYTES_PER_ELEMENT);
    }
    return new Uint8Array(data);
};


/***/ }),

/***/ 9809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ toUtf8)
/* harmony export */ });
/* harmony import */ var _util_buffer_from_buffer_from__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6664);

const toUtf8 = (input) => {
    if (typeof input === "string") {
        return input;
    }
    if (typeof input !== "object" || typeof input.byteOffset !== "number" || typeof input.byteLength !== "number") {
        throw new Error("@smithy/util-utf8: toUtf8 encoder function only accepts string | Uint8Array.");
    }
    return (0,_util_buffer_from_buffer_from__WEBPACK_IMPORTED_MODULE_0__/* .fromArrayBuffer */ .Q)(input.buffer, input.byteOffset, input.byteLength).toString("utf8");
};


/***/ }),

/***/ 7004:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ NumericValue),
/* harmony export */   nv: () => (/* binding */ nv)
/* harmony export */ });
const format = /^-?((0|[1-9]\d*)(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/;
class NumericValue {
    string;
    type;
    constructor(string, type) {
        this.string = string;
        this.type = type;
        if (!format.test(string)) {
            throw new Error(`@smithy/core/serde - NumericValue string must conform to the Smithy bigDecimal format. Received: "${string}"`);
        }
    }
    toString() {
        return this.string;
    }
    static [Symbol.hasInstance](object) {
        if (!object || typeof object !== "object") {
            return false;
        }
        const _nv = object;
        return NumericValue.prototype.isPrototypeOf(object) || (_nv.type === "bigDecimal" && format.test(_nv.string));
    }
}
function nv(input) {
    return new NumericValue(String(input), "bigDecimal");
}


/***/ }),

/***/ 412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ writeKey)
/* harmony export */ });
function writeKey(obj) {
    Object.defineProperty(obj, "__proto__", { value: undefined, writable: true, enumerable: true, configurable: true });
}


/***/ }),

/***/ 8743:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ getSmithyContext)
/* harmony export */ });
/* harmony import */ var _smithy_types__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7418);

const getSmithyContext = (context) => context[_smithy_types__WEBPACK_IMPORTED_MODULE_0__/* .SMITHY_CONTEXT_KEY */ .V] || (context[_smithy_types__WEBPACK_IMPORTED_MODULE_0__/* .SMITHY_CONTEXT_KEY */ .V] = {});


/***/ }),

/***/ 2990:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ hasOwn)
/* harmony export */ });
function hasOwn(o, k) {
    return Object.prototype.hasOwnProperty.call(o, k);
}


/***/ }),

/***/ 9725:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ HttpRequest)
/* harmony export */ });
class HttpRequest {
    method;
    protocol;
    hostname;
    port;
    path;
    query;
    headers;
    username;
    password;
    fragment;
    body;
    constructor(options) {
        this.method = options.method || "GET";
        this.hostname = options.hostname || "localhost";
        this.port = options.port;
        this.query = options.query || {};
        this.headers = options.headers || {};
        this.body = options.body;
        this.protocol = options.protocol
            ? options.protocol.slice(-1) !== ":"
                ? `${options.protocol}:`
                : options.protocol
            : "https:";
        this.path = options.path ? (options.path.charAt(0) !== "/" ? `/${options.path}` : options.path) : "/";
        this.username = options.username;
        this.password = options.password;
        this.fragment = options.fragment;
    }
    static clone(request) {
        const cloned = new HttpRequest({
            ...request,
            headers: { ...request.headers },
        });
        if (cloned.query) {
            cloned.query = cloneQuery(cloned.query);
        }
        return cloned;
    }
    static isInstance(request) {
        if (!request) {
            return false;
        }
        const req = request;
        return ("method" in req &&
            "protocol" in req &&
            "hostname" in req &&
            "path" in req &&
            typeof req["query"] === "object" &&
            typeof req["headers"] === "object");
    }
    clone() {
        return HttpRequest.clone(this);
    }
}
function cloneQuery(query) {
    return Object.keys(query).reduce((carry, paramName) => {
        const param = query[paramName];
        return {
            ...carry,
            [paramName]: Array.isArray(param) ? [...param] : param,
        };
    }, {});
}


/***/ }),

/***/ 5401:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ HttpResponse)
/* harmony export */ });
class HttpResponse {
    statusCode;
    reason;
    headers;
    body;
    constructor(options) {
        this.statusCode = options.statusCode;
        this.reason = options.reason;
        this.headers = options.headers || {};
        this.body = options.body;
    }
    static isInstance(response) {
        if (!response) {
            return false;
        }
        const resp = response;
        return typeof resp.statusCode === "number" && typeof resp.headers === "object";
    }
}


/***/ }),

/***/ 4280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ isValidHostLabel)
/* harmony export */ });
const VALID_HOST_LABEL_REGEX = new RegExp(`^(?!.*-$)(?!-)[a-zA-Z0-9-]{1,63}$`);
const isValidHostLabel = (value, allowSubDomains = false) => {
    if (!allowSubDomains) {
        return VALID_HOST_LABEL_REGEX.test(value);
    }
    const labels = value.split(".");
    for (const label of labels) {
        if (!isValidHostLabel(label)) {
            return false;
        }
    }
    return true;
};


/***/ }),

/***/ 2247:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ isValidHostname)
/* harmony export */ });
function isValidHostname(hostname) {
    const hostPattern = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;
    return hostPattern.test(hostname);
}


/***/ }),

/***/ 9362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ normalizeProvider)
/* harmony export */ });
const normalizeProvider = (input) => {
    if (typeof input === "function") {
        return input;
    }
    const promisified = Promise.resolve(input);
    return () => promisified;
};


/***/ }),

/***/ 9786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ parseQueryString)
/* harmony export */ });
function parseQueryString(querystring) {
    const query = {};
    querystring = querystring.replace(/^\?/, "");
    if (querystring) {
        for (const pair of querystring.split("&")) {
            let [key, value = null] = pair.split("=");
            key = decodeURIComponent(key);
            if (value) {
                value = decodeURIComponent(value);
            }
            if (!(key in query)) {
                query[key] = value;
            }
            else if (Array.isArray(query[key])) {
                query[key].push(value);
            }
            else {
                query[key] = [query[key], value];
            }
        }
    }
    return query;
}


/***/ }),

/***/ 3934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ parseUrl)
/* harmony export */ });
/* harmony import */ var _parseQueryString__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9786);

const parseUrl = (url) => {
    if (typeof url === "string") {
        return parseUrl(new URL(url));
    }
    const { hostname, pathname, port, protocol, search } = url;
    let query;
    if (search) {
        query = (0,_parseQueryString__WEBPACK_IMPORTED_MODULE_0__/* .parseQueryString */ .J)(search);
    }
    return {
        hostname,
        port: port ? parseInt(port) : undefined,
        protocol,
        path: pathname,
        query,
    };
};


/***/ }),

/***/ 3055:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ toEndpointV1)
/* harmony export */ });
/* harmony import */ var _hasOwn__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2990);
/* harmony import */ var _parseUrl__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3934);


const toEndpointV1 = (endpoint) => {
    if (typeof endpoint === "object") {
        if ("url" in endpoint) {
            const v1Endpoint = (0,_parseUrl__WEBPACK_IMPORTED_MODULE_0__/* .parseUrl */ .D)(endpoint.url);
            if (endpoint.headers) {
                v1Endpoint.headers = {};
                for (const name in endpoint.headers) {
                    if (!(0,_hasOwn__WEBPACK_IMPORTED_MODULE_1__/* .hasOwn */ .$)(endpoint.headers, name)) {
                        continue;
                    }
                    v1Endpoint.headers[name.toLowerCase()] = endpoint.headers[name].join(", ");
                }
            }
            return v1Endpoint;
        }
        return endpoint;
    }
    return (0,_parseUrl__WEBPACK_IMPORTED_MODULE_0__/* .parseUrl */ .D)(endpoint);
};


/***/ }),

/***/ 1051:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ buildAbortError)
/* harmony export */ });
function buildAbortError(abortSignal) {
    const reason = abortSignal && typeof abortSignal === "object" && "reason" in abortSignal
        ? abortSignal.reason
        : undefined;
    if (reason) {
        if (reason instanceof Error) {
            const abortError = new Error("Request aborted");
            abortError.name = "AbortError";
            abortError.cause = reason;
            return abortError;
        }
        const abortError = new Error(String(reason));
        abortError.name = "AbortError";
        return abortError;
    }
    const abortError = new Error("Request aborted");
    abortError.name = "AbortError";
    return abortError;
}


/***/ }),

/***/ 5544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ getTransformedHeaders)
/* harmony export */ });
/* harmony import */ var _smithy_core_serde__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2990);

const getTransformedHeaders = (headers) => {
    const transformedHeaders = {};
    for (const name in headers) {
        if (!(0,_smithy_core_serde__WEBPACK_IMPORTED_MODULE_0__/* .hasOwn */ .$)(headers, name)) {
            continue;
        }
        const headerValues = headers[name];
        transformedHeaders[name] = Array.isArray(headerValues) ? headerValues.join(",") : headerValues;
    }
    return transformedHeaders;
};



/***/ }),

/***/ 3291:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  w: () => (/* binding */ DEFAULT_REQUEST_TIMEOUT),
  $: () => (/* binding */ NodeHttpHandler)
});

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/hasOwn.js
var hasOwn = __webpack_require__(2990);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/protocols/querystring-builder/buildQueryString.js
var buildQueryString = __webpack_require__(2107);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/httpResponse.js
var transport_httpResponse = __webpack_require__(5401);
// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-es/build-abort-error.js
var build_abort_error = __webpack_require__(1051);
;// CONCATENATED MODULE: ./node_modules/@smithy/node-http-handler/dist-es/constants.js
const NODEJS_TIMEOUT_ERROR_CODES = ["ECONNRESET", "EPIPE", "ETIMEDOUT"];

// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-es/get-transformed-headers.js
var get_transformed_headers = __webpack_require__(5544);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-es/timing.js
var timing = __webpack_require__(4957);
;// CONCATENATED MODULE: ./node_modules/@smithy/node-http-handler/dist-es/set-connection-timeout.js

const DEFER_EVENT_LISTENER_TIME = 1000;
const setConnectionTimeout = (request, reject, timeoutInMs = 0) => {
    if (!timeoutInMs) {
        return -1;
    }
    const registerTimeout = (offset) => {
        const timeoutId = timing/* timing */.N.setTimeout(() => {
            request.destroy();
            reject(Object.assign(new Error(`@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of ${timeoutInMs} ms.`), {
                name: "TimeoutError",
            }));
        }, timeoutInMs - offset);
        const doWithSocket = (socket) => {
            if (socket?.connecting) {
                socket.on("connect", () => {
                    timing/* timing */.N.clearTimeout(timeoutId);
                });
            }
            else {
                timing/* timing */.N.clearTimeout(timeoutId);
            }
        };
        if (request.socket) {
            doWithSocket(request.socket);
        }
        else {
            request.on("socket", doWithSocket);
        }
    };
    if (timeoutInMs < 2000) {
        registerTimeout(0);
        return 0;
    }
    return timing/* timing */.N.setTimeout(registerTimeout.bind(null, DEFER_EVENT_LISTENER_TIME), DEFER_EVENT_LISTENER_TIME);
};

;// CONCATENATED MODULE: ./node_modules/@smithy/node-http-handler/dist-es/set-request-timeout.js

const setRequestTimeout = (req, reject, timeoutInMs = 0, throwOnRequestTimeout, logger) => {
    if (timeoutInMs) {
        return timing/* timing */.N.setTimeout(() => {
            let msg = `@smithy/node-http-handler - [${throwOnRequestTimeout ? "ERROR" : "WARN"}] a request has exceeded the configured ${timeoutInMs} ms requestTimeout.`;
            if (throwOnRequestTimeout) {
                const error = Object.assign(new Error(msg), {
                    name: "TimeoutError",
                    code: "ETIMEDOUT",
                });
                req.destroy(error);
                reject(error);
            }
            else {
                msg += ` Init client requestHandler with throwOnRequestTimeout=true to turn this into an error.`;
                logger?.warn?.(msg);
            }
        }, timeoutInMs);
    }
    return -1;
};

;// CONCATENATED MODULE: ./node_modules/@smithy/node-http-handler/dist-es/set-socket-keep-alive.js

const set_socket_keep_alive_DEFER_EVENT_LISTENER_TIME = 3000;
const setSocketKeepAlive = (request, { keepAlive, keepAliveMsecs }, deferTimeMs = set_socket_keep_alive_DEFER_EVENT_LISTENER_TIME) => {
    if (keepAlive !== true) {
        return -1;
    }
    const registerListener = () => {
        if (request.socket) {
            request.socket.setKeepAlive(keepAlive, keepAliveMsecs || 0);
        }
        else {
            request.on("socket", (socket) => {
                socket.setKeepAlive(keepAlive, keepAliveMsecs || 0);
            });
        }
    };
    if (deferTimeMs === 0) {
        registerListener();
        return 0;
    }
    return timing/* timing */.N.setTimeout(registerListener, deferTimeMs);
};

// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-es/resolve-default-socket-timeout.js
var resolve_default_socket_timeout = __webpack_require__(2687);
;// CONCATENATED MODULE: ./node_modules/@smithy/node-http-handler/dist-es/set-socket-timeout.js

const set_socket_timeout_DEFER_EVENT_LISTENER_TIME = 3000;
const setSocketTimeout = (request, reject, timeoutInMs = 0, isServiceDefault = false) => {
    if (!Number.isFinite(timeoutInMs) || timeoutInMs <= 0) {
        return;
    }
    let response;
    request.once("response", (res) => (response = res));
    const onTimeout = () => {
        if (response?.complete) {
            request.socket?.destroy();
            return;
        }
        const error = Object.assign(new Error(`@smithy/node-http-handler - the request socket timed out after ${timeoutInMs} ms of inactivity (${isServiceDefault ? "service default socket timeout" : "configured by client requestHandler"}).`), { name: "TimeoutError" });
        response?.destroy(error);
        request.destroy();
        reject(error);
    };
    const registerTimeout = () => {
        const { socket } = request;
        if (!socket) {
            request.once("socket", registerTimeout);
        }
        else if (socket.connecting) {
            socket.once("connect", registerTimeout);
        }
        else {
            socket.setTimeout(timeoutInMs, onTimeout);
            request.on("close", () => socket.removeListener("timeout", onTimeout));
        }
    };
    if (timeoutInMs < 6000) {
        registerTimeout();
        return;
    }
    const deferralId = timing/* timing */.N.setTimeout(registerTimeout, set_socket_timeout_DEFER_EVENT_LISTENER_TIME);
    request.once("close", () => timing/* timing */.N.clearTimeout(deferralId));
};

// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-es/write-request-body.js
var write_request_body = __webpack_require__(1849);
;// CONCATENATED MODULE: ./node_modules/@smithy/node-http-handler/dist-es/node-http-handler.js













const DEFAULT_REQUEST_TIMEOUT = 0;
let hAgent = undefined;
let hRequest = undefined;
class NodeHttpHandler {
    config;
    configProvider;
    socketWarningTimestamp = 0;
    externalAgent = false;
    metadata = { handlerProtocol: "http/1.1" };
    static create(instanceOrOptions) {
        if (typeof instanceOrOptions?.handle === "function") {
            return instanceOrOptions;
        }
        return new NodeHttpHandler(instanceOrOptions);
    }
    static checkSocketUsage(agent, socketWarningTimestamp, logger = console) {
        const { sockets, requests, maxSockets } = agent;
        if (typeof maxSockets !== "number" || maxSockets === Infinity) {
            return socketWarningTimestamp;
        }
        const interval = 15_000;
        if (Date.now() - interval < socketWarningTimestamp) {
            return socketWarningTimestamp;
        }
        if (sockets && requests) {
            for (const origin in sockets) {
                if (!(0,hasOwn/* hasOwn */.$)(sockets, origin)) {
                    continue;
                }
                const socketsInUse = sockets[origin]?.length ?? 0;
                const requestsEnqueued = requests[origin]?.length ?? 0;
                if (socketsInUse >= maxSockets && requestsEnqueued >= 2 * maxSockets) {
                    logger?.warn?.(`@smithy/node-http-handler:WARN - socket usage at capacity=${socketsInUse} and ${requestsEnqueued} additional requests are enqueued.
See https://docs.aws.amazon.com/sdk-for-javascript/v3/developer-guide/node-configuring-maxsockets.html
or increase socketAcquisitionWarningTimeout=(millis) in the NodeHttpHandler config.`);
                    return Date.now();
                }
            }
        }
        return socketWarningTimestamp;
    }
    constructor(options) {
        this.configProvider = new Promise((resolve, reject) => {
            if (typeof options === "function") {
                options()
                    .then((_options) => {
                    resolve(this.resolveDefaultConfig(_options));
                })
                    .catch(reject);
            }
            else {
                resolve(this.resolveDefaultConfig(options));
            }
        });
    }
    destroy() {
        this.config?.httpAgent?.destroy();
        this.config?.httpsAgent?.destroy();
    }
    async handle(request, { abortSignal, requestTimeout } = {}) {
        if (!this.config) {
            this.config = await this.configProvider;
        }
        const config = this.config;
        const logger = config.logger;
        const isSSL = request.protocol === "https:";
        if (!isSSL && !this.config.httpAgent) {
            this.config.httpAgent = await this.config.httpAgentProvider();
        }
        return new Promise((_resolve, _reject) => {
            let writeRequestBodyPromise = undefined;
            let socketWarningTimeoutId = -1;
            let connectionTimeoutId = -1;
            let requestTimeoutId = -1;
            let keepAliveTimeoutId = -1;
            const clearTimeouts = () => {
                timing/* timing */.N.clearTimeout(socketWarningTimeoutId);
                timing/* timing */.N.clearTimeout(connectionTimeoutId);
                timing/* timing */.N.clearTimeout(requestTimeoutId);
                timing/* timing */.N.clearTimeout(keepAliveTimeoutId);
            };
            const resolve = async (arg) => {
                await writeRequestBodyPromise;
                clearTimeouts();
                _resolve(arg);
            };
            const reject = async (arg) => {
                await writeRequestBodyPromise;
                clearTimeouts();
                _reject(arg);
            };
            if (abortSignal?.aborted) {
                const abortError = (0,build_abort_error/* buildAbortError */.F)(abortSignal);
                reject(abortError);
                return;
            }
            const headers = request.headers;
            const expectContinue = headers ? (headers.Expect ?? headers.expect) === "100-continue" : false;
            let agent = isSSL ? config.httpsAgent : config.httpAgent;
            if (expectContinue && !this.externalAgent) {
                agent = new (isSSL ? (external_node_https_default()).Agent : hAgent)({
                    keepAlive: false,
                    maxSockets: Infinity,
                });
            }
            socketWarningTimeoutId = timing/* timing */.N.setTimeout(() => {
                this.socketWarningTimestamp = NodeHttpHandler.checkSocketUsage(agent, this.socketWarningTimestamp, logger);
            }, config.socketAcquisitionWarningTimeout ?? (config.requestTimeout ?? 2000) + (config.connectionTimeout ?? 1000));
            const queryString = request.query ? (0,buildQueryString/* buildQueryString */.G)(request.query) : "";
            let auth = undefined;
            if (request.username != null || request.password != null) {
                const username = request.username ?? "";
                const password = request.password ?? "";
                auth = `${username}:${password}`;
            }
            let path = request.path;
            if (queryString) {
                path += `?${queryString}`;
            }
            if (request.fragment) {
                path += `#${request.fragment}`;
            }
            let hostname = request.hostname ?? "";
            if (hostname[0] === "[" && hostname.endsWith("]")) {
                hostname = request.hostname.slice(1, -1);
            }
            else {
                hostname = request.hostname;
            }
            const nodeHttpsOptions = {
                headers: request.headers,
                host: hostname,
                method: request.method,
                path,
                port: request.port,
                agent,
                auth,
            };
            const requestFunc = isSSL ? (external_node_https_default()).request : hRequest;
            const req = requestFunc(nodeHttpsOptions, (res) => {
                const httpResponse = new transport_httpResponse/* HttpResponse */.c({
                    statusCode: res.statusCode || -1,
                    reason: res.statusMessage,
                    headers: (0,get_transformed_headers/* getTransformedHeaders */.u)(res.headers),
                    body: res,
                });
                resolve({ response: httpResponse });
            });
            req.on("error", (err) => {
                if (NODEJS_TIMEOUT_ERROR_CODES.includes(err.code)) {
                    reject(Object.assign(err, { name: "TimeoutError" }));
                }
                else {
                    reject(err);
                }
            });
            if (abortSignal) {
                const onAbort = () => {
                    req.destroy();
                    const abortError = (0,build_abort_error/* buildAbortError */.F)(abortSignal);
                    reject(abortError);
                };
                if (typeof abortSignal.addEventListener === "function") {
                    const signal = abortSignal;
                    signal.addEventListener("abort", onAbort, { once: true });
                    req.once("close", () => signal.removeEventListener("abort", onAbort));
                }
                else {
                    abortSignal.onabort = onAbort;
                }
            }
            const effectiveRequestTimeout = requestTimeout ?? config.requestTimeout;
            connectionTimeoutId = setConnectionTimeout(req, reject, config.connectionTimeout);
            requestTimeoutId = setRequestTimeout(req, reject, effectiveRequestTimeout, config.throwOnRequestTimeout, logger ?? console);
            const defaultSocketTimeout = config.socketTimeout === undefined ? (0,resolve_default_socket_timeout/* resolveDefaultSocketTimeout */.U)(config) : undefined;
            if (defaultSocketTimeout) {
                setSocketTimeout(req, reject, defaultSocketTimeout, true);
            }
            else {
                setSocketTimeout(req, reject, config.socketTimeout);
            }
            const httpAgent = nodeHttpsOptions.agent;
            if (typeof httpAgent === "object" && "keepAlive" in httpAgent) {
                keepAliveTimeoutId = setSocketKeepAlive(req, {
                    keepAlive: httpAgent.keepAlive,
                    keepAliveMsecs: httpAgent.keepAliveMsecs,
                });
            }
            writeRequestBodyPromise = (0,write_request_body/* writeRequestBody */.f)(req, request, effectiveRequestTimeout, this.externalAgent).catch((e) => {
                clearTimeouts();
                return _reject(e);
            });
        });
    }
    updateHttpClientConfig(key, value) {
        this.config = undefined;
        this.configProvider = this.configProvider.then((config) => {
            switch (key) {
                case Symbol.for("logger"):
                    key = "logger";
                    value = config.logger ?? value;
                    break;
                case Symbol.for("@smithy/defaultSocketTimeout"):
                    key = "defaultSocketTimeout";
                    value = (0,resolve_default_socket_timeout/* resolveDefaultSocketTimeout */.U)(config) ?? value;
                    break;
            }
            return {
                ...config,
                [key]: value,
            };
        });
    }
    httpHandlerConfigs() {
        return this.config ?? {};
    }
    resolveDefaultConfig(options) {
        const { requestTimeout, connectionTimeout, socketTimeout, socketAcquisitionWarningTimeout, httpAgent, httpsAgent, throwOnRequestTimeout, logger, } = options || {};
        const keepAlive = true;
        const maxSockets = 50;
        let httpAgentPromise;
        return {
            connectionTimeout,
            requestTimeout,
            socketTimeout,
            defaultSocketTimeout: (0,resolve_default_socket_timeout/* resolveDefaultSocketTimeout */.U)(options),
            socketAcquisitionWarningTimeout,
            throwOnRequestTimeout,
            httpAgentProvider: () => (httpAgentPromise ??= (async () => {
                const node_http = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 23));
                const { Agent, request } = node_http.default ?? node_http;
                hRequest = request;
                hAgent = Agent;
                if (httpAgent instanceof hAgent || typeof httpAgent?.destroy === "function") {
                    this.externalAgent = true;
                    return httpAgent;
                }
                return new hAgent({ keepAlive, maxSockets, ...httpAgent });
            })()),
            httpsAgent: (() => {
                if (httpsAgent instanceof (external_node_https_default()).Agent || typeof httpsAgent?.destroy === "function") {
                    this.externalAgent = true;
                    return httpsAgent;
                }
                return new (external_node_https_default()).Agent({ keepAlive, maxSockets, ...httpsAgent });
            })(),
            logger,
        };
    }
}


/***/ }),

/***/ 2687:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ resolveDefaultSocketTimeout)
/* harmony export */ });
const resolveDefaultSocketTimeout = (config) => {
    const value = config?.defaultSocketTimeout;
    return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : undefined;
};


/***/ }),

/***/ 4957:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ timing)
/* harmony export */ });
const timing = {
    setTimeout: (cb, ms) => setTimeout(cb, ms),
    clearTimeout: (timeoutId) => clearTimeout(timeoutId),
};


/***/ }),

/***/ 1849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ writeRequestBody)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _timing__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4957);


const MIN_WAIT_TIME = 6_000;
async function writeRequestBody(httpRequest, request, maxContinueTimeoutMs = MIN_WAIT_TIME, externalAgent = false) {
    const headers = request.headers;
    const expect = headers ? headers.Expect || headers.expect : undefined;
    let timeoutId = -1;
    let sendBody = true;
    if (!externalAgent && expect === "100-continue") {
        sendBody = await Promise.race([
            new Promise((resolve) => {
                timeoutId = Number(_timing__WEBPACK_IMPORTED_MODULE_1__/* .timing */ .N.setTimeout(() => resolve(true), Math.max(MIN_WAIT_TIME, maxContinueTimeoutMs)));
            }),
            new Promise((resolve) => {
                httpRequest.on("continue", () => {
                    _timing__WEBPACK_IMPORTED_MODULE_1__/* .timing */ .N.clearTimeout(timeoutId);
                    resolve(true);
                });
                httpRequest.on("response", () => {
                    _timing__WEBPACK_IMPORTED_MODULE_1__/* .timing */ .N.clearTimeout(timeoutId);
                    resolve(false);
                });
                httpRequest.on("error", () => {
                    _timing__WEBPACK_IMPORTED_MODULE_1__/* .timing */ .N.clearTimeout(timeoutId);
                    resolve(false);
                });
            }),
        ]);
    }
    if (sendBody) {
        writeBody(httpRequest, request.body);
    }
}
function writeBody(httpRequest, body) {
    if (body instanceof node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable) {
        body.pipe(httpRequest);
        return;
    }
    if (body) {
        const isBuffer = Buffer.isBuffer(body);
        const isString = typeof body === "string";
        if (isBuffer || isString) {
            if (isBuffer && body.byteLength === 0) {
                httpRequest.end();
            }
            else {
                httpRequest.end(body);
            }
            return;
        }
        const uint8 = body;
        if (typeof uint8 === "object" &&
            uint8.buffer &&
            typeof uint8.byteOffset === "number" &&
            typeof uint8.byteLength === "number") {
            httpRequest.end(Buffer.from(uint8.buffer, uint8.byteOffset, uint8.byteLength));
            return;
        }
        httpRequest.end(Buffer.from(body));
        return;
    }
    httpRequest.end();
}


/***/ }),

/***/ 7476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  B: () => (/* binding */ SignatureV4)
});

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-hex-encoding/hex-encoding.js
var hex_encoding = __webpack_require__(68);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/toUint8Array.js
var toUint8Array = __webpack_require__(3243);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/hasOwn.js
var transport_hasOwn = __webpack_require__(2990);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/fromUtf8.js
var fromUtf8 = __webpack_require__(7332);
;// CONCATENATED MODULE: ./node_modules/@smithy/signature-v4/dist-es/HeaderFormatter.js


class HeaderFormatter {
    format(headers) {
        const chunks = [];
        for (const headerName in headers) {
            if (!(0,transport_hasOwn/* hasOwn */.$)(headers, headerName)) {
                continue;
            }
            const bytes = (0,fromUtf8/* fromUtf8 */.a)(headerName);
            chunks.push(Uint8Array.from([bytes.byteLength]), bytes, this.formatHeaderValue(headers[headerName]));
        }
        const out = new Uint8Array(chunks.reduce((carry, bytes) => carry + bytes.byteLength, 0));
        let position = 0;
        for (const chunk of chunks) {
            out.set(chunk, position);
            position += chunk.byteLength;
        }
        return out;
    }
    formatHeaderValue(header) {
        switch (header.type) {
            case "boolean":
                return Uint8Array.from([header.value ? 0 : 1]);
            case "byte":
                return Uint8Array.from([2, header.value]);
            case "short":
                const shortView = new DataView(new ArrayBuffer(3));
                shortView.setUint8(0, 3);
                shortView.setInt16(1, header.value, false);
                return new Uint8Array(shortView.buffer);
            case "integer":
                const intView = new DataView(new ArrayBuffer(5));
                intView.setUint8(0, 4);
                intView.setInt32(1, header.value, false);
                return new Uint8Array(intView.buffer);
            case "long":
                const longBytes = new Uint8Array(9);
                longBytes[0] = 5;
                longBytes.set(header.value.bytes, 1);
                return longBytes;
            case "binary":
                const binView = new DataView(new ArrayBuffer(3 + header.value.byteLength));
                binView.setUint8(0, 6);
                binView.setUint16(1, header.value.byteLength, false);
                const binBytes = new Uint8Array(binView.buffer);
                binBytes.set(header.value, 3);
                return binBytes;
            case "string":
                const utf8Bytes = (0,fromUtf8/* fromUtf8 */.a)(header.value);
                const strView = new DataView(new ArrayBuffer(3 + utf8Bytes.byteLength));
                strView.setUint8(0, 7);
                strView.setUint16(1, utf8Bytes.byteLength, false);
                const strBytes = new Uint8Array(strView.buffer);
                strBytes.set(utf8Bytes, 3);
                return strBytes;
            case "timestamp":
                const tsBytes = new Uint8Array(9);
                tsBytes[0] = 8;
                tsBytes.set(Int64.fromNumber(header.value.valueOf()).bytes, 1);
                return tsBytes;
            case "uuid":
                if (!UUID_PATTERN.test(header.value)) {
                    throw new Error(`Invalid UUID received: ${header.value}`);
                }
                const uuidBytes = new Uint8Array(17);
                uuidBytes[0] = 9;
                uuidBytes.set((0,hex_encoding/* fromHex */.a)(header.value.replace(/-/g, "")), 1);
                return uuidBytes;
        }
    }
}
var HEADER_VALUE_TYPE;
(function (HEADER_VALUE_TYPE) {
    HEADER_VALUE_TYPE[HEADER_VALUE_TYPE["boolTrue"] = 0] = "boolTrue";
    HEADER_VALUE_TYPE[HEADER_VALUE_TYPE["boolFalse"] = 1] = "boolFalse";
    HEADER_VALUE_TYPE[HEADER_VALUE_TYPE["byte"] = 2] = "byte";
    HEADER_VALUE_TYPE[HEADER_VALUE_TYPE["short"] = 3] = "short";
    HEADER_VALUE_TYPE[HEADER_VALUE_TYPE["integer"] = 4] = "integer";
    HEADER_VALUE_TYPE[HEADER_VALUE_TYPE["long"] = 5] = "long";
    HEADER_VALUE_TYPE[HEADER_VALUE_TYPE["byteArray"] = 6] = "byteArray";
    HEADER_VALUE_TYPE[HEADER_VALUE_TYPE["string"] = 7] = "string";
    HEADER_VALUE_TYPE[HEADER_VALUE_TYPE["timestamp"] = 8] = "timestamp";
    HEADER_VALUE_TYPE[HEADER_VALUE_TYPE["uuid"] = 9] = "uuid";
})(HEADER_VALUE_TYPE || (HEADER_VALUE_TYPE = {}));
const UUID_PATTERN = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;
class Int64 {
    bytes;
    constructor(bytes) {
        this.bytes = bytes;
        if (bytes.byteLength !== 8) {
            throw new Error("Int64 buffers must be exactly 8 bytes");
        }
    }
    static fromNumber(number) {
        if (number > 9_223_372_036_854_775_807 || number < -9_223_372_036_854_775_808) {
            throw new Error(`${number} is too large (or, if negative, too small) to represent as an Int64`);
        }
        const bytes = new Uint8Array(8);
        for (let i = 7, remaining = Math.abs(Math.round(number)); i > -1 && remaining > 0; i--, remaining /= 256) {
            bytes[i] = remaining;
        }
        if (number < 0) {
            negate(bytes);
        }
        return new Int64(bytes);
    }
    valueOf() {
        const bytes = this.bytes.slice(0);
        const negative = bytes[0] & 0b10000000;
        if (negative) {
            negate(bytes);
        }
        return parseInt((0,hex_encoding/* toHex */.n)(bytes), 16) * (negative ? -1 : 1);
    }
    toString() {
        return String(this.valueOf());
    }
}
function negate(bytes) {
    for (let i = 0; i < 8; i++) {
        bytes[i] ^= 0xff;
    }
    for (let i = 7; i > -1; i--) {
        bytes[i]++;
        if (bytes[i] !== 0) {
            break;
        }
    }
}

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/normalizeProvider.js
var normalizeProvider = __webpack_require__(9362);
// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/protocols/util-uri-escape/escape-uri.js
var escape_uri = __webpack_require__(6856);
;// CONCATENATED MODULE: ./node_modules/@smithy/signature-v4/dist-es/constants.js
const ALGORITHM_QUERY_PARAM = "X-Amz-Algorithm";
const CREDENTIAL_QUERY_PARAM = "X-Amz-Credential";
const AMZ_DATE_QUERY_PARAM = "X-Amz-Date";
const SIGNED_HEADERS_QUERY_PARAM = "X-Amz-SignedHeaders";
const EXPIRES_QUERY_PARAM = "X-Amz-Expires";
const SIGNATURE_QUERY_PARAM = "X-Amz-Signature";
const TOKEN_QUERY_PARAM = "X-Amz-Security-Token";
const REGION_SET_PARAM = "X-Amz-Region-Set";
const AUTH_HEADER = "authorization";
const AMZ_DATE_HEADER = AMZ_DATE_QUERY_PARAM.toLowerCase();
const DATE_HEADER = "date";
const GENERATED_HEADERS = [AUTH_HEADER, AMZ_DATE_HEADER, DATE_HEADER];
const SIGNATURE_HEADER = SIGNATURE_QUERY_PARAM.toLowerCase();
const SHA256_HEADER = "x-amz-content-sha256";
const TOKEN_HEADER = TOKEN_QUERY_PARAM.toLowerCase();
const HOST_HEADER = "host";
const ALWAYS_UNSIGNABLE_HEADERS = {
    authorization: true,
    "cache-control": true,
    connection: true,
    expect: true,
    from: true,
    "keep-alive": true,
    "max-forwards": true,
    pragma: true,
    referer: true,
    te: true,
    trailer: true,
    "transfer-encoding": true,
    upgrade: true,
    "user-agent": true,
    "x-amzn-trace-id": true,
};
const PROXY_HEADER_PATTERN = /^proxy-/;
const SEC_HEADER_PATTERN = /^sec-/;
const UNSIGNABLE_PATTERNS = (/* unused pure expression or super */ null && ([/^proxy-/i, /^sec-/i]));
const ALGORITHM_IDENTIFIER = "AWS4-HMAC-SHA256";
const ALGORITHM_IDENTIFIER_V4A = "AWS4-ECDSA-P256-SHA256";
const EVENT_ALGORITHM_IDENTIFIER = "AWS4-HMAC-SHA256-PAYLOAD";
const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
const MAX_CACHE_SIZE = 50;
const KEY_TYPE_IDENTIFIER = "aws4_request";
const MAX_PRESIGNED_TTL = 60 * 60 * 24 * 7;

;// CONCATENATED MODULE: ./node_modules/@smithy/signature-v4/dist-es/getCanonicalQuery.js



const getCanonicalQuery = ({ query = {} }) => {
    const keys = [];
    const serialized = {};
    for (const key in query) {
        if (!(0,transport_hasOwn/* hasOwn */.$)(query, key)) {
            continue;
        }
        if (key.toLowerCase() === SIGNATURE_HEADER) {
            continue;
        }
        const encodedKey = (0,escape_uri/* escapeUri */.o)(key);
        keys.push(encodedKey);
        const value = query[key];
        if (typeof value === "string") {
            serialized[encodedKey] = `${encodedKey}=${(0,escape_uri/* escapeUri */.o)(value)}`;
        }
        else if (Array.isArray(value)) {
            serialized[encodedKey] = value
                .slice(0)
                .reduce((encoded, value) => encoded.concat([`${encodedKey}=${(0,escape_uri/* escapeUri */.o)(value)}`]), [])
                .sort()
                .join("&");
        }
    }
    return keys
        .sort()
        .map((key) => serialized[key])
        .filter((serialized) => serialized)
        .join("&");
};

;// CONCATENATED MODULE: ./node_modules/@smithy/signature-v4/dist-es/utilDate.js
const iso8601 = (time) => toDate(time)
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z");
const toDate = (time) => {
    if (typeof time === "number") {
        return new Date(time * 1000);
    }
    if (typeof time === "string") {
        if (Number(time)) {
            return new Date(Number(time) * 1000);
        }
        return new Date(time);
    }
    return time;
};

;// CONCATENATED MODULE: ./node_modules/@smithy/signature-v4/dist-es/SignatureV4Base.js





class SignatureV4Base {
    service;
    regionProvider;
    credentialProvider;
    sha256;
    uriEscapePath;
    applyChecksum;
    constructor({ applyChecksum, credentials, region, service, sha256, uriEscapePath = true, }) {
        this.service = service;
        this.sha256 = sha256;
        this.uriEscapePath = uriEscapePath;
        this.applyChecksum = typeof applyChecksum === "boolean" ? applyChecksum : true;
        this.regionProvider = (0,normalizeProvider/* normalizeProvider */.t)(region);
        this.credentialProvider = (0,normalizeProvider/* normalizeProvider */.t)(credentials);
    }
    createCanonicalRequest(request, canonicalHeaders, payloadHash) {
        const sortedHeaders = Object.keys(canonicalHeaders).sort();
        return `${request.method}
${this.getCanonicalPath(request)}
${getCanonicalQuery(request)}
${sortedHeaders.map((name) => `${name}:${canonicalHeaders[name]}`).join("\n")}

${sortedHeaders.join(";")}
${payloadHash}`;
    }
    async createStringToSign(longDate, credentialScope, canonicalRequest, algorithmIdentifier) {
        const hash = new this.sha256();
        hash.update((0,toUint8Array/* toUint8Array */.F)(canonicalRequest));
        const hashedRequest = await hash.digest();
        return `${algorithmIdentifier}
${longDate}
${credentialScope}
${(0,hex_encoding/* toHex */.n)(hashedRequest)}`;
    }
    getCanonicalPath({ path }) {
        if (this.uriEscapePath) {
            const normalizedPathSegments = [];
            for (const pathSegment of path.split("/")) {
                if (pathSegment?.length === 0) {
                    continue;
                }
                if (pathSegment === ".") {
                    continue;
                }
                if (pathSegment === "..") {
                    normalizedPathSegments.pop();
                }
                else {
                    normalizedPathSegments.push(pathSegment);
                }
            }
            const normalizedPath = `${path?.startsWith("/") ? "/" : ""}${normalizedPathSegments.join("/")}${normalizedPathSegments.length > 0 && path?.endsWith("/") ? "/" : ""}`;
            const doubleEncoded = (0,escape_uri/* escapeUri */.o)(normalizedPath);
            return doubleEncoded.replace(/%2F/g, "/");
        }
        return path;
    }
    validateResolvedCredentials(credentials) {
        if (typeof credentials !== "object" ||
            typeof credentials.accessKeyId !== "string" ||
            typeof credentials.secretAccessKey !== "string") {
            throw new Error("Resolved credential object is not valid");
        }
    }
    formatDate(now) {
        const longDate = iso8601(now).replace(/[-:]/g, "");
        return {
            longDate,
            shortDate: longDate.slice(0, 8),
        };
    }
    getCanonicalHeaderList(headers) {
        return Object.keys(headers).sort().join(";");
    }
}

;// CONCATENATED MODULE: ./node_modules/@smithy/signature-v4/dist-es/credentialDerivation.js


const signingKeyCache = {};
const cacheQueue = [];
const createScope = (shortDate, region, service) => `${shortDate}/${region}/${service}/${KEY_TYPE_IDENTIFIER}`;
const getSigningKey = async (sha256Constructor, credentials, shortDate, region, service) => {
    const credsHash = await hmac(sha256Constructor, credentials.secretAccessKey, credentials.accessKeyId);
    const cacheKey = `${shortDate}:${region}:${service}:${(0,hex_encoding/* toHex */.n)(credsHash)}:${credentials.sessionToken}`;
    if (cacheKey in signingKeyCache) {
        return signingKeyCache[cacheKey];
    }
    cacheQueue.push(cacheKey);
    while (cacheQueue.length > MAX_CACHE_SIZE) {
        delete signingKeyCache[cacheQueue.shift()];
    }
    let key = `AWS4${credentials.secretAccessKey}`;
    for (const signable of [shortDate, region, service, KEY_TYPE_IDENTIFIER]) {
        key = await hmac(sha256Constructor, key, signable);
    }
    return (signingKeyCache[cacheKey] = key);
};
const clearCredentialCache = () => {
    cacheQueue.length = 0;
    Object.keys(signingKeyCache).forEach((cacheKey) => {
        delete signingKeyCache[cacheKey];
    });
};
const hmac = (ctor, secret, data) => {
    const hash = new ctor(secret);
    hash.update((0,toUint8Array/* toUint8Array */.F)(data));
    return hash.digest();
};

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/writeKey.js
var writeKey = __webpack_require__(412);
;// CONCATENATED MODULE: ./node_modules/@smithy/signature-v4/dist-es/getCanonicalHeaders.js


const getCanonicalHeaders = ({ headers }, unsignableHeaders, signableHeaders) => {
    const canonical = {};
    for (const headerName of Object.keys(headers).sort()) {
        if (headers[headerName] == undefined) {
            continue;
        }
        const canonicalHeaderName = headerName.toLowerCase();
        if ((0,transport_hasOwn/* hasOwn */.$)(ALWAYS_UNSIGNABLE_HEADERS, canonicalHeaderName) ||
            unsignableHeaders?.has(canonicalHeaderName) ||
            PROXY_HEADER_PATTERN.test(canonicalHeaderName) ||
            SEC_HEADER_PATTERN.test(canonicalHeaderName)) {
            if (!signableHeaders || (signableHeaders && !signableHeaders.has(canonicalHeaderName))) {
                continue;
            }
        }
        if (canonicalHeaderName === "__proto__") {
            (0,writeKey/* writeKey */.T)(canonical);
        }
        canonical[canonicalHeaderName] = headers[headerName]
            .replace(/[\r\n]/g, " ")
            .replace(/[ \t]+/g, " ")
            .replace(/^ | $/g, "");
    }
    return canonical;
};

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/serde/is-array-buffer/is-array-buffer.js
var is_array_buffer = __webpack_require__(1719);
;// CONCATENATED MODULE: ./node_modules/@smithy/signature-v4/dist-es/getPayloadHash.js



const getPayloadHash = async ({ headers, body }, hashConstructor) => {
    for (const headerName in headers) {
        if (!(0,transport_hasOwn/* hasOwn */.$)(headers, headerName)) {
            continue;
        }
        if (headerName.toLowerCase() === SHA256_HEADER) {
            return headers[headerName];
        }
    }
    if (body == undefined) {
        return "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    }
    else if (typeof body === "string" || ArrayBuffer.isView(body) || (0,is_array_buffer/* isArrayBuffer */.m)(body)) {
        const hashCtor = new hashConstructor();
        hashCtor.update((0,toUint8Array/* toUint8Array */.F)(body));
        return (0,hex_encoding/* toHex */.n)(await hashCtor.digest());
    }
    return UNSIGNED_PAYLOAD;
};

;// CONCATENATED MODULE: ./node_modules/@smithy/signature-v4/dist-es/headerUtil.js

const hasHeader = (soughtHeader, headers) => {
    soughtHeader = soughtHeader.toLowerCase();
    for (const headerName in headers) {
        if (!(0,transport_hasOwn/* hasOwn */.$)(headers, headerName)) {
            continue;
        }
        if (soughtHeader === headerName.toLowerCase()) {
            return true;
        }
    }
    return false;
};
const getHeaderValue = (soughtHeader, headers) => {
    soughtHeader = soughtHeader.toLowerCase();
    for (const headerName in headers) {
        if (!hasOwn(headers, headerName)) {
            continue;
        }
        if (soughtHeader === headerName.toLowerCase()) {
            return headers[headerName];
        }
    }
    return undefined;
};
const deleteHeader = (soughtHeader, headers) => {
    soughtHeader = soughtHeader.toLowerCase();
    for (const headerName in headers) {
        if (!hasOwn(headers, headerName)) {
            continue;
        }
        if (soughtHeader === headerName.toLowerCase()) {
            delete headers[headerName];
        }
    }
};

// EXTERNAL MODULE: ./node_modules/@smithy/core/dist-es/submodules/transport/httpRequest.js
var httpRequest = __webpack_require__(9725);
;// CONCATENATED MODULE: ./node_modules/@smithy/signature-v4/dist-es/moveHeadersToQuery.js


const moveHeadersToQuery = (request, options = {}) => {
    const { headers, query = {} } = httpRequest/* HttpRequest */.K.clone(request);
    for (const name in headers) {
        if (!(0,transport_hasOwn/* hasOwn */.$)(headers, name)) {
            continue;
        }
        const lname = name.toLowerCase();
        if ((lname.slice(0, 6) === "x-amz-" && !options.unhoistableHeaders?.has(lname)) ||
            options.hoistableHeaders?.has(lname)) {
            query[name] = headers[name];
            delete headers[name];
        }
    }
    return {
        ...request,
        headers,
        query,
    };
};

;// CONCATENATED MODULE: ./node_modules/@smithy/signature-v4/dist-es/prepareRequest.js



const prepareRequest = (request) => {
    request = httpRequest/* HttpRequest */.K.clone(request);
    for (const headerName in request.headers) {
        if (!(0,transport_hasOwn/* hasOwn */.$)(request.headers, headerName)) {
            continue;
        }
        if (GENERATED_HEADERS.indexOf(headerName.toLowerCase()) > -1) {
            delete request.headers[headerName];
        }
    }
    return request;
};

;// CONCATENATED MODULE: ./node_modules/@smithy/signature-v4/dist-es/SignatureV4.js










class SignatureV4 extends SignatureV4Base {
    headerFormatter = new HeaderFormatter();
    constructor({ applyChecksum, credentials, region, service, sha256, uriEscapePath = true, }) {
        super({
            applyChecksum,
            credentials,
            region,
            service,
            sha256,
            uriEscapePath,
        });
    }
    async presign(originalRequest, options = {}) {
        const { signingDate = new Date(), expiresIn = 3600, unsignableHeaders, unhoistableHeaders, signableHeaders, hoistableHeaders, signingRegion, signingService, } = options;
        const credentials = await this.credentialProvider();
        this.validateResolvedCredentials(credentials);
        const region = signingRegion ?? (await this.regionProvider());
        const { longDate, shortDate } = this.formatDate(signingDate);
        if (expiresIn > MAX_PRESIGNED_TTL) {
            return Promise.reject("Signature version 4 presigned URLs" + " must have an expiration date less than one week in" + " the future");
        }
        const scope = createScope(shortDate, region, signingService ?? this.service);
        const request = moveHeadersToQuery(prepareRequest(originalRequest), { unhoistableHeaders, hoistableHeaders });
        if (credentials.sessionToken) {
            request.query[TOKEN_QUERY_PARAM] = credentials.sessionToken;
        }
        request.query[ALGORITHM_QUERY_PARAM] = ALGORITHM_IDENTIFIER;
        request.query[CREDENTIAL_QUERY_PARAM] = `${credentials.accessKeyId}/${scope}`;
        request.query[AMZ_DATE_QUERY_PARAM] = longDate;
        request.query[EXPIRES_QUERY_PARAM] = expiresIn.toString(10);
        const canonicalHeaders = getCanonicalHeaders(request, unsignableHeaders, signableHeaders);
        request.query[SIGNED_HEADERS_QUERY_PARAM] = this.getCanonicalHeaderList(canonicalHeaders);
        request.query[SIGNATURE_QUERY_PARAM] = await this.getSignature(longDate, scope, this.getSigningKey(credentials, region, shortDate, signingService), this.createCanonicalRequest(request, canonicalHeaders, await getPayloadHash(originalRequest, this.sha256)));
        return request;
    }
    async sign(toSign, options) {
        if (typeof toSign === "string") {
            return this.signString(toSign, options);
        }
        else if (toSign.headers && toSign.payload) {
            return this.signEvent(toSign, options);
        }
        else if (toSign.message) {
            return this.signMessage(toSign, options);
        }
        else {
            return this.signRequest(toSign, options);
        }
    }
    async signEvent({ headers, payload }, { signingDate = new Date(), priorSignature, signingRegion, signingService, eventStreamCredentials, }) {
        const region = signingRegion ?? (await this.regionProvider());
        const { shortDate, longDate } = this.formatDate(signingDate);
        const scope = createScope(shortDate, region, signingService ?? this.service);
        const hashedPayload = await getPayloadHash({ headers: {}, body: payload }, this.sha256);
        const hash = new this.sha256();
        hash.update(headers);
        const hashedHeaders = (0,hex_encoding/* toHex */.n)(await hash.digest());
        const stringToSign = [
            EVENT_ALGORITHM_IDENTIFIER,
            longDate,
            scope,
            priorSignature,
            hashedHeaders,
            hashedPayload,
        ].join("\n");
        return this.signString(stringToSign, {
            signingDate,
            signingRegion: region,
            signingService,
            eventStreamCredentials,
        });
    }
    async signMessage(signableMessage, { signingDate = new Date(), signingRegion, signingService, eventStreamCredentials }) {
        const promise = this.signEvent({
            headers: this.headerFormatter.format(signableMessage.message.headers),
            payload: signableMessage.message.body,
        }, {
            signingDate,
            signingRegion,
            signingService,
            priorSignature: signableMessage.priorSignature,
            eventStreamCredentials,
        });
        return promise.then((signature) => {
            return { message: signableMessage.message, signature };
        });
    }
    async signString(stringToSign, { signingDate = new Date(), signingRegion, signingService, eventStreamCredentials, } = {}) {
        const credentials = eventStreamCredentials ?? (await this.credentialProvider());
        this.validateResolvedCredentials(credentials);
        const region = signingRegion ?? (await this.regionProvider());
        const { shortDate } = this.formatDate(signingDate);
        const hash = new this.sha256(await this.getSigningKey(credentials, region, shortDate, signingService));
        hash.update((0,toUint8Array/* toUint8Array */.F)(stringToSign));
        return (0,hex_encoding/* toHex */.n)(await hash.digest());
    }
    async signRequest(requestToSign, { signingDate = new Date(), signableHeaders, unsignableHeaders, signingRegion, signingService, } = {}) {
        const credentials = await this.credentialProvider();
        this.validateResolvedCredentials(credentials);
        const region = signingRegion ?? (await this.regionProvider());
        const request = prepareRequest(requestToSign);
        const { longDate, shortDate } = this.formatDate(signingDate);
        const scope = createScope(shortDate, region, signingService ?? this.service);
        request.headers[AMZ_DATE_HEADER] = longDate;
        if (credentials.sessionToken) {
            request.headers[TOKEN_HEADER] = credentials.sessionToken;
        }
        const payloadHash = await getPayloadHash(request, this.sha256);
        if (!hasHeader(SHA256_HEADER, request.headers) && this.applyChecksum) {
            request.headers[SHA256_HEADER] = payloadHash;
        }
        const canonicalHeaders = getCanonicalHeaders(request, unsignableHeaders, signableHeaders);
        const signature = await this.getSignature(longDate, scope, this.getSigningKey(credentials, region, shortDate, signingService), this.createCanonicalRequest(request, canonicalHeaders, payloadHash));
        request.headers[AUTH_HEADER] =
            `${ALGORITHM_IDENTIFIER} ` +
                `Credential=${credentials.accessKeyId}/${scope}, ` +
                `SignedHeaders=${this.getCanonicalHeaderList(canonicalHeaders)}, ` +
                `Signature=${signature}`;
        return request;
    }
    async getSignature(longDate, credentialScope, keyPromise, canonicalRequest) {
        const stringToSign = await this.createStringToSign(longDate, credentialScope, canonicalRequest, ALGORITHM_IDENTIFIER);
        const hash = new this.sha256(await keyPromise);
        hash.update((0,toUint8Array/* toUint8Array */.F)(stringToSign));
        return (0,hex_encoding/* toHex */.n)(await hash.digest());
    }
    getSigningKey(credentials, region, shortDate, service) {
        return getSigningKey(this.sha256, credentials, shortDate, region, service || this.service);
    }
}


/***/ }),

/***/ 6968:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dB: () => (/* binding */ AlgorithmId)
/* harmony export */ });
/* unused harmony exports getChecksumConfiguration, resolveChecksumRuntimeConfig */
var AlgorithmId;
(function (AlgorithmId) {
    AlgorithmId["MD5"] = "md5";
    AlgorithmId["CRC32"] = "crc32";
    AlgorithmId["CRC32C"] = "crc32c";
    AlgorithmId["SHA1"] = "sha1";
    AlgorithmId["SHA256"] = "sha256";
})(AlgorithmId || (AlgorithmId = {}));
const getChecksumConfiguration = (runtimeConfig) => {
    const checksumAlgorithms = [];
    if (runtimeConfig.sha256 !== undefined) {
        checksumAlgorithms.push({
            algorithmId: () => AlgorithmId.SHA256,
            checksumConstructor: () => runtimeConfig.sha256,
        });
    }
    if (runtimeConfig.md5 != undefined) {
        checksumAlgorithms.push({
            algorithmId: () => AlgorithmId.MD5,
            checksumConstructor: () => runtimeConfig.md5,
        });
    }
    return {
        addChecksumAlgorithm(algo) {
            checksumAlgorithms.push(algo);
        },
        checksumAlgorithms() {
            return checksumAlgorithms;
        },
    };
};
const resolveChecksumRuntimeConfig = (clientConfig) => {
    const runtimeConfig = {};
    clientConfig.checksumAlgorithms().forEach((checksumAlgorithm) => {
        runtimeConfig[checksumAlgorithm.algorithmId()] = checksumAlgorithm.checksumConstructor();
    });
    return runtimeConfig;
};


/***/ }),

/***/ 7418:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ SMITHY_CONTEXT_KEY)
/* harmony export */ });
const SMITHY_CONTEXT_KEY = "__smithy_context";


/***/ }),

/***/ 8669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ IniSectionType)
/* harmony export */ });
var IniSectionType;
(function (IniSectionType) {
    IniSectionType["PROFILE"] = "profile";
    IniSectionType["SSO_SESSION"] = "sso-session";
    IniSectionType["SERVICES"] = "services";
})(IniSectionType || (IniSectionType = {}));


/***/ }),

/***/ 7564:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.req = exports.json = exports.toBuffer = void 0;
const http = __importStar(__webpack_require__(8611));
const https = __importStar(__webpack_require__(5692));
async function toBuffer(stream) {
    let length = 0;
    const chunks = [];
    for await (const chunk of stream) {
        length += chunk.length;
        chunks.push(chunk);
    }
    return Buffer.concat(chunks, length);
}
exports.toBuffer = toBuffer;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function json(stream) {
    const buf = await toBuffer(stream);
    const str = buf.toString('utf8');
    try {
        return JSON.parse(str);
    }
    catch (_err) {
        const err = _err;
        err.message += ` (input: ${str})`;
        throw err;
    }
}
exports.json = json;
function req(url, opts = {}) {
    const href = typeof url === 'string' ? url : url.href;
    const req = (href.startsWith('https:') ? https : http).request(url, opts);
    const promise = new Promise((resolve, reject) => {
        req
            .once('response', resolve)
            .once('error', reject)
            .end();
    });
    req.then = promise.then.bind(promise);
    return req;
}
exports.req = req;
//# sourceMappingURL=helpers.js.map

/***/ }),

/***/ 8894:
/***/ (function(__unused_webpack_module, exports, __webpack_require__) {


var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || function (mod) {
    if (mod && mod.__esModule) return mod;
    var result = {};
    if (mod != null) for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
    __setModuleDefault(result, mod);
    return result;
};
var __exportStar = (this && this.__exportStar) || function(m, exports) {
    for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) __createBinding(exports, m, p);
};
Object.defineProperty(exports, "__esModule", ({ value: true }));
exports.Agent = void 0;
const net = __importStar(__webpack_require__(9278));
const http = __importStar(__webpack_require__(8611));
const https_1 = __webpack_require__(5692);
__exportStar(__webpack_require__(7564), exports);
const INTERNAL = Symbol('AgentBaseInternalState');
class Agent extends http.Agent {
    constructor(opts) {
        super(opts);
        this[INTERNAL] = {};
    }
    /**
     * Determine whether this is an `http` or `https` request.
     */
    isSecureEndpoint(options) {
        if (options) {
            // First check the `secureEndpoint` property explicitly, since this
            // means that a parent `Agent` is "passing through" to this instance.
            // eslint-disable-next-line @typescript-eslint/no-explicit-any
            if (typeof options.secureEndpoint === 'boolean') {
                return options.secureEndpoint;
            }
            // If no explicit `secure` endpoint, check if `protocol` property is
            // set. This will usually be the case since using a full string URL
            // or `URL` instance should be the most common usage.
            if (typeof options.protocol === 'string') {
                return options.protocol === 'https:';
            }
        }
        // Finally, if no `protocol` property was set, then fall back to
        // checking the stack trace of the current call stack, and try to
        // detect the "https" module.
        const { stack } = new Error();
        if (typeof stack !== 'string')
            return false;
        return stack
            .split('\n')
            .some((l) => l.indexOf('(https.js:') !== -1 ||
            l.indexOf('node:https:') !== -1);
    }
    // In order to support async signatures in `connect()` and Node's native
    // connection pooling in `http.Agent`, the array of sockets for each origin
    // has to be updated synchronously. This is so the length of the array is
    // accurate when `addRequest()` is next called. We achieve this by creating a
    // fake socket and adding it to `sockets[origin]` and incrementing
    // `totalSocketCount`.
    incrementSockets(name) {
        // If `maxSockets` and `maxTotalSockets` are both Infinity then there is no
        // need to create a fake socket because Node.js native connection pooling
        // will never be invoked.
        if (this.maxSockets === Infinity && this.maxTotalSockets === Infinity) {
            return null;
        }
        // All instances of `sockets` are expected TypeScript errors. The
        // alternative is to add it as a private property of this class but that
        // will break TypeScript subclassing.
        if (!this.sockets[name]) {
            // @ts-expect-error `sockets` is readonly in `@types/node`
            this.sockets[name] = [];
        }
        const fakeSocket = new net.Socket({ writable: false });
        this.sockets[name].push(fakeSocket);
        // @ts-expect-error `totalSocketCount` isn't defined in `@types/node`
        this.totalSocketCount++;
        return fakeSocket;
    }
    decrementSockets(name, socket) {
        if (!this.sockets[name] || socket === null) {
            return;
        }
        const sockets = this.sockets[name];
        const index = sockets.indexOf(socket);
        if (index !== -1) {
            sockets.splice(index, 1);
            // @ts-expect-error  `totalSocketCount` isn't defined in `@types/node`
            this.totalSocketCount--;
            if (sockets.length === 0) {
                // @ts-expect-error `sockets` is readonly in `@types/node`
                delete this.sockets[name];
            }
        }
    }
    // In order to properly update the socket pool, we need to call `getName()` on
    // the core `https.Agent` if it is a secureEndpoint.
    getName(options) {
        const secureEndpoint = this.isSecureEndpoint(options);
        if (secureEndpoint) {
            // @ts-expect-error `getName()` isn't defined in `@types/node`
            return https_1.Agent.prototype.getName.call(this, options);
        }
        // @ts-expect-error `getName()` isn't defined in `@types/node`
        return super.getName(options);
    }
    createSocket(req, options, cb) {
        const connectOpts = {
            ...options,
            secureEndpoint: this.isSecureEndpoint(options),
        };
        const name = this.getName(connectOpts);
        const fakeSocket = this.incrementSockets(name);
        Promise.resolve()
            .then(() => this.connect(req, connectOpts))
            .then((socket) => {
            this.decrementSockets(name, fakeSocket);
            if (socket instanceof http.Agent) {
                try {
                    // @ts-expect-error `addRequest()` isn't defined in `@types/node`
                    return socket.addRequest(req, connectOpts);
                }
                catch (err) {
                    return cb(err);
                }
            }
            this[INTERNAL].currentSocket = socket;
            // @ts-expect-error `createSocket()` isn't defined in `@types/node`
            super.createSocket(req, options, cb);
        }, (err) => {
            this.decrementSockets(name, fakeSocket);
            cb(err);
        });
    }
    createConnection() {
        const socket = this[INTERNAL].currentSocket;
        this[INTERNAL].currentSocket = undefined;
        if (!socket) {
            throw new Error('No socket was returned in the `connect()` function');
        }
        return socket;
    }
    get defaultPort() {
        return (this[INTERNAL].defaultPort ??
            (this.protocol === 'https:' ? 443 : 80));
    }
    set defaultPort(v) {
        if (this[INTERNAL]) {
            this[INTERNAL].defaultPort = v;
        }
    }
    get protocol() {
        return (this[INTERNAL].protocol ??
            (this.isSecureEndpoint() ? 'https:' : 'http:'));
    }
    set protocol(v) {
        if (this[INTERNAL]) {
            this[INTERNAL].protocol = v;
        }
    }
}
exports.Agent = Agent;
//# sourceMappingURL=index.js.map

/***/ }),

/***/ 8182:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ getProxyForUrl)
/* harmony export */ });


var DEFAULT_PORTS = {
  ftp: 21,
  gopher: 70,
  http: 80,
  https: 443,
  ws: 80,
  wss: 443,
};

function parseUrl(urlString) {
  try {
    return new URL(urlString);
  } catch {
    return null;
  }
}

/**
 * @param {string|object|URL} url - The URL as a string or URL instance, or a
 *   compatible object (such as the result from legacy url.parse).
 * @return {string} The URL of the proxy that should handle the request to the
 *  given URL. If no proxy is set, this will be an empty string.
 */
function getProxyForUrl(url) {
  var parsedUrl = (typeof url === 'string' ? parseUrl(url) : url) || {};
  var proto = parsedUrl.protocol;
  var hostname = parsedUrl.host;
  var port = parsedUrl.port;
  if (typeof hostname !== 'string' || !hostname || typeof proto !== 'string') {
    return '';  // Don't proxy URLs without a valid scheme or host.
  }

  proto = proto.split(':', 1)[0];
  // Stripping ports in this way instead of using parsedUrl.hostname to make
  // sure that the brackets around IPv6 addresses are kept.
  hostname = hostname.replace(/:\d*$/, '');
  port = parseInt(port) || DEFAULT_PORTS[proto] || 0;
  if (!shouldProxy(hostname, port)) {
    return '';  // Don't proxy URLs that match NO_PROXY.
  }

  var proxy = getEnv(proto + '_proxy') || getEnv('all_proxy');
  if (proxy && proxy.indexOf('://') === -1) {
    // Missing scheme in proxy, default to the requested URL's scheme.
    proxy = proto + '://' + proxy;
  }
  return proxy;
}

/**
 * Determines whether a given URL should be proxied.
 *
 * @param {string} hostname - The host name of the URL.
 * @param {number} port - The effective port of the URL.
 * @returns {boolean} Whether the given URL should be proxied.
 * @private
 */
function shouldProxy(hostname, port) {
  var NO_PROXY = getEnv('no_proxy').toLowerCase();
  if (!NO_PROXY) {
    return true;  // Always proxy if NO_PROXY is not set.
  }
  if (NO_PROXY === '*') {
    return false;  // Never proxy if wildcard is set.
  }

  return NO_PROXY.split(/[,\s]/).every(function(proxy) {
    if (!proxy) {
      return true;  // Skip zero-length hosts.
    }
    var parsedProxy = proxy.match(/^(.+):(\d+)$/);
    var parsedProxyHostname = parsedProxy ? parsedProxy[1] : proxy;
    var parsedProxyPort = parsedProxy ? parseInt(parsedProxy[2]) : 0;
    if (parsedProxyPort && parsedProxyPort !== port) {
      return true;  // Skip if ports don't match.
    }

    if (!/^[.*]/.test(parsedProxyHostname)) {
      // No wildcards, so stop proxying if there is an exact match.
      return hostname !== parsedProxyHostname;
    }

    if (parsedProxyHostname.charAt(0) === '*') {
      // Remove leading wildcard.
      parsedProxyHostname = parsedProxyHostname.slice(1);
    }
    // Stop proxying if the hostname ends with the no_proxy host.
    return !hostname.endsWith(parsedProxyHostname);
  });
}

/**
 * Get the value for an environment variable.
 *
 * @param {string} key - The name of the environment variable.
 * @return {string} The value of the environment variable.
 * @private
 */
function getEnv(key) {
  return process.env[key.toLowerCase()] || process.env[key.toUpperCase()] || '';
}


/***/ })

};
