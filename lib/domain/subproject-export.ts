import { stringify } from "csv-stringify/sync";
import { formatLabelList } from "./label-list";
import type { ProjectNode } from "./nodes";
import { listSubprojectsById } from "./tree";

/** The export's columns; `id`, `createTime` and `deleted` are informational and the importer accepts them. */
export const EXPORT_COLUMNS = ["id", "displayName", "labels", "createTime", "deleted"] as const;

// Excel reads a CSV as UTF-8 only with a byte-order mark; the importer strips it.
const BOM = "\uFEFF";

function toRecord(node: ProjectNode): string[] {
  return [node.id, node.displayName, formatLabelList(node.labels), node.createTime.toISOString(), node.deleted ? "true" : "false"];
}

/**
 * Every subproject of a project (deleted ones too, marked) as CSV text, one chunk per page of
 * `pageSize`. Keyset paging by ID keeps each query index-backed and memory bounded by one page,
 * however many subprojects there are; the caller has checked read access to the project.
 */
export async function* subprojectCsvChunks(projectId: string, pageSize = 1000): AsyncGenerator<string> {
  yield BOM + stringify([], { header: true, columns: [...EXPORT_COLUMNS] });
  let pageToken: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listSubprojectsById>> = await listSubprojectsById(projectId, { pageSize, pageToken, showDeleted: true });
    if (page.subprojects.length > 0) yield stringify(page.subprojects.map(toRecord));
    pageToken = page.nextPageToken || null;
  } while (pageToken);
}
