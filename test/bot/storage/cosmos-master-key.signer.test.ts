import assert from 'node:assert/strict';
import {
  Constants,
  HTTPMethod,
  ResourceType,
  setAuthorizationTokenHeaderUsingMasterKey,
  type CosmosHeaders,
} from '@azure/cosmos';
import { isMasterKey, masterKeyTokenProvider } from '../../../bot/storage/cosmos-master-key.signer';
import { EMULATOR_KEY } from '../../support/cosmos-emulator';

describe('Cosmos master-key signer', () => {
  const requests: [HTTPMethod, ResourceType, string][] = [
    [HTTPMethod.put, ResourceType.item, 'dbs/jobcenter/colls/screenings/docs/0b6e3c1e-5d0f-4c7e-9a51-2f1d8f0f6a11'],
    [HTTPMethod.get, ResourceType.item, 'dbs/jobcenter/colls/screenings/docs/ÆØÅ id'],
    [HTTPMethod.post, ResourceType.item, 'dbs/jobcenter/colls/auditEvents'],
    [HTTPMethod.post, ResourceType.container, 'dbs/jobcenter'],
    [HTTPMethod.get, ResourceType.database, 'dbs/jobcenter'],
    [HTTPMethod.get, ResourceType.offer, 'AbCdEf=='],
    [HTTPMethod.get, ResourceType.none, ''],
  ];

  for (const [verb, resourceType, resourceId] of requests) {
    it(`when a ${verb} of ${resourceType || 'the account'} is signed, then the header is the one the SDK's own master-key signing makes`, async () => {
      const expected: CosmosHeaders = {};
      await setAuthorizationTokenHeaderUsingMasterKey(verb, resourceId, resourceType, expected, EMULATOR_KEY);
      const date = expected[Constants.HttpHeaders.XDate];
      assert.equal(typeof date, 'string');
      const token = await masterKeyTokenProvider(EMULATOR_KEY)({
        verb,
        path: `/${resourceId}`,
        resourceId,
        resourceType,
        headers: { [Constants.HttpHeaders.XDate]: date },
      });
      // The SDK URL-encodes what a token provider returns, as it does its own signature.
      assert.equal(encodeURIComponent(token), expected[Constants.HttpHeaders.Authorization]);
    });
  }

  it('when a request has no date header, then it is not signed', async () => {
    await assert.rejects(
      masterKeyTokenProvider(EMULATOR_KEY)({
        verb: HTTPMethod.get,
        path: '/dbs/jobcenter',
        resourceId: 'dbs/jobcenter',
        resourceType: ResourceType.database,
        headers: {},
      }),
      /x-ms-date/,
    );
  });

  it('when the key is a SAS token, then it is not taken for a master key', () => {
    assert.equal(isMasterKey(EMULATOR_KEY), true);
    assert.equal(isMasterKey('type=sas&ver=1.0&sig=abc'), false);
  });
});
