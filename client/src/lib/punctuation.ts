import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The joiners and brackets of the interface language, for components that put translated pieces together:
 * a Chinese page reads 、，（）—— where an English one reads , ( ) —. Stable while the language is.
 */
export function usePunctuation() {
  const { t } = useTranslation();
  return useMemo(() => {
    const open = t('ui.punctuation.open');
    const close = t('ui.punctuation.close');
    return {
      separator: t('ui.punctuation.separator'),
      items: t('ui.punctuation.items'),
      clauses: t('ui.punctuation.clauses'),
      open,
      close,
      dash: t('ui.punctuation.dash'),
      /** `text` with a remark after it in brackets: "Call (inbound)", "电话（呼入）". */
      aside: (text: string, remark: string) => `${text}${open}${remark}${close}`,
    };
  }, [t]);
}
