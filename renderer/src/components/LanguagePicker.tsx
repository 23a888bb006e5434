import { Field, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { isLanguage, supportedLanguages } from '../../../shared/i18n/languages';
import { chooseLanguage } from '../i18n/setup';

export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  return (
    <Field label={t('app.language')} orientation="horizontal">
      <Select
        value={i18n.resolvedLanguage ?? 'en'}
        onChange={(_event, data) => {
          if (isLanguage(data.value)) chooseLanguage(data.value);
        }}
      >
        {supportedLanguages.map((language) => (
          <option key={language} value={language}>
            {t(`app.languageNames.${language}`)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
