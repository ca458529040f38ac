import { Component, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

/**
 * A rendering bug must never leave the projector white: show a calm dark panel and try
 * again a few seconds later (the state is kept by the server, so a retry usually works).
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };
  private retry: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
    clearTimeout(this.retry);
    this.retry = setTimeout(() => this.setState({ failed: false }), 5_000);
  }

  override componentWillUnmount(): void {
    clearTimeout(this.retry);
  }

  override render(): ReactNode {
    if (this.state.failed) {
      return (
        <div className="recovering" role="alert">
          <p>One moment…</p>
        </div>
      );
    }
    return this.props.children;
  }
}
