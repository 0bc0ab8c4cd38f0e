// The small secondary button the saved-model cards use for their many actions.
import type { ReactNode } from 'react';

export interface SmallButtonProps {
  readonly onClick: () => void;
  readonly children: ReactNode;
}

export function SmallButton({ onClick, children }: SmallButtonProps) {
  return (
    <button type="button" className="button button--small button--secondary" onClick={onClick}>
      {children}
    </button>
  );
}
