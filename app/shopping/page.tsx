import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { currentPlanPath } from '../_lib/current-plan';

export const dynamic = 'force-dynamic';

/** "Shopping list" in the navigation: the list of this week's plan, or onboarding. */
export default async function ShoppingIndex() {
  redirect((await currentPlanPath(getDb(), '/shopping')) ?? '/');
}
