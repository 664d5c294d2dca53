// draft-cavage-http-signatures-12 Appendix C: the "Test" key, the request and the published signatures
// (RSASSA-PKCS1-v1_5 is deterministic, so they can be reproduced exactly). Test use only.
import type { HttpRequestInput } from '../message.ts';

export const CAVAGE_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDCFENGw33yGihy92pDjZQhl0C3
6rPJj+CvfSC8+q28hxA161QFNUd13wuCTUcq0Qd2qsBe/2hFyc2DCJJg0h1L78+6
Z4UMR7EOcpfdUE9Hf3m/hs+FUR45uBJeDK1HSFHD8bHKD6kv8FPGfJTotc+2xjJw
oYi+1hqp1fIekaxsyQIDAQAB
-----END PUBLIC KEY-----`;

export const CAVAGE_PRIVATE_KEY = `-----BEGIN RSA PRIVATE KEY-----
MIICXgIBAAKBgQDCFENGw33yGihy92pDjZQhl0C36rPJj+CvfSC8+q28hxA161QF
NUd13wuCTUcq0Qd2qsBe/2hFyc2DCJJg0h1L78+6Z4UMR7EOcpfdUE9Hf3m/hs+F
UR45uBJeDK1HSFHD8bHKD6kv8FPGfJTotc+2xjJwoYi+1hqp1fIekaxsyQIDAQAB
AoGBAJR8ZkCUvx5kzv+utdl7T5MnordT1TvoXXJGXK7ZZ+UuvMNUCdN2QPc4sBiA
QWvLw1cSKt5DsKZ8UETpYPy8pPYnnDEz2dDYiaew9+xEpubyeW2oH4Zx71wqBtOK
kqwrXa/pzdpiucRRjk6vE6YY7EBBs/g7uanVpGibOVAEsqH1AkEA7DkjVH28WDUg
f1nqvfn2Kj6CT7nIcE3jGJsZZ7zlZmBmHFDONMLUrXR/Zm3pR5m0tCmBqa5RK95u
412jt1dPIwJBANJT3v8pnkth48bQo/fKel6uEYyboRtA5/uHuHkZ6FQF7OUkGogc
mSJluOdc5t6hI1VsLn0QZEjQZMEOWr+wKSMCQQCC4kXJEsHAve77oP6HtG/IiEn7
kpyUXRNvFsDE0czpJJBvL/aRFUJxuRK91jhjC68sA7NsKMGg5OXb5I5Jj36xAkEA
gIT7aFOYBFwGgQAQkWNKLvySgKbAZRTeLBacpHMuQdl1DfdntvAyqpAZ0lY0RKmW
G6aFKaqQfOXKCyWoUiVknQJAXrlgySFci/2ueKlIE1QqIiLSZ8V8OlpFLRnb1pzI
7U1yQXnTAEFYM560yJlzUpOb1V4cScGd365tiSMvxLOvTA==
-----END RSA PRIVATE KEY-----`;

export const CAVAGE_REQUEST: HttpRequestInput = {
  method: 'POST',
  url: 'http://example.com/foo?param=value&pet=dog',
  headers: [
    ['Host', 'example.com'],
    ['Date', 'Sun, 05 Jan 2014 21:31:40 GMT'],
    ['Content-Type', 'application/json'],
    ['Digest', 'SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE='],
    ['Content-Length', '18'],
  ],
  body: '{"hello": "world"}',
};

export const C1_DEFAULT = {
  signingString: 'date: Sun, 05 Jan 2014 21:31:40 GMT',
  header:
    'keyId="Test",algorithm="rsa-sha256",signature="SjWJWbWN7i0wzBvtPl8rbASWz5xQW6mcJmn+ibttBqtifLN7Sazz6m79cNfwwb8DMJ5cou1s7uEGKKCs+FLEEaDV5lp7q25WqS+lavg7T8hc0GppauB6hbgEKTwblDHYGEtbGmtdHgVCk9SuS13F0hZ8FD0k/5OxEPXe5WozsbM="',
};

export const C2_BASIC = {
  headers: ['(request-target)', 'host', 'date'],
  signingString:
    '(request-target): post /foo?param=value&pet=dog\nhost: example.com\ndate: Sun, 05 Jan 2014 21:31:40 GMT',
  header:
    'keyId="Test",algorithm="rsa-sha256",headers="(request-target) host date",signature="qdx+H7PHHDZgy4y/Ahn9Tny9V3GP6YgBPyUXMmoxWtLbHpUnXS2mg2+SbrQDMCJypxBLSPQR2aAjn7ndmw2iicw3HMbe8VfEdKFYRqzic+efkb3nndiv/x1xSHDJWeSWkx3ButlYSuBskLu6kd9Fswtemr3lgdDEmn04swr2Os0="',
};

export const C3_ALL_HEADERS = {
  headers: ['(request-target)', 'host', 'date', 'content-type', 'digest', 'content-length'],
  signingString:
    '(request-target): post /foo?param=value&pet=dog\nhost: example.com\ndate: Sun, 05 Jan 2014 21:31:40 GMT\ncontent-type: application/json\ndigest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=\ncontent-length: 18',
  header:
    'keyId="Test",algorithm="rsa-sha256",headers="(request-target) host date content-type digest content-length",signature="vSdrb+dS3EceC9bcwHSo4MlyKS59iFIrhgYkz8+oVLEEzmYZZvRs8rgOp+63LEM3v+MFHB32NfpB2bEKBIvB1q52LaEUHFv120V01IL+TAD48XaERZFukWgHoBTLMhYS2Gb51gWxpeIq8knRmPnYePbF5MOkR0Zkly4zKH7s1dE="',
};

/**
 * C.3 as draft-12 prints it: created and expires were added to the example, with (created) and (expires)
 * in headers and in the signing string, but the signature value was kept from the earlier drafts, where
 * they were absent; and draft-12 §2.3 itself forbids them with rsa-sha256.
 */
export const C3_DRAFT12 = {
  created: 1402170695,
  expires: 1402170699,
  signingString:
    '(request-target): post /foo?param=value&pet=dog\n(created): 1402170695\n(expires): 1402170699\nhost: example.com\ndate: Sun, 05 Jan 2014 21:31:40 GMT\ncontent-type: application/json\ndigest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=\ncontent-length: 18',
  header:
    'keyId="Test",algorithm="rsa-sha256",created=1402170695, expires=1402170699,headers="(request-target) (created) (expires) host date content-type digest content-length",signature="vSdrb+dS3EceC9bcwHSo4MlyKS59iFIrhgYkz8+oVLEEzmYZZvRs8rgOp+63LEM3v+MFHB32NfpB2bEKBIvB1q52LaEUHFv120V01IL+TAD48XaERZFukWgHoBTLMhYS2Gb51gWxpeIq8knRmPnYePbF5MOkR0Zkly4zKH7s1dE="',
};

/**
 * A known answer for (created) and (expires) the way draft-12 allows them (hs2019), over the Appendix C
 * request, with RFC 9421's test-key-ed25519 (Ed25519 is deterministic). The signature was computed with
 * Node's crypto over the signing string below, independently of this code.
 */
export const CREATED_EXPIRES_KAT = {
  keyId: 'test-key-ed25519',
  algorithm: 'hs2019',
  created: 1402170695,
  expires: 1402170699,
  headers: ['(request-target)', '(created)', '(expires)', 'host', 'date', 'content-type', 'digest', 'content-length'],
  signingString: C3_DRAFT12.signingString,
  signature: '6Hb4c0cfpjc/0EJS5s5zUn/88E63ZaqcGUU7fr0FBiFUFHelT8I3CzFa8d22flXqaD+KFYdM4OnVhBQaSl4nDg==',
};
