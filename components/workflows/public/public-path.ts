export type PublicRef = { nickname: string; slug: string; versionId: string };

/** Our public page of a shared workflow version. */
export function publicPagePath({ nickname, slug, versionId }: PublicRef): string {
  const e = encodeURIComponent;
  return `/w/${e(nickname)}/${e(slug)}/${e(versionId)}`;
}
