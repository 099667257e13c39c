import { useEffect, useRef, type ReactNode } from 'react';

/**
 * One kiosk screen: a heading that takes focus when the screen appears (screen readers announce
 * the change, keyboard users start at the top), then the content.
 */
export function Screen({
  title,
  children,
  tone,
}: {
  title: string;
  children: ReactNode;
  tone?: 'ok' | 'warn' | 'bad';
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  return (
    <section className={`screen ${tone ?? ''}`} aria-labelledby="screen-title">
      <h1 id="screen-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}
