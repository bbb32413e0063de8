import { dispatch } from "./dispatch";
import { operations } from "./operations";
import { Router } from "./router";

const router = new Router(operations);

/**
 * Route handler for `/v1/[...path]` and its deprecated alias `/v1alpha1/[...path]`: custom
 * verbs (`…:rent`) cannot be folder names, so one catch-all routes the whole API family.
 */
export function v1RouteHandler(prefix: "/v1" | "/v1alpha1") {
  return async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    let path: string;
    try {
      // A path "+" is a literal plus (phone numbers are sent raw); decode the rest.
      path = decodeURIComponent(pathname.slice(prefix.length));
    } catch {
      path = "/\u0000invalid";
    }
    return dispatch(router, request, path);
  };
}
