// Changes a bank's board profile after commissioning (what `--check` suggested); the
// gateway picks it up at its next config fetch.
import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { errorMessage } from '../../api/errors';
import type { InputLevel } from '../../api/generated/graphql';
import { SetLockerBankBoardMutation } from './setup.operations';
import { BoardChoice, boardInput, type BoardPreset } from './board-choice';
import type { DoorSensors } from './bank-layout';

/** The board line of one bank, with a form to change it. */
export function BankBoardForm({
  bankId,
  board,
  presets,
  onSaved,
}: {
  bankId: string;
  board: { preset: string; doorOpenWhen: InputLevel; maxOnMs: number };
  presets: readonly BoardPreset[];
  onSaved: () => void;
}) {
  const [preset, setPreset] = useState(board.preset === 'custom' ? 'generic-coil' : board.preset);
  const [sensors, setSensors] = useState<DoorSensors>(board.doorOpenWhen === 'LOW' ? 'NC' : 'NO');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [save, { loading }] = useMutation(SetLockerBankBoardMutation);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    try {
      const { data } = await save({ variables: { bankId, board: boardInput(preset, sensors) } });
      setMessage({ ok: true, text: `Board profile saved: ${data?.setLockerBankBoard.board.preset}.` });
      onSaved();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  return (
    <form
      className="form inline"
      onSubmit={(e) => void submit(e)}
      aria-label={`Board profile of bank ${bankId}`}
    >
      <p>
        Board profile: <strong>{board.preset}</strong>, door sensors{' '}
        {board.doorOpenWhen === 'LOW' ? 'normally closed' : 'normally open'}, relay on at most {board.maxOnMs}{' '}
        ms
      </p>
      <BoardChoice
        idPrefix={`board-${bankId}`}
        presets={presets}
        preset={preset}
        sensors={sensors}
        onChange={(p, s) => {
          setPreset(p);
          setSensors(s);
        }}
      />
      <button type="submit" disabled={loading}>
        {loading ? 'Saving…' : 'Save board profile'}
      </button>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
