import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ReasonAction } from './reason-action';

describe('ReasonAction', () => {
  it('asks for a reason before running, and sends it', async () => {
    const user = userEvent.setup();
    const run = vi.fn().mockResolvedValue(undefined);
    render(<ReasonAction label="Open remotely" onConfirm={run} />);
    await user.click(screen.getByRole('button', { name: 'Open remotely' }));
    await user.click(screen.getByRole('button', { name: 'Confirm: Open remotely' }));
    expect(screen.getByRole('alert').textContent).toBe('Please give a reason.');
    expect(run).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('Reason for “Open remotely”'), '  Customer at the desk ');
    await user.click(screen.getByRole('button', { name: 'Confirm: Open remotely' }));
    expect(run).toHaveBeenCalledWith('Customer at the desk');
    // Done: the form closes and focus is back on the button.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Open remotely' })),
    );
  });

  it('is usable from the keyboard: Escape cancels without running', async () => {
    const user = userEvent.setup();
    const run = vi.fn();
    render(<ReasonAction label="End session" danger onConfirm={run} />);
    screen.getByRole('button', { name: 'End session' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByLabelText('Reason for “End session”'));
    await user.keyboard('x{Escape}');
    expect(run).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'End session' }));
  });

  it('shows the server refusal and stays open', async () => {
    const user = userEvent.setup();
    render(
      <ReasonAction
        label="Open remotely"
        onConfirm={() => Promise.reject(new Error('Compartment is busy'))}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Open remotely' }));
    await user.type(screen.getByLabelText('Reason for “Open remotely”'), 'why');
    await user.click(screen.getByRole('button', { name: 'Confirm: Open remotely' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Compartment is busy');
    expect(screen.getByRole('button', { name: 'Confirm: Open remotely' })).toBeTruthy();
  });
});
