import { notifications } from "@mantine/notifications";

export function notifySuccess(message: string): void {
  notifications.show({ color: "teal", message, withBorder: true });
}

export function notifyError(message: string): void {
  notifications.show({ color: "red", message, withBorder: true, autoClose: 8000 });
}
