import { z } from "zod";
import { getCallbackConfiguration, updateCallbackConfiguration } from "@/lib/domain/number-callbacks";
import { releaseNumber, rentAnyNumber, rentNumber, updateActiveNumber } from "@/lib/domain/number-rentals";
import { checkAvailability, getActiveNumber, listActiveNumbers, listAvailableRegions, searchAvailableNumbers } from "@/lib/domain/numbers";
import { e164Schema, rentAnyNumberInput, rentNumberInput, updateActiveNumberInput, updateCallbackConfigurationInput } from "@/lib/schemas/numbers";
import { nodeIdSchema } from "@/lib/schemas/projects";
import { defineOperation } from "../operation";
import {
  ActiveNumberSchema,
  AvailableNumberSchema,
  AvailableRegionSchema,
  CallbackConfigurationSchema,
  activeNumbersQuery,
  availableNumbersQuery,
  availableRegionsQuery,
  wireActiveNumber,
  wireAvailableNumber,
  wireAvailableRegion,
  wireCallbackConfiguration,
} from "../wire/numbers";

const projectParams = z.object({ projectId: nodeIdSchema });
const numberParams = projectParams.extend({ phoneNumber: e164Schema });
// Resource calls: a subproject's key reaches its own numbers only; a suspended node serves none.
const target = { param: "projectId", unreachable: "PERMISSION_DENIED" } as const;
const tag = "Numbers";

export const numberOperations = [
  defineOperation({
    id: "listAvailableRegions",
    method: "GET",
    path: "/projects/{projectId}/availableRegions",
    summary: "List the regions numbers are offered in, optionally only for some number types",
    tag,
    params: projectParams,
    query: availableRegionsQuery,
    response: z.object({ availableRegions: z.array(AvailableRegionSchema) }),
    target,
    async handle({ query }) {
      return { body: { availableRegions: (await listAvailableRegions(query)).map(wireAvailableRegion) } };
    },
  }),
  defineOperation({
    id: "listAvailableNumbers",
    method: "GET",
    path: "/projects/{projectId}/availableNumbers",
    summary: "Search numbers in stock by region, type, digit pattern and capabilities (at most 100)",
    tag,
    params: projectParams,
    query: availableNumbersQuery,
    response: z.object({ availableNumbers: z.array(AvailableNumberSchema) }),
    target,
    async handle({ params, query }) {
      return { body: { availableNumbers: (await searchAvailableNumbers(params.projectId, query)).map(wireAvailableNumber) } };
    },
  }),
  defineOperation({
    id: "getAvailableNumber",
    method: "GET",
    path: "/projects/{projectId}/availableNumbers/{phoneNumber}",
    summary: "Check whether one number is available, with its prices",
    tag,
    params: numberParams,
    response: AvailableNumberSchema,
    target,
    async handle({ params }) {
      return { body: wireAvailableNumber(await checkAvailability(params.projectId, params.phoneNumber)) };
    },
  }),
  defineOperation({
    id: "rentNumber",
    method: "POST",
    path: "/projects/{projectId}/availableNumbers/{phoneNumber}:rent",
    summary: "Rent one available number into the project or subproject",
    tag,
    params: numberParams,
    body: rentNumberInput,
    response: ActiveNumberSchema,
    target,
    async handle({ params, body, actor }) {
      return { body: wireActiveNumber(await rentNumber(actor, params.projectId, params.phoneNumber, body)) };
    },
  }),
  defineOperation({
    id: "rentAnyNumber",
    method: "POST",
    path: "/projects/{projectId}/availableNumbers:rentAny",
    summary: "Rent the first available number matching region, type, pattern and capabilities",
    tag,
    params: projectParams,
    body: rentAnyNumberInput,
    response: ActiveNumberSchema,
    target,
    async handle({ params, body, actor }) {
      return { body: wireActiveNumber(await rentAnyNumber(actor, params.projectId, body)) };
    },
  }),
  defineOperation({
    id: "listActiveNumbers",
    method: "GET",
    path: "/projects/{projectId}/activeNumbers",
    summary: "List the numbers a project or subproject rents (token pagination, with totalSize)",
    tag,
    params: projectParams,
    query: activeNumbersQuery,
    response: z.object({ activeNumbers: z.array(ActiveNumberSchema), nextPageToken: z.string(), totalSize: z.number().int() }),
    target,
    async handle({ params, query }) {
      const page = await listActiveNumbers(params.projectId, query);
      return { body: { activeNumbers: page.activeNumbers.map(wireActiveNumber), nextPageToken: page.nextPageToken, totalSize: page.totalSize } };
    },
  }),
  defineOperation({
    id: "getActiveNumber",
    method: "GET",
    path: "/projects/{projectId}/activeNumbers/{phoneNumber}",
    summary: "Get a rented number",
    tag,
    params: numberParams,
    response: ActiveNumberSchema,
    target,
    async handle({ params }) {
      return { body: wireActiveNumber(await getActiveNumber(params.projectId, params.phoneNumber)) };
    },
  }),
  defineOperation({
    id: "updateActiveNumber",
    method: "PATCH",
    path: "/projects/{projectId}/activeNumbers/{phoneNumber}",
    summary: "Change a rented number's display name, SMS / voice configuration or callback URL",
    tag,
    params: numberParams,
    body: updateActiveNumberInput,
    response: ActiveNumberSchema,
    target,
    async handle({ params, body, actor }) {
      return { body: wireActiveNumber(await updateActiveNumber(actor, params.projectId, params.phoneNumber, body)) };
    },
  }),
  defineOperation({
    id: "releaseNumber",
    method: "POST",
    path: "/projects/{projectId}/activeNumbers/{phoneNumber}:release",
    summary: "Release a rented number back to inventory",
    tag,
    params: numberParams,
    response: ActiveNumberSchema,
    target,
    async handle({ params, actor }) {
      return { body: wireActiveNumber(await releaseNumber(actor, params.projectId, params.phoneNumber)) };
    },
  }),
  defineOperation({
    id: "getCallbackConfiguration",
    method: "GET",
    path: "/projects/{projectId}/callbackConfiguration",
    summary: "Get the HMAC secret Numbers callbacks are signed with",
    tag,
    params: projectParams,
    response: CallbackConfigurationSchema,
    target,
    async handle({ params }) {
      return { body: wireCallbackConfiguration(await getCallbackConfiguration(params.projectId)) };
    },
  }),
  defineOperation({
    id: "updateCallbackConfiguration",
    method: "PATCH",
    path: "/projects/{projectId}/callbackConfiguration",
    summary: "Set the HMAC secret Numbers callbacks are signed with",
    tag,
    params: projectParams,
    body: updateCallbackConfigurationInput,
    response: CallbackConfigurationSchema,
    target,
    async handle({ params, body, actor }) {
      return { body: wireCallbackConfiguration(await updateCallbackConfiguration(actor, params.projectId, body)) };
    },
  }),
];
