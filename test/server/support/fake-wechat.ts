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
}

/**
 * A local stand-in for api.weixin.qq.com: GET /sns/jscode2session on 127.0.0.1 (port 0).
 * Each code answers what `on(code, reply)` set; an unknown code answers errcode 40029 like WeChat.
 * Every request is recorded so a test can check what the real client sent.
 */
export class FakeWechat {
  readonly requests: FakeWechatRequest[] = [];
  private readonly replies = new Map<string, FakeWechatReply>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private server: Server | null = null;
  baseUrl = '';

  /** The answer for one js_code. */
  on(code: string, reply: FakeWechatReply): this {
    this.replies.set(code, reply);
    return this;
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
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams.entries());
    this.requests.push({ method: req.method ?? '', path: url.pathname, query });
    if (req.method !== 'GET' || url.pathname !== '/sns/jscode2session') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errcode: -1, errmsg: 'not found' }));
      return;
    }
    const reply = this.replies.get(query.js_code ?? '') ?? { json: { errcode: 40029, errmsg: 'invalid code, rid: fake' } };
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
