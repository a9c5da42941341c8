// A one-shot burst: `count` distinct requests (request i carries its own token/body), all queued at once and
// sent over `connections` keep-alive connections (closed loop: each connection sends its next request as soon
// as its previous answer is complete). Every request is sent exactly once, so a duplicate can only come from
// the server. Latency is per request, from write to the last byte of the answer.
const http = require('node:http');
const { deadlockCount } = require('./common.cjs');

/**
 * Connections for a warm-up burst and the measured one after it. Opened during the warm-up, they are all
 * established when the measured burst starts: a CPU-bound Node server accepts new connections only when its
 * loop goes idle, so connections opened during a burst would wait for the whole burst (any handler, even a
 * trivial one) and the tail latency would measure accept(), not the request. Keep-alive connections are also
 * what the service sees behind a reverse proxy.
 */
const keptAlive = (connections) => new http.Agent({ keepAlive: true, maxSockets: connections });

/**
 * @param {{ port: number, count: number, connections: number, request: (i: number) => { method: string, path: string, token: string, body?: unknown } }} o
 * @returns per-status counts, the parsed 2xx bodies' summary via `onAnswer`, requests/s over the whole burst, p50/p99/max in ms
 */
async function burst({ port, count, connections, request, onAnswer = () => {}, agent: shared }) {
  const agent = shared || keptAlive(connections);
  const latencies = new Float64Array(count);
  const status = {};
  let next = 0;
  let errors = 0;

  const send = (i) => new Promise((resolve) => {
    const r = request(i);
    const payload = r.body === undefined ? undefined : JSON.stringify(r.body);
    const headers = { authorization: `Bearer ${r.token}` };
    if (payload !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
    const t0 = process.hrtime.bigint();
    const req = http.request({ host: '127.0.0.1', port, method: r.method, path: r.path, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        latencies[i] = Number(process.hrtime.bigint() - t0) / 1e6;
        status[res.statusCode] = (status[res.statusCode] || 0) + 1;
        let body = null;
        try { body = JSON.parse(Buffer.concat(chunks).toString()); } catch { /* not JSON */ }
        onAnswer(i, res.statusCode, body);
        resolve();
      });
    });
    req.on('error', () => { latencies[i] = Number(process.hrtime.bigint() - t0) / 1e6; errors++; resolve(); });
    req.end(payload);
  });

  const t0 = process.hrtime.bigint();
  const worker = async () => { for (let i = next++; i < count; i = next++) await send(i); };
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (!shared) agent.destroy();

  const sorted = Float64Array.from(latencies).sort();
  const pct = (p) => sorted[Math.min(count - 1, Math.ceil((p / 100) * count) - 1)];
  const n2xx = Object.entries(status).reduce((s, [code, n]) => s + (code >= 200 && code < 300 ? n : 0), 0);
  const n5xx = Object.entries(status).reduce((s, [code, n]) => s + (code >= 500 ? n : 0), 0);
  return {
    count, connections, seconds, rps: count / seconds, p50: pct(50), p99: pct(99), max: sorted[count - 1],
    status, n2xx, non2xx: count - n2xx, n5xx, errors,
  };
}

/**
 * One target measured: `warmUp(agent)` (JIT, statement caches, the connections opened), then `measure(agent)` over the
 * same kept-alive connections, then the target stopped. With `db`, the result also says how many MariaDB deadlocks
 * happened during the measured burst (`deadlocks`; null on SQLite).
 */
async function warmThenMeasure({ target, connections, warmUp, measure, db }) {
  const agent = keptAlive(connections);
  await warmUp(agent);
  const d0 = db ? await deadlockCount(db) : null;
  const r = await measure(agent);
  if (db) r.deadlocks = d0 === null ? null : (await deadlockCount(db)) - d0;
  agent.destroy();
  await target.stop();
  return r;
}

/** Counts one answer in `codes` by its status, with the error code of a refusal: '201', '409 REQUEST_TAKEN'. */
function tally(codes, status, body) {
  const key = status >= 300 ? `${status} ${body?.code ?? ''}`.trim() : String(status);
  codes[key] = (codes[key] || 0) + 1;
}

/** The counted answers as one line: '201 x3, 409 REQUEST_TAKEN x2'. */
const tallied = (codes) => Object.entries(codes).sort().map(([k, m]) => `${k} x${m}`).join(', ');

module.exports = { burst, keptAlive, warmThenMeasure, tally, tallied };
