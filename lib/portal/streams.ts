import "server-only";
import { DomainError } from "@/lib/domain/errors";

/**
 * A request body as bytes, refused as soon as it passes `maxBytes` (declared or actually sent),
 * so an oversized upload is never buffered whole.
 */
export async function readUpload(request: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new DomainError("INVALID_ARGUMENT", `The file is larger than ${Math.floor(maxBytes / 1024 / 1024)} MB; split it into smaller files.`);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A text stream of an async sequence of chunks, pulled one at a time (the client's pace sets ours). */
export function textStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
