import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { fakeApi } from '../../test/fake-api';
import { LostCode } from './lost-code';

const refused = (code: string, extensions: Record<string, unknown>) =>
  new GraphQLError(`error ${code}`, { extensions: { code, ...extensions } });

function setup(starts: (() => unknown)[], completes: (() => unknown)[]) {
  const api = fakeApi({
    StartAccessRecovery: () => (starts.shift() ?? (() => ({ startAccessRecovery: true })))(),
    CompleteAccessRecovery: () => completes.shift()!(),
  });
  render(<LostCode siteId="site-1" onRecovered={vi.fn()} />, { wrapper: api.wrapper });
  return api;
}

async function askForCode() {
  await userEvent.type(screen.getByLabelText('Email'), 'ana@example.com');
  await userEvent.click(screen.getByRole('button', { name: 'Send me a code' }));
  await screen.findByLabelText('One-time code');
}

describe('lost code: tries left and sending the code again', () => {
  it('after a wrong code, says how many tries are left, then that the code is used up', async () => {
    setup(
      [],
      [
        () => {
          throw refused('BAD_USER_INPUT', { field: 'oneTimeCode', attemptsLeft: 2 });
        },
        () => {
          throw refused('BAD_USER_INPUT', { field: 'oneTimeCode', attemptsLeft: 0 });
        },
      ],
    );
    await askForCode();
    await userEvent.type(screen.getByLabelText('One-time code'), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Show my new code' }));
    expect(await screen.findByTestId('recover-tries')).toHaveTextContent(
      'That code is not right. Tries left: 2.',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Show my new code' }));
    expect(
      await screen.findByText('This code can no longer be used. Send yourself a new one.'),
    ).toBeVisible();
  });

  it('sends the code again to the same contact, and says how long to wait when asked too soon', async () => {
    const api = setup(
      [
        () => ({ startAccessRecovery: true }),
        () => ({ startAccessRecovery: true }),
        () => {
          throw refused('RATE_LIMITED', { retryAfterSeconds: 27 });
        },
      ],
      [],
    );
    await askForCode();
    await userEvent.click(screen.getByRole('button', { name: 'Send the code again' }));
    expect(await screen.findByText('A new code is on its way. Only the newest code works.')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Send the code again' }));
    expect(await screen.findByTestId('recover-wait')).toHaveTextContent(
      'Please wait 27 s before asking for another code.',
    );
    const sent = api.calls.filter((c) => c.name === 'StartAccessRecovery').map((c) => c.variables['contact']);
    expect(sent).toEqual([
      expect.objectContaining({ email: 'ana@example.com' }),
      expect.objectContaining({ email: 'ana@example.com' }),
      expect.objectContaining({ email: 'ana@example.com' }),
    ]);
  });
});
