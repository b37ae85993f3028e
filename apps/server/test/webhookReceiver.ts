import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';

export type Received = {
  headers: IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; createdAt: string; orgId: string; data: any };
};
type Answer = { status: number; headers?: Record<string, string> };

/**
 * A real webhook receiver on 127.0.0.1 (an ephemeral port), as a customer would run one: it records
 * every request and answers 200, or what the test queued with `answerNext`. Closed after the file.
 */
export async function startReceiver() {
  const received: Received[] = [];
  const answers: Answer[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, body, json: JSON.parse(body) });
      const answer = answers.shift() ?? { status: 200 };
      res.writeHead(answer.status, answer.headers).end(answer.status < 300 ? 'ok' : 'not now');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return {
    url: `http://127.0.0.1:${port}/hooks/tierline`,
    received,
    /** The next answers, in order (a status, or a status with headers); after them, 200. */
    answerNext: (...next: (number | Answer)[]) => answers.push(...next.map((a) => (typeof a === 'number' ? { status: a } : a))),
    clear: () => {
      received.length = 0;
      answers.length = 0;
    },
  };
}

/**
 * Verifies a request as the decision 0022 tells receivers to, with nothing from Tierline's code: the HMAC-SHA256
 * of "<tierline-timestamp>.<raw body>" keyed by the secret, hex, compared in constant time with `v1=` of the header.
 */
export function hasValidSignature(r: Received, secret: string): boolean {
  const timestamp = String(r.headers['tierline-timestamp']);
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${timestamp}.${r.body}`).digest('hex')}`);
  const given = Buffer.from(String(r.headers['tierline-signature']));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
