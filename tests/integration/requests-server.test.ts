// The urgent-request endpoints of the reference central server over real HTTP on 127.0.0.1: default
// deadlines per level from the served policy, the ETag of GET /v1/requests and the retired ack path.
import { afterEach, describe, expect, it } from 'vitest';
import { startCentralServer, type CentralServer } from '../../central/server';
import { articleProfile } from '../../electron/core/policy/profiles';
import { enrollResponseSchema, postUrgentRequestResponseSchema, urgentRequestsResponseSchema } from '../../shared/central-api';

const NOW = Date.parse('2026-04-06T10:00:00+07:00');
const MINUTE = 60_000;

let server: CentralServer;

afterEach(async () => {
  await server.close();
});

async function start(policyRequests?: Record<string, number>): Promise<void> {
  const profile = policyRequests ? { ...articleProfile, requests: { ...articleProfile.requests, ...policyRequests } } : null;
  const policy = profile ? { id: profile.id, version: profile.version, profile: profile as unknown as Record<string, unknown> } : null;
  server = await startCentralServer({ port: 0, now: () => NOW, policy });
}

async function enroll(): Promise<string> {
  const response = await fetch(`${server.url}/v1/enroll`, { method: 'POST', body: JSON.stringify({ code: 'DEMO' }) });
  return enrollResponseSchema.parse(await response.json()).token;
}

function post(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${server.url}/admin/requests`, { method: 'POST', body: JSON.stringify({ sender: 'Kepala Bidang', subject: 'Data', body: 'Mohon data.', ...body }) });
}

async function dueAtOf(response: Response): Promise<number> {
  return postUrgentRequestResponseSchema.parse(await response.json()).dueAt;
}

describe('POST /admin/requests', () => {
  it('gives an emergency 30 minutes without a policy', async () => {
    await start();

    expect(await dueAtOf(await post({ level: 'emergency' }))).toBe(NOW + 30 * MINUTE);
  });

  it('gives an urgent request 2 hours without a policy', async () => {
    await start();

    expect(await dueAtOf(await post({ level: 'urgent' }))).toBe(NOW + 120 * MINUTE);
  });

  it('takes the deadline from the served policy', async () => {
    await start({ emergencyResponseMinutes: 45 });

    expect(await dueAtOf(await post({ level: 'emergency' }))).toBe(NOW + 45 * MINUTE);
  });

  it('keeps an explicit dueAt', async () => {
    await start();

    expect(await dueAtOf(await post({ level: 'urgent', dueAt: NOW + 10 * MINUTE }))).toBe(NOW + 10 * MINUTE);
  });

  it('rejects a dueAt in the past', async () => {
    await start();
    const response = await post({ level: 'urgent', dueAt: NOW - MINUTE });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('is not after the current time');
  });

  it('rejects an unknown level', async () => {
    await start();
    const response = await post({ level: 'soon' });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('level');
  });

  it('rejects an unknown device', async () => {
    await start();
    const response = await post({ level: 'urgent', deviceId: 'nope' });

    expect(response.status).toBe(404);
  });
});

describe('GET /v1/requests', () => {
  it('answers 304 to the current ETag', async () => {
    await start();
    const auth = { Authorization: `Bearer ${await enroll()}` };
    await post({ level: 'urgent' });
    const first = await fetch(`${server.url}/v1/requests`, { headers: auth });
    const again = await fetch(`${server.url}/v1/requests`, { headers: { ...auth, 'If-None-Match': first.headers.get('etag')! } });

    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('changes the ETag with a new request', async () => {
    await start();
    const auth = { Authorization: `Bearer ${await enroll()}` };
    await post({ level: 'urgent' });
    const first = await fetch(`${server.url}/v1/requests`, { headers: auth });
    await post({ level: 'emergency' });
    const second = await fetch(`${server.url}/v1/requests`, { headers: { ...auth, 'If-None-Match': first.headers.get('etag')! } });

    expect(second.status).toBe(200);
    expect(urgentRequestsResponseSchema.parse(await second.json()).requests.map((request) => request.level)).toEqual(['urgent', 'emergency']);
  });

  it('lists only the device’s own and broadcast requests', async () => {
    await start();
    const token = await enroll();
    const other = enrollResponseSchema.parse(await (await fetch(`${server.url}/v1/enroll`, { method: 'POST', body: JSON.stringify({ code: 'DEMO' }) })).json());
    await post({ level: 'urgent', subject: 'Untuk semua' });
    await post({ level: 'urgent', subject: 'Untuk yang lain', deviceId: other.deviceId });
    const response = await fetch(`${server.url}/v1/requests`, { headers: { Authorization: `Bearer ${token}` } });

    expect(urgentRequestsResponseSchema.parse(await response.json()).requests.map((request) => request.subject)).toEqual(['Untuk semua']);
  });

  it('requires the device token', async () => {
    await start();

    expect((await fetch(`${server.url}/v1/requests`)).status).toBe(401);
  });
});

describe('POST /v1/requests/ack', () => {
  it('answers 410 and points to events', async () => {
    await start();
    const response = await fetch(`${server.url}/v1/requests/ack`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await enroll()}` },
      body: JSON.stringify({ ids: ['x'] }),
    });

    expect(response.status).toBe(410);
    expect(((await response.json()) as { message: string }).message).toContain('request.acknowledged event');
  });
});

describe('broadcasts to a new device', () => {
  let clock = NOW;

  async function subjectsFor(token: string): Promise<string[]> {
    const response = await fetch(`${server.url}/v1/requests`, { headers: { Authorization: `Bearer ${token}` } });
    return urgentRequestsResponseSchema.parse(await response.json()).requests.map((request) => request.subject);
  }

  it('includes broadcasts still open at enrollment', async () => {
    server = await startCentralServer({ port: 0, now: () => clock });
    clock = NOW;
    await post({ level: 'emergency', subject: 'Pukul 10.00' });

    clock = NOW + 10 * MINUTE;
    const token = await enroll();

    expect(await subjectsFor(token)).toEqual(['Pukul 10.00']);
  });

  it('leaves out broadcasts overdue at enrollment', async () => {
    server = await startCentralServer({ port: 0, now: () => clock });
    clock = NOW;
    await post({ level: 'emergency', subject: 'Pukul 10.00' });

    clock = NOW + 60 * MINUTE;
    const token = await enroll();
    await post({ level: 'emergency', subject: 'Pukul 11.00' });

    expect(await subjectsFor(token)).toEqual(['Pukul 11.00']);
  });
});
