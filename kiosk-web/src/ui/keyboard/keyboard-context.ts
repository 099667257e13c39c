import { createContext, useContext } from 'react';

/**
 * True on the kiosk, which has a touchscreen and no keyboard: text fields then bring their own
 * on-screen keyboard. The phone page leaves it off (phones have one).
 */
export const OnScreenKeyboardContext = createContext(false);

export function useOnScreenKeyboard(): boolean {
  return useContext(OnScreenKeyboardContext);
}
