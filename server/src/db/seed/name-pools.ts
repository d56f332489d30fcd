import { base, en, en_US, Faker, zh_CN } from '@faker-js/faker';

/**
 * Names, streets and employers drawn once from seeded faker instances (en_US for American debtors, zh_CN for
 * Chinese ones). Cases then pick from these pools with their own PRNG: reseeding faker per case would cost more
 * than the rest of a case's story, and the pools keep a case independent of the cases generated before it.
 */
export interface NamePools {
  usFirst: readonly string[];
  usLast: readonly string[];
  usStreets: readonly string[];
  usEmployers: readonly string[];
  cnSurnames: readonly string[];
  cnGiven: readonly string[];
  cnStreets: readonly string[];
  cnEmployers: readonly string[];
}

export function buildNamePools(seed: number): NamePools {
  const us = new Faker({ locale: [en_US, en, base], seed });
  const cn = new Faker({ locale: [zh_CN, en, base], seed });
  const unique = (make: () => string, count: number) => us.helpers.uniqueArray(make, count);
  return {
    usFirst: unique(() => us.person.firstName(), 600),
    usLast: unique(() => us.person.lastName(), 800),
    usStreets: unique(() => us.location.streetAddress(), 1500),
    usEmployers: unique(() => us.company.name(), 300),
    cnSurnames: unique(() => cn.person.lastName(), 120),
    cnGiven: unique(() => cn.person.firstName(), 400),
    cnStreets: unique(() => cn.location.streetAddress(), 800),
    cnEmployers: unique(() => cn.company.name(), 200),
  };
}
