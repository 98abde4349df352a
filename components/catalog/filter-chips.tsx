import type { MediaKind } from "@/lib/shared/catalog-types";
import { MEDIA_KIND_LABELS } from "@/lib/shared/model-kinds";
import { ToggleChips } from "../ui/toggle-chips";
import { KindIcon } from "./kind-icons";

/** A labelled row of toggle buttons, one per media kind ("Makes: Image Video Audio Text"). */
export function FilterChips({
  label,
  kinds,
  selected,
  onToggle,
}: {
  label: string;
  kinds: readonly MediaKind[];
  selected: readonly MediaKind[];
  onToggle: (kind: MediaKind) => void;
}) {
  const options = kinds.map((kind) => ({
    value: kind,
    label: MEDIA_KIND_LABELS[kind],
    // Icons only where four chips and the label fit on one line with them.
    icon: <KindIcon kind={kind} width={16} height={16} className="hidden sm:block" />,
  }));
  return (
    <ToggleChips
      label={label}
      options={options}
      selected={selected}
      onToggle={onToggle}
      labelClassName="w-14"
    />
  );
}
