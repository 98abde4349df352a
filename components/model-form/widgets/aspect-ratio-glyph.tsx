/** A tiny frame in the proportions of "16:9", so ratios can be told apart at a glance. */
export function AspectRatioGlyph({ ratio }: { ratio: string }) {
  const [w, h] = ratio.split(":").map(Number);
  if (!w || !h) return null;
  const box = 14;
  const scale = box / Math.max(w, h);
  return (
    <span aria-hidden="true" className="inline-flex size-3.5 items-center justify-center">
      <span
        className="block rounded-[2px] border-[1.5px] border-current opacity-70"
        style={{ width: Math.max(4, w * scale), height: Math.max(4, h * scale) }}
      />
    </span>
  );
}
