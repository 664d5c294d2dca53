import { request } from 'node:http';

const CHUNK = Buffer.alloc(256 * 1024, 0x61);

/**
 * Test helper: streams up to `bytes` of 'a' to a POST route over real HTTP (declared by Content-Length, or chunked),
 * writing only as fast as the socket takes it, and stops as soon as the server answers. Resolves with what the
 * server answered. The sender holds one 256 KiB chunk, so the process's memory shows what the server kept.
 */
export function sendHuge(
  url: string,
  options: { bytes: number; type: string; declared: boolean },
): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      {
        host: target.hostname,
        port: Number(target.port),
        path: target.pathname + target.search,
        method: 'POST',
        headers: {
          'content-type': options.type,
          ...(options.declared ? { 'content-length': String(options.bytes) } : {}),
        },
      },
      (res) => {
        answered = true;
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // Writing after the server answered and closed is expected to fail; before it answered, it is the test's failure.
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    let sent = 0;
    const pump = () => {
      while (!answered && sent < options.bytes) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}
