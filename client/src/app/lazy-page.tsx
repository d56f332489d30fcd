import {
  Component,
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  Suspense,
} from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A route's page, loaded with its own script chunk the first time it is opened (decision record 023). The page
 * modules export named components, so the loader picks the export by name.
 */
export function lazyPage<M extends Record<K, ComponentType>, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}

function PageLoading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="page-status">
      {t('app.loadingPage')}
    </p>
  );
}

function PageLoadFailed() {
  const { t } = useTranslation();
  return (
    <div role="alert" className="page-status">
      <p>{t('app.pageLoadFailed')}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}

/**
 * Catches a page chunk that cannot be fetched: the network dropped, or a new release replaced the hashed files the
 * open tab still refers to. Either way a reload is what helps, so that is what it offers. Errors thrown while a
 * page renders are not swallowed here: only a failed dynamic import is caught.
 */
class ChunkBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (isChunkLoadError(error)) return <PageLoadFailed />;
    // Not ours to handle: thrown again from render, it reaches the boundary above, as if this one were not there.
    throw error;
  }
}

function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(
      error.message,
    )
  );
}

/** Shows what is happening while a page's script arrives, and what to do if it cannot. */
export function PageSuspense({ children }: { children: ReactNode }) {
  return (
    <ChunkBoundary>
      <Suspense fallback={<PageLoading />}>{children}</Suspense>
    </ChunkBoundary>
  );
}
