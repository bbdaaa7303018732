import { createBrowserRouter } from "react-router";
import { AgenciesPage } from "./features/agencies/AgenciesPage";
import { AgencyCreatePage } from "./features/agencies/AgencyCreatePage";
import { AgencyDetailPage } from "./features/agencies/AgencyDetailPage";
import { LoginPage } from "./features/auth/LoginPage";
import { RequireAuth } from "./features/auth/RequireAuth";
import { RequirePermission } from "./features/auth/RequirePermission";
import { LogPage } from "./features/log/LogPage";
import { NotFoundPage } from "./features/NotFoundPage";
import { HomePage } from "./features/public/HomePage";
import { SettingsPage } from "./features/settings/SettingsPage";
import { SetupPage } from "./features/setup/SetupPage";
import { UserCreatePage } from "./features/users/UserCreatePage";
import { UsersPage } from "./features/users/UsersPage";
import { WorkspacePage } from "./features/workspace/WorkspacePage";
import { Shell } from "./layout/Shell";

/*
 * One bundle, no lazy routes: the admin pages add little, and a page that appears synchronously after a
 * click never shows the previous page's fields in the meantime.
 */
export const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { path: "/", element: <HomePage /> },
      { path: "/setup", element: <SetupPage /> },
      { path: "/login", element: <LoginPage /> },
      {
        path: "/app",
        element: <RequireAuth />,
        children: [
          { index: true, element: <WorkspacePage /> },
          {
            element: <RequirePermission permission="manageAgencies" />,
            children: [
              { path: "agencies", element: <AgenciesPage /> },
              { path: "agencies/new", element: <AgencyCreatePage /> },
              { path: "agencies/:agencyId", element: <AgencyDetailPage /> },
            ],
          },
          {
            element: <RequirePermission permission="manageUsers" />,
            children: [
              { path: "users", element: <UsersPage /> },
              { path: "users/new", element: <UserCreatePage /> },
            ],
          },
          {
            element: <RequirePermission permission="manageSettings" />,
            children: [{ path: "settings", element: <SettingsPage /> }],
          },
          // The signed tree head is public knowledge: every logged-in user may see it.
          { path: "log", element: <LogPage /> },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
