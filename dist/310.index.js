export const id = 310;
export const ids = [310];
export const modules = {

/***/ 8310:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkDetectionAllowed: () => (/* binding */ checkDetectionAllowed),
  detectAddresses: () => (/* binding */ detectAddresses)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./lib/model/errors.js
var errors = __webpack_require__(3434);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./lib/model/address.js
var model_address = __webpack_require__(3313);
;// CONCATENATED MODULE: ./lib/detect/local.js



/**
 * Local detection: pick one address of a family from this machine's interfaces.
 *
 * What Node tells us (`os.networkInterfaces()`): address, netmask, family, MAC, `internal`
 * (loopback) and the IPv6 scope id. What it does not: whether an IPv6 address is temporary (privacy
 * extensions, RFC 8981), deprecated (preferred lifetime over), tentative or failed duplicate address
 * detection, nor whether an interface is up. On Linux those flags are in /proc/net/if_inet6, which is
 * read when present; elsewhere (macOS, Windows, BSD) such addresses cannot be told apart from stable
 * ones, so set `interface` and prefer stable addressing on those systems.
 */
/** Linux IFA_F_* flags from /proc/net/if_inet6. */
const IFA_F_TEMPORARY = 0x01;
const IFA_F_DADFAILED = 0x08;
const IFA_F_DEPRECATED = 0x20;
const IFA_F_TENTATIVE = 0x40;
/**
 * Parse /proc/net/if_inet6: `address(32 hex) ifindex prefixlen scope flags ifname` per line.
 * Returns canonical address → flags.
 */
function parseIfInet6(text) {
    const flags = new Map();
    for (const line of text.split('\n')) {
        const [hex, , , , flagHex] = line.trim().split(/\s+/);
        if (!hex || !flagHex || !/^[0-9a-f]{32}$/i.test(hex))
            continue;
        const groups = hex.match(/.{4}/g);
        try {
            const address = (0,model_address/* canonicalAddress */.Z5)(groups.join(':'));
            flags.set(address, (flags.get(address) ?? 0) | parseInt(flagHex, 16));
        }
        catch {
            // not an address: ignore the line
        }
    }
    return flags;
}
/** Read IPv6 address flags on Linux; an empty map where the kernel does not expose them. */
function readIpv6Flags() {
    const file = '/proc/net/if_inet6';
    try {
        return (0,external_node_fs_.existsSync)(file) ? parseIfInet6((0,external_node_fs_.readFileSync)(file, 'utf8')) : new Map();
    }
    catch {
        return new Map();
    }
}
/**
 * Interface names of virtual bridges and tunnels (containers, VMs, VPNs). Their addresses are ranked
 * after those of other interfaces, so `docker0` or a VPN tunnel is not chosen over the LAN interface.
 */
const VIRTUAL_INTERFACE = /^(docker|br-|veth|virbr|vmnet|vboxnet|lxc|lxd|cni|flannel|cali|weave|kube|podman|tun|tap|wg|tailscale|zt|utun|ppp|ipsec|gif|stf|awdl|llw|anpi|bridge|vnet|nordlynx|proton|bnep)/i;
/**
 * Windows names adapters by friendly name: `Ethernet`, `Wi-Fi` (`WLAN` in German) are physical;
 * these are Hyper-V and WSL switches, VM host-only networks, capture loopbacks, VPN and overlay
 * adapters, Bluetooth PAN, Wi-Fi Direct's virtual adapters and IPv6 transition tunnels.
 */
const WINDOWS_VIRTUAL_INTERFACE = /^(vEthernet \(|Hyper-V|VirtualBox|VMware|Parallels|Npcap|ZeroTier|OpenVPN|TAP-Windows|WireGuard|Wintun|Mullvad|Hamachi|Radmin VPN|Cisco AnyConnect|Fortinet|Bluetooth|Local Area Connection\*|Teredo|isatap|6to4|Loopback Pseudo-Interface)/i;
/** Whether an interface name is a virtual bridge, tunnel, VPN or VM adapter (Linux, macOS, Windows). */
function isVirtualInterface(name) {
    return VIRTUAL_INTERFACE.test(name) || WINDOWS_VIRTUAL_INTERFACE.test(name);
}
const collator = new Intl.Collator('en', { numeric: true });
function familyOf(info) {
    const f = info.family;
    if (f === 'IPv4' || f === 4)
        return 4;
    if (f === 'IPv6' || f === 6)
        return 6;
    return undefined;
}
function rankOf(address) {
    const cls = (0,model_address/* classifyAddress */.DV)(address);
    if (cls.global)
        return { rank: 0 };
    switch (cls.range) {
        case 'loopback':
        case 'link-local':
        case 'multicast':
        case 'unspecified':
        case 'limited broadcast':
        case '"this network" 0.0.0.0/8':
            return { rank: 9, skip: cls.range };
        case 'private (RFC 1918)':
        case 'unique-local (ULA)':
            return { rank: 1 };
        default:
            return { rank: 2 };
    }
}
/**
 * Choose one address of `family` from an interface table, deterministically: addresses on
 * non-virtual interfaces first, then global before unique-local/private before other ranges, then by
 * interface name (natural order), then by the interface's own address order. Skips internal
 * (loopback) interfaces, link-local addresses, and IPv6 addresses that `ipv6Flags` marks temporary,
 * deprecated, tentative or failed. With `interfaceName`, only that interface is read.
 */
function selectLocalAddress(interfaces, family, interfaceName, ipv6Flags = new Map()) {
    const names = Object.keys(interfaces).filter((n) => (interfaces[n]?.length ?? 0) > 0);
    if (interfaceName !== undefined && !names.includes(interfaceName)) {
        throw new errors/* InputError */.dz('interface', notAnInterface(interfaceName, names));
    }
    const candidates = [];
    const skipped = [];
    for (const name of interfaceName !== undefined ? [interfaceName] : names) {
        ;
        (interfaces[name] ?? []).forEach((info, index) => {
            if (familyOf(info) !== family)
                return;
            const judged = judge(name, info, ipv6Flags);
            if (typeof judged === 'string')
                skipped.push(judged);
            else
                candidates.push({ ...judged, index });
        });
    }
    const [chosen, ...others] = candidates.sort(preferred);
    if (!chosen) {
        const where = interfaceName !== undefined ? `interface ${interfaceName}` : 'this machine';
        throw new errors/* UpdateError */.mp(`No usable local IPv${family} address on ${where}${skipped.length ? `; skipped: ${skipped.join(', ')}` : ''}.`);
    }
    return { chosen, others, skipped };
}
const notAnInterface = (name, names) => `'${name}' is not an interface of this machine; it has: ${names.length ? [...names].sort(collator.compare).join(', ') : '(none)'}`;
/** One interface address: a candidate (without its index), or why it is skipped. */
function judge(name, info, ipv6Flags) {
    let address;
    try {
        address = (0,model_address/* canonicalAddress */.Z5)(info.address.split('%')[0]);
    }
    catch {
        return `${name} ${info.address} (not an address)`;
    }
    if (info.internal)
        return `${name} ${address} (internal)`;
    const { rank, skip } = rankOf(address);
    if (skip)
        return `${name} ${address} (${skip})`;
    const unusable = familyOf(info) === 6 ? ipv6Unusable(ipv6Flags.get(address) ?? 0) : [];
    if (unusable.length > 0)
        return `${name} ${address} (${unusable.join(', ')})`;
    return { interface: name, address, rank, virtual: isVirtualInterface(name) };
}
/** Why the kernel's flags make an IPv6 address unfit to publish (none: usable). */
function ipv6Unusable(flags) {
    return [
        flags & IFA_F_TEMPORARY ? 'temporary' : '',
        flags & IFA_F_DEPRECATED ? 'deprecated' : '',
        flags & IFA_F_TENTATIVE ? 'tentative' : '',
        flags & IFA_F_DADFAILED ? 'duplicate address detection failed' : ''
    ].filter((w) => w !== '');
}
/** Physical before virtual, then by rank, interface name (natural, then exact) and order. */
function preferred(a, b) {
    return (Number(a.virtual) - Number(b.virtual) ||
        a.rank - b.rank ||
        collator.compare(a.interface, b.interface) ||
        (a.interface < b.interface ? -1 : a.interface > b.interface ? 1 : 0) ||
        a.index - b.index);
}
/** Detect one local address and log what was chosen and what was passed over. */
function detectLocal(family, opts) {
    const flags = family === 6 && opts.ipv6Flags ? opts.ipv6Flags() : new Map();
    const sel = selectLocalAddress(opts.networkInterfaces(), family, opts.interface, flags);
    const { chosen, others, skipped } = sel;
    opts.logger.info(`Local IPv${family} address ${chosen.address} (interface ${chosen.interface})`);
    if (skipped.length)
        opts.logger.info(`Skipped: ${skipped.join(', ')}`);
    if (others.length) {
        opts.logger.info(`Also available, not chosen: ${others.map((c) => `${c.interface} ${c.address}`).join(', ')}`);
        // Ambiguous only when another interface ranks the same (a virtual or lower-ranked one does not).
        const rival = others.find((c) => c.interface !== chosen.interface && c.virtual === chosen.virtual && c.rank === chosen.rank);
        if (opts.interface === undefined && rival) {
            opts.logger.warning(`Several interfaces have a usable IPv${family} address; chose ${chosen.interface} (${chosen.address}) over ${rival.interface} (${rival.address}). Set interface to choose explicitly.`);
        }
    }
    return { address: chosen.address, how: `local: interface ${chosen.interface}` };
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: ./lib/model/text.js
var model_text = __webpack_require__(7798);
// EXTERNAL MODULE: ./lib/net/redact.js
var redact = __webpack_require__(7794);
// EXTERNAL MODULE: ./lib/model/provider-url.js
var provider_url = __webpack_require__(264);
// EXTERNAL MODULE: ./lib/net/request.js
var request = __webpack_require__(598);
;// CONCATENATED MODULE: ./lib/detect/quorum.js
/**
 * The quorum: which address, if any, the echo providers' answers so far establish. This is the
 * core of detection's security model (docs/architecture.md). Pure: public.ts makes the requests
 * and asks again after every answer.
 */

const WAITING = { state: 'waiting' };
/**
 * Decide on the answers so far of the providers `asked`. A provider is an origin: URLs of one
 * origin are one voter, and a voter's repeated answer is one vote.
 * - A single provider: its usable answer is accepted (the caller warns that it is unconfirmed).
 * - While every usable answer names the same address, it is accepted as soon as two providers
 *   gave it, without waiting for the rest.
 * - Once answers differ, every provider's answer is awaited; then the leading address needs two
 *   votes and strictly more than any other, so a split fails instead of flapping.
 */
function decideQuorum(asked, answers) {
    const voters = new Set(asked.map(provider_url/* providerKey */.JT));
    const answered = new Set(answers.map((a) => (0,provider_url/* providerKey */.JT)(a.url)));
    const pending = [...voters].some((v) => !answered.has(v));
    const [lead, second] = votesByAddress(answers);
    if (voters.size === 1) {
        if (lead)
            return { state: 'accepted', address: lead.address };
        return pending ? WAITING : failed(voters.size, answers);
    }
    if (lead && lead.voters >= 2 && !second)
        return { state: 'accepted', address: lead.address };
    if (pending)
        return WAITING;
    if (lead && second && lead.voters >= 2 && lead.voters > second.voters) {
        return { state: 'accepted', address: lead.address };
    }
    return failed(voters.size, answers);
}
/** Why the answers so far establish no address, for `providers` distinct providers. */
function noQuorumReason(providers, answers) {
    if (providers === 1)
        return 'the only provider did not give a usable answer';
    const usable = new Set(answers.filter((a) => a.ok).map((a) => (0,provider_url/* providerKey */.JT)(a.url)));
    if (usable.size < 2)
        return `fewer than two of ${providers} providers gave a usable answer`;
    return 'the providers did not agree';
}
function failed(providers, answers) {
    return { state: 'failed', reason: noQuorumReason(providers, answers) };
}
/** Each address answered, with how many voters gave it, most votes first. */
function votesByAddress(answers) {
    const byAddress = new Map();
    for (const a of answers) {
        if (!a.ok)
            continue;
        const voters = byAddress.get(a.address) ?? new Set();
        byAddress.set(a.address, voters.add((0,provider_url/* providerKey */.JT)(a.url)));
    }
    return [...byAddress]
        .map(([address, voters]) => ({ address, voters: voters.size }))
        .sort((a, b) => b.voters - a.voters);
}

;// CONCATENATED MODULE: ./lib/detect/public.js








/** Built-in echo services per family (HTTPS only). Each answers with the caller's address. */
const DEFAULT_PROVIDERS = {
    4: [
        'https://checkip.amazonaws.com',
        'https://api.ipify.org',
        'https://ipv4.icanhazip.com',
        'https://www.cloudflare.com/cdn-cgi/trace'
    ],
    6: [
        'https://api6.ipify.org',
        'https://ipv6.icanhazip.com',
        'https://www.cloudflare.com/cdn-cgi/trace'
    ]
};
/** Per-request limit: connect, headers and body. */
const DEFAULT_TIMEOUT_MS = 5_000;
/** Bound on the whole detection of one family. */
const DEFAULT_OVERALL_MS = 15_000;
/** Largest body accepted; an address or a trace page is far smaller. */
const MAX_BODY_BYTES = 4096;
const TRACE_LINE = /^[A-Za-z0-9_.-]+=.*$/;
/** An address as Node parses it, without a zone index (`%eth0`), which no record can hold. */
function isAddress(text) {
    return (0,external_node_net_.isIP)(text) !== 0 && !text.includes('%');
}
function quoted(text) {
    return `"${(0,model_text/* excerpt */.Kb)(text, 61, redact/* redact */.E$)}"`;
}
function describeJunk(body) {
    const start = body.trimStart();
    if (/^</.test(start) || /<\/?[a-z!][^>]*>/i.test(body)) {
        return 'answered with an HTML page, not an address';
    }
    if (/^[{[]/.test(start))
        return 'answered with JSON, not a bare address';
    const words = body.split(/[\s,;]+/).filter((w) => w !== '');
    if (words.length > 1 && words.every((w) => (0,external_node_net_.isIP)(w) !== 0)) {
        return `answered ${words.length} addresses (${words.slice(0, 4).join(', ')}), not exactly one`;
    }
    return `answered ${quoted(body)}, not an address`;
}
/**
 * Parse an echo service's body strictly: exactly one address (surrounding whitespace ignored), or
 * for Cloudflare trace-format bodies (`key=value` lines) the single `ip=` line; of the requested
 * family; globally routable. Anything else is a reason to treat the provider as failed.
 */
function parseEchoBody(body, family) {
    const text = body.trim();
    if (text === '')
        return { ok: false, reason: 'answered with an empty body' };
    let candidate;
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (isAddress(text)) {
        candidate = text;
    }
    else if (lines.every((l) => TRACE_LINE.test(l))) {
        const ipLines = lines.filter((l) => l.startsWith('ip='));
        if (ipLines.length === 0)
            return { ok: false, reason: 'answered key=value lines without an ip= line' };
        if (ipLines.length > 1)
            return { ok: false, reason: 'answered several ip= lines' };
        candidate = ipLines[0].slice(3).trim();
        if (!isAddress(candidate)) {
            return { ok: false, reason: `has ip=${quoted(candidate)}, not an address` };
        }
    }
    else {
        return { ok: false, reason: describeJunk(text) };
    }
    const cls = (0,model_address/* classifyAddress */.DV)(candidate);
    const address = (0,model_address/* canonicalAddress */.Z5)(candidate);
    if (cls.family !== family) {
        return {
            ok: false,
            reason: `answered the IPv${cls.family} address ${address} when IPv${family} was asked`
        };
    }
    if (!cls.global) {
        return { ok: false, reason: `answered ${address}, which is ${cls.range}, not a public address` };
    }
    return { ok: true, address };
}
function errorReason(err) {
    const e = err;
    if (e?.code === 'ENOTFOUND' || e?.code === 'EAI_AGAIN') {
        return `could not resolve its name for this family (${e.code})`;
    }
    if (e?.code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(e.code)) {
        return `TLS certificate not trusted (${e.code})`;
    }
    const message = e?.message ?? String(err);
    return `request failed: ${e?.code && !message.includes(e.code) ? `${e.code} ` : ''}${message}`;
}
/** Why a request that did not give a readable answer counts as failed. */
function requestFailure(err, limits) {
    if (err instanceof request/* RequestTimeout */.VG)
        return `no answer within ${limits.timeoutMs / 1000} s`;
    if (err instanceof request/* AnswerTooLarge */.UG)
        return `answered more than ${err.maxBytes} bytes`;
    if (err instanceof request/* NotText */.nH)
        return 'answered with a body that is not text';
    if (err instanceof request/* WrongFamily */.o8)
        return err.message;
    if (err?.name === 'AbortError')
        return 'not asked further';
    return errorReason(err);
}
/** Why an answer's status makes it unusable (redirects are not followed), if it does. */
function statusProblem(status, headers) {
    if (status >= 300 && status < 400) {
        const to = headers.location ? ` to ${(0,model_text/* cut */.Jj)((0,model_text/* printable */.g$)(headers.location), 200)}` : '';
        return `redirected (HTTP ${status}${to}), and redirects are not followed`;
    }
    if (status < 200 || status >= 300)
        return `answered HTTP ${status}`;
    return undefined;
}
/** Why `url` cannot be asked for this family's address, if it cannot. */
function targetProblem(url, family) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return 'is not a URL';
    }
    const literal = (0,external_node_net_.isIP)(parsed.hostname.replace(/^\[(.*)\]$/, '$1'));
    if (literal !== 0 && literal !== family) {
        return `is an IPv${literal} address, so it cannot see this machine's IPv${family} address`;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        return `unsupported protocol ${parsed.protocol}`;
    }
    return undefined;
}
/**
 * Ask one provider, over the family being detected, through the run's one bounded request.
 * Resolves (never rejects) with the parsed answer or the failure reason. `signal` drops it
 * (quorum reached, or overall limit).
 */
async function askProvider(url, family, limits) {
    if (limits.signal.aborted)
        return { url, ok: false, reason: 'not asked' };
    const problem = targetProblem(url, family);
    if (problem)
        return { url, ok: false, reason: problem };
    try {
        const answer = await (0,request/* httpRequest */.aj)(url, {
            family,
            timeouts: { connectMs: limits.timeoutMs, responseMs: limits.timeoutMs },
            maxBytes: limits.maxBodyBytes,
            strictText: true,
            signal: limits.signal,
            headers: { accept: 'text/plain', connection: 'close' }
        });
        const bad = statusProblem(answer.status, answer.headers ?? {});
        return { url, ...(bad ? { ok: false, reason: bad } : parseEchoBody(answer.body, family)) };
    }
    catch (err) {
        // A bad status counts before a body too long or not text, as the status comes first.
        const bad = err instanceof request/* UnreadAnswer */.ig ? statusProblem(err.status, err.headers) : undefined;
        return { url, ok: false, reason: bad ?? requestFailure(err, limits) };
    }
}
function list(urls) {
    if (urls.length <= 2)
        return urls.join(' and ');
    return `${urls.slice(0, -1).join(', ')} and ${urls[urls.length - 1]}`;
}
const listedTwice = (family, origin, urls) => `IPv${family} provider ${origin} is listed ${urls.length} times (${list([...new Set(urls)])}): it counts as one vote`;
const outvoted = (family, a, agreed, winner) => `IPv${family} provider ${a.url} answered ${a.address}, but ${list(agreed)} agreed on ${winner}: ignoring it`;
const unconfirmed = (family, url, winner) => `Only one IPv${family} address provider is configured (${url}): its answer ${winner} is used unconfirmed. Give at least two ip-providers so answers can be cross-checked.`;
function noAddress(family, why, answers) {
    const detail = answers
        .map((a) => (a.ok ? `${a.url} answered ${a.address}` : `${a.url} failed: ${a.reason}`))
        .join('; ');
    return new errors/* UpdateError */.mp(`Could not detect the public IPv${family} address: ${why}. ${detail}.`);
}
/**
 * Ask every provider at once and put each answer to the quorum, until it decides, the overall
 * limit passes (unanswered providers then count as failed) or `signal` stops the detection. The
 * requests still open at the end are dropped.
 */
function gather(family, urls, opts) {
    const overallMs = opts.overallMs ?? DEFAULT_OVERALL_MS;
    const stop = new AbortController();
    const answers = new Map();
    return new Promise((resolve) => {
        const end = (decision) => {
            if (stop.signal.aborted || decision.state === 'waiting')
                return;
            clearTimeout(overall);
            opts.signal?.removeEventListener('abort', onStop);
            stop.abort();
            resolve({ decision, answers });
        };
        const onStop = () => end({ state: 'failed', reason: noQuorumReason(urls.length, [...answers.values()]) });
        const overall = setTimeout(() => {
            const reason = `no answer within the overall ${overallMs / 1000} s limit`;
            for (const url of urls)
                if (!answers.has(url))
                    answers.set(url, { url, ok: false, reason });
            end(decideQuorum(urls, [...answers.values()]));
        }, overallMs);
        opts.signal?.addEventListener('abort', onStop);
        const limits = {
            timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            maxBodyBytes: opts.maxBodyBytes ?? MAX_BODY_BYTES,
            signal: stop.signal
        };
        for (const url of urls) {
            void askProvider(url, family, limits).then((answer) => {
                if (stop.signal.aborted)
                    return;
                answers.set(url, answer);
                if (answer.ok)
                    opts.logger.debug(`${url} answered ${answer.address}`);
                else
                    opts.logger.info(`IPv${family} provider ${url} failed: ${answer.reason}`);
                end(decideQuorum(urls, [...answers.values()]));
            });
        }
        if (opts.signal?.aborted)
            onStop();
    });
}
/**
 * Find this machine's public address of one family by asking echo providers concurrently, and
 * accept what the quorum decides (quorum.ts): two providers agreeing, at once while no answer
 * differs, so a slow or hanging provider does not delay it; after a disagreement, a strict
 * majority of all answers. With a single provider its answer is used, with a warning. Otherwise
 * throws UpdateError listing what each provider answered.
 */
async function detectPublic(family, providers, opts) {
    const { logger } = opts;
    const { urls, merged } = (0,provider_url/* distinctProviders */.VO)(providers);
    for (const m of merged)
        logger.warning(listedTwice(family, m.origin, m.urls));
    if (urls.length === 0)
        throw new errors/* UpdateError */.mp(`No IPv${family} address providers are configured.`);
    logger.debug(`Asking ${urls.length} provider(s) for the public IPv${family} address: ${urls.join(', ')}`);
    const { decision, answers } = await gather(family, urls, opts);
    const ordered = urls.map((url) => answers.get(url) ?? { url, ok: false, reason: 'not needed: quorum reached' });
    if (decision.state !== 'accepted') {
        throw noAddress(family, decision.state === 'failed' ? decision.reason : '', ordered);
    }
    const winner = decision.address;
    const agreed = ordered.filter((a) => a.ok && a.address === winner).map((a) => a.url);
    for (const a of ordered) {
        if (a.ok && a.address !== winner)
            logger.warning(outvoted(family, a, agreed, winner));
    }
    if (urls.length === 1) {
        logger.warning(unconfirmed(family, urls[0], winner));
        const how = `public: ${urls[0]} (single provider, unconfirmed)`;
        return { address: winner, how, answers: ordered };
    }
    logger.info(`Public IPv${family} address ${winner}: ${list(agreed)} agreed`);
    return { address: winner, how: `public: ${list(agreed)} agreed`, answers: ordered };
}

// EXTERNAL MODULE: ./lib/inputs/ip-command.js
var ip_command = __webpack_require__(4964);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./lib/inputs/env.js
var inputs_env = __webpack_require__(9354);
;// CONCATENATED MODULE: ./lib/detect/process.js


/** Whether Windows would run `program` as a batch file (trailing dots and spaces are ignored). */
function isBatchFile(program) {
    return /\.(bat|cmd)$/i.test(program.replace(/[. ]+$/, ''));
}
/**
 * One word of a batch file's command line for cmd.exe: always in double quotes (so `& | < > ^ ( )`
 * are literal), and refused when it holds what no quoting protects from cmd: `"` (ends the quote)
 * and `%` (expands variables even inside quotes), or a line break.
 */
function cmdQuote(word, what) {
    const bad = /["%\r\n\0]/.exec(word);
    if (bad) {
        const shownChar = bad[0] === '"' ? '"' : bad[0] === '%' ? '%' : 'a line break';
        throw new errors/* UpdateError */.mp(`${what} holds ${shownChar}, which cannot be passed to a batch file safely (cmd.exe would interpret it). Remove it from ip-command, or run a program (.exe, or powershell.exe -File script.ps1) instead of a batch file`);
    }
    return `"${word}"`;
}
/**
 * How to start argv on `platform`, pure. A batch file on Windows becomes
 * `cmd.exe /d /v:off /s /c ""prog" "arg" …"` (no AutoRun, no delayed expansion, arguments
 * verbatim); throws UpdateError naming ip-command when an argument cannot be passed safely.
 */
function spawnPlan(argv, env, platform, comspec = 'cmd.exe') {
    const [program = '', ...args] = argv;
    const options = {
        shell: false,
        // POSIX: a process group of its own, so the whole group can be killed. Windows: no new console.
        detached: platform !== 'win32',
        windowsHide: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env
    };
    if (platform !== 'win32' || !isBatchFile(program))
        return { file: program, args: [...args], options };
    const line = [
        cmdQuote(program, `The batch file's name (ip-command)`),
        ...args.map((a, i) => cmdQuote(a, `Argument ${i + 1} of ip-command`))
    ].join(' ');
    return {
        file: comspec,
        args: ['/d', '/v:off', '/s', '/c', `"${line}"`],
        options: { ...options, windowsVerbatimArguments: true }
    };
}
/** How long taskkill may take before the child alone is terminated (the run must end soon). */
const TASKKILL_GRACE_MS = 500;
/**
 * End the child and everything it started. POSIX: SIGKILL to its process group. Windows:
 * `taskkill /T /F /PID` (from the system directory); the child alone when taskkill fails or has
 * not ended it within TASKKILL_GRACE_MS, so the run goes on either way.
 */
function killTree(child, platform) {
    const pid = child.pid;
    if (pid === undefined)
        return;
    if (platform !== 'win32') {
        try {
            process.kill(-pid, 'SIGKILL');
        }
        catch {
            // Already gone.
        }
        return;
    }
    // Windows keeps no group: once the child is gone its tree cannot be found from it.
    if (child.exitCode !== null || child.signalCode !== null)
        return;
    const fallback = () => {
        clearTimeout(timer);
        if (child.exitCode === null && child.signalCode === null)
            child.kill();
    };
    const timer = setTimeout(fallback, TASKKILL_GRACE_MS);
    try {
        const root = process.env.SystemRoot ?? 'C:\\Windows';
        const taskkill = (0,external_node_child_process_.spawn)(`${root}\\System32\\taskkill.exe`, ['/T', '/F', '/PID', String(pid)], {
            stdio: 'ignore',
            windowsHide: true
        });
        // The run need not wait for taskkill: it goes on by itself.
        taskkill.unref();
        taskkill.on('error', fallback);
        taskkill.on('close', (code) => (code === 0 ? clearTimeout(timer) : fallback()));
    }
    catch {
        fallback();
    }
}

;// CONCATENATED MODULE: ./lib/detect/command.js









/**
 * `ip-source: command`: run a program the operator configured (never built from event data) and
 * read this machine's address from its stdout, parsed as strictly as an echo service's answer.
 * The program is started without a shell, so no text is ever interpreted by one (a Windows batch
 * file goes through cmd.exe with each argument quoted, or is refused: detect/process.ts).
 */
/** Default limit on one run of the command. */
const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;
/** Largest output accepted; one or two addresses are far smaller. */
const MAX_COMMAND_OUTPUT_BYTES = 4096;
function lastLine(text) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    const last = lines[lines.length - 1];
    return last ? `: ${(0,model_text/* excerpt */.Kb)(last, 200, redact/* redact */.E$)}` : '';
}
/** The message for a command that did not start (a synchronous throw or an 'error' event). */
function startFailure(label, e) {
    if (e instanceof errors/* UpdateError */.mp)
        return new errors/* UpdateError */.mp(`${label}: ${e.message}`);
    const err = e;
    const why = err.code === 'ENOENT'
        ? 'not found'
        : err.code === 'EACCES'
            ? 'not executable'
            : err.code === 'EINVAL'
                ? 'Windows refused to start it'
                : '';
    return new errors/* UpdateError */.mp(`${label} could not be started: ${err.code ?? err.message}${why ? ` (${why})` : ''}`);
}
/**
 * Run argv without a shell (a Windows batch file through cmd.exe, its arguments quoted), with
 * stdin closed. Resolves with stdout; rejects with an UpdateError naming the command for a start
 * failure, a non-zero exit, a signal, a timeout or a stop (the command and everything it started
 * are killed), output over the limit or output that is not UTF-8.
 */
function runCommand(argv, opts = {}) {
    const label = (0,ip_command/* commandLabel */.M)(argv);
    const platform = opts.platform ?? process.platform;
    const env = (0,inputs_env/* withoutSecrets */.cT)(opts.env ?? process.env, platform);
    return new Promise((resolve, reject) => {
        let child;
        try {
            const plan = spawnPlan(argv, env, platform, process.env.ComSpec);
            child = (0,external_node_child_process_.spawn)(plan.file, plan.args, plan.options);
        }
        catch (e) {
            // Node throws some refusals (EINVAL for a batch file) instead of emitting 'error'.
            return reject(startFailure(label, e));
        }
        superviseCommand(child, label, platform, opts).then(resolve, reject);
    });
}
/** Collect the child's output under the time and size limits; kill its tree on any failure. */
function superviseCommand(child, label, platform, opts) {
    const timeoutMs = opts.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    const maxBytes = opts.maxOutputBytes ?? MAX_COMMAND_OUTPUT_BYTES;
    return new Promise((resolve, reject) => {
        let settled = false;
        const out = [];
        let outBytes = 0;
        let err = '';
        const finish = (error, stdout = '') => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            opts.signal?.removeEventListener('abort', onAbort);
            if (!error)
                return resolve(stdout);
            killTree(child, platform);
            // A grandchild may still hold the pipes open: stop reading them.
            child.stdout?.destroy();
            child.stderr?.destroy();
            reject(error);
        };
        const onAbort = () => finish(new errors/* UpdateError */.mp(`${label} was stopped`));
        const timer = setTimeout(() => finish(new errors/* UpdateError */.mp(`${label} did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
        if (opts.signal?.aborted)
            return onAbort();
        opts.signal?.addEventListener('abort', onAbort);
        child.on('error', (e) => finish(startFailure(label, e)));
        child.stdout?.on('data', (chunk) => {
            outBytes += chunk.length;
            if (outBytes > maxBytes)
                finish(new errors/* UpdateError */.mp(`${label} printed more than ${maxBytes} bytes`));
            else
                out.push(chunk);
        });
        child.stderr?.on('data', (chunk) => {
            if (err.length < maxBytes)
                err += chunk.toString('utf8');
        });
        child.on('close', (code, signal) => {
            if (signal)
                return finish(new errors/* UpdateError */.mp(`${label} was killed by ${signal}${lastLine(err)}`));
            if (code !== 0)
                return finish(new errors/* UpdateError */.mp(`${label} exited with code ${code}${lastLine(err)}`));
            try {
                finish(undefined, new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(out)));
            }
            catch {
                finish(new errors/* UpdateError */.mp(`${label} printed something that is not text`));
            }
        });
    });
}
/**
 * Read the command's stdout for each requested family. For one family the whole output must be
 * exactly one address of it (or a trace-format `ip=` line), as an echo answer. For both, each
 * non-empty line must be one address, at most one per family; a family without a line fails alone.
 * Addresses must be globally routable, as from an echo service.
 */
function parseCommandOutput(stdout, families) {
    const results = new Map();
    if (families.length === 1) {
        const family = families[0];
        results.set(family, parseEchoBody(stdout, family));
        return results;
    }
    const lines = stdout
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '');
    const fail = (reason) => {
        for (const f of families)
            results.set(f, { ok: false, reason });
        return results;
    };
    if (lines.length === 0)
        return fail('answered with an empty body');
    if (lines.length > 2)
        return fail(`answered ${lines.length} lines, not one address per family`);
    const byFamily = new Map();
    for (const line of lines) {
        const family = (0,external_node_net_.isIP)(line);
        if (family === 0) {
            const junk = parseEchoBody(line, 4);
            return fail(junk.ok ? 'answered something that is not an address' : junk.reason);
        }
        byFamily.set(family, [...(byFamily.get(family) ?? []), line]);
    }
    for (const family of families) {
        const found = byFamily.get(family) ?? [];
        if (found.length === 0)
            results.set(family, { ok: false, reason: `answered no IPv${family} address` });
        else if (found.length > 1) {
            results.set(family, {
                ok: false,
                reason: `answered ${found.length} IPv${family} addresses, not exactly one`
            });
        }
        else
            results.set(family, parseEchoBody(found[0], family));
    }
    return results;
}

;// CONCATENATED MODULE: ./lib/detect/index.js






/** `command`: one run for all requested families; each family succeeds or fails on its own. */
async function detectByCommand(families, cfg, deps) {
    const argv = cfg.command ?? [];
    if (argv.length === 0)
        throw new errors/* InputError */.dz('ip-command', "is required with ip-source 'command'");
    const label = (0,ip_command/* commandLabel */.M)(argv);
    const stdout = await runCommand(argv, {
        ...(cfg.commandTimeoutMs !== undefined ? { timeoutMs: cfg.commandTimeoutMs } : {}),
        ...(deps.env ? { env: deps.env } : {}),
        ...(deps.signal ? { signal: deps.signal } : {})
    });
    const parsed = parseCommandOutput(stdout, families);
    return families.map((family) => {
        const r = parsed.get(family);
        if (r?.ok) {
            deps.logger.debug(`${label} answered ${r.address}`);
            return {
                status: 'fulfilled',
                value: { family, address: r.address, how: `command: ${argv[0] ?? ''}` }
            };
        }
        return {
            status: 'rejected',
            reason: new errors/* UpdateError */.mp(`Could not detect the IPv${family} address: ${label} ${r?.reason ?? 'gave no answer'}.`)
        };
    });
}
async function detectFamily(family, cfg, deps) {
    if (cfg.source === 'local') {
        const networkInterfaces = deps.networkInterfaces ?? external_node_os_.networkInterfaces;
        const ipv6Flags = deps.ipv6Flags ?? (deps.networkInterfaces ? undefined : readIpv6Flags);
        const found = detectLocal(family, {
            logger: deps.logger,
            networkInterfaces,
            ...(cfg.interface !== undefined ? { interface: cfg.interface } : {}),
            ...(ipv6Flags ? { ipv6Flags } : {})
        });
        return { family, address: found.address, how: found.how };
    }
    const providers = cfg.providers.length > 0 ? cfg.providers : DEFAULT_PROVIDERS[family];
    const found = await detectPublic(family, providers, {
        logger: deps.logger,
        ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
        ...(deps.overallMs !== undefined ? { overallMs: deps.overallMs } : {}),
        ...(deps.signal ? { signal: deps.signal } : {})
    });
    return { family, address: found.address, how: found.how };
}
/**
 * Find this machine's addresses for the families `cfg.version` asks for. With 'both', a family that
 * cannot be detected is a warning and is left out (its record is left as it is); throws only when
 * nothing was detected. Configuration mistakes (InputError) always throw.
 */
async function detectAddresses(cfg, deps) {
    const families = cfg.version === '4' ? [4] : cfg.version === '6' ? [6] : [4, 6];
    const results = cfg.source === 'command'
        ? await detectByCommand(families, cfg, deps)
        : await Promise.allSettled(families.map((f) => detectFamily(f, cfg, deps)));
    const detected = { ipv4: [], ipv6: [], origins: [] };
    const failures = [];
    results.forEach((r, i) => {
        const family = families[i];
        if (r.status === 'fulfilled') {
            ;
            (family === 4 ? detected.ipv4 : detected.ipv6).push(r.value.address);
            detected.origins.push(r.value);
            return;
        }
        if (r.reason instanceof errors/* InputError */.dz || families.length === 1)
            throw r.reason;
        const message = r.reason instanceof Error ? r.reason.message : String(r.reason);
        failures.push(message);
    });
    if (detected.origins.length === 0) {
        throw new errors/* UpdateError */.mp(failures.join(' '));
    }
    for (const message of failures) {
        deps.logger.warning(`${message} Leaving those records as they are.`);
    }
    return detected;
}
/**
 * Runner policy: detecting the address of a GitHub-hosted runner publishes a shared cloud address
 * that changes every job. Refuse (InputError on `ip`) unless this is a dry run, which only warns.
 * Call only when `ip` is empty.
 */
function checkDetectionAllowed(env, dryRun, logger) {
    if (env.RUNNER_ENVIRONMENT !== 'github-hosted')
        return;
    const problem = 'the address of a GitHub-hosted runner is a shared cloud address that changes every job: run on a self-hosted runner, or pass ip';
    if (dryRun) {
        logger.warning(`Input 'ip': ${problem} (dry run: detecting anyway)`);
        return;
    }
    throw new errors/* InputError */.dz('ip', problem);
}


/***/ })

};
