import { Button } from '@zendeskgarden/react-buttons';
import { Field, Fieldset, Input, Select } from '@zendeskgarden/react-forms';
import styled from 'styled-components';
import type { Translate } from '../../../i18n';
import type { MappingProblem, MappingRow } from '../../../inbound/brands';
import type { Brand } from '../../../zendesk/types';
import { useI18n } from '../../common/I18nProvider';
import { Block } from '../layout';

const Row = styled.div`
  display: grid;
  grid-template-columns: minmax(160px, 1fr) minmax(160px, 1fr) auto;
  gap: ${({ theme }) => theme.space.xs};
  align-items: end;
  margin-top: ${({ theme }) => theme.space.xs};
`;

const Narrow = styled(Block)`
  max-width: 360px;
`;

/**
 * Which brand a text to each Klaviyo number opens its ticket in, and where texts to any other
 * number go. Shown when the account has more than one brand (or a mapping was saved before).
 */
export function BrandMappingFields({
  rows,
  defaultBrandId,
  brands,
  problems,
  disabled,
  onRows,
  onDefault,
}: {
  rows: MappingRow[];
  defaultBrandId: number | null;
  brands: Brand[];
  problems: MappingProblem[];
  disabled: boolean;
  onRows: (rows: MappingRow[]) => void;
  onDefault: (brandId: number | null) => void;
}) {
  const { t } = useI18n();
  const active = brands.filter((b) => b.active !== false);
  const set = (index: number, change: Partial<MappingRow>) =>
    onRows(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  const problemOf = (index: number) =>
    problems.find((p) => p.kind !== 'default-brand-unknown' && p.row === index);
  const defaultProblem = problems.find((p) => p.kind === 'default-brand-unknown');

  return (
    <Block $top="md" data-testid="inbound-brands">
      <Fieldset>
        <Fieldset.Legend>{t('setup.inbound.brands.heading')}</Fieldset.Legend>
        <Field>
          <Field.Hint>{t('setup.inbound.brands.hint')}</Field.Hint>
        </Field>
        {rows.map((row, index) => {
          const problem = problemOf(index);
          return (
            <div key={index}>
              <Row>
                <Field>
                  <Field.Label>{t('setup.inbound.brands.number', { row: index + 1 })}</Field.Label>
                  <Input
                    type="tel"
                    autoComplete="off"
                    value={row.number}
                    disabled={disabled}
                    placeholder="+14155550100"
                    validation={problem && problem.kind !== 'brand-unknown' ? 'error' : undefined}
                    onChange={(e) => set(index, { number: e.target.value })}
                  />
                </Field>
                <Field>
                  <Field.Label>{t('setup.inbound.brands.brand', { row: index + 1 })}</Field.Label>
                  <Select
                    value={row.brandId === null ? '' : String(row.brandId)}
                    disabled={disabled}
                    validation={problem?.kind === 'brand-unknown' ? 'error' : undefined}
                    onChange={(e) =>
                      set(index, { brandId: e.target.value === '' ? null : Number(e.target.value) })
                    }
                  >
                    <option value="">{t('setup.inbound.brands.choose')}</option>
                    {active.map((brand) => (
                      <option key={brand.id} value={brand.id}>
                        {brand.name}
                      </option>
                    ))}
                  </Select>
                </Field>
                <Button
                  isBasic
                  disabled={disabled}
                  onClick={() => onRows(rows.filter((_, i) => i !== index))}
                >
                  {t('setup.inbound.brands.remove_row', { row: index + 1 })}
                </Button>
              </Row>
              {problem && (
                <Field>
                  <Field.Message validation="error" role="alert">
                    {problemText(t, problem)}
                  </Field.Message>
                </Field>
              )}
            </div>
          );
        })}
        <Block $top="xs">
          <Button
            size="small"
            disabled={disabled}
            onClick={() => onRows([...rows, { number: '', brandId: null }])}
          >
            {t('setup.inbound.brands.add')}
          </Button>
        </Block>
        <Narrow $top="sm">
          <Field>
            <Field.Label>{t('setup.inbound.brands.default')}</Field.Label>
            <Select
              value={defaultBrandId === null ? '' : String(defaultBrandId)}
              disabled={disabled}
              validation={defaultProblem ? 'error' : undefined}
              onChange={(e) => onDefault(e.target.value === '' ? null : Number(e.target.value))}
            >
              <option value="">{t('setup.inbound.brands.default_account')}</option>
              {active.map((brand) => (
                <option key={brand.id} value={brand.id}>
                  {brand.name}
                </option>
              ))}
            </Select>
            {defaultProblem && (
              <Field.Message validation="error" role="alert">
                {problemText(t, defaultProblem)}
              </Field.Message>
            )}
          </Field>
        </Narrow>
      </Fieldset>
    </Block>
  );
}

function problemText(t: Translate, problem: MappingProblem): string {
  switch (problem.kind) {
    case 'number-invalid':
      return t('setup.inbound.brands.problem.number_invalid', {
        row: problem.row + 1,
        value: problem.value,
      });
    case 'number-repeated':
      return t('setup.inbound.brands.problem.number_repeated', {
        row: problem.row + 1,
        number: problem.number,
      });
    case 'brand-unknown':
      return t('setup.inbound.brands.problem.brand_unknown', { row: problem.row + 1 });
    case 'default-brand-unknown':
      return t('setup.inbound.brands.problem.default_unknown');
  }
}
