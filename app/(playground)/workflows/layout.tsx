import type { ReactNode } from "react";
import { ToastProvider } from "@/components/gallery/toast-provider";

/** One toast area for the workflow pages ("Saved as v2" outlives the re-render it causes). */
export default function WorkflowsLayout({ children }: { children: ReactNode }) {
  return <ToastProvider>{children}</ToastProvider>;
}
