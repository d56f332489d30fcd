import type { CatalogPack } from '@arrears/shared/schemas/rules';
import { useTranslation } from 'react-i18next';
import { AdminSection } from '../../../components/ui/admin-table.tsx';
import { TableHead } from '../../../components/ui/table-head.tsx';
import { usePunctuation } from '../../../lib/punctuation.ts';
import { useLocalizedText } from '../../../lib/rule-texts.ts';
import { formatParameterValue } from '../hooks/parameter-values.ts';

/** The catalog: each pack with its rules (what, on which actions, with which effect, under which law) and parameters. */
export function RulePackList({ packs }: { packs: readonly CatalogPack[] }) {
  const { t } = useTranslation();
  const localized = useLocalizedText();
  const punctuation = usePunctuation();

  return (
    <AdminSection heading={t('admin.packs.heading')}>
      {packs.map((pack) => (
        <details key={pack.id} className="rule-pack">
          <summary>
            <span className="rule-pack-name">{localized(pack.name)}</span>{' '}
            <span className={`badge badge-${pack.kind}`}>{t(`admin.packs.kind.${pack.kind}`)}</span>{' '}
            <span className="muted">
              {t('admin.packs.summary', {
                rules: t('admin.packs.ruleCount', { count: pack.rules.length }),
                parameters: t('admin.packs.parameterCount', { count: pack.parameters.length }),
              })}
            </span>
          </summary>
          <table className="admin-table">
            <caption>{t('admin.packs.rulesLabel', { pack: pack.id })}</caption>
            <TableHead
              columns={[
                t('admin.packs.ruleColumn.id'),
                t('admin.packs.ruleColumn.description'),
                t('admin.packs.ruleColumn.appliesTo'),
                t('admin.packs.ruleColumn.effect'),
                t('admin.packs.ruleColumn.source'),
              ]}
            />
            <tbody>
              {pack.rules.map((rule) => (
                <tr key={rule.id}>
                  <th scope="row">
                    <code>{rule.id}</code>
                  </th>
                  <td className="wrap">{localized(rule.description)}</td>
                  <td className="wrap">
                    {rule.appliesTo.map((kind) => t(`admin.actionKind.${kind}`)).join(punctuation.items)}
                  </td>
                  <td>
                    <span className={`badge badge-effect-${rule.effect}`}>
                      {t(`admin.effect.${rule.effect}`)}
                    </span>
                  </td>
                  <td className="wrap">{localized(rule.source)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pack.parameters.length === 0 ? (
            <p className="muted">{t('admin.packs.noParameters')}</p>
          ) : (
            <table className="admin-table">
              <caption>{t('admin.packs.parametersLabel', { pack: pack.id })}</caption>
              <TableHead
                columns={[
                  t('admin.packs.parameterColumn.key'),
                  t('admin.packs.parameterColumn.label'),
                  { label: t('admin.packs.parameterColumn.value'), numeric: true },
                  t('admin.packs.parameterColumn.unit'),
                  t('admin.packs.parameterColumn.direction'),
                ]}
              />
              <tbody>
                {pack.parameters.map((parameter) => (
                  <tr key={parameter.key}>
                    <th scope="row">
                      <code>{parameter.key}</code>
                    </th>
                    <td>{localized(parameter.label)}</td>
                    <td className="numeric">
                      {formatParameterValue(parameter.unit, parameter.defaultValue)}
                    </td>
                    <td>{t(`admin.unit.${parameter.unit}`)}</td>
                    <td>
                      {parameter.legal
                        ? t(`admin.editor.mayOnlyGo.${parameter.tightens}`)
                        : t('admin.editor.eitherWay')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </details>
      ))}
    </AdminSection>
  );
}
