import { Badge, createTheme, Input, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "react-router/dom";
import { queryClient } from "./lib/queryClient";
import classes from "./App.module.css";
import { router } from "./router";

const theme = createTheme({
  primaryColor: "blue",
  primaryShade: 8,
  defaultRadius: "md",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
  components: {
    // Role and status names are proper names ("PA/KPA", "Pokja Pemilihan"): keep their case. Without
    // upper case Chromium measures the label a pixel short and Mantine's ellipsis cut "Aktif" to "Ak…".
    Badge: Badge.extend({ defaultProps: { tt: "none" }, styles: { label: { overflow: "visible" } } }),
    // The asterisk is drawn by global.css instead, outside the label's text (see there).
    InputWrapper: Input.Wrapper.extend({ defaultProps: { withAsterisk: false } }),
  },
});

export function App() {
  return (
    // Light scheme fixed: Mantine's ColorSchemeScript would be an inline script, which the CSP forbids.
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" limit={4} classNames={{ root: classes.notifications }} />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
