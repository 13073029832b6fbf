export const id = 603;
export const ids = [603];
export const modules = {

/***/ 7603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkDetectionAllowed: () => (/* binding */ checkDetectionAllowed),
  detectAddresses: () => (/* binding */ detectAddresses)
});

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/detect/classify.ts
var classify = __webpack_require__(3393);
;// CONCATENATED MODULE: ./src/detect/local.ts



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
            const address = (0,classify/* canonicalAddress */.Z)(groups.join(':'));
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
const VIRTUAL_INTERFACE = /^(docker|br-|veth|virbr|vmnet|vboxnet|lxc|lxd|cni|flannel|cali|weave|kube|podman|tun|tap|wg|tailscale|zt|utun|ppp|ipsec|gif|stf|awdl|llw|anpi|bridge|vnet|nordlynx|proton)/i;
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
    const cls = (0,classify/* classifyAddress */.D)(address);
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
        throw new errors/* InputError */.dz('interface', `'${interfaceName}' is not an interface of this machine; it has: ${names.length ? names.sort(collator.compare).join(', ') : '(none)'}`);
    }
    const candidates = [];
    const skipped = [];
    for (const name of interfaceName !== undefined ? [interfaceName] : names) {
        const infos = interfaces[name] ?? [];
        infos.forEach((info, index) => {
            if (familyOf(info) !== family)
                return;
            let address;
            try {
                address = (0,classify/* canonicalAddress */.Z)(info.address.split('%')[0]);
            }
            catch {
                skipped.push(`${name} ${info.address} (not an address)`);
                return;
            }
            if (info.internal) {
                skipped.push(`${name} ${address} (internal)`);
                return;
            }
            const { rank, skip } = rankOf(address);
            if (skip) {
                skipped.push(`${name} ${address} (${skip})`);
                return;
            }
            if (family === 6) {
                const flags = ipv6Flags.get(address) ?? 0;
                const why = [
                    flags & IFA_F_TEMPORARY ? 'temporary' : '',
                    flags & IFA_F_DEPRECATED ? 'deprecated' : '',
                    flags & IFA_F_TENTATIVE ? 'tentative' : '',
                    flags & IFA_F_DADFAILED ? 'duplicate address detection failed' : ''
                ].filter((w) => w !== '');
                if (why.length > 0) {
                    skipped.push(`${name} ${address} (${why.join(', ')})`);
                    return;
                }
            }
            candidates.push({
                interface: name,
                address,
                rank,
                virtual: VIRTUAL_INTERFACE.test(name),
                index
            });
        });
    }
    candidates.sort((a, b) => Number(a.virtual) - Number(b.virtual) ||
        a.rank - b.rank ||
        collator.compare(a.interface, b.interface) ||
        (a.interface < b.interface ? -1 : a.interface > b.interface ? 1 : 0) ||
        a.index - b.index);
    const [chosen, ...others] = candidates;
    if (!chosen) {
        const where = interfaceName !== undefined ? `interface ${interfaceName}` : 'this machine';
        throw new errors/* UpdateError */.mp(`No usable local IPv${family} address on ${where}${skipped.length ? `; skipped: ${skipped.join(', ')}` : ''}.`);
    }
    return { chosen, others, skipped };
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

// EXTERNAL MODULE: ./src/detect/public.ts
var detect_public = __webpack_require__(6254);
// EXTERNAL MODULE: ./src/ip-command.ts
var ip_command = __webpack_require__(9714);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/detect/command.ts





/**
 * `ip-source: command`: run a program the operator configured (never built from event data) and
 * read this machine's address from its stdout, parsed as strictly as an echo service's answer.
 * The program is started without a shell, so no text is ever interpreted by one.
 */
/** Default limit on one run of the command. */
const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;
/** Largest output accepted; one or two addresses are far smaller. */
const MAX_COMMAND_OUTPUT_BYTES = 4096;
/** Credentials of this run that the command has no business seeing. */
const WITHHELD_ENV = [
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_SECURITY_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'ACTIONS_RUNTIME_TOKEN',
    'GITHUB_TOKEN'
];
function lastLine(text) {
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    const last = lines[lines.length - 1];
    return last ? `: ${(0,errors/* shown */.SP)(last.trim()).slice(0, 200)}` : '';
}
/**
 * Run argv without a shell, in its own process group, with stdin closed. Resolves with stdout;
 * rejects with an UpdateError naming the command for a start failure, a non-zero exit, a signal,
 * a timeout (the whole group is killed), output over the limit or output that is not UTF-8.
 */
function runCommand(argv, opts = {}) {
    const label = (0,ip_command/* commandLabel */.M)(argv);
    const timeoutMs = opts.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    const maxBytes = opts.maxOutputBytes ?? MAX_COMMAND_OUTPUT_BYTES;
    const env = { ...(opts.env ?? process.env) };
    for (const name of WITHHELD_ENV)
        delete env[name];
    return new Promise((resolve, reject) => {
        let settled = false;
        const out = [];
        let outBytes = 0;
        let err = '';
        const child = (0,external_node_child_process_.spawn)(argv[0], argv.slice(1), {
            shell: false,
            detached: true,
            stdio: ['ignore', 'pipe', 'pipe'],
            env
        });
        const killGroup = () => {
            try {
                if (child.pid !== undefined)
                    process.kill(-child.pid, 'SIGKILL');
            }
            catch {
                // Already gone.
            }
        };
        const finish = (error, stdout = '') => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            opts.signal?.removeEventListener('abort', onAbort);
            if (error) {
                killGroup();
                // A grandchild may still hold the pipes open: stop reading them.
                child.stdout?.destroy();
                child.stderr?.destroy();
                reject(error);
            }
            else {
                resolve(stdout);
            }
        };
        const onAbort = () => finish(new errors/* UpdateError */.mp(`${label} was stopped`));
        const timer = setTimeout(() => finish(new errors/* UpdateError */.mp(`${label} did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
        if (opts.signal?.aborted)
            return onAbort();
        opts.signal?.addEventListener('abort', onAbort);
        child.on('error', (e) => {
            const why = e.code === 'ENOENT' ? 'not found' : e.code === 'EACCES' ? 'not executable' : '';
            finish(new errors/* UpdateError */.mp(`${label} could not be started: ${e.code ?? e.message}${why ? ` (${why})` : ''}`));
        });
        child.stdout.on('data', (chunk) => {
            outBytes += chunk.length;
            if (outBytes > maxBytes) {
                finish(new errors/* UpdateError */.mp(`${label} printed more than ${maxBytes} bytes`));
                return;
            }
            out.push(chunk);
        });
        child.stderr.on('data', (chunk) => {
            if (err.length < maxBytes)
                err += chunk.toString('utf8');
        });
        child.on('close', (code, signal) => {
            if (signal)
                return finish(new errors/* UpdateError */.mp(`${label} was killed by ${signal}${lastLine(err)}`));
            if (code !== 0)
                return finish(new errors/* UpdateError */.mp(`${label} exited with code ${code}${lastLine(err)}`));
            let text;
            try {
                text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(out));
            }
            catch {
                return finish(new errors/* UpdateError */.mp(`${label} printed something that is not text`));
            }
            finish(undefined, text);
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
        results.set(family, (0,detect_public/* parseEchoBody */.D3)(stdout, family));
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
            const junk = (0,detect_public/* parseEchoBody */.D3)(line, 4);
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
            results.set(family, (0,detect_public/* parseEchoBody */.D3)(found[0], family));
    }
    return results;
}

;// CONCATENATED MODULE: ./src/detect/index.ts






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
        const networkInterfaces = deps.networkInterfaces ?? (external_node_os_default()).networkInterfaces;
        const ipv6Flags = deps.ipv6Flags ?? (deps.networkInterfaces ? undefined : readIpv6Flags);
        const found = detectLocal(family, {
            logger: deps.logger,
            networkInterfaces,
            ...(cfg.interface !== undefined ? { interface: cfg.interface } : {}),
            ...(ipv6Flags ? { ipv6Flags } : {})
        });
        return { family, address: found.address, how: found.how };
    }
    const providers = cfg.providers.length > 0 ? cfg.providers : detect_public/* DEFAULT_PROVIDERS */.Fp[family];
    const found = await (0,detect_public/* detectPublic */.nU)(family, providers, {
        logger: deps.logger,
        ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
        ...(deps.overallMs !== undefined ? { overallMs: deps.overallMs } : {})
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
