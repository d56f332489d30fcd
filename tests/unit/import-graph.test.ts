import { existsSync } from 'node:fs';
import path from 'node:path';
import { API } from 'typescript/unstable/sync';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The shape of the code, as a test (issue 16; decision record "module boundaries"):
 * (a) no import cycle between the server's modules (the first folder under server/src/modules);
 * (b) a file of module A imports from module B only B's service (`B/*.service.ts`, or `B/index.ts` when that
 *     only re-exports the service) or anything in `case-core`; a router is imported only by the app router;
 * (c) a folder of client/src/features never imports another one (shared pieces live in components/, hooks/
 *     or lib/).
 * The graph comes from the TypeScript compiler's own parse of both projects, type-only imports included.
 */

/** file (repo-relative, '/'-separated) -> the repo files it imports */
type ImportGraph = ReadonlyMap<string, readonly string[]>;

const MODULES = 'server/src/modules/';
const FEATURES = 'client/src/features/';
const APP_ROUTER = 'server/src/trpc/router.ts';
/** Any file of the case kernel may be used by every module (issue 16: "through its service (or case-core)"). */
const OPEN_MODULES = new Set(['case-core']);

function moduleOf(file: string): string | undefined {
  return file.startsWith(MODULES) ? file.slice(MODULES.length).split('/')[0] : undefined;
}

function featureOf(file: string): string | undefined {
  return file.startsWith(FEATURES) ? file.slice(FEATURES.length).split('/')[0] : undefined;
}

const isRouter = (file: string) => file.endsWith('.router.ts');

function isServiceFile(file: string, module: string): boolean {
  const rest = file.slice(MODULES.length + module.length + 1);
  return !rest.includes('/') && rest.endsWith('.service.ts');
}

/** `B/index.ts` is a door into B only while everything it imports is B's service. */
function isServiceIndex(file: string, module: string, graph: ImportGraph): boolean {
  if (file !== `${MODULES}${module}/index.ts`) return false;
  return (graph.get(file) ?? []).every((target) => isServiceFile(target, module));
}

/** Rules (b) and (c): one line per offending import, `from -> to  (why)`. */
function boundaryViolations(graph: ImportGraph): string[] {
  const violations: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      if (isRouter(to) && to.startsWith(MODULES) && from !== APP_ROUTER) {
        violations.push(`${from} -> ${to}  (a router is imported only by ${APP_ROUTER})`);
        continue;
      }
      const source = moduleOf(from);
      const target = moduleOf(to);
      if (source !== undefined && target !== undefined && source !== target && !OPEN_MODULES.has(target)) {
        if (!isServiceFile(to, target) && !isServiceIndex(to, target, graph)) {
          violations.push(
            `${from} -> ${to}  (module ${source} reaches into ${target}: use ${target}'s service)`,
          );
        }
      }
      const fromFeature = featureOf(from);
      const toFeature = featureOf(to);
      if (fromFeature !== undefined && toFeature !== undefined && fromFeature !== toFeature) {
        violations.push(
          `${from} -> ${to}  (feature ${fromFeature} imports feature ${toFeature}: move the shared piece to components/, hooks/ or lib/)`,
        );
      }
    }
  }
  return violations.sort();
}

/** Rule (a): each import cycle between modules, with the imports that close it. */
function moduleCycles(graph: ImportGraph): string[] {
  const edges = new Map<string, Map<string, string[]>>();
  for (const [from, targets] of graph) {
    const source = moduleOf(from);
    if (source === undefined) continue;
    for (const to of targets) {
      const target = moduleOf(to);
      if (target === undefined || target === source) continue;
      const bySource = edges.get(source) ?? new Map<string, string[]>();
      edges.set(source, bySource);
      bySource.set(target, [...(bySource.get(target) ?? []), `${from} -> ${to}`]);
    }
  }
  // Tarjan's strongly connected components over the module graph.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (module: string) => {
    index.set(module, index.size);
    low.set(module, index.get(module)!);
    stack.push(module);
    onStack.add(module);
    for (const next of edges.get(module)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(module, Math.min(low.get(module)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(module, Math.min(low.get(module)!, index.get(next)!));
      }
    }
    if (low.get(module) === index.get(module)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== module);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const module of [...edges.keys()].sort()) if (!index.has(module)) visit(module);
  return components.map((component) => {
    const inside = component.flatMap((source) =>
      component.flatMap((target) => edges.get(source)?.get(target) ?? []),
    );
    return `cycle between ${component.join(', ')}:\n    ${inside.sort().join('\n    ')}`;
  });
}

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe('the import-graph rules (self-check on a made-up graph)', () => {
  const m = (file: string) => `${MODULES}${file}`;
  const f = (file: string) => `${FEATURES}${file}`;

  it('lets a module use another through its service, its service-only index, or case-core', () => {
    const graph = graphOf({
      [m('a/a.service.ts')]: [m('b/b.service.ts'), m('c/index.ts'), m('case-core/with-case.ts')],
      [m('c/index.ts')]: [m('c/c.service.ts')],
      [m('a/helper.ts')]: [m('a/a.service.ts')],
      [APP_ROUTER]: [m('a/a.router.ts')],
    });
    expect(boundaryViolations(graph)).toEqual([]);
    expect(moduleCycles(graph)).toEqual([]);
  });

  it('names each import of another module’s internals, of a router, or of another feature', () => {
    const graph = graphOf({
      [m('a/a.service.ts')]: [m('b/b.queries.ts'), m('c/index.ts'), m('b/nested/x.service.ts')],
      [m('c/index.ts')]: [m('c/c.queries.ts')],
      [m('a/a.router.ts')]: [m('a/other.router.ts')],
      [f('ladder/page.tsx')]: [f('admin/hooks/use-portfolio.ts'), f('ladder/row.tsx'), 'client/src/lib/x.ts'],
    });
    expect(boundaryViolations(graph).map((line) => line.split('  (')[0])).toEqual([
      `${f('ladder/page.tsx')} -> ${f('admin/hooks/use-portfolio.ts')}`,
      `${m('a/a.router.ts')} -> ${m('a/other.router.ts')}`,
      `${m('a/a.service.ts')} -> ${m('b/b.queries.ts')}`,
      `${m('a/a.service.ts')} -> ${m('b/nested/x.service.ts')}`,
      `${m('a/a.service.ts')} -> ${m('c/index.ts')}`,
    ]);
  });

  it('finds a cycle between modules even when every step goes through a service', () => {
    const graph = graphOf({
      [m('a/a.service.ts')]: [m('b/b.service.ts')],
      [m('b/b.service.ts')]: [m('c/c.service.ts')],
      [m('c/c.service.ts')]: [m('a/a.service.ts')],
      [m('d/d.service.ts')]: [m('a/a.service.ts')],
    });
    expect(moduleCycles(graph)).toEqual([
      `cycle between a, b, c:\n    ${m('a/a.service.ts')} -> ${m('b/b.service.ts')}\n    ${m('b/b.service.ts')} -> ${m('c/c.service.ts')}\n    ${m('c/c.service.ts')} -> ${m('a/a.service.ts')}`,
    ]);
  });
});

const repo = path.resolve(import.meta.dirname, '../..');

/** Resolves what the projects write (relative paths with extensions, `@arrears/<package>/<path>`) to a repo file. */
function resolveImport(fromAbsolute: string, specifier: string): string | undefined {
  let base: string | undefined;
  if (specifier.startsWith('.')) base = path.resolve(path.dirname(fromAbsolute), specifier);
  const workspace = /^@arrears\/(server|shared)\/(.+)$/.exec(specifier);
  if (workspace) base = path.join(repo, workspace[1]!, 'src', workspace[2]!);
  if (base === undefined) return undefined; // a package from node_modules
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, 'index.ts'),
    path.join(base, 'index.tsx'),
  ];
  const found = candidates.find((candidate) => /\.tsx?$/.test(candidate) && existsSync(candidate));
  return found === undefined ? undefined : path.relative(repo, found).split(path.sep).join('/');
}

function loadGraph(): ImportGraph {
  const api = new API({ cwd: repo });
  try {
    const configs = ['tsconfig.json', 'client/tsconfig.json'].map((config) => path.join(repo, config));
    const snapshot = api.updateSnapshot({ openProjects: configs });
    const graph = new Map<string, string[]>();
    for (const config of configs) {
      const project = snapshot.getProject(config);
      if (!project) throw new Error(`TypeScript did not load ${config}`);
      for (const fileName of project.program.getSourceFileNames()) {
        const file = path.relative(repo, fileName).split(path.sep).join('/');
        if (!file.startsWith('server/src/') && !file.startsWith('client/src/')) continue;
        const sourceFile = project.program.getSourceFile(fileName);
        if (!sourceFile) throw new Error(`TypeScript has no parse of ${file}`);
        const targets = sourceFile.imports
          .map((specifier) => resolveImport(fileName, (specifier as unknown as { text: string }).text))
          .filter((target): target is string => target !== undefined);
        graph.set(file, [...new Set(targets)]);
      }
    }
    return graph;
  } finally {
    api.close();
  }
}

describe('the import graph of server/src/modules and client/src/features', () => {
  let graph: ImportGraph;
  beforeAll(() => {
    graph = loadGraph();
  }, 60_000);

  it('is read in full (a parse that found nothing would pass everything)', () => {
    const moduleFiles = [...graph.keys()].filter((file) => moduleOf(file) !== undefined);
    const featureFiles = [...graph.keys()].filter((file) => featureOf(file) !== undefined);
    expect(moduleFiles.length).toBeGreaterThan(50);
    expect(featureFiles.length).toBeGreaterThan(50);
    expect(graph.get(APP_ROUTER)).toContain(`${MODULES}auth/auth.router.ts`);
    // a dynamic import() counts too: the client's routes load every page that way
    expect(graph.get('client/src/app/routes.tsx')).toContain(`${FEATURES}case/components/case-page.tsx`);
  });

  it('has no import cycle between modules', () => {
    const cycles = moduleCycles(graph);
    expect(cycles, `\n${cycles.join('\n')}\n`).toEqual([]);
  });

  it('reaches another module only through its service (or case-core); features do not import each other', () => {
    const violations = boundaryViolations(graph);
    expect(violations, `${violations.length} imports cross a boundary:\n${violations.join('\n')}\n`).toEqual(
      [],
    );
  });
});
