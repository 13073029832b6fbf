export const id = 650;
export const ids = [650];
export const modules = {

/***/ 7650:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   startMetricsServer: () => (/* binding */ startMetricsServer)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
// The watch's HTTP endpoint (`--metrics`): GET /metrics and GET /healthz, nothing else.

/** A scrape that takes longer than this is cut off; the server never holds a connection open. */
const REQUEST_TIMEOUT_MS = 10_000;
function answer(res, status, type, body) {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
}
const TEXT = 'text/plain; charset=utf-8';
async function handle(req, res, metrics, now) {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('allow', 'GET, HEAD');
        return answer(res, 405, TEXT, 'method not allowed: use GET\n');
    }
    if (path === '/metrics') {
        const { text, contentType } = await metrics.exposition();
        return answer(res, 200, contentType, text);
    }
    if (path === '/healthz') {
        const h = metrics.health(now());
        return answer(res, h.ok ? 200 : 503, TEXT, `${h.line}\n`);
    }
    answer(res, 404, TEXT, 'not found: the paths are /metrics and /healthz\n');
}
/**
 * Listen on `listen` and serve the metrics and health. Rejects with a message naming `name`
 * (`--metrics`) when the address cannot be bound (in use, not on this machine, not allowed).
 */
async function startMetricsServer(listen, name, metrics, now) {
    const server = node_http__WEBPACK_IMPORTED_MODULE_0__.createServer((req, res) => {
        handle(req, res, metrics, now).catch(() => {
            if (!res.headersSent)
                answer(res, 500, TEXT, 'internal error\n');
            else
                res.destroy();
        });
    });
    server.requestTimeout = REQUEST_TIMEOUT_MS;
    server.headersTimeout = REQUEST_TIMEOUT_MS;
    server.keepAliveTimeout = 5_000;
    await new Promise((resolve, reject) => {
        server.once('error', (err) => reject(new Error(`${name}: cannot listen on ${listen.host} port ${listen.port}: ${err.code ?? err.message}${err.code === 'EADDRINUSE' ? ' (another program uses this port)' : ''}`)));
        server.listen(listen.port, listen.host, resolve);
    });
    const bound = server.address();
    return {
        address: { host: bound.address, port: bound.port },
        close: () => new Promise((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
        })
    };
}


/***/ })

};
