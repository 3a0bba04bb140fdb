// The SKU catalogue of generated batches: goods typical of China's cross-border import
// channel, with packed unit weight, box size, retail value in CNY and the countries the goods
// are sourced from. Fixed data (not drawn from the seed), so a SKU id means the same product
// in every batch. Prices are rounded Chinese cross-border retail prices of 2024–2025; a few
// luxury goods (bags, watches, coats, cameras, fine wine) sit above the CNY 5,000 per-order
// limit on purpose, so that a few percent of orders exceed it.

/** Where a SKU can be held: overseas storage bases (direct mail), bonded warehouses, domestic. */
export type StockChannel = 'overseas' | 'bonded' | 'domestic';

export type Category =
  | 'skincare' | 'cosmetics' | 'baby' | 'infant_formula' | 'supplements' | 'food'
  | 'handbags' | 'watches' | 'electronics' | 'apparel' | 'shoes' | 'wine';

export interface CatalogItem {
  readonly sku: string;
  readonly name: string;
  readonly category: Category;
  /** Packed weight of one unit. */
  readonly unitWeightKg: number;
  /** Box of one unit, cm. */
  readonly dimensionsCm: readonly [number, number, number];
  /** Retail value of one unit, CNY fen. */
  readonly unitValueMinor: number;
  /** ISO countries whose storage bases may hold it (direct mail). */
  readonly sourceCountries: readonly string[];
  /** Channels it is stocked through; `bonded` alone = bonded-only stock. */
  readonly channels: readonly StockChannel[];
  /** Relative share of order lines among SKUs of the same channel. */
  readonly popularity: number;
  /** Most units one order line asks for (formula and diapers come in multi-packs). */
  readonly maxQty: number;
}

type Row = [
  sku: string, name: string, category: Category, kg: number, dims: [number, number, number],
  cny: number, countries: string, channels: string, popularity: number, maxQty: number,
];

// channels: o = overseas, b = bonded, d = domestic. cny in yuan (at most 2 decimals); converted to fen below.
const ROWS: readonly Row[] = [
  // Skincare and cosmetics: JP / KR / FR / US, the largest CBEC category.
  ['SK2-FTE-230', 'SK-II Facial Treatment Essence 230 ml', 'skincare', 0.62, [8, 8, 20], 1540, 'JP', 'ob', 9, 2],
  ['SHI-ULT-50', 'Shiseido Ultimune Power Infusing Serum 50 ml', 'skincare', 0.28, [6, 6, 15], 790, 'JP', 'ob', 7, 2],
  ['ANS-SUN-60', 'Anessa Perfect UV Sunscreen 60 ml', 'skincare', 0.12, [5, 3, 14], 198, 'JP', 'b', 9, 3],
  ['DHC-OIL-200', 'DHC Deep Cleansing Oil 200 ml', 'skincare', 0.3, [6, 5, 17], 165, 'JP', 'ob', 5, 3],
  ['CPB-CRM-50', 'Clé de Peau Beauté La Crème 50 ml', 'skincare', 0.45, [9, 9, 8], 4680, 'JP', 'o', 1.2, 1],
  ['SWS-SRM-90', 'Sulwhasoo First Care Activating Serum 90 ml', 'skincare', 0.42, [8, 8, 16], 980, 'KR', 'ob', 6, 2],
  ['WHO-SET-5', 'The History of Whoo Bichup Gift Set', 'skincare', 0.95, [24, 19, 8], 1680, 'KR', 'o', 3, 1],
  ['MDH-MSK-10', 'Mediheal N.M.F Sheet Mask x10', 'skincare', 0.3, [20, 14, 3], 99.9, 'KR', 'b', 8, 3],
  ['INF-GTS-80', 'Innisfree Green Tea Seed Serum 80 ml', 'skincare', 0.22, [6, 6, 15], 159.9, 'KR', 'ob', 5, 3],
  ['LAN-GEN-100', 'Lancôme Advanced Génifique 100 ml', 'skincare', 0.42, [7, 7, 16], 1080, 'FR', 'ob', 8, 2],
  ['GUE-ORC-50', 'Guerlain Orchidée Impériale Cream 50 ml', 'skincare', 0.55, [10, 10, 9], 5600, 'FR', 'o', 0.8, 1],
  ['LRP-B5-100', 'La Roche-Posay Cicaplast Baume B5 100 ml', 'skincare', 0.15, [5, 4, 17], 129.9, 'FR', 'b', 6, 3],
  ['EL-ANR-50', 'Estée Lauder Advanced Night Repair 50 ml', 'skincare', 0.3, [6, 6, 14], 720, 'US', 'ob', 9, 2],
  ['LMR-CRM-60', 'La Mer Crème de la Mer 60 ml', 'skincare', 0.55, [10, 10, 8], 2950, 'US', 'o', 2.5, 1],
  ['CHA-N5-100', 'Chanel N°5 Eau de Parfum 100 ml', 'cosmetics', 0.6, [9, 6, 15], 1450, 'FR', 'o', 4, 1],
  ['YSL-LIP-3', 'YSL Rouge Pur Couture lipstick x3', 'cosmetics', 0.18, [12, 8, 4], 1050, 'FR', 'ob', 5, 2],
  ['SHU-OIL-450', 'Shu Uemura Cleansing Oil 450 ml', 'cosmetics', 0.58, [8, 6, 22], 720, 'JP', 'ob', 3, 2],
  ['MAC-LIP-1', 'MAC Matte Lipstick', 'cosmetics', 0.06, [3, 3, 9], 169.99, 'US', 'ob', 5, 3],
  // Baby: bulky and cheap, the classic bonded-warehouse goods.
  ['KAO-MRS-M64', 'Kao Merries Diapers M x64', 'baby', 2.6, [40, 25, 20], 139.9, 'JP', 'b', 8, 4],
  ['PGN-BTL-240', 'Pigeon Wide-Neck Glass Bottle 240 ml', 'baby', 0.35, [9, 9, 19], 149, 'JP', 'ob', 3, 2],
  // Infant formula: NL / DE / AU / NZ.
  ['A2-PLT-1-900', 'a2 Platinum Stage 1 Infant Formula 900 g', 'infant_formula', 1.25, [13, 13, 18], 298, 'NZ,AU', 'ob', 10, 6],
  ['APT-PRO-1-800', 'Aptamil Profutura Stage 1 800 g', 'infant_formula', 1.1, [12, 12, 19], 330, 'DE,NL', 'ob', 8, 6],
  ['FRS-GLD-2-900', 'Friso Gold Stage 2 900 g', 'infant_formula', 1.2, [13, 13, 18], 260, 'NL', 'ob', 6, 6],
  ['KRC-GLD-3-900', 'Karicare Gold+ Stage 3 900 g', 'infant_formula', 1.2, [13, 13, 18], 230, 'AU,NZ', 'b', 6, 6],
  ['BEL-ORG-1-800', "Bellamy's Organic Stage 1 800 g", 'infant_formula', 1.05, [12, 12, 18], 240, 'AU', 'ob', 4, 6],
  ['HIP-CMB-1-600', 'HiPP Combiotik Stage 1 600 g', 'infant_formula', 0.82, [11, 11, 16], 220, 'DE', 'ob', 4, 6],
  ['KND-CLS-1-800', 'Kendamil Classic Stage 1 800 g', 'infant_formula', 1.05, [12, 12, 18], 270, 'GB', 'o', 2, 6],
  // Health supplements and food: US / AU / NZ.
  ['SWS-LVR-120', 'Swisse Liver Detox 120 tablets', 'supplements', 0.32, [8, 8, 15], 130, 'AU', 'ob', 7, 3],
  ['BLM-FSH-400', 'Blackmores Odourless Fish Oil 400 capsules', 'supplements', 0.8, [10, 10, 18], 220, 'AU', 'ob', 5, 3],
  ['ELV-PRG-100', 'Elevit Pregnancy Multivitamin 100 tablets', 'supplements', 0.26, [7, 7, 12], 260, 'AU', 'ob', 5, 3],
  ['CTM-ADL-200', 'Centrum Adults Multivitamin 200 tablets', 'supplements', 0.42, [8, 8, 15], 180, 'US', 'ob', 5, 3],
  ['MVF-ULT-75', 'Move Free Ultra Triple Action 75 tablets', 'supplements', 0.35, [8, 8, 14], 260, 'US', 'ob', 4, 3],
  ['NMD-D3-300', 'Nature Made Vitamin D3 300 softgels', 'supplements', 0.24, [7, 7, 13], 98.5, 'US', 'b', 4, 3],
  ['GNC-WHY-2LB', 'GNC AMP Wheybolic Protein 2 lb', 'supplements', 1.1, [14, 14, 20], 420, 'US', 'o', 2, 2],
  ['MNK-UMF15-250', 'Comvita Manuka Honey UMF 15+ 250 g', 'food', 0.48, [9, 9, 11], 380, 'NZ', 'ob', 4, 3],
  ['MJI-MTC-100', 'Matcha powder, Uji, 100 g', 'food', 0.18, [8, 8, 10], 150, 'JP', 'o', 2, 3],
  // Handbags and luxury leather: IT / FR / US; several above the order limit.
  ['GUC-MRM-S', 'Gucci GG Marmont Small Shoulder Bag', 'handbags', 1.1, [32, 24, 14], 17800, 'IT', 'od', 0.35, 1],
  ['PRA-REN-NYL', 'Prada Re-Edition 2005 Nylon Bag', 'handbags', 0.75, [30, 22, 12], 9600, 'IT', 'od', 0.4, 1],
  ['BV-WLT-CAS', 'Bottega Veneta Cassette Wallet', 'handbags', 0.4, [16, 12, 6], 4200, 'IT', 'od', 0.6, 1],
  ['FUR-MTR-S', 'Furla Metropolis Mini Crossbody', 'handbags', 0.65, [24, 18, 10], 2800, 'IT', 'od', 1.2, 1],
  ['LV-NVF-MM', 'Louis Vuitton Neverfull MM', 'handbags', 1.3, [42, 30, 16], 15500, 'FR', 'od', 0.4, 1],
  ['LCH-PLG-M', 'Longchamp Le Pliage Original M', 'handbags', 0.45, [30, 22, 6], 1050, 'FR', 'od', 3, 1],
  ['COA-TBY-26', 'Coach Tabby Shoulder Bag 26', 'handbags', 1.0, [30, 22, 12], 3200, 'US', 'od', 1.2, 1],
  // Watches: CH / FR.
  ['SWA-BIG-47', 'Swatch Big Bold', 'watches', 0.3, [12, 10, 8], 650, 'CH', 'od', 2, 1],
  ['TIS-PRX-40', 'Tissot PRX Powermatic 80', 'watches', 0.55, [14, 12, 10], 4950, 'CH', 'od', 0.8, 1],
  ['LNG-MST-40', 'Longines Master Collection 40 mm', 'watches', 0.65, [15, 13, 10], 16800, 'CH', 'od', 0.3, 1],
  ['OMG-SMT-300', 'Omega Seamaster Diver 300M', 'watches', 0.8, [16, 14, 11], 42000, 'CH', 'od', 0.15, 1],
  ['CAR-TNK-MST', 'Cartier Tank Must', 'watches', 0.6, [15, 13, 10], 23500, 'FR', 'od', 0.2, 1],
  // Electronics: US / JP (and GB for Dyson, NL for Philips).
  ['APL-APP-2', 'Apple AirPods Pro 2', 'electronics', 0.36, [12, 11, 5], 1899, 'US', 'od', 6, 1],
  ['BOS-QCU-EB', 'Bose QuietComfort Ultra Earbuds', 'electronics', 0.4, [13, 11, 6], 1999, 'US', 'od', 2, 1],
  ['SNY-XM5', 'Sony WH-1000XM5 Headphones', 'electronics', 0.95, [25, 21, 9], 2499, 'JP', 'od', 3, 1],
  ['NIN-SWO', 'Nintendo Switch OLED', 'electronics', 1.65, [30, 15, 11], 2399, 'JP', 'od', 3, 1],
  ['CAN-R50-KIT', 'Canon EOS R50 with RF-S 18-45 mm', 'electronics', 1.3, [20, 16, 15], 6299, 'JP', 'od', 0.4, 1],
  ['PAN-STM-NANO', 'Panasonic Nanoe Facial Steamer', 'electronics', 1.5, [26, 18, 16], 1290, 'JP', 'od', 2, 1],
  ['ZJR-TMB-480', 'Zojirushi Stainless Mug 480 ml', 'electronics', 0.42, [8, 8, 24], 220, 'JP', 'ob', 4, 2],
  ['DYS-HD15', 'Dyson Supersonic Hair Dryer HD15', 'electronics', 2.4, [38, 18, 16], 2990, 'GB,US', 'od', 2, 1],
  ['PHI-SNC-9900', 'Philips Sonicare Prestige 9900', 'electronics', 1.2, [30, 12, 9], 1980, 'NL', 'od', 1.5, 1],
  // Apparel and shoes: US / GB / IT.
  ['NIK-AJ1-HI', 'Nike Air Jordan 1 Retro High OG', 'shoes', 1.45, [35, 24, 13], 1399, 'US', 'od', 4, 1],
  ['NB-990V6', 'New Balance 990v6 Made in USA', 'shoes', 1.3, [34, 22, 13], 1699, 'US', 'od', 3, 1],
  ['DRM-1460', 'Dr. Martens 1460 Smooth Leather Boots', 'shoes', 1.8, [34, 24, 13], 1399, 'GB', 'od', 2, 1],
  ['TOD-GMN-LOF', "Tod's Gommino Driving Loafers", 'shoes', 1.1, [33, 21, 12], 5200, 'IT', 'od', 0.4, 1],
  ['GGD-SST', 'Golden Goose Super-Star Sneakers', 'shoes', 1.4, [35, 23, 13], 3600, 'IT', 'od', 0.8, 1],
  ['RLP-POLO', 'Ralph Lauren Custom Fit Polo', 'apparel', 0.35, [30, 22, 4], 690, 'US', 'od', 4, 2],
  ['LEV-501', "Levi's 501 Original Jeans", 'apparel', 0.75, [35, 25, 5], 499, 'US', 'od', 3, 2],
  ['BAR-BDL-JKT', 'Barbour Bedale Wax Jacket', 'apparel', 1.6, [45, 35, 8], 2890, 'GB', 'od', 1, 1],
  ['BUR-TRN-KEN', 'Burberry Kensington Heritage Trench', 'apparel', 1.9, [50, 40, 10], 14900, 'GB', 'od', 0.25, 1],
  ['MXM-101801', 'Max Mara 101801 Icon Coat', 'apparel', 2.2, [55, 40, 12], 16500, 'IT', 'od', 0.25, 1],
  // Wine: FR / IT / AU, mostly general trade; one fine Bordeaux above the limit.
  ['MOE-BRT-750', 'Moët & Chandon Impérial Brut 750 ml', 'wine', 1.75, [10, 10, 33], 380, 'FR', 'od', 3, 3],
  ['BGN-PNR-750', 'Bourgogne Pinot Noir AOC 750 ml', 'wine', 1.5, [10, 10, 33], 690, 'FR', 'od', 1.5, 3],
  ['PRV-RSE-750', 'Côtes de Provence Rosé 750 ml', 'wine', 1.45, [10, 10, 33], 180, 'FR', 'd', 2, 3],
  ['LAF-2015-750', 'Château Lafite Rothschild 2015 750 ml', 'wine', 1.6, [10, 10, 33], 5800, 'FR', 'od', 0.15, 1],
  ['BRL-DOCG-750', 'Barolo DOCG 750 ml', 'wine', 1.55, [10, 10, 33], 480, 'IT', 'od', 1.2, 3],
  ['CHN-CLS-750', 'Chianti Classico DOCG 750 ml', 'wine', 1.45, [10, 10, 33], 160, 'IT', 'd', 2, 3],
  ['PEN-389-750', 'Penfolds Bin 389 Cabernet Shiraz 750 ml', 'wine', 1.6, [10, 10, 33], 720, 'AU', 'od', 2, 3],
];

const CHANNEL_LETTERS: Record<string, StockChannel> = { o: 'overseas', b: 'bonded', d: 'domestic' };

export const CATALOG: readonly CatalogItem[] = ROWS.map(
  ([sku, name, category, kg, dims, cny, countries, channels, popularity, maxQty]) => ({
    sku,
    name,
    category,
    unitWeightKg: kg,
    dimensionsCm: dims,
    // 129.9 * 100 is 12990.000000000002 in binary floating point: round to the fen.
    unitValueMinor: Math.round(cny * 100),
    sourceCountries: countries.split(','),
    channels: [...channels].map((c) => {
      const channel = CHANNEL_LETTERS[c];
      if (channel === undefined) throw new Error(`internal: catalog ${sku}: unknown channel letter "${c}"`);
      return channel;
    }),
    popularity,
    maxQty,
  }),
);
