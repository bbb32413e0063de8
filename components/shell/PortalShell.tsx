import Link from "next/link";
import { SignOutButton } from "./SignOutButton";

export interface NavItem {
  href: string;
  label: string;
}

/** The console frame: brand + account in the top bar, navigation in the sidebar. */
export function PortalShell({ user, nav, children }: { user: { name: string; email: string }; nav: NavItem[]; children: React.ReactNode }) {
  return (
    <div className="flex min-h-full flex-col">
      <header className="flex h-14 items-center justify-between border-b border-slate-200 bg-white px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold">
          <span className="inline-flex h-7 w-7 items-center justify-center rounded-md bg-brand-600 text-sm font-bold text-white">B</span>
          Build Portal
        </Link>
        <div className="flex items-center gap-3 text-sm">
          <span className="text-slate-600" data-testid="current-user">
            {user.name} <span className="text-slate-400">({user.email})</span>
          </span>
          <SignOutButton />
        </div>
      </header>
      <div className="flex flex-1">
        <nav aria-label="Main" className="hidden w-56 shrink-0 border-r border-slate-200 bg-white p-3 md:block">
          <ul className="flex flex-col gap-1 text-sm">
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="block rounded-md px-3 py-2 text-slate-700 hover:bg-brand-50 hover:text-brand-700">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main className="min-w-0 flex-1 p-6">{children}</main>
      </div>
    </div>
  );
}
