// The requests calls of the IPC contract through the same dispatch the preload and the browser
// bridge use, against a real companion and the reference central server on 127.0.0.1.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../electron/core/ipc/handlers';
import { requestsListSchema, urgentRequestViewSchema } from '../../shared/requests';
import { mondayAt, RequestsWorld } from '../harness/requests-world';

let world: RequestsWorld;

beforeEach(async () => {
  world = new RequestsWorld(mondayAt('10:00'));
  await world.setUp();
});

afterEach(async () => {
  await world.tearDown();
});

describe('requests IPC calls', () => {
  it('pollRequests returns the new request', async () => {
    const id = await world.post('emergency', 'Gangguan layanan');
    const result = await dispatch(createHandlers(world.companion), 'pollRequests', {});

    expect(result.ok && requestsListSchema.parse(result.value).requests.map((request) => request.id)).toEqual([id]);
  });

  it('acknowledgeRequest returns the acknowledged view', async () => {
    const id = await world.post('emergency', 'Gangguan layanan');
    const handlers = createHandlers(world.companion);
    await dispatch(handlers, 'pollRequests', {});
    const result = await dispatch(handlers, 'acknowledgeRequest', { id });

    expect(result.ok).toBe(true);
    if (result.ok) expect(urgentRequestViewSchema.parse(result.value).state).toBe('acknowledged');
  });

  it('respondToRequest explains a text over the limit in both languages', async () => {
    const id = await world.post('urgent', 'Revisi anggaran');
    const handlers = createHandlers(world.companion);
    await dispatch(handlers, 'pollRequests', {});
    const result = await dispatch(handlers, 'respondToRequest', { id, text: 'x'.repeat(501) });

    expect(result.ok ? null : result.error.text).toEqual({
      id: 'Jawaban terlalu panjang: 501 karakter, batasnya 500. Persingkat jawaban sebanyak 1 karakter, lalu coba lagi.',
      en: 'The answer is too long: 501 characters, the limit is 500. Shorten it by 1 character, then try again.',
    });
  });

  it('listRequests filters by state', async () => {
    await world.post('urgent', 'Revisi anggaran');
    const handlers = createHandlers(world.companion);
    await dispatch(handlers, 'pollRequests', {});
    const result = await dispatch(handlers, 'listRequests', { states: ['answered'] });

    expect(result.ok).toBe(true);
    if (result.ok) expect(requestsListSchema.parse(result.value).requests).toEqual([]);
  });

  it('requestsChanged carries the summary', async () => {
    const summaries: number[] = [];
    world.companion.requests.onChanged((summary) => summaries.push(summary.unanswered));
    await world.post('urgent', 'Revisi anggaran');
    await world.companion.requests.pollNow('user');

    expect(summaries).toEqual([1]);
  });
});
