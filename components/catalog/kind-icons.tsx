// Icons for the media kinds and the search box, drawn like components/ui/icons.tsx (stroke
// style, 24×24 grid). Kept here until another feature needs them; then they move to ui/.
import type { MediaKind } from "@/lib/shared/catalog-types";
import { GalleryIcon, Icon, type IconProps } from "../ui/icons";

const VideoIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="3" y="5" width="13" height="14" rx="2" />
    <path d="m16 10 5-3v10l-5-3" />
  </Icon>
);
const AudioIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M9 18V6l11-2v12" />
    <circle cx="6" cy="18" r="3" />
    <circle cx="17" cy="16" r="3" />
  </Icon>
);
const TextIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M4 6h16M4 12h16M4 18h10" />
  </Icon>
);

export const SearchIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="11" cy="11" r="7" />
    <path d="m20 20-3.5-3.5" />
  </Icon>
);

const KIND_ICONS = { image: GalleryIcon, video: VideoIcon, audio: AudioIcon, text: TextIcon };

export function KindIcon({ kind, ...props }: IconProps & { kind: MediaKind }) {
  const Component = KIND_ICONS[kind];
  return <Component {...props} />;
}
