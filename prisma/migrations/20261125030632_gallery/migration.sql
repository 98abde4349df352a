-- DropIndex
DROP INDEX "Asset_userId_createdAt_idx";

-- AlterTable
ALTER TABLE "Asset" ADD COLUMN     "cost" DOUBLE PRECISION,
ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "durationMs" INTEGER,
ADD COLUMN     "favorite" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "height" INTEGER,
ADD COLUMN     "inputs" JSONB,
ADD COLUMN     "modelSlug" TEXT,
ADD COLUMN     "previews" JSONB,
ADD COLUMN     "prompt" TEXT,
ADD COLUMN     "shareHidePrompt" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "shareId" TEXT,
ADD COLUMN     "sharedAt" TIMESTAMP(3),
ADD COLUMN     "title" TEXT,
ADD COLUMN     "width" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "Asset_shareId_key" ON "Asset"("shareId");

-- CreateIndex
CREATE INDEX "Asset_userId_createdAt_id_idx" ON "Asset"("userId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Asset_userId_kind_createdAt_idx" ON "Asset"("userId", "kind", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Asset_userId_modelSlug_createdAt_idx" ON "Asset"("userId", "modelSlug", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Asset_userId_source_createdAt_idx" ON "Asset"("userId", "source", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Asset_deletedAt_idx" ON "Asset"("deletedAt");


-- Backfill what the gallery filters and names downloads by, from each asset's run.
UPDATE "Asset" AS a
SET "modelSlug" = r."modelSlug",
    "prompt" = COALESCE(r."input"->>'prompt', r."input"->>'text'),
    "inputs" = r."input",
    "cost" = r."cost"
FROM "Run" AS r
WHERE a."runId" = r."id";
