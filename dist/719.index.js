export const id = 719;
export const ids = [719];
export const modules = {

/***/ 6719:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   assumeRoleWithOidc: () => (/* binding */ assumeRoleWithOidc),
/* harmony export */   stsErrorCode: () => (/* binding */ stsErrorCode)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2860);
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4928);
/* harmony import */ var _model_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3434);
/* harmony import */ var _iam_access_denied_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8369);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8083);
/* harmony import */ var _core_lifecycle_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9675);
/* harmony import */ var _net_request_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(598);
/* harmony import */ var _action_oidc_token_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1997);







/** Network-level failures worth another attempt: timeouts, resets, refusals, 5xx. */
function isTransient(err) {
    const e = err;
    return (e?.transient === true ||
        e?.name === 'TimeoutError' ||
        ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN'].includes(e?.code ?? ''));
}
// STS error codes as sent on the wire; see stsErrorCode.
const TRANSIENT = new Set([
    'IDPCommunicationError',
    'InternalFailure',
    'ServiceUnavailable',
    'TimeoutError',
    'NetworkingError'
]);
/** Refusals explained in trust-policy terms. */
const REFUSED = new Set([
    'AccessDenied',
    'InvalidIdentityToken',
    'ExpiredToken',
    'IDPRejectedClaim'
]);
/**
 * The STS error code of an SDK error. The SDK names modelled errors after their shape
 * (`InvalidIdentityToken` on the wire is `InvalidIdentityTokenException`, `IDPCommunicationError`
 * is `IDPCommunicationErrorException`, `ExpiredTokenException` keeps its name) and unmodelled ones
 * after the code (`AccessDenied`): compare without the suffix.
 */
function stsErrorCode(err) {
    const name = err?.name;
    if (typeof name !== 'string' || name === '')
        return 'Error';
    return name.replace(/Exception$/, '') || name;
}
/** The token's `sub` claim, read (not verified) to show the exact value a trust policy must accept. */
function tokenSubject(token) {
    const payload = token.split('.')[1];
    if (!payload)
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        const sub = claims?.sub;
        // Printable only: the sub is quoted in the error message.
        return typeof sub === 'string' && /^[\x20-\x7e]{1,512}$/.test(sub) ? sub : undefined;
    }
    catch {
        return undefined;
    }
}
/** Attempts at the token and at STS, each on top of the SDK's own retries. */
const ATTEMPTS = 4;
/** The sign-in's own backoff: full jitter from 1 s, doubling, capped at 8 s. */
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8000;
const NO_TOKEN_PERMISSION = 'role-to-assume is set, but this job cannot request a GitHub OIDC token: add `permissions: id-token: write` to the workflow or job.';
/** The answer of one attempt that failed in a way worth another. */
const RETRY = Symbol('retry');
/** The runner's token request, unless one is injected; dropped with the run's requests. */
function tokenRequest(deps, signal) {
    if (deps.getIdToken)
        return deps.getIdToken;
    return (audience) => (0,_action_oidc_token_js__WEBPACK_IMPORTED_MODULE_4__/* .requestIdToken */ .g)(audience, {
        env: deps.env,
        setSecret: deps.setSecret,
        ...(deps.timeouts ? { timeouts: deps.timeouts } : {}),
        ...(signal ? { signal } : {})
    });
}
/** Attempt `attempt` at the token; RETRY after a transient failure with attempts left. */
async function fetchToken(signIn, attempt) {
    try {
        // Fetched right before each STS call: tokens live about five minutes.
        return await signIn.getIdToken(signIn.auth.audience);
    }
    catch (err) {
        const stopped = (0,_core_lifecycle_js__WEBPACK_IMPORTED_MODULE_2__/* .stoppedWhile */ .Fh)(err, 'the GitHub OIDC token endpoint', signIn.signal);
        if (stopped)
            throw stopped;
        if (isTransient(err) && attempt < ATTEMPTS) {
            signIn.deps.logger.warning(`Getting the GitHub OIDC token failed (${err.message}); retrying (attempt ${attempt + 1} of ${ATTEMPTS}).`);
            return RETRY;
        }
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UpdateError */ .mp(`Could not get a GitHub OIDC token for audience '${signIn.auth.audience}': ${err.message}`, { cause: err });
    }
}
/** Exchange the token at STS; the credentials, masked, or RETRY after a transient failure. */
async function exchangeToken(signIn, token, attempt) {
    const { auth, deps } = signIn;
    try {
        const out = await signIn.sts.send(new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_5__/* .AssumeRoleWithWebIdentityCommand */ .W({
            RoleArn: auth.roleArn,
            RoleSessionName: auth.sessionName,
            WebIdentityToken: token,
            DurationSeconds: auth.durationSeconds
        }), signIn.signal ? { abortSignal: signIn.signal } : undefined);
        const c = out.Credentials;
        if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
            throw (0,_model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsFailure */ .MT)('STS returned no credentials for role-to-assume.', {
                $metadata: out.$metadata
            });
        }
        for (const secret of [c.AccessKeyId, c.SecretAccessKey, c.SessionToken])
            deps.setSecret(secret);
        deps.logger.info(`Assumed role ${auth.roleArn} as session ${auth.sessionName}.`);
        return {
            accessKeyId: c.AccessKeyId,
            secretAccessKey: c.SecretAccessKey,
            sessionToken: c.SessionToken,
            ...(c.Expiration ? { expiration: c.Expiration } : {})
        };
    }
    catch (err) {
        return stsFailure(signIn, err, token, attempt);
    }
}
/** What a failed STS call becomes: RETRY when transient with attempts left, else the error. */
function stsFailure(signIn, err, token, attempt) {
    if (err instanceof _model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UpdateError */ .mp)
        throw err;
    const stopped = (0,_core_lifecycle_js__WEBPACK_IMPORTED_MODULE_2__/* .stoppedWhile */ .Fh)(err, 'STS AssumeRoleWithWebIdentity', signIn.signal);
    if (stopped)
        throw stopped;
    const name = err.name ?? 'Error';
    const code = stsErrorCode(err);
    if (TRANSIENT.has(code) && attempt < ATTEMPTS) {
        signIn.deps.logger.warning(`STS AssumeRoleWithWebIdentity failed (${name}); retrying (attempt ${attempt + 1} of ${ATTEMPTS}).`);
        return RETRY;
    }
    const message = err.message ?? String(err);
    if (!REFUSED.has(code))
        throw (0,_model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsFailure */ .MT)(`Could not assume role ${signIn.auth.roleArn} (${name}): ${message}`, err);
    const run = signIn.deps.run;
    const subject = tokenSubject(token);
    throw (0,_model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsFailure */ .MT)((0,_iam_access_denied_js__WEBPACK_IMPORTED_MODULE_1__/* .explainStsDenied */ .$)({
        roleArn: signIn.auth.roleArn,
        audience: signIn.auth.audience,
        code,
        awsMessage: message,
        ...(run?.repository ? { repository: run.repository } : {}),
        ...(run?.ref ? { ref: run.ref } : {}),
        ...(run?.eventName ? { eventName: run.eventName } : {}),
        ...(subject ? { subject } : {})
    }), err);
}
/**
 * Sign in with GitHub OIDC: fetch a token for the audience, exchange it at STS for temporary
 * credentials, mask them, and hand them back for the Route 53 client only (never exported).
 */
async function assumeRoleWithOidc(auth, deps) {
    if (!deps.env.ACTIONS_ID_TOKEN_REQUEST_URL || !deps.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
        throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UpdateError */ .mp(NO_TOKEN_PERMISSION);
    // Sign-in only reads: it is dropped at once when the run stops.
    const signal = deps.stop?.signal;
    const sleep = (0,_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .retrySleep */ .Gg)(deps.timing, signal);
    const sts = new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_7__/* .STSClient */ .i({
        region: deps.region,
        ...(deps.endpoint ? { endpoint: deps.endpoint } : {}),
        retryStrategy: (0,_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .standardRetryStrategy */ .tr)(3, deps.timing),
        requestHandler: (0,_net_request_js__WEBPACK_IMPORTED_MODULE_3__/* .sdkRequestHandler */ .Mt)(deps.timeouts)
    });
    const signIn = { auth, deps, sts, getIdToken: tokenRequest(deps, signal), signal };
    for (let attempt = 1;; attempt++) {
        // Full jitter, as the SDK does, on top of its own retries of 5xx and throttling.
        const backoff = () => sleep((0,_retry_js__WEBPACK_IMPORTED_MODULE_6__/* .fullJitter */ .G1)(attempt, BACKOFF_BASE_MS, BACKOFF_CAP_MS));
        const token = await fetchToken(signIn, attempt);
        if (token === RETRY) {
            await backoff();
            continue;
        }
        deps.setSecret(token);
        const credentials = await exchangeToken(signIn, token, attempt);
        if (credentials !== RETRY)
            return credentials;
        await backoff();
        const stoppedNow = (0,_core_lifecycle_js__WEBPACK_IMPORTED_MODULE_2__/* .stoppedWhile */ .Fh)(undefined, 'STS AssumeRoleWithWebIdentity', signal);
        if (stoppedNow)
            throw stoppedNow;
    }
}


/***/ })

};
