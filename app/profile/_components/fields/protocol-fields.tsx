import { fieldHelpers } from '../../_lib/field-a11y';
import { FieldError } from './field-error';
import { type ProtocolSectionProps, setValue } from './section-props';

/** The protocol (one card each) and its phase. */
export function ProtocolFields({ state, update, errors, protocols }: ProtocolSectionProps) {
  const { err, a11y } = fieldHelpers(errors);
  const set = setValue(update);
  const v = state.values;
  const protocolList = protocols.filter((p) => p.kind === 'protocol');
  const current = protocolList.find((p) => p.id === v.protocol);
  return (
    <fieldset>
      <legend>Protocol</legend>
      <div
        id="p-protocol"
        role="radiogroup"
        aria-label="Protocol"
        {...a11y('protocol')}
        className="grid"
        style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))' }}
      >
        {protocolList.map((p) => (
          <label
            key={p.id}
            className="card protocol-card"
            style={{
              fontWeight: 400,
              cursor: 'pointer',
              borderColor: v.protocol === p.id ? 'var(--brand)' : undefined,
            }}
          >
            <input
              type="radio"
              name="protocol"
              value={p.id}
              checked={v.protocol === p.id}
              onChange={() =>
                update((old) => ({
                  ...old,
                  values: {
                    ...old.values,
                    protocol: p.id,
                    phase: p.phases[0]?.id ?? 'elimination',
                    // a new protocol starts its phase on the day it is saved
                    phaseStartedOn: old.values.protocol === p.id ? old.values.phaseStartedOn : null,
                  },
                }))
              }
            />{' '}
            <strong>{p.name}</strong>
            <div className="small muted protocol-summary">{p.summary}</div>
          </label>
        ))}
      </div>
      <FieldError id="protocol-error" errors={err('protocol')} />
      {current ? (
        <div className="field" style={{ marginTop: '0.75rem' }}>
          <label htmlFor="p-phase">Phase</label>
          <select
            id="p-phase"
            value={v.phase}
            onChange={(e) => {
              const phase = e.target.value;
              update((old) => ({
                ...old,
                values: {
                  ...old.values,
                  phase,
                  // a new phase starts on the day it is saved unless the date is changed too
                  phaseStartedOn: old.values.phase === phase ? old.values.phaseStartedOn : null,
                },
              }));
            }}
            {...a11y('phase', 'phase-hint')}
          >
            {current.phases.map((ph) => (
              <option key={ph.id} value={ph.id}>
                {ph.name}
              </option>
            ))}
          </select>
          <div id="phase-hint" className="hint">
            {current.phases.find((ph) => ph.id === v.phase)?.summary}
          </div>
          <FieldError id="phase-error" errors={err('phase')} />
        </div>
      ) : null}
      <div className="field" style={{ marginTop: '0.75rem' }}>
        <label htmlFor="p-phase-started">Phase started on</label>
        <input
          id="p-phase-started"
          type="date"
          value={v.phaseStartedOn ?? ''}
          onChange={(e) => set('phaseStartedOn', e.target.value === '' ? null : e.target.value)}
          {...a11y('phaseStartedOn', 'phase-started-hint')}
        />
        <div id="phase-started-hint" className="hint">
          {v.phaseStartedOn
            ? 'The symptom journal compares challenges with the days since then.'
            : 'Left empty, it is the day you save.'}
        </div>
        <FieldError id="phaseStartedOn-error" errors={err('phaseStartedOn')} />
      </div>
    </fieldset>
  );
}
