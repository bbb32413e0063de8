import { v1RouteHandler } from "@/lib/api/v1";

const handler = v1RouteHandler("/v1alpha1");
export { handler as GET, handler as POST, handler as PATCH, handler as DELETE, handler as PUT };
