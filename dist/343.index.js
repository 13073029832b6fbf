export const id = 343;
export const ids = [343];
export const modules = {

/***/ 9343:
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
;// CONCATENATED MODULE: ./src/detect/index.ts




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
    const results = await Promise.allSettled(families.map((f) => detectFamily(f, cfg, deps)));
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
