import type { Caller } from './testApp.ts';

/** A multipart/form-data body: the text fields first, the file last (as browsers and the wizard send it). */
export function multipartBody(fields: Record<string, string>, file?: { name: string; content: string | Buffer; type?: string }) {
  const boundary = `----tierline${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export function postForm(caller: Caller, url: string, fields: Record<string, string>, file?: Parameters<typeof multipartBody>[1]) {
  const { body, contentType } = multipartBody(fields, file);
  return caller.request('POST', url, body, { 'content-type': contentType });
}
