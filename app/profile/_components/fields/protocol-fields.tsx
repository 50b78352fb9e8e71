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
            onChange={(e) => set('phase', e.target.value)}
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
    </fieldset>
  );
}
