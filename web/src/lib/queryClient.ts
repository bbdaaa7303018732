import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { meQueryKey } from "../features/auth/auth.api";
import i18n from "../i18n";
import { isApiError } from "./api";
import { notifyError } from "./notify";

/** Created once; the 401 handlers need it, so they cannot live inside React. */
export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => sessionMayHaveEnded(error),
  }),
  mutationCache: new MutationCache({
    onError: (error) => sessionMayHaveEnded(error),
  }),
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again; network blips and 5xx might.
      retry: (failures, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/**
 * A request refused as UNAUTHENTICATED means the session expired or was revoked (disabled account,
 * second factor reset): mark the user as logged out, and the /app guard sends them to the login page.
 * Login's own failures (wrong password, wrong code) carry other codes.
 */
function sessionMayHaveEnded(error: unknown): void {
  if (!isApiError(error) || error.status !== 401 || error.code !== "UNAUTHENTICATED") return;
  if (!queryClient.getQueryData(meQueryKey)) return;
  queryClient.setQueryData(meQueryKey, null);
  notifyError(i18n.t("auth.sessionExpired"));
}
