import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reports } from '../../../i18n/en/reports.ts';
import { registerEnglish } from '../../../i18n/i18n.ts';

registerEnglish({ reports });

export interface PortfolioOption {
  id: string;
  name: string;
  currency: string;
}

/**
 * The portfolio filter: a button that opens a list of checkboxes (decision record 025). Native checkboxes
 * keep it keyboard-operable and read out by screen readers with no ARIA widget to get wrong; Escape or
 * leaving the list closes it and gives focus back to the button. Nothing ticked means every portfolio.
 */
export function PortfolioPicker({
  options,
  selected,
  onChange,
}: {
  options: readonly PortfolioOption[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  // The choice lives in the URL, which the router updates in a transition: a ticked box shows its new state at
  // once from this copy, which follows the URL whenever the URL changes (React's "adjust state on a prop change").
  const [picked, setPicked] = useState(selected);
  const [followed, setFollowed] = useState(selected);
  if (followed.join() !== selected.join()) {
    setFollowed(selected);
    setPicked(selected);
  }
  const chosen = new Set(picked);
  const needle = query.trim().toLocaleLowerCase();
  const shown = needle ? options.filter((o) => o.name.toLocaleLowerCase().includes(needle)) : options;
  const summary =
    picked.length === 0
      ? t('reports.allPortfolios')
      : picked.length === 1
        ? (options.find((o) => o.id === picked[0])?.name ??
          t('reports.portfoliosOf', { count: 1, total: options.length }))
        : t('reports.portfoliosChosen', { count: picked.length });

  const close = (refocus: boolean) => {
    setOpen(false);
    setQuery('');
    if (refocus) buttonRef.current?.focus();
  };
  const choose = (ids: string[]) => {
    setPicked(ids);
    onChange(ids);
  };
  const toggle = (portfolioId: string) =>
    choose(chosen.has(portfolioId) ? picked.filter((s) => s !== portfolioId) : [...picked, portfolioId]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      close(true);
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape or focus leaving anywhere inside closes the list; the controls inside are what is operated
    <div
      className="field portfolio-picker"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget)) close(false);
      }}
    >
      <span id={`${id}-label`}>{t('reports.portfolios')}</span>
      <button
        ref={buttonRef}
        id={`${id}-button`}
        type="button"
        className="portfolio-picker-button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-labelledby={`${id}-label ${id}-button`}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        <span className="portfolio-picker-summary">{summary}</span>
        {picked.length > 0 && (
          <span className="portfolio-picker-count">
            {t('reports.portfoliosOf', { count: picked.length, total: options.length })}
          </span>
        )}
      </button>
      {open && (
        <fieldset id={`${id}-list`} className="portfolio-picker-popover">
          <legend className="visually-hidden">{t('reports.portfolios')}</legend>
          <label className="portfolio-picker-search">
            <span className="visually-hidden">{t('reports.findPortfolio')}</span>
            <input
              type="search"
              value={query}
              placeholder={t('reports.findPortfolio')}
              onChange={(e) => setQuery(e.target.value)}
              // biome-ignore lint/a11y/noAutofocus: the list was opened to pick from; typing narrows it at once
              autoFocus
            />
          </label>
          <div className="portfolio-picker-actions">
            <button type="button" className="button-link" onClick={() => choose([])}>
              {t('reports.everyPortfolio')}
            </button>
          </div>
          <ul className="portfolio-picker-options">
            {shown.map((option) => (
              <li key={option.id}>
                <label>
                  <input type="checkbox" checked={chosen.has(option.id)} onChange={() => toggle(option.id)} />
                  {option.name} <span className="muted">{option.currency}</span>
                </label>
              </li>
            ))}
          </ul>
          {shown.length === 0 && <p className="field-hint">{t('reports.noPortfolioFound')}</p>}
        </fieldset>
      )}
    </div>
  );
}
