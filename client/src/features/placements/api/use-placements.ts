import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useInvalidateOnSuccess } from '../../../hooks/use-invalidate.ts';
import { useTRPC } from '../../../lib/trpc.ts';

/** Portfolios (with their default team) and teams, for the import form. */
export function usePlacementOptionsQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.placements.options.queryOptions());
}

/** Past placement files, newest first. */
export function usePlacementListQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.placements.list.queryOptions({ limit: 50 }));
}

/** One page of a preview's row errors; the first page came with the preview itself. */
export function usePlacementErrorsQuery(token: string | null, page: number, pageSize: number) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.placements.errors.queryOptions({ token: token ?? '', page, pageSize }),
    enabled: token !== null,
    placeholderData: keepPreviousData,
  });
}

/** Reads and checks a file on the server without writing anything. */
export function usePreviewPlacement() {
  const trpc = useTRPC();
  return useMutation(trpc.placements.preview.mutationOptions());
}

/** Imports the previewed file; the list of past placements refreshes. */
export function useCommitPlacement() {
  const trpc = useTRPC();
  return useMutation(
    trpc.placements.commit.mutationOptions(
      useInvalidateOnSuccess(trpc.placements.list.queryKey(), trpc.placements.options.queryKey()),
    ),
  );
}
