import { useRef, useState, type HTMLInputTypeAttribute } from 'react';
import { useI18n } from '../i18n/i18n';
import { useOnScreenKeyboard } from './keyboard/keyboard-context';
import { type KeyboardLayout } from './keyboard/layouts';
import { OnScreenKeyboard } from './keyboard/on-screen-keyboard';

const INPUT_MODE = {
  email: 'email',
  tel: 'tel',
  digits: 'numeric',
  label: 'text',
  token: 'text',
  code: 'text',
} as const;

/**
 * A labelled text field. On the kiosk it opens an on-screen keyboard while focused (there is no
 * physical one); elsewhere it is a plain input with the right mobile keyboard.
 */
export function TextField({
  label,
  name,
  value,
  onChange,
  layout,
  type = 'text',
  autoComplete = 'off',
  maxLength,
  placeholder,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  layout: KeyboardLayout;
  type?: HTMLInputTypeAttribute;
  autoComplete?: string;
  maxLength?: number;
  placeholder?: string;
}) {
  const { t } = useI18n();
  const withKeyboard = useOnScreenKeyboard();
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const set = (next: string) => onChange(maxLength ? next.slice(0, maxLength) : next);
  return (
    <div className="field">
      <label>
        {label}
        <input
          ref={input}
          name={name}
          type={type}
          inputMode={INPUT_MODE[layout]}
          autoComplete={autoComplete}
          maxLength={maxLength}
          placeholder={placeholder}
          value={value}
          onChange={(e) => set(e.target.value)}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
        />
      </label>
      {withKeyboard && open ? (
        <OnScreenKeyboard
          layout={layout}
          label={t('keyboard.label', { field: label })}
          backspaceLabel={t('keyboard.backspace')}
          doneLabel={t('keyboard.done')}
          shiftLabel={t('keyboard.shift')}
          onKey={(k) => set(value + k)}
          onBackspace={() => set(value.slice(0, -1))}
          onDone={() => input.current?.blur()}
        />
      ) : null}
    </div>
  );
}
