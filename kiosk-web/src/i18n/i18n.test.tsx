import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HomeScreen } from '../features/start/home-screen';
import { en, type MessageKey } from './en';
import { I18nProvider, interpolate, LANGUAGES } from './i18n';
import { LanguageSwitch } from './language-switch';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it.each(LANGUAGES.map((l) => [l.code, l.dict] as const))(
    '%s fills every placeholder English has',
    (_code, dict) => {
      for (const key of Object.keys(en) as MessageKey[]) {
        expect(dict[key].trim(), key).not.toBe('');
        expect(placeholders(dict[key]), key).toEqual(placeholders(en[key]));
      }
    },
  );

  it('interpolates named values and leaves unknown ones visible', () => {
    expect(interpolate('{free} of {total} free', { free: 3, total: 8 })).toBe('3 of 8 free');
    expect(interpolate('Go to {label}', {})).toBe('Go to {label}');
  });
});

describe('language switch', () => {
  it('switches every text on the screen and the page language', async () => {
    const noop = () => undefined;
    render(
      <I18nProvider>
        <LanguageSwitch />
        <HomeScreen onStore={noop} onScan={noop} onHelp={noop} />
      </I18nProvider>,
    );
    expect(screen.getByRole('button', { name: /Store luggage/ })).toBeInTheDocument();
    for (const [name, store, lang] of [
      ['Deutsch', /Gepäck einschließen/, 'de'],
      ['Français', /Déposer des bagages/, 'fr'],
      ['Español', /Guardar equipaje/, 'es'],
    ] as const) {
      await userEvent.click(screen.getByRole('button', { name }));
      expect(screen.getByRole('button', { name: store })).toBeInTheDocument();
      expect(screen.getByRole('button', { name })).toHaveAttribute('aria-pressed', 'true');
      expect(document.documentElement.lang).toBe(lang);
    }
  });
});
