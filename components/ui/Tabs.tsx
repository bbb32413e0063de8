import Link from "next/link";

export function Tabs({ items, active }: { items: { href: string; label: string; id: string }[]; active: string }) {
  return (
    <nav aria-label="Sections" className="mb-6 flex gap-1 border-b border-slate-200">
      {items.map((t) => (
        <Link
          key={t.id}
          href={t.href}
          aria-current={t.id === active ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm ${t.id === active ? "border-brand-600 font-medium text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
