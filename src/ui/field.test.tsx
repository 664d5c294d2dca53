import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Alert, ErrorMessage } from './alert.tsx';
import { Button } from './button.tsx';
import { CheckboxField, SelectField, TargetField, TextArea, TextField } from './field.tsx';

function Form({ onSubmit }: { onSubmit: (values: string[]) => void }) {
  const [name, setName] = useState('');
  const [target, setTarget] = useState('');
  const [notes, setNotes] = useState('');
  const [mode, setMode] = useState<'a' | 'b'>('a');
  return (
    <form
      aria-label="Example"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit([name, target, notes, mode]);
      }}
    >
      <TextField label="Name" value={name} onValue={setName} />
      <TargetField value={target} onValue={setTarget} />
      <TextArea label="Notes" value={notes} onValue={setNotes} />
      <SelectField<'a' | 'b'> label="Mode" value={mode} onValue={setMode}>
        <option value="a">first</option>
        <option value="b">second</option>
      </SelectField>
      <Button>Not a submit</Button>
      <Button type="submit" variant="primary">
        Go
      </Button>
    </form>
  );
}

describe('form primitives', () => {
  it('name each control by its label, and hand back what is typed and chosen', async () => {
    const user = userEvent.setup();
    const submitted = vi.fn();
    render(<Form onSubmit={submitted} />);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'alice');
    await user.type(screen.getByLabelText('Host, URL or OCM address'), 'bob@cloud.example.org');
    await user.type(screen.getByRole('textbox', { name: 'Notes' }), 'hi');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Mode' }), 'second');
    await user.click(screen.getByRole('button', { name: 'Not a submit' }));
    expect(submitted).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Go' }));
    expect(submitted).toHaveBeenCalledWith(['alice', 'bob@cloud.example.org', 'hi', 'b']);
  });

  it('type a target as it is: no spell check, no capitals, no autofill', () => {
    render(<TargetField value="" onValue={() => undefined} />);
    const input = screen.getByRole('textbox', { name: 'Host, URL or OCM address' });
    expect(input).toHaveAttribute('spellcheck', 'false');
    expect(input).toHaveAttribute('autocapitalize', 'off');
    expect(input).toHaveAttribute('autocomplete', 'off');
  });

  it('name a checkbox by its label and hand back the new state', async () => {
    const user = userEvent.setup();
    const changed = vi.fn();
    render(<CheckboxField label="wrong digest" checked={false} onChecked={changed} />);
    await user.click(screen.getByRole('checkbox', { name: 'wrong digest' }));
    expect(changed).toHaveBeenCalledWith(true);
  });

  it('announce errors and alerts', () => {
    render(
      <>
        <ErrorMessage>The server did not answer.</ErrorMessage>
        <Alert title="2 stored messages could not be read">
          <p>Kept in inbox.jsonl.</p>
        </Alert>
      </>,
    );
    const [error, alert] = screen.getAllByRole('alert');
    expect(error).toHaveTextContent('The server did not answer.');
    expect(alert).toHaveTextContent('2 stored messages could not be readKept in inbox.jsonl.');
  });
});
