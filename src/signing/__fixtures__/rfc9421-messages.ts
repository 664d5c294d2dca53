// Messages and published signatures of RFC 9421 (Appendix B.2, §2.4, §4.3), transcribed from the RFC
// with the RFC 8792 line wrapping undone. Test use only.
import type { HttpRequestInput, HttpResponseInput } from '../message.ts';

const REQUEST_DIGEST =
  'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:';

/** B.2 test-request (the RFC's examples use plain http; the scheme is not covered by any of them). */
export const TEST_REQUEST: HttpRequestInput = {
  method: 'POST',
  url: 'http://example.com/foo?param=Value&Pet=dog',
  headers: [
    ['Host', 'example.com'],
    ['Date', 'Tue, 20 Apr 2021 02:07:55 GMT'],
    ['Content-Type', 'application/json'],
    ['Content-Digest', REQUEST_DIGEST],
    ['Content-Length', '18'],
  ],
  body: '{"hello": "world"}',
};

/** B.2 test-response. */
export const TEST_RESPONSE: HttpResponseInput = {
  status: 200,
  headers: [
    ['Date', 'Tue, 20 Apr 2021 02:07:56 GMT'],
    ['Content-Type', 'application/json'],
    [
      'Content-Digest',
      'sha-512=:mEWXIS7MaLRuGgxOBdODa3xqM1XdEvxoYhvlCFJ41QJgJc4GTsPp29l5oGX69wWdXymyU0rjJuahq4l5aGgfLQ==:',
    ],
    ['Content-Length', '23'],
  ],
  body: '{"message": "good dog"}',
};

export interface Vector {
  section: string;
  label: string;
  signatureInput: string;
  signature: string;
  base: string;
}

export const B21: Vector = {
  section: 'B.2.1',
  label: 'sig-b21',
  signatureInput: 'sig-b21=();created=1618884473;keyid="test-key-rsa-pss";nonce="b3k2pp5k7z-50gnwp.yemd"',
  signature:
    'sig-b21=:d2pmTvmbncD3xQm8E9ZV2828BjQWGgiwAaw5bAkgibUopemLJcWDy/lkbbHAve4cRAtx31Iq786U7it++wgGxbtRxf8Udx7zFZsckzXaJMkA7ChG52eSkFxykJeNqsrWH5S+oxNFlD4dzVuwe8DhTSja8xxbR/Z2cOGdCbzR72rgFWhzx2VjBqJzsPLMIQKhO4DGezXehhWwE56YCE+O6c0mKZsfxVrogUvA4HELjVKWmAvtl6UnCh8jYzuVG5WSb/QEVPnP5TmcAnLH1g+s++v6d4s8m0gCw1fV5/SITLq9mhho8K3+7EPYTU8IU1bLhdxO5Nyt8C8ssinQ98Xw9Q==:',
  base: '"@signature-params": ();created=1618884473;keyid="test-key-rsa-pss";nonce="b3k2pp5k7z-50gnwp.yemd"',
};

export const B22: Vector = {
  section: 'B.2.2',
  label: 'sig-b22',
  signatureInput:
    'sig-b22=("@authority" "content-digest" "@query-param";name="Pet");created=1618884473;keyid="test-key-rsa-pss";tag="header-example"',
  signature:
    'sig-b22=:LjbtqUbfmvjj5C5kr1Ugj4PmLYvx9wVjZvD9GsTT4F7GrcQEdJzgI9qHxICagShLRiLMlAJjtq6N4CDfKtjvuJyE5qH7KT8UCMkSowOB4+ECxCmT8rtAmj/0PIXxi0A0nxKyB09RNrCQibbUjsLS/2YyFYXEu4TRJQzRw1rLEuEfY17SARYhpTlaqwZVtR8NV7+4UKkjqpcAoFqWFQh62s7Cl+H2fjBSpqfZUJcsIk4N6wiKYd4je2U/lankenQ99PZfB4jY3I5rSV2DSBVkSFsURIjYErOs0tFTQosMTAoxk//0RoKUqiYY8Bh0aaUEb0rQl3/XaVe4bXTugEjHSw==:',
  base: [
    '"@authority": example.com',
    `"content-digest": ${REQUEST_DIGEST}`,
    '"@query-param";name="Pet": dog',
    '"@signature-params": ("@authority" "content-digest" "@query-param";name="Pet");created=1618884473;keyid="test-key-rsa-pss";tag="header-example"',
  ].join('\n'),
};

export const B23: Vector = {
  section: 'B.2.3',
  label: 'sig-b23',
  signatureInput:
    'sig-b23=("date" "@method" "@path" "@query" "@authority" "content-type" "content-digest" "content-length");created=1618884473;keyid="test-key-rsa-pss"',
  signature:
    'sig-b23=:bbN8oArOxYoyylQQUU6QYwrTuaxLwjAC9fbY2F6SVWvh0yBiMIRGOnMYwZ/5MR6fb0Kh1rIRASVxFkeGt683+qRpRRU5p2voTp768ZrCUb38K0fUxN0O0iC59DzYx8DFll5GmydPxSmme9v6ULbMFkl+V5B1TP/yPViV7KsLNmvKiLJH1pFkh/aYA2HXXZzNBXmIkoQoLd7YfW91kE9o/CCoC1xMy7JA1ipwvKvfrs65ldmlu9bpG6A9BmzhuzF8Eim5f8ui9eH8LZH896+QIF61ka39VBrohr9iyMUJpvRX2Zbhl5ZJzSRxpJyoEZAFL2FUo5fTIztsDZKEgM4cUA==:',
  base: [
    '"date": Tue, 20 Apr 2021 02:07:55 GMT',
    '"@method": POST',
    '"@path": /foo',
    '"@query": ?param=Value&Pet=dog',
    '"@authority": example.com',
    '"content-type": application/json',
    `"content-digest": ${REQUEST_DIGEST}`,
    '"content-length": 18',
    '"@signature-params": ("date" "@method" "@path" "@query" "@authority" "content-type" "content-digest" "content-length");created=1618884473;keyid="test-key-rsa-pss"',
  ].join('\n'),
};

export const B24: Vector = {
  section: 'B.2.4',
  label: 'sig-b24',
  signatureInput:
    'sig-b24=("@status" "content-type" "content-digest" "content-length");created=1618884473;keyid="test-key-ecc-p256"',
  signature: 'sig-b24=:wNmSUAhwb5LxtOtOpNa6W5xj067m5hFrj0XQ4fvpaCLx0NKocgPquLgyahnzDnDAUy5eCdlYUEkLIj+32oiasw==:',
  base: [
    '"@status": 200',
    '"content-type": application/json',
    '"content-digest": sha-512=:mEWXIS7MaLRuGgxOBdODa3xqM1XdEvxoYhvlCFJ41QJgJc4GTsPp29l5oGX69wWdXymyU0rjJuahq4l5aGgfLQ==:',
    '"content-length": 23',
    '"@signature-params": ("@status" "content-type" "content-digest" "content-length");created=1618884473;keyid="test-key-ecc-p256"',
  ].join('\n'),
};

export const B25: Vector = {
  section: 'B.2.5',
  label: 'sig-b25',
  signatureInput: 'sig-b25=("date" "@authority" "content-type");created=1618884473;keyid="test-shared-secret"',
  signature: 'sig-b25=:pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=:',
  base: [
    '"date": Tue, 20 Apr 2021 02:07:55 GMT',
    '"@authority": example.com',
    '"content-type": application/json',
    '"@signature-params": ("date" "@authority" "content-type");created=1618884473;keyid="test-shared-secret"',
  ].join('\n'),
};

export const B26: Vector = {
  section: 'B.2.6',
  label: 'sig-b26',
  signatureInput:
    'sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
  signature: 'sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:',
  base: [
    '"date": Tue, 20 Apr 2021 02:07:55 GMT',
    '"@method": POST',
    '"@path": /foo',
    '"@authority": example.com',
    '"content-type": application/json',
    '"content-length": 18',
    '"@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
  ].join('\n'),
};

const SIG1_VALUE =
  ':LAH8BjcfcOcLojiuOBFWn0P5keD3xAOuJRGziCLuD8r5MW9S0RoXXLzLSRfGY/3SF8kVIkHjE13SEFdTo4Af/fJ/Pu9wheqoLVdwXyY/UkBIS1M8Brc8IODsn5DFIrG0IrburbLi0uCc+E2ZIIb6HbUJ+o+jP58JelMTe0QE3IpWINTEzpxjqDf5/Df+InHCAkQCTuKsamjWXUpyOT1Wkxi7YPVNOjW4MfNuTZ9HdbD2Tr65+BXeTG9ZS/9SWuXAc+BZ8WyPz0QRz//ec3uWXd7bYYODSjRAxHqX+S1ag3LZElYyUKaAIjZ8MGOt4gXEwCSLDv/zqxZeWLj/PDkn6w==:';
const SIG1_INPUT =
  'sig1=("@method" "@authority" "@path" "content-digest" "content-length" "content-type");created=1618884475;keyid="test-key-rsa-pss"';

/** §4.3: the client's request, signed as sig1 with test-key-rsa-pss. */
export const MULTI_CLIENT_REQUEST: HttpRequestInput = {
  ...TEST_REQUEST,
  headers: [
    ...(TEST_REQUEST.headers as Array<[string, string]>),
    ['Signature-Input', SIG1_INPUT],
    ['Signature', `sig1=${SIG1_VALUE}`],
  ],
};

/** §4.3: the same request after the proxy, with the proxy's own signature proxy_sig (rsa-v1_5-sha256, test-key-rsa). */
export const MULTI_PROXY_REQUEST: HttpRequestInput = {
  method: 'POST',
  url: 'http://origin.host.internal.example/foo?param=Value&Pet=dog',
  headers: [
    ['Host', 'origin.host.internal.example'],
    ['Date', 'Tue, 20 Apr 2021 02:07:56 GMT'],
    ['Content-Type', 'application/json'],
    ['Content-Digest', REQUEST_DIGEST],
    ['Content-Length', '18'],
    ['Forwarded', 'for=192.0.2.123'],
    [
      'Signature-Input',
      `${SIG1_INPUT}, proxy_sig=("signature";key="sig1" "forwarded");created=1618884480;expires=1618884540;keyid="test-key-rsa";alg="rsa-v1_5-sha256"`,
    ],
    [
      'Signature',
      `sig1=${SIG1_VALUE}, proxy_sig=:G1WLTL4/9PGSKEQbSAMypZNk+I2dpLJ6qvl2JISahlP31OO/QEUd8/HdO2O7vYLi5k3JIiAK3UPK4U+kvJZyIUidsiXlzRI+Y2se3SGo0D8dLfhG95bKr6ukYXl60QHpsGRTfSiwdtvYKXGpKNrMlISJYd+oGrGRyI9gbCy0aFhc6I/okIMLeK4g9PgzpC3YTwhUQ98KIBNLWHgREfBgJxjPbxFlsgJ9ykPviLj8GKJ81HwsK3XM9P7WaS7fMGOt8h1kSqgkZQB9YqiIo+WhHvJa7iPy8QrYFKzx9BBEY6AwfStZAsXXz3LobZseyxsYcLJLs8rY0wVA9NPsxKrHGA==:`,
    ],
  ],
  body: '{"hello": "world"}',
};

export const PROXY_SIG_BASE = [
  `"signature";key="sig1": ${SIG1_VALUE}`,
  '"forwarded": for=192.0.2.123',
  '"@signature-params": ("signature";key="sig1" "forwarded");created=1618884480;expires=1618884540;keyid="test-key-rsa";alg="rsa-v1_5-sha256"',
].join('\n');

export const PROXY_SIG_VALUE =
  'G1WLTL4/9PGSKEQbSAMypZNk+I2dpLJ6qvl2JISahlP31OO/QEUd8/HdO2O7vYLi5k3JIiAK3UPK4U+kvJZyIUidsiXlzRI+Y2se3SGo0D8dLfhG95bKr6ukYXl60QHpsGRTfSiwdtvYKXGpKNrMlISJYd+oGrGRyI9gbCy0aFhc6I/okIMLeK4g9PgzpC3YTwhUQ98KIBNLWHgREfBgJxjPbxFlsgJ9ykPviLj8GKJ81HwsK3XM9P7WaS7fMGOt8h1kSqgkZQB9YqiIo+WhHvJa7iPy8QrYFKzx9BBEY6AwfStZAsXXz3LobZseyxsYcLJLs8rY0wVA9NPsxKrHGA==';

/** §2.4: a 503 response signed with test-key-ecc-p256, covering parts of the request with `req`. */
export const REQRES_RESPONSE: HttpResponseInput = {
  status: 503,
  headers: [
    ['Date', 'Tue, 20 Apr 2021 02:07:56 GMT'],
    ['Content-Type', 'application/json'],
    ['Content-Length', '62'],
    [
      'Signature-Input',
      'reqres=("@status" "content-length" "content-type" "signature";req;key="sig1" "@authority";req "@method";req);created=1618884479;keyid="test-key-ecc-p256"',
    ],
    ['Signature', 'reqres=:mh17P4TbYYBmBwsXPT4nsyVzW4Rp9Fb8WcvnfqKCQLoMvzOBLD/n32tL/GPW6XE5GAS5bdsg1khK6lBzV1Cx/Q==:'],
  ],
  body: '{"busy": true, "message": "Your call is very important to us"}',
  request: MULTI_CLIENT_REQUEST,
};

export const REQRES_BASE = [
  '"@status": 503',
  '"content-length": 62',
  '"content-type": application/json',
  `"signature";req;key="sig1": ${SIG1_VALUE}`,
  '"@authority";req: example.com',
  '"@method";req: POST',
  '"@signature-params": ("@status" "content-length" "content-type" "signature";req;key="sig1" "@authority";req "@method";req);created=1618884479;keyid="test-key-ecc-p256"',
].join('\n');

export function withSignature<M extends HttpRequestInput | HttpResponseInput>(message: M, vector: Vector): M {
  return {
    ...message,
    headers: [
      ...(message.headers as Array<[string, string]>),
      ['Signature-Input', vector.signatureInput],
      ['Signature', vector.signature],
    ],
  };
}
