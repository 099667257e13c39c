// The new-endpoint form as an admin uses it: a URL and at least one event are required and
// explained beside the fields (nothing sent); a valid form sends exactly the chosen events
// and shows the signing secret once.
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { describe, expect, it, vi } from 'vitest';
import { WebhookForm } from './webhook-form';
import { validateWebhookDraft } from './webhook-validation';
import { CreateWebhookEndpointMutation } from './webhooks.operations';

describe('validateWebhookDraft', () => {
  it('needs an http(s) URL with a host and at least one event', () => {
    const none = validateWebhookDraft({ url: '', description: '', events: [] });
    expect(!none.ok && none.errors).toEqual({
      url: 'Enter the URL that receives the events.',
      events: 'Choose at least one event.',
    });
    for (const url of [
      'example.com/hook',
      'ftp://example.com/x',
      'https://',
      'http://user:pw@example.com/',
    ]) {
      const r = validateWebhookDraft({ url, description: '', events: ['SESSION_STORED'] });
      expect(r.ok, url).toBe(false);
      expect(!r.ok && r.errors.url, url).toBeTruthy();
    }
  });

  it('trims, keeps events in list order and sends no empty description', () => {
    const r = validateWebhookDraft({
      url: ' http://127.0.0.1:9/hook ',
      description: ' ',
      events: ['ALERT_RAISED', 'SESSION_STORED'],
    });
    expect(r).toEqual({
      ok: true,
      value: {
        url: 'http://127.0.0.1:9/hook',
        events: ['SESSION_STORED', 'ALERT_RAISED'],
        description: null,
      },
    });
  });
});

describe('webhook endpoint form', () => {
  it('explains a missing URL and missing events beside the fields and sends nothing', async () => {
    const user = userEvent.setup();
    const onCreated = vi.fn();
    render(
      <MockedProvider mocks={[]}>
        <WebhookForm onCreated={onCreated} />
      </MockedProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }));
    expect(screen.getByLabelText(/^Endpoint URL/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter the URL that receives the events.')).toBeTruthy();
    expect(screen.getByText('Choose at least one event.')).toBeTruthy();

    await user.type(screen.getByLabelText(/^Endpoint URL/), 'not a url');
    await user.click(screen.getByLabelText('session.stored'));
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }));
    expect(screen.getByText(/Use a full http:\/\/ or https:\/\/ address/)).toBeTruthy();
    expect(screen.queryByText('Choose at least one event.')).toBeNull();
    expect(onCreated).not.toHaveBeenCalled();
  });

  it('sends the URL and chosen events, then shows the secret once with a copy button', async () => {
    const user = userEvent.setup();
    const onCreated = vi.fn();
    let sent: Record<string, unknown> | undefined;
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: CreateWebhookEndpointMutation, variables: () => true },
            result: (vars: Record<string, unknown>) => {
              sent = vars;
              return {
                data: {
                  createWebhookEndpoint: {
                    __typename: 'CreatedWebhookEndpoint',
                    secret: 'whsec_test_123',
                    endpoint: {
                      __typename: 'WebhookEndpoint',
                      id: 'w1',
                      url: 'https://example.com/h',
                      description: 'CRM',
                      events: ['SESSION_STORED', 'PAYMENT_CAPTURED'],
                      createdAt: '2026-11-25T10:00:00Z',
                    },
                  },
                },
              };
            },
          },
        ]}
      >
        <WebhookForm onCreated={onCreated} />
      </MockedProvider>,
    );
    await user.type(screen.getByLabelText(/^Endpoint URL/), 'https://example.com/h');
    await user.type(screen.getByLabelText(/^Description/), 'CRM');
    await user.click(screen.getByLabelText('payment.captured'));
    await user.click(screen.getByLabelText('session.stored'));
    await user.click(screen.getByRole('button', { name: 'Create endpoint' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('w1'));
    expect(sent).toEqual({
      url: 'https://example.com/h',
      events: ['SESSION_STORED', 'PAYMENT_CAPTURED'],
      description: 'CRM',
    });
    expect(screen.getByTestId('secret-value').textContent).toBe('whsec_test_123');
    expect(screen.getByText(/it will not be shown again/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
    // The form is cleared for the next endpoint.
    expect(screen.getByLabelText<HTMLInputElement>(/^Endpoint URL/).value).toBe('');
  });
});
