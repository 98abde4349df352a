-- CreateEnum
CREATE TYPE "WorkflowVersionStatus" AS ENUM ('active', 'archived', 'deleted');

-- CreateEnum
CREATE TYPE "WorkflowExecutionStatus" AS ENUM ('queued', 'running', 'completed', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "Workflow" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "upstreamId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "categories" JSONB NOT NULL DEFAULT '[]',
    "latestVersionId" TEXT,
    "source" TEXT NOT NULL DEFAULT 'api',
    "senseSessionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Workflow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowVersion" (
    "id" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "definition" JSONB,
    "status" "WorkflowVersionStatus" NOT NULL DEFAULT 'active',
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "allowedToShare" BOOLEAN NOT NULL DEFAULT false,
    "publicUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkflowVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowExecution" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "workflowId" TEXT,
    "versionId" TEXT NOT NULL,
    "upstreamWorkflowId" TEXT NOT NULL,
    "workflowName" TEXT,
    "publicRef" TEXT,
    "upstreamExecutionId" TEXT,
    "bulkId" TEXT,
    "bulkIndex" INTEGER,
    "keySource" TEXT NOT NULL DEFAULT 'server',
    "status" "WorkflowExecutionStatus" NOT NULL DEFAULT 'queued',
    "inputs" JSONB NOT NULL,
    "definition" JSONB,
    "stepOutputs" JSONB NOT NULL DEFAULT '{}',
    "output" JSONB,
    "error" JSONB,
    "totalCost" DOUBLE PRECISION,
    "webhookSecret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "lastRefreshAt" TIMESTAMP(3),
    "outputsSavedAt" TIMESTAMP(3),

    CONSTRAINT "WorkflowExecution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowOutputFile" (
    "id" TEXT NOT NULL,
    "executionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "modelSlug" TEXT,
    "prompt" TEXT,
    "cost" DOUBLE PRECISION,
    "assetId" TEXT,
    "savedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "retryAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkflowOutputFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Workflow_userId_updatedAt_idx" ON "Workflow"("userId", "updatedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Workflow_userId_upstreamId_key" ON "Workflow"("userId", "upstreamId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowVersion_workflowId_versionId_key" ON "WorkflowVersion"("workflowId", "versionId");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowExecution_upstreamExecutionId_key" ON "WorkflowExecution"("upstreamExecutionId");

-- CreateIndex
CREATE INDEX "WorkflowExecution_userId_createdAt_idx" ON "WorkflowExecution"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "WorkflowExecution_workflowId_createdAt_idx" ON "WorkflowExecution"("workflowId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "WorkflowExecution_status_lastRefreshAt_idx" ON "WorkflowExecution"("status", "lastRefreshAt");

-- CreateIndex
CREATE INDEX "WorkflowOutputFile_savedAt_retryAt_idx" ON "WorkflowOutputFile"("savedAt", "retryAt");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowOutputFile_executionId_stepId_position_key" ON "WorkflowOutputFile"("executionId", "stepId", "position");

-- AddForeignKey
ALTER TABLE "Workflow" ADD CONSTRAINT "Workflow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowVersion" ADD CONSTRAINT "WorkflowVersion_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowExecution" ADD CONSTRAINT "WorkflowExecution_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowExecution" ADD CONSTRAINT "WorkflowExecution_workflowId_fkey" FOREIGN KEY ("workflowId") REFERENCES "Workflow"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkflowOutputFile" ADD CONSTRAINT "WorkflowOutputFile_executionId_fkey" FOREIGN KEY ("executionId") REFERENCES "WorkflowExecution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

