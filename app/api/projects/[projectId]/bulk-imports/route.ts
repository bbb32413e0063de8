import { CsvRejectedError, decodeCsvFile } from "@/lib/domain/bulk-import-csv";
import { listBulkImports, startBulkImport } from "@/lib/domain/bulk-imports";
import { DomainError } from "@/lib/domain/errors";
import { portalHandler, type PortalContext } from "@/lib/portal/handler";
import { readUpload } from "@/lib/portal/streams";
import { MAX_IMPORT_BYTES } from "@/lib/schemas/bulk-imports";

type Params = { projectId: string };

async function authorizeImports({ params, authorizeNode }: PortalContext<Params>) {
  const access = await authorizeNode(params.projectId, "subproject.create");
  if (access.node.parentId) throw new DomainError("NOT_FOUND", "Not found");
}

/** The project's recent imports with their progress. */
export const GET = portalHandler<Params>(async (ctx) => {
  await authorizeImports(ctx);
  return { bulkImports: await listBulkImports(ctx.params.projectId) };
});

/**
 * Uploads a subproject CSV: the body is the file's bytes, `?fileName=` its name. 201 with a new
 * job, 200 with the earlier job when these exact bytes were uploaded before, 400 with
 * `rowErrors` (first 200) and `errorCount` when any row is invalid (nothing is queued).
 */
export const POST = portalHandler<Params>(
  async (ctx) => {
    await authorizeImports(ctx);
    const text = decodeCsvFile(await readUpload(ctx.request, MAX_IMPORT_BYTES));
    const fileName = new URL(ctx.request.url).searchParams.get("fileName") ?? "import.csv";
    try {
      const started = await startBulkImport(ctx.actor, ctx.params.projectId, fileName, text);
      return Response.json(started, { status: started.created ? 201 : 200 });
    } catch (error) {
      if (!(error instanceof CsvRejectedError)) throw error;
      return Response.json({ error: { code: error.code, message: error.message, fieldViolations: [], rowErrors: error.rowErrors, errorCount: error.errorCount } }, { status: 400 });
    }
  },
  // Validating and queueing 100,000 rows takes seconds, well past the default deadline for JSON calls.
  { rawBody: true, deadlineMs: 120_000 },
);
