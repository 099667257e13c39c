// The set-up forms as an admin uses them: invalid input is explained next to the field and
// nothing is sent; valid input sends exactly the expected variables.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { describe, expect, it, vi } from 'vitest';
import { BankForm } from './bank-form';
import { TariffForm } from './tariff-form';
import { UserForm } from './users-section';
import { CreateLockerBankMutation, CreateUserMutation, SetTariffMutation } from './setup.operations';

function withApollo(ui: React.ReactElement, mocks: MockLink.MockedResponse[] = []) {
  return render(<MockedProvider mocks={mocks}>{ui}</MockedProvider>);
}

describe('bulk-add bank form', () => {
  it('explains bad input beside the field and sends nothing', async () => {
    const user = userEvent.setup();
    const onCreated = vi.fn();
    withApollo(
      <BankForm siteId="s1" existing={{ labels: new Set(), addresses: [] }} onCreated={onCreated} />,
    );
    await user.type(screen.getByLabelText('Bank label'), 'C');
    await user.clear(screen.getByLabelText(/^Unit id/));
    await user.type(screen.getByLabelText(/^Unit id/), '0');
    await user.click(screen.getByRole('button', { name: 'Create bank' }));
    expect(screen.getByLabelText(/^Unit id/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Modbus unit id is 1 to 247.')).toBeTruthy();
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('creates "24 compartments, sizes, coils 0-23" in one request', async () => {
    const user = userEvent.setup();
    let sent: Record<string, unknown> | undefined;
    const onCreated = vi.fn();
    withApollo(
      <BankForm siteId="s1" existing={{ labels: new Set(['A01']), addresses: [] }} onCreated={onCreated} />,
      [
        {
          request: { query: CreateLockerBankMutation, variables: () => true },
          result: (vars: Record<string, unknown>) => {
            sent = vars;
            return {
              data: {
                createLockerBank: {
                  __typename: 'LockerBank',
                  id: 'b3',
                  label: 'C',
                  compartments: Array.from({ length: 24 }, (_, i) => ({
                    __typename: 'Compartment',
                    id: `c${i}`,
                    label: `C${i}`,
                    size: 'SMALL',
                    status: 'AVAILABLE',
                  })),
                },
              },
            };
          },
        },
      ],
    );
    await user.type(screen.getByLabelText('Bank label'), 'C');
    expect(screen.getByText(/Preview: 24 compartments, C01–C24, coils 0–23/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Create bank' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(sent?.label).toBe('C');
    expect(sent?.modbusEndpoint).toBe('tcp://127.0.0.1:5020');
    const list = sent?.compartments as { label: string; coil: number; size: string }[];
    expect(list).toHaveLength(24);
    expect(list.at(-1)).toMatchObject({ label: 'C24', coil: 23, size: 'XLARGE' });
    expect(await screen.findByText('Bank C created with 24 compartments.')).toBeTruthy();
    expect(sent?.board).toEqual({ preset: 'generic-coil', doorOpenWhen: 'HIGH' });
  });

  it('sends the chosen board profile and door sensor kind', async () => {
    const user = userEvent.setup();
    let sent: Record<string, unknown> | undefined;
    const presets = [
      { preset: 'generic-coil', pulse: 'COIL', doorSource: 'DISCRETE_INPUTS', doorOpenWhen: 'HIGH' as const },
      {
        preset: 'relay-module-flash-100ms',
        pulse: 'TIMED',
        timedUnitMs: 100,
        doorSource: 'DISCRETE_INPUTS',
        doorOpenWhen: 'HIGH' as const,
      },
    ];
    withApollo(
      <BankForm
        siteId="s1"
        existing={{ labels: new Set(), addresses: [] }}
        presets={presets}
        onCreated={() => undefined}
      />,
      [
        {
          request: { query: CreateLockerBankMutation, variables: () => true },
          result: (vars: Record<string, unknown>) => {
            sent = vars;
            return {
              data: {
                createLockerBank: { __typename: 'LockerBank', id: 'b4', label: 'D', compartments: [] },
              },
            };
          },
        },
      ],
    );
    await user.type(screen.getByLabelText('Bank label'), 'D');
    await user.clear(screen.getByLabelText('Modbus endpoint'));
    await user.type(screen.getByLabelText('Modbus endpoint'), 'rtu:///tmp/gw-rtu?baud=9600');
    expect(
      screen.getByRole('option', {
        name: /relay-module-flash-100ms: pulse timed by the board \(100 ms units\)/,
      }),
    ).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Relay board'), 'relay-module-flash-100ms');
    await user.selectOptions(screen.getByLabelText('Door sensors'), 'NC');
    await user.click(screen.getByRole('button', { name: 'Create bank' }));
    await waitFor(() => expect(sent).toBeDefined());
    expect(sent).toMatchObject({
      modbusEndpoint: 'rtu:///tmp/gw-rtu?baud=9600',
      board: { preset: 'relay-module-flash-100ms', doorOpenWhen: 'LOW' },
    });
  });
});

describe('tariff form', () => {
  it('refuses a bad amount and currency, then saves minor units', async () => {
    const user = userEvent.setup();
    let sent: Record<string, unknown> | undefined;
    withApollo(<TariffForm siteId="s1" tariffs={[]} onSaved={() => undefined} />, [
      {
        request: { query: SetTariffMutation, variables: () => true },
        result: (vars: Record<string, unknown>) => {
          sent = vars;
          return {
            data: {
              setTariff: {
                __typename: 'Tariff',
                id: 't1',
                size: 'SMALL',
                includedMinutes: 240,
                graceMinutes: 15,
                securityAlertAfterMinutes: 120,
                price: { __typename: 'Money', amount: 350, currency: 'EUR' },
                overduePerHour: { __typename: 'Money', amount: 200, currency: 'EUR' },
              },
            },
          };
        },
      },
    ]);
    const price = screen.getByLabelText('Price (major units, 0 = free)');
    await user.clear(price);
    await user.type(price, '3.505');
    const currency = screen.getByLabelText('Currency');
    await user.clear(currency);
    await user.type(currency, 'E1');
    await user.click(screen.getByRole('button', { name: 'Save tariff' }));
    expect(screen.getByText('An amount like 4.00 (0 for free).')).toBeTruthy();
    expect(screen.getByText('A three-letter ISO 4217 code, e.g. EUR.')).toBeTruthy();
    expect(sent).toBeUndefined();

    await user.clear(price);
    await user.type(price, '3.50');
    await user.clear(currency);
    await user.type(currency, 'eur');
    const overdue = screen.getByLabelText('Overdue fee per started hour');
    await user.clear(overdue);
    await user.type(overdue, '2');
    await user.click(screen.getByRole('button', { name: 'Save tariff' }));
    expect(await screen.findByText('Tariff for Small saved.')).toBeTruthy();
    expect(sent).toMatchObject({
      siteId: 's1',
      size: 'SMALL',
      price: 350,
      currency: 'EUR',
      overduePerHour: 200,
      includedMinutes: 240,
    });
  });
});

describe('new user form', () => {
  it('asks for a role and matching passwords before creating', async () => {
    const user = userEvent.setup();
    const onCreated = vi.fn();
    withApollo(<UserForm onCreated={onCreated} />, [
      {
        request: {
          query: CreateUserMutation,
          variables: { email: 'viewer@example.com', password: 'viewer-password-1', role: 'VIEWER' },
        },
        result: {
          data: { createUser: { __typename: 'User', id: 'u9', email: 'viewer@example.com', role: 'VIEWER' } },
        },
      },
    ]);
    await user.type(screen.getByLabelText('Email'), 'Viewer@Example.com');
    await user.type(screen.getByLabelText(/^Password/), 'viewer-password-1');
    await user.type(screen.getByLabelText(/^Repeat password/), 'viewer-password-2');
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    expect(screen.getByText('The two passwords differ.')).toBeTruthy();
    expect(screen.getByText('Choose a role.')).toBeTruthy();
    expect(onCreated).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText(/^Repeat password/));
    await user.type(screen.getByLabelText(/^Repeat password/), 'viewer-password-1');
    await user.click(screen.getByLabelText(/^Viewer/));
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    expect(await screen.findByText('viewer@example.com can now sign in as viewer.')).toBeTruthy();
    expect(onCreated).toHaveBeenCalledOnce();
  });

  it('limits an operator to chosen sites; an admin always has every site', async () => {
    const user = userEvent.setup();
    const sites = [
      { __typename: 'Site' as const, id: 's1', name: 'Station A', timezone: 'UTC', retiredAt: null },
      { __typename: 'Site' as const, id: 's2', name: 'Station B', timezone: 'UTC', retiredAt: null },
    ];
    withApollo(<UserForm onCreated={vi.fn()} sites={sites} />, [
      {
        request: {
          query: CreateUserMutation,
          variables: {
            email: 'op@example.com',
            password: 'operator-password',
            role: 'OPERATOR',
            siteIds: ['s1'],
          },
        },
        result: {
          data: {
            createUser: {
              __typename: 'User',
              id: 'u8',
              email: 'op@example.com',
              role: 'OPERATOR',
              siteIds: ['s1'],
            },
          },
        },
      },
    ]);
    await user.type(screen.getByLabelText('Email'), 'op@example.com');
    await user.type(screen.getByLabelText(/^Password/), 'operator-password');
    await user.type(screen.getByLabelText(/^Repeat password/), 'operator-password');
    await user.click(screen.getByLabelText(/^Admin/));
    expect(screen.getByLabelText<HTMLInputElement>(/^Chosen sites/).disabled).toBe(true);
    await user.click(screen.getByLabelText(/^Operator/));
    await user.click(screen.getByLabelText(/^Chosen sites/));
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    expect(screen.getByText('Choose at least one site, or All sites.')).toBeTruthy();
    await user.click(screen.getByLabelText('Station A'));
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    expect(await screen.findByText('op@example.com can now sign in as operator.')).toBeTruthy();
  });
});
