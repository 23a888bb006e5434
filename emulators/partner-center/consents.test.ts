import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followPages, startPartnerCenter, type CollectionBody, type ErrorBody, type PartnerCenterHarness } from './test-support';

interface AuditBody {
  customerId: string;
  customerName: string;
  userPrincipalName?: string;
  applicationId?: string;
  resourceType: string;
  operationType: string;
  operationDate: string;
  customizedData: { key: string; value: string }[];
}

const GRAPH = '00000003-0000-0000-c000-000000000000';

describe('Partner Center application consents and audit records', () => {
  let pc: PartnerCenterHarness;
  let token: string;
  let customerId: string;
  let appId: string;

  beforeAll(async () => {
    pc = await startPartnerCenter();
    token = await pc.userToken();
    customerId = pc.state.world.customerIdAt(3) ?? '';
    appId = pc.state.world.app.clientId;
  });
  afterAll(() => pc.close());

  const consentBody = () => ({ applicationId: appId, displayName: 'SAM Desk (demo)', applicationGrants: [{ enterpriseApplicationId: GRAPH, scope: 'Directory.Read.All,User.Read.All' }] });

  it('creates a consent (201), answers a duplicate with 409 "Permission entry already exists.", deletes it (204) and 404s after', async () => {
    const created = await pc.call(`/customers/${customerId}/applicationconsents`, { method: 'POST', token, body: consentBody() });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual(consentBody());

    const listed = (await (await pc.call(`/customers/${customerId}/applicationconsents`, { token })).json()) as CollectionBody<{ applicationId: string }>;
    expect(listed.items.map((consent) => consent.applicationId)).toEqual([appId]);

    const duplicate = await pc.call(`/customers/${customerId}/applicationconsents`, { method: 'POST', token, body: consentBody() });
    expect(duplicate.status).toBe(409);
    expect((await duplicate.json()) as ErrorBody).toMatchObject({ description: 'Permission entry already exists.', data: [], source: 'PartnerFD' });

    const deleted = await pc.call(`/customers/${customerId}/applicationconsents/${appId.toUpperCase()}`, { method: 'DELETE', token });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    const again = await pc.call(`/customers/${customerId}/applicationconsents/${appId}`, { method: 'DELETE', token });
    expect(again.status).toBe(404);
    expect(((await again.json()) as ErrorBody).source).toBe('PartnerFD');

    const recreated = await pc.call(`/customers/${customerId}/applicationconsents`, { method: 'POST', token, body: consentBody() });
    expect(recreated.status).toBe(201);
  });

  it('reads the body case-insensitively, as CIPP sends it', async () => {
    const other = pc.state.world.customerIdAt(4) ?? '';
    const response = await pc.call(`/customers/${other}/applicationconsents`, {
      method: 'POST',
      token,
      body: { ApplicationId: appId, ApplicationGrants: [{ EnterpriseApplicationId: GRAPH, Scope: 'Directory.ReadWrite.All' }] },
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ applicationId: appId, applicationGrants: [{ enterpriseApplicationId: GRAPH, scope: 'Directory.ReadWrite.All' }] });
  });

  it('refuses a malformed consent and an unknown customer', async () => {
    const bodies: unknown[] = [{ applicationId: 'nope', applicationGrants: [{ enterpriseApplicationId: GRAPH, scope: 'x' }] }, { applicationId: appId, applicationGrants: [] }, { applicationId: appId, applicationGrants: [{ enterpriseApplicationId: GRAPH }] }, [1, 2]];
    for (const body of bodies) expect((await pc.call(`/customers/${customerId}/applicationconsents`, { method: 'POST', token, body })).status).toBe(400);
    const unknown = await pc.call('/customers/99999999-9999-4999-8999-999999999999/applicationconsents', { method: 'POST', token, body: consentBody() });
    expect(unknown.status).toBe(404);
  });

  it('records consent operations in the audit log, newest first, with who did them', async () => {
    const response = await pc.call('/auditrecords', { token });
    expect(response.status).toBe(200);
    const body = (await response.json()) as CollectionBody<AuditBody>;
    const operations = body.items.map((record) => record.operationType);
    // recreate, delete, create for customer 3; create for customer 4 came last.
    expect(operations.slice(0, 4)).toEqual(['create_application_consent', 'create_application_consent', 'delete_application_consent', 'create_application_consent']);
    const latestForCustomer = body.items.find((record) => record.customerId === customerId);
    expect(latestForCustomer).toMatchObject({
      customerName: pc.state.world.customerById(customerId)?.companyProfile.companyName,
      userPrincipalName: pc.state.world.admins[0]?.userPrincipalName,
      applicationId: appId,
      resourceType: 'application',
    });
    expect(latestForCustomer?.customizedData).toContainEqual({ key: 'Scope-0', value: 'Directory.Read.All,User.Read.All' });
    // The seeded history is there too, and dates run newest first.
    expect(operations).toContain('add_customer');
    const dates = body.items.map((record) => Date.parse(record.operationDate));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it('pages audit records, filters them, and applies the date window', async () => {
    const all = (await (await pc.call('/auditrecords', { token })).json()) as CollectionBody<AuditBody>;
    const pages = await followPages<AuditBody>(pc, '/auditrecords?size=2', token);
    expect(pages.flatMap((page) => page.items)).toEqual(all.items);
    expect(pages.length).toBe(Math.ceil(all.items.length / 2));

    const byCustomer = encodeURIComponent(JSON.stringify({ Field: 'CustomerId', Value: customerId, Operator: 'equals' }));
    const filtered = (await (await pc.call(`/auditrecords?filter=${byCustomer}`, { token })).json()) as CollectionBody<AuditBody>;
    expect(filtered.items).toHaveLength(3);
    for (const record of filtered.items) expect(record.customerId).toBe(customerId);

    const day = (offsetDays: number) => new Date(pc.state.clock.now().getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const lastThreeDays = (await (await pc.call(`/auditrecords?startDate=${day(-3)}&endDate=${day(0)}`, { token })).json()) as CollectionBody<AuditBody>;
    expect(lastThreeDays.items.map((record) => record.operationType)).not.toContain('add_customer');
    expect(lastThreeDays.items.length).toBe(all.items.length - 2);

    expect((await pc.call(`/auditrecords?startDate=${day(-120)}`, { token })).status).toBe(400);
    expect((await pc.call('/auditrecords?startDate=yesterday', { token })).status).toBe(400);
  });
});
