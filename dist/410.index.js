export const id = 410;
export const ids = [410];
export const modules = {

/***/ 3410:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./lib/inputs/inputs.js + 2 modules
var inputs = __webpack_require__(2498);
// EXTERNAL MODULE: ./lib/model/errors.js
var errors = __webpack_require__(3434);
// EXTERNAL MODULE: ./lib/inputs/host-ids.js
var host_ids = __webpack_require__(632);
// EXTERNAL MODULE: ./lib/core/lifecycle.js
var lifecycle = __webpack_require__(9675);
// EXTERNAL MODULE: ./lib/model/names.js
var model_names = __webpack_require__(1133);
// EXTERNAL MODULE: ./lib/model/address.js
var address = __webpack_require__(3313);
;// CONCATENATED MODULE: ./lib/core/plan.js



/** Route 53 answers a multivalue query with at most this many records. */
const MULTIVALUE_ANSWERS = 8;
/** The routing policy of a set, in the words of the Route 53 console. */
function policyOf(s) {
    if (s.AliasTarget)
        return 'alias';
    if (s.MultiValueAnswer === true)
        return 'multivalue answer';
    if (s.Weight !== undefined)
        return 'weighted';
    if (s.Region !== undefined)
        return 'latency';
    if (s.Failover !== undefined)
        return 'failover';
    if (s.GeoLocation !== undefined)
        return 'geolocation';
    if (s.CidrRoutingConfig !== undefined)
        return 'IP-based (CIDR)';
    if (s.GeoProximityLocation !== undefined)
        return 'geoproximity';
    if (s.SetIdentifier !== undefined)
        return 'routing-policy';
    return 'simple';
}
const quoted = (ids) => ids.map((id) => `'${(0,errors/* shown */.SP)(id)}'`).join(', ');
/** Every identifier of the sets of `first`'s type and routing policy among `sets`, sorted. */
function identifiersLike(first, sets) {
    return sets
        .filter((s) => s.Type === first.Type && policyOf(s) === policyOf(first))
        .flatMap((s) => (s.SetIdentifier === undefined ? [] : [s.SetIdentifier]))
        .sort();
}
/** `SetIdentifier 'a'` for one, `identifiers 'a', 'b'` for several. */
const identified = (ids) => `${ids.length === 1 ? 'SetIdentifier' : 'identifiers'} ${quoted(ids)}`;
function canonical(value) {
    try {
        return (0,address/* canonicalAddress */.Z5)(value);
    }
    catch {
        return value;
    }
}
function sameValues(a, b) {
    const x = [...new Set(a.map(canonical))].sort();
    const y = [...new Set(b.map(canonical))].sort();
    return x.length === y.length && x.every((v, i) => v === y[i]);
}
const RESULT = {
    create: ['created', 'would-create'],
    update: ['updated', 'would-update'],
    delete: ['deleted', 'would-delete']
};
/**
 * Why the run must not touch a target's name, or undefined if it may; the one place that decides.
 * `here` is every set at the name, of any type. A name that belongs to something else is refused
 * whichever family is published (a simple A beside a weighted AAAA would split the name between
 * two owners):
 * - a CNAME;
 * - an alias or a routing-policy set (anything with a SetIdentifier), of any type;
 * - except that a machine publishing its own multivalue member (`set-identifier`) shares the name
 *   with the other multivalue members, and of its own type also refuses a simple record (Route 53
 *   does not mix routing policies at one name and type). Removing a member this machine does not
 *   have writes nothing, so it is never refused.
 */
function refusal(target, here, options) {
    const name = (0,model_names/* displayName */.QC)(target.name);
    const record = `${name} ${target.type} in zone ${options.zoneId}`;
    const cname = here.find((s) => s.Type === 'CNAME');
    if (cname) {
        return `${name} holds a CNAME record; refusing to touch it (zone ${options.zoneId}). Remove the CNAME or choose another name.`;
    }
    const sameType = here.filter((s) => s.Type === target.type);
    const otherTypes = here.filter((s) => s.Type !== target.type);
    const sid = options.setIdentifier;
    if (sid !== undefined) {
        if (options.state === 'absent' && !sameType.some((s) => s.SetIdentifier === sid))
            return undefined;
        const foreign = sameType.find((s) => s.AliasTarget || s.MultiValueAnswer !== true) ??
            otherTypes.find((s) => s.AliasTarget || (s.SetIdentifier !== undefined && !s.MultiValueAnswer));
        if (!foreign)
            return undefined;
        const policy = policyOf(foreign);
        const which = foreign.Type === target.type ? policy : `${policy} ${foreign.Type ?? '?'}`;
        const ids = foreign.AliasTarget ? [] : identifiersLike(foreign, here);
        const id = ids.length === 0 ? '' : ` (${identified(ids)})`;
        const article = ids.length > 1 ? '' : /^[aeiou]/.test(which) ? 'an ' : 'a ';
        return `${record} holds ${article}${which} record${ids.length > 1 ? 's' : ''}${id}; refusing to add this machine's multivalue answer record (set-identifier '${(0,errors/* shown */.SP)(sid)}'). Route 53 does not mix routing policies at one name and type, and converting the record would take the name from whoever made it: remove it or choose another name.`;
    }
    const alias = sameType.find((s) => s.AliasTarget);
    if (alias) {
        return `${record} is an alias record (to ${alias.AliasTarget?.DNSName ?? '?'}); refusing to overwrite it.`;
    }
    const multivalue = sameType.filter((s) => s.MultiValueAnswer === true);
    if (multivalue.length > 0 && multivalue.length === sameType.length) {
        const ids = multivalue.map((s) => s.SetIdentifier ?? '').sort();
        return `${record} holds multivalue answer records (identifiers ${quoted(ids)}); refusing to overwrite them. To publish this machine as one more member, set set-identifier.`;
    }
    const routed = sameType.find((s) => s.SetIdentifier !== undefined);
    if (routed) {
        const ids = identifiersLike(routed, sameType);
        return `${record} has ${ids.length > 1 ? 'routing-policy record sets' : 'a routing-policy record set'} (${policyOf(routed)}, ${identified(ids)}); refusing to overwrite ${ids.length > 1 ? 'them' : 'it'}.`;
    }
    const other = otherTypes.find((s) => s.AliasTarget || s.SetIdentifier !== undefined);
    if (other) {
        const ids = other.AliasTarget ? [] : identifiersLike(other, otherTypes);
        const what = other.AliasTarget
            ? `an alias ${other.Type ?? '?'} record (to ${other.AliasTarget.DNSName ?? '?'})`
            : `${ids.length > 1 ? '' : 'a '}${policyOf(other)} ${other.Type ?? '?'} record set${ids.length > 1 ? 's' : ''} (${identified(ids)})`;
        const them = ids.length > 1 ? 'them' : 'it';
        return `${name} holds ${what} in zone ${options.zoneId}; refusing to write its ${target.type} beside ${them}. Remove ${them} or choose another name.`;
    }
    return undefined;
}
/**
 * Plan one target against every set currently at its name (as read). Pure. Throws UpdateError
 * naming the record when the name is refused (see `refusal`).
 */
function planRecord(target, setsAtName, options) {
    const listed = (0,model_names/* listedName */.d1)(target.name);
    const here = setsAtName.filter((s) => (0,model_names/* listedName */.d1)(s.Name ?? '') === listed);
    const refused = refusal(target, here, options);
    if (refused)
        throw new errors/* UpdateError */.mp(refused);
    const sameType = here.filter((s) => s.Type === target.type);
    if (options.setIdentifier !== undefined)
        return planMember(target, sameType, options, options.setIdentifier);
    const live = sameType[0];
    const before = (live?.ResourceRecords ?? []).map((r) => r.Value ?? '');
    const row = {
        name: target.name,
        type: target.type,
        zoneId: options.zoneId,
        setIdentifier: '',
        before,
        members: []
    };
    const desired = {
        Name: `${target.name}.`,
        Type: target.type,
        TTL: options.ttl,
        ResourceRecords: target.values.map((Value) => ({ Value }))
    };
    const inSync = (l) => l.TTL === options.ttl && sameValues(before, target.values);
    return reconcile(row, live, desired, inSync, target, options);
}
/**
 * Plan this machine's member of a multivalue answer record: only the record with its identifier
 * is compared and written; the other members are read, reported, and never part of a batch.
 * What it must not share the name with is decided by `refusal`.
 */
function planMember(target, sameType, options, sid) {
    const live = sameType.find((s) => s.SetIdentifier === sid && s.MultiValueAnswer === true);
    const members = sameType
        .filter((s) => s !== live && s.MultiValueAnswer === true)
        .map((s) => s.SetIdentifier ?? '')
        .sort();
    const before = (live?.ResourceRecords ?? []).map((r) => r.Value ?? '');
    const row = {
        name: target.name,
        type: target.type,
        zoneId: options.zoneId,
        setIdentifier: sid,
        before,
        members
    };
    const desired = {
        Name: `${target.name}.`,
        Type: target.type,
        SetIdentifier: sid,
        MultiValueAnswer: true,
        TTL: options.ttl,
        ResourceRecords: target.values.map((Value) => ({ Value })),
        ...(options.healthCheckId ? { HealthCheckId: options.healthCheckId } : {})
    };
    const inSync = (l) => l.TTL === options.ttl &&
        sameValues(before, target.values) &&
        (l.HealthCheckId ?? '') === (options.healthCheckId ?? '');
    return reconcile(row, live, desired, inSync, target, options);
}
/**
 * The reconciliation both planners share: delete what was read (absent), create when nothing is
 * there, nothing when in sync, else compare-and-swap: the DELETE carries exactly what was read, so
 * a concurrent edit fails the batch.
 */
function reconcile(row, live, desired, inSync, target, options) {
    const pick = (kind) => RESULT[kind][options.dryRun ? 1 : 0];
    if (options.state === 'absent') {
        if (!live)
            return { ...row, after: [], ttl: options.ttl, result: 'unchanged', changes: [] };
        return {
            ...row,
            after: [],
            ttl: live.TTL ?? options.ttl,
            result: pick('delete'),
            changes: [{ Action: 'DELETE', ResourceRecordSet: live }]
        };
    }
    const after = [...target.values];
    if (!live) {
        return {
            ...row,
            after,
            ttl: options.ttl,
            result: pick('create'),
            changes: [{ Action: 'CREATE', ResourceRecordSet: desired }]
        };
    }
    if (inSync(live))
        return { ...row, after, ttl: options.ttl, result: 'unchanged', changes: [] };
    return {
        ...row,
        after,
        ttl: options.ttl,
        result: pick('update'),
        changes: [
            { Action: 'DELETE', ResourceRecordSet: live },
            { Action: 'CREATE', ResourceRecordSet: desired }
        ]
    };
}
/** Route 53's per-request limits on ChangeResourceRecordSets. */
const BATCH_LIMITS = { records: 1000, valueChars: 32000 };
function weight(changes) {
    let records = 0;
    let chars = 0;
    for (const c of changes) {
        for (const r of c.ResourceRecordSet?.ResourceRecords ?? []) {
            records += 1;
            chars += r.Value?.length ?? 0;
        }
    }
    return { records, chars };
}
/**
 * Split records' changes into as few batches as Route 53's limits allow, never separating the
 * changes of one record (its DELETE and CREATE must stay in one transaction).
 */
function splitBatches(groups, limits = BATCH_LIMITS) {
    const batches = [];
    let current = [];
    let used = { records: 0, chars: 0 };
    for (const group of groups) {
        if (group.length === 0)
            continue;
        const w = weight(group);
        if (current.length > 0 &&
            (used.records + w.records > limits.records || used.chars + w.chars > limits.valueChars)) {
            batches.push(current);
            current = [];
            used = { records: 0, chars: 0 };
        }
        current.push(...group);
        used = { records: used.records + w.records, chars: used.chars + w.chars };
    }
    if (current.length > 0)
        batches.push(current);
    return batches;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/Route53Client.js + 8 modules
var Route53Client = __webpack_require__(2626);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/ListResourceRecordSetsCommand.js
var ListResourceRecordSetsCommand = __webpack_require__(6845);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/ChangeResourceRecordSetsCommand.js
var ChangeResourceRecordSetsCommand = __webpack_require__(5081);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/waiters/waitForResourceRecordSetsChanged.js + 1 modules
var waitForResourceRecordSetsChanged = __webpack_require__(6235);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-route-53/dist-es/commands/ListHostedZonesByNameCommand.js
var ListHostedZonesByNameCommand = __webpack_require__(8911);
// EXTERNAL MODULE: ./lib/aws/iam/access-denied.js + 1 modules
var access_denied = __webpack_require__(8369);
// EXTERNAL MODULE: ./lib/net/request.js
var request = __webpack_require__(598);
// EXTERNAL MODULE: ./lib/aws/retry.js
var retry = __webpack_require__(8083);
;// CONCATENATED MODULE: ./lib/aws/route53.js







/**
 * A 2xx answer that is not Route 53's XML: a captive portal or proxy answered in its place. The SDK
 * would read such a page as an empty but successful result.
 */
class ForeignAnswerError extends Error {
    status;
    contentType;
    excerpt;
    name = 'ForeignAnswer';
    constructor(status, contentType, excerpt) {
        super(`HTTP ${status}, ${contentType || 'no content type'}: "${excerpt}"`);
        this.status = status;
        this.contentType = contentType;
        this.excerpt = excerpt;
    }
}
/** The start of a body as one short printable line. */
async function excerptOf(body) {
    let text = '';
    try {
        if (typeof body === 'string')
            text = body;
        else if (body && typeof body[Symbol.asyncIterator] === 'function') {
            for await (const chunk of body) {
                text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
                if (text.length >= 1024)
                    break;
            }
        }
    }
    catch {
        // What arrived before the failure is the excerpt.
    }
    return (0,errors/* shown */.SP)(text.replace(/\s+/g, ' ').trim());
}
/** A Route 53 client for this run. */
function createRoute53Client(options) {
    const client = new Route53Client/* Route53Client */.L({
        region: options.region,
        ...(options.credentials ? { credentials: options.credentials } : {}),
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
        retryStrategy: (0,retry/* retryStrategy */.UN)(options.timing),
        requestHandler: (0,request/* sdkRequestHandler */.Mt)(options.timeouts)
    });
    // Innermost: sees each raw answer before the SDK parses it, and refuses one that is not XML.
    client.middlewareStack.add((next) => async (args) => {
        const result = await next(args);
        const response = result.response;
        const status = response.statusCode ?? 0;
        const type = response.headers?.['content-type'] ?? '';
        if (status >= 200 && status < 300 && !/xml/i.test(type)) {
            throw new ForeignAnswerError(status, (0,errors/* shown */.SP)(type), await excerptOf(response.body));
        }
        return result;
    }, { step: 'deserialize', priority: 'low', name: 'route53ddnsForeignAnswer' });
    return client;
}
function errorName(err) {
    return err?.name ?? '';
}
/** Writes whose earlier attempt may have been applied although no answer said so. */
const unanswered = new WeakMap();
/**
 * Why a failed write may still have been applied: an earlier attempt ended with a 5xx or a broken
 * connection after the request was sent, and the SDK retried it. Undefined when no attempt could have.
 */
function lostAnswer(err) {
    return typeof err === 'object' && err !== null ? unanswered.get(err) : undefined;
}
/** Connection failures before anything was sent. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
function mayHaveApplied(err) {
    const e = err;
    const status = e?.$metadata?.httpStatusCode;
    if (status !== undefined)
        return status >= 500 ? `HTTP ${status} ${e.name ?? ''}`.trim() : undefined;
    if (e?.name === 'ForeignAnswer' || NOT_SENT.has(e?.code ?? ''))
        return undefined;
    return `the connection broke before an answer (${e?.code ?? e?.name ?? 'error'})`;
}
/** InvalidChangeBatch carries its reasons in `messages` or, as AWS often sends it, in `message`. */
function batchMessages(err) {
    const messages = err.messages ?? [];
    return messages.length > 0 ? messages : [err.message ?? ''];
}
/** Whether a refused batch failed because the records changed since they were read. */
function isConflict(err) {
    if (errorName(err) !== 'InvalidChangeBatch')
        return false;
    // A record of another routing policy appearing since the read is a change too: reading again
    // turns it into the plan's clear refusal.
    return batchMessages(err).some((m) => /already exists|not found|do not match|exists? with the same name and type/i.test(m));
}
/** Turn an SDK error into one the user can act on; never includes credentials. */
function explainError(err, where) {
    if (err instanceof errors/* UpdateError */.mp)
        return err;
    const name = errorName(err);
    const message = err?.message ?? String(err);
    const zone = where.zoneId ? `hosted zone ${where.zoneId}` : 'Route 53';
    const stopped = (0,lifecycle/* stoppedWhile */.Fh)(err, `${where.operation} on ${zone}`);
    if (stopped)
        return stopped;
    const fail = (text) => (0,errors/* awsFailure */.MT)(text, err);
    switch (name) {
        case 'ForeignAnswer':
            return fail(`${where.operation} on ${zone} was answered by something other than Route 53 (${message}); a proxy or captive portal may be answering in its place.${where.operation === 'ChangeResourceRecordSets' ? ' Nothing is counted as written.' : ''}`);
        case 'NoSuchHostedZone':
            return fail(`${zone} does not exist (check hosted-zone-id): ${message}`);
        case 'NoSuchHealthCheck':
            return fail(`Route 53 has no such health check (NoSuchHealthCheck; check health-check-id): ${message}`);
        case 'AccessDenied':
        case 'AccessDeniedException': {
            const sets = (where.changes ?? []).map((c) => c.ResourceRecordSet);
            return fail((0,access_denied/* explainRoute53Denied */.m)({
                operation: where.operation,
                ...(where.zoneId ? { zoneId: where.zoneId } : {}),
                names: [...new Set(sets.map((s) => (0,model_names/* displayName */.QC)(s?.Name ?? '')))],
                types: [...new Set(sets.map((s) => s?.Type ?? ''))],
                actions: [...new Set((where.changes ?? []).map((c) => c.Action ?? ''))],
                awsMessage: message
            }));
        }
        case 'InvalidChangeBatch': {
            const messages = batchMessages(err);
            const outside = messages.find((m) => /not permitted in zone/i.test(m));
            if (outside)
                return fail(`A hostname is not in ${zone}: ${outside}`);
            return fail(`Route 53 refused the change to ${zone}: ${messages.join('; ')}`);
        }
        case 'Throttling':
        case 'ThrottlingException':
        case 'PriorRequestNotComplete':
            return fail(`${where.operation} on ${zone} was still refused after ${retry/* MAX_ATTEMPTS */.m} attempts (${name}: ${message}); Route 53 is rate-limiting this account, try again later.`);
        case 'InvalidClientTokenId':
        case 'ExpiredToken':
        case 'UnrecognizedClientException':
        case 'CredentialsProviderError':
            return fail(`AWS credentials were not accepted for ${where.operation} (${name}): ${message}`);
        default: {
            const doubt = lostAnswer(err);
            return fail(`${where.operation} on ${zone} failed (${name || 'error'}): ${message}${doubt ? `. The change may still have been applied (an attempt ended with ${doubt}); run again to see the records as they are.` : ''}`);
        }
    }
}
/** A list answer without IsTruncated is not Route 53's (a proxy or captive portal answered). */
const notRoute53 = (what, consequence) => `The answer to ${what} is not a Route 53 response (no IsTruncated); ${consequence}.`;
/** A change answer without a change id is not Route 53's either. */
const noChangeId = (zoneId, status) => `Route 53's answer to the change of hosted zone ${zoneId} carried no change id (HTTP ${status ?? '?'}), so it is not a ChangeResourceRecordSets response; nothing is counted as written.`;
/** wait-timeout ran out: the change is applied and completes without us. */
const notYetInSync = (changeId, zoneId, seconds) => `Change ${changeId} to hosted zone ${zoneId} was submitted but was not yet INSYNC after ${seconds} s (wait-timeout); it will still complete.`;
/**
 * Decide where the next page must start so every wanted name is fully seen, or undefined when
 * all are. Names before `next` are complete; gaps between wanted names are skipped. Pure.
 */
function nextCursor(wanted, next) {
    if (!next)
        return undefined;
    const remaining = wanted.filter((w) => (0,model_names/* compareNames */.MP)(w, next.name) >= 0).sort(model_names/* compareNames */.MP);
    const first = remaining[0];
    if (first === undefined)
        return undefined;
    return (0,model_names/* compareNames */.MP)(first, next.name) === 0 ? next : { name: first };
}
/**
 * Read every record set at the given names in one zone with as few requests as possible: each
 * page (300 sets) starts at the first name not yet seen, so names that sit together share a
 * page and gaps are skipped. Returns the sets keyed by listed name; an absent name maps to [].
 */
async function readNames(client, zoneId, names, signal) {
    const found = new Map(names.map((n) => [(0,model_names/* listedName */.d1)(n), []]));
    const wanted = [...new Set(names)].sort(model_names/* compareNames */.MP);
    let cursor = wanted[0] === undefined ? undefined : { name: wanted[0] };
    while (cursor) {
        let page;
        try {
            page = await client.send(new ListResourceRecordSetsCommand/* ListResourceRecordSetsCommand */.I({
                HostedZoneId: zoneId,
                StartRecordName: cursor.name.endsWith('.') ? cursor.name : `${cursor.name}.`,
                ...(cursor.type ? { StartRecordType: cursor.type } : {}),
                ...(cursor.identifier ? { StartRecordIdentifier: cursor.identifier } : {}),
                MaxItems: 300
            }), signal ? { abortSignal: signal } : undefined);
        }
        catch (err) {
            throw explainError(err, { operation: 'ListResourceRecordSets', zoneId });
        }
        if (page.IsTruncated === undefined) {
            throw (0,errors/* awsFailure */.MT)(notRoute53(`ListResourceRecordSets on hosted zone ${zoneId}`, 'the records cannot be read'), page);
        }
        // The cursor yields the next records when a name is absent: keep only exact name matches.
        for (const set of page.ResourceRecordSets ?? []) {
            found.get((0,model_names/* listedName */.d1)(set.Name ?? ''))?.push(set);
        }
        cursor =
            page.IsTruncated && page.NextRecordName
                ? nextCursor(wanted, {
                    name: page.NextRecordName,
                    ...(page.NextRecordType ? { type: page.NextRecordType } : {}),
                    ...(page.NextRecordIdentifier ? { identifier: page.NextRecordIdentifier } : {})
                })
                : undefined;
    }
    return found;
}
/**
 * Submit one batch; returns the bare change id, which a real answer always carries. Errors are left
 * raw so callers can spot conflicts; `lostAnswer(err)` says whether an earlier attempt may have
 * been applied.
 */
async function submitBatch(client, zoneId, changes, comment, signal) {
    const command = new ChangeResourceRecordSetsCommand/* ChangeResourceRecordSetsCommand */.y({
        HostedZoneId: zoneId,
        ChangeBatch: { Comment: comment, Changes: changes }
    });
    let doubt;
    // Inside the retry loop (which runs first in this step): sees every attempt the SDK made.
    command.middlewareStack.add((next) => async (args) => {
        try {
            return await next(args);
        }
        catch (err) {
            doubt ??= mayHaveApplied(err);
            throw err;
        }
    }, { step: 'finalizeRequest', priority: 'low', name: 'route53ddnsAttemptWatch' });
    let out;
    try {
        out = await client.send(command, signal ? { abortSignal: signal } : undefined);
    }
    catch (err) {
        if (doubt && typeof err === 'object' && err !== null)
            unanswered.set(err, doubt);
        throw err;
    }
    const id = out.ChangeInfo?.Id;
    if (!id) {
        throw (0,errors/* awsFailure */.MT)(noChangeId(zoneId, out.$metadata.httpStatusCode), out);
    }
    return id.replace(/^\/change\//, '');
}
/** Wait until a change is INSYNC, using the SDK waiter with short delays. */
async function waitForSync(client, changeId, zoneId, timeoutSeconds, timing = {}, signal) {
    const { minDelay, maxDelay } = timing.syncPoll ?? { minDelay: 1, maxDelay: 5 };
    try {
        await (0,waitForResourceRecordSetsChanged/* waitUntilResourceRecordSetsChanged */.I)({
            client,
            maxWaitTime: timeoutSeconds,
            minDelay,
            maxDelay,
            ...(signal ? { abortSignal: signal } : {})
        }, { Id: changeId });
    }
    catch (err) {
        const stopped = (0,lifecycle/* stoppedWhile */.Fh)(err, `change ${changeId} to be INSYNC`, signal);
        if (stopped)
            throw stopped;
        if (errorName(err) === 'TimeoutError' ||
            /timed? ?out|exceeded/i.test(err.message ?? '')) {
            throw new errors/* UpdateError */.mp(notYetInSync(changeId, zoneId, timeoutSeconds), { cause: err });
        }
        throw explainError(err, { operation: 'GetChange', zoneId });
    }
}
/** Every hosted zone named like one of `wanted` (sorted), by listed name; as few pages as possible. */
async function zonesNamed(client, wanted, signal) {
    const byName = new Map(wanted.map((s) => [(0,model_names/* listedName */.d1)(s), []]));
    let cursor = wanted[0] === undefined ? undefined : { name: wanted[0] };
    while (cursor) {
        let page;
        try {
            page = await client.send(new ListHostedZonesByNameCommand/* ListHostedZonesByNameCommand */.a({
                DNSName: cursor.name,
                ...(cursor.id ? { HostedZoneId: cursor.id } : {}),
                MaxItems: 100
            }), signal ? { abortSignal: signal } : undefined);
        }
        catch (err) {
            throw explainError(err, { operation: 'ListHostedZonesByName' });
        }
        if (page.IsTruncated === undefined) {
            throw (0,errors/* awsFailure */.MT)(notRoute53('ListHostedZonesByName', 'the hosted zones cannot be listed'), page);
        }
        for (const zone of page.HostedZones ?? [])
            byName.get((0,model_names/* listedName */.d1)(zone.Name ?? ''))?.push(zone);
        const next = page.IsTruncated ? page.NextDNSName : undefined;
        const c = nextCursor(wanted, next ? { name: next } : undefined);
        // Continuing within one name needs the zone id cursor too; a jump to another name does not.
        cursor =
            c && c.name === next && page.NextHostedZoneId
                ? { name: c.name, id: page.NextHostedZoneId }
                : c && { name: c.name };
    }
    return byName;
}
/** The zone of `host`: its longest suffix that names exactly one (public unless `privateZone`). */
function zoneOf(host, byName, privateZone) {
    for (const suffix of (0,model_names/* suffixes */.kT)(host)) {
        const zones = (byName.get((0,model_names/* listedName */.d1)(suffix)) ?? []).filter((z) => privateZone || !z.Config?.PrivateZone);
        if (zones.length > 1) {
            throw new errors/* UpdateError */.mp(`Several hosted zones are named ${suffix} (${zones.map((z) => (0,model_names/* bareZoneId */.eJ)(z.Id ?? '')).join(', ')}): set hosted-zone-id to choose one.`);
        }
        const zone = zones[0];
        if (zone)
            return { id: (0,model_names/* bareZoneId */.eJ)(zone.Id ?? ''), name: (0,model_names/* displayName */.QC)(zone.Name ?? '') };
    }
    throw new errors/* UpdateError */.mp(`No ${privateZone ? '' : 'public '}hosted zone found for ${(0,model_names/* displayName */.QC)(host)}: create one, or set hosted-zone-id${privateZone ? '' : ' (or private-zone: true for a private zone)'}.`);
}
/**
 * Find the hosted zone of each hostname: the longest whole-label suffix that is exactly a zone's
 * name, public zones only unless `privateZone`. Lists zones with as few pages as possible.
 */
async function discoverZones(client, hostnames, privateZone, signal) {
    const wanted = [...new Set(hostnames.flatMap((h) => (0,model_names/* suffixes */.kT)(h)))].sort(model_names/* compareNames */.MP);
    const byName = await zonesNamed(client, wanted, signal);
    return new Map(hostnames.map((host) => [host, zoneOf(host, byName, privateZone)]));
}

;// CONCATENATED MODULE: ./lib/core/members.js
// What a multivalue (set-identifier) run reports besides its own rows: the other members found
// at each name, and a warning when a name has more members than Route 53 puts in one answer.

function memberRows(records, members) {
    const key = (r) => `${r.zoneId} ${r.name} ${r.type}`;
    const byKey = new Map(members.map((m) => [key(m), m.others]));
    return records
        .filter((r) => r.setIdentifier !== '')
        .map((record) => {
        const others = byKey.get(key(record)) ?? [];
        return { record, others, total: others.length + (record.after.length > 0 ? 1 : 0) };
    });
}
/** The warning for a name with more members than one DNS answer carries, if it has. */
function answerLimitWarning(row) {
    if (row.total <= MULTIVALUE_ANSWERS)
        return undefined;
    return `${row.record.name} ${row.record.type} has ${row.total} multivalue members: Route 53 answers each query with at most ${MULTIVALUE_ANSWERS} healthy ones, so each resolver sees only ${MULTIVALUE_ANSWERS}.`;
}

;// CONCATENATED MODULE: ./lib/core/update.js








/** Guarded writes are retried this many times when a record changed under us. */
const MAX_CONFLICT_RETRIES = 3;
const key = (t) => `${(0,model_names/* listedName */.d1)(t.name)} ${t.type}`;
/** Every name the run manages: `hostname` (and `host-map`), then the `ipv6-host-ids` names. */
function managedNames(config) {
    return [...config.hostnames, ...(config.hostIds?.hosts.map((h) => h.name) ?? [])];
}
/** Without this machine's IPv6 address the hosts behind it cannot be published. */
const hostIdsLeftAlone = (names) => `ipv6-host-ids: this machine's IPv6 address is not known, so the hosts' AAAA records (${names.join(', ')}) are left as they are.`;
function targetsFor(config, ipv4, ipv6, logger) {
    const targets = [];
    for (const name of config.hostnames) {
        if (config.state === 'absent' || ipv4.length > 0)
            targets.push({ name, type: 'A', values: ipv4 });
        if (config.state === 'absent' || ipv6.length > 0)
            targets.push({ name, type: 'AAAA', values: ipv6 });
    }
    const hostIds = config.hostIds;
    if (hostIds && hostIds.hosts.length > 0) {
        if (config.state === 'absent') {
            for (const h of hostIds.hosts)
                targets.push({ name: h.name, type: 'AAAA', values: [] });
        }
        else if (ipv6.length === 0) {
            // Only with ip-version both, when IPv6 was not detected (inputs require IPv6 otherwise).
            logger.warning(hostIdsLeftAlone(hostIds.hosts.map((h) => h.name)));
        }
        else {
            let hosts;
            try {
                hosts = (0,host_ids/* hostAddresses */.l8)(hostIds, ipv6);
            }
            catch (err) {
                throw new errors/* UpdateError */.mp(`ipv6-host-ids: ${err.message}.`);
            }
            for (const h of hosts)
                targets.push({ name: h.name, type: 'AAAA', values: [h.address] });
        }
    }
    return targets;
}
/** The line a record gets in the log, as the one-shot run prints it (watch mode reuses it). */
function describeRecord(r) {
    const values = (v) => (v.length ? v.join(',') : '(none)');
    const change = r.changeId ? `, change ${r.changeId}` : '';
    const arrow = r.result === 'unchanged'
        ? values(r.after.length ? r.after : r.before)
        : `${values(r.before)} -> ${values(r.after)}`;
    const member = r.setIdentifier ? ` (member '${r.setIdentifier}')` : '';
    return `${r.name} ${r.type}${member} in ${r.zoneId}: ${arrow}, TTL ${r.ttl} (${r.result}${change})`;
}
/** The report row of a planned record. */
function row({ changes: _changes, members: _members, ...rest }, changeId) {
    return { ...rest, changeId };
}
/** True when a record was written; `unknown` when the only writes went unanswered. */
function changedOf(records) {
    if (records.some((r) => r.result !== 'unchanged' && r.result !== 'unknown'))
        return true;
    return records.some((r) => r.result === 'unknown') ? 'unknown' : false;
}
/** Throws the stop's reason once the run is stopping: called before anything new starts. */
function checkStop(stop) {
    if (stop?.signal.aborted)
        throw stop.signal.reason;
}
async function planZone(client, zoneId, targets, config, stop) {
    checkStop(stop);
    // A read needs no grace: it is dropped at once when the run stops.
    const live = await readNames(client, zoneId, targets.map((t) => t.name), stop?.signal);
    const options = {
        zoneId,
        state: config.state,
        ttl: config.ttl,
        dryRun: config.dryRun,
        ...(config.setIdentifier !== undefined ? { setIdentifier: config.setIdentifier } : {}),
        ...(config.healthCheckId ? { healthCheckId: config.healthCheckId } : {})
    };
    return targets.map((t) => planRecord(t, live.get((0,model_names/* listedName */.d1)(t.name)) ?? [], options));
}
/** Route 53 refused every attempt: the records changed between each read and write. */
const keptChanging = (zoneId, attempts, err) => `Records in hosted zone ${zoneId} kept changing while this run tried to update them (${attempts} attempts); nothing was overwritten. Last refusal: ${err.message}`;
/** A record changed under the run: the zone is read again. */
const readingAgain = (zoneId, attempt) => `A record in hosted zone ${zoneId} changed since it was read; reading again (attempt ${attempt}).`;
/**
 * Apply one zone's plan as guarded batches, recording each settled record in `done` as soon as
 * its batch is accepted (so a failure later still reports it). When a batch is refused because a
 * record changed since it was read, read again, plan again and retry.
 */
async function applyZone(write) {
    const { client, zoneId, config, logger, done, stop } = write;
    let plans = write.plans;
    for (let attempt = 0;; attempt++) {
        const pending = plans.filter((p) => !done.has(key(p)));
        for (const p of pending.filter((p) => p.changes.length === 0))
            done.set(key(p), row(p, ''));
        const batches = splitBatches(pending.map((p) => p.changes));
        const inBatch = (batch) => pending.filter((p) => p.changes.length > 0 && batch.includes(p.changes[0]));
        let current = [];
        /** The batch sent and not yet answered. */
        let sending;
        try {
            for (const batch of batches) {
                checkStop(stop);
                current = sending = batch;
                const id = await submitBatch(client, zoneId, batch, config.comment, stop?.dropWrites);
                sending = undefined;
                for (const p of inBatch(batch))
                    done.set(key(p), row(p, id));
            }
            break;
        }
        catch (err) {
            if (err instanceof lifecycle/* RunStopped */.NL || !isConflict(err)) {
                const thrown = err instanceof lifecycle/* RunStopped */.NL
                    ? err
                    : explainError(err, {
                        operation: 'ChangeResourceRecordSets',
                        zoneId,
                        changes: batches.flat()
                    });
                throw thrown instanceof lifecycle/* RunStopped */.NL && sending
                    ? update_unanswered(thrown, inBatch(sending), write)
                    : thrown;
            }
            if (attempt >= MAX_CONFLICT_RETRIES) {
                throw new errors/* UpdateError */.mp(keptChanging(zoneId, attempt + 1, err), { cause: err });
            }
            const refused = inBatch(current);
            const rest = write.targets.filter((t) => !done.has(key(t)));
            plans = await planZone(client, zoneId, rest, config, stop);
            const doubt = lostAnswer(err);
            if (doubt)
                claimLostAnswers(refused, plans, doubt, write);
            if (refused.some((p) => !done.has(key(p))) || !doubt)
                logger.warning(readingAgain(zoneId, attempt + 2));
        }
    }
}
/** A record the retry found as planned after the first answer was lost. */
const lostAnswerFound = (record, doubt) => `${describeRecord(record)}: Route 53 applied this run's change but its answer was lost (${doubt}); the retry found the record already as planned. Change id unknown.`;
/**
 * The run stopped while `sent` was sent and not answered: Route 53 may have applied it (a batch
 * applies whole or not at all). Its records' result is `unknown`, and the error says how to check.
 */
function update_unanswered(err, sent, write) {
    for (const p of sent)
        write.done.set(key(p), { ...row(p, ''), result: 'unknown' });
    const names = [...new Set(sent.map((p) => (0,model_names/* listedName */.d1)(p.name)))];
    return err.unanswered(`the change to ${names.join(', ')} was sent and not answered, so it may have been applied (result unknown); no further change was submitted. ` +
        `Check with: aws route53 list-resource-record-sets --hosted-zone-id ${write.zoneId} --start-record-name ${names[0] ?? ''} --max-items ${2 * names.length}; or run again (it reads the records and finishes the job).`);
}
/**
 * A write whose answer was lost (a 5xx or a broken connection after sending) is retried by the SDK;
 * when the retry is refused as a conflict and every record of the batch now reads exactly as this
 * run planned, the first attempt was applied (a batch applies whole or not at all). Count those
 * records as this run's change, with a warning.
 */
function claimLostAnswers(refused, replanned, doubt, write) {
    const asPlanned = (was) => replanned.some((p) => key(p) === key(was) && p.changes.length === 0);
    if (refused.length === 0 || !refused.every(asPlanned))
        return;
    for (const was of refused) {
        write.done.set(key(was), row(was, ''));
        write.logger.warning(lostAnswerFound(row(was, ''), doubt));
    }
}
/** The report before anything ran: the addresses the config gives. */
function initialReport(config) {
    return {
        dryRun: config.dryRun,
        records: [],
        ...(0,address/* givenAddresses */.GB)(config),
        changeIds: [],
        changed: false,
        attempted: []
    };
}
/** Step 1: the addresses to publish, detected when the config gives none. */
async function resolveAddresses(config, deps, report) {
    if (config.detection) {
        if (!deps.detect)
            throw new errors/* UpdateError */.mp('No address was given (ip) and detection is not available here.');
        let found;
        try {
            found = await deps.detect(config.detection);
        }
        catch (err) {
            throw (0,lifecycle/* stoppedWhile */.Fh)(err, 'the address-echo providers', deps.stop?.signal) ?? err;
        }
        report.ipv4 = found.ipv4;
        report.ipv6 = found.ipv6;
        report.origins = found.origins;
    }
    if (config.state === 'present' && report.ipv4.length + report.ipv6.length === 0) {
        throw new errors/* UpdateError */.mp('No address to publish: none was given and none was detected.');
    }
    if (config.state === 'absent') {
        report.ipv4 = [];
        report.ipv6 = [];
    }
}
/** Step 2: each target's hosted zone (the given one, or discovered), targets grouped by zone. */
async function mapZones(client, targets, config, deps) {
    const { logger, stop } = deps;
    const names = [...new Set(targets.map((t) => t.name))];
    const zoneOf = new Map();
    if (config.hostedZoneId) {
        for (const name of names)
            zoneOf.set(name, config.hostedZoneId);
    }
    else {
        checkStop(stop);
        const zones = await discoverZones(client, names, config.privateZone, stop?.signal);
        for (const [name, zone] of zones) {
            zoneOf.set(name, zone.id);
            logger.debug(`${name} is in hosted zone ${zone.id} (${zone.name})`);
        }
    }
    const byZone = new Map();
    for (const t of targets) {
        const zone = zoneOf.get(t.name);
        byZone.set(zone, [...(byZone.get(zone) ?? []), t]);
    }
    return byZone;
}
/** Steps 3 and 4: read and plan every zone before anything is written. */
async function planAll(client, byZone, config, stop, progress) {
    const plans = new Map();
    for (const [zoneId, zoneTargets] of byZone) {
        const zonePlans = await planZone(client, zoneId, zoneTargets, config, stop);
        plans.set(zoneId, zonePlans);
        progress.planned.push(...zonePlans.map((p) => row(p, '')));
    }
    return plans;
}
/** With set-identifier: per name and type, the other members the read found. */
function otherMembers(plans) {
    return [...plans.values()].flat().map((p) => ({
        name: p.name,
        type: p.type,
        zoneId: p.zoneId,
        others: p.members
    }));
}
/** Step 5: apply every zone's plan; the report's records are what settled. */
async function applyAll(client, byZone, plans, config, deps, progress) {
    for (const [zoneId, zonePlans] of plans) {
        await applyZone({
            client,
            zoneId,
            targets: byZone.get(zoneId),
            plans: zonePlans,
            config,
            logger: deps.logger,
            done: progress.applied,
            ...(deps.stop ? { stop: deps.stop } : {})
        });
    }
    return progress.planned.map((p) => progress.applied.get(key(p)) ?? p);
}
/** The distinct change ids of these records, in order. */
function changeIdsOf(records) {
    return [...new Set(records.map((r) => r.changeId).filter(Boolean))];
}
/** Log every record, and for a multivalue record its other members and any answer-limit warning. */
function logRecords(report, logger) {
    for (const r of report.records)
        logger.info(describeRecord(r));
    for (const row of memberRows(report.records, report.members ?? [])) {
        const others = row.others.length;
        if (others > 0)
            logger.info(`${row.record.name} ${row.record.type}: ${others} other member(s)`);
        const tooMany = answerLimitWarning(row);
        if (tooMany)
            logger.warning(tooMany);
    }
}
/** Step 6: wait until every change this run made is INSYNC. */
async function waitForChanges(client, records, config, deps) {
    const { logger, stop } = deps;
    const zoneOfChange = new Map(records.filter((r) => r.changeId).map((r) => [r.changeId, r.zoneId]));
    for (const r of records.filter((r) => r.result !== 'unchanged' && !r.changeId))
        logger.warning(`Cannot wait for ${r.name} ${r.type} to be in sync: its change id is unknown.`);
    for (const [id, zoneId] of zoneOfChange) {
        checkStop(stop);
        logger.info(`Waiting for change ${id} to be in sync...`);
        // A cancel ends the wait at once: the change is applied and completes anyway.
        await waitForSync(client, id, zoneId, config.waitTimeout, deps.timing, stop?.signal);
        logger.info(`Change ${id} is INSYNC.`);
    }
}
/**
 * The outcome of a run that failed: `attempted` shows the whole plan for the summary; failing
 * before every record settled, `records` hold only what was written.
 */
function failure(report, progress, err, logger) {
    const { planned, applied } = progress;
    report.attempted = planned.map((p) => applied.get(key(p)) ?? p);
    if (!progress.settled) {
        report.records = planned.flatMap((p) => {
            const r = applied.get(key(p));
            return r && r.result !== 'unchanged' ? [r] : [];
        });
        for (const r of report.records)
            logger.info(describeRecord(r));
        report.changeIds = changeIdsOf(report.records);
        report.changed = changedOf(report.records);
    }
    if (err instanceof lifecycle/* RunStopped */.NL && err.kind === 'cancelled')
        report.cancelled = true;
    return { report, error: err instanceof Error ? err : new Error(String(err)) };
}
/**
 * The one update both the action and the CLI run: find addresses, find zones, read, plan, and
 * apply guarded changes. Every read and plan happens before the first write, so a refusal
 * (a CNAME, an alias, a bad zone) writes nothing anywhere.
 */
async function update(config, deps) {
    const report = initialReport(config);
    const progress = { planned: [], applied: new Map(), settled: false };
    try {
        await resolveAddresses(config, deps, report);
        const client = deps.client ??
            createRoute53Client({
                region: config.region,
                ...(deps.credentials ? { credentials: deps.credentials } : {}),
                ...(deps.timing ? { timing: deps.timing } : {})
            });
        const targets = targetsFor(config, report.ipv4, report.ipv6, deps.logger);
        const byZone = await mapZones(client, targets, config, deps);
        const plans = await planAll(client, byZone, config, deps.stop, progress);
        if (config.setIdentifier !== undefined)
            report.members = otherMembers(plans);
        if (config.dryRun) {
            report.records = progress.planned;
        }
        else {
            report.records = await applyAll(client, byZone, plans, config, deps, progress);
            report.changeIds = changeIdsOf(report.records);
        }
        report.changed = changedOf(report.records);
        logRecords(report, deps.logger);
        progress.settled = true;
        if (config.waitForSync && !config.dryRun)
            await waitForChanges(client, report.records, config, deps);
        return { report };
    }
    catch (err) {
        return failure(report, progress, err, deps.logger);
    }
}

// EXTERNAL MODULE: ./lib/net/redact.js
var redact = __webpack_require__(7794);
// EXTERNAL MODULE: ./lib/model/run-context.js
var run_context = __webpack_require__(6138);
;// CONCATENATED MODULE: ./lib/core/counts.js
/** `3 records: 1 created, 2 unchanged` (results in first-seen order). */
function recordCounts(records) {
    const byResult = new Map();
    for (const r of records)
        byResult.set(r.result, (byResult.get(r.result) ?? 0) + 1);
    const parts = [...byResult].map(([result, n]) => `${n} ${result}`);
    const noun = records.length === 1 ? 'record' : 'records';
    return `${records.length} ${noun}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

;// CONCATENATED MODULE: ./lib/action/summary.js





/**
 * The runner drops a step's summary whole above 1 MiB (and the step still passes), so the summary
 * is built to a byte budget below that: counts first, changed rows before unchanged ones, the
 * unchanged folded away, and whatever does not fit cut with a note pointing at the `records` output.
 */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Kept free below the limit for a header or a closing line other code may add. */
const RESERVE_BYTES = 16 * 1024;
/** One record's Before/After cell shows at most this many values. */
const VALUES_PER_CELL = 10;
/** A failure message longer than this is cut (AccessDenied help is a few KiB). */
const MESSAGE_LIMIT = 32 * 1024;
/** The address list shows at most this many entries. */
const ORIGINS_LIMIT = 100;
/** The multivalue-members section gets at most this many bytes. */
const MEMBERS_LIMIT = 128 * 1024;
/** Redacted, then HTML-escaped (a secret must be masked before escaping could alter it). */
function escapeHtml(text) {
    return (0,redact/* redact */.E$)(text)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');
}
const bytes = (s) => Buffer.byteLength(s, 'utf8');
const CHANGED = new Set([
    'created',
    'updated',
    'deleted',
    'unknown',
    'would-create',
    'would-update',
    'would-delete'
]);
function values(v) {
    if (v.length === 0)
        return '—';
    const shown = v.slice(0, VALUES_PER_CELL).map(escapeHtml);
    if (v.length > VALUES_PER_CELL)
        shown.push(`… ${v.length - VALUES_PER_CELL} more`);
    return shown.join('<br>');
}
const HEAD = '<tr><th>Record</th><th>Zone</th><th>Type</th><th>Before</th><th>After</th><th>TTL</th><th>Result</th><th>Change id</th></tr>';
function summary_row(r) {
    const cells = [
        escapeHtml(r.name),
        escapeHtml(r.zoneId || '—'),
        r.type,
        values(r.before),
        values(r.after),
        String(r.ttl),
        r.result,
        escapeHtml(r.changeId || '—')
    ];
    return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
}
/** A table of as many rows as fit in `budget` bytes; the rows left out are counted. */
function table(rows, budget) {
    let html = `<table>${HEAD}`;
    let used = bytes(html) + bytes('</table>\n');
    let n = 0;
    for (const r of rows) {
        const tr = summary_row(r);
        const size = bytes(tr);
        if (used + size > budget)
            break;
        html += tr;
        used += size;
        n++;
    }
    return { html: n > 0 ? `${html}</table>\n` : '', left: rows.length - n };
}
/** Multi-line text (AccessDenied and trust-policy help) as a block that keeps its lines. */
function block(text) {
    const cut = text.length > MESSAGE_LIMIT ? `${text.slice(0, MESSAGE_LIMIT)}\n… (cut; see the log)` : text;
    return `<pre><code>${escapeHtml(cut)}</code></pre>\n`;
}
const cutNote = (left) => `<p>… ${left} more record${left === 1 ? '' : 's'} not shown: a job summary is limited to 1 MiB. The <code>records</code> output lists every record.</p>\n`;
/**
 * Records as tables within `budget` bytes: changed rows in the open, unchanged ones folded in
 * <details>, anything that does not fit counted in a note.
 */
function recordTables(records, budget) {
    const changed = records.filter((r) => CHANGED.has(r.result));
    const rest = records.filter((r) => !CHANGED.has(r.result));
    const noteRoom = bytes(cutNote(records.length));
    let out = '';
    let left = 0;
    const first = table(changed, budget - noteRoom);
    out += first.html;
    left += first.left;
    if (rest.length > 0) {
        const open = `<details><summary>${rest.length} unchanged record${rest.length === 1 ? '' : 's'}</summary>\n\n`;
        const close = '</details>\n';
        const room = budget - bytes(out) - noteRoom - bytes(open) - bytes(close);
        const folded = left > 0 ? { html: '', left: rest.length } : table(rest, room);
        if (folded.html)
            out += open + folded.html + close;
        left += folded.left;
    }
    if (left > 0)
        out += cutNote(left);
    return out;
}
/** Identifiers listed per name before the rest is only counted (keeps the summary small). */
const LISTED_MEMBERS = 20;
function listed(ids) {
    if (ids.length === 0)
        return '—';
    const shown = ids.slice(0, LISTED_MEMBERS).map((id) => `<code>${escapeHtml(id)}</code>`);
    const more = ids.length > LISTED_MEMBERS ? ` and ${ids.length - LISTED_MEMBERS} more` : '';
    return `${ids.length}: ${shown.join(', ')}${more}`;
}
/** With set-identifier: each name's row for this machine, the other members, and the answer-limit warning. */
function membersSection(rows) {
    if (rows.length === 0)
        return '';
    const head = ['Record', 'Type', 'This machine', 'Result', 'Other members'];
    const cells = (r) => [
        escapeHtml(r.record.name),
        r.record.type,
        `<code>${escapeHtml(r.record.setIdentifier)}</code>`,
        r.record.result,
        listed(r.others)
    ];
    const warnings = rows.map(answerLimitWarning).filter((w) => w !== undefined);
    return ('<h3>Multivalue members</h3>\n<table>' +
        `<tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>` +
        rows
            .map((r) => `<tr>${cells(r)
            .map((c) => `<td>${c}</td>`)
            .join('')}</tr>`)
            .join('') +
        '</table>\n' +
        warnings.map((w) => `<p><strong>Warning:</strong> ${escapeHtml(w)}</p>\n`).join(''));
}
/** membersSection cut to MEMBERS_LIMIT bytes: as many rows as fit, the rest counted. */
function boundedMembersSection(rows) {
    let n = rows.length;
    let html = membersSection(rows);
    while (n > 0 && bytes(html) > MEMBERS_LIMIT) {
        n = Math.floor(((n * MEMBERS_LIMIT) / bytes(html)) * 0.9);
        html = membersSection(rows.slice(0, n));
    }
    const left = rows.length - n;
    return left > 0 ? html + `<p>… ${left} more multivalue rows not shown.</p>\n` : html;
}
/**
 * The job summary: what was and what is now, how addresses were found, and any error; within
 * `limit` bytes whatever the report's size.
 */
function renderSummary(report, error, run, limit = SUMMARY_LIMIT_BYTES - RESERVE_BYTES) {
    let head = '<h2>Route 53 DDNS</h2>\n';
    if (run) {
        const attempt = run.runAttempt > 1 ? `, attempt ${run.runAttempt}` : '';
        head +=
            `<p>Triggered by ${escapeHtml((0,run_context/* trigger */.hZ)(run))} · ` +
                `<a href="${escapeHtml((0,run_context/* runUrl */.Vp)(run))}">run ${run.runId}${attempt}</a>` +
                `${run.workflow ? ` of ${escapeHtml(run.workflow)}` : ''}</p>\n`;
    }
    if (report?.dryRun) {
        head +=
            '<p><strong>Dry run:</strong> nothing was written; results show what would change.</p>\n';
    }
    if (report && report.records.length > 0)
        head += `<p>${escapeHtml(recordCounts(report.records))}</p>\n`;
    // The failure and the addresses are sized first; the tables get what is left.
    let failure = '';
    if (error) {
        const cancelled = error instanceof lifecycle/* RunStopped */.NL && error.kind === 'cancelled';
        failure += `<h3>${cancelled ? 'Cancelled' : 'Failed'}</h3>\n${block(error.message)}`;
    }
    let origins = '';
    if (report && report.origins.length > 0) {
        const items = report.origins
            .slice(0, ORIGINS_LIMIT)
            .map((o) => `<li>${escapeHtml(o.address)} (IPv${o.family}): ${escapeHtml(o.how)}</li>`);
        const more = report.origins.length - items.length;
        origins = `<h3>Addresses</h3>\n<ul>${items.join('')}${more > 0 ? `<li>… ${more} more</li>` : ''}</ul>\n`;
    }
    const members = report
        ? boundedMembersSection(memberRows(report.records, report.members ?? []))
        : '';
    let room = limit - bytes(head) - bytes(failure) - bytes(origins) - bytes(members);
    let records = '';
    if (report && report.records.length > 0) {
        // With a failure, keep room for the attempted rows too.
        const share = error && report.attempted.length > 0 ? Math.floor(room / 2) : room;
        records = recordTables(report.records, share);
        room -= bytes(records);
    }
    if (error && report && report.attempted.length > 0) {
        const unknown = report.attempted.some((r) => r.result === 'unknown')
            ? '; rows marked <code>unknown</code> were sent and not answered, and may have been applied'
            : '';
        const intro = `<p>Attempted (rows without a change id were not applied${unknown}):</p>\n`;
        failure += intro + recordTables(report.attempted, room - bytes(intro));
    }
    return head + records + members + failure + origins;
}
/** Write the job summary through the runner (which redacts it), if the step has one. */
function writeSummary(runner, report, error, run) {
    if (!runner.hasSummary())
        return;
    runner.appendSummary(renderSummary(report, error, run));
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./lib/action/oidc-token.js
var oidc_token = __webpack_require__(1997);
// EXTERNAL MODULE: ./lib/inputs/env.js
var inputs_env = __webpack_require__(9354);
// EXTERNAL MODULE: ./lib/model/text.js
var model_text = __webpack_require__(7798);
;// CONCATENATED MODULE: ./lib/action/runner.js
/**
 * The runner port: everything the action says to the GitHub Actions runner goes through a `Runner`.
 * The real one speaks GitHub's documented workflow commands (`::error::` …, stdout) and file
 * commands (`GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`) itself: loading @actions/core's entry (its
 * HTTP client, undici, @actions/exec) roughly doubles a no-op run's start-up, so it is not used;
 * the OIDC token comes from oidc-token.ts (with the run's limits and proxy). Every text leaves
 * through `redact()`. @actions/core stays the reference: test/action/runner-parity.test.ts runs
 * the same calls through both and requires the same stdout and files.
 */







/** Workflow-command message escaping (toolkit `escapeData`). */
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** Workflow-command property escaping (toolkit `escapeProperty`). */
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** `::command key=value,…::message` */
function formatCommand(command, properties, message) {
    const props = Object.entries(properties)
        .map(([k, v]) => `${k}=${escapeProperty(v)}`)
        .join(',');
    return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}
/** A `GITHUB_OUTPUT` entry in the heredoc form, with a random delimiter the value cannot contain. */
function outputEntry(name, value, delimiter) {
    if (name.includes(delimiter) || value.includes(delimiter)) {
        throw new Error(`Output '${name}' contains the file-command delimiter`);
    }
    return `${name}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`;
}
/** The real runner, reading `env` and writing workflow commands with `write` (default stdout). */
function createRunner(io = { env: process.env, write: (t) => void process.stdout.write(t) }) {
    const { env, write } = io;
    const setExitCode = io.setExitCode ??
        ((code) => {
            process.exitCode = code;
        });
    const line = (text) => write(text + external_node_os_.EOL);
    // Last guard: whatever a message holds, no control sequence reaches the log (carriage returns
    // are the workflow commands' own business, as in @actions/core).
    const safe = (message) => (0,model_text/* printable */.g$)((0,redact/* redact */.E$)(message), `\r${model_text/* LINES */.Qx}`);
    const command = (name, message) => line(formatCommand(name, {}, safe(message)));
    const runner = {
        getInput: (name) => (env[(0,inputs_env/* actionInputVariable */.pK)(name)] ?? '').trim(),
        setOutput(name, value) {
            // Every runner this action supports (2.327+) sets GITHUB_OUTPUT; outside one, nothing reads it.
            const file = env.GITHUB_OUTPUT;
            if (file) {
                (0,external_node_fs_.appendFileSync)(file, outputEntry(name, (0,redact/* redact */.E$)(value), `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`), 'utf8');
            }
        },
        info: (message) => line(safe(message)),
        warning: (message) => command('warning', message),
        debug: (message) => command('debug', message),
        setFailed(message) {
            setExitCode(1);
            command('error', message);
        },
        setSecret(value) {
            (0,redact/* addSecret */.Ck)(value);
            // One command, as the toolkit sends it: the runner masks the value and each of its lines.
            line(formatCommand('add-mask', {}, value));
        },
        hasSummary: () => Boolean(env.GITHUB_STEP_SUMMARY),
        appendSummary(text) {
            const file = env.GITHUB_STEP_SUMMARY;
            if (file)
                (0,external_node_fs_.appendFileSync)(file, (0,redact/* redact */.E$)(text), 'utf8');
        },
        getIDToken: io.getIDToken ??
            ((audience, signal) => (0,oidc_token/* requestIdToken */.g)(audience, {
                env,
                setSecret: (value) => runner.setSecret(value),
                ...(signal ? { signal } : {})
            }))
    };
    return runner;
}

// EXTERNAL MODULE: ./lib/notify/event.js
var notify_event = __webpack_require__(542);
;// CONCATENATED MODULE: ./lib/notify/heartbeat.js
/**
 * Heartbeat pings, following the services people use as a dead-man's switch:
 * - Uptime Kuma push URLs (`…/api/push/<token>`): GET with `status=up|down` and `msg=`; no start
 *   signal (Kuma has none), so only the end of the run pings.
 * - Anything else, Healthchecks.io style: `<url>/start` when the run begins, `<url>` on success,
 *   `<url>/fail` on failure, each a POST with a short plain-text body.
 */

/** Longest body sent: Healthchecks.io keeps 100 kB, but a ping is a note, not a log. */
const MAX_PING_BODY = 1000;
/** Longest Uptime Kuma `msg` (it lands in a query string and the monitor's list of events). */
const MAX_KUMA_MSG = 200;
function heartbeatStyle(url) {
    return /\/api\/push\/[^/]+\/?$/.test(new URL(url).pathname) ? 'uptime-kuma' : 'healthchecks';
}
/** The request for one phase of the run, or undefined when the service has no such signal. */
function heartbeatRequest(url, phase, event) {
    const u = new URL(url);
    if (heartbeatStyle(url) === 'uptime-kuma') {
        if (phase === 'start')
            return undefined;
        // Kuma shows its push URL with `?status=up&msg=OK&ping=`: ours replace those.
        for (const key of ['status', 'msg', 'ping'])
            u.searchParams.delete(key);
        u.searchParams.set('status', phase === 'success' ? 'up' : 'down');
        const msg = event ? (0,notify_event/* plainText */.wh)(event).split('\n').slice(0, 2).join(' — ') : phase;
        u.searchParams.set('msg', (0,notify_event/* clip */.$Q)(msg, MAX_KUMA_MSG));
        return { method: 'GET', url: u.href };
    }
    const suffix = phase === 'start' ? '/start' : phase === 'failure' ? '/fail' : '';
    u.pathname = `${u.pathname.replace(/\/+$/, '')}${suffix}`;
    const body = event ? (0,notify_event/* plainText */.wh)(event, MAX_PING_BODY) : 'route53-ddns started';
    return {
        method: 'POST',
        url: u.href,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body
    };
}

;// CONCATENATED MODULE: ./lib/notify/http.js
// Pings and webhooks go through the run's one bounded request (net/request.ts: limits, proxy,
// answer type); this adapter only sets notify's limits and keeps errors to the host.

/** A hanging monitoring endpoint must not hold the run: each call gets this long in all. */
const DEFAULT_NOTIFY_TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 16 * 1024;
/** Errors name the host only: the rest of a monitoring URL is a secret. */
const send = async (req, { timeoutMs }) => {
    const host = new URL(req.url).host;
    try {
        return await (0,request/* httpRequest */.aj)(req.url, {
            method: req.method,
            ...(req.headers ? { headers: req.headers } : {}),
            ...(req.body !== undefined ? { body: req.body } : {}),
            timeouts: { connectMs: timeoutMs, responseMs: timeoutMs },
            maxBytes: MAX_ANSWER_BYTES,
            truncate: true
        });
    }
    catch (err) {
        if (err instanceof request/* RequestTimeout */.VG)
            throw new Error(`no answer from ${host} within ${timeoutMs / 1000} s`);
        const e = err;
        throw new Error(`request to ${host} failed: ${e.code ?? e.message}`);
    }
};

// EXTERNAL MODULE: ./lib/model/secret-url.js
var secret_url = __webpack_require__(8853);
;// CONCATENATED MODULE: ./lib/notify/webhook.js
/**
 * The change/failure webhook body, shaped for what the receiver displays without glue:
 * - Slack incoming webhooks (`hooks.slack.com`): `{ text }` in Slack mrkdwn, `&`, `<`, `>` escaped.
 * - Discord webhooks (`discord.com/api/webhooks/…`): `{ content }` (at most 2000 characters) with
 *   mentions disabled, so a record name or error can never ping anyone.
 * - Anything else: JSON with the same `text` (Mattermost, Google Chat and others show it) plus the
 *   structured fields: outcome, records, error and the run.
 */


/** Discord's limit on `content`. */
const DISCORD_MAX = 2000;
/** Slack truncates `text` past 40,000 characters; stay far below. */
const SLACK_MAX = 3000;
function webhookKind(url) {
    const u = new URL(url);
    const host = u.hostname.toLowerCase();
    if (host === 'hooks.slack.com')
        return 'slack';
    if (/^(?:(?:ptb|canary)\.)?discord(?:app)?\.com$/.test(host) &&
        u.pathname.startsWith('/api/webhooks/')) {
        return 'discord';
    }
    return 'generic';
}
const slackEscape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function slackText(event) {
    const lines = [`*${slackEscape((0,notify_event/* headline */.Pl)(event))}*`];
    for (const r of (0,notify_event/* changedRecords */.BP)(event))
        lines.push(`• ${slackEscape((0,notify_event/* recordLine */.IK)(r))}`);
    if (event.error !== undefined) {
        lines.push(`Error: \`\`\`${slackEscape((0,notify_event/* clip */.$Q)(event.error, 1500)).replace(/`/g, "'")}\`\`\``);
    }
    if (event.run) {
        lines.push(`<${(0,run_context/* runUrl */.Vp)(event.run)}|${slackEscape((0,run_context/* runLine */.u_)(event.run))}>`);
    }
    return (0,notify_event/* clip */.$Q)(lines.join('\n'), SLACK_MAX);
}
function discordContent(event) {
    const md = (s) => s.replace(/[\\*_~`|>[\]()#-]/g, '\\$&');
    const link = event.run ? `\n[${md((0,run_context/* runLine */.u_)(event.run))}](<${(0,run_context/* runUrl */.Vp)(event.run)}>)` : '';
    const error = event.error !== undefined
        ? `\n\`\`\`\n${(0,notify_event/* clip */.$Q)(event.error, 1000).replace(/`/g, "'")}\n\`\`\``
        : '';
    const head = `**${md((0,notify_event/* headline */.Pl)(event))}**`;
    // Records fill what the headline, error and link leave of the 2000 characters.
    const room = DISCORD_MAX - head.length - error.length - link.length - 2;
    const records = (0,notify_event/* clip */.$Q)((0,notify_event/* changedRecords */.BP)(event)
        .map((r) => `• ${md((0,notify_event/* recordLine */.IK)(r))}`)
        .join('\n'), Math.max(0, room));
    return (0,notify_event/* clip */.$Q)([head, records].filter(Boolean).join('\n') + error + link, DISCORD_MAX);
}
/** The JSON body for a webhook of this kind. */
function webhookBody(kind, event) {
    if (kind === 'slack')
        return { text: slackText(event) };
    if (kind === 'discord')
        return { content: discordContent(event), allowed_mentions: { parse: [] } };
    return {
        text: (0,notify_event/* plainText */.wh)(event),
        source: 'route53-ddns',
        outcome: event.outcome,
        dryRun: event.dryRun,
        records: event.records,
        error: event.error ?? null,
        run: event.run
            ? {
                url: (0,run_context/* runUrl */.Vp)(event.run),
                repository: event.run.repository,
                id: event.run.runId,
                attempt: event.run.runAttempt,
                event: event.run.eventName,
                actor: event.run.actor,
                workflow: event.run.workflow
            }
            : null
    };
}
/** Whether a run's outcome is worth a webhook call: a change, a failure or a recovery, never `unchanged`. */
function shouldNotify(event) {
    return event.outcome !== 'unchanged' || event.recovered !== undefined;
}
function webhookRequest(url, event) {
    return {
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(webhookBody(webhookKind(url), event))
    };
}

;// CONCATENATED MODULE: ./lib/notify/monitor.js






const ok = (status) => status >= 200 && status < 300;
const refused = (what, where, status, said) => `${what} to ${where} was refused (HTTP ${status}${said ? `: ${said}` : ''}); the DDNS run itself is not affected.`;
const failedCall = (what, where, why) => `${what} to ${where} failed: ${why}; the DDNS run itself is not affected.`;
/** Longest excerpt of an endpoint's answer in a warning. */
const MAX_ANSWER_SHOWN = 200;
/**
 * A remote text (an endpoint's answer, an error) for a warning: the run's secrets and every part
 * of the secret URL after its host, however short, masked first; then one escaped line, cut.
 */
function remoteText(url, redact) {
    const parts = (0,secret_url/* urlParts */.A3)(url);
    return (text) => (0,model_text/* excerpt */.Kb)(text, MAX_ANSWER_SHOWN, (t) => (0,model_text/* maskValues */.Z$)(redact(t), parts));
}
/** The bounded call that every ping and webhook goes through. */
function monitorCall(deps) {
    const { logger, redact } = deps;
    const sendFn = deps.send ?? send;
    const timeoutMs = deps.timeoutMs ?? DEFAULT_NOTIFY_TIMEOUT_MS;
    return async (what, url, req) => {
        const where = (0,secret_url/* shownUrl */.zA)(url);
        const remote = remoteText(url, redact);
        try {
            const answer = await sendFn(req, { timeoutMs });
            if (ok(answer.status)) {
                logger.debug(`${what} to ${where}: HTTP ${answer.status}`);
                return;
            }
            logger.warning(refused(what, where, answer.status, remote(answer.body)));
        }
        catch (err) {
            logger.warning(failedCall(what, where, remote(err.message)));
        }
    };
}
/** The event that a run's end reports (its error already redacted). */
function endEvent(end, deps) {
    const error = end.error ? deps.redact(end.error.message) : undefined;
    return {
        outcome: (0,notify_event/* outcomeOf */.sG)(end.records, error),
        dryRun: end.dryRun,
        records: end.records,
        ...(error !== undefined ? { error } : {}),
        ...(deps.run ? { run: deps.run } : {}),
        hostnames: end.hostnames
    };
}
/** Start monitoring a run: sends the heartbeat's start ping (if any) without waiting for it. */
function startMonitoring(config, deps) {
    const { logger, redact } = deps;
    const timeoutMs = deps.timeoutMs ?? DEFAULT_NOTIFY_TIMEOUT_MS;
    const call = monitorCall(deps);
    function ping(phase, event) {
        const url = config.heartbeatUrl;
        if (!url)
            return Promise.resolve();
        const req = heartbeatRequest(url, phase, event);
        return req ? call(`Heartbeat (${phase})`, url, req) : Promise.resolve();
    }
    const started = ping('start');
    return {
        async finish(end) {
            const event = endEvent(end, deps);
            // The start ping goes first, so the service measures the run between the two.
            await started;
            const calls = [
                ping(event.outcome === 'failed' ? 'failure' : 'success', event)
            ];
            if (config.notifyUrl && shouldNotify(event)) {
                const url = config.notifyUrl;
                const what = `Notification (${webhookKind(url)} webhook)`;
                calls.push(call(what, url, webhookRequest(url, event)));
            }
            if (config.failureIssue && deps.failureIssue) {
                calls.push(deps.failureIssue(event, timeoutMs).catch((err) => {
                    logger.warning(`failure-issue: ${(0,model_text/* excerpt */.Kb)(err.message, 500, redact)}`);
                }));
            }
            await Promise.all(calls);
        }
    };
}

;// CONCATENATED MODULE: ./lib/notify/session.js


/** Register every secret of the monitoring config with the run's redaction. */
function addMonitorSecrets(config, addSecret) {
    for (const url of [config.heartbeatUrl, config.notifyUrl]) {
        if (url)
            for (const part of (0,secret_url/* secretParts */.Bm)(url))
                addSecret(part);
    }
    if (config.githubToken)
        addSecret(config.githubToken);
}
const NONE = { finish: () => Promise.resolve() };
/**
 * Monitoring from the run's monitoring inputs: registers their secrets, then `startMonitoring`.
 * `parse` reads the monitoring inputs; when it throws, monitoring is off and the same error
 * surfaces from the full input check that follows.
 */
function monitorFromInputs(parse, deps) {
    let config;
    try {
        config = parse();
    }
    catch {
        return NONE;
    }
    addMonitorSecrets(config, deps.addSecret);
    if (!config.heartbeatUrl && !config.notifyUrl && !config.failureIssue)
        return NONE;
    let failureIssue;
    if (config.failureIssue) {
        if (!deps.run) {
            deps.logger.warning('failure-issue is on, but this is not a GitHub Actions workflow run (no GITHUB_REPOSITORY and GITHUB_RUN_ID): no issue will be opened or closed.');
        }
        else if (deps.failureIssue) {
            failureIssue = deps.failureIssue(config, deps.run);
        }
    }
    return startMonitoring(config, {
        logger: deps.logger,
        redact: deps.redact,
        ...(deps.run ? { run: deps.run } : {}),
        ...(deps.send ? { send: deps.send } : {}),
        ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
        ...(failureIssue ? { failureIssue } : {})
    });
}

;// CONCATENATED MODULE: ./lib/action/main.js









/** The action's logger: the runner's log lines and annotations. */
function runnerLogger(runner) {
    return {
        info: (m) => runner.info(m),
        warning: (m) => runner.warning(m),
        debug: (m) => runner.debug(m)
    };
}
function setOutputs(runner, report) {
    // true, false, or unknown (a write sent and never answered when the run stopped).
    runner.setOutput('changed', String(report.changed));
    runner.setOutput('ipv4', report.ipv4.join(','));
    runner.setOutput('ipv6', report.ipv6.join(','));
    runner.setOutput('change-id', report.changeIds.join(','));
    runner.setOutput('records', JSON.stringify(report.records));
}
/** Monitoring from the monitoring inputs; Octokit loads only when the failure issue is on. */
function monitorRun(a, get) {
    const { runner, options, logger, runContext } = a;
    return monitorFromInputs(() => (0,inputs/* parseMonitoringInputs */.vU)(get), {
        logger,
        ...(runContext ? { run: runContext } : {}),
        addSecret: (s) => runner.setSecret(s),
        redact: redact/* redact */.E$,
        ...(options.send ? { send: options.send } : {}),
        ...(options.notifyTimeoutMs !== undefined ? { timeoutMs: options.notifyTimeoutMs } : {}),
        // It costs start-up time on every run.
        failureIssue: (cfg, run) => async (event, timeoutMs) => {
            const { updateFailureIssue } = await Promise.all(/* import() */[__webpack_require__.e(413), __webpack_require__.e(726)]).then(__webpack_require__.bind(__webpack_require__, 726));
            await updateFailureIssue(event, { token: cfg.githubToken ?? '', run, logger, timeoutMs });
        }
    });
}
/** Sign in (OIDC) and run the update under `stop`. STS and detection load only when used. */
async function signInAndUpdate(a, config, stop) {
    const { runner, options, env, logger, runContext } = a;
    const timing = options.timing ? { timing: options.timing } : {};
    const detection = config.detection ? await __webpack_require__.e(/* import() */ 310).then(__webpack_require__.bind(__webpack_require__, 8310)) : undefined;
    detection?.checkDetectionAllowed(env, config.dryRun, logger);
    const credentials = config.auth.kind === 'oidc'
        ? await (await Promise.all(/* import() */[__webpack_require__.e(417), __webpack_require__.e(719)]).then(__webpack_require__.bind(__webpack_require__, 6719))).assumeRoleWithOidc(config.auth, {
            region: config.region,
            env,
            getIdToken: (audience) => runner.getIDToken(audience, stop.signal),
            setSecret: (s) => runner.setSecret(s),
            logger,
            ...timing,
            stop,
            ...(runContext ? { run: runContext } : {})
        })
        : undefined;
    return update(config, {
        logger,
        ...timing,
        stop,
        ...(credentials ? { credentials } : {}),
        ...(detection
            ? {
                detect: (cfg) => detection.detectAddresses(cfg, { logger, signal: stop.signal, env })
            }
            : {})
    });
}
/** A run that failed before an outcome: the summary (if it can be written) and the failed step. */
function failStep(a, report, error) {
    try {
        writeSummary(a.runner, report, error, a.runContext);
    }
    catch (summaryError) {
        a.runner.warning(`Could not write the job summary: ${summaryError.message}`);
    }
    a.runner.setFailed(error.message);
}
/**
 * The action: inputs → config → update → outputs and summary. The one place that fails the step.
 * Tests pass a fake runner; the default speaks to the real one.
 */
async function run(runner = createRunner(), options = {}) {
    const env = options.env ?? process.env;
    // Keys given to the step (e.g. by configure-aws-credentials) can be quoted back by AWS.
    (0,redact/* addEnvSecrets */.GO)(env, (s) => runner.setSecret(s));
    const runContext = options.runContext === null ? undefined : (options.runContext ?? (0,run_context/* runContextFromEnv */.wX)(env));
    const a = { runner, options, env, logger: runnerLogger(runner), runContext };
    const get = (name) => runner.getInput(name);
    const monitor = monitorRun(a, get);
    let report;
    let config;
    let failure;
    let life;
    let unhook = () => undefined;
    try {
        config = (0,inputs/* parseInputs */.TL)(get, {
            machine: options.machine ?? (0,external_node_os_.hostname)(),
            env,
            ...(runContext ? { run: runContext } : {})
        });
        life = new lifecycle/* Lifecycle */.v0({ boundMs: (0,lifecycle/* runBoundMs */.SV)(config) });
        // The runner cancels with SIGINT, then SIGTERM: finish honestly instead of dying mid-write.
        unhook = (0,lifecycle/* cancelOnSignals */.dJ)(life, options.signals);
        const outcome = await signInAndUpdate(a, config, life);
        report = outcome.report;
        failure = outcome.error;
        setOutputs(runner, report);
        writeSummary(runner, report, outcome.error, runContext);
        if (outcome.error)
            runner.setFailed(outcome.error.message);
    }
    catch (err) {
        failure = err instanceof Error ? err : new Error(String(err));
        failStep(a, report, failure);
    }
    finally {
        life?.close();
        unhook();
    }
    // After the outputs and the summary: monitoring can only add warnings, never change the result.
    await monitor.finish({
        records: report?.records ?? [],
        dryRun: config?.dryRun ?? false,
        ...(failure ? { error: failure } : {}),
        hostnames: config?.hostnames ?? []
    });
}


/***/ }),

/***/ 1997:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ requestIdToken)
/* harmony export */ });
/* harmony import */ var _net_request_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(598);
// The runner's OIDC token, by its documented protocol: one GET with the request token. Done here
// rather than with core.getIDToken, whose request has a 3-minute socket timeout and retries but no
// overall deadline and no abort; this request gets the same limits, abort and network settings as
// every other request of the run.

/** Fetch a token for `audience`; throws with a short reason (never the request token). */
async function requestIdToken(audience, opts) {
    const base = opts.env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '';
    const requestToken = opts.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '';
    const url = new URL(base);
    url.searchParams.set('audience', audience);
    const answer = await (0,_net_request_js__WEBPACK_IMPORTED_MODULE_0__/* .httpRequest */ .aj)(url.href, {
        headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json' },
        timeouts: opts.timeouts ?? _net_request_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_TIMEOUTS */ .Rh,
        ...(opts.signal ? { signal: opts.signal } : {})
    });
    if (answer.status !== 200) {
        const transient = answer.status >= 500 || answer.status === 429;
        throw Object.assign(new Error(`the token endpoint answered HTTP ${answer.status}`), {
            transient
        });
    }
    let value;
    try {
        value = JSON.parse(answer.body).value;
    }
    catch {
        value = undefined;
    }
    if (typeof value !== 'string' || value === '') {
        throw new Error('the token endpoint answered without a token');
    }
    opts.setSecret(value);
    return value;
}


/***/ }),

/***/ 8369:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  m: () => (/* binding */ explainRoute53Denied),
  $: () => (/* binding */ explainStsDenied)
});

// EXTERNAL MODULE: ./lib/model/errors.js
var errors = __webpack_require__(3434);
// EXTERNAL MODULE: ./lib/inputs/inputs.js + 2 modules
var inputs = __webpack_require__(2498);
// EXTERNAL MODULE: ./lib/model/names.js
var names = __webpack_require__(1133);
;// CONCATENATED MODULE: ./lib/aws/iam/policy.js
/**
 * IAM policy generation for route53-ddns: the least-privilege permissions policy the role needs, and
 * the trust policy that lets a GitHub Actions workflow assume it through OIDC.
 *
 * Pure: no I/O, no @actions/core. Output is deterministic (sorted, deduplicated) so the same inputs
 * always print the same JSON.
 */



const OIDC_HOST = 'token.actions.githubusercontent.com';
const DEFAULT_AUDIENCE = 'sts.amazonaws.com';
const ACCOUNT_PLACEHOLDER = 'ACCOUNT_ID';
const NAMES_KEY = 'route53:ChangeResourceRecordSetsNormalizedRecordNames';
const TYPES_KEY = 'route53:ChangeResourceRecordSetsRecordTypes';
const ACTIONS_KEY = 'route53:ChangeResourceRecordSetsActions';
const ALL_ZONES_ARN = 'arn:aws:route53:::hostedzone/*';
const CHANGE_ARN = 'arn:aws:route53:::change/*';
const RECORD_TYPES = (/* unused pure expression or super */ null && (['A', 'AAAA']));
const sortedUnique = (values) => [...new Set(values)].sort();
/**
 * The record name in the form IAM's `route53:ChangeResourceRecordSetsNormalizedRecordNames` key
 * uses: Route 53's listed form without the trailing dot (`*.example.com` → `\\052.example.com`).
 */
function normalizedRecordName(fqdn) {
    return (0,names/* listedName */.d1)(fqdn.trim()).slice(0, -1);
}
/** ARN of a hosted zone, from a bare or prefixed id. */
function zoneArn(zoneId) {
    return `arn:aws:route53:::hostedzone/${(0,names/* parseZoneId */.B$)(zoneId)}`;
}
/** Validate a user's hostname for a policy and return its IAM-normalised form. */
function policyName(raw) {
    const name = normalizeName(raw.replace(/^\\052\./, '*.'));
    const problem = hostnameProblem(name);
    if (problem)
        throw new InputError('hostnames', problem === 'is empty' ? `'${raw}' is empty` : problem);
    return normalizedRecordName(name);
}
/**
 * A statement allowing route53:ChangeResourceRecordSets on the given zones only for the given names,
 * types and actions. Used by permissionsPolicy and by the AccessDenied explanations, so both print
 * the same shape. The names condition is guarded by `Null: false`, because `ForAllValues` is
 * vacuously true when the key is absent from the request.
 */
function changeRecordSetsStatement(options) {
    const arns = options.zoneIds.length === 0 ? [ALL_ZONES_ARN] : sortedUnique(options.zoneIds.map(zoneArn));
    const names = sortedUnique(options.names.map(normalizedRecordName));
    const types = sortedUnique(options.types.map((t) => t.trim().toUpperCase()));
    const actions = sortedUnique(options.actions.map((a) => a.trim().toUpperCase()));
    const forAll = {};
    if (names.length > 0)
        forAll[NAMES_KEY] = names;
    if (types.length > 0)
        forAll[TYPES_KEY] = types;
    if (actions.length > 0)
        forAll[ACTIONS_KEY] = actions;
    const statement = {
        ...(options.sid ? { Sid: options.sid } : {}),
        Effect: 'Allow',
        Action: 'route53:ChangeResourceRecordSets',
        Resource: single(arns)
    };
    const condition = {};
    if (Object.keys(forAll).length > 0)
        condition['ForAllValues:StringEquals'] = forAll;
    if (names.length > 0)
        condition['Null'] = { [NAMES_KEY]: 'false' };
    if (Object.keys(condition).length > 0)
        statement.Condition = condition;
    return statement;
}
const single = (values) => values.length === 1 ? values[0] : values;
/**
 * The least-privilege permissions policy for the given hostnames and zones:
 * - route53:ChangeResourceRecordSets on each zone, only for these names, these record types and the
 *   change actions the state needs ('present': CREATE + DELETE for the guarded replace; 'absent':
 *   DELETE). One statement per zone; with several zones *and* several names a name cannot be
 *   attributed to a zone without I/O, so a single statement covers all zones and all names.
 * - route53:ListResourceRecordSets on the same zones (to read the current record before replacing it).
 * - route53:GetChange on change/* when `waitForSync`; route53:ListHostedZonesByName on '*' when
 *   `discovery`. With no zone ids the zone resource is hostedzone/*.
 */
function permissionsPolicy(options) {
    if (options.hostnames.length === 0)
        throw new InputError('hostnames', 'at least one hostname is needed');
    const names = sortedUnique(options.hostnames.map(policyName));
    const zones = sortedUnique(options.zoneIds.map(parseZoneId));
    const types = options.recordTypes ?? [...RECORD_TYPES];
    if (types.length === 0)
        throw new InputError('record-types', 'at least one record type is needed');
    for (const t of types) {
        if (!RECORD_TYPES.includes(t)) {
            throw new InputError('record-types', `'${String(t)}' is not supported (A or AAAA)`);
        }
    }
    const state = parseState(String(options.state ?? 'present'));
    const actions = state === 'absent' ? ['DELETE'] : ['CREATE', 'DELETE'];
    const statements = [];
    const change = (zoneIds, sid) => changeRecordSetsStatement({ zoneIds, names, types, actions, sid });
    if (zones.length === 0) {
        statements.push(change([], 'ChangeRecordsAnyZone'));
    }
    else if (zones.length > 1 && names.length > 1) {
        statements.push(change(zones, 'ChangeRecords'));
    }
    else {
        for (const z of zones)
            statements.push(change([z], `ChangeRecords${z}`));
    }
    statements.push({
        Sid: 'ListRecords',
        Effect: 'Allow',
        Action: 'route53:ListResourceRecordSets',
        Resource: zones.length === 0 ? ALL_ZONES_ARN : single(zones.map(zoneArn))
    });
    if (options.waitForSync) {
        statements.push({
            Sid: 'WaitForSync',
            Effect: 'Allow',
            Action: 'route53:GetChange',
            Resource: CHANGE_ARN
        });
    }
    if (options.discovery) {
        statements.push({
            Sid: 'FindHostedZones',
            Effect: 'Allow',
            Action: 'route53:ListHostedZonesByName',
            Resource: '*'
        });
    }
    return { Version: '2012-10-17', Statement: statements };
}
/** 'main' → 'refs/heads/main'; 'refs/…' kept. */
function fullRef(ref) {
    const r = ref.trim();
    return r.startsWith('refs/') ? r : `refs/heads/${r}`;
}
function parseRepository(repository) {
    const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(repository.trim());
    if (!m?.[1] || !m[2] || m[2] === '.' || m[2] === '..') {
        throw new errors/* InputError */.dz('repository', `'${repository}' is not 'owner/repo'`);
    }
    return { owner: m[1], repo: m[2] };
}
/** The sub claim's context after 'repo:OWNER/REPO:' for a ref or an environment. */
function subContext(options) {
    if (options.ref !== undefined && options.environment !== undefined) {
        throw new errors/* InputError */.dz('environment', 'ref and environment are mutually exclusive: a job that uses an environment presents the environment in its sub claim, not the ref');
    }
    if (options.environment !== undefined) {
        const env = options.environment.trim();
        // eslint-disable-next-line no-control-regex
        if (env.length === 0 || env.length > 255 || /[\x00-\x1f*?]/.test(env)) {
            throw new errors/* InputError */.dz('environment', `'${options.environment}' is not a usable environment name`);
        }
        return `environment:${env}`;
    }
    const ref = fullRef(options.ref ?? 'main');
    if (ref === 'refs/heads/' || /[\s*?:~^[\\]/.test(ref) || ref.includes('..')) {
        throw new errors/* InputError */.dz('ref', `'${options.ref ?? ''}' is not a valid branch or ref`);
    }
    return `ref:${ref}`;
}
/**
 * The trust policy that lets GitHub Actions runs of one repository assume the role through OIDC.
 *
 * The `sub` condition is an exact `StringEquals`: with neither `ref` nor `environment` it defaults
 * to the `main` branch (`repo:OWNER/REPO:ref:refs/heads/main`) rather than a `repo:OWNER/REPO:*`
 * wildcard, which would also admit every branch, tag and pull request. A job that declares
 * `environment:` presents `…:environment:NAME` instead of the ref, hence the two are exclusive.
 * When `ownerId` and `repositoryId` are both given, the immutable form
 * `repo:OWNER@OWNER_ID/REPO@REPO_ID:…` (github.com repositories created, renamed or transferred
 * after 2026-07-15, or opted in) is accepted too. `workflowRef` adds a `job_workflow_ref` condition pinning a reusable workflow.
 * `accountId` defaults to the placeholder 'ACCOUNT_ID', for the user to replace.
 */
function trustPolicy(options) {
    const { owner, repo } = parseRepository(options.repository);
    const account = options.accountId?.trim() ?? ACCOUNT_PLACEHOLDER;
    if (options.accountId !== undefined && !/^\d{12}$/.test(account)) {
        throw new errors/* InputError */.dz('account-id', `'${options.accountId}' is not a 12-digit AWS account id`);
    }
    const audience = (options.audience ?? DEFAULT_AUDIENCE).trim();
    if (audience.length === 0 || /\s/.test(audience)) {
        throw new errors/* InputError */.dz('audience', `'${options.audience ?? ''}' is not a usable audience`);
    }
    if ((options.ownerId === undefined) !== (options.repositoryId === undefined)) {
        throw new errors/* InputError */.dz(options.ownerId === undefined ? 'owner-id' : 'repository-id', 'owner-id and repository-id must be given together (both form the immutable sub claim)');
    }
    for (const [field, value] of [
        ['owner-id', options.ownerId],
        ['repository-id', options.repositoryId]
    ]) {
        if (value !== undefined && !/^\d{1,20}$/.test(value.trim())) {
            throw new errors/* InputError */.dz(field, `'${value}' is not a numeric id`);
        }
    }
    const context = subContext(options);
    const subs = [`repo:${owner}/${repo}:${context}`];
    if (options.ownerId !== undefined && options.repositoryId !== undefined) {
        subs.push(`repo:${owner}@${options.ownerId.trim()}/${repo}@${options.repositoryId.trim()}:${context}`);
    }
    const equals = {
        [`${OIDC_HOST}:aud`]: audience,
        [`${OIDC_HOST}:sub`]: single(subs)
    };
    if (options.workflowRef !== undefined) {
        const wf = options.workflowRef.trim();
        if (!/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+\/\.github\/workflows\/[^@\s*?]+\.ya?ml@[^\s*?]+$/.test(wf)) {
            throw new errors/* InputError */.dz('workflow-ref', `'${options.workflowRef}' is not 'owner/repo/.github/workflows/file.yml@refs/heads/branch'`);
        }
        equals[`${OIDC_HOST}:job_workflow_ref`] = wf;
    }
    return {
        Version: '2012-10-17',
        Statement: [
            {
                Sid: 'GitHubActionsOidc',
                Effect: 'Allow',
                Principal: { Federated: `arn:aws:iam::${account}:oidc-provider/${OIDC_HOST}` },
                Action: 'sts:AssumeRoleWithWebIdentity',
                Condition: { StringEquals: equals }
            }
        ]
    };
}

;// CONCATENATED MODULE: ./lib/aws/iam/access-denied.js
/**
 * Turn AccessDenied-style failures from Route 53 and STS into messages that say what was refused and
 * what to change. Pure: no I/O, no @actions/core. These functions never see tokens or keys, and
 * they scrub anything token-shaped from the AWS message they quote.
 */


/** Quote an AWS message on one line, bounded, with anything that looks like a JWT or key removed. */
function quoteAws(message) {
    if (message === undefined)
        return undefined;
    const clean = message
        .replace(/eyJ[\w-]*\.[\w-]*\.[\w-]*/g, '<redacted token>')
        .replace(/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, '<redacted key id>')
        .replace(/\s+/g, ' ')
        .trim();
    if (clean.length === 0)
        return undefined;
    return clean.length > 500 ? `${clean.slice(0, 500)}…` : clean;
}
function safeStatement(build, fallback) {
    try {
        return build();
    }
    catch {
        return fallback;
    }
}
const policyJson = (statement) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2);
/** Why a change is refused although the role seems to allow it. */
const CHANGE_RULES = [
    'The role may change records only where its policy allows every name, type and change action in the batch:',
    `- route53:ChangeResourceRecordSetsNormalizedRecordNames holds names lowercase, without the trailing dot, with '*' written as \\052 (\\\\052 in JSON);`,
    '- a guarded update sends [DELETE old, CREATE new], so the policy needs CREATE and DELETE (UPSERT alone does not allow it); removing a record needs DELETE.'
];
/** Why each read is needed, and what to do instead of allowing it. */
const READ_REASONS = {
    ListResourceRecordSets: 'The action reads the current record before the guarded update, so the role needs it on each zone it changes.',
    GetChange: 'Waiting for the change to reach INSYNC needs it; allow it or set wait-for-sync to false.',
    ListHostedZonesByName: 'Finding the hosted zone of a hostname needs it (it has no zone-level resource); allow it or set hosted-zone-id so no discovery is needed.'
};
/** The statement id each read gets in the suggested policy. */
const READ_SIDS = {
    ListResourceRecordSets: 'ListRecords',
    GetChange: 'WaitForSync',
    ListHostedZonesByName: 'FindHostedZones'
};
/** A refused ChangeResourceRecordSets: what the batch held and the statement for exactly it. */
function refusedChange(denied, zone, resource) {
    const action = `route53:${denied.operation}`;
    const names = denied.names ?? [];
    const types = denied.types ?? [];
    const actions = denied.actions ?? [];
    const statement = safeStatement(() => changeRecordSetsStatement({
        zoneIds: zone ? [zone] : [],
        names,
        types,
        actions,
        sid: 'ChangeRecords'
    }), { Sid: 'ChangeRecords', Effect: 'Allow', Action: action, Resource: resource });
    const parts = [];
    if (names.length > 0)
        parts.push(`names ${[...new Set(names.map(normalizedRecordName))].join(', ')}`);
    if (types.length > 0)
        parts.push(`types ${[...new Set(types)].join(', ')}`);
    if (actions.length > 0)
        parts.push(`change actions ${[...new Set(actions)].join(', ')}`);
    const lines = [
        `Route 53 refused ${action} on ${resource}${parts.length > 0 ? ` for ${parts.join('; ')}` : ''}.`,
        ...CHANGE_RULES
    ];
    if (!zone)
        lines.push('- the hosted zone id was not known; replace hostedzone/* with the zone id.');
    if (names.length === 0)
        lines.push('- the record names were not known: add them to the names condition.');
    return { lines, statement };
}
/** A refused read: why the run needs it and the statement that allows it. */
function refusedRead(operation, zoneResource) {
    const action = `route53:${operation}`;
    const resource = operation === 'ListResourceRecordSets'
        ? zoneResource
        : operation === 'GetChange'
            ? 'arn:aws:route53:::change/*'
            : '*';
    return {
        lines: [`Route 53 refused ${action} on ${resource}. ${READ_REASONS[operation]}`],
        statement: { Sid: READ_SIDS[operation], Effect: 'Allow', Action: action, Resource: resource }
    };
}
/** What AWS's own words add: a Deny, a permissions boundary or an SCP needs more than an Allow. */
function awsHints(aws) {
    if (!aws)
        return [];
    const lines = [`AWS said: ${aws}`];
    if (/explicit deny/i.test(aws)) {
        lines.push('The message names an explicit Deny: adding an Allow will not help; find the Deny (identity policy, permissions boundary, session policy or an organization SCP).');
    }
    else if (/permissions boundary/i.test(aws)) {
        lines.push('The role has a permissions boundary: it must allow this action as well.');
    }
    else if (/service control policy/i.test(aws)) {
        lines.push("An organization's service control policy must allow this action as well.");
    }
    return lines;
}
/**
 * Explain a Route 53 AccessDenied: which action on which resource was refused, why that usually
 * happens, and the minimal statement (same builder as permissionsPolicy) allowing exactly that request.
 */
function explainRoute53Denied(denied) {
    const zone = denied.zoneId ? (0,names/* bareZoneId */.eJ)(denied.zoneId) : undefined;
    const zoneResource = zone
        ? `arn:aws:route53:::hostedzone/${zone}`
        : 'arn:aws:route53:::hostedzone/*';
    const { lines, statement } = denied.operation === 'ChangeResourceRecordSets'
        ? refusedChange(denied, zone, zoneResource)
        : refusedRead(denied.operation, zoneResource);
    return [
        ...lines,
        ...awsHints(quoteAws(denied.awsMessage)),
        'A minimal statement that allows exactly this request:',
        policyJson(statement)
    ].join('\n');
}
/** The sub this run presents, as far as the repository, ref and event tell it. */
function derivedSubject(denied) {
    const repo = denied.repository?.trim();
    const ref = denied.ref?.trim();
    if (!repo)
        return undefined;
    if (denied.eventName === 'pull_request')
        return `repo:${repo}:pull_request`;
    return ref ? `repo:${repo}:ref:${fullRef(ref)}` : undefined;
}
/** The check on the trust policy's sub condition, with the value this run presents if known. */
function subjectCheck(denied, subject) {
    const derived = derivedSubject(denied);
    const owner = denied.repository?.trim() ?? 'OWNER/REPO';
    return [
        `The trust policy's condition on ${OIDC_HOST}:sub must match the token's sub claim exactly (StringEquals is case-sensitive).`,
        subject
            ? `  This run's token presents: ${subject}`
            : derived
                ? `  This run presents: ${derived} (unless the job declares an environment: then repo:${owner}:environment:NAME)`
                : '  For a branch it is repo:OWNER/REPO:ref:refs/heads/BRANCH.',
        `  A job with \`environment: NAME\` presents repo:${owner}:environment:NAME instead of the ref; pull requests present repo:${owner}:pull_request.`,
        IMMUTABLE_SUBJECT
    ].join('\n');
}
const IMMUTABLE_SUBJECT = '  On github.com, repositories created after 2026-07-15, older ones renamed or transferred after that date, and those opted in use the immutable form repo:OWNER@OWNER_ID/REPO@REPO_ID:…; a policy written only for the classic form fails — list both.';
const PERMISSION_CHECK = 'The job needs `permissions: id-token: write` (without it the runner provides no OIDC token).';
const EXPIRED_CHECK = 'The token expired before STS saw it: tokens live about 5 minutes, so fetch it right before calling STS, and check the runner clock.';
const IDP_CHECK = 'STS could not reach the identity provider: this is usually transient, retry.';
function roleParts(roleArn) {
    const arn = /^arn:(aws[\w-]*):iam::(\d{12}):role\/(.+)$/.exec(roleArn.trim());
    return { valid: arn !== null, partition: arn?.[1] ?? 'aws', account: arn?.[2] };
}
/** The numbered checks, most likely first for the error code. */
function stsChecks(denied, role, aws, subject) {
    const audience = denied.audience || DEFAULT_AUDIENCE;
    const code = (denied.code || 'AccessDenied').toUpperCase();
    const provider = `arn:${role.partition}:iam::${role.account ?? 'ACCOUNT_ID'}:oidc-provider/${OIDC_HOST}`;
    const providerCheck = `The IAM OIDC provider for https://${OIDC_HOST} must exist in account ${role.account ?? '(the role’s account)'} (${provider}), list '${audience}' among its audiences, and be the trust policy's Federated principal.`;
    const audCheck = `The trust policy's condition on ${OIDC_HOST}:aud must equal the audience input: '${audience}'.`;
    const subCheck = subjectCheck(denied, subject);
    const providerFirst = code.includes('INVALIDIDENTITYTOKEN') ||
        /openid ?connect provider|no openidconnect/i.test(aws ?? '');
    const checks = [];
    if (code.includes('EXPIRED'))
        checks.push(EXPIRED_CHECK);
    if (code.includes('IDPCOMMUNICATION'))
        checks.push(IDP_CHECK);
    if (providerFirst)
        checks.push(providerCheck, audCheck, subCheck);
    else
        checks.push(audCheck, subCheck, providerCheck);
    checks.push(PERMISSION_CHECK);
    return checks.map((c, i) => `${i + 1}. ${c}`);
}
/** A trust policy that accepts this run, when the repository is known (commercial partition). */
function acceptingPolicy(denied, role, subject) {
    const repo = denied.repository?.trim();
    const ref = denied.ref?.trim();
    if (!repo || role.partition !== 'aws')
        return [];
    const sub = subject ?? derivedSubject(denied);
    try {
        const policy = trustPolicy({
            repository: repo,
            ...(ref ? { ref } : {}),
            audience: denied.audience || DEFAULT_AUDIENCE,
            ...(role.account ? { accountId: role.account } : {})
        });
        // The sub this run really presents (token, or pull_request) rather than its ref.
        const condition = policy.Statement[0]?.Condition?.StringEquals;
        if (sub && condition)
            condition[`${OIDC_HOST}:sub`] = sub;
        return [
            subject
                ? 'A trust policy that accepts this run (the sub as its token presents it):'
                : 'A trust policy that accepts this run (classic sub form):',
            JSON.stringify(policy, null, 2)
        ];
    }
    catch {
        // repository or ref not usable for a policy: the checks still apply
        return [];
    }
}
/**
 * Explain why STS refused AssumeRoleWithWebIdentity: the usual trust-policy mismatches (audience,
 * sub form, OIDC provider, id-token permission), most likely first for the error code, with the exact
 * sub claim this run presents when repository and ref are known.
 */
function explainStsDenied(denied) {
    const role = roleParts(denied.roleArn);
    const aws = quoteAws(denied.awsMessage);
    const subject = denied.subject?.trim() || undefined;
    const lines = [
        `STS refused to let this run assume ${denied.roleArn} (${denied.code || 'AccessDenied'}).`
    ];
    if (aws)
        lines.push(`AWS said: ${aws}`);
    if (!role.valid) {
        lines.push(`The role ARN does not look like 'arn:aws:iam::123456789012:role/NAME': check role-to-assume.`);
    }
    // The runner tells an action neither the job's environment nor the sub; only the token does.
    lines.push('Check:', ...stsChecks(denied, role, aws, subject));
    lines.push(...acceptingPolicy(denied, role, subject));
    return lines.join('\n');
}


/***/ }),

/***/ 8083:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G1: () => (/* binding */ fullJitter),
/* harmony export */   Gg: () => (/* binding */ retrySleep),
/* harmony export */   UN: () => (/* binding */ retryStrategy),
/* harmony export */   m: () => (/* binding */ MAX_ATTEMPTS),
/* harmony export */   tr: () => (/* binding */ standardRetryStrategy)
/* harmony export */ });
/* unused harmony exports MAX_BACKOFF_MS, defaultSleep */
/* harmony import */ var _smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7914);
/* harmony import */ var _smithy_core_retry__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9191);

/** Attempts per request before giving up on Throttling, PriorRequestNotComplete and 5xx. */
const MAX_ATTEMPTS = 20;
/** Cap on one backoff delay: short enough that a fleet keeps the account's rate in use. */
const MAX_BACKOFF_MS = 3_000;
/** Full-jitter exponential backoff capped at `cap` (MAX_BACKOFF_MS), as the SDK computes it but lower. */
function fullJitter(retries, base, cap = MAX_BACKOFF_MS) {
    return Math.floor(Math.random() * Math.min(base * 2 ** retries, cap));
}
/**
 * The program's one sleep: resolves after `ms`, or as soon as `signal` aborts (it never rejects;
 * callers check the signal). Used between STS attempts and between the watch's ticks.
 */
function defaultSleep(ms, signal) {
    if (signal?.aborted)
        return Promise.resolve();
    return new Promise((resolve) => {
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}
/**
 * The sleep between attempts the code makes itself: `timing.sleep` when injected, otherwise one
 * that ends early when `signal` aborts (the next request then fails at once).
 */
function retrySleep(timing, signal) {
    return timing?.sleep ?? ((ms) => defaultSleep(ms, signal));
}
function backoffStrategy(timing) {
    const backoff = timing.backoff ?? fullJitter;
    let base = 100;
    return {
        setDelayBase: (ms) => void (base = ms),
        computeNextBackoffDelay: (retries) => backoff(retries, base)
    };
}
/**
 * The SDK's adaptive retry strategy with more attempts and a lower cap on its full-jitter
 * exponential backoff (the SDK's cap is 20 s, which leaves Route 53's 10 requests/s unused while
 * throttled runs sleep). Bounded: at most MAX_ATTEMPTS × MAX_BACKOFF_MS of waiting per request.
 */
function retryStrategy(timing = {}) {
    return new _smithy_core_retry__WEBPACK_IMPORTED_MODULE_0__/* .AdaptiveRetryStrategy */ .Y(MAX_ATTEMPTS, {
        maxAttempts: MAX_ATTEMPTS,
        backoff: backoffStrategy(timing),
        ...(timing.rateLimiter ? { rateLimiter: timing.rateLimiter } : {})
    });
}
/** The SDK's standard retry strategy (for STS); its own backoff unless one is injected. */
function standardRetryStrategy(maxAttempts, timing = {}) {
    return new _smithy_core_retry__WEBPACK_IMPORTED_MODULE_1__/* .StandardRetryStrategy */ .r({
        maxAttempts,
        ...(timing.backoff ? { backoff: backoffStrategy(timing) } : {})
    });
}


/***/ }),

/***/ 9675:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fh: () => (/* binding */ stoppedWhile),
/* harmony export */   NL: () => (/* binding */ RunStopped),
/* harmony export */   SV: () => (/* binding */ runBoundMs),
/* harmony export */   dJ: () => (/* binding */ cancelOnSignals),
/* harmony export */   v0: () => (/* binding */ Lifecycle)
/* harmony export */ });
/* unused harmony exports CANCEL_GRACE_MS, stopSignals, onStopSignals */
/* harmony import */ var _model_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3434);
// How a run ends early: at its time bound, or when the runner (or a user) cancels it.

/** A run's wall-clock bound, before `wait-timeout` (which is added when waiting for sync). */
const RUN_BOUND_S = 120;
/** After a cancel, how long a request in flight may still answer (the runner escalates at 7.5 s). */
const CANCEL_GRACE_MS = 5_000;
/** The bound of a run with these settings, in milliseconds. */
function runBoundMs(config) {
    return (RUN_BOUND_S + (config.waitForSync ? config.waitTimeout : 0)) * 1000;
}
/**
 * Why a run stopped before its end: a head (what stopped it, and while waiting for what) and a
 * tail (what that means for the records).
 */
class RunStopped extends _model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UpdateError */ .mp {
    kind;
    head;
    tail;
    phrase;
    name = 'RunStopped';
    constructor(kind, head, tail, phrase) {
        super(`${head}; ${tail}`);
        this.kind = kind;
        this.head = head;
        this.tail = tail;
        this.phrase = phrase;
    }
    /** The same stop, saying what the run was waiting for. */
    during(what) {
        return new RunStopped(this.kind, this.phrase(what), this.tail, this.phrase);
    }
    /** The same stop, with a write sent and never answered: `tail` says what may have happened. */
    unanswered(tail) {
        return new RunStopped(this.kind, this.head, tail, this.phrase);
    }
}
/**
 * If `err` is how a request ended because the run stopped, the error to report instead (naming
 * `what`); otherwise undefined. `signal` covers callers whose errors do not carry the reason.
 */
function stoppedWhile(err, what, signal) {
    if (err instanceof RunStopped)
        return err;
    const cause = err?.cause;
    if (err?.name === 'AbortError' && cause instanceof RunStopped)
        return cause.during(what);
    if (signal?.aborted && signal.reason instanceof RunStopped)
        return signal.reason.during(what);
    return undefined;
}
/** The stop state of one run: started with its bound; `cancel` on a stop signal. */
class Lifecycle {
    stopping = new AbortController();
    dropping = new AbortController();
    timers = [];
    graceMs;
    /** The first signal that cancelled the run, if any. */
    cancelledBy;
    /**
     * `bound` names the bound in messages (default: the run's time bound of N s); `graceMs` is how
     * long a write in flight may still answer after a cancel.
     */
    constructor(opts) {
        this.graceMs = opts.graceMs ?? CANCEL_GRACE_MS;
        const bound = opts.bound ?? `the run's time bound of ${opts.boundMs / 1000} s`;
        const deadline = new RunStopped('deadline', `The run did not finish within ${bound}`, 'nothing more was written.', (what) => `${what} did not answer within ${bound}`);
        this.later(opts.boundMs, () => {
            this.stopping.abort(deadline);
            this.dropping.abort(deadline);
        });
    }
    get signal() {
        return this.stopping.signal;
    }
    get dropWrites() {
        return this.dropping.signal;
    }
    /** First call: start nothing new, and drop requests still in flight after the grace. Again: drop them now. */
    cancel(how) {
        if (this.stopping.signal.aborted) {
            this.dropping.abort(this.stopping.signal.reason);
            return;
        }
        this.cancelledBy = how;
        const stopped = new RunStopped('cancelled', `The run was cancelled (${how})`, 'no further change was submitted.', (what) => `The run was cancelled (${how}) while waiting for ${what}`);
        this.stopping.abort(stopped);
        this.later(this.graceMs, () => this.dropping.abort(stopped));
    }
    /** Stop and drop requests in flight now (a second signal, or a stop with no time left). */
    abandon(how) {
        this.cancel(how);
        this.cancel(how);
    }
    /** Clears the timers (the run is over). */
    close() {
        for (const t of this.timers)
            clearTimeout(t);
    }
    later(ms, fn) {
        const t = setTimeout(fn, ms);
        // Never what keeps a finished run alive.
        t.unref();
        this.timers.push(t);
    }
}
/**
 * The signals that stop a run on `platform`. SIGTERM is never delivered on Windows: the runner
 * cancels with Ctrl-C then Ctrl+Break, and closing the console is SIGHUP. SIGHUP elsewhere is a
 * closed terminal (our service units never send it as a reload).
 */
function stopSignals(platform) {
    return platform === 'win32' ? ['SIGINT', 'SIGBREAK', 'SIGHUP'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];
}
/**
 * The one place that listens for stop signals: calls `onStop(signal, nth)` on each (nth counts
 * from 1) until the returned function is called.
 */
function onStopSignals(onStop, source = process) {
    let count = 0;
    const handlers = stopSignals(source.platform ?? process.platform).map((sig) => {
        const handler = () => onStop(sig, ++count);
        source.on(sig, handler);
        return [sig, handler];
    });
    return () => {
        for (const [sig, handler] of handlers)
            source.off(sig, handler);
    };
}
/** Cancel `life` on each stop signal (first: stop, second: drop requests now) until unhooked. */
function cancelOnSignals(life, source = process) {
    return onStopSignals((sig) => life.cancel(sig), source);
}


/***/ }),

/***/ 9354:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   VX: () => (/* binding */ secretValues),
/* harmony export */   cT: () => (/* binding */ withoutSecrets),
/* harmony export */   pK: () => (/* binding */ actionInputVariable)
/* harmony export */ });
/* unused harmony exports cliInputVariable, CREDENTIAL_VARIABLES, secretInputs, secretKind */
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2498);
/**
 * Where inputs live in the environment (the runner's `INPUT_*`, the CLI's `ROUTE53_DDNS_*`) and
 * the one list of variables that hold a secret or lead to one. What the address command may not
 * see and what the run registers for masking are both derived from here. Pure.
 */

/** The runner's variable for an input: upper-cased, spaces as `_`, hyphens kept (the toolkit's rule). */
function actionInputVariable(input) {
    return `INPUT_${input.replace(/ /g, '_').toUpperCase()}`;
}
/** The CLI's variable for an input: `--hosted-zone-id` ↔ `ROUTE53_DDNS_HOSTED_ZONE_ID`. */
function cliInputVariable(input) {
    return `ROUTE53_DDNS_${input.toUpperCase().replace(/-/g, '_')}`;
}
/**
 * Credential variables outside the inputs. AWS: every variable the SDK's default chain reads a
 * credential from (credential-provider-env, -http, -web-identity, @smithy/credential-provider-imds,
 * token-providers), plus the legacy session-token name other AWS tools read. Runner: the OIDC
 * request pair and the runtime token a JavaScript action is given. GitHub CLI tokens, if set.
 */
const CREDENTIAL_VARIABLES = {
    AWS_ACCESS_KEY_ID: 'value',
    AWS_SECRET_ACCESS_KEY: 'value',
    AWS_SESSION_TOKEN: 'value',
    AWS_SECURITY_TOKEN: 'value',
    // The container credential endpoint: the relative URI alone fetches the keys (ECS).
    AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: 'value',
    AWS_CONTAINER_CREDENTIALS_FULL_URI: 'pointer',
    AWS_CONTAINER_AUTHORIZATION_TOKEN: 'value',
    AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: 'pointer',
    AWS_WEB_IDENTITY_TOKEN_FILE: 'pointer',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'value',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'pointer',
    ACTIONS_RUNTIME_TOKEN: 'value',
    GITHUB_TOKEN: 'value',
    GH_TOKEN: 'value',
    GH_ENTERPRISE_TOKEN: 'value',
    GITHUB_ENTERPRISE_TOKEN: 'value'
};
/** Families of credential variables: the SDK reads a bearer token from `AWS_BEARER_TOKEN_<SERVICE>`. */
const CREDENTIAL_PREFIXES = {
    AWS_BEARER_TOKEN_: 'value'
};
/** The inputs marked secret in INPUTS (tokens and monitoring URLs). */
function secretInputs() {
    return Object.keys(_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .mc).filter((name) => 'secret' in _inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .INPUTS */ .mc[name]);
}
/** Every secret variable by exact name: credentials, then each secret input for both front doors. */
function secretVariables() {
    const out = new Map(Object.entries(CREDENTIAL_VARIABLES));
    for (const input of secretInputs()) {
        out.set(actionInputVariable(input), 'value');
        out.set(cliInputVariable(input), 'value');
    }
    return out;
}
/**
 * Whether `name` holds a secret (and which kind), or undefined. Windows' environment names are
 * case-insensitive (the SDK signs with `aws_secret_access_key` there), so on win32 the match is too.
 */
function secretKind(name, platform) {
    const key = platform === 'win32' ? name.toUpperCase() : name;
    const exact = secretVariables().get(key);
    if (exact)
        return exact;
    for (const [prefix, kind] of Object.entries(CREDENTIAL_PREFIXES)) {
        if (key.startsWith(prefix))
            return kind;
    }
    return undefined;
}
/** A copy of `env` without any variable that holds a secret or leads to one. */
function withoutSecrets(env, platform) {
    const out = {};
    for (const [name, value] of Object.entries(env)) {
        if (secretKind(name, platform) === undefined)
            out[name] = value;
    }
    return out;
}
/** The values in `env` that are secrets themselves (kind `value`), for masking; pointers are not. */
function secretValues(env, platform) {
    return Object.entries(env)
        .filter((e) => Boolean(e[1]) && secretKind(e[0], platform) === 'value')
        .map(([name, value]) => ({ name, value }));
}


/***/ }),

/***/ 632:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Oe: () => (/* binding */ parseHostIds),
/* harmony export */   l8: () => (/* binding */ hostAddresses)
/* harmony export */ });
/* unused harmony exports ipv6ToBigInt, bigIntToIpv6, hostIdProblem, prefixOf, composeAddress */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var _model_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3434);
/* harmony import */ var _model_address_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3313);
/* harmony import */ var _model_names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1133);
/* harmony import */ var _lines_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(742);





/**
 * `ipv6-host-ids`: AAAA records for machines behind this one, each made of this machine's IPv6
 * prefix and the machine's own interface identifier, so one runner keeps them current after the
 * provider changes the prefix. One line per name, `fqdn = ::host:id`; blank lines and `#` comments
 * are ignored. Pure: no I/O.
 */
/** The 128-bit value of an IPv6 address (validated by Node; zone indexes refused). */
function ipv6ToBigInt(address) {
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(address) !== 6)
        throw new Error(`'${address}' is not an IPv6 address`);
    const text = (0,_model_address_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalAddress */ .Z5)(address);
    const groups = (part) => part === ''
        ? []
        : part.split(':').flatMap((g) => {
            if (!g.includes('.'))
                return [parseInt(g, 16)];
            const [a = 0, b = 0, c = 0, d = 0] = g.split('.').map(Number);
            return [(a << 8) | b, (c << 8) | d];
        });
    const gap = text.indexOf('::');
    const head = groups(gap < 0 ? text : text.slice(0, gap));
    const tail = gap < 0 ? [] : groups(text.slice(gap + 2));
    const all = [...head, ...Array(8 - head.length - tail.length).fill(0), ...tail];
    return all.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}
/** The canonical text of a 128-bit value. */
function bigIntToIpv6(value) {
    const groups = [];
    for (let i = 7; i >= 0; i--)
        groups.push(((value >> BigInt(i * 16)) & 0xffffn).toString(16));
    return (0,_model_address_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalAddress */ .Z5)(groups.join(':'));
}
const ALL_ONES = (1n << 128n) - 1n;
const hostMask = (prefixLength) => (1n << BigInt(128 - prefixLength)) - 1n;
/** Why `id` cannot be an interface identifier under a /prefixLength, or undefined if it can. */
function hostIdProblem(id, prefixLength) {
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(id) !== 6 || id.includes('%')) {
        return `'${(0,_model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(id)}' is not an interface identifier (write it as an IPv6 address, e.g. ::1:2:3:4)`;
    }
    const value = ipv6ToBigInt(id);
    if (value === 0n)
        return `'${id}' is the all-zero identifier (the subnet-router anycast address)`;
    if ((value & ~hostMask(prefixLength) & ALL_ONES) !== 0n)
        return tooWide(id, prefixLength);
    return undefined;
}
const tooWide = (id, prefixLength) => `'${id}' does not fit in the ${128 - prefixLength}-bit host part of a /${prefixLength} (ipv6-prefix-length): its leading bits must be zero`;
/**
 * Parse the `ipv6-host-ids` lines. Names are validated as hostnames; identifiers must fit in the
 * host part of a /prefixLength. Throws InputError('ipv6-host-ids', …) naming the line.
 */
function parseHostIds(text, prefixLength) {
    const out = [];
    const seen = new _lines_js__WEBPACK_IMPORTED_MODULE_4__/* .KeyLines */ .H();
    for (const { n, line, key, value } of (0,_lines_js__WEBPACK_IMPORTED_MODULE_4__/* .entryLines */ .W)(text)) {
        const fail = (problem) => {
            throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('ipv6-host-ids', `line ${n}: ${problem}`);
        };
        if (key === undefined || value.includes('=')) {
            fail(`'${(0,_model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(line)}' is not 'fqdn = ::host:id' (one name and one identifier per line)`);
        }
        const name = (0,_model_names_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeName */ .Pc)(key);
        const problem = (0,_model_names_js__WEBPACK_IMPORTED_MODULE_3__/* .hostnameProblem */ .RH)(name);
        if (problem)
            fail(`the name ${(0,_model_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(problem)}`);
        const idText = value.trim();
        if (idText === '')
            fail(`no identifier is given for '${name}'`);
        const idProblem = hostIdProblem(idText, prefixLength);
        if (idProblem)
            fail(idProblem);
        const earlier = seen.repeated(name, n);
        if (earlier !== undefined)
            fail(`'${name}' already has an identifier on line ${earlier}`);
        out.push({ name, id: (0,_model_address_js__WEBPACK_IMPORTED_MODULE_2__/* .canonicalAddress */ .Z5)(idText) });
    }
    return out;
}
/** The prefix of `address` as `2001:db8:1:2::/64`. */
function prefixOf(address, prefixLength) {
    const value = ipv6ToBigInt(address) & ~hostMask(prefixLength) & ALL_ONES;
    return `${bigIntToIpv6(value)}/${prefixLength}`;
}
/**
 * The address made of the first `prefixLength` bits of `address` (this machine's) and the host
 * bits of `id`. Throws if `id` does not fit (parseHostIds has already checked).
 */
function composeAddress(address, prefixLength, id) {
    if (!Number.isInteger(prefixLength) || prefixLength < 1 || prefixLength > 127) {
        throw new Error(`prefix length ${prefixLength} is out of range (1 … 127)`);
    }
    const problem = hostIdProblem(id, prefixLength);
    if (problem)
        throw new Error(problem);
    const mask = hostMask(prefixLength);
    return bigIntToIpv6((ipv6ToBigInt(address) & ~mask & ALL_ONES) | ipv6ToBigInt(id));
}
/**
 * The AAAA value of each host, from this machine's IPv6 addresses (all must share one prefix, or
 * the hosts' addresses would be ambiguous). Throws an Error saying which prefixes differ.
 */
function hostAddresses(hostIds, machineIpv6) {
    const { prefixLength, hosts } = hostIds;
    const first = machineIpv6[0];
    if (first === undefined)
        throw new Error("this machine's IPv6 address is not known");
    const prefixes = [...new Set(machineIpv6.map((a) => prefixOf(a, prefixLength)))];
    if (prefixes.length > 1)
        throw new Error(severalPrefixes(prefixes, prefixLength));
    return hosts.map((h) => ({ name: h.name, address: composeAddress(first, prefixLength, h.id) }));
}
const severalPrefixes = (prefixes, prefixLength) => `this machine's IPv6 addresses are in ${prefixes.length} different /${prefixLength} prefixes (${prefixes.join(', ')}), so the hosts' addresses are ambiguous`;


/***/ }),

/***/ 2498:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mc: () => (/* binding */ INPUTS),
  TL: () => (/* binding */ parseInputs),
  vU: () => (/* binding */ parseMonitoringInputs)
});

// UNUSED EXPORTS: MAX_HOSTNAMES, MAX_INPUT_LENGTH, booleanValue, list, parseBoolean, parseState, parseWholeNumber

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: ./lib/model/errors.js
var errors = __webpack_require__(3434);
// EXTERNAL MODULE: ./lib/model/names.js
var model_names = __webpack_require__(1133);
// EXTERNAL MODULE: ./lib/model/address.js
var address = __webpack_require__(3313);
// EXTERNAL MODULE: ./lib/model/provider-url.js
var provider_url = __webpack_require__(264);
// EXTERNAL MODULE: ./lib/inputs/lines.js
var lines = __webpack_require__(742);
;// CONCATENATED MODULE: ./lib/inputs/host-map.js


/**
 * `host-map`: one line per machine, `machine = fqdn[, fqdn…]`; blank lines and `#` comments are
 * ignored. Lets one workflow serve several self-hosted runners, each publishing its own names.
 * Names are checked only for being non-empty here: the caller validates them as DNS names.
 */
function bare(name) {
    return name.trim().toLowerCase().replace(/\.$/, '');
}
/** Parse the map: machine (lowercased, no trailing dot) → FQDNs in the order given. */
function parseHostMap(text) {
    const map = new Map();
    const seen = new lines/* KeyLines */.H();
    for (const { n, line, key, value } of (0,lines/* entryLines */.W)(text)) {
        const fail = (problem) => {
            throw new errors/* InputError */.dz('host-map', `line ${n}: ${problem}`);
        };
        if (key === undefined)
            fail(`'${(0,errors/* shown */.SP)(line)}' is not 'machine = name[, name…]'`);
        const machine = bare(key);
        if (machine === '')
            fail('the machine name is missing');
        if (/[\s,=]/.test(machine))
            fail(`'${(0,errors/* shown */.SP)(machine)}' is not a machine name`);
        if (value.includes('='))
            fail(`only one '=' is allowed (one machine per line)`);
        const names = value.split(',').map((s) => s.trim());
        if (names.every((s) => s === ''))
            fail(`no names are given for '${machine}'`);
        if (names.some((s) => s === ''))
            fail(`empty name in the list for '${machine}'`);
        const earlier = seen.repeated(machine, n);
        if (earlier !== undefined)
            fail(`machine '${machine}' is already mapped on line ${earlier}`);
        map.set(machine, [...new Set(names)]);
    }
    return map;
}
/** The entry for one name of this machine: exact, or with/without the domain; undefined if none. */
function matchOne(map, machine) {
    const exact = map.get(machine);
    if (exact)
        return exact;
    const short = (name) => name.split('.')[0];
    const matches = [...map.keys()].filter((key) => (!key.includes('.') && key === short(machine)) ||
        (!machine.includes('.') && short(key) === machine));
    if (matches.length > 1)
        throw new errors/* InputError */.dz('host-map', ambiguous(machine, matches));
    return matches.length === 1 ? map.get(matches[0]) : undefined;
}
const ambiguous = (machine, matches) => `this machine ('${machine}') matches several entries (${matches.join(', ')}): use its full name`;
const UNKNOWN_MACHINE = "this machine's host name is unknown, so no entry can be chosen";
/** The error for a map without this machine: both of its names, and what the map holds. */
function noEntry(machine, runner, map) {
    const known = [...map.keys()];
    const who = runner !== '' && runner !== machine
        ? `host name '${(0,errors/* shown */.SP)(machine)}', runner name '${(0,errors/* shown */.SP)(runner)}'`
        : `'${(0,errors/* shown */.SP)(machine || runner)}'`;
    return `has no entry for this machine (${who}); it maps: ${known.length ? known.join(', ') : '(nothing)'}`;
}
/**
 * The names for this machine. Matching ignores case and a trailing dot, and works with or without
 * the domain: machine 'web1.lan' matches key 'web1', and machine 'web1' matches key 'web1.lan'. An
 * exact match wins; several inexact matches are an InputError. The host name is tried first, then
 * the runner's name (`RUNNER_NAME`): in a container job the host name is the container's id.
 * No match for either is an InputError naming both.
 */
function hostsForMachine(map, machineHostname, runnerName) {
    const machine = bare(machineHostname);
    const runner = bare(runnerName ?? '');
    if (machine === '' && runner === '')
        throw new errors/* InputError */.dz('host-map', UNKNOWN_MACHINE);
    for (const name of [machine, runner]) {
        if (name === '')
            continue;
        const names = matchOne(map, name);
        if (names)
            return names;
    }
    throw new errors/* InputError */.dz('host-map', noEntry(machine, runner, map));
}

// EXTERNAL MODULE: ./lib/inputs/host-ids.js
var host_ids = __webpack_require__(632);
// EXTERNAL MODULE: ./lib/inputs/ip-command.js
var ip_command = __webpack_require__(4964);
// EXTERNAL MODULE: ./lib/model/secret-url.js
var secret_url = __webpack_require__(8853);
;// CONCATENATED MODULE: ./lib/inputs/monitoring.js
// The monitoring inputs, validated. Pure: no I/O, no runner.


/**
 * Read and check the monitoring inputs. `read` gives an input's trimmed value or its default;
 * `bool` parses a boolean input. Errors never quote a URL or the token.
 */
function parseMonitoring(read, bool) {
    const heartbeat = read('heartbeat-url');
    const notify = read('notify-url');
    const failureIssue = bool('failure-issue', read('failure-issue'));
    const token = read('github-token');
    let githubToken;
    if (failureIssue) {
        // Outside a runner the action.yml default `${{ github.token }}` arrives unexpanded.
        if (token === '' || token.startsWith('${{')) {
            throw new errors/* InputError */.dz('github-token', 'is empty: failure-issue needs a token that may write issues (by default the job token, github.token, with `permissions: issues: write`)');
        }
        if (/\s/.test(token))
            throw new errors/* InputError */.dz('github-token', 'must not contain white space');
        githubToken = token;
    }
    return {
        ...(heartbeat ? { heartbeatUrl: (0,secret_url/* validateSecretUrl */.AV)('heartbeat-url', heartbeat) } : {}),
        ...(notify ? { notifyUrl: (0,secret_url/* validateSecretUrl */.AV)('notify-url', notify) } : {}),
        failureIssue,
        ...(githubToken ? { githubToken } : {})
    };
}

// EXTERNAL MODULE: ./lib/model/run-context.js
var run_context = __webpack_require__(6138);
;// CONCATENATED MODULE: ./lib/inputs/inputs.js










/**
 * Every input, its default and meaning: the one list that action.yml, the CLI and README follow.
 * `secret`: never shown, masked, and withheld from the address command (see env.ts).
 */
const INPUTS = {
    hostname: {
        default: '',
        description: 'One or more FQDNs, separated by newlines, commas or spaces.'
    },
    'host-map': {
        default: '',
        description: 'Lines `machine = fqdn[, fqdn…]`: the FQDNs for this machine, chosen by its hostname, else by the runner name (RUNNER_NAME, for container jobs); case-insensitive.'
    },
    'hosted-zone-id': {
        default: '',
        description: 'Hosted zone id (`Z…` or `/hostedzone/Z…`). Empty: find the zone of each hostname.'
    },
    'private-zone': {
        default: 'false',
        description: 'With zone discovery, consider private hosted zones too.'
    },
    ip: {
        default: '',
        description: 'One or more addresses (IPv4 → A, IPv6 → AAAA). Empty: detect this machine’s address.'
    },
    'ip-source': {
        default: 'public',
        description: '`public`: ask address-echo services. `local`: read this machine’s interfaces. `command`: run `ip-command`.'
    },
    'ip-version': { default: '4', description: '`4`, `6` or `both`: which families to detect.' },
    'ip-providers': {
        default: '',
        description: 'Echo service URLs (https), one per line or comma-separated, replacing the built-in list.'
    },
    interface: {
        default: '',
        description: 'For `ip-source: local`: the interface to read (e.g. `eth0`).'
    },
    'ip-command': {
        default: '',
        description: 'For `ip-source: command`: the program and its arguments, run without a shell (quoted words or a JSON array). Its stdout must be exactly one address per requested family.'
    },
    'ip-command-timeout': {
        default: '10',
        description: 'Seconds `ip-command` may run, 1 … 600.'
    },
    'ipv6-host-ids': {
        default: '',
        description: 'Lines `fqdn = ::host:id`: AAAA records for machines behind this one, made of this machine’s IPv6 prefix and each interface identifier.'
    },
    'ipv6-prefix-length': {
        default: '64',
        description: 'The prefix length for `ipv6-host-ids`, 1 … 127.'
    },
    ttl: { default: '300', description: 'Record TTL in seconds, 0 … 2147483647.' },
    state: {
        default: 'present',
        description: '`present`: create or update the records. `absent`: delete the named A/AAAA records.'
    },
    'set-identifier': {
        default: '',
        description: "This machine's member of a multivalue answer record at each hostname, 1–128 characters (e.g. the runner's name). Other members are left alone. Empty: a simple record."
    },
    'health-check-id': {
        default: '',
        description: "Route 53 health check id (a UUID) to attach to this machine's member; needs set-identifier."
    },
    'dry-run': { default: 'false', description: 'Plan and report; write nothing.' },
    'wait-for-sync': {
        default: 'false',
        description: 'Wait until each submitted change is INSYNC on all Route 53 name servers.'
    },
    'wait-timeout': { default: '300', description: 'Seconds to wait for sync, 1 … 3600.' },
    comment: {
        default: '',
        description: 'Change-batch comment. Default names the repository and run.'
    },
    'aws-region': { default: 'us-east-1', description: 'Region for the STS call and the SDK.' },
    'role-to-assume': {
        default: '',
        description: 'IAM role ARN to assume with GitHub OIDC. Empty: use the AWS SDK default credential chain.'
    },
    audience: { default: 'sts.amazonaws.com', description: 'OIDC token audience.' },
    'role-session-name': {
        default: '',
        description: 'STS session name. Default derived from the run id and attempt.'
    },
    'role-duration-seconds': {
        default: '900',
        description: 'Session duration in seconds, 900 … 43200.'
    },
    'heartbeat-url': {
        default: '',
        description: 'Dead-man’s-switch URL (secret) pinged on every run: Healthchecks.io style (`/start`, success, `/fail`) or an Uptime Kuma push URL.',
        secret: true
    },
    'notify-url': {
        default: '',
        description: 'Webhook URL (secret) called when a record changed or the run failed: Slack, Discord, or JSON.',
        secret: true
    },
    'failure-issue': {
        default: 'false',
        description: 'Action only. `true`: open an issue when a run fails, close it on the next success (needs `issues: write`).'
    },
    'github-token': {
        default: '${{ github.token }}',
        description: 'Action only. Token for failure-issue; default the job token.',
        secret: true
    }
};
/** Limits that keep a run bounded on hostile or mistaken input. */
const MAX_INPUT_LENGTH = 64 * 1024;
const MAX_HOSTNAMES = 1000;
const MAX_ADDRESSES = 100;
/** Split a list input on newlines, commas and spaces. */
function list(value) {
    return value
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
}
/** The spellings of a boolean the action accepts (those of the YAML 1.2 core schema). */
function booleanValue(value) {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    return undefined;
}
/** A boolean input or option; InputError naming `name` otherwise. */
function parseBoolean(name, value) {
    const b = booleanValue(value);
    if (b === undefined) {
        throw new errors/* InputError */.dz(name, `'${(0,errors/* shown */.SP)(value)}' is not a boolean (use true or false)`);
    }
    return b;
}
/** A whole number in `min … max`; InputError naming `name` otherwise. */
function parseWholeNumber(name, value, min, max) {
    if (!/^\d+$/.test(value))
        throw new errors/* InputError */.dz(name, `'${(0,errors/* shown */.SP)(value)}' is not a whole number`);
    const n = Number(value);
    if (n < min || n > max)
        throw new errors/* InputError */.dz(name, `${value} is out of range (${min} … ${max})`);
    return n;
}
function oneOf(name, value, allowed) {
    if (allowed.includes(value))
        return value;
    throw new errors/* InputError */.dz(name, `'${(0,errors/* shown */.SP)(value)}' is not one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
}
const STATES = ['present', 'absent'];
/** The `state` input: 'present' or 'absent'; InputError('state') otherwise. */
function parseState(value) {
    return oneOf('state', value, STATES);
}
const ROLE_ARN = /^arn:aws(?:-cn|-us-gov|-iso|-iso-b)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
function reader(get) {
    return (name) => {
        const value = get(name) ?? '';
        if (value.length > MAX_INPUT_LENGTH) {
            throw new errors/* InputError */.dz(name, `is ${value.length} characters long (at most ${MAX_INPUT_LENGTH})`);
        }
        const trimmed = value.trim();
        return trimmed === '' ? INPUTS[name].default : trimmed;
    };
}
function hostnames(raw, field) {
    const names = list(raw);
    if (names.length > MAX_HOSTNAMES) {
        throw new errors/* InputError */.dz(field, `has ${names.length} names (at most ${MAX_HOSTNAMES})`);
    }
    const out = [];
    for (const written of names) {
        const name = (0,model_names/* normalizeName */.Pc)(written);
        const problem = (0,model_names/* hostnameProblem */.RH)(name);
        if (problem)
            throw new errors/* InputError */.dz(field, problem === 'is empty' ? problem : (0,errors/* shown */.SP)(problem));
        if (!out.includes(name))
            out.push(name);
    }
    return out;
}
/** Names: explicit hostnames and/or this machine's entry in the host map. */
function parseNames(read, machine, runnerName) {
    const names = hostnames(read('hostname'), 'hostname');
    const hostMapText = read('host-map');
    if (hostMapText) {
        const mapped = hostsForMachine(parseHostMap(hostMapText), machine, runnerName);
        names.push(...hostnames(mapped.join('\n'), 'host-map').filter((n) => !names.includes(n)));
    }
    if (names.length === 0 && read('ipv6-host-ids') === '') {
        throw new errors/* InputError */.dz('hostname', 'is required (or give host-map with an entry for this machine, or ipv6-host-ids)');
    }
    return names;
}
/** Explicit addresses (`ip`), canonical and deduplicated per family. */
function parseAddresses(read) {
    const ipv4 = [];
    const ipv6 = [];
    const ips = list(read('ip'));
    if (ips.length > MAX_ADDRESSES) {
        throw new errors/* InputError */.dz('ip', `has ${ips.length} addresses (at most ${MAX_ADDRESSES})`);
    }
    for (const ip of ips) {
        const family = (0,external_node_net_.isIP)(ip);
        if (family === 0)
            throw new errors/* InputError */.dz('ip', `'${(0,errors/* shown */.SP)(ip)}' is not an IPv4 or IPv6 address`);
        const mapped = (0,address/* mappedIpv4 */.DP)(ip);
        if (mapped) {
            throw new errors/* InputError */.dz('ip', `'${(0,errors/* shown */.SP)(ip)}' is an IPv4-mapped IPv6 address, never published as an AAAA record: write ${mapped} to publish it as an A record`);
        }
        let canonical;
        try {
            canonical = (0,address/* canonicalAddress */.Z5)(ip);
        }
        catch (err) {
            throw new errors/* InputError */.dz('ip', (0,errors/* shown */.SP)(err.message));
        }
        const target = family === 4 ? ipv4 : ipv6;
        if (!target.includes(canonical))
            target.push(canonical);
    }
    return { ipv4, ipv6 };
}
/** How to find the addresses; validated always, used only when there is something to detect. */
function parseDetection(read, platform) {
    const source = oneOf('ip-source', read('ip-source'), ['public', 'local', 'command']);
    const version = oneOf('ip-version', read('ip-version'), ['4', '6', 'both']);
    const providers = list(read('ip-providers')).map((url) => (0,provider_url/* validateProviderUrl */.ph)(url));
    const iface = read('interface');
    // Linux and macOS names (`eth0`, `en0`), and Windows' friendly names (`Ethernet 2`, `Wi-Fi`).
    if (iface && !/^[\p{L}\p{N}_.:@#*+-]+(?: [\p{L}\p{N}_.:@#*+()[\]-]+)*$/u.test(iface)) {
        throw new errors/* InputError */.dz('interface', `'${(0,errors/* shown */.SP)(iface)}' is not an interface name`);
    }
    if (iface.length > 256) {
        throw new errors/* InputError */.dz('interface', 'is longer than 256 characters');
    }
    if (iface && source !== 'local') {
        throw new errors/* InputError */.dz('interface', "is only used with ip-source 'local'");
    }
    const command = parseCommandInputs(read, source, platform);
    return { source, version, providers, ...(iface ? { interface: iface } : {}), ...command };
}
/** Sign-in: GitHub OIDC when a role is given, else the SDK default chain. */
function parseAuth(read, run) {
    const roleArn = read('role-to-assume');
    const audience = read('audience');
    const sessionRaw = read('role-session-name');
    // Validate the OIDC inputs even when unused, so a typo is caught before it matters.
    if (!/^[\x21-\x7e]{1,256}$/.test(audience)) {
        throw new errors/* InputError */.dz('audience', `'${(0,errors/* shown */.SP)(audience)}' is not a valid audience`);
    }
    if (sessionRaw && !SESSION_NAME.test(sessionRaw)) {
        throw new errors/* InputError */.dz('role-session-name', `'${(0,errors/* shown */.SP)(sessionRaw)}' must be 2–64 characters of letters, digits and +=,.@_-`);
    }
    const durationSeconds = parseWholeNumber('role-duration-seconds', read('role-duration-seconds'), 900, 43200);
    if (!roleArn)
        return { kind: 'default' };
    if (!ROLE_ARN.test(roleArn)) {
        throw new errors/* InputError */.dz('role-to-assume', `'${(0,errors/* shown */.SP)(roleArn)}' is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)`);
    }
    return {
        kind: 'oidc',
        roleArn,
        audience,
        sessionName: sessionRaw || (0,run_context/* defaultSessionName */.te)(run),
        durationSeconds
    };
}
const HEALTH_CHECK_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * `set-identifier` and `health-check-id`: Route 53 takes identifiers of 1–128 characters and
 * assigns health checks UUID ids. Empty set-identifier keeps the simple record.
 */
function parseMemberInputs(raw) {
    const setIdentifier = raw('set-identifier');
    if (setIdentifier.length > 128) {
        throw new errors/* InputError */.dz('set-identifier', `is ${setIdentifier.length} characters long (Route 53 allows 1 … 128)`);
    }
    if ([...setIdentifier].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) {
        throw new errors/* InputError */.dz('set-identifier', `'${(0,errors/* shown */.SP)(setIdentifier)}' contains control characters`);
    }
    const healthCheckId = raw('health-check-id').toLowerCase();
    if (healthCheckId && !HEALTH_CHECK_ID.test(healthCheckId)) {
        throw new errors/* InputError */.dz('health-check-id', `'${(0,errors/* shown */.SP)(healthCheckId)}' is not a Route 53 health check id (a UUID such as abcdef11-2222-3333-4444-555555fedcba)`);
    }
    if (healthCheckId && !setIdentifier) {
        throw new errors/* InputError */.dz('health-check-id', "is only used with set-identifier (a health check belongs to one machine's member)");
    }
    return {
        ...(setIdentifier ? { setIdentifier } : {}),
        ...(healthCheckId ? { healthCheckId } : {})
    };
}
/** `ip-command` (validated whenever given) and its timeout, for `ip-source: command`. */
function parseCommandInputs(read, source, platform) {
    const text = read('ip-command');
    const command = text ? (0,ip_command/* parseCommand */.R)(text, platform) : undefined;
    const timeout = parseWholeNumber('ip-command-timeout', read('ip-command-timeout'), 1, 600);
    if (command && source !== 'command') {
        throw new errors/* InputError */.dz('ip-command', "is only used with ip-source 'command'");
    }
    if (!command && source === 'command') {
        throw new errors/* InputError */.dz('ip-command', "is required with ip-source 'command'");
    }
    return command ? { command, commandTimeoutMs: timeout * 1000 } : {};
}
/**
 * `ipv6-host-ids` and `ipv6-prefix-length`. Publishing needs this machine's IPv6 address, so with
 * state present it must be given in `ip` or detected (ip-version 6 or both).
 */
function parseHostIdInputs(read, names, ipv6, detection, state) {
    const prefixLength = parseWholeNumber('ipv6-prefix-length', read('ipv6-prefix-length'), 1, 127);
    const text = read('ipv6-host-ids');
    if (!text)
        return undefined;
    const hosts = (0,host_ids/* parseHostIds */.Oe)(text, prefixLength);
    if (hosts.length > MAX_HOSTNAMES) {
        throw new errors/* InputError */.dz('ipv6-host-ids', `has ${hosts.length} names (at most ${MAX_HOSTNAMES})`);
    }
    const clash = hosts.find((h) => names.includes(h.name));
    if (clash) {
        throw new errors/* InputError */.dz('ipv6-host-ids', `'${clash.name}' is also in hostname (or host-map): a name gets its AAAA record from one of them`);
    }
    if (state === 'present') {
        if (detection && detection.version === '4') {
            throw new errors/* InputError */.dz('ipv6-host-ids', "needs this machine's IPv6 address: set ip-version to 6 or both, or give an IPv6 address in ip");
        }
        if (!detection && ipv6.length === 0) {
            throw new errors/* InputError */.dz('ipv6-host-ids', "needs this machine's IPv6 address, and ip has none");
        }
        if (!detection) {
            try {
                (0,host_ids/* hostAddresses */.l8)({ prefixLength, hosts }, ipv6);
            }
            catch (err) {
                throw new errors/* InputError */.dz('ipv6-host-ids', err.message);
            }
        }
    }
    return { prefixLength, hosts };
}
/**
 * Validate raw inputs into a Config. `get` returns the raw string of an input ('' when unset).
 * Throws InputError naming the first bad input; performs no network or AWS calls.
 */
function parseInputs(get, ctx) {
    const monitor = parseMonitoringInputs(get);
    const read = reader(get);
    const hostnames = parseNames(read, ctx.machine, ctx.env.RUNNER_NAME);
    const zoneText = read('hosted-zone-id');
    const hostedZoneId = zoneText ? (0,model_names/* parseZoneId */.B$)(zoneText) : undefined;
    const state = parseState(read('state'));
    const member = parseMemberInputs(read);
    const ttl = parseWholeNumber('ttl', read('ttl'), 0, 2147483647);
    const dryRun = parseBoolean('dry-run', read('dry-run'));
    const privateZone = parseBoolean('private-zone', read('private-zone'));
    const waitForSync = parseBoolean('wait-for-sync', read('wait-for-sync'));
    const waitTimeout = parseWholeNumber('wait-timeout', read('wait-timeout'), 1, 3600);
    const { ipv4, ipv6 } = parseAddresses(read);
    if (state === 'absent' && ipv4.length + ipv6.length > 0) {
        throw new errors/* InputError */.dz('ip', "is not used with state 'absent', which deletes the names' A and AAAA records whatever they hold: remove ip, or set state to 'present'");
    }
    const detection = parseDetection(read, ctx.platform ?? process.platform);
    const detect = state === 'present' && ipv4.length + ipv6.length === 0;
    const hostIds = parseHostIdInputs(read, hostnames, ipv6, detect ? detection : undefined, state);
    const region = read('aws-region');
    if (!REGION.test(region)) {
        throw new errors/* InputError */.dz('aws-region', `'${(0,errors/* shown */.SP)(region)}' is not an AWS region name`);
    }
    const comment = read('comment') || (0,run_context/* defaultComment */.NB)(ctx.run);
    if (comment.length > 256) {
        throw new errors/* InputError */.dz('comment', `is ${comment.length} characters long (at most 256)`);
    }
    const auth = parseAuth(read, ctx.run);
    return {
        hostnames,
        ...(hostedZoneId ? { hostedZoneId } : {}),
        ipv4,
        ipv6,
        ...(detect ? { detection } : {}),
        ...(hostIds ? { hostIds } : {}),
        ttl,
        dryRun,
        comment,
        region,
        state,
        privateZone,
        waitForSync,
        waitTimeout,
        auth,
        ...member,
        monitor
    };
}
/** The monitoring inputs alone (read first, so a run with other bad inputs still reports). */
function parseMonitoringInputs(get) {
    return parseMonitoring(reader(get), parseBoolean);
}


/***/ }),

/***/ 4964:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ commandLabel),
/* harmony export */   R: () => (/* binding */ parseCommand)
/* harmony export */ });
/* harmony import */ var _model_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3434);

/**
 * The `ip-command` input: the program and arguments to run for `ip-source: command`. It comes from
 * the workflow file or the machine's configuration, never from event data, and is run without a
 * shell (detect/command.ts), so this splitter refuses what a shell would have interpreted. Pure:
 * the platform, whose quoting rules apply, is passed in.
 */
// Characters a shell would interpret: refused unquoted, so nobody expects a pipe or a glob to work.
const POSIX_SPECIAL = new Set([...'|&;<>()$`*?[]{}~!']);
// On Windows also cmd's `%` and `^` and PowerShell's quote `'`; `~` stays (short names: PROGRA~1).
const WINDOWS_SPECIAL = new Set([..."|&;<>()$`*?[]{}!%^'"]);
const failer = () => (problem) => {
    throw new _model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('ip-command', problem);
};
/**
 * Split `ip-command` into argv. Either a JSON array of strings (`["/usr/bin/x", "--wan"]`), or
 * words separated by spaces. On `win32`, Windows' own rules: `"…"` groups, a backslash is literal
 * except before a quote (`\"` is a quote, `\\"` a backslash then a quote), `""` inside quotes is a
 * quote. Elsewhere, POSIX-shell-like rules: `'…'` is literal, `"…"` allows `\"` and `\\`, and a
 * backslash outside quotes escapes the next character. Characters a shell would interpret must be
 * quoted. Throws InputError('ip-command', …).
 */
function parseCommand(text, platform) {
    const fail = failer();
    const source = text.trim();
    if (source === '')
        fail('is empty');
    if (source.startsWith('[')) {
        const argv = parseJsonArgv(source, fail);
        if (argv[0] === '')
            fail('the program (element 0) is empty');
        return argv;
    }
    if (/[\n\r\0]/.test(source))
        fail('must be one line (no newline or NUL characters)');
    const argv = platform === 'win32' ? splitWindows(source, fail) : splitPosix(source, fail);
    if (argv[0] === '')
        fail('the program (first word) is empty');
    return argv;
}
function parseJsonArgv(source, fail) {
    let parsed;
    try {
        parsed = JSON.parse(source);
    }
    catch {
        fail('starts with [ but is not a JSON array of strings');
    }
    if (!Array.isArray(parsed) || parsed.length === 0)
        fail('must be a non-empty JSON array');
    const argv = parsed;
    argv.forEach((word, i) => {
        if (typeof word !== 'string')
            fail(`element ${i} of the JSON array is not a string`);
        if (word.includes('\0'))
            fail(`element ${i} contains a NUL character`);
    });
    return argv;
}
function refuseSpecial(c, fail, windows) {
    const hint = windows && c === "'" ? ' (on Windows only double quotes group words: use "…")' : '';
    return fail(`has an unquoted '${c}'${hint}: the command is run without a shell, so pipes, redirections, variables, globs and substitutions do not work. Quote the character to pass it literally, or put the logic in a script`);
}
/** POSIX-shell-like words: '…' literal, "…" with \" and \\, a backslash escapes outside quotes. */
function splitPosix(source, fail) {
    const argv = [];
    let word;
    let i = 0;
    while (i < source.length) {
        const c = source[i];
        if (c === ' ' || c === '\t') {
            if (word !== undefined)
                argv.push(word);
            word = undefined;
            i++;
        }
        else if (c === "'") {
            const end = source.indexOf("'", i + 1);
            if (end < 0)
                fail(`has an unterminated ' quote`);
            word = (word ?? '') + source.slice(i + 1, end);
            i = end + 1;
        }
        else if (c === '"') {
            let j = i + 1;
            let chunk = '';
            for (; source[j] !== '"'; j++) {
                if (j >= source.length)
                    fail('has an unterminated " quote');
                if (source[j] === '\\' && (source[j + 1] === '"' || source[j + 1] === '\\'))
                    j++;
                chunk += source[j];
            }
            word = (word ?? '') + chunk;
            i = j + 1;
        }
        else if (c === '\\') {
            if (i + 1 >= source.length)
                fail('ends with a lone backslash');
            word = (word ?? '') + source[i + 1];
            i += 2;
        }
        else if (POSIX_SPECIAL.has(c) || (c === '#' && word === undefined)) {
            refuseSpecial(c, fail, false);
        }
        else {
            word = (word ?? '') + c;
            i++;
        }
    }
    if (word !== undefined)
        argv.push(word);
    return argv;
}
/**
 * Windows' words (the rules of CommandLineToArgvW and the C runtime): `"` starts and ends a
 * quoted part, `""` inside one is a literal quote, 2n backslashes before a quote are n backslashes
 * (and the quote delimits), 2n+1 are n and a literal quote; other backslashes are literal.
 */
function splitWindows(source, fail) {
    const argv = [];
    let word;
    let quoted = false;
    let i = 0;
    while (i < source.length) {
        const c = source[i];
        if (c === '\\') {
            let n = 0;
            while (source[i + n] === '\\')
                n++;
            const beforeQuote = source[i + n] === '"';
            word = (word ?? '') + '\\'.repeat(beforeQuote ? Math.floor(n / 2) : n);
            i += n;
            if (beforeQuote && n % 2 === 1) {
                word += '"';
                i++;
            }
        }
        else if (c === '"') {
            if (quoted && source[i + 1] === '"') {
                word = (word ?? '') + '"';
                i += 2;
            }
            else {
                quoted = !quoted;
                word = word ?? '';
                i++;
            }
        }
        else if (!quoted && (c === ' ' || c === '\t')) {
            if (word !== undefined)
                argv.push(word);
            word = undefined;
            i++;
        }
        else if (!quoted && (WINDOWS_SPECIAL.has(c) || (c === '#' && word === undefined))) {
            refuseSpecial(c, fail, true);
        }
        else {
            word = (word ?? '') + c;
            i++;
        }
    }
    if (quoted) {
        fail('has an unterminated " quote (on Windows a backslash before a quote escapes it: end a quoted path that ends in a backslash with \\\\")');
    }
    if (word !== undefined)
        argv.push(word);
    return argv;
}
/** How messages name the command: its program only (arguments may hold a secret). */
function commandLabel(argv) {
    return `command ${(0,_model_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .shown */ .SP)(argv[0] ?? '')} (ip-command)`;
}


/***/ }),

/***/ 742:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ KeyLines),
/* harmony export */   W: () => (/* binding */ entryLines)
/* harmony export */ });
/**
 * The one reader of the line-based inputs (`host-map`, `ipv6-host-ids`): one `key = value` entry
 * a line, any line ending (LF, CRLF, CR), `#` comments and blank lines ignored, each key once.
 * The parsers word their own errors; the line numbers are the user's, counted from 1. Pure.
 */
/** The lines of `text` that say something, in order. */
function entryLines(text) {
    const out = [];
    text.split(/\r\n|\r|\n/).forEach((raw, i) => {
        const line = raw.replace(/#.*$/, '').trim();
        if (line === '')
            return;
        const eq = line.indexOf('=');
        out.push({
            n: i + 1,
            line,
            key: eq < 0 ? undefined : line.slice(0, eq).trim(),
            value: eq < 0 ? '' : line.slice(eq + 1)
        });
    });
    return out;
}
/** Remembers the line each key was first given on: `repeated` says where, when it was. */
class KeyLines {
    first = new Map();
    /** The earlier line of `key`, or undefined (and `n` is remembered as its line). */
    repeated(key, n) {
        const earlier = this.first.get(key);
        if (earlier === undefined)
            this.first.set(key, n);
        return earlier;
    }
}


/***/ }),

/***/ 3313:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DP: () => (/* binding */ mappedIpv4),
/* harmony export */   DV: () => (/* binding */ classifyAddress),
/* harmony export */   GB: () => (/* binding */ givenAddresses),
/* harmony export */   Z5: () => (/* binding */ canonicalAddress),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);

function table(family, rows) {
    return rows.map(([network, prefix, label]) => {
        const list = new node_net__WEBPACK_IMPORTED_MODULE_0__.BlockList();
        list.addSubnet(network, prefix, family);
        return { label, list };
    });
}
/** Non-global IPv4 ranges. First match wins, so the more specific rows come first. */
const IPV4_SPECIAL = table('ipv4', [
    ['255.255.255.255', 32, 'limited broadcast'],
    ['0.0.0.0', 8, '"this network" 0.0.0.0/8'],
    ['10.0.0.0', 8, 'private (RFC 1918)'],
    ['100.64.0.0', 10, 'shared address space / CGNAT (RFC 6598)'],
    ['127.0.0.0', 8, 'loopback'],
    ['169.254.0.0', 16, 'link-local'],
    ['172.16.0.0', 12, 'private (RFC 1918)'],
    ['192.0.0.0', 24, 'IETF protocol assignments 192.0.0.0/24'],
    ['192.0.2.0', 24, 'documentation (TEST-NET-1)'],
    ['192.88.99.0', 24, '6to4 relay anycast (deprecated, RFC 7526)'],
    ['192.168.0.0', 16, 'private (RFC 1918)'],
    ['198.18.0.0', 15, 'benchmarking (RFC 2544)'],
    ['198.51.100.0', 24, 'documentation (TEST-NET-2)'],
    ['203.0.113.0', 24, 'documentation (TEST-NET-3)'],
    ['224.0.0.0', 4, 'multicast'],
    ['240.0.0.0', 4, 'reserved 240.0.0.0/4']
]);
/** Non-global IPv6 ranges. First match wins, so the more specific rows come first. */
const IPV6_SPECIAL = table('ipv6', [
    ['::', 128, 'unspecified'],
    ['::1', 128, 'loopback'],
    ['::ffff:0:0', 96, 'IPv4-mapped'],
    ['::ffff:0:0:0', 96, 'IPv4-translated (SIIT)'],
    ['::', 96, 'IPv4-compatible (deprecated)'],
    ['64:ff9b::', 96, 'NAT64 well-known prefix'],
    ['64:ff9b:1::', 48, 'local-use NAT64'],
    ['100::', 64, 'discard-only (RFC 6666)'],
    ['2001::', 32, 'Teredo'],
    ['2001:2::', 48, 'benchmarking (RFC 5180)'],
    ['2001:10::', 28, 'ORCHID (deprecated)'],
    ['2001:20::', 28, 'ORCHIDv2'],
    ['2001::', 23, 'IETF protocol assignments 2001::/23'],
    ['2001:db8::', 32, 'documentation'],
    ['2002::', 16, '6to4 (deprecated, RFC 7526)'],
    ['3fff::', 20, 'documentation'],
    ['5f00::', 16, 'SRv6 SIDs (RFC 9602)'],
    ['fc00::', 7, 'unique-local (ULA)'],
    ['fe80::', 10, 'link-local'],
    ['fec0::', 10, 'site-local (deprecated)'],
    ['ff00::', 8, 'multicast']
]);
/** Only 2000::/3 is allocated for global unicast; everything else is reserved by the IETF. */
const IPV6_GLOBAL_UNICAST = table('ipv6', [['2000::', 3, 'global unicast']])[0];
function familyOf(address) {
    if (address.includes('%')) {
        throw new Error(`'${address}' has a zone index (%…), which a DNS record cannot hold`);
    }
    const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(address);
    if (family !== 4 && family !== 6)
        throw new Error(`'${address}' is not an IPv4 or IPv6 address`);
    return family;
}
/**
 * The canonical text form of an address: IPv4 dotted decimal as given (Node accepts no other form),
 * IPv6 as RFC 5952 recommends (lowercase, no leading zeros, the longest run of two or more zero
 * groups compressed, the first on a tie; IPv4-mapped and IPv4-compatible addresses in mixed
 * notation). Throws on anything that is not an address, including a zone index.
 */
function canonicalAddress(addr) {
    const family = familyOf(addr);
    if (family === 4)
        return addr;
    return new node_net__WEBPACK_IMPORTED_MODULE_0__.SocketAddress({ address: addr, family: 'ipv6' }).address;
}
const IPV4_MAPPED = table('ipv6', [['::ffff:0:0', 96, 'IPv4-mapped']])[0];
/**
 * The IPv4 address that an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`, in any spelling) stands
 * for; undefined for any other text. Such an address is never a usable AAAA record.
 */
function mappedIpv4(address) {
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(address) !== 6 || address.includes('%'))
        return undefined;
    if (!IPV4_MAPPED.list.check(address, 'ipv6'))
        return undefined;
    const canonical = canonicalAddress(address);
    return canonical.slice(canonical.lastIndexOf(':') + 1);
}
/** Family, and whether the address is globally routable unicast (and if not, which range it is in). */
function classifyAddress(address) {
    const family = familyOf(address);
    if (family === 4) {
        const hit = IPV4_SPECIAL.find((r) => r.list.check(address, 'ipv4'));
        return hit ? { family, global: false, range: hit.label } : { family, global: true };
    }
    const hit = IPV6_SPECIAL.find((r) => r.list.check(address, 'ipv6'));
    if (hit)
        return { family, global: false, range: hit.label };
    if (!IPV6_GLOBAL_UNICAST.list.check(address, 'ipv6')) {
        return { family, global: false, range: 'reserved (outside global unicast 2000::/3)' };
    }
    return { family, global: true };
}
/** Whether a URL's host is loopback: `localhost`, 127.0.0.0/8 or ::1 (brackets allowed). */
function isLoopbackHost(hostname) {
    const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
    if (host === 'localhost')
        return true;
    const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host);
    if (family === 4)
        return host.startsWith('127.');
    if (family === 6)
        return classifyAddress(host).range === 'loopback';
    return false;
}
/**
 * The addresses a config gives (`ip`), as detection would report them: the one list both the
 * update and the watch use when nothing is detected.
 */
function givenAddresses(config) {
    return {
        ipv4: [...config.ipv4],
        ipv6: [...config.ipv6],
        origins: [
            ...config.ipv4.map((address) => ({ family: 4, address, how: 'input' })),
            ...config.ipv6.map((address) => ({ family: 6, address, how: 'input' }))
        ]
    };
}


/***/ }),

/***/ 3434:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MT: () => (/* binding */ awsFailure),
/* harmony export */   SP: () => (/* binding */ shown),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   mp: () => (/* binding */ UpdateError)
/* harmony export */ });
/* unused harmony export withoutRequestId */
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7798);

/** A short, printable rendering of user input or a command's output for error messages. */
function shown(value) {
    return (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .cut */ .Jj)((0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(value), 80);
}
/** Bad input: names the input and what is wrong. Raised before any AWS call. */
class InputError extends Error {
    input;
    problem;
    name = 'InputError';
    constructor(input, problem) {
        super(`Input '${input}': ${problem}`);
        this.input = input;
        this.problem = problem;
    }
}
/** A failure in user terms (zone, record, permission), not a raw SDK dump. */
class UpdateError extends Error {
    name = 'UpdateError';
}
/** The id AWS gave a request (from an SDK error or output), for support cases and CloudTrail. */
function requestIdOf(answer) {
    return answer?.$metadata?.requestId || undefined;
}
/** An UpdateError that keeps the SDK error (or answer) as its cause and names AWS's request id. */
function awsFailure(message, cause) {
    const id = requestIdOf(cause);
    const text = id
        ? `${message}${message.includes('\n') ? '\n' : ' '}(AWS request id ${id})`
        : message;
    // AWS's message, or a proxy's answer in its place, reaches the log: no control sequences.
    return new UpdateError((0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(text, _text_js__WEBPACK_IMPORTED_MODULE_0__/* .LINES */ .Qx), { cause });
}
/** A message without the AWS request id awsFailure adds (two failures alike but for the id). */
function withoutRequestId(message) {
    return message.replace(/\s*\(AWS request id [^)]*\)/g, '');
}


/***/ }),

/***/ 1133:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B$: () => (/* binding */ parseZoneId),
/* harmony export */   MP: () => (/* binding */ compareNames),
/* harmony export */   Pc: () => (/* binding */ normalizeName),
/* harmony export */   QC: () => (/* binding */ displayName),
/* harmony export */   RH: () => (/* binding */ hostnameProblem),
/* harmony export */   d1: () => (/* binding */ listedName),
/* harmony export */   eJ: () => (/* binding */ bareZoneId),
/* harmony export */   kT: () => (/* binding */ suffixes)
/* harmony export */ });
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3136);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3434);


const LABEL = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)$/;
/**
 * Normalise a hostname as written by a user: trim, lowercase, drop one trailing dot, punycode
 * internationalised labels. Returns the name without a trailing dot.
 */
function normalizeName(raw) {
    let name = raw.trim().toLowerCase();
    if (name.endsWith('.'))
        name = name.slice(0, -1);
    // eslint-disable-next-line no-control-regex
    if (/[^\x00-\x7f]/.test(name)) {
        const wildcard = name.startsWith('*.');
        const ascii = (0,node_url__WEBPACK_IMPORTED_MODULE_0__.domainToASCII)(wildcard ? name.slice(2) : name);
        // A '*' that IDNA made from a look-alike is left unconverted, for hostnameProblem to refuse.
        if (ascii && !ascii.includes('*'))
            name = wildcard ? `*.${ascii}` : ascii;
    }
    return name;
}
/** Why a normalised name is not a valid FQDN for an A/AAAA record, or undefined if it is. */
function hostnameProblem(name) {
    if (name.length === 0)
        return 'is empty';
    if (name.length > 253)
        return `is ${name.length} characters long (at most 253)`;
    const starLike = [...name].find((ch) => ch > '\x7f' && (0,node_url__WEBPACK_IMPORTED_MODULE_0__.domainToASCII)(`${ch}.x`).includes('*'));
    if (starLike) {
        const codePoint = `U+${starLike.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
        return `${codePoint} in '${name}' becomes '*' under IDNA: a wildcard needs an ASCII '*'`;
    }
    const labels = name.split('.');
    if (labels.length < 2)
        return `'${name}' is not a fully qualified domain name (it needs a dot)`;
    for (const [i, label] of labels.entries()) {
        if (label.length === 0)
            return `'${name}' has an empty label`;
        if (label.length > 63)
            return `'${name}' has a label longer than 63 characters`;
        if (label === '*') {
            if (i !== 0)
                return `'${name}' has '*' that is not the whole leftmost label`;
            continue;
        }
        if (!LABEL.test(label)) {
            return `'${name}' has an invalid label '${label}' (letters, digits, '-' and '_' only; no leading or trailing '-')`;
        }
    }
    if (/^\d+$/.test(labels[labels.length - 1] ?? ''))
        return `'${name}' ends in a numeric label`;
    return undefined;
}
const ZONE_ID = /^(?:\/hostedzone\/)?(Z[A-Z0-9]{1,32})$/;
/**
 * The bare id (`Z…`) of a hosted zone id a user wrote, bare or as `/hostedzone/Z…`.
 * Throws InputError('hosted-zone-id') when it is neither.
 */
function parseZoneId(text) {
    const m = ZONE_ID.exec(text.trim());
    if (!m?.[1]) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('hosted-zone-id', `'${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .shown */ .SP)(text.trim())}' is not a hosted zone id (Z… in capitals and digits, or /hostedzone/Z…)`);
    }
    return m[1];
}
/** The bare id of a zone id Route 53 returned (`/hostedzone/Z…`). Never throws: messages use it. */
function bareZoneId(id) {
    return id.trim().replace(/^\/?hostedzone\//, '');
}
/**
 * The name as Route 53 lists it: lowercase, trailing dot, each character outside `a-z 0-9 - _ .`
 * as `\` + three octal digits per UTF-8 byte (`*` → `\052`); existing escapes are kept.
 */
function listedName(name) {
    let out = '';
    const lower = name.replace(/[A-Z]/g, (c) => c.toLowerCase());
    for (let i = 0; i < lower.length; i++) {
        const ch = lower[i];
        if (ch === '\\' && /^[0-7]{3}$/.test(lower.slice(i + 1, i + 4))) {
            out += lower.slice(i, i + 4);
            i += 3;
        }
        else if (/[a-z0-9_.-]/.test(ch)) {
            out += ch;
        }
        else {
            const cp = lower.codePointAt(i) ?? 0;
            if (cp > 0xffff)
                i++; // one code point in two UTF-16 units
            for (const byte of Buffer.from(String.fromCodePoint(cp), 'utf8')) {
                out += '\\' + byte.toString(8).padStart(3, '0');
            }
        }
    }
    return out.endsWith('.') ? out : out + '.';
}
/** The name in the form users read: lowercase, no trailing dot, `\052` shown as `*`. */
function displayName(name) {
    const unescaped = name.replace(/\\([0-7]{3})/g, (_m, oct) => String.fromCharCode(parseInt(oct, 8)));
    return normalizeName(unescaped);
}
/** Compare two names in Route 53's list order: labels reversed, each label in ASCII order. */
function compareNames(a, b) {
    const la = listedName(a).slice(0, -1).split('.').reverse();
    const lb = listedName(b).slice(0, -1).split('.').reverse();
    for (let i = 0; i < Math.min(la.length, lb.length); i++) {
        const x = la[i];
        const y = lb[i];
        if (x !== y)
            return x < y ? -1 : 1;
    }
    return la.length - lb.length;
}
/** Parent suffixes of a name, longest first, including the name itself. */
function suffixes(name) {
    const labels = normalizeName(name).split('.');
    const out = [];
    for (let i = 0; i < labels.length - 1; i++)
        out.push(labels.slice(i).join('.'));
    out.push(labels[labels.length - 1]);
    return out.filter((s) => !s.startsWith('*'));
}


/***/ }),

/***/ 264:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JT: () => (/* binding */ providerKey),
/* harmony export */   VO: () => (/* binding */ distinctProviders),
/* harmony export */   ph: () => (/* binding */ validateProviderUrl)
/* harmony export */ });
/* unused harmony export providerOrigin */
/* harmony import */ var _url_rule_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5183);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3434);
/**
 * Echo-provider URLs as the user gives them in `ip-providers`: what is allowed (HTTPS, or plain
 * HTTP to loopback only). Pure: used by inputs.ts to validate and by detection to count votes.
 */


/**
 * Check one `ip-providers` URL: no user name or password, and the URL rule (url-rule.ts). Returns
 * the URL (trimmed); throws InputError('ip-providers', …).
 */
function validateProviderUrl(url) {
    const text = url.trim();
    let parsed;
    try {
        parsed = new URL(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('ip-providers', `'${text.slice(0, 200)}' is not a URL`);
    }
    if (parsed.username || parsed.password) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('ip-providers', `'${parsed.host}' URL must not contain a user name or password (it would appear in logs)`);
    }
    const problem = (0,_url_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .schemeProblem */ .H)(parsed);
    if (problem === 'plain-http')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('ip-providers', plainHttp(text));
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('ip-providers', `'${text}' must be an https:// URL`);
    return text;
}
const plainHttp = (text) => `'${text}' uses plain http://, which anyone on the path can forge: use https:// (http:// is allowed only for loopback test servers)`;
/**
 * Who answers at a provider URL: its origin (scheme, host, port) as the WHATWG URL parser
 * normalises it (case, default port, IPv4 and IPv6 spellings, IDNA), without a trailing dot on the
 * host. The path does not count: one service is one vote however its URL is written.
 */
function providerOrigin(url) {
    const u = new URL(url.trim());
    u.hostname = u.hostname.replace(/\.$/, '');
    return u.origin;
}
/** The voter a provider URL stands for: its origin, or its text when it is not a URL. */
function providerKey(url) {
    try {
        return providerOrigin(url);
    }
    catch {
        return url; // not a URL: asking it reports why
    }
}
/** Providers with one URL per origin (the first listed), and the origins listed more than once. */
function distinctProviders(urls) {
    const byOrigin = new Map();
    for (const url of urls) {
        const origin = providerKey(url);
        byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), url]);
    }
    const merged = [...byOrigin]
        .filter(([, same]) => same.length > 1)
        .map(([origin, urls]) => ({ origin, urls }));
    return { urls: [...byOrigin.values()].map((same) => same[0]), merged };
}


/***/ }),

/***/ 6138:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NB: () => (/* binding */ defaultComment),
/* harmony export */   Vp: () => (/* binding */ runUrl),
/* harmony export */   hZ: () => (/* binding */ trigger),
/* harmony export */   te: () => (/* binding */ defaultSessionName),
/* harmony export */   u_: () => (/* binding */ runLine),
/* harmony export */   wX: () => (/* binding */ runContextFromEnv)
/* harmony export */ });
/* unused harmony export runContextFrom */
const REPOSITORY = /^[\w.-]+\/[\w.-]+$/;
/**
 * The run's identity from a `context` and `GITHUB_REPOSITORY`, or undefined outside a workflow run
 * (no repository or run id), so nothing links to a run that does not exist.
 */
function runContextFrom(ctx, repository) {
    if (!repository || !REPOSITORY.test(repository) || !Number.isSafeInteger(ctx.runId)) {
        return undefined;
    }
    return {
        repository,
        runId: ctx.runId,
        runAttempt: Number.isSafeInteger(ctx.runAttempt) && ctx.runAttempt > 0 ? ctx.runAttempt : 1,
        eventName: ctx.eventName ?? '',
        ref: ctx.ref ?? '',
        actor: ctx.actor ?? '',
        workflow: ctx.workflow ?? '',
        job: ctx.job ?? '',
        serverUrl: (ctx.serverUrl || 'https://github.com').replace(/\/+$/, ''),
        apiUrl: (ctx.apiUrl || 'https://api.github.com').replace(/\/+$/, '')
    };
}
/**
 * The run's identity from GitHub's default variables, read as @actions/github's `context` reads
 * them (a test holds the two equal). Its entry would also load Octokit and undici: a fifth of a
 * no-op run's start-up.
 */
function runContextFromEnv(env) {
    return runContextFrom({
        runId: parseInt(env.GITHUB_RUN_ID ?? '', 10),
        runAttempt: parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10),
        eventName: env.GITHUB_EVENT_NAME,
        ref: env.GITHUB_REF,
        actor: env.GITHUB_ACTOR,
        workflow: env.GITHUB_WORKFLOW,
        job: env.GITHUB_JOB,
        serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
        apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com'
    }, env.GITHUB_REPOSITORY);
}
/** The link to this run (and attempt, after a re-run). */
function runUrl(run) {
    const base = `${run.serverUrl}/${run.repository}/actions/runs/${run.runId}`;
    return run.runAttempt > 1 ? `${base}/attempts/${run.runAttempt}` : base;
}
const TRIGGERS = {
    schedule: 'the schedule',
    workflow_dispatch: 'a manual dispatch',
    workflow_call: 'a calling workflow',
    repository_dispatch: 'a repository dispatch',
    push: 'a push',
    pull_request: 'a pull request'
};
/** `the schedule`, `a manual dispatch by octocat`, … : what started the run, in words. */
function trigger(run) {
    const what = TRIGGERS[run.eventName] ?? (run.eventName ? `the ${run.eventName} event` : 'an event');
    return run.actor && run.eventName !== 'schedule' ? `${what} by ${run.actor}` : what;
}
/** One line naming the run: `octo/demo · workflow ddns · run 4242 (attempt 2) · triggered by the schedule`. */
function runLine(run) {
    const attempt = run.runAttempt > 1 ? ` (attempt ${run.runAttempt})` : '';
    const workflow = run.workflow ? ` · workflow ${run.workflow}` : '';
    return `${run.repository}${workflow} · run ${run.runId}${attempt} · triggered by ${trigger(run)}`;
}
/** Default change-batch comment: names the repository and run (Route 53 allows 256 characters). */
function defaultComment(run) {
    if (!run)
        return 'route53-ddns';
    const attempt = run.runAttempt > 1 ? ` attempt ${run.runAttempt}` : '';
    return `route53-ddns: ${run.repository} run ${run.runId}${attempt} (${run.eventName || 'run'})`.slice(0, 256);
}
/** Default STS session name from the run id and attempt (2–64 characters of [\w+=,.@-]). */
function defaultSessionName(run, now = Date.now()) {
    const base = run ? `route53-ddns-${run.runId}-${run.runAttempt}` : `route53-ddns-${now}-1`;
    return base.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
}


/***/ }),

/***/ 8853:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A3: () => (/* binding */ urlParts),
/* harmony export */   AV: () => (/* binding */ validateSecretUrl),
/* harmony export */   Bm: () => (/* binding */ secretParts),
/* harmony export */   zA: () => (/* binding */ shownUrl)
/* harmony export */ });
/* harmony import */ var _url_rule_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5183);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3434);


/** `https://hc-ping.com/…`: what a log may show of a secret URL (scheme and host only). */
function shownUrl(url) {
    try {
        const u = new URL(url);
        return `${u.protocol}//${u.host}/…`;
    }
    catch {
        return '(a URL)';
    }
}
/**
 * Check a secret URL input (`heartbeat-url`, `notify-url`) against the URL rule (url-rule.ts).
 * Errors show the scheme and host alone: the rest is the secret.
 */
function validateSecretUrl(input, text) {
    let u;
    try {
        u = new URL(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, 'is not a URL (expected https://…)');
    }
    const problem = (0,_url_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .schemeProblem */ .H)(u);
    if (problem === 'plain-http')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, plainHttp(text));
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, notHttps(u));
    return u.href;
}
const plainHttp = (text) => `'${shownUrl(text)}' uses plain http://, which sends its secret in the clear: use https:// (http:// is allowed only for loopback)`;
const notHttps = (u) => `must be an https:// URL, not ${u.protocol.replace(/:$/, '')}:`;
/**
 * The parts of a secret URL worth masking in logs: the whole URL as given and normalised, its path
 * and query, and each long path segment or query value (tokens, ping UUIDs).
 */
function secretParts(url) {
    const parts = new Set([url]);
    try {
        const u = new URL(url);
        parts.add(u.href);
        const rest = `${u.pathname}${u.search}`;
        if (rest.length >= 8)
            parts.add(rest);
        for (const seg of u.pathname.split('/'))
            if (seg.length >= 16)
                parts.add(seg);
        for (const value of u.searchParams.values())
            if (value.length >= 16)
                parts.add(value);
        if (u.password)
            parts.add(u.password);
    }
    catch {
        // Not a URL: the whole text is the secret.
    }
    return [...parts];
}
/**
 * Everything in a secret URL after its host, whatever its length: each path segment and query
 * value, as written and decoded, and the user info. An answer from the endpoint is shown only
 * without these (a short key quoted back in a refusal is still the key).
 */
function urlParts(url) {
    const parts = new Set();
    const both = (raw) => {
        parts.add(raw);
        try {
            parts.add(decodeURIComponent(raw));
        }
        catch {
            // Not valid percent-encoding: the raw form is enough.
        }
    };
    try {
        const u = new URL(url);
        for (const seg of u.pathname.split('/'))
            both(seg);
        for (const pair of u.search.replace(/^\?/, '').split('&'))
            both(pair.slice(pair.indexOf('=') + 1));
        for (const value of u.searchParams.values())
            parts.add(value);
        both(u.username);
        both(u.password);
    }
    catch {
        parts.add(url);
    }
    parts.delete('');
    return [...parts];
}


/***/ }),

/***/ 7798:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jj: () => (/* binding */ cut),
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   Qx: () => (/* binding */ LINES),
/* harmony export */   Z$: () => (/* binding */ maskValues),
/* harmony export */   g$: () => (/* binding */ printable)
/* harmony export */ });
/* unused harmony export MASK */
/**
 * Text from outside the program (remote answers, AWS and GitHub messages, a command's stderr, the
 * values of inputs) made safe to print: the one escaping every log line uses. Pure.
 */
/**
 * Controls (C0, DEL, C1: terminal escape sequences start with ESC or CSI), format characters
 * (bidi overrides, zero-width), line and paragraph separators, lone surrogates.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
function escapeChar(ch) {
    const code = ch.codePointAt(0) ?? 0;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}
/**
 * `text` with every control and invisible character written as an escape (`\x1b`, `\u{202e}`),
 * so nothing it holds can move the cursor, clear or retitle a terminal, or reorder what is shown.
 * `keep` lists the characters its sink handles itself (line feeds and tabs, for text it splits
 * into lines; the runner's workflow commands also encode carriage returns).
 */
function printable(text, keep = '') {
    return text.replace(UNSAFE, (ch) => (keep.includes(ch) ? ch : escapeChar(ch)));
}
/** What a sink that splits text into lines keeps: line feeds and tabs. */
const LINES = '\n\t';
/** At most `max` characters, with `…` where it was cut. */
function cut(text, max) {
    return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
}
/**
 * A remote text as one short printable line: masked first (`mask` removes the secrets), then
 * white space runs made one space, escaped, and cut to `max` characters. Masking before the cut
 * keeps a secret split by the cut from showing its first part.
 */
function excerpt(text, max, mask) {
    return cut(printable(mask(text).replace(/\s+/g, ' ').trim()), max);
}
/** What a masked secret is shown as. */
const MASK = '***';
/** `text` with every occurrence of each value (longest first, so a longer one is masked whole) as `***`. */
function maskValues(text, values) {
    let out = text;
    for (const value of [...values].filter((v) => v !== '').sort((a, b) => b.length - a.length)) {
        if (out.includes(value))
            out = out.split(value).join(MASK);
    }
    return out;
}


/***/ }),

/***/ 5183:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ schemeProblem)
/* harmony export */ });
/* harmony import */ var _address_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3313);
/**
 * The one rule for every URL the user gives the program to send to (echo providers, heartbeat and
 * webhook URLs): `https://`, or plain `http://` only to a loopback host (127.0.0.0/8, ::1,
 * localhost) for test servers and sidecars, since anyone on the path can read and forge plain
 * HTTP. Callers word the error for their own input. Pure.
 */

/** Whether `url` may be sent to: undefined when it may, else how it breaks the rule. */
function schemeProblem(url) {
    if (url.protocol === 'https:')
        return undefined;
    if (url.protocol === 'http:')
        return (0,_address_js__WEBPACK_IMPORTED_MODULE_0__/* .isLoopbackHost */ .cW)(url.hostname) ? undefined : 'plain-http';
    return 'not-https';
}


/***/ }),

/***/ 7794:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ck: () => (/* binding */ addSecret),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   GO: () => (/* binding */ addEnvSecrets)
/* harmony export */ });
/* unused harmony exports MIN_SECRET_LENGTH, secretCount, clearSecrets */
/* harmony import */ var _inputs_env_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9354);
/* harmony import */ var _model_secret_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8853);
/* harmony import */ var _model_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7798);
/**
 * One run-wide set of the secrets this run holds (OIDC token, AWS keys, session token, secret
 * URLs). Every text bound for a log line, an annotation, an output or the job summary passes
 * through `redact()` at the sink (the action's runner port, the CLI's streams), because AWS error
 * messages can quote what was sent and the runner's own masking never reaches the summary.
 */



/** Values shorter than this are not treated as secrets: masking them would garble ordinary text. */
const MIN_SECRET_LENGTH = 8;

const secrets = new Set();
function add(value) {
    if (value.length >= MIN_SECRET_LENGTH)
        secrets.add(value);
}
/**
 * Register a secret for the rest of the run. Also registers the forms it takes when quoted back:
 * URL-encoded (a query string or form body) and each line of a multi-line value.
 */
function addSecret(value) {
    if (!value)
        return;
    const trimmed = value.trim();
    for (const v of [value, trimmed, encodeURIComponent(trimmed)])
        add(v);
    for (const line of trimmed.split(/\r?\n/))
        add(line.trim());
}
/** `text` with every registered secret replaced by `***`. */
function redact(text) {
    return (0,_model_text_js__WEBPACK_IMPORTED_MODULE_2__/* .maskValues */ .Z$)(text, secrets);
}
/** How many values are registered (for tests and debug lines; never the values). */
function secretCount() {
    return secrets.size;
}
/** Forget every secret: tests only, so one test's secrets do not mask the next one's text. */
function clearSecrets() {
    secrets.clear();
}
/**
 * Register the secrets found in `env` with `register` (default addSecret): every variable that
 * env.ts lists as a secret value (credentials, tokens, secret inputs for either front door); a
 * secret URL with its parts. Names match case-insensitively on Windows.
 */
function addEnvSecrets(env, register = addSecret, platform = process.platform) {
    for (const { value } of (0,_inputs_env_js__WEBPACK_IMPORTED_MODULE_0__/* .secretValues */ .VX)(env, platform)) {
        if (value.trim().length < MIN_SECRET_LENGTH)
            continue;
        const parts = /^https?:\/\//i.test(value.trim()) ? (0,_model_secret_url_js__WEBPACK_IMPORTED_MODULE_1__/* .secretParts */ .Bm)(value.trim()) : [value];
        for (const part of parts)
            if (part.trim().length >= MIN_SECRET_LENGTH)
                register(part);
    }
}


/***/ }),

/***/ 598:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mt: () => (/* binding */ sdkRequestHandler),
/* harmony export */   Rh: () => (/* binding */ DEFAULT_TIMEOUTS),
/* harmony export */   UG: () => (/* binding */ AnswerTooLarge),
/* harmony export */   VG: () => (/* binding */ RequestTimeout),
/* harmony export */   aj: () => (/* binding */ httpRequest),
/* harmony export */   ig: () => (/* binding */ UnreadAnswer),
/* harmony export */   nH: () => (/* binding */ NotText),
/* harmony export */   o8: () => (/* binding */ WrongFamily)
/* harmony export */ });
/* unused harmony export proxyFor */
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7030);
/* harmony import */ var _model_address_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3313);
/* harmony import */ var _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3291);
/* harmony import */ var agent_base__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8894);
/* harmony import */ var proxy_from_env__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8182);
// The one place requests get their timeouts and proxy: the AWS SDK's handler, agents for any
// other request, and a small GET built on them.







const DEFAULT_TIMEOUTS = { connectMs: 5_000, responseMs: 15_000 };
/**
 * The proxy for a request to `url` from the standard variables (`https_proxy`, `http_proxy`,
 * `all_proxy`, either case; `no_proxy` honoured), or '' to connect directly. Loopback is direct.
 */
function proxyFor(url) {
    const target = typeof url === 'string' ? new URL(url) : url;
    // A proxy could not reach this machine's own services.
    if ((0,_model_address_js__WEBPACK_IMPORTED_MODULE_3__/* .isLoopbackHost */ .cW)(target.hostname))
        return '';
    return (0,proxy_from_env__WEBPACK_IMPORTED_MODULE_5__/* .getProxyForUrl */ .T)(target);
}
/** Connects each request directly or through the proxy that proxyFor names for it. */
class EnvProxyAgent extends agent_base__WEBPACK_IMPORTED_MODULE_4__.Agent {
    secure;
    direct;
    viaProxy = new Map();
    constructor(secure) {
        super({ keepAlive: true });
        this.secure = secure;
        this.direct = secure
            ? new node_https__WEBPACK_IMPORTED_MODULE_1__.Agent({ keepAlive: true })
            : new node_http__WEBPACK_IMPORTED_MODULE_0__.Agent({ keepAlive: true });
    }
    async connect(_req, opts) {
        const host = opts.host ?? 'localhost';
        const shown = (0,node_net__WEBPACK_IMPORTED_MODULE_2__.isIP)(host) === 6 ? `[${host}]` : host;
        const proxy = proxyFor(`${opts.secureEndpoint ? 'https' : 'http'}://${shown}:${opts.port}`);
        if (!proxy)
            return this.direct;
        let agent = this.viaProxy.get(proxy);
        if (!agent) {
            // HTTPS targets through a CONNECT tunnel (tunnels are reused); plain HTTP ones as
            // absolute-URI requests, each on its own connection: only a new connection rewrites the
            // request line of a request handed over from this agent.
            // Loaded only behind a proxy: they add start-up time to every run.
            agent = this.secure
                ? new (await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(669)]).then(__webpack_require__.t.bind(__webpack_require__, 3669, 19))).HttpsProxyAgent(proxy, { keepAlive: true })
                : new (await Promise.all(/* import() */[__webpack_require__.e(830), __webpack_require__.e(970)]).then(__webpack_require__.t.bind(__webpack_require__, 1970, 19))).HttpProxyAgent(proxy, { keepAlive: false });
            this.viaProxy.set(proxy, agent);
        }
        return agent;
    }
    destroy() {
        this.direct.destroy();
        for (const agent of this.viaProxy.values())
            agent.destroy();
        super.destroy();
    }
}
let agents;
/** The process's agents: every request of the run goes through one of them. */
function envAgents() {
    agents ??= { http: new EnvProxyAgent(false), https: new EnvProxyAgent(true) };
    return agents;
}
/** The agent for a request to `url`. */
function agentFor(url) {
    return url.protocol === 'https:' ? envAgents().https : envAgents().http;
}
/**
 * The AWS SDK's handler with both limits and the proxy. `throwOnRequestTimeout` makes a request that has no
 * answer within `responseMs` a TimeoutError, which the retry strategy retries like any transient
 * failure (without it the SDK only logs a warning and waits on).
 */
function sdkRequestHandler(timeouts = DEFAULT_TIMEOUTS) {
    return new _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_6__/* .NodeHttpHandler */ .$({
        connectionTimeout: timeouts.connectMs,
        requestTimeout: timeouts.responseMs,
        // A body that stalls after the headers is cut off as well.
        socketTimeout: timeouts.responseMs,
        throwOnRequestTimeout: true,
        httpAgent: envAgents().http,
        httpsAgent: envAgents().https
    });
}
/** A request that gave no answer in time: network-level, so callers may retry it. */
class RequestTimeout extends Error {
    name = 'TimeoutError';
}
/** An answer that came but was not read to the end; carries the status and headers it had. */
class UnreadAnswer extends Error {
    status;
    headers;
    constructor(message, status, headers) {
        super(message);
        this.status = status;
        this.headers = headers;
    }
}
/** An answer longer than the request's `maxBytes`. */
class AnswerTooLarge extends UnreadAnswer {
    maxBytes;
    name = 'AnswerTooLarge';
    constructor(host, maxBytes, res) {
        super(`${host} answered more than ${maxBytes} bytes`, res.statusCode ?? 0, res.headers);
        this.maxBytes = maxBytes;
    }
}
/** With `strictText`: the body is not valid UTF-8. */
class NotText extends UnreadAnswer {
    name = 'NotText';
    constructor(host, res) {
        super(`${host} answered with a body that is not text`, res.statusCode ?? 0, res.headers);
    }
}
/** With `family`: the connection was made over the other family (`remote`, e.g. 'IPv6'). */
class WrongFamily extends Error {
    remote;
    family;
    name = 'WrongFamily';
    constructor(remote, family) {
        super(`connected over ${remote}, not IPv${family}`);
        this.remote = remote;
        this.family = family;
    }
}
const DEFAULT_MAX_BYTES = 64 * 1024;
const ignore = () => undefined;
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });
/**
 * One small request with both limits; `signal` drops it (AbortError). Rejects on network errors,
 * timeouts (RequestTimeout), answers over `maxBytes` (AnswerTooLarge; with `truncate`, keeps their
 * first `maxBytes` instead), and the `family` and `strictText` checks; any HTTP status resolves.
 */
function httpRequest(url, opts = {}) {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? node_https__WEBPACK_IMPORTED_MODULE_1__ : node_http__WEBPACK_IMPORTED_MODULE_0__;
    return new Promise((resolve, reject) => {
        const controller = new AbortController();
        const timers = [];
        let settled = false;
        const sent = {};
        const finish = (err, answer) => {
            if (settled)
                return;
            settled = true;
            for (const t of timers)
                clearTimeout(t);
            opts.signal?.removeEventListener('abort', onAbort);
            // A kept-alive socket cut off mid-answer reports the abort with no listener of Node's left
            // on it, which would crash the process: the request has its outcome already.
            if (err)
                sent.req?.socket?.on('error', ignore);
            controller.abort();
            if (err)
                reject(err);
            else
                resolve(answer);
        };
        const onAbort = () => {
            const cause = opts.signal?.reason;
            finish(Object.assign(new Error('Request aborted'), { name: 'AbortError', cause }));
        };
        if (opts.signal?.aborted)
            return onAbort();
        opts.signal?.addEventListener('abort', onAbort);
        const body = opts.body === undefined ? undefined : Buffer.from(opts.body, 'utf8');
        // A forced family gets a connection of its own: a pooled one may be of the other family.
        const forced = opts.family !== undefined && proxyFor(target) === '' ? opts.family : undefined;
        const req = (sent.req = client.request(target, {
            method: opts.method ?? 'GET',
            ...(forced ? { family: forced, agent: false } : { agent: agentFor(target) }),
            headers: {
                'user-agent': 'route53-ddns',
                ...opts.headers,
                ...(body ? { 'content-length': String(body.length) } : {})
            },
            signal: controller.signal
        }));
        timers.push(...startTimers(req, target.host, opts.timeouts ?? DEFAULT_TIMEOUTS, finish));
        req.on('error', (err) => finish(err));
        req.on('response', (res) => readAnswer(res, target.host, { ...opts, forced }, finish));
        req.end(body);
    });
}
/** The two limits: the whole answer within `responseMs`, the connection within `connectMs`. */
function startTimers(req, host, { connectMs, responseMs }, finish) {
    const answerTimer = setTimeout(() => finish(new RequestTimeout(`no answer from ${host} within ${responseMs / 1000} s`)), responseMs);
    const connectTimer = setTimeout(() => finish(new RequestTimeout(`could not connect to ${host} within ${connectMs / 1000} s`)), connectMs);
    req.on('socket', (socket) => {
        const connected = () => clearTimeout(connectTimer);
        if (socket.connecting)
            socket.once('connect', connected);
        else
            connected();
    });
    return [answerTimer, connectTimer];
}
/** Reads the answer within the size cap and ends the request with it. */
function readAnswer(res, host, opts, finish) {
    const status = res.statusCode ?? 0;
    const remote = res.socket?.remoteFamily;
    if (opts.forced && remote && remote !== `IPv${opts.forced}`) {
        return finish(new WrongFamily(remote, opts.forced));
    }
    const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
    const chunks = [];
    let size = 0;
    res.on('data', (chunk) => {
        const room = maxBytes - size;
        size += chunk.length;
        if (size <= maxBytes)
            chunks.push(chunk);
        else if (!opts.truncate)
            finish(new AnswerTooLarge(host, maxBytes, res));
        else if (room > 0)
            chunks.push(chunk.subarray(0, room));
    });
    res.on('error', (err) => finish(err));
    res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        let body;
        try {
            body = opts.strictText ? STRICT_UTF8.decode(bytes) : bytes.toString('utf8');
        }
        catch {
            return finish(new NotText(host, res));
        }
        finish(undefined, { status, headers: res.headers, body });
    });
}


/***/ }),

/***/ 542:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   BP: () => (/* binding */ changedRecords),
/* harmony export */   IK: () => (/* binding */ recordLine),
/* harmony export */   Pl: () => (/* binding */ headline),
/* harmony export */   sG: () => (/* binding */ outcomeOf),
/* harmony export */   wh: () => (/* binding */ plainText)
/* harmony export */ });
/* harmony import */ var _model_run_context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6138);

/** The outcome of a finished run: failed if it has an error, changed if any record is not unchanged. */
function outcomeOf(records, error) {
    if (error !== undefined)
        return 'failed';
    return records.some((r) => r.result !== 'unchanged') ? 'changed' : 'unchanged';
}
const values = (v) => (v.length ? v.join(', ') : '(none)');
/** `home.example.com A: 198.51.100.4 → 198.51.100.7 (updated)`. */
function recordLine(r) {
    const change = r.result === 'unchanged'
        ? values(r.after.length ? r.after : r.before)
        : `${values(r.before)} → ${values(r.after)}`;
    return `${r.name} ${r.type}: ${change} (${r.result})`;
}
/** The records worth telling about: the ones that changed (or would, in a dry run). */
function changedRecords(event) {
    return event.records.filter((r) => r.result !== 'unchanged');
}
/** One line: what happened. */
function headline(event) {
    const where = event.run ? ` in ${event.run.repository}` : '';
    const dry = event.dryRun ? ' (dry run: nothing was written)' : '';
    if (event.outcome === 'failed')
        return `route53-ddns failed${where}${dry}`;
    const n = changedRecords(event).length;
    if (event.recovered !== undefined) {
        const checks = `${event.recovered} failed check${event.recovered === 1 ? '' : 's'}`;
        return `route53-ddns: recovered after ${checks}${n ? `; ${n} ${n === 1 ? 'record' : 'records'} ${event.dryRun ? 'would change' : 'changed'}` : ''}${where}${dry}`;
    }
    if (n === 0)
        return `route53-ddns: records unchanged${where}${dry}`;
    return `route53-ddns: ${n} ${n === 1 ? 'record' : 'records'} ${event.dryRun ? 'would change' : 'changed'}${where}${dry}`;
}
/** Cut text to `max` characters, marking the cut. */
function clip(text, max) {
    return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
}
/**
 * A short plain-text account of the run: headline, changed records, the error, the run link.
 * Used as the heartbeat body and the generic webhook's `text`.
 */
function plainText(event, max = 4000) {
    const lines = [headline(event)];
    for (const r of changedRecords(event))
        lines.push(recordLine(r));
    if (event.error !== undefined)
        lines.push(`Error: ${event.error}`);
    if (event.run)
        lines.push(`${(0,_model_run_context_js__WEBPACK_IMPORTED_MODULE_0__/* .runLine */ .u_)(event.run)}: ${(0,_model_run_context_js__WEBPACK_IMPORTED_MODULE_0__/* .runUrl */ .Vp)(event.run)}`);
    return clip(lines.join('\n'), max);
}


/***/ })

};
