// Hand-entered facts of the default network: the storage bases, the Chinese clearance ports,
// domestic warehouses and the 31 province-level delivery zones, with their figures. Each
// figure is either published (the basis is named) or an assumption; data/README.md lists
// them. Routes, airport coordinates and time zones are not here: they come from Open
// Travel Data (the OPTD segments and airports files in data/sources).

/** An overseas storage base, tied to the airport it trucks its parcels to. */
export interface BaseFact {
  /** IATA code of the base's cargo airport; the base id is `SB-<iata>`. */
  iata: string;
  name: string;
  /** Where the base sits (a logistics district near the airport): assumption, hand-picked. */
  lat: number;
  lon: number;
}

/**
 * Storage bases near the airports of the source countries of China's "overseas purchase"
 * trade. Every airport here has direct scheduled segments into one of the nine Chinese
 * airports of the OPTD file (the build fails otherwise).
 */
export const BASES: readonly BaseFact[] = [
  // United States
  { iata: 'LAX', name: 'Los Angeles storage base', lat: 33.8317, lon: -118.262 }, // Carson, CA
  { iata: 'SFO', name: 'San Francisco Bay storage base', lat: 37.5934, lon: -122.0439 }, // Union City, CA
  { iata: 'SEA', name: 'Seattle storage base', lat: 47.3809, lon: -122.2348 }, // Kent, WA
  { iata: 'ORD', name: 'Chicago storage base', lat: 42.0039, lon: -87.9703 }, // Elk Grove Village, IL
  { iata: 'DFW', name: 'Dallas storage base', lat: 32.9546, lon: -97.015 }, // Coppell, TX
  { iata: 'JFK', name: 'New York storage base', lat: 40.6915, lon: -73.8057 }, // Jamaica, Queens
  { iata: 'EWR', name: 'New Jersey storage base', lat: 40.5187, lon: -74.4121 }, // Edison, NJ
  // Canada
  { iata: 'YVR', name: 'Vancouver storage base', lat: 49.1666, lon: -123.1336 }, // Richmond, BC
  { iata: 'YYZ', name: 'Toronto storage base', lat: 43.589, lon: -79.6441 }, // Mississauga, ON
  // Europe
  { iata: 'FRA', name: 'Frankfurt storage base', lat: 50.062, lon: 8.529 }, // Kelsterbach
  { iata: 'MUC', name: 'Munich storage base', lat: 48.327, lon: 11.75 }, // Hallbergmoos
  { iata: 'LHR', name: 'London storage base', lat: 51.503, lon: -0.42 }, // Hayes
  { iata: 'CDG', name: 'Paris storage base', lat: 48.942, lon: 2.495 }, // Aulnay-sous-Bois
  { iata: 'MXP', name: 'Milan storage base', lat: 45.612, lon: 8.851 }, // Busto Arsizio
  { iata: 'FCO', name: 'Rome storage base', lat: 41.772, lon: 12.24 }, // Fiumicino
  { iata: 'AMS', name: 'Amsterdam storage base', lat: 52.303, lon: 4.689 }, // Hoofddorp
  { iata: 'MAD', name: 'Madrid storage base', lat: 40.4238, lon: -3.5613 }, // Coslada
  // East Asia
  { iata: 'NRT', name: 'Tokyo storage base', lat: 35.7219, lon: 139.9311 }, // Ichikawa, Chiba
  { iata: 'KIX', name: 'Osaka storage base', lat: 34.6116, lon: 135.469 }, // Suminoe, Osaka
  { iata: 'NGO', name: 'Nagoya storage base', lat: 34.887, lon: 136.842 }, // Tokoname
  { iata: 'FUK', name: 'Fukuoka storage base', lat: 33.611, lon: 130.48 }, // Kasuya
  { iata: 'ICN', name: 'Seoul storage base', lat: 37.565, lon: 126.801 }, // Gangseo, Seoul
  { iata: 'PUS', name: 'Busan storage base', lat: 35.112, lon: 128.917 }, // Gangseo, Busan
  { iata: 'SIN', name: 'Singapore storage base', lat: 1.3329, lon: 103.7436 }, // Jurong
  // Oceania
  { iata: 'SYD', name: 'Sydney storage base', lat: -33.849, lon: 150.9 }, // Wetherill Park
  { iata: 'MEL', name: 'Melbourne storage base', lat: -37.7, lon: 144.88 }, // Tullamarine
  { iata: 'BNE', name: 'Brisbane storage base', lat: -27.433, lon: 153.08 }, // Eagle Farm
  { iata: 'PER', name: 'Perth storage base', lat: -31.98, lon: 115.95 }, // Kewdale
  { iata: 'AKL', name: 'Auckland storage base', lat: -36.97, lon: 174.81 }, // Mangere East
];

/** Pick/pack cost per parcel at a base, by country, in CNY fen: assumption (USD 1.1–1.7). */
export const BASE_PICK_PACK_MINOR: Readonly<Record<string, number>> = {
  AU: 1200, CA: 1100, DE: 1200, ES: 1000, FR: 1200, GB: 1200, IT: 1100, JP: 1000,
  KR: 800, NL: 1200, NZ: 1200, SG: 1000, US: 1100,
};

/** Pick/pack time at a base before the truck leaves: assumption. */
export const BASE_HANDLING_MINUTES = 240;

/** A Chinese airport that may clear cross-border parcels, with its port's figures. */
export interface PortFact {
  iata: string;
  city: string;
  province: string;
  /** Parcels the port clears per local calendar day: assumption, Shanghai largest. */
  dailyParcelCapacity: number;
  /** Working minutes of customs processing for a direct-mail (9610) parcel: assumption, 0.5–2 working days. */
  clearanceWorkingMinutes: number;
  /** Clearance fee per declared parcel (broker + declaration), fen: assumption. */
  clearancePerParcelMinor: number;
}

/** The nine airports of the OPTD file; a port is built only where some base flies to it. */
export const PORTS: readonly PortFact[] = [
  { iata: 'PVG', city: 'Shanghai Pudong', province: 'Shanghai', dailyParcelCapacity: 400_000, clearanceWorkingMinutes: 240, clearancePerParcelMinor: 250 },
  { iata: 'CAN', city: 'Guangzhou Baiyun', province: 'Guangdong', dailyParcelCapacity: 300_000, clearanceWorkingMinutes: 360, clearancePerParcelMinor: 280 },
  { iata: 'HGH', city: 'Hangzhou Xiaoshan', province: 'Zhejiang', dailyParcelCapacity: 250_000, clearanceWorkingMinutes: 300, clearancePerParcelMinor: 250 },
  { iata: 'CGO', city: 'Zhengzhou Xinzheng', province: 'Henan', dailyParcelCapacity: 200_000, clearanceWorkingMinutes: 420, clearancePerParcelMinor: 220 },
  { iata: 'SZX', city: "Shenzhen Bao'an", province: 'Guangdong', dailyParcelCapacity: 200_000, clearanceWorkingMinutes: 360, clearancePerParcelMinor: 280 },
  { iata: 'NGB', city: 'Ningbo Lishe', province: 'Zhejiang', dailyParcelCapacity: 150_000, clearanceWorkingMinutes: 480, clearancePerParcelMinor: 280 },
  { iata: 'TSN', city: 'Tianjin Binhai', province: 'Tianjin', dailyParcelCapacity: 120_000, clearanceWorkingMinutes: 540, clearancePerParcelMinor: 300 },
  { iata: 'CTU', city: 'Chengdu Shuangliu', province: 'Sichuan', dailyParcelCapacity: 120_000, clearanceWorkingMinutes: 600, clearancePerParcelMinor: 300 },
  { iata: 'CKG', city: 'Chongqing Jiangbei', province: 'Chongqing', dailyParcelCapacity: 100_000, clearanceWorkingMinutes: 720, clearancePerParcelMinor: 320 },
];

/** Time a Chinese airport needs to break down ULDs and hand parcels to customs: assumption. */
export const CN_AIRPORT_HANDLING_MINUTES = 180;
/** Post-clearance sort to the domestic carriers at a port: assumption. */
export const PORT_HANDLING_MINUTES = 60;
/** Bonded warehouse: pick/pack plus per-order release from the bonded zone, same day: assumption. */
export const BONDED_HANDLING_MINUTES = 360;
export const BONDED_PER_PARCEL_MINOR = 600;

/** A general-trade warehouse in mainland China (goods already imported). */
export interface DomesticWarehouseFact {
  id: string;
  name: string;
  province: string;
  lat: number;
  lon: number;
}

export const DOMESTIC_WAREHOUSES: readonly DomesticWarehouseFact[] = [
  { id: 'DW-SHA', name: 'Shanghai (Jiading) general-trade warehouse', province: 'Shanghai', lat: 31.3747, lon: 121.2655 },
  { id: 'DW-CAN', name: 'Guangzhou (Huangpu) general-trade warehouse', province: 'Guangdong', lat: 23.1064, lon: 113.4594 },
  { id: 'DW-BJS', name: 'Beijing (Langfang) general-trade warehouse', province: 'Hebei', lat: 39.5383, lon: 116.6838 },
  { id: 'DW-CTU', name: 'Chengdu (Shuangliu) general-trade warehouse', province: 'Sichuan', lat: 30.5745, lon: 103.9232 },
];
export const DOMESTIC_HANDLING_MINUTES = 180;
export const DOMESTIC_PER_PARCEL_MINOR = 300;

/** A province-level division of mainland China, a delivery zone `Z-<code>`. */
export interface ProvinceFact {
  /** ISO 3166-2:CN subdivision code without the "CN-" prefix. */
  code: string;
  province: string;
  capital: string;
  lat: number;
  lon: number;
  /** Resident population, 7th national census (2020-11-01), millions: published (NBS). */
  populationM: number;
  /** Far-west and northern provinces that every express company prices and times as remote. */
  remote: boolean;
  /** Province codes sharing a land border (Hainan: Guangdong, across the Qiongzhou Strait). */
  neighbours: readonly string[];
}

/** GB/T 2260 order. Capitals' coordinates: city centre, rounded to 3 decimals. */
export const PROVINCES: readonly ProvinceFact[] = [
  { code: 'BJ', province: 'Beijing', capital: 'Beijing', lat: 39.904, lon: 116.407, populationM: 21.89, remote: false, neighbours: ['TJ', 'HE'] },
  { code: 'TJ', province: 'Tianjin', capital: 'Tianjin', lat: 39.084, lon: 117.201, populationM: 13.87, remote: false, neighbours: ['BJ', 'HE'] },
  { code: 'HE', province: 'Hebei', capital: 'Shijiazhuang', lat: 38.042, lon: 114.515, populationM: 74.61, remote: false, neighbours: ['BJ', 'TJ', 'SX', 'NM', 'LN', 'SD', 'HA'] },
  { code: 'SX', province: 'Shanxi', capital: 'Taiyuan', lat: 37.87, lon: 112.549, populationM: 34.92, remote: false, neighbours: ['HE', 'NM', 'SN', 'HA'] },
  { code: 'NM', province: 'Inner Mongolia', capital: 'Hohhot', lat: 40.842, lon: 111.749, populationM: 24.05, remote: true, neighbours: ['HL', 'JL', 'LN', 'HE', 'SX', 'SN', 'NX', 'GS'] },
  { code: 'LN', province: 'Liaoning', capital: 'Shenyang', lat: 41.806, lon: 123.432, populationM: 42.59, remote: false, neighbours: ['JL', 'NM', 'HE'] },
  { code: 'JL', province: 'Jilin', capital: 'Changchun', lat: 43.817, lon: 125.324, populationM: 24.07, remote: false, neighbours: ['HL', 'NM', 'LN'] },
  { code: 'HL', province: 'Heilongjiang', capital: 'Harbin', lat: 45.803, lon: 126.535, populationM: 31.85, remote: false, neighbours: ['JL', 'NM'] },
  { code: 'SH', province: 'Shanghai', capital: 'Shanghai', lat: 31.23, lon: 121.474, populationM: 24.87, remote: false, neighbours: ['JS', 'ZJ'] },
  { code: 'JS', province: 'Jiangsu', capital: 'Nanjing', lat: 32.06, lon: 118.797, populationM: 84.75, remote: false, neighbours: ['SH', 'ZJ', 'AH', 'SD'] },
  { code: 'ZJ', province: 'Zhejiang', capital: 'Hangzhou', lat: 30.274, lon: 120.155, populationM: 64.57, remote: false, neighbours: ['SH', 'JS', 'AH', 'JX', 'FJ'] },
  { code: 'AH', province: 'Anhui', capital: 'Hefei', lat: 31.821, lon: 117.227, populationM: 61.03, remote: false, neighbours: ['JS', 'ZJ', 'JX', 'HB', 'HA', 'SD'] },
  { code: 'FJ', province: 'Fujian', capital: 'Fuzhou', lat: 26.074, lon: 119.296, populationM: 41.54, remote: false, neighbours: ['ZJ', 'JX', 'GD'] },
  { code: 'JX', province: 'Jiangxi', capital: 'Nanchang', lat: 28.682, lon: 115.858, populationM: 45.19, remote: false, neighbours: ['ZJ', 'AH', 'HB', 'HN', 'GD', 'FJ'] },
  { code: 'SD', province: 'Shandong', capital: 'Jinan', lat: 36.651, lon: 117.12, populationM: 101.53, remote: false, neighbours: ['HE', 'HA', 'AH', 'JS'] },
  { code: 'HA', province: 'Henan', capital: 'Zhengzhou', lat: 34.746, lon: 113.625, populationM: 99.37, remote: false, neighbours: ['HE', 'SX', 'SN', 'HB', 'AH', 'SD'] },
  { code: 'HB', province: 'Hubei', capital: 'Wuhan', lat: 30.593, lon: 114.305, populationM: 57.75, remote: false, neighbours: ['HA', 'AH', 'JX', 'HN', 'CQ', 'SN'] },
  { code: 'HN', province: 'Hunan', capital: 'Changsha', lat: 28.228, lon: 112.939, populationM: 66.45, remote: false, neighbours: ['HB', 'JX', 'GD', 'GX', 'GZ', 'CQ'] },
  { code: 'GD', province: 'Guangdong', capital: 'Guangzhou', lat: 23.129, lon: 113.264, populationM: 126.01, remote: false, neighbours: ['FJ', 'JX', 'HN', 'GX', 'HI'] },
  { code: 'GX', province: 'Guangxi', capital: 'Nanning', lat: 22.817, lon: 108.367, populationM: 50.13, remote: false, neighbours: ['GD', 'HN', 'GZ', 'YN'] },
  { code: 'HI', province: 'Hainan', capital: 'Haikou', lat: 20.044, lon: 110.199, populationM: 10.08, remote: false, neighbours: ['GD'] },
  { code: 'CQ', province: 'Chongqing', capital: 'Chongqing', lat: 29.563, lon: 106.551, populationM: 32.05, remote: false, neighbours: ['HB', 'HN', 'GZ', 'SC', 'SN'] },
  { code: 'SC', province: 'Sichuan', capital: 'Chengdu', lat: 30.573, lon: 104.066, populationM: 83.67, remote: false, neighbours: ['CQ', 'GZ', 'YN', 'XZ', 'QH', 'GS', 'SN'] },
  { code: 'GZ', province: 'Guizhou', capital: 'Guiyang', lat: 26.647, lon: 106.63, populationM: 38.56, remote: false, neighbours: ['CQ', 'HN', 'GX', 'YN', 'SC'] },
  { code: 'YN', province: 'Yunnan', capital: 'Kunming', lat: 25.038, lon: 102.718, populationM: 47.21, remote: false, neighbours: ['GZ', 'GX', 'SC', 'XZ'] },
  { code: 'XZ', province: 'Tibet', capital: 'Lhasa', lat: 29.652, lon: 91.172, populationM: 3.65, remote: true, neighbours: ['XJ', 'QH', 'SC', 'YN'] },
  { code: 'SN', province: 'Shaanxi', capital: "Xi'an", lat: 34.342, lon: 108.94, populationM: 39.53, remote: false, neighbours: ['SX', 'HA', 'HB', 'CQ', 'SC', 'GS', 'NX', 'NM'] },
  { code: 'GS', province: 'Gansu', capital: 'Lanzhou', lat: 36.061, lon: 103.834, populationM: 25.02, remote: true, neighbours: ['NM', 'NX', 'SN', 'SC', 'QH', 'XJ'] },
  { code: 'QH', province: 'Qinghai', capital: 'Xining', lat: 36.617, lon: 101.778, populationM: 5.92, remote: true, neighbours: ['GS', 'XJ', 'XZ', 'SC'] },
  { code: 'NX', province: 'Ningxia', capital: 'Yinchuan', lat: 38.487, lon: 106.231, populationM: 7.2, remote: true, neighbours: ['NM', 'GS', 'SN'] },
  { code: 'XJ', province: 'Xinjiang', capital: 'Ürümqi', lat: 43.825, lon: 87.617, populationM: 25.85, remote: true, neighbours: ['GS', 'QH', 'XZ'] },
];

/** Delivery tiers of a last-mile lane, from the origin's province to the zone. */
export type DeliveryTier = 'same' | 'neighbour' | 'national' | 'remote';

/**
 * Last-mile figures per tier: assumption, shaped like the "first weight + additional kg"
 * price cards of Chinese express companies, calibrated so that the population-weighted
 * average from a port is near the published figures: CNY 9.1 a parcel (2023 revenue per
 * parcel) and 54 h end to end (State Post Bureau, Q3 2023); see data/README.md.
 */
export const LAST_MILE: Readonly<Record<DeliveryTier, { transitMinutes: number; perParcelMinor: number; perParcelKgMinor: number }>> = {
  same: { transitMinutes: 24 * 60, perParcelMinor: 500, perParcelKgMinor: 100 },
  neighbour: { transitMinutes: 36 * 60, perParcelMinor: 700, perParcelKgMinor: 200 },
  national: { transitMinutes: 60 * 60, perParcelMinor: 900, perParcelKgMinor: 400 },
  remote: { transitMinutes: 108 * 60, perParcelMinor: 1600, perParcelKgMinor: 1000 },
};
/** The first weight a last-mile price includes. */
export const LAST_MILE_INCLUDED_KG = 1;
