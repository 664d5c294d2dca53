// har-validator ships no types; the tests use its promise API only.
declare module 'har-validator' {
  const validate: { har(data: unknown): Promise<unknown> };
  export default validate;
}
