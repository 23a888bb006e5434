import type { SecretClientOptions } from '@azure/keyvault-secrets';

type AdditionalPolicy = NonNullable<SecretClientOptions['additionalPolicies']>[number];

/**
 * Microsoft's JSON may start with a UTF-8 byte-order mark. fetch's json() drops one, but the Azure SDK parses the
 * body text with JSON.parse, which refuses it: a secret read fails as unreadable, a "secret not found" reads as a
 * missing vault, and @azure/identity's own sign-in answer cannot be read. This policy drops the mark from every
 * answer before the SDK parses it; it runs per attempt, inside the SDK's parsing.
 */
const byteOrderMarkPolicy: AdditionalPolicy = {
  position: 'perRetry',
  policy: {
    name: 'samDeskDropByteOrderMark',
    async sendRequest(request, next) {
      const response = await next(request);
      if (response.bodyAsText?.startsWith('\uFEFF')) response.bodyAsText = response.bodyAsText.slice(1);
      return response;
    },
  },
};

/** Client options for SecretClient and the @azure/identity credentials: answers read with or without a BOM. */
export const readsByteOrderMark = { additionalPolicies: [byteOrderMarkPolicy] };
