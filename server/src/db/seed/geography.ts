/**
 * Where the demo debtors live. Each US state has one zone here: the seeder keeps every contact point of a
 * debtor in that zone and calls only 09:00–19:59, so a call is inside 08:00–21:00 even in a neighbouring zone
 * the compliance engine may add for the state (TX and FL span two zones, AZ skips daylight saving time).
 */
export interface UsState {
  code: string;
  zone: string;
  areaCodes: readonly number[];
  /** City and the first three digits of its ZIP codes. */
  cities: readonly (readonly [string, string])[];
  courts: string;
}

export const US_STATES: readonly UsState[] = [
  {
    code: 'CA',
    zone: 'America/Los_Angeles',
    areaCodes: [213, 310, 415, 619, 916],
    cities: [
      ['Los Angeles', '900'],
      ['San Diego', '921'],
      ['San Jose', '951'],
      ['Sacramento', '958'],
      ['Fresno', '937'],
    ],
    courts: 'Superior Court of California',
  },
  {
    code: 'TX',
    zone: 'America/Chicago',
    areaCodes: [214, 512, 713, 210, 817],
    cities: [
      ['Houston', '770'],
      ['Dallas', '752'],
      ['Austin', '787'],
      ['San Antonio', '782'],
      ['Fort Worth', '761'],
    ],
    courts: 'Texas Justice Court',
  },
  {
    code: 'FL',
    zone: 'America/New_York',
    areaCodes: [305, 407, 813, 904, 954],
    cities: [
      ['Miami', '331'],
      ['Orlando', '328'],
      ['Tampa', '336'],
      ['Jacksonville', '322'],
    ],
    courts: 'Florida County Court',
  },
  {
    code: 'NY',
    zone: 'America/New_York',
    areaCodes: [212, 718, 516, 585, 716],
    cities: [
      ['New York', '100'],
      ['Brooklyn', '112'],
      ['Buffalo', '142'],
      ['Rochester', '146'],
      ['Albany', '122'],
    ],
    courts: 'Civil Court of the City of New York',
  },
  {
    code: 'IL',
    zone: 'America/Chicago',
    areaCodes: [312, 773, 217, 630],
    cities: [
      ['Chicago', '606'],
      ['Aurora', '605'],
      ['Naperville', '605'],
      ['Springfield', '627'],
      ['Peoria', '616'],
    ],
    courts: 'Circuit Court of Cook County',
  },
  {
    code: 'GA',
    zone: 'America/New_York',
    areaCodes: [404, 678, 912, 706],
    cities: [
      ['Atlanta', '303'],
      ['Savannah', '314'],
      ['Augusta', '309'],
    ],
    courts: 'Magistrate Court of Fulton County',
  },
  {
    code: 'WA',
    zone: 'America/Los_Angeles',
    areaCodes: [206, 253, 425, 509],
    cities: [
      ['Seattle', '981'],
      ['Spokane', '992'],
      ['Tacoma', '984'],
      ['Bellevue', '980'],
    ],
    courts: 'King County District Court',
  },
  {
    code: 'MA',
    zone: 'America/New_York',
    areaCodes: [617, 508, 781, 413],
    cities: [
      ['Boston', '021'],
      ['Worcester', '016'],
      ['Springfield', '011'],
      ['Cambridge', '021'],
      ['Lowell', '018'],
    ],
    courts: 'Boston Municipal Court',
  },
  {
    code: 'AZ',
    zone: 'America/Phoenix',
    areaCodes: [602, 480, 520],
    cities: [
      ['Phoenix', '850'],
      ['Tucson', '857'],
      ['Mesa', '852'],
    ],
    courts: 'Maricopa County Justice Court',
  },
  {
    code: 'CO',
    zone: 'America/Denver',
    areaCodes: [303, 720, 719],
    cities: [
      ['Denver', '802'],
      ['Colorado Springs', '809'],
      ['Aurora', '800'],
    ],
    courts: 'Denver County Court',
  },
];

export const usState = (code: string): UsState => {
  const state = US_STATES.find((s) => s.code === code);
  if (!state) throw new Error(`no demo state ${code}`);
  return state;
};

export interface CnProvince {
  code: string;
  name: string;
  /** Landline area code, for work numbers. */
  areaCode: number;
  cities: readonly string[];
}

/** Mainland China keeps one time, Beijing time, everywhere. */
export const CN_ZONE = 'Asia/Shanghai';

export const CN_PROVINCES: readonly CnProvince[] = [
  { code: 'GD', areaCode: 20, name: '广东省', cities: ['广州市', '深圳市', '东莞市', '佛山市'] },
  { code: 'ZJ', areaCode: 571, name: '浙江省', cities: ['杭州市', '宁波市', '温州市'] },
  { code: 'JS', areaCode: 25, name: '江苏省', cities: ['南京市', '苏州市', '无锡市'] },
  { code: 'SC', areaCode: 28, name: '四川省', cities: ['成都市', '绵阳市'] },
  { code: 'SH', areaCode: 21, name: '上海市', cities: ['浦东新区', '徐汇区', '闵行区'] },
  { code: 'BJ', areaCode: 10, name: '北京市', cities: ['朝阳区', '海淀区', '丰台区'] },
  { code: 'HB', areaCode: 27, name: '湖北省', cities: ['武汉市', '宜昌市'] },
  { code: 'SD', areaCode: 531, name: '山东省', cities: ['济南市', '青岛市', '烟台市'] },
  { code: 'HA', areaCode: 371, name: '河南省', cities: ['郑州市', '洛阳市'] },
];

/** Mobile prefixes of the three carriers (the first three of eleven digits). */
export const CN_MOBILE_PREFIXES = [
  134, 135, 136, 138, 139, 150, 151, 158, 159, 130, 131, 132, 155, 156, 186, 133, 153, 177, 180, 189, 199,
];

/** The zone of a portfolio's debtors: their state's zone, or Beijing time. */
export const zoneOfRegion = (country: 'US' | 'CN', region: string | null): string =>
  country === 'CN' ? CN_ZONE : usState(region ?? '').zone;
