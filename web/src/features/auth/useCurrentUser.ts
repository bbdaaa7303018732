import { type Me, useMe } from "./auth.api";

/** The logged-in user, for components rendered inside <RequireAuth>, which guarantees one exists. */
export function useCurrentUser(): Me {
  const me = useMe();
  if (!me.data) throw new Error("useCurrentUser outside RequireAuth");
  return me.data;
}
