import { useId, type ReactNode } from 'react';

/** Renders a titled section of the home page; its heading names the region for screen readers. */
export function Panel(props: { title: string; actions?: ReactNode; className?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className={`panel ${props.className ?? ''}`} aria-labelledby={headingId}>
      <div className="panel-header">
        <h2 id={headingId}>{props.title}</h2>
        {props.actions}
      </div>
      {props.children}
    </section>
  );
}
