import { useState } from 'react';
import {
  RATED_PART_LABELS,
  RATED_PARTS,
  type RatedPart,
  type Rating,
} from '../../../../shared/domain/evaluation/coreTeamEvaluation';
import { LIMITS } from '../../../../shared/protocol/limits';
import { sendCommand } from '../../connection/assemblyConnection';

const RATINGS: Rating[] = [1, 2, 3, 4, 5];
const noRatings = (): Record<RatedPart, Rating | null> => ({
  turnout: null,
  testimonies: null,
  ask: null,
  chairing: null,
});

/** The core team's short evaluation, one person at a time: each answer is kept in the record. */
export function EvaluationForm({ onSubmitted }: { onSubmitted: () => void }) {
  const [name, setName] = useState('');
  const [worked, setWorked] = useState('');
  const [change, setChange] = useState('');
  const [ratings, setRatings] = useState(noRatings);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [id, setId] = useState(() => crypto.randomUUID());
  const [sending, setSending] = useState(false);

  const submit = async (event: { preventDefault: () => void }) => {
    event.preventDefault();
    if (name.trim() === '') {
      setProblem('Please give your name.');
      return;
    }
    setSending(true);
    const reply = await sendCommand({
      type: 'submitEvaluation',
      evaluationId: id,
      name,
      worked,
      change,
      ratings,
    });
    setSending(false);
    if (!reply.ok) {
      setProblem(reply.message);
      return;
    }
    setProblem(null);
    setDone(`Thank you, ${name.trim()}: your evaluation is kept with the record.`);
    setName('');
    setWorked('');
    setChange('');
    setRatings(noRatings());
    setId(crypto.randomUUID());
    onSubmitted();
  };

  return (
    <form
      className="evaluation-form no-print"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="evaluation-form-h"
    >
      <h3 id="evaluation-form-h">Add your evaluation</h3>
      <label>
        Your name
        <input
          value={name}
          maxLength={LIMITS.personName}
          onInput={(e) => setName(e.currentTarget.value)}
          autoComplete="name"
        />
      </label>
      <label>
        What worked
        <textarea
          value={worked}
          maxLength={LIMITS.evaluationText}
          rows={3}
          onInput={(e) => setWorked(e.currentTarget.value)}
        />
      </label>
      <label>
        What to change
        <textarea
          value={change}
          maxLength={LIMITS.evaluationText}
          rows={3}
          onInput={(e) => setChange(e.currentTarget.value)}
        />
      </label>
      <div className="ratings">
        {RATED_PARTS.map((part) => (
          <fieldset key={part}>
            <legend>{RATED_PART_LABELS[part]}</legend>
            {RATINGS.map((r) => (
              <label key={r} className="rating">
                <input
                  type="radio"
                  name={`rating-${part}`}
                  value={r}
                  checked={ratings[part] === r}
                  onChange={() => setRatings({ ...ratings, [part]: r })}
                />
                <span>{r}</span>
                <span className="visually-hidden"> of 5</span>
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      <p className="muted small">1 is poor, 5 is excellent; leave a part unrated if you did not see it.</p>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {done && <p role="status">{done}</p>}
      <button type="submit" disabled={sending}>
        Submit evaluation
      </button>
    </form>
  );
}
