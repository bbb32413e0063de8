import Link from "next/link";

/** The one "not here" page: unknown IDs and nodes the user may not read look exactly alike. */
export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-slate-600">It does not exist, or you do not have access to it.</p>
      <Link href="/" className="mt-2 text-brand-600 hover:underline">
        Back to the dashboard
      </Link>
    </main>
  );
}
