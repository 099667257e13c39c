import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { I18nProvider } from '../../i18n/i18n';
import { PhoneLink } from './phone-link';

describe('the phone page link on the kiosk and the ticket', () => {
  it("uses the server's public address when it has one", async () => {
    render(
      <I18nProvider initial="en">
        <PhoneLink slug="central" url="https://lockers.example/kiosk/phone/central" />
      </I18nProvider>,
    );
    expect(screen.getByTestId('phone-address')).toHaveTextContent('lockers.example/kiosk/phone/central');
    expect(
      await screen.findByRole('img', { name: /lockers\.example\/kiosk\/phone\/central/ }),
    ).toBeInTheDocument();
  });

  it("falls back to the kiosk page's own origin", () => {
    render(
      <I18nProvider initial="en">
        <PhoneLink slug="central" />
      </I18nProvider>,
    );
    expect(screen.getByTestId('phone-address')).toHaveTextContent(`${window.location.host}/phone/central`);
  });
});
