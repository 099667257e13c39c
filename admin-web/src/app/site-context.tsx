// The site the operator is looking at, chosen in the header and remembered for the tab.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import { SitesQuery } from '../features/auth/auth.operations';
import type { SitesQuery as SitesData } from '../api/generated/graphql';

/** A site as the picker knows it. */
export type SiteSummary = SitesData['sites'][number];

interface SiteValue {
  sites: SiteSummary[];
  site: SiteSummary | null;
  selectSite: (id: string) => void;
  refetchSites: () => Promise<unknown>;
}

const SiteContext = createContext<SiteValue | null>(null);
const KEY = 'lockers.admin.site';

/** The current site; throws outside <SiteProvider>. */
export function useSite(): SiteValue {
  const v = useContext(SiteContext);
  if (!v) throw new Error('useSite outside SiteProvider');
  return v;
}

/** Loads the sites and keeps the chosen one. */
export function SiteProvider({ children }: { children: ReactNode }) {
  const { data, refetch, error } = useQuery(SitesQuery);
  const [chosen, setChosen] = useState<string | null>(() => sessionStorage.getItem(KEY));
  const value = useMemo<SiteValue>(() => {
    const sites = data?.sites ?? [];
    const site = sites.find((s) => s.id === chosen) ?? sites[0] ?? null;
    return {
      sites,
      site,
      selectSite: (id) => {
        sessionStorage.setItem(KEY, id);
        setChosen(id);
      },
      refetchSites: () => refetch(),
    };
  }, [data, chosen, refetch]);
  if (error)
    return (
      <p role="alert" className="error page-status">
        Could not load sites: {error.message}
      </p>
    );
  if (!data) return <p className="page-status">Loading sites…</p>;
  return <SiteContext.Provider value={value}>{children}</SiteContext.Provider>;
}
