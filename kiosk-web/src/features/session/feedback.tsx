import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { SubmitFeedbackDoc } from '../../api/operations';
import { useSubmit } from '../../api/use-submit';
import { useI18n } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/error-notice';

/**
 * A 1-5 rating (and on the phone an optional comment) for the session of `payload`. On the kiosk
 * one tap sends it; the code is the proof the server asks for.
 */
export function Feedback({ payload, withComment = false }: { payload: string; withComment?: boolean }) {
  const { t } = useI18n();
  const [send] = useMutation(SubmitFeedbackDoc);
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [sent, setSent] = useState(false);
  const submit = useSubmit(async (value: number) => {
    await send({ variables: { payload, rating: value, comment: comment.trim() || null } });
    setSent(true);
  });
  if (sent)
    return (
      <p role="status" className="notice ok">
        {t('feedback.thanks')}
      </p>
    );
  const choose = (value: number) => {
    setRating(value);
    if (!withComment) void submit.run(value);
  };
  return (
    <div className="feedback">
      <p id="feedback-ask" className="lead">
        {t('feedback.ask')}
      </p>
      <div role="group" aria-labelledby="feedback-ask" className="stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            className="btn star"
            aria-label={t('feedback.star', { n })}
            aria-pressed={rating === n}
            disabled={submit.busy}
            onClick={() => choose(n)}
          >
            {n <= (rating ?? 0) ? '★' : '☆'}
          </button>
        ))}
      </div>
      {withComment ? (
        <>
          <label>
            {t('feedback.comment')}
            <textarea value={comment} maxLength={500} onChange={(e) => setComment(e.target.value)} />
          </label>
          <button
            type="button"
            className="btn primary"
            disabled={submit.busy || rating == null}
            onClick={() => rating && void submit.run(rating)}
          >
            {t('feedback.send')}
          </button>
        </>
      ) : null}
      <ErrorNotice code={submit.error} onRetry={rating ? () => void submit.run(rating) : undefined} />
    </div>
  );
}
