export const id = 805;
export const ids = [805];
export const modules = {

/***/ 9805:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createWatchMetrics: () => (/* binding */ createWatchMetrics)
/* harmony export */ });
/* harmony import */ var prom_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5222);
/* harmony import */ var _health_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5427);
/**
 * The watch's metrics in Prometheus' text format, kept by prom-client. Loaded only with
 * `--metrics` (prom-client costs start-up time a run without metrics should not pay).
 * No label or value holds a secret: names, record types, addresses, operations and fixed words.
 */


const P = 'route53_ddns_';
/** What a record holds once this run is done with it (a dry run wrote nothing). */
function heldValues(r) {
    return r.result === 'unchanged' || r.result.startsWith('would-') ? r.before : r.after;
}
function definitions(registry) {
    const registers = [registry];
    return {
        info: new prom_client__WEBPACK_IMPORTED_MODULE_0__.Gauge({
            name: `${P}build_info`,
            help: 'Always 1; the version label says which route53-ddns is running.',
            labelNames: ['version'],
            registers
        }),
        lastSuccess: new prom_client__WEBPACK_IMPORTED_MODULE_0__.Gauge({
            name: `${P}last_success_timestamp_seconds`,
            help: 'When the last check ended in sync (address found, records as wanted), Unix time (0 until then).',
            registers
        }),
        lastChange: new prom_client__WEBPACK_IMPORTED_MODULE_0__.Gauge({
            name: `${P}last_change_timestamp_seconds`,
            help: 'When a record was last written, Unix time (0 until the first write).',
            registers
        }),
        checks: new prom_client__WEBPACK_IMPORTED_MODULE_0__.Counter({
            name: `${P}checks_total`,
            help: 'Checks (ticks) by result.',
            labelNames: ['result'],
            registers
        }),
        failures: new prom_client__WEBPACK_IMPORTED_MODULE_0__.Counter({
            name: `${P}failures_total`,
            help: 'Failed checks by kind: detection, route53 (a refused or failed request), timeout.',
            labelNames: ['kind'],
            registers
        }),
        streak: new prom_client__WEBPACK_IMPORTED_MODULE_0__.Gauge({
            name: `${P}consecutive_failures`,
            help: 'Failed checks in a row (0 when the last check succeeded).',
            registers
        }),
        changes: new prom_client__WEBPACK_IMPORTED_MODULE_0__.Counter({
            name: `${P}record_changes_total`,
            help: 'Records written (created, updated or deleted).',
            registers
        }),
        published: new prom_client__WEBPACK_IMPORTED_MODULE_0__.Gauge({
            name: `${P}published_address_info`,
            help: 'Always 1 for each address a record holds, by name and record type (A or AAAA), as last read.',
            labelNames: ['name', 'type', 'address'],
            registers
        }),
        requests: new prom_client__WEBPACK_IMPORTED_MODULE_0__.Counter({
            name: `${P}route53_requests_total`,
            help: 'Route 53 request attempts (retries included) by operation and outcome.',
            labelNames: ['operation', 'outcome'],
            registers
        }),
        detection: new prom_client__WEBPACK_IMPORTED_MODULE_0__.Histogram({
            name: `${P}detection_duration_seconds`,
            help: 'How long address detection took.',
            buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
            registers
        })
    };
}
/** The metrics of one watch; `windowMs` is the health window (see healthWindowMs). */
function createWatchMetrics(opts) {
    const registry = new prom_client__WEBPACK_IMPORTED_MODULE_0__.Registry();
    const m = definitions(registry);
    m.info.set({ version: opts.version }, 1);
    m.streak.set(0);
    // Every series exists from the start, so rate() and alerts see a 0 rather than nothing.
    for (const result of ['success', 'failure'])
        m.checks.inc({ result }, 0);
    for (const kind of _health_js__WEBPACK_IMPORTED_MODULE_1__/* .FAILURE_KINDS */ .Bs)
        m.failures.inc({ kind }, 0);
    const state = { failures: 0 };
    return {
        checked(at, records) {
            state.lastSuccessAt = at;
            state.failures = 0;
            m.lastSuccess.set(at / 1000);
            m.checks.inc({ result: 'success' });
            m.streak.set(0);
            if (!records)
                return;
            m.published.reset();
            for (const r of records) {
                for (const address of heldValues(r))
                    m.published.set({ name: r.name, type: r.type, address }, 1);
            }
        },
        changed(at, record) {
            if (record.result.startsWith('would-') || record.result === 'unchanged')
                return;
            m.lastChange.set(at / 1000);
            m.changes.inc();
        },
        failed(kind) {
            state.failures++;
            state.lastFailureKind = kind;
            m.failures.inc({ kind });
            m.checks.inc({ result: 'failure' });
            m.streak.set(state.failures);
        },
        detected: (ms) => m.detection.observe(ms / 1000),
        request: (operation, outcome) => m.requests.inc({ operation, outcome }),
        exposition: async () => ({ text: await registry.metrics(), contentType: registry.contentType }),
        health: (now) => (0,_health_js__WEBPACK_IMPORTED_MODULE_1__/* .healthOf */ .Wr)(state, now, opts.windowMs)
    };
}


/***/ })

};
