import { redirect } from 'next/navigation';
import { requirePageCaller } from '@/app/_server/auth/page-caller';
import { getDb } from '@/db/client';
import { currentPlanPath } from '../_lib/current-plan';

export const dynamic = 'force-dynamic';

/** "Plan" in the navigation: this week's plan, or onboarding. */
export default async function PlansIndex() {
  const db = getDb();
  const caller = await requirePageCaller(db);
  if (caller.role === 'clinician') redirect('/clinician');
  redirect((await currentPlanPath(db, caller)) ?? '/');
}
