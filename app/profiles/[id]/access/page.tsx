import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePageCaller } from '@/app/_server/auth/page-caller';
import { accessLogOf, clinicianInvitesOf } from '@/app/_server/use-cases/clinician-grants';
import { getDb } from '@/db/client';
import { getProfileById } from '@/db/queries/profiles';
import { AppError } from '@/lib/http/app-error';
import { idParamSchema } from '@/lib/validation/ids';
import { TableWrap } from '../../../_components/table-wrap';
import { ClinicianLinks } from './_components/clinician-links';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Clinician access' };
type Props = { params: Promise<{ id: string }> };

const ID = idParamSchema('id');

/** A readable instant in the server's time zone ("Mar 3, 2026, 14:05"). */
const when = (iso: string) =>
  new Date(iso).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** The member's clinician links (make, copy, revoke) and the log of every clinician view. */
export default async function AccessPage({ params }: Props) {
  const parsed = ID.safeParse((await params).id);
  if (!parsed.success) notFound();
  const db = getDb();
  const caller = await requirePageCaller(db);
  const read = async () => ({
    invites: await clinicianInvitesOf(db, caller, parsed.data),
    log: await accessLogOf(db, caller, parsed.data),
  });
  const result = await read().catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    if (error instanceof AppError && error.status === 403) return error.message;
    throw error;
  });
  const profile = await getProfileById(db, parsed.data);
  if (!profile) notFound();
  if (typeof result === 'string') {
    return (
      <>
        <h1>Clinician access: {profile.name}</h1>
        <p className="alert info">{result}</p>
      </>
    );
  }
  return (
    <>
      <p className="small">
        <Link href={`/profile?id=${profile.id}`}>← {profile.name}'s profile</Link>
      </p>
      <h1>Clinician access: {profile.name}</h1>
      <p className="small muted">
        A link lets one clinician read {profile.name}'s plans, nutrition reports, symptom journal
        and clinician report — never change them — until the access ends or you revoke it.
      </p>
      <ClinicianLinks
        profileId={profile.id}
        invites={result.invites.items.map((i) => ({
          ...i,
          expiresText: when(i.expiresAt),
          accessText: when(i.accessExpiresAt),
        }))}
      />
      <section aria-labelledby="log-h" className="stack" style={{ marginTop: '1.5rem' }}>
        <h2 id="log-h">Access log</h2>
        {result.log.entries.length === 0 ? (
          <p className="muted">No clinician has viewed anything yet.</p>
        ) : (
          <TableWrap label="Access log">
            <table data-testid="access-log">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                </tr>
              </thead>
              <tbody>
                {result.log.entries.map((e, i) => (
                  // entries have no id of their own; the list is fixed, newest first
                  <tr key={`${e.at}-${i}`}>
                    <td>
                      <time dateTime={e.at}>{when(e.at)}</time>
                    </td>
                    <td>
                      {e.clinician.name}
                      {e.clinician.email && e.clinician.email !== e.clinician.name ? (
                        <span className="small muted"> ({e.clinician.email})</span>
                      ) : null}
                    </td>
                    <td>
                      {e.planId !== undefined ? (
                        <Link href={`/plans/${e.planId}`}>{e.what}</Link>
                      ) : (
                        e.what
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
    </>
  );
}
