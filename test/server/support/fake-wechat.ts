import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake answers to one code: a JSON body or raw text, an HTTP status, an optional delay. */
export interface FakeWechatReply {
  status?: number;
  json?: unknown;
  raw?: string;
  contentType?: string;
  delayMs?: number;
}

export interface FakeWechatRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body of a POST (undefined for GET or a body that is not JSON). */
  body?: unknown;
}

/** Answers one POST: given the parsed body and the query string, what to send back. */
export type FakeWechatPostHandler = (body: unknown, query: Record<string, string>) => FakeWechatReply;

/**
 * A local stand-in for api.weixin.qq.com on 127.0.0.1 (port 0):
 *  - GET /sns/jscode2session: each code answers what `on(code, reply)` set; an unknown code answers errcode 40029.
 *  - POST /cgi-bin/stable_token: a token `fake-token-<n>` valid 7200 s (n counts the fetches), unless `onPost` says otherwise.
 *  - any other POST path: what `onPost(path, handler)` answers; a POST without a handler answers errcode -1 (system busy).
 *    A POST with an access_token that is not the current token answers 40001, like WeChat.
 * Every request is recorded (with its parsed JSON body) so a test can check what the real client sent.
 */
export class FakeWechat {
  readonly requests: FakeWechatRequest[] = [];
  private readonly replies = new Map<string, FakeWechatReply>();
  private readonly postHandlers = new Map<string, FakeWechatPostHandler>();
  /** Tokens handed out by /cgi-bin/stable_token; the last one is current. */
  tokensIssued = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private server: Server | null = null;
  baseUrl = '';

  /** The answer for one js_code. */
  on(code: string, reply: FakeWechatReply): this {
    this.replies.set(code, reply);
    return this;
  }

  /** The answer to every POST on `path` (e.g. '/cgi-bin/message/subscribe/send'). */
  onPost(path: string, handler: FakeWechatPostHandler): this {
    this.postHandlers.set(path, handler);
    return this;
  }

  /** The token the fake currently accepts. */
  get currentToken(): string {
    return `fake-token-${this.tokensIssued}`;
  }

  /** Requests recorded on one path. */
  requestsTo(path: string): FakeWechatRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  /** A successful code2Session answer for `code`. */
  session(code: string, openid: string, sessionKey: string): this {
    return this.on(code, { json: { openid, session_key: sessionKey } });
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  reset(): void {
    this.requests.length = 0;
    this.replies.clear();
    this.postHandlers.clear();
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams.entries());
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          body = undefined;
        }
        this.requests.push({ method: 'POST', path: url.pathname, query, body });
        this.reply(res, this.answerPost(url.pathname, body, query));
      });
      return;
    }
    this.requests.push({ method: req.method ?? '', path: url.pathname, query });
    if (req.method !== 'GET' || url.pathname !== '/sns/jscode2session') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode: -1, errmsg: 'not found' }));
      return;
    }
    this.reply(res, this.replies.get(query.js_code ?? '') ?? { json: { errcode: 40029, errmsg: 'invalid code, rid: fake' } });
  }

  private answerPost(path: string, body: unknown, query: Record<string, string>): FakeWechatReply {
    const handler = this.postHandlers.get(path);
    if (path === '/cgi-bin/stable_token') {
      if (handler) return handler(body, query);
      this.tokensIssued++;
      return { json: { access_token: this.currentToken, expires_in: 7200 } };
    }
    if (query.access_token !== this.currentToken) return { json: { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' } };
    return handler ? handler(body, query) : { json: { errcode: -1, errmsg: 'system error (no fake handler)' } };
  }

  private reply(res: ServerResponse, reply: FakeWechatReply): void {
    const send = () => {
      if (res.destroyed) return;
      const body = reply.raw ?? JSON.stringify(reply.json);
      // WeChat answers JSON with a text/plain content type; the client must not depend on it.
      res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'text/plain' }).end(body);
    };
    if (reply.delayMs) {
      const t = setTimeout(() => {
        this.timers.delete(t);
        send();
      }, reply.delayMs);
      this.timers.add(t);
    } else {
      send();
    }
  }
}
