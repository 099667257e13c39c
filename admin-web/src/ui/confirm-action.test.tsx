import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmAction } from './confirm-action';

describe('ConfirmAction', () => {
  it('asks first, runs on confirm, and gives focus back to the button', async () => {
    const user = userEvent.setup();
    const run = vi.fn().mockResolvedValue(undefined);
    render(<ConfirmAction label="Delete" question="Removed for good." danger onConfirm={run} />);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.getByText('Removed for good.')).toBeTruthy();
    expect(run).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Confirm: Delete' }));
    expect(run).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete' })));
  });

  it('Escape cancels without running', async () => {
    const user = userEvent.setup();
    const run = vi.fn();
    render(<ConfirmAction label="Deactivate" question="Signed out everywhere." onConfirm={run} />);
    await user.click(screen.getByRole('button', { name: 'Deactivate' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Confirm: Deactivate' }));
    await user.keyboard('{Escape}');
    expect(run).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Deactivate' }));
  });

  it("shows the server's refusal", async () => {
    const user = userEvent.setup();
    const run = vi.fn().mockRejectedValue(new Error('This is the last active ADMIN'));
    render(<ConfirmAction label="Delete" question="Removed for good." onConfirm={run} />);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(screen.getByRole('button', { name: 'Confirm: Delete' }));
    expect((await screen.findByRole('alert')).textContent).toContain('last active ADMIN');
  });
});
