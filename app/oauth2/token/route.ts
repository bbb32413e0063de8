import { tokenEndpoint } from "@/lib/api/oauth";

export const POST = tokenEndpoint;
