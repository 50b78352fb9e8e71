import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { listPlans } from '@/db/queries/plans';
import { listProfiles } from '@/db/queries/profiles';

export const dynamic = 'force-dynamic';

/** "Shopping list" in the navigation: the list of the latest plan. */
export default function ShoppingIndex() {
  const db = getDb();
  const profile = listProfiles(db)[0];
  if (!profile) redirect('/');
  const plan = listPlans(db, profile.id)[0];
  if (!plan) redirect(`/profile?id=${profile.id}`);
  redirect(`/plans/${plan.id}/shopping`);
}
