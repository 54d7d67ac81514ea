// Test helper: reads a real Server-Sent Events response with fetch and hands out its frames one by one.
export interface SseFrame {
  event: string;
  data: string;
  id?: string;
  retry?: number;
  /** Set for a comment line (`: keep-alive`), whose event is `comment`. */
  comment?: string;
}

export interface SseClient {
  status: number;
  headers: Headers;
  /** The next frame not yet taken that matches `accept`; earlier non-matching frames are skipped. */
  next(accept?: (frame: SseFrame) => boolean, timeoutMs?: number): Promise<SseFrame>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

function parseBlock(block: string): SseFrame {
  const frame: SseFrame = { event: 'message', data: '' };
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) return { event: 'comment', data: '', comment: line.slice(1).trim() };
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') frame.event = value;
    if (field === 'data') data.push(value);
    if (field === 'id') frame.id = value;
    if (field === 'retry') {
      frame.event = 'retry';
      frame.retry = Number(value);
    }
  }
  frame.data = data.join('\n');
  return frame;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const frames: SseFrame[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  const ended = (async () => {
    if (!response.body) return;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          frames.push(parseBlock(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
        }
        wake?.();
      }
    } catch {
      // Aborted by close().
    } finally {
      done = true;
      wake?.();
    }
  })();

  return {
    status: response.status,
    headers: response.headers,
    ended,
    close: () => controller.abort(),
    async next(accept = () => true, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const index = frames.findIndex(accept);
        if (index !== -1) return frames.splice(0, index + 1).at(-1)!;
        if (done) throw new Error('the stream ended');
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames)}`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, left);
        });
      }
    },
  };
}
