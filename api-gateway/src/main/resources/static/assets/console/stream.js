// The analytics SSE stream read with fetch(), because EventSource cannot send the bearer token and the token must
// never go into a URL. Reconnects (renewing the session if needed) until the screen is left.
import * as api from './api.js';
import { pause } from './dom.js';

/** Calls onSummary(summary) for every `summary` event of the event's stream. */
export async function followSummary(eventId, onSummary, onState, signal) {
  let delay = 1000;
  while (!signal.aborted) {
    try {
      const response = await api.authorised('GET', `/api/v1/events/${eventId}/analytics/stream`, { signal, accept: 'text/event-stream' });
      onState('live');
      delay = 1000;
      await readEvents(response.body, (name, data) => { if (name === 'summary') onSummary(JSON.parse(data)); });
    } catch (error) {
      if (signal.aborted) return;
      if (error.status === 404) throw error;
    }
    onState('reconnecting');
    await pause(delay, signal);
    delay = Math.min(delay * 2, 15_000);
  }
}

/** Splits a text/event-stream body into events (name + joined data lines); comments (keep-alives) are skipped. */
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      let name = 'message';
      const data = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) onEvent(name, data.join('\n'));
    }
  }
}
