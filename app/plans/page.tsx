import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { currentPlanPath } from '../_lib/current-plan';

export const dynamic = 'force-dynamic';

/** "Plan" in the navigation: this week's plan, or onboarding. */
export default async function PlansIndex() {
  redirect((await currentPlanPath(getDb())) ?? '/');
}
