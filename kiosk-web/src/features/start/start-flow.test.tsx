import { describe, expect, it, vi } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, fakeApi } from '../../test/fake-api';
import { issued, siteWithAvailability } from '../../test/fixtures';
import { StartFlow } from './start-flow';

function setup(issue: () => unknown = () => ({ issueAccessCode: issued({ size: 'MEDIUM' }) })) {
  const api = fakeApi({ SiteAvailability: () => ({ site: siteWithAvailability() }), IssueAccessCode: issue });
  const onIssued = vi.fn();
  render(<StartFlow siteId="site-1" onIssued={onIssued} />, { wrapper: api.wrapper });
  return { api, onIssued };
}

describe('StartFlow', () => {
  it('shows what is free and the price per size, and full sizes cannot be chosen', async () => {
    setup();
    const medium = await screen.findByRole('button', { name: /Medium/ });
    expect(within(medium).getByText('€4.00')).toBeInTheDocument();
    expect(within(medium).getByText('3 of 8 free')).toBeInTheDocument();
    expect(within(screen.getByRole('button', { name: /Small/ })).getByText('Free')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Large.*All taken/ })).toBeDisabled();
  });

  it('asks the server again when a compartment changes', async () => {
    const { api } = setup();
    await screen.findByRole('button', { name: /Medium/ });
    const before = api.calls.filter((c) => c.name === 'SiteAvailability').length;
    act(() =>
      api.emit('CompartmentUpdated', {
        compartmentUpdated: {
          __typename: 'Compartment',
          id: 'c',
          label: 'A05',
          size: 'MEDIUM',
          status: 'OCCUPIED',
          doorState: 'CLOSED',
          version: 2,
        },
      }),
    );
    await vi.waitFor(() =>
      expect(api.calls.filter((c) => c.name === 'SiteAvailability').length).toBe(before + 1),
    );
  });

  it('issues a code for the chosen size with the contact given, in the screen language', async () => {
    const { api, onIssued } = setup();
    await userEvent.click(await screen.findByRole('button', { name: /Medium/ }));
    await userEvent.type(screen.getByLabelText('Email'), 'ana@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Get my code' }));
    await vi.waitFor(() => expect(onIssued).toHaveBeenCalledOnce());
    expect(api.calls.find((c) => c.name === 'IssueAccessCode')?.variables).toEqual({
      siteId: 'site-1',
      size: 'MEDIUM',
      // the code and receipt are sent in the language the traveller chose on the screen
      contact: { email: 'ana@example.com', language: 'EN' },
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(onIssued.mock.calls[0]?.[1]).toEqual({ includedMinutes: 240, hasContact: true });
  });

  it('rejects a mistyped email before sending anything', async () => {
    const { api } = setup();
    await userEvent.click(await screen.findByRole('button', { name: /Small/ }));
    await userEvent.type(screen.getByLabelText('Email'), 'ana@');
    await userEvent.click(screen.getByRole('button', { name: 'Get my code' }));
    expect(screen.getByRole('alert')).toHaveTextContent('valid email');
    expect(api.calls.some((c) => c.name === 'IssueAccessCode')).toBe(false);
  });

  it('after a network failure, says so and retries the same request once per tap', async () => {
    let attempts = 0;
    const { api, onIssued } = setup(() => {
      attempts += 1;
      if (attempts === 1) throw new TypeError('Failed to fetch');
      return { issueAccessCode: issued() };
    });
    await userEvent.click(await screen.findByRole('button', { name: /Small/ }));
    await userEvent.click(screen.getByRole('button', { name: 'Continue without' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('could not reach the server');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(onIssued).toHaveBeenCalledOnce());
    const sent = api.calls.filter((c) => c.name === 'IssueAccessCode');
    expect(sent).toHaveLength(2);
    expect(sent[1]?.variables).toEqual(sent[0]?.variables); // the same requestId: the server answers with the same session
    expect(sent[0]?.variables.requestId).toBeTruthy();
  });

  it('offers no size while availability cannot be read, and a retry that brings them back', async () => {
    let failing = true;
    const api = fakeApi({
      SiteAvailability: () => {
        if (failing) throw apiError('INTERNAL_SERVER_ERROR');
        return { site: siteWithAvailability() };
      },
    });
    render(<StartFlow siteId="site-1" onIssued={vi.fn()} />, { wrapper: api.wrapper });
    expect(await screen.findByRole('alert')).toHaveTextContent('could not be loaded');
    expect(screen.queryByRole('button', { name: /Small|Medium|Large/ })).toBeNull();
    failing = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    const medium = await screen.findByRole('button', { name: /Medium/ });
    expect(within(medium).getByText('€4.00')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('never offers a size whose price is unknown', async () => {
    const site = siteWithAvailability();
    const api = fakeApi({
      SiteAvailability: () => ({
        site: {
          ...site,
          availability: site.availability.map((a) => (a.size === 'MEDIUM' ? { ...a, tariff: null } : a)),
        },
      }),
    });
    render(<StartFlow siteId="site-1" onIssued={vi.fn()} />, { wrapper: api.wrapper });
    await screen.findByRole('button', { name: /Small/ });
    expect(screen.queryByRole('button', { name: /Medium/ })).toBeNull();
  });
});
