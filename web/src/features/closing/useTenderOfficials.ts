import { useMe } from "../auth/auth.api";
import { usePackages } from "../packages/packages.api";

/**
 * The package's PPK and the PA/KPA of its agency, recognised by the packages the API lists for them (as
 * the committee's "manage" link is), and the re-tender package made from this tender, if the list holds it.
 */
export function useTenderOfficials(code: string) {
  const user = useMe().data ?? null;
  const packages = usePackages(user?.role === "ppk" || user?.role === "pa_kpa");
  const own = packages.data?.find((p) => p.tenderCode === code);
  return {
    isPpk: user?.role === "ppk" && own?.ppkId === user.id,
    isKpa: user?.role === "pa_kpa" && own !== undefined,
    retender: packages.data?.find((p) => p.retenderOf?.tenderCode === code) ?? null,
  };
}
