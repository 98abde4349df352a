import type { ReactNode } from "react";
import { ToastProvider } from "@/components/gallery/toast-provider";

/** One toast area for the gallery's pages, so an Undo offered on an asset page survives the
 *  trip back to the grid. */
export default function GalleryLayout({ children }: { children: ReactNode }) {
  return <ToastProvider>{children}</ToastProvider>;
}
