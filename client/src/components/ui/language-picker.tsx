import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../../i18n/i18n.ts';
import { isLanguage, LANGUAGES, type Language } from '../../i18n/messages.ts';

/**
 * The interface language, chosen from the header or the sign-in page. The change shows at once (Chinese is fetched
 * the first time); `keep`, where given, then stores the choice on the signed-in person so every browser opens in it.
 */
export function LanguagePicker({
  keep,
  className,
}: {
  keep?: (language: Language) => Promise<unknown>;
  className?: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const current = isLanguage(i18n.language) ? i18n.language : 'en';

  const choose = async (language: Language) => {
    setPending(true);
    setFailure(null);
    try {
      await setLanguage(language);
      await keep?.(language);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <div className={className ? `language-picker ${className}` : 'language-picker'}>
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={current}
        disabled={pending}
        aria-describedby={failure ? `${id}-failure` : undefined}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void choose(event.target.value);
        }}
      >
        {LANGUAGES.map((language) => (
          // Each option is in its own language, and says so, for a screen reader's voice.
          <option key={language} value={language} lang={language === 'zh' ? 'zh-CN' : language}>
            {t(`language.name.${language}`)}
          </option>
        ))}
      </select>
      {pending && (
        <span role="status" className="visually-hidden">
          {t('language.changing')}
        </span>
      )}
      {failure && (
        <span id={`${id}-failure`} role="alert" className="language-picker-failure">
          {t('language.failed', { message: failure })}
        </span>
      )}
    </div>
  );
}
