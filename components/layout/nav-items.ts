import { ChatIcon, GalleryIcon, ModelsIcon, WorkflowIcon } from "../ui/icons";

export const NAV_ITEMS = [
  { href: "/models", label: "Models", icon: ModelsIcon },
  { href: "/chat", label: "Chat", icon: ChatIcon },
  { href: "/workflows", label: "Workflows", icon: WorkflowIcon },
  { href: "/gallery", label: "Gallery", icon: GalleryIcon },
] as const;
