import { Component, type ReactNode } from 'react';
import { ErrorMessage } from '../../ui/alert.tsx';

/**
 * Keeps a record that fails to render to its own box: the rest of History (the list, Delete, import)
 * goes on working. Records are checked when read, so this is the last line, not the first.
 */
export class DetailBoundary extends Component<{ children: ReactNode; fallback: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <section aria-label="Recorded exchange" className="space-y-2 rounded border border-red-300 p-3">
        <ErrorMessage>This exchange cannot be shown: {this.state.error.message}</ErrorMessage>
        {this.props.fallback}
      </section>
    );
  }
}
