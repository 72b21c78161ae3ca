// @ts-check
/**
 * The arrows of the architecture (docs: architecture spec, "The shape"), as an ALLOW-list: every import must match
 * one of the `allowed` rules below, anything else is an error ('not-in-allowed'). Paths are regexes on paths relative
 * to the directory depcruise runs from; packages show up as their resolved file under node_modules/, Node built-ins
 * as their bare name (fs, node:fs …), which no rule below allows for rules/ or cards/.
 *
 * - rules/  the pure domain: itself, json-rules-engine (the rule engine it wraps), ajv (validating the rule files
 *           against their schemas) and fastest-levenshtein (edit distance, for "did you mean" on a mistyped
 *           command). Nothing else: no bot/, no cards/, no Node built-ins (file system, network,
 *           processes, os, crypto's randomness are the world; time and configuration are passed in), no SDKs or
 *           adapters' libraries (botbuilder, restify, @azure/*, pino, croner …). That keeps it fast to test and
 *           portable to another chat SDK.
 * - cards/  card templates (JSON in cards/templates) and pure mappings from outcomes to cards: itself, rules/ (types
 *           and pure helpers) and adaptivecards-templating. No bot/, no SDKs, no built-ins.
 * - bot/    the adapters to the outside world: anything, except test/.
 * - test/   anything.
 * Type-only imports count too (tsPreCompilationDeps), so `import type` cannot smuggle an SDK into the domain.
 *
 * Circular dependencies are errors everywhere (bot/ included).
 *
 * test/architecture/dependency-rules.test.ts proves these rules catch the violations they are meant to.
 */

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  allowed: [
    {
      comment: 'rules/ (the domain) imports itself, its rules library and pure helpers only.',
      from: { path: '^rules/' },
      to: {
        path: [
          '^rules/',
          '^node_modules/json-rules-engine/',
          '^node_modules/ajv/',
          '^node_modules/fastest-levenshtein/',
        ],
      },
    },
    {
      comment: 'cards/ imports itself (including its JSON templates), the domain and the templating library only.',
      from: { path: '^cards/' },
      to: { path: ['^cards/', '^rules/', '^node_modules/adaptivecards-templating/'] },
    },
    {
      comment: 'bot/ is the adapters: anything but the tests.',
      from: { path: '^bot/' },
      to: { pathNot: '^test/' },
    },
    {
      comment: 'test/ may import anything.',
      from: { path: '^test/' },
      to: {},
    },
  ],
  allowedSeverity: 'error',
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle between files makes the order of loading matter and the parts impossible to take apart.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve would slip past the allow-list (it is matched by its bare name).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Resolve packages through their package.json "exports" (ESM-only packages such as dependency-cruiser have no
    // other way to reach their subpaths), with the conditions dependency-cruiser's own --init proposes.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
