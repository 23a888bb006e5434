import type { FieldProps } from '@fluentui/react-components';
import type { TFunction } from 'i18next';
import type { FormErrors, FormField } from './editor-form';

/** A Field's error state and messages (each t(messageKey, values)) for one form input. */
export function fieldValidation(errors: FormErrors, field: FormField, t: TFunction): Pick<FieldProps, 'validationState' | 'validationMessage'> {
  const messages = errors[field];
  if (!messages || messages.length === 0) return { validationState: 'none' };
  return {
    validationState: 'error',
    validationMessage: <span data-testid={`error-${field}`}>{messages.map((message) => t(message.messageKey, message.values ?? {})).join(' ')}</span>,
  };
}
