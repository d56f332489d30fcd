/**
 * TEMPORARY door for the modules of the case-kernel rewrite, which still import this path: other modules use
 * cases.service.ts. Delete this file when PENDING_KERNEL_REWRITE (tests/unit/import-graph.test.ts) is emptied.
 */
export { caseScope, caseScopeTemplate, findCaseInScope } from './cases.service.ts';
