import { Field, Input } from '@zendeskgarden/react-forms';
import styled from 'styled-components';

const Narrow = styled.div`
  max-width: 320px;
`;

/** The admin's own phone number for a guided test, with the reason when it does not parse. */
export function PhoneField({
  label,
  value,
  problem,
  onChange,
}: {
  label: string;
  value: string;
  problem: string | null;
  onChange: (value: string) => void;
}) {
  return (
    <Narrow>
      <Field>
        <Field.Label>{label}</Field.Label>
        <Input
          type="tel"
          autoComplete="tel"
          value={value}
          placeholder="+14155550100"
          onChange={(e) => onChange(e.target.value)}
          validation={problem ? 'error' : undefined}
        />
        {problem && (
          <Field.Message validation="error" role="alert">
            {problem}
          </Field.Message>
        )}
      </Field>
    </Narrow>
  );
}
