"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";

/** Runs a mutation, then refreshes the server-rendered page and cached queries; keeps the error to show. */
export function useAction() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function run(mutation: () => Promise<unknown>): Promise<boolean> {
    setPending(true);
    setError(null);
    try {
      await mutation();
      await queryClient.invalidateQueries();
      router.refresh();
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    } finally {
      setPending(false);
    }
  }
  return { run, error, pending, setError };
}
