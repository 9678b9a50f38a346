"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ServiceUnreachableError = void 0;
exports.assertServicesReachable = assertServicesReachable;
const node_net_1 = require("node:net");
const HOW_TO_START = {
    PostgreSQL: "start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start` (Debian package postgresql), or `docker compose -f docker/compose.yml up -d postgres redis`",
    Redis: 'start it with `redis-server --daemonize yes --bind 127.0.0.1 --port 6379` (Debian package redis-server), or `docker compose -f docker/compose.yml up -d postgres redis`',
};
function redact(url) {
    return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
function tcpReachable(host, port, timeoutMs) {
    return new Promise((resolve) => {
        const socket = new node_net_1.Socket();
        const done = (ok) => {
            socket.destroy();
            resolve(ok);
        };
        socket.setTimeout(timeoutMs, () => done(false));
        socket.once('error', () => done(false));
        socket.connect(port, host, () => done(true));
    });
}
async function assertServicesReachable(urls, timeoutMs = 3000) {
    const checks = [];
    if (urls.postgres)
        checks.push(['PostgreSQL', urls.postgres, 5432]);
    if (urls.redis)
        checks.push(['Redis', urls.redis, 6379]);
    for (const [name, url, defaultPort] of checks) {
        const parsed = new URL(url);
        const host = parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
        const port = parsed.port ? Number(parsed.port) : defaultPort;
        if (!(await tcpReachable(host, port, timeoutMs))) {
            throw new ServiceUnreachableError(`${name} is not reachable at ${redact(url)}: ${HOW_TO_START[name]}`);
        }
    }
}
class ServiceUnreachableError extends Error {
}
exports.ServiceUnreachableError = ServiceUnreachableError;
