"use client";

import type { AssetView } from "@/lib/shared/asset-types";
import { assetCaption, KIND_LABELS } from "./asset-label";
import { AudioViewer } from "./audio-viewer";
import { ImageViewer } from "./image-viewer";
import { TextViewer } from "./text-viewer";
import { FileIcon } from "../ui/icons";

/** The asset itself, full size: image, video or audio player, text, or a file link. */
export function AssetMedia({ asset }: { asset: AssetView }) {
  const label = `${KIND_LABELS[asset.kind]}: ${assetCaption(asset)}`;
  switch (asset.kind) {
    case "image":
      return <ImageViewer asset={asset} alt={label} />;
    case "video":
      return (
        <video
          src={asset.fileUrl}
          poster={asset.previewUrl ?? asset.thumbUrl ?? undefined}
          controls
          playsInline
          preload="metadata"
          aria-label={label}
          className="max-h-[75vh] w-full rounded-xl border border-border bg-black"
        />
      );
    case "audio":
      return <AudioViewer asset={asset} label={label} />;
    case "text":
      return <TextViewer asset={asset} />;
    default:
      return (
        <div className="flex items-center gap-3 rounded-xl border border-border bg-card p-6">
          <FileIcon width={28} height={28} className="text-muted-foreground" />
          <div>
            <p className="font-medium">{asset.contentType}</p>
            <a href={asset.downloadUrl} download className="text-sm text-primary underline">
              Download the file
            </a>
          </div>
        </div>
      );
  }
}
