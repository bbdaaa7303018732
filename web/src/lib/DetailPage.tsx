import { Alert, Stack } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { isApiError } from "./api";
import { PageLoader } from "./PageLoader";
import { QueryError } from "./QueryError";

/**
 * The frame of a page about one record: a back link, a loader, "not found" for a 404 (or a malformed id's
 * 400), a retry for other failures, and the content once the record is there.
 */
export function DetailPage<T>({ query, back, notFound, children }: { query: UseQueryResult<T>; back: ReactNode; notFound: string; children: (data: T) => ReactNode }) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <Stack>
        {back}
        {isApiError(query.error) && (query.error.status === 404 || query.error.status === 400) ? (
          <Alert color="red">{notFound}</Alert>
        ) : (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Stack>
    );
  }
  return (
    <Stack gap="lg" maw={1040}>
      {back}
      {children(query.data)}
    </Stack>
  );
}
