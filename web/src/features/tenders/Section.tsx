import { Paper, Stack, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A titled card of a page, named by its heading for assistive technology (and tests). */
export function Section({ id, title, children, testId, aside }: { id: string; title: string; children: ReactNode; testId?: string; aside?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p={{ base: "sm", sm: "lg" }} component="section" aria-labelledby={id} data-testid={testId}>
      <Stack gap="sm">
        {aside ? (
          <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", gap: "var(--mantine-spacing-xs)", flexWrap: "wrap" }}>
            <Title order={2} size="h3" id={id}>
              {title}
            </Title>
            {aside}
          </div>
        ) : (
          <Title order={2} size="h3" id={id}>
            {title}
          </Title>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
